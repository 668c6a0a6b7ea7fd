/**
 * The CLI as users' CI scripts see it: a real child process (`node bin/inboxlint.js …`) on files
 * in a temp dir. Exit codes, flags and output shapes here are public contracts.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAN, WITH_ERROR, WITH_WARNING, LONG_TITLE } from './cli-fixtures.js';
import { tempProjects } from './cli-fixtures.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));

export function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export { CLEAN, WITH_ERROR, WITH_WARNING, LONG_TITLE };

const NO_STACK = /\n\s+at .+:\d+/;

const project = tempProjects('inboxlint-cli-');

describe('exit codes', () => {
  it('exits 0 and prints nothing for a clean file (default command, no `lint`)', () => {
    const p = project({ 'clean.html': CLEAN });
    const r = run(['clean.html'], p);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('exits 1 for a file with an error, printing stylish output', () => {
    const p = project({ 'bad.html': WITH_ERROR });
    const r = run(['lint', 'bad.html'], p);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('bad.html');
    expect(r.stdout).toMatch(/^\s+\d+:\d+\s+error\s+.*img-alt$/m);
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    expect(r.stdout).not.toContain('\u001b['); // NO_COLOR / not a TTY
  });

  it('exits 0 for warnings, 1 with --max-warnings 0', () => {
    const p = project({ 'warn.html': WITH_WARNING });
    const r = run(['warn.html'], p);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning\s+.*link-insecure/);
    const strict = run(['warn.html', '--max-warnings', '0'], p);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('too many warnings (maximum: 0)');
    expect(run(['warn.html', '--max-warnings', '1'], p).code).toBe(0);
  });

  it('--quiet reports errors only', () => {
    const p = project({ 'warn.html': WITH_WARNING, 'both.html': WITH_ERROR.replace('https://shop.example/spring', 'http://shop.example/spring') });
    const w = run(['--quiet', 'warn.html'], p);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    const b = run(['--quiet', 'both.html'], p);
    expect(b.code).toBe(1);
    expect(b.stdout).toContain('img-alt');
    expect(b.stdout).not.toContain('link-insecure');
  });

  it('--rule id=off turns a rule off; id=error:{options} sets severity and options', () => {
    const p = project({ 'bad.html': WITH_ERROR, 'long.html': LONG_TITLE });
    expect(run(['bad.html', '--rule', 'img-alt=off'], p).code).toBe(0);
    // Files after a repeated --rule are still files.
    expect(run(['--rule', 'img-alt=off', '--rule', 'link-insecure=error', 'bad.html'], p).code).toBe(0);
    expect(run(['long.html'], p).code).toBe(0);
    const r = run(['long.html', '--rule', 'subject-length=error'], p);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error\s+.*subject-length/);
    expect(run(['long.html', '--rule', 'subject-length=error:{"max":100}'], p).code).toBe(0);
    const bad = run(['long.html', '--rule', 'subject-length=error:{"max":"x"}'], p);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('subject-length[1].max: expected an integer ≥ 1, got "x"');
    const unknown = run(['long.html', '--rule', 'subjct-length=off'], p);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('subject-length');
  });

  it('--subject beats the <title>', () => {
    const p = project({ 'long.html': LONG_TITLE });
    const r = run(['long.html', '--rule', 'subject-length=error', '--subject', 'Linen week: 20% off'], p);
    expect(r.code).toBe(0);
  });
});

describe('formats', () => {
  it('json has ESLint’s shape, with [start, end] ranges in suggestions', () => {
    const p = project({ 'warn.html': WITH_WARNING, 'bad.html': WITH_ERROR });
    const r = run(['--format', 'json', 'warn.html', 'bad.html'], p);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results).toHaveLength(2);
    for (const res of results) {
      for (const k of ['filePath', 'messages', 'suppressedMessages', 'errorCount', 'warningCount', 'fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount', 'usedDeprecatedRules']) {
        expect(res).toHaveProperty(k);
      }
      expect(res.filePath).toBe(join(p, res.filePath.endsWith('warn.html') ? 'warn.html' : 'bad.html'));
    }
    const m = results[0].messages[0];
    expect(m).toMatchObject({ ruleId: 'link-insecure', severity: 1, messageId: 'insecure' });
    for (const k of ['line', 'column', 'endLine', 'endColumn']) expect(typeof m[k]).toBe('number');
    expect(m).not.toHaveProperty('range');
    expect(m.suggestions[0].fix.range).toEqual([expect.any(Number), expect.any(Number)]);
    const [start, end] = m.suggestions[0].fix.range;
    expect(WITH_WARNING.slice(start, end)).toBe('http');
    expect(results[1].errorCount).toBe(1);
  });

  it('github prints one workflow command per finding', () => {
    const p = project({ 'warn.html': WITH_WARNING, 'bad.html': WITH_ERROR });
    const r = run(['-f', 'github', 'warn.html', 'bad.html'], p);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(l).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/);
    }
    expect(lines[0]).toMatch(/^::warning file=warn\.html,.*title=link-insecure::/);
    expect(lines[1]).toMatch(/^::error file=bad\.html,.*title=img-alt::/);
  });

  it('junit is well-formed XML with a testcase per finding and one for a clean file', () => {
    const p = project({ 'clean.html': CLEAN, 'bad.html': WITH_ERROR, 'warn.html': WITH_WARNING });
    const r = run(['-f', 'junit', 'clean.html', 'bad.html', 'warn.html'], p);
    expect(r.code).toBe(1);
    assertWellFormedXml(r.stdout);
    expect(r.stdout.match(/<testsuite /g)).toHaveLength(3);
    expect(r.stdout.match(/<testcase /g)).toHaveLength(3);
    expect(r.stdout.match(/<failure /g)).toHaveLength(2);
    expect(r.stdout).toContain('<testsuites name="inboxlint" tests="3" failures="2" errors="0">');
    expect(r.stdout).toMatch(/<testcase name="inboxlint" classname="clean\.html" time="0" \/>/);
  });

  it('--output-file writes the report atomically and prints nothing', () => {
    const p = project({ 'bad.html': WITH_ERROR });
    const r = run(['bad.html', '-f', 'json', '--output-file', 'reports/out.json'], p);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const written = JSON.parse(readFileSync(join(p, 'reports/out.json'), 'utf8'));
    expect(written[0].errorCount).toBe(1);
    expect(readdirSync(join(p, 'reports'))).toEqual(['out.json']); // no temp file left behind
  });

  it('--output-file writes nothing when the config is bad', () => {
    const p = project({ 'bad.html': WITH_ERROR, 'inboxlint.config.json': '{ "rules": { "img-alt": "loud" } }' });
    const r = run(['bad.html', '-o', 'out.txt'], p);
    expect(r.code).toBe(2);
    expect(existsSync(join(p, 'out.txt'))).toBe(false);
  });

  it('--suggestions prints each finding’s suggestions', () => {
    const p = project({ 'warn.html': WITH_WARNING });
    const r = run(['warn.html', '--suggestions'], p);
    expect(r.stdout).toMatch(/^\s+suggestion: Use https:\/\//m);
    expect(run(['warn.html'], p).stdout).not.toContain('suggestion:');
  });
});

describe('configuration', () => {
  it('invalid JSON → exit 2 naming the file and line, no stack trace', () => {
    const p = project({ 'clean.html': CLEAN, 'inboxlint.config.json': '{\n  "rules": {\n    "img-alt": "off",\n  }\n}\n' });
    const r = run(['clean.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^inboxlint: inboxlint\.config\.json:4:\d+: invalid JSON/m);
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('a value of the wrong type → exit 2 with the key path and the expected value', () => {
    const p = project({ 'clean.html': CLEAN, 'inboxlint.config.json': JSON.stringify({ rules: { 'subject-length': ['warn', { max: 'x' }] } }) });
    const r = run(['clean.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inboxlint.config.json: rules.subject-length[1].max: expected an integer ≥ 1, got "x"');
    expect(r.stderr).not.toMatch(NO_STACK);

    const q = project({ 'clean.html': CLEAN, 'inboxlint.config.json': JSON.stringify({ overrides: [{ files: 3 }] }) });
    const s = run(['clean.html'], q);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('overrides[0].files: expected a glob string or an array of glob strings');
  });

  it('an unknown rule id → exit 2 naming the key', () => {
    const p = project({ 'clean.html': CLEAN, 'inboxlint.config.json': JSON.stringify({ rules: { 'no-such-rule': 'warn' } }) });
    const r = run(['clean.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inboxlint.config.json: rules.no-such-rule: unknown rule');
    expect(r.stderr).not.toMatch(NO_STACK);
  });

  it('is discovered upward from each file; the nearest wins', () => {
    const p = project({
      'inboxlint.config.json': JSON.stringify({ extends: 'inboxlint:recommended', rules: { 'img-alt': 'off' } }),
      'emails/deep/er/bad.html': WITH_ERROR,
      'other/inboxlint.config.json': JSON.stringify({ extends: 'recommended' }),
      'other/bad.html': WITH_ERROR,
    });
    expect(run(['emails/deep/er/bad.html'], p).code).toBe(0);
    const r = run(['emails/deep/er/bad.html', 'other/bad.html'], p);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('other/bad.html');
    expect(r.stdout).not.toContain('emails/deep/er/bad.html');
  });

  it('reads the "inboxlint" key of package.json', () => {
    const p = project({ 'package.json': JSON.stringify({ name: 'emails', inboxlint: { extends: 'recommended', rules: { 'img-alt': 0 } } }), 'bad.html': WITH_ERROR });
    expect(run(['bad.html'], p).code).toBe(0);
    const q = project({ 'package.json': JSON.stringify({ name: 'emails', inboxlint: { rules: { 'img-alt': 'nope' } } }), 'bad.html': WITH_ERROR });
    const r = run(['bad.html'], q);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('package.json: inboxlint.rules.img-alt: expected');
  });

  it('reads inboxlint.config.mjs with export default', () => {
    const p = project({ 'inboxlint.config.mjs': "export default { extends: ['inboxlint:recommended'], rules: { 'img-alt': ['off'] } };\n", 'bad.html': WITH_ERROR });
    expect(run(['bad.html'], p).code).toBe(0);
  });

  it('applies overrides by glob relative to the config file', () => {
    const p = project({
      'inboxlint.config.json': JSON.stringify({
        extends: 'inboxlint:recommended',
        overrides: [{ files: 'legacy/**/*.html', rules: { 'img-alt': 'off' } }, { files: ['promo-*.html'], subject: 'Short and sweet' }],
      }),
      'legacy/2019/bad.html': WITH_ERROR,
      'new/bad.html': WITH_ERROR,
      'promo-may.html': LONG_TITLE,
      'long.html': LONG_TITLE,
    });
    expect(run(['legacy/2019/bad.html'], p).code).toBe(0);
    expect(run(['new/bad.html'], p).code).toBe(1);
    // The override's subject replaces the too-long <title> subject for promo-*.html only.
    expect(run(['promo-may.html', '--max-warnings', '0'], p).code).toBe(0);
    expect(run(['long.html', '--max-warnings', '0'], p).code).toBe(1);
  });

  it('--config overrides discovery', () => {
    const p = project({ 'inboxlint.config.json': JSON.stringify({ rules: {} }), 'strict.json': JSON.stringify({ extends: 'strict' }), 'warn.html': WITH_WARNING });
    expect(run(['warn.html'], p).code).toBe(0);
    expect(run(['warn.html', '--config', 'strict.json'], p).code).toBe(1);
  });
});

