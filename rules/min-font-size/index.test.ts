import { describe, it, expect } from 'vitest';
import { lintFixture, lintCode } from '../../test/contrast-fixtures.js';

const on = { 'min-font-size': { severity: 'error' as const } };
const summary = (ms: Array<{ line: number; severity: number; messageId?: string }>) => ms.map((m) => `${m.line}:${m.severity}:${m.messageId}`);

describe('min-font-size', () => {
  it('warns below 14px, errors below 11px, skips the hidden preheader and holds the footer to 11px', async () => {
    const ms = await lintFixture('small-text.html', on);
    expect(summary(ms)).toEqual(['11:1:tooSmall', '12:2:tooSmall', '13:1:tooSmall']);
    expect(ms[2].message).toBe('Text "0.75em of 16px is 12px." is 12px (from the style attribute on <p>, line 13), below 14px: hard to read on phones. Use at least 14px.');
  });

  it('reads sizes from classes, <font size>, keywords and the quirks-mode table reset', async () => {
    expect(summary(await lintCode('<style>.s{font-size:12px}</style><p class="s">Small</p>', on))).toEqual(['1:1:tooSmall']);
    expect(summary(await lintCode('<font size="1">Tiny</font>', on))).toEqual(['1:2:tooSmall']);
    expect(summary(await lintCode('<p style="font-size:x-small">Tiny</p>', on))).toEqual(['1:2:tooSmall']);
    // No doctype: tables reset font-size to medium, so the body's 10px does not reach the cell.
    expect(await lintCode('<body style="font-size:10px"><table><tr><td>Cell text</td></tr></table></body>', on)).toEqual([]);
  });

  it('is configurable: thresholds, footers and preheaders', async () => {
    const footer = '<table><tr><td class="footer" style="font-size:10px">© 2026 Example · 1 Main St</td></tr></table>';
    expect(summary(await lintCode(footer, on))).toEqual(['1:1:footerTooSmall']);
    expect(await lintCode(footer, { 'min-font-size': { severity: 'error', options: { legalFooterMinimum: 0 } } })).toEqual([]);
    const pre = '<div class="preheader" style="font-size:12px">Visible preview line</div><p>Body</p>';
    expect(await lintCode(pre, on)).toEqual([]);
    expect(summary(await lintCode(pre, { 'min-font-size': { severity: 'error', options: { checkPreheader: true } } }))).toEqual(['1:1:tooSmall']);
    expect(await lintCode('<p style="font-size:13px">x</p>', { 'min-font-size': { severity: 'error', options: { warnBelow: 12 } } })).toEqual([]);
  });

  it('ignores superscripts and the font-size:0 whitespace trick', async () => {
    expect(await lintCode('<p>Brand<sup>®</sup></p><td style="font-size:0"><span style="font-size:16px">Col</span></td>', on)).toEqual([]);
  });
});
