import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';
import { applyEdits } from '../../src/engine/edits.js';

async function lint(code: string) {
  const doc = await documentFromText('t.html', code);
  return lintDocument(doc, { rules: { 'html-lang': { severity: 'warn' } } }).messages;
}

describe('html-lang', () => {
  it('suggests lang="en" right after <html, keeping the other attributes', async () => {
    const code = '<!doctype html>\n<HTML xmlns="http://www.w3.org/1999/xhtml"><body></body></HTML>';
    const [m] = await lint(code);
    expect(applyEdits(code, [m.suggestions![0].fix])).toBe('<!doctype html>\n<HTML lang="en" xmlns="http://www.w3.org/1999/xhtml"><body></body></HTML>');
  });

  it('rejects words and accepts private-use and script subtags', async () => {
    expect((await lint('<html lang="english"></html>')).map((m) => m.messageId)).toEqual(['invalid']);
    expect(await lint('<html lang="zh-Hant-TW"></html>')).toEqual([]);
    expect(await lint('<html lang="x-klingon"></html>')).toEqual([]);
  });
});
