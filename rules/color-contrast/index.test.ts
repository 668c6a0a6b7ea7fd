import { describe, it, expect } from 'vitest';
import { lintFixture, lintCode } from '../../test/contrast-fixtures.js';

const on = { 'color-contrast': { severity: 'error' as const } };
const ids = (ms: Array<{ messageId?: string; line: number }>) => ms.map((m) => `${m.line}:${m.messageId}`);

describe('color-contrast', () => {
  it('finds low-contrast text whose background comes from a <style> class on an ancestor, naming both origins', async () => {
    const [m, ...rest] = await lintFixture('style-class-ancestor.html', on);
    expect(rest).toEqual([]);
    expect(m.messageId).toBe('low');
    expect(m.line).toBe(18);
    expect(m.message).toBe(
      'Text contrast 3.13:1 is below 4.5:1: #8a8a8a (from .muted in <style>, line 9) on #f4f4f4 (from .wrapper in <style>, line 7). Darken the text or change the background.',
    );
  });

  it('passes light text on a dark bgcolor cell (and legacy bgcolor values)', async () => {
    expect(await lintFixture('bgcolor-dark-cell.html', on)).toEqual([]);
  });

  it('reports once per element, at the text', async () => {
    const code = '<p style="color:#bbb">one <br> two <b style="color:#bbb">three</b> four</p>';
    const ms = await lintCode(code, on);
    expect(ms).toHaveLength(2);
    expect(ms[0].range).toEqual({ start: code.indexOf('one'), end: code.indexOf('</p>') });
    expect(ms[1].range).toEqual({ start: code.indexOf('three'), end: code.indexOf('</b>') });
  });

  it('resolves every source of colour', async () => {
    expect(ids(await lintFixture('inline-style.html', on))).toEqual(['8:low']);
    expect(ids(await lintFixture('font-color.html', on))).toEqual(['6:low']);
    expect(ids(await lintFixture('background-shorthand.html', on))).toEqual(['12:low']);
    expect(ids(await lintFixture('inheritance.html', on))).toEqual(['13:low']);
    expect(ids(await lintFixture('important.html', on))).toEqual(['10:low']);
    expect(ids(await lintFixture('specificity.html', on))).toEqual(['13:low']);
    expect(ids(await lintFixture('alpha.html', on))).toEqual(['5:low', '7:low', '10:low', '12:low']);
    expect(ids(await lintFixture('opacity.html', on))).toEqual(['8:low']);
    expect(ids(await lintFixture('currentcolor.html', on))).toEqual(['11:low']);
    expect(ids(await lintFixture('quirks-table.html', on))).toEqual(['5:low']);
  });

  it('truncates the ratio: #777777 on white is 4.478:1 and fails 4.5:1', async () => {
    const [m] = await lintFixture('currentcolor.html', on);
    expect(m.message).toMatch(/^Text contrast 4\.47:1 is below 4\.5:1: #777777/);
  });

  it('applies AAA when asked', async () => {
    const code = '<p style="color:#595959">Body copy</p>'; // 7.0:1 exactly passes AAA; #646464 does not
    expect(await lintCode(code, { 'color-contrast': { severity: 'error', options: { level: 'AAA' } } })).toEqual([]);
    expect(ids(await lintCode('<p style="color:#646464">Body copy</p>', { 'color-contrast': { severity: 'error', options: { level: 'AAA' } } }))).toEqual(['1:low']);
    expect(await lintCode('<p style="color:#646464">Body copy</p>', on)).toEqual([]);
  });

  it('uses the large-text threshold for 24px, and 18.66px bold', async () => {
    expect(await lintCode('<p style="color:#949494;font-size:24px">Big</p>', on)).toEqual([]);
    expect(await lintCode('<p style="color:#949494;font-size:19px;font-weight:bold">Big bold</p>', on)).toEqual([]);
    expect(ids(await lintCode('<p style="color:#949494;font-size:19px">Not bold</p>', on))).toEqual(['1:low']);
  });

  it('says inconclusive for text over a background image without a fallback colour, and checks it against the fallback when there is one', async () => {
    const ms = await lintFixture('background-image.html', on);
    expect(ids(ms)).toEqual(['12:inconclusive', '22:inconclusive']);
    expect(ms.every((m) => m.severity === 1)).toBe(true);
    expect(ms[0].message).toContain('background on <td>, line 11');
  });

  it('reports the dark-scheme failures of a template whose dark media query makes text unreadable', async () => {
    const ms = await lintFixture('dark-mode-unreadable.html', on);
    expect(ids(ms)).toEqual(['22:lowDark']);
    expect(ms[0].message).toMatch(/^In the dark scheme, text contrast 1\.31:1 is below 4\.5:1: #333333 \(from \.copy in <style>, line 11\) on #1e1e1e \(from \.email-bg in <style>, line 13\)/);
  });

  it('applies Outlook.com [data-ogsc]/[data-ogsb] rules in the dark scheme only', async () => {
    expect(ids(await lintFixture('outlook-dark.html', on))).toEqual(['14:lowDark']);
    expect(await lintFixture('outlook-dark.html', { 'color-contrast': { severity: 'error', options: { checkDarkMode: false } } })).toEqual([]);
  });

  it('says nothing about dark mode when none is declared, unless asked to warn', async () => {
    const code = '<p style="color:#111">Fine</p>';
    expect(await lintCode(code, on)).toEqual([]);
    const ms = await lintCode(code, { 'color-contrast': { severity: 'error', options: { warnWithoutDarkMode: true } } });
    expect(ids(ms)).toEqual(['1:noDarkMode']);
    expect(ms[0].severity).toBe(1);
  });

  it('skips hidden text: display:none, the preheader, visibility; mso-hide hides from Outlook only', async () => {
    const code =
      '<style>.pre{display:none}</style><body><div class="pre" style="color:#fff">Preview text</div>' +
      '<div style="mso-hide:all;color:#fefefe">Outlook-hidden</div><p style="visibility:hidden;color:#fff">Hidden</p>' +
      '<div style="display:none"><p style="color:#fff">Deep</p></div><p>Visible</p></body>';
    // Web clients ignore mso-hide: the near-white text is what they show.
    expect((await lintCode(code, on)).map((m) => m.line)).toEqual([1]);
    expect((await lintCode(code, on))[0].message).toContain('#fefefe');
    expect(await lintCode(code.replace('mso-hide:all;color:#fefefe', 'display:none;color:#fefefe'), on)).toEqual([]);
  });
});

describe('color-contrast and buttons', () => {
  it('leaves button labels to cta-contrast unless asked', async () => {
    expect(await lintFixture('cta-td-bgcolor.html', on)).toEqual([]);
    const ms = await lintFixture('cta-td-bgcolor.html', { 'color-contrast': { severity: 'error', options: { includeButtonLabels: true } } });
    expect(ids(ms)).toEqual(['9:low']);
  });
});
