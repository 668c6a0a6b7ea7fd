/**
 * Huge templates: the model's work grows linearly with the size (counted, not timed), the
 * per-file time budget cuts a long step inside a rule (in-process and through the CLI, the other
 * files unaffected; under --jobs at the file's own budget), `maxFileSize` / `maxFileTime` come
 * from the flags, the config file, or the defaults, flags first, and deep nesting parses in linear
 * time into the tree htmlparser2 builds.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { CORPUS_DIR, corpusPresent } from './corpus.js';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { EmailDocument } from '../src/model/document.js';
import { lintDocument } from '../src/engine/linter.js';
import { startBudget } from '../src/engine/budget.js';
import { presetRules } from '../src/config/presets.js';
import { allRules } from '../rules/index.js';
import { deadlineChecks } from '../src/deadline.js';
import { DEFAULT_MAX_FILE_SIZE } from '../src/input/index.js';
import { Session } from '../src/session.js';
import { inspect } from '../src/api.js';
import { parseFragment } from '../src/model/parse-html.js';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const TABLE = '<table><tr><td><a href="https://example.com/p">Item</a></td></tr></table>\n';
/** The shape: `n` small tables, one link each. */
const tables = (n: number) => `<!doctype html><html><body>${TABLE.repeat(n)}</body></html>`;
const EMAIL = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hi</title></head><body><p>Hello</p></body></html>\n';
const recommended = () => presetRules('recommended', allRules);

function run(args: string[], cwd: string, input?: string) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}
type Result = { filePath: string; messages: Array<{ fatal?: boolean; message: string; ruleId: string | null }> };
const fatals = (r: Result) => r.messages.filter((m) => m.fatal);

/** The model's loop steps (deadline checks) of linting `text` with the recommended rules. */
function steps(text: string): number {
  const doc = new EmailDocument({ filePath: 'big.html', text });
  const before = deadlineChecks();
  lintDocument(doc, { rules: recommended() });
  return deadlineChecks() - before;
}

describe('linear work on many small tables', () => {
  it('twice the tables cost about twice the model steps (n = 1,500, 3,000, 6,000)', () => {
    const [a, b, c] = [1500, 3000, 6000].map((n) => steps(tables(n)));
    expect(a).toBeGreaterThan(1500 * 10); // the loops do see every table
    for (const ratio of [b / a, c / b]) {
      expect(ratio).toBeGreaterThan(1.7);
      expect(ratio).toBeLessThan(2.3);
    }
  }, 120_000);
});

