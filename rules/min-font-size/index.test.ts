import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import { fixtureCase } from '../../test/contrast-fixtures.js';
import rule from './index.js';

const footer = '<table><tr><td class="footer" style="font-size:10px">© 2026 Example · 1 Main St</td></tr></table>';
const pre = '<div class="preheader" style="font-size:12px">Visible preview line</div><p>Body</p>';

new RuleTester({ describe, it }).run('min-font-size', rule, {
  valid: [
    // No doctype: tables reset font-size to medium, so the body's 10px does not reach the cell.
    '<body style="font-size:10px"><table><tr><td>Cell text</td></tr></table></body>',
    { code: footer, options: { legalFooterMinimum: 0 } },
    { code: pre, name: 'the preheader is skipped by default' },
    { code: '<p style="font-size:13px">x</p>', options: { warnBelow: 12 } },
    // Superscripts and the font-size:0 whitespace trick.
    '<p>Brand<sup>®</sup></p><td style="font-size:0"><span style="font-size:16px">Col</span></td>',
  ],
  invalid: [
    {
      ...fixtureCase('small-text.html'),
      name: 'warns below 14px, errors below 11px, skips the hidden preheader and holds the footer to 11px',
      errors: [
        { messageId: 'tooSmall', line: 11, severity: 1 },
        { messageId: 'tooSmall', line: 12, severity: 2 },
        {
          messageId: 'tooSmall',
          line: 13,
          severity: 1,
          message: 'Text "0.75em of 16px is 12px." is 12px (from the style attribute on <p>, line 13), below 14px: hard to read on phones. Use at least 14px.',
        },
      ],
    },
    // Sizes from classes, <font size> and keywords.
    { code: '<style>.s{font-size:12px}</style><p class="s">Small</p>', errors: [{ messageId: 'tooSmall', line: 1, severity: 1 }] },
    { code: '<font size="1">Tiny</font>', errors: [{ messageId: 'tooSmall', line: 1, severity: 2 }] },
    { code: '<p style="font-size:x-small">Tiny</p>', errors: [{ messageId: 'tooSmall', line: 1, severity: 2 }] },
    { code: footer, errors: [{ messageId: 'footerTooSmall', line: 1, severity: 1 }] },
    { code: pre, options: { checkPreheader: true }, errors: [{ messageId: 'tooSmall', line: 1, severity: 1 }] },
  ],
});
