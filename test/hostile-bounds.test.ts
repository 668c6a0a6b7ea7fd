/**
 * Time and depth bounds, end to end through the CLI (a real child process on generated inputs):
 * link walks linear in links (8,000 product rows), merge tags by the hundred thousand in one
 * CTA's href, a CTA 2,000 elements deep (divs, tables, MJML wrappers), and a plugin rule that
 * never returns, in a single-process run. Each ends within its budget with a result or a
 * finding naming the file. The bounds are generous (a loaded 2-core CI machine) but far below
 * what the quadratic or unbounded versions took (8,000 rows: 105 s; the loop: for ever).
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAN, tempProjects } from './cli-fixtures.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const NO_STACK = /\n\s+at .+:\d+/;

function run(args: string[], cwd: string, timeout = 120_000) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '', INBOXLINT_CACHE: '0' } });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr), ms: performance.now() - t };
}

interface Message {
  ruleId: string | null;
  message: string;
  fatal?: boolean;
}
const messagesOf = (json: string, file: string): Message[] => (JSON.parse(json) as Array<{ filePath: string; messages: Message[] }>).find((r) => r.filePath.endsWith(file))!.messages;

const project = tempProjects('inboxlint-hostile-bounds-');

/** `n` rows of one product link each, as in a catalogue email. */
function productRows(n: number): string {
  let rows = '';
  for (let i = 0; i < n; i++) rows += `<tr><td><a href="https://shop.example.com/item/${i}">Item ${i} — view details</a></td></tr>\n`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>All items</title></head><body><table role="presentation">\n${rows}</table></body></html>\n`;
}

const BUTTON = '<a href="https://shop.example/buy" style="display:inline-block;background:#0a7;color:#ffffff;padding:14px 28px;font-size:18px">Buy now</a>';
/** A button inside `depth` nested elements. */
function nested(depth: number, open: string, close: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Deep</title></head><body>${open.repeat(depth)}${BUTTON}${close.repeat(depth)}</body></html>\n`;
}

describe('link walks are linear in links', () => {
  it('tracks and inspects 8,000 product rows in seconds, every link tracked', () => {
    const p = project({ 'rows.html': productRows(8000) });
    const t = run(['track', 'rows.html', '--campaign', 'spring', '--source', 'news', '--out', 'tracked.html'], p);
    expect(t.stderr).not.toMatch(NO_STACK);
    expect(t.code).toBe(0);
    expect(t.stdout + t.stderr).toMatch(/8000 link\(s\): 8000 tracked/);
    expect(t.ms).toBeLessThan(30_000); // 105 s when the enclosing table's text was recomputed per link
    expect(readFileSync(join(p, 'tracked.html'), 'utf8').match(/utm_campaign=spring/g)).toHaveLength(8000);
    const i = run(['inspect', 'rows.html', '--json'], p);
    expect(i.code).toBe(0);
    expect(JSON.parse(i.stdout)[0].links).toHaveLength(8000);
    expect(i.ms).toBeLessThan(30_000);
  }, 120_000);
});

describe('the time budget applies to track and inspect', () => {
  it('a file past its budget (maxFileTime 1 in its config) is an error naming it, exit 2', () => {
    const p = project({ 'rows.html': productRows(8000), 'inboxlint.config.json': JSON.stringify({ maxFileTime: 1 }) });
    for (const [args, what] of [
      [['track', 'rows.html', '--campaign', 'spring', '--source', 'news', '--out', 'tracked.html'], 'tracking'],
      [['inspect', 'rows.html'], 'inspecting'],
    ] as const) {
      const r = run([...args], p);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`rows\\.html: ${what} this file took longer than its time budget of 1 ms`));
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  }, 120_000);
});

describe('merge tags by the hundred thousand', () => {
  it('lints a CTA whose href holds 100,000 merge tags within its budget', () => {
    const p = project({ 'tags.html': CLEAN.replace('https://shop.example/spring', `https://shop.example/${'{{a}}'.repeat(100_000)}`) });
    const r = run(['lint', 'tags.html', '-f', 'json', '--max-file-time', '10000'], p);
    expect(r.stderr).not.toMatch(NO_STACK);
    expect([0, 1]).toContain(r.code);
    expect(messagesOf(r.stdout, 'tags.html').filter((m) => m.fatal && !/time budget of 10000 ms/.test(m.message))).toEqual([]);
    expect(r.ms).toBeLessThan(40_000);
  }, 120_000);
});

