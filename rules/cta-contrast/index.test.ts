import { describe, it, expect } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import { fixture, fixtureCase } from '../../test/contrast-fixtures.js';
import { buttonStyledLinks } from '../../src/model/contrast.js';
import rule from './index.js';

const tester = new RuleTester({ describe, it });
const page = (btn: string) => `<html><body style="background:#ffffff"><p>Our spring collection is here.</p><table><tr>${btn}</tr></table></body></html>`;

tester.run('cta-contrast', rule, {
  valid: [
    // Plain text links are not buttons.
    '<p>Read <a href="https://e.com" style="color:#aaaaaa">more</a></p>',
    // Outline buttons (WCAG 1.4.11: fill, border or label make the control identifiable): a white button drawn by a dark 2px border stands out.
    page('<td bgcolor="#ffffff" style="border:2px solid #111111;padding:12px 24px"><a href="https://example.com/shop" style="color:#111111">Shop now</a></td>'),
    page('<td><a href="https://example.com/shop" style="display:inline-block;background:#ffffff;border:2px solid #1a1a1a;padding:12px 24px;color:#1a1a1a">Shop now</a></td>'),
  ],
  invalid: [
    {
      ...fixtureCase('cta-td-bgcolor.html'),
      name: 'the label against the fill from the bulletproof <td bgcolor>, and the fill against the page',
      errors: [
        { messageId: 'fill', line: 8, severity: 1 },
        {
          messageId: 'label',
          line: 9,
          severity: 2,
          message: 'Button "Start your trial": label contrast 1.41:1 is below 4.5:1: #ffffff (from the style attribute on <a>, line 9) on the fill #ffd54f (bgcolor on <td>, line 8). Change the label colour or the fill.',
        },
        {
          messageId: 'fill',
          line: 22,
          severity: 1,
          message:
            'Button "See more": the fill #f5f5f5 (bgcolor on <td>, line 22) contrasts 1.09:1 with the background around it #ffffff (the white page background (no background set)), below 3:1, so the button does not stand out. Use a fill that stands apart from the background.',
        },
      ],
    },
    // A button-styled <a> found without the CTA model.
    { code: '<a href="https://e.com" style="background-color:#eeeeee;color:#ffffff;padding:10px 20px">Go</a>', errors: [{ messageId: 'fill' }, { messageId: 'label' }] },
    { ...fixtureCase('cta-td-bgcolor.html'), options: { checkFill: false }, errors: [{ messageId: 'label', line: 9 }] },
    // The label in the dark scheme when the template declares one.
    {
      code:
        '<style>@media (prefers-color-scheme: dark){.btn{background-color:#eeeeee !important}}</style>' +
        '<table bgcolor="#ffffff"><tr><td><table><tr><td class="btn" bgcolor="#1565c0" style="padding:12px 24px"><a href="https://e.com/buy" style="color:#ffffff">Buy now</a></td></tr></table></td></tr></table>',
      errors: [{ messageId: 'labelDark' }],
    },
    // A pale border does not draw the button: the fill finding stays.
    { code: page('<td bgcolor="#fafafa" style="border:2px solid #eeeeee;padding:12px 24px"><a href="https://example.com/shop" style="color:#111111">Shop now</a></td>'), errors: [{ messageId: 'fill' }] },
  ],
});

describe('cta-contrast: buttons without the CTA model', () => {
  it('finds the same buttons as button-styled links', async () => {
    const found = buttonStyledLinks(await fixture('cta-td-bgcolor.html'));
    expect(found.map((b) => `${b.element.name}:${b.label}`)).toEqual(['td:Start your trial', 'td:Buy now', 'td:See more']);
  });
});