describe('input errors', () => {
  it('a missing file → exit 2 naming it, and the other files are still linted', () => {
    const p = project({ 'bad.html': WITH_ERROR });
    const r = run(['missing.html', 'bad.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inboxlint: missing.html: no such file');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.stdout).toContain('img-alt');
    const j = JSON.parse(run(['missing.html', 'bad.html', '-f', 'json'], p).stdout);
    expect(j[0].messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
    expect(j[1].errorCount).toBe(1);
  });

  it('a binary file → exit 2 naming it', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR\0\0\0\x10')]);
    const p = project({ 'logo.html': png });
    const r = run(['logo.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^inboxlint: logo\.html: .*binary/m);
  });

  it('an empty file → exit 2', () => {
    const p = project({ 'empty.html': '' });
    const r = run(['empty.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inboxlint: empty.html: file is empty');
  });

  it('a glob or directory matching nothing → exit 2 naming the pattern', () => {
    const p = project({ 'notes.txt': 'x' });
    const r = run(['emails/**/*.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('emails/**/*.html');
    const d = run(['.'], p);
    expect(d.code).toBe(2);
  });

  it('directories expand to email files, skipping node_modules and dot-directories', () => {
    const p = project({
      'emails/a.html': WITH_ERROR,
      'emails/sub/b.htm': WITH_ERROR,
      'emails/node_modules/x/c.html': WITH_ERROR,
      'emails/.cache/d.html': WITH_ERROR,
      'emails/readme.md': '# hi',
    });
    const r = JSON.parse(run(['emails', '-f', 'json'], p).stdout);
    expect(r.map((x: { filePath: string }) => x.filePath.slice(p.length + 1)).sort()).toEqual(['emails/a.html', 'emails/sub/b.htm']);
    const g = JSON.parse(run(['emails/**/*.htm', '-f', 'json'], p).stdout);
    expect(g).toHaveLength(1);
  });

  it('no files → usage error (exit 2)', () => {
    const p = project({});
    expect(run([], p).code).toBe(2);
  });
});

describe('commands', () => {
  it('`rules` lists every rule with its category, severity and description', () => {
    const r = run(['rules'], project({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^img-alt\s+accessibility\s+error\s+✓\s+\S/m);
    expect(r.stdout).toMatch(/^subject-length\s+content\s+warn/m);
  });

  it('`rules <id>` prints the rule’s documentation; an unknown id exits 2 with suggestions', () => {
    const r = run(['rules', 'img-alt'], project({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# img-alt');
    expect(r.stdout).toContain('## Why');
    const u = run(['rules', 'img-alts'], project({}));
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('"img-alt"');
  });

  it('`init` writes a starter config, refuses to overwrite unless --force', () => {
    const p = project({ 'bad.html': WITH_ERROR });
    const r = run(['init'], p);
    expect(r.code).toBe(0);
    const cfg = JSON.parse(readFileSync(join(p, 'inboxlint.config.json'), 'utf8'));
    expect(cfg).toMatchObject({ extends: 'inboxlint:recommended', rules: {}, mailType: 'marketing' });
    expect(cfg).toHaveProperty('subject');
    // The starter config is valid and applies.
    expect(run(['bad.html'], p).code).toBe(1);
    writeFileSync(join(p, 'inboxlint.config.json'), '{"rules":{}}');
    const again = run(['init'], p);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(p, 'inboxlint.config.json'), 'utf8')).toBe('{"rules":{}}');
    expect(run(['init', '--force'], p).code).toBe(0);
    expect(JSON.parse(readFileSync(join(p, 'inboxlint.config.json'), 'utf8')).extends).toBe('inboxlint:recommended');
  });

  it('`demo` lints the bundled email from any cwd and exits 0 with findings', () => {
    const r = run(['demo'], project({}));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('newsletter.html');
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
    for (const id of ['img-alt', 'html-lang', 'link-insecure', 'subject-length']) expect(r.stdout).toContain(id);
    // The after-send loop: two variants, a synthetic export read back, the winner with its confidence, the click map, the history.
    expect(r.stdout).toMatch(/ a {2}\S+newsletter\.a\.html {2}CTA 2 "Click here" \(the control\)/);
    expect(r.stdout).toMatch(/ b {2}\S+newsletter\.b\.html {2}CTA 2 "Save my seat"/);
    expect(r.stdout).toContain('Read 6 rows of a synthetic Mailchimp click-details export (mailchimp detected; ');
    expect(r.stdout).toMatch(/Winner: b "Save my seat" — significant at the 95 % level \(confidence 99\.8 %\)/);
    expect(r.stdout).toMatch(/Click map \(each CTA's share of its variant's clicks, beside the email\): \S+newsletter\.a\.clickmap\.mobile\.png|Click map skipped: /);
    expect(r.stdout).toMatch(/Stored in the history \(|History skipped: the history needs better-sqlite3/);
    expect(r.stdout).toMatch(/Next: /);
   }, 120_000);
});

describe('--apply-suggestions', () => {
  it('edits only the suggested spans and keeps every other byte', () => {
    // CRLF line endings and a BOM must survive untouched.
    const original = `\ufeff${WITH_WARNING.replace('<html lang="en">', '<html>').replace(/\n/g, '\r\n')}`;
    const p = project({ 'warn.html': original });
    const r = run(['warn.html', '--apply-suggestions'], p);
    expect(r.stdout).toMatch(/warn\.html:\d+:\d+: applied: Use https:\/\//);
    expect(r.stdout).toMatch(/applied: Add lang="en"/);
    const after = readFileSync(join(p, 'warn.html'), 'utf8');
    const expected = original.replace('http://shop.example/spring', 'https://shop.example/spring').replace('<html>', '<html lang="en">');
    expect(after).toBe(expected);
    // What remains is reported (nothing: both findings were fixed).
    expect(r.code).toBe(0);
    expect(run(['warn.html', '--max-warnings', '0'], p).code).toBe(0);
  });

  it('says it is not supported for non-HTML inputs rather than skipping silently', () => {
    const mjml = `<mjml><mj-head><mj-title>Spring sale</mj-title></mj-head><mj-body><mj-section><mj-column>
<mj-text><a href="http://shop.example/linen">Shop linen shirts</a></mj-text>
<mj-text><a href="https://shop.example/unsubscribe">Unsubscribe</a></mj-text>
</mj-column></mj-section></mj-body></mjml>
`;
    const p = project({ 'sale.mjml': mjml });
    const r = run(['sale.mjml', '--apply-suggestions'], p);
    expect(r.stdout).toMatch(/sale\.mjml: --apply-suggestions is not supported for \.mjml files; \d+ suggestion\(s\) not applied/);
    expect(readFileSync(join(p, 'sale.mjml'), 'utf8')).toBe(mjml);
  });

  it('keeps stdout clean for machine formats (the change log goes to stderr)', () => {
    const p = project({ 'warn.html': WITH_WARNING });
    const r = run(['warn.html', '--apply-suggestions', '-f', 'json'], p);
    expect(JSON.parse(r.stdout)[0].warningCount).toBe(0);
    expect(r.stderr).toContain('applied:');
  });
});

/** A small XML well-formedness check: balanced tags, quoted attributes, known entities only. */
function assertWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  let roots = 0;
  while ((m = re.exec(body))) {
    if (m[6]) throw new Error(`stray "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) {
      if (!stack.length && m[5].trim()) throw new Error(`text outside the root: ${m[5]}`);
      for (const e of m[5].match(/&[^;\s]*;?/g) ?? []) expect(e).toMatch(/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i);
      continue;
    }
    for (const e of (m[3] ?? '').match(/&[^;\s"]*;?/g) ?? []) expect(e).toMatch(/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i);
    if (m[1]) {
      expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
    } else if (!m[4]) {
      if (!stack.length) roots++;
      stack.push(m[2]);
    } else if (!stack.length) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}
