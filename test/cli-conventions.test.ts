/**
 * The CLI's editor, hook and terminal conventions through a real child process: --fix and
 * --fix-dry-run, --stdin [--stdin-filename], --format by path and by package (two real ESLint
 * formatters from the registry), --print-config, doctor, colours (NO_COLOR / FORCE_COLOR /
 * --color / --no-color), stylish within the terminal width, shell completion.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { tempProjects } from './cli-fixtures.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const DEMO_DIR = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));
const DEMO = 'newsletter.html';
const ANSI = '\u001b[';

interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
}

/** Runs the CLI with a clean colour environment (no NO_COLOR / FORCE_COLOR unless given). */
function run(args: string[], cwd: string, o: RunOptions = {}) {
  const env: Record<string, string | undefined> = { ...process.env, INBOXLINT_DEBUG: '' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  Object.assign(env, o.env);
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', input: o.input ?? '', env: env as NodeJS.ProcessEnv });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Two layout tables without role (fixable), an invalid lang (fixable), an http link (a suggestion). */
const FIXABLE = `<!DOCTYPE html>
<html lang="en_US">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Spring sale: 20% off linen</title></head>
<body>
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all">Our lightest shirts and jackets are back, in six new colours for the warm days ahead.</div>
<table width="600" style="width:100%;max-width:600px"><tr><td>
<table><tr><td><p>Hello there, the spring collection is here.</p></td></tr></table>
<a href="http://shop.example/spring">Shop the spring collection</a>
<p><a href="https://shop.example/unsubscribe">Unsubscribe</a></p>
</td></tr></table>
</body></html>
`;
const FIXED = FIXABLE.replace('lang="en_US"', 'lang="en-US"').replace(/<table/g, '<table role="presentation"');

const NO_STACK = /\n\s+at .+:\d+/;

const project = tempProjects('inboxlint-conv-');

describe('--fix and --fix-dry-run', () => {
  it('--fix applies every safe fix (two passes), keeps every other byte (CRLF, BOM), and reports what remains', () => {
    const crlf = `\ufeff${FIXABLE.replace(/\n/g, '\r\n')}`;
    const p = project({ 'sale.html': crlf });
    const before = run(['sale.html', '-f', 'json'], p);
    const [res] = JSON.parse(before.stdout);
    expect(res.fixableWarningCount).toBe(3);
    expect(res.messages.filter((m: { fix?: unknown }) => m.fix).map((m: { ruleId: string }) => m.ruleId).sort()).toEqual(['html-lang', 'table-role-presentation', 'table-role-presentation']);
    expect(res.output).toBeUndefined();

    const r = run(['sale.html', '--fix'], p);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(p, 'sale.html'), 'utf8')).toBe(`\ufeff${FIXED.replace(/\n/g, '\r\n')}`);
    // What remains is the http:// link (a suggestion, not a fix): a warning, exit 0.
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/link-insecure/);
    expect(r.stdout).not.toMatch(/table-role-presentation|html-lang/);
    expect(r.stdout).toContain('1 problem has suggestions');
    expect(r.stdout).not.toContain('potentially fixable');
    expect(readdirSync(p)).toEqual(['sale.html']); // no temp file left behind
  });

  it('--fix-dry-run writes nothing and puts the fixed text in the JSON result’s output field', () => {
    const p = project({ 'sale.html': FIXABLE });
    const r = run(['sale.html', '--fix-dry-run', '-f', 'json'], p);
    const [res] = JSON.parse(r.stdout);
    expect(res.output).toBe(FIXED);
    expect(res.fixableWarningCount).toBe(0);
    expect(res.messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['link-insecure']);
    expect(readFileSync(join(p, 'sale.html'), 'utf8')).toBe(FIXABLE);
  });

  it('the summary says how many are fixable with --fix and how many have suggestions', () => {
    const p = project({ 'sale.html': FIXABLE });
    const r = run(['sale.html'], p);
    expect(r.stdout).toContain('✖ 4 problems (0 errors, 4 warnings)');
    expect(r.stdout).toContain('0 errors and 3 warnings potentially fixable with the `--fix` option.');
    expect(r.stdout).toContain('1 problem has suggestions (`--suggestions` shows them).');
  });

  it('--quiet --fix fixes errors only, as ESLint does', () => {
    const p = project({ 'sale.html': FIXABLE });
    run(['sale.html', '--fix', '--quiet', '--rule', 'html-lang=error'], p);
    expect(readFileSync(join(p, 'sale.html'), 'utf8')).toBe(FIXABLE.replace('lang="en_US"', 'lang="en-US"'));
  });

  it('MJML keeps its fixes as suggestions, and --fix says so instead of writing', () => {
    const mjml = `<mjml><mj-head><mj-title>Spring sale</mj-title><mj-preview>Linen shirts and jackets for the warm days, in six colours</mj-preview></mj-head><mj-body><mj-section><mj-column>
<mj-raw><table width="600"><tr><td>Raw layout</td></tr></table></mj-raw>
<mj-text><a href="https://shop.example/unsubscribe">Unsubscribe</a></mj-text>
</mj-column></mj-section></mj-body></mjml>
`;
    const p = project({ 'sale.mjml': mjml });
    const r = run(['sale.mjml', '--fix'], p);
    expect(r.stdout).toMatch(/sale\.mjml: 1 fix\(es\) not applied: --fix edits HTML files only, so on \.mjml files they are listed as suggestions/);
    expect(readFileSync(join(p, 'sale.mjml'), 'utf8')).toBe(mjml);
  });

  it('a non-UTF-8 file is not edited, and the reason is given', () => {
    const latin1 = Buffer.from(FIXABLE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace('Hello there', 'Caf\u00e9 there'), 'latin1');
    const p = project({ 'l1.html': latin1 });
    const r = run(['l1.html', '--fix'], p);
    expect(r.stdout).toContain('l1.html: fixes not applied: the file is not UTF-8');
    expect(readFileSync(join(p, 'l1.html')).equals(latin1)).toBe(true);
  });

  it('--fix with --fix-dry-run, and --fix with --stdin, are usage errors (exit 2)', () => {
    const p = project({ 'sale.html': FIXABLE });
    const both = run(['sale.html', '--fix', '--fix-dry-run'], p);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/mutually exclusive|fix-dry-run/);
    const stdin = run(['--stdin', '--fix'], p, { input: FIXABLE });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('use --fix-dry-run');
    expect(stdin.stderr).not.toMatch(NO_STACK);
  });
});

