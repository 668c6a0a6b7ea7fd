import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';
import { applyEdits } from '../../src/engine/edits.js';

async function lint(code: string) {
  const doc = await documentFromText('t.html', code);
  return lintDocument(doc, { rules: { 'img-alt': { severity: 'error' } } }).messages;
}

describe('img-alt', () => {
  it('offers alt="" only for spacers and pixels', async () => {
    const code = '<img src="p.gif" width="1" height="1"><img src="hero.jpg" width="600">';
    const [pixel, hero] = await lint(code);
    expect(pixel.suggestions?.length).toBe(1);
    expect(applyEdits(code, [pixel.suggestions![0].fix])).toBe('<img alt="" src="p.gif" width="1" height="1"><img src="hero.jpg" width="600">');
    expect(hero.suggestions).toBeUndefined();
  });

  it('checks images inside Outlook conditional comments', async () => {
    expect((await lint('<!--[if mso]><img src="bg.jpg" width="600"><![endif]-->')).map((m) => m.messageId)).toEqual(['missing']);
  });

  it('accepts an image-only link named by aria-label, and reports a nameless one once', async () => {
    expect(await lint('<a href="https://e.com" aria-label="Shop"><img src="a.png" alt=""></a>')).toEqual([]);
    expect((await lint('<a href="https://e.com"><img src="a.png" alt=""><img src="b.png" alt=""></a>')).map((m) => m.messageId)).toEqual(['emptyAltInLink']);
  });
});