describe('the time budget cuts a long step short', () => {
  it('in-process: a file past its budget stops inside a rule, well before the work is done, and leaves the model whole', () => {
    const text = tables(10_000);
    const full = (() => {
      const before = deadlineChecks();
      const r = lintDocument(new EmailDocument({ filePath: 'big.html', text }), { rules: recommended() });
      return { steps: deadlineChecks() - before, messages: r.messages };
    })();
    expect(full.messages.filter((m) => m.fatal)).toEqual([]);

    const doc = new EmailDocument({ filePath: 'big.html', text });
    const before = deadlineChecks();
    const cut = lintDocument(doc, { rules: recommended(), budget: startBudget(40) });
    const used = deadlineChecks() - before;
    const fatal = cut.messages.filter((m) => m.fatal);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toMatchObject({ ruleId: null, severity: 2 });
    expect(fatal[0].message).toMatch(/time budget of 40 ms \(stopped (inside|after) rule "[a-z-]+"\)/);
    expect(used).toBeLessThan(full.steps / 2);

    // What the cut-short rule had computed is not left half-built: the same document, linted
    // again without a budget, gives what a fresh one gives.
    const again = lintDocument(doc, { rules: recommended() });
    expect(again.messages).toEqual(full.messages);
  }, 120_000);

  it('a deadline cut inside a rule says which rule', () => {
    // One rule, whose model work (CTAs, text runs, styles) is long: the cut lands inside it.
    const doc = new EmailDocument({ filePath: 'big.html', text: tables(20_000) });
    const r = lintDocument(doc, { rules: { 'color-contrast': { severity: 'error' } }, budget: startBudget(30) });
    expect(r.messages.map((m) => m.message)).toEqual([expect.stringMatching(/time budget of 30 ms \(stopped inside rule "color-contrast"\)/)]);
  }, 120_000);
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-big-'));
  writeFileSync(join(dir, 'ok.html'), EMAIL);
  writeFileSync(join(dir, 'medium.html'), tables(3000)); // 222 KB
  writeFileSync(join(dir, 'huge.html'), tables(150_000)); // 11 MB: the template
  for (const [sub, cfg] of Object.entries({
    small: { maxFileSize: 1000 },
    quick: { maxFileTime: 1 },
    badsize: { maxFileSize: '5MB' },
    badtime: { maxFileTime: -1 },
  })) {
    mkdirSync(join(dir, sub));
    writeFileSync(join(dir, sub, 'inboxlint.config.json'), JSON.stringify(cfg));
    writeFileSync(join(dir, sub, 'ok.html'), EMAIL);
    writeFileSync(join(dir, sub, 'medium.html'), tables(3000));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('maxFileSize', () => {
  it('a file over the default 5 MB is an input error naming it and the limit (exit 2); the other file is linted', () => {
    const r = run(['lint', 'huge.html', 'ok.html', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^inboxlint: huge\.html: file is 10\.6 MB \(11100041 bytes\), over the 5 MB limit \(maxFileSize 5242880\)/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => x.filePath.split('/').pop())).toEqual(['huge.html', 'ok.html']);
    expect(fatals(results[0])[0].message).toMatch(/over the 5 MB limit/);
    expect(fatals(results[1])).toEqual([]);
    expect(results[1].messages.length).toBeGreaterThan(0);
    expect(DEFAULT_MAX_FILE_SIZE).toBe(5 * 1024 * 1024);
  }, 60_000);

  it('from the config file; the flag beats it; a bad value names the key (exit 2)', () => {
    const small = run(['lint', 'medium.html', 'ok.html', '--format', 'json'], join(dir, 'small'));
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/medium\.html: file is 216\.8 KB \(222041 bytes\), over the 1000 bytes limit \(maxFileSize 1000\)/);
    expect(small.stderr).not.toMatch(/ok\.html/);
    const flag = run(['lint', 'medium.html', '--format', 'json', '--max-file-size', '0'], join(dir, 'small'));
    expect(fatals((JSON.parse(flag.stdout) as Result[])[0])).toEqual([]);
    const bad = run(['lint', 'ok.html'], join(dir, 'badsize'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/inboxlint\.config\.json: maxFileSize: expected a whole number of bytes ≥ 0 \(0: no limit\), got "5MB"/);
    const badFlag = run(['lint', 'ok.html', '--max-file-size', '1.5'], dir);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--max-file-size must be a whole number of bytes/);
  }, 60_000);

  it('track, inspect and render take --max-file-size too; the API inspect takes maxFileSize', async () => {
    const out = join(dir, 'tracked.html');
    const refused = run(['track', 'medium.html', '--campaign', 'c', '--out', out, '--max-file-size', '1000'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/medium\.html: file is 216\.8 KB \(222041 bytes\), over the 1000 bytes limit/);
    expect(existsSync(out)).toBe(false);
    const inspected = run(['inspect', 'medium.html', '--json', '--max-file-size', '1000'], dir);
    expect(inspected.code).toBe(2);
    expect(inspected.stderr).toMatch(/medium\.html: file is 216\.8 KB .*over the 1000 bytes limit/);
    expect(run(['inspect', 'medium.html', '--json', '--max-file-size', '0'], join(dir, 'small')).code).toBe(0);
    expect(run(['track', 'ok.html', '--campaign', 'c', '--dry-run', '--max-file-size', 'x'], dir).code).toBe(2);
    // The config key applies to track as it does to lint.
    expect(run(['track', 'medium.html', '--campaign', 'c', '--dry-run'], join(dir, 'small')).stderr).toMatch(/over the 1000 bytes limit \(maxFileSize 1000\)/);
    const rendered = run(['render', 'medium.html', '--out', join(dir, 'shots'), '--max-file-size', '1000'], dir);
    expect(rendered.code).toBe(2);
    expect(rendered.stderr).toMatch(/medium\.html: file is 216\.8 KB .*over the 1000 bytes limit/);
    await expect(inspect(join(dir, 'medium.html'), { maxFileSize: 1000 })).rejects.toThrow(/over the 1000 bytes limit/);
    expect((await inspect(join(dir, 'small', 'medium.html'), { maxFileSize: 0 }))[0].ctas).toBeDefined();
  }, 120_000);

  it('standard input and the API keep the same limit', async () => {
    const r = run(['lint', '--stdin', '--stdin-filename', 'piped.html', '--max-file-size', '100'], dir, tables(10));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/piped\.html: file is \d+ bytes \(\d+ bytes\), over the 100 bytes limit/);
    const session = new Session({ cwd: dir, maxFileSize: 100 });
    const [res] = await session.lint({ text: tables(10), filePath: 'text.html' });
    expect(res.messages).toMatchObject([{ fatal: true, message: expect.stringMatching(/over the 100 bytes limit/) }]);
    await session.close();
  });
});

describe('maxFileTime', () => {
  it('the CLI budget stops the 11 MB template quickly (no size limit) while the normal file in the run is unaffected', () => {
    const r = run(['lint', 'huge.html', 'ok.html', '--format', 'json', '--max-file-size', '0', '--max-file-time', '500', '--jobs', '1'], dir);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => x.filePath.split('/').pop())).toEqual(['huge.html', 'ok.html']);
    expect(fatals(results[0])).toMatchObject([{ ruleId: null, message: expect.stringMatching(/time budget of 500 ms \(stopped (inside|after) (rule "[a-z-]+"|loading)\)/) }]);
    expect(fatals(results[1])).toEqual([]);
    expect(results[1].messages.length).toBeGreaterThan(0);
    expect(r.code).toBe(1);
    // Un-budgeted this file takes about 20–30 s here; loading it takes about 2 s.
    expect(r.ms).toBeLessThan(15_000);
  }, 120_000);

  it('from the config file; the flag beats it; a bad value names the key (exit 2)', () => {
    const quick = run(['lint', 'medium.html', '--format', 'json'], join(dir, 'quick'));
    expect(fatals((JSON.parse(quick.stdout) as Result[])[0])).toMatchObject([{ message: expect.stringMatching(/time budget of 1 ms/) }]);
    const flag = run(['lint', 'medium.html', '--format', 'json', '--max-file-time', '0'], join(dir, 'quick'));
    expect(fatals((JSON.parse(flag.stdout) as Result[])[0])).toEqual([]);
    const bad = run(['lint', 'ok.html'], join(dir, 'badtime'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/inboxlint\.config\.json: maxFileTime: expected a whole number of milliseconds ≥ 0 \(0: no limit\), got -1/);
  }, 60_000);
});

describe('deep nesting parses in linear time', () => {
  /** The tree as a nested list of [name, start, end, children]: what parseFragment must keep. */
  const shape = (n: AnyNode): unknown => [
    n.type === 'tag' || n.type === 'script' || n.type === 'style' ? (n as Element).name : n.type,
    n.startIndex,
    n.endIndex,
    'children' in n ? n.children.map(shape) : (n as { data?: string }).data,
  ];
  const plain = (text: string) =>
    parseDocument(text, { withStartIndices: true, withEndIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, decodeEntities: true });

  it('gives the tree htmlparser2 gives, on tricky markup and real templates', () => {
    const tricky = [
      '<p>one<p>two<div>three</p></div><li>a<li>b</ul><table><tr><td>x<td>y</table>',
      '<svg><g><rect/><circle></circle></g></svg><math><mi>x</mi></math><p>after<br></br></p>',
      '<div><span><b>unclosed <i>nested</div> tail</span><select><option>a<option>b</select>',
      '<BODY><Div CLASS=x>Mixed <EM>case</em></DIV><img src=a><input></body></html>',
      '<div>'.repeat(300) + 'deep' + '</div>'.repeat(300) + '<p>',
      '<dd>a<dt>b<rt>c<rp>d<optgroup><option>e</optgroup><tbody><tr><th>f</tbody>',
    ];
    // Every HTML template of the corpus (where it is absent outside CI: the tricky cases only).
    const real = corpusPresent('big-files (corpus HTML through the parser)')
      ? (readdirSync(CORPUS_DIR, { recursive: true }) as string[]).filter((p) => /\.html?$/.test(p)).map((p) => readFileSync(join(CORPUS_DIR, p), 'utf8'))
      : [];
    if (real.length) expect(real.length).toBeGreaterThan(400);
    for (const text of [...tricky, ...real]) expect(shape(parseFragment(text))).toEqual(shape(plain(text)));
  }, 60_000);

  it('200,000 nested <div>s parse well within a generous bound (the front-first stack took minutes)', () => {
    const text = `<!doctype html><html><body>${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}</body></html>`;
    const t0 = performance.now();
    const doc = parseFragment(text);
    expect(performance.now() - t0).toBeLessThan(20_000);
    let depth = 0;
    for (let n: AnyNode | undefined = doc; n && 'children' in n && n.children.length; n = n.children.find((c) => c.type === 'tag')) depth++;
    expect(depth).toBeGreaterThan(200_000);
  }, 60_000);
});

describe('maxFileTime from the config under --jobs', () => {
  it('the worker of a file stuck past its config budget is stopped at that budget, not the default', () => {
    const jobs = join(dir, 'jobs');
    mkdirSync(jobs);
    // A plugin rule that never returns on files named "stuck" (no model loop to cut: the worker must go).
    writeFileSync(join(jobs, 'stuck.js'), `export default { rules: { stuck: {
      id: 'stuck', description: 'Loops forever on stuck files.', rationale: 'A test of the time budget.', sources: [], guidance: 'None.',
      category: 'layout', severity: 'warn', recommended: false, options: {}, messages: { seen: 'seen' }, examples: { valid: [], invalid: [] },
      check({ doc }) { if (String(doc.filePath).includes('stuck')) for (;;) {} },
    } } };\n`);
    writeFileSync(join(jobs, 'inboxlint.config.json'), JSON.stringify({ maxFileTime: 400, plugins: { t: './stuck.js' }, rules: { 't/stuck': 'warn', 'html-lang': 'error' } }));
    for (let i = 0; i < 48; i++) writeFileSync(join(jobs, `f${String(i).padStart(2, '0')}.html`), EMAIL);
    writeFileSync(join(jobs, 'stuck.html'), EMAIL);
    const r = run(['lint', '.', '--format', 'json', '--jobs', '2'], jobs);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results).toHaveLength(49);
    const stuck = results.find((x) => x.filePath.endsWith('stuck.html'))!;
    expect(stuck.messages).toMatchObject([{ fatal: true, ruleId: null, message: expect.stringMatching(/time budget of 400 ms \(stopped (after its worker was stopped|inside rule "t\/stuck")\)/) }]);
    for (const ok of results.filter((x) => x !== stuck)) expect(fatals(ok)).toEqual([]);
    expect(r.code).toBe(1);
  }, 120_000);
});