describe('--stdin', () => {
  it('lints standard input as <text> with config from the working directory', () => {
    const p = project({ 'inboxlint.config.json': JSON.stringify({ rules: { 'link-insecure': 'error' } }) });
    const r = run(['--stdin', '-f', 'json'], p, { input: FIXABLE });
    expect(r.code).toBe(1);
    const [res] = JSON.parse(r.stdout);
    expect(res.filePath).toBe(join(p, '<text>'));
    expect(res.messages.find((m: { ruleId: string }) => m.ruleId === 'link-insecure').severity).toBe(2);
  });

  it('--stdin-filename: its kind from the name and config from its folder; --fix-dry-run gives output', () => {
    const p = project({
      'emails/inboxlint.config.json': JSON.stringify({ extends: 'inboxlint:recommended', rules: { 'link-insecure': 'off' } }),
      'other/placeholder.txt': '',
    });
    const r = run(['--stdin', '--stdin-filename', 'emails/sale.html', '--fix-dry-run', '-f', 'json'], p, { input: FIXABLE });
    const [res] = JSON.parse(r.stdout);
    expect(res.filePath).toBe(join(p, 'emails', 'sale.html'));
    expect(res.messages).toEqual([]); // link-insecure is off in emails/; the fixable ones are fixed
    expect(res.output).toBe(FIXED);
    expect(r.code).toBe(0);

    const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';
    const m = run(['--stdin', '--stdin-filename', 'other/news.mjml', '-f', 'json'], p, { input: mjml });
    const [mr] = JSON.parse(m.stdout);
    expect(mr.messages.some((x: { ruleId: string; message: string }) => x.ruleId === 'html-title' && x.message.includes('<mj-title>'))).toBe(true);
  });

  it('empty input and files next to --stdin are clear errors (exit 2, no stack)', () => {
    const p = project({ 'sale.html': FIXABLE });
    const empty = run(['--stdin'], p, { input: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/<text>: file is empty|empty/);
    const both = run(['--stdin', 'sale.html'], p, { input: FIXABLE });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('do not also name files');
    expect(run(['--stdin-filename', 'x.html', 'sale.html'], p).stderr).toContain('--stdin-filename is only used with --stdin');
  });
});

describe('--format with a module', () => {
  it('loads a formatter by path (ESLint’s formatter signature, ESLint’s JSON shape)', () => {
    const formatter = `export default function (results, data) {
  return results.map((r) => r.messages.map((m) => [m.ruleId, m.line, Array.isArray(m.fix?.range) ? 'fix' : '-', data.rulesMeta[m.ruleId]?.docs?.url ? 'url' : '-'].join(' ')).join('\\n')).join('\\n') + '\\n';
}\n`;
    const p = project({ 'sale.html': FIXABLE, 'fmt/my-format.mjs': formatter });
    const r = run(['sale.html', '--format', './fmt/my-format.mjs'], p);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['html-lang 2 fix url', 'table-role-presentation 6 fix url', 'table-role-presentation 7 fix url', 'link-insecure 8 - url']);
  });

  it('loads installed packages: eslint-formatter-codeclimate (GitLab code quality) and eslint-formatter-junit', () => {
    const p = project({ 'sale.html': FIXABLE });
    const cc = run(['sale.html', '-f', 'codeclimate'], p);
    expect(cc.stderr).toBe('');
    const issues = JSON.parse(cc.stdout);
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatchObject({ type: 'issue', check_name: 'html-lang', severity: 'minor', location: { path: 'sale.html', positions: { begin: { line: 2 } } } });
    expect(issues[0].content.body).toContain('rules/html-lang/README.md');
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(4);

    const ju = run(['sale.html', '-f', 'eslint-formatter-junit'], p);
    expect(ju.stderr).toBe('');
    expect(ju.stdout).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>/);
    expect(ju.stdout.match(/<testcase /g)).toHaveLength(4);
    expect(ju.stdout).toContain('classname="');
  });

  it('an unknown or broken formatter is an error naming it (exit 2)', () => {
    const p = project({ 'sale.html': FIXABLE, 'bad.mjs': 'export default 42;\n', 'throws.mjs': 'export default () => { throw new Error("boom"); };\n' });
    const missing = run(['sale.html', '-f', 'no-such-format'], p);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"no-such-format" is not a built-in format (stylish, json, sarif, github, junit)');
    expect(missing.stderr).toContain('"eslint-formatter-no-such-format"');
    const notFn = run(['sale.html', '-f', './bad.mjs'], p);
    expect(notFn.code).toBe(2);
    expect(notFn.stderr).toMatch(/bad\.mjs does not export a formatter function/);
    const boom = run(['sale.html', '-f', './throws.mjs'], p);
    expect(boom.code).toBe(2);
    expect(boom.stderr).toMatch(/throws\.mjs failed: boom/);
    for (const r of [missing, notFn, boom]) expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('--print-config', () => {
  it('prints the resolved config for a file: presets, overrides and --rule applied, options filled in', () => {
    const p = project({
      'inboxlint.config.json': JSON.stringify({
        extends: 'inboxlint:recommended',
        rules: { 'subject-length': ['warn', { max: 45 }] },
        overrides: [{ files: 'transactional/**', mailType: 'transactional', rules: { 'cta-competing': 'off' } }],
      }),
    });
    const r = run(['--print-config', 'transactional/receipt.html', '--rule', 'img-alt=warn'], p);
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg).toMatchObject({ filePath: 'transactional/receipt.html', configFile: 'inboxlint.config.json', ignored: false, mailType: 'transactional' });
    expect(cfg.rules['subject-length']).toEqual(['warn', { max: 45, mobileCut: 40 }]);
    expect(cfg.rules['cta-competing']).toBe('off');
    expect(cfg.rules['img-alt']).toBe('warn');
    expect(JSON.parse(run(['--print-config', 'news.html'], p).stdout).mailType).toBeUndefined();
  });

  it('a bad config is an error naming the file (exit 2)', () => {
    const p = project({ 'inboxlint.config.json': '{ "rules": { "subject-length": "loud" } }' });
    const r = run(['--print-config', 'a.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inboxlint.config.json');
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('doctor', () => {
  it('prints versions, the browser it would use, the config in effect and the MJML cache', () => {
    const p = project({ 'inboxlint.config.json': '{ "mailType": "transactional" }' });
    const chromium = process.env.INBOXLINT_CHROMIUM;
    const r = run(['doctor'], p);
    expect(r.code).toBe(0);
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
    expect(r.stdout).toMatch(new RegExp(`^inboxlint: +${version.replace(/\./g, '\\.')}$`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^node: +${process.version.replace(/\./g, '\\.')} `, 'm'));
    expect(r.stdout).toMatch(/^mjml: +\d+\.\d+\.\d+$/m);
    expect(r.stdout).toMatch(/^config: +inboxlint\.config\.json$/m);
    expect(r.stdout).toMatch(/^rules on: +\d+ of \d+; mailType transactional/m);
    expect(r.stdout).toMatch(/^mjml cache: +\S/m);
    if (chromium) expect(r.stdout).toContain(`browser:          ${chromium} (from INBOXLINT_CHROMIUM)`);
    else expect(r.stdout).toMatch(/^browser: +\S+ \(from /m);
    const json = JSON.parse(run(['doctor', '--json'], p).stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['inboxlint', 'node', 'mjml', 'browser', 'config', 'mjml cache']));
  });

  it('without a browser it says where it looked, and still exits 0', () => {
    const p = project({});
    const missing = join(p, 'no-chromium');
    const r = run(['doctor'], p, { env: { INBOXLINT_CHROMIUM: missing } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`browser:          ✖ none: Chromium not found at ${missing} (from INBOXLINT_CHROMIUM) (--render needs one; linting does not)`);
    expect(r.stdout).toMatch(/^config: +none found/m);
    const flag = run(['doctor', '--chromium', missing], p);
    expect(flag.stdout).toContain(`Chromium not found at ${missing} (given as the browser path)`);
  });
});

describe('colours', () => {
  const p = () => project({ 'sale.html': FIXABLE });
  it('off when not a terminal and with NO_COLOR; on with FORCE_COLOR; --color / --no-color win', () => {
    const root = p();
    expect(run(['sale.html'], root).stdout).not.toContain(ANSI);
    expect(run(['sale.html'], root, { env: { NO_COLOR: '1' } }).stdout).not.toContain(ANSI);
    expect(run(['sale.html'], root, { env: { FORCE_COLOR: '1' } }).stdout).toContain(`${ANSI}33m`);
    expect(run(['sale.html'], root, { env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ANSI);
    // FORCE_COLOR beats NO_COLOR; the flags beat both.
    expect(run(['sale.html'], root, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).toContain(ANSI);
    expect(run(['sale.html', '--no-color'], root, { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ANSI);
    expect(run(['sale.html', '--color'], root, { env: { NO_COLOR: '1' } }).stdout).toContain(ANSI);
    // Machine formats are never coloured.
    expect(run(['sale.html', '-f', 'json'], root, { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ANSI);
  });
});

describe('stylish fits the terminal', () => {
  for (const width of [60, 80, 120]) {
    it(`no line of the demo is wider than ${width} columns; position, severity and rule id share the first line`, () => {
      const r = run([DEMO, '--suggestions'], DEMO_DIR, { env: { COLUMNS: String(width) } });
      expect(r.code).toBe(1);
      const lines = r.stdout.split('\n');
      const widest = Math.max(...lines.map((l) => [...l].length));
      expect(widest, lines.find((l) => [...l].length === widest)).toBeLessThanOrEqual(width);
      const findings = lines.filter((l) => /^ {2}\d+:\d+ +(error|warning) /.test(l));
      expect(findings.length).toBe(6); // the image CTA without alt is one finding (img-alt), not two
      for (const f of findings) expect(f).toMatch(/ [a-z]+(-[a-z]+)+$/); // the rule id ends the first line
      expect(lines.some((l) => /^ {4}suggestion: /.test(l))).toBe(true);
    });
  }

  it('without a terminal or COLUMNS it wraps at 80; the demo was 273–275 columns wide before wrapping', () => {
    const r = run([DEMO], DEMO_DIR);
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });

  it('a very narrow terminal stacks the message under position, severity and rule id', () => {
    const r = run([DEMO], DEMO_DIR, { env: { COLUMNS: '40' } });
    const lines = r.stdout.split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(40);
    expect(lines.some((l) => /^ {2}\d+:\d+ +warning +cta-vague-text$/.test(l))).toBe(true);
  });
});

describe('shell completion', () => {
  it('`completion` prints a bash/zsh script and the completer lists commands and flags', () => {
    const r = run(['completion'], project({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('###-begin-inboxlint-completions-###');
    const cmds = run(['--get-yargs-completions', ''], project({})).stdout.split('\n');
    expect(cmds).toEqual(expect.arrayContaining(['lint', 'rules', 'doctor', 'track']));
    const flags = run(['--get-yargs-completions', 'lint', '--'], project({})).stdout.split('\n');
    expect(flags).toEqual(expect.arrayContaining(['--fix', '--fix-dry-run', '--stdin', '--stdin-filename', '--print-config', '--format']));
  });
});

describe('.pre-commit-hooks.yaml', () => {
  /** The hooks' id, entry and args (a flat list of mappings; read without a YAML library). */
  function hooks(): Array<{ id: string; entry: string; args: string[]; files: string }> {
    const text = readFileSync(new URL('../.pre-commit-hooks.yaml', import.meta.url), 'utf8');
    return text
      .split(/^- /m)
      .slice(1)
      .map((block) => {
        const field = (k: string) => new RegExp(`^\\s*${k}: (.*)$`, 'm').exec(`  ${block}`)?.[1]?.trim() ?? '';
        const args = field('args');
        return { id: field('id'), entry: field('entry'), files: field('files'), args: args ? (JSON.parse(args.replace(/'/g, '"')) as string[]) : [] };
      });
  }

  it('runs each hook’s entry and args on staged files as pre-commit would', () => {
    const hs = hooks();
    expect(hs.map((h) => h.id)).toEqual(['inboxlint', 'inboxlint-fix']);
    for (const h of hs) {
      expect(new RegExp(h.files).test('emails/a.html') && new RegExp(h.files).test('a.mjml') && !new RegExp(h.files).test('a.css')).toBe(true);
      const [bin, ...entryArgs] = h.entry.split(' ');
      expect(bin).toBe('inboxlint');
      const p = project({ 'sale.html': FIXABLE });
      const r = run([...entryArgs, ...h.args, 'sale.html'], p);
      // The plain hook fails the commit on the warnings; the fix hook fixes what it can, then the http link remains.
      if (h.id === 'inboxlint') expect([r.code, readFileSync(join(p, 'sale.html'), 'utf8')]).toEqual([1, FIXABLE]);
      else expect([r.code, readFileSync(join(p, 'sale.html'), 'utf8')]).toEqual([0, FIXED]);
    }
  });
});
