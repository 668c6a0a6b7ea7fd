import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';

async function lint(code: string, severity: 'warn' | 'error' = 'error', options?: Record<string, unknown>) {
  const doc = await documentFromText('t.html', code);
  return lintDocument(doc, { rules: { 'gmail-clip': { severity, options } } }).messages;
}

describe('gmail-clip', () => {
  it('counts UTF-8 bytes, not characters', async () => {
    const code = `<p>${'é'.repeat(50)}</p>`; // 7 + 100 bytes
    expect((await lint(code, 'error', { warnBytes: 100, maxBytes: 200 })).map((m) => m.messageId)).toEqual(['nearClip']);
  });

  it('errors at the default 102,000-byte limit and warns from 90,000', async () => {
    const at = (n: number) => `<p>${'x'.repeat(n - 7)}</p>`;
    expect(await lint(at(89_999))).toEqual([]);
    const near = await lint(at(90_000));
    expect(near.map((m) => [m.messageId, m.severity])).toEqual([['nearClip', 1]]);
    const clipped = await lint(at(102_000));
    expect(clipped.map((m) => [m.messageId, m.severity])).toEqual([['clipped', 2]]);
    expect(clipped[0].message).toContain('102000 bytes');
  });

  it('keeps findings at warn when the rule is configured "warn"', async () => {
    const [m] = await lint(`<p>${'x'.repeat(110_000)}</p>`, 'warn');
    expect(m.severity).toBe(1);
  });

  it('names the line where the cut falls', async () => {
    const code = `${'<p>line</p>\n'.repeat(20)}`; // 12 bytes a line
    const [m] = await lint(code, 'error', { warnBytes: 10, maxBytes: 100 });
    expect(m.message).toContain('after line 9');
  });
});
