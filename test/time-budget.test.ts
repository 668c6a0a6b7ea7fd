/**
 * The per-file time budget through the CLI (a real child process): a plugin rule that busy-loops
 * on one file turns that file into a fatal finding naming the budget; the other files are
 * linted. In-process the engine stops between rules; under --jobs the stuck worker is terminated.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
function run(args: string[], cwd: string, spinMs = '1500') {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '', SPIN_MS: spinMs } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const EMAIL = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Hi</title></head><body><p>Hello</p></body></html>\n';
// `spin` loops for `ms` on files whose name contains "slow" (forever when ms is 0).
const PLUGIN = `const spin = {
  id: 'spin', description: 'Busy-loops on slow files.', rationale: 'A test of the time budget.', sources: [], guidance: 'None.',
  category: 'layout', severity: 'warn', recommended: false, options: {}, messages: { seen: 'seen' },
  examples: { valid: [], invalid: [] },
  check({ doc }) {
    if (!String(doc.filePath).includes('slow')) return;
    const ms = Number(process.env.SPIN_MS ?? 0);
    const end = Date.now() + ms;
    while (ms === 0 || Date.now() < end) { /* spin */ }
  },
};
export default { rules: { spin } };
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-budget-'));
  writeFileSync(join(dir, 'spin.js'), PLUGIN);
  // The spinning rule runs first, then the built-ins.
  writeFileSync(join(dir, 'inboxlint.config.json'), JSON.stringify({ plugins: { t: './spin.js' }, rules: { 't/spin': 'warn', 'html-lang': 'error', 'img-alt': 'error' } }));
  for (let i = 0; i < 48; i++) writeFileSync(join(dir, `f${String(i).padStart(2, '0')}.html`), EMAIL);
  writeFileSync(join(dir, 'slow.html'), EMAIL);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Result = { filePath: string; messages: Array<{ fatal?: boolean; message: string; ruleId: string | null }> };

describe('per-file time budget', () => {
  it('in-process: the slow file gets a fatal budget finding, the others are linted', () => {
    const r = run(['lint', 'slow.html', 'f00.html', 'f01.html', '--format', 'json', '--max-file-time', '300', '--jobs', '1'], dir);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => x.filePath.split('/').pop())).toEqual(['slow.html', 'f00.html', 'f01.html']);
    const slow = results[0];
    expect(slow.messages.filter((m) => m.fatal)).toHaveLength(1);
    // The rule never checks the budget: the watchdog stops it inside (src/deadline.ts).
    expect(slow.messages[0].message).toMatch(/time budget of 300 ms \(stopped inside rule "t\/spin"\)/);
    for (const ok of results.slice(1)) expect(ok.messages.filter((m) => m.fatal)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);

  it('rejects a bad --max-file-time with exit 2', () => {
    const r = run(['lint', 'f00.html', '--max-file-time', '-5'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-file-time must be a whole number of milliseconds/);
  });

  it('--jobs: a worker stuck forever is terminated, its file is fatal, the other 48 files are linted', () => {
    const r = spawnSync(process.execPath, [BIN, 'lint', '.', '--format', 'json', '--max-file-time', '300', '--jobs', '2'], {
      cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1', SPIN_MS: '0' },
    });
    const results = JSON.parse(r.stdout) as Result[];
    expect(results).toHaveLength(49);
    const slow = results.find((x) => x.filePath.endsWith('slow.html'))!;
    expect(slow.messages).toHaveLength(1);
    expect(slow.messages[0]).toMatchObject({ fatal: true, ruleId: null });
    expect(slow.messages[0].message).toMatch(/time budget of 300 ms \(stopped (after its worker was stopped|inside rule "t\/spin")\)/);
    for (const ok of results.filter((x) => x !== slow)) expect(ok.messages.filter((m) => m.fatal)).toEqual([]);
    expect(r.status).toBe(1);
  }, 120_000);
});
