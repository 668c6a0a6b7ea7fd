/** The built CLI on .mjml inputs: lint, inspect and track report and write MJML source positions. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/mjml/', import.meta.url));
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INBOXLINT_CACHE: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'inboxlint-mjml-cli-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
};

describe('CLI on .mjml', () => {
  it('lint reports MJML source lines, including an error in an included file', () => {
    const dir = tmp();
    const r = run(['lint', 'include-chain/main.mjml', '--format', 'json'], dir);
    expect(r.code, r.stderr).toBe(1);
    const [res] = JSON.parse(r.stdout);
    const valid = res.messages.filter((m: { ruleId: string }) => m.ruleId === 'mjml-valid');
    expect(valid).toEqual([expect.objectContaining({ line: 7, column: 5, message: expect.stringContaining('Attribute colour is illegal (in partials/nav.mjml line 4') })]);
    const lines = readFileSync(join(dir, 'include-chain/main.mjml'), 'utf8').split('\n');
    for (const m of res.messages) expect(m.line).toBeLessThanOrEqual(lines.length);
  });

  it('lint of a file that is not a template: input error with file and line, exit 2, no stack', () => {
    const r = run(['lint', 'broken.mjml'], tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.mjml:1: no <mjml> root element/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
  });

  it('inspect shows subject from mj-title, preheader from mj-preview and CTAs on mj-button lines', () => {
    const r = run(['inspect', 'components.mjml'], tmp());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Subject:\s+"Spring sale: 20% off everything"\s+\(from <mj-title>\)/);
    expect(r.stdout).toMatch(/Preheader:\s+"Our biggest sale/);
    expect(r.stdout).toMatch(/"Shop the sale".*25:\d+/);
  });

  it('track rewrites the MJML source; only href values change', () => {
    const dir = tmp();
    const r = run(['track', 'components.mjml', '--campaign', 'spring', '--source', 'news', '--out', 'tracked.mjml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const before = readFileSync(join(dir, 'components.mjml'), 'utf8');
    const after = readFileSync(join(dir, 'tracked.mjml'), 'utf8');
    const strip = (s: string) => s.replace(/(href=")[^"]*"/g, '$1"');
    expect(strip(after)).toBe(strip(before));
    expect(after).toContain('href="https://example.com/sale?utm_source=news&amp;utm_medium=email&amp;utm_campaign=spring');
    // The result is still MJML and lints.
    writeFileSync(join(dir, 'again.mjml'), after);
    expect(run(['lint', 'again.mjml', '--rule', 'mjml-valid=error', '--format', 'json'], dir).code).not.toBe(2);
  });
});
