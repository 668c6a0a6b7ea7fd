import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import { fixtureCase } from '../../test/contrast-fixtures.js';
import rule from './index.js';

const tester = new RuleTester({ describe, it });
const low = (line: number) => ({ messageId: 'low', line });
const hidden =
  '<style>.pre{display:none}</style><body><div class="pre" style="color:#fff">Preview text</div>' +
  '<div style="mso-hide:all;color:#fefefe">Outlook-hidden</div><p style="visibility:hidden;color:#fff">Hidden</p>' +
  '<div style="display:none"><p style="color:#fff">Deep</p></div><p>Visible</p></body>';
const once = '<p style="color:#bbb">one <br> two <b style="color:#bbb">three</b> four</p>';

tester.run('color-contrast', rule, {
  valid: [
    // Light text on a dark bgcolor cell (and legacy bgcolor values).
    fixtureCase('bgcolor-dark-cell.html'),
    // AAA: 7.0:1 exactly passes; #646464 passes AA.
    { code: '<p style="color:#595959">Body copy</p>', options: { level: 'AAA' } },
    '<p style="color:#646464">Body copy</p>',
    // The large-text threshold for 24px, and 18.66px bold.
    '<p style="color:#949494;font-size:24px">Big</p>',
    '<p style="color:#949494;font-size:19px;font-weight:bold">Big bold</p>',
    // Outlook.com [data-ogsc]/[data-ogsb] rules apply in the dark scheme only.
    { ...fixtureCase('outlook-dark.html'), options: { checkDarkMode: false } },
    // No dark mode declared: nothing said unless asked.
    '<p style="color:#111">Fine</p>',
    // Hidden text: display:none, the preheader, visibility.
    hidden.replace('mso-hide:all;color:#fefefe', 'display:none;color:#fefefe'),
    // Button labels are cta-contrast's unless asked.
    fixtureCase('cta-td-bgcolor.html'),
  ],
  invalid: [
    {
      ...fixtureCase('style-class-ancestor.html'),
      name: 'low-contrast text whose background comes from a <style> class on an ancestor, naming both origins',
      errors: [
        {
          ...low(18),
          message: 'Text contrast 3.13:1 is below 4.5:1: #8a8a8a (from .muted in <style>, line 9) on #f4f4f4 (from .wrapper in <style>, line 7). Darken the text or change the background.',
        },
      ],
    },
    // Once per element, at the text.
    { code: once, errors: [{ ...low(1), column: once.indexOf('one') + 1, endColumn: once.indexOf('</p>') + 1 }, { ...low(1), column: once.indexOf('three') + 1, endColumn: once.indexOf('</b>') + 1 }] },
    // Every source of colour.
    { ...fixtureCase('inline-style.html'), errors: [low(8)] },
    { ...fixtureCase('font-color.html'), errors: [low(6)] },
    { ...fixtureCase('background-shorthand.html'), errors: [low(12)] },
    { ...fixtureCase('inheritance.html'), errors: [low(13)] },
    { ...fixtureCase('important.html'), errors: [low(10)] },
    { ...fixtureCase('specificity.html'), errors: [low(13)] },
    { ...fixtureCase('alpha.html'), errors: [low(5), low(7), low(10), low(12)] },
    { ...fixtureCase('opacity.html'), errors: [low(8)] },
    // The ratio is truncated: #777777 on white is 4.478:1 and fails 4.5:1.
    { ...fixtureCase('currentcolor.html'), errors: [{ ...low(11), message: /^Text contrast 4\.47:1 is below 4\.5:1: #777777/ }] },
    { ...fixtureCase('quirks-table.html'), errors: [low(5)] },
    { code: '<p style="color:#646464">Body copy</p>', options: { level: 'AAA' }, errors: [low(1)] },
    { code: '<p style="color:#949494;font-size:19px">Not bold</p>', errors: [low(1)] },
    // Inconclusive over a background image without a fallback colour, as a warning.
    {
      ...fixtureCase('background-image.html'),
      errors: [
        { messageId: 'inconclusive', line: 12, severity: 1, message: /sits on a background image \(background on <td>, line 11\)/ },
        { messageId: 'inconclusive', line: 22, severity: 1 },
      ],
    },
    {
      ...fixtureCase('dark-mode-unreadable.html'),
      errors: [{ messageId: 'lowDark', line: 22, message: /^In the dark scheme, text contrast 1\.31:1 is below 4\.5:1: #333333 \(from \.copy in <style>, line 11\) on #1e1e1e \(from \.email-bg in <style>, line 13\)/ }],
    },
    { ...fixtureCase('outlook-dark.html'), errors: [{ messageId: 'lowDark', line: 14 }] },
    { code: '<p style="color:#111">Fine</p>', options: { warnWithoutDarkMode: true }, errors: [{ messageId: 'noDarkMode', line: 1, severity: 1 }] },
    // Web clients ignore mso-hide: the near-white text is what they show.
    { code: hidden, errors: [{ ...low(1), message: /#fefefe/ }] },
    { ...fixtureCase('cta-td-bgcolor.html'), options: { includeButtonLabels: true }, errors: [low(9)] },
  ],
});
