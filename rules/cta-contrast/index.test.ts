import { describe, it, expect } from 'vitest';
import { fixture, lintFixture, lintCode } from '../../test/contrast-fixtures.js';
import { buttonStyledLinks } from '../../src/model/contrast.js';

const on = { 'cta-contrast': { severity: 'error' as const } };

describe('cta-contrast', () => {
  it('checks the label against the fill from the bulletproof <td bgcolor>, and the fill against the page', async () => {
    const ms = await lintFixture('cta-td-bgcolor.html', on);
    expect(ms.map((m) => `${m.line}:${m.messageId}:${m.severity}`)).toEqual(['8:fill:1', '9:label:2', '22:fill:1']);
    expect(ms[1].message).toBe(
      'Button "Start your trial": label contrast 1.41:1 is below 4.5:1: #ffffff (from the style attribute on <a>, line 9) on the fill #ffd54f (bgcolor on <td>, line 8). Change the label colour or the fill.',
    );
    expect(ms[2].message).toContain('the fill #f5f5f5 (bgcolor on <td>, line 22) contrasts 1.09:1 with the background around it #ffffff');
  });

  it('finds the same buttons without the CTA model (button-styled links)', async () => {
    const doc = await fixture('cta-td-bgcolor.html');
    const found = buttonStyledLinks(doc);
    expect(found.map((b) => `${b.element.name}:${b.label}`)).toEqual(['td:Start your trial', 'td:Buy now', 'td:See more']);
    const styledA = await lintCode('<a href="https://e.com" style="background-color:#eeeeee;color:#ffffff;padding:10px 20px">Go</a>', on);
    expect(styledA.map((m) => m.messageId)).toEqual(['fill', 'label']);
  });

  it('leaves the fill check off when asked, and plain text links alone', async () => {
    expect((await lintFixture('cta-td-bgcolor.html', { 'cta-contrast': { severity: 'error', options: { checkFill: false } } })).map((m) => m.messageId)).toEqual(['label']);
    expect(await lintCode('<p>Read <a href="https://e.com" style="color:#aaaaaa">more</a></p>', on)).toEqual([]);
  });

  it('checks the label in the dark scheme when the template declares one', async () => {
    const code =
      '<style>@media (prefers-color-scheme: dark){.btn{background-color:#eeeeee !important}}</style>' +
      '<table bgcolor="#ffffff"><tr><td><table><tr><td class="btn" bgcolor="#1565c0" style="padding:12px 24px"><a href="https://e.com/buy" style="color:#ffffff">Buy now</a></td></tr></table></td></tr></table>';
    expect((await lintCode(code, on)).map((m) => m.messageId)).toEqual(['labelDark']);
  });
});

describe('cta-contrast: outline buttons (WCAG 1.4.11: fill, border or label make the control identifiable)', () => {
  const page = (btn: string) => `<html><body style="background:#ffffff"><p>Our spring collection is here.</p><table><tr>${btn}</tr></table></body></html>`;
  it('a white button drawn by a dark 2px border is not "does not stand out"', async () => {
    expect(await lintCode(page('<td bgcolor="#ffffff" style="border:2px solid #111111;padding:12px 24px"><a href="https://example.com/shop" style="color:#111111">Shop now</a></td>'), on)).toEqual([]);
    expect(await lintCode(page('<td><a href="https://example.com/shop" style="display:inline-block;background:#ffffff;border:2px solid #1a1a1a;padding:12px 24px;color:#1a1a1a">Shop now</a></td>'), on)).toEqual([]);
  });
  it('a pale border does not draw it: the fill finding stays', async () => {
    const ms = await lintCode(page('<td bgcolor="#fafafa" style="border:2px solid #eeeeee;padding:12px 24px"><a href="https://example.com/shop" style="color:#111111">Shop now</a></td>'), on);
    expect(ms.map((m) => m.messageId)).toEqual(['fill']);
  });
});