describe('no recursion over the tree depth', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['2,000 nested divs', { 'deep.html': nested(2000, '<div>', '</div>') }],
    ['2,000 nested tables', { 'deep.html': nested(2000, '<table role="presentation"><tr><td>', '</td></tr></table>') }],
    ['2,000 nested spans', { 'deep.html': nested(2000, '<span>', '</span>') }],
  ];
  for (const [name, files] of cases) {
    it(`${name}: cta-above-fold and cta-touch-target answer, no stack overflow`, () => {
      const p = project(files);
      const r = run(['lint', 'deep.html', '-f', 'json', '--max-file-time', '0'], p);
      expect(r.stderr).not.toMatch(NO_STACK);
      const messages = messagesOf(r.stdout, 'deep.html');
      expect(messages.filter((m) => m.fatal)).toEqual([]);
      expect(JSON.stringify(messages)).not.toMatch(/call stack/);
      const i = run(['inspect', 'deep.html', '--json'], p);
      expect(i.stderr).toBe('');
      expect(JSON.parse(i.stdout)[0].ctas[0].position.mobile.top).toBeGreaterThanOrEqual(0);
    }, 120_000);
  }

  it('an MJML button inside 500 nested wrappers', () => {
    const mjml = `<mjml><mj-body>${'<mj-wrapper>'.repeat(500)}<mj-section><mj-column><mj-button href="https://shop.example/buy">Buy now</mj-button></mj-column></mj-section>${'</mj-wrapper>'.repeat(500)}</mj-body></mjml>\n`;
    const p = project({ 'deep.mjml': mjml });
    const r = run(['lint', 'deep.mjml', '-f', 'json', '--max-file-time', '0'], p);
    expect(r.stderr).not.toMatch(NO_STACK);
    const messages = messagesOf(r.stdout, 'deep.mjml');
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.some((m) => m.ruleId === 'cta-above-fold')).toBe(true);
  }, 120_000);
});

describe('a plugin rule that never returns', () => {
  const PLUGIN = `const base = { description: 'Loops', rationale: 'r', sources: [], guidance: 'g', category: 'layout', severity: 'error', recommended: false, options: {}, messages: { m: 'm' }, examples: { valid: [], invalid: [] } };
export default { meta: { name: 'loopy', version: '1.0.0' }, rules: { loop: { ...base, id: 'loop', check() { for (;;) {} } } } };
`;
  const files = () => ({
    'plugin.mjs': PLUGIN,
    'inboxlint.config.json': JSON.stringify({ extends: 'inboxlint:recommended', plugins: { p: './plugin.mjs' }, rules: { 'p/loop': 'error' } }),
    'a.html': CLEAN,
    'b.html': CLEAN,
  });

  it('is stopped at the budget in a single-process lint: both files named, the SARIF written', () => {
    const p = project(files());
    const r = run(['lint', 'a.html', 'b.html', '--jobs', '1', '--max-file-time', '1500', '-f', 'sarif', '-o', 'out.sarif'], p, 90_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(NO_STACK);
    const notes = JSON.parse(readFileSync(join(p, 'out.sarif'), 'utf8')).runs[0].invocations[0].toolExecutionNotifications as Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    expect(notes.map((n) => n.locations[0].physicalLocation.artifactLocation.uri).sort()).toEqual(['a.html', 'b.html']);
    for (const n of notes) expect(n.message.text).toMatch(/time budget of 1500 ms \(stopped inside rule "p\/loop"\)/);
  }, 120_000);

  it('is stopped under --fix too', () => {
    const p = project(files());
    const r = run(['lint', 'a.html', '--fix', '--max-file-time', '1500', '-f', 'json'], p, 90_000);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(messagesOf(r.stdout, 'a.html').some((m) => m.fatal && /stopped inside rule "p\/loop"/.test(m.message))).toBe(true);
  }, 120_000);
});
