/** The built CLI on .eml inputs. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlPartOf } from '../src/input/eml.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/eml/', import.meta.url));
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'inboxlint-eml-cli-'));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
};

describe('CLI on .eml', () => {
  it('lint: list-unsubscribe findings, subject from the header', () => {
    const r = run(['lint', 'weekly-base64.eml', '--format', 'json'], tmp());
    expect(r.code).toBe(0);
    const [res] = JSON.parse(r.stdout);
    expect(res.messages.filter((m: { ruleId: string }) => m.ruleId === 'list-unsubscribe').map((m: { messageId: string }) => m.messageId)).toEqual(['noHttps', 'missingPost']);
  });

  it('lint: a message without HTML is a clear input error (exit 2)', () => {
    const r = run(['lint', 'plain-only.eml'], tmp());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plain-only.eml: no text/html part; inboxlint lints the HTML of a message');
  });

  it('inspect shows the decoded subject', () => {
    const r = run(['inspect', 'marketing-qp.eml'], tmp());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Spring sale: 20% off everything — café');
  });

  it('track --out keeps every byte outside the HTML part body', () => {
    const dir = tmp();
    for (const name of ['marketing-qp.eml', 'weekly-base64.eml', 'broken-charset.eml']) {
      const r = run(['track', name, '--campaign', 'spring', '--source', 'news', '--out', `out-${name}`], dir);
      expect(r.code, r.stderr).toBe(0);
      const a = readFileSync(join(dir, name)).toString('latin1');
      const b = readFileSync(join(dir, `out-${name}`)).toString('latin1');
      const pa = htmlPartOf(a)!.part;
      const pb = htmlPartOf(b)!;
      expect(b.slice(0, pb.part.bodyStart)).toBe(a.slice(0, pa.bodyStart));
      expect(b.slice(pb.part.bodyEnd)).toBe(a.slice(pa.bodyEnd));
      expect(pb.html).toContain('utm_campaign=spring');
    }
  });
});
