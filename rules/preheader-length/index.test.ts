import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';

async function lint(code: string, options?: Record<string, unknown>, preheader?: string) {
  const doc = await documentFromText('t.html', code, preheader !== undefined ? { preheader } : {});
  return lintDocument(doc, { rules: { 'preheader-length': { severity: 'warn', options } } }).messages;
}

describe('preheader-length', () => {
  it('does not take an MJML font-size:0 column wrapper for a preheader', async () => {
    const code = '<body><div><table><tr><td style="direction:ltr;font-size:0px;padding:20px 0;"><div style="font-size:13px">Click me</div></td></tr></table></div></body>';
    expect(await lint(code)).toEqual([]);
  });

  it('counts graphemes: an emoji with modifiers is one character', async () => {
    // 39 letters/spaces + one family emoji (7 UTF-16 code units) = 40 graphemes: not short.
    const text = 'Spring is here, with something for you ' + '👨‍👩‍👧';
    expect(await lint('<body><p>x</p></body>', undefined, text)).toEqual([]);
    expect((await lint('<body><p>x</p></body>', { min: 41 }, text)).map((m) => m.messageId)).toEqual(['tooShort']);
  });

  it('says when a short preheader is padded with spacers', async () => {
    const code = '<body><div style="display:none;max-height:0;overflow:hidden">Big news inside&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;</div><p>Hello</p></body>';
    const [m] = await lint(code);
    expect(m.message).toContain('spacer padding keeps body copy out');
  });
});
