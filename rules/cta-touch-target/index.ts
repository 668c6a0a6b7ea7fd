import { defineRule } from '../../src/rule.js';
import { ctaName, ctaReportRange, howKnown } from '../../src/rule-utils.js';

export default defineRule({
  id: 'cta-touch-target',
  description: 'A button-style call to action must be easy to tap: at least 44×44 CSS px (warning below), and never under 24×24 (error).',
  rationale:
    'Most email is opened on phones, where a small button is missed or mis-tapped. WCAG 2.5.5 (AAA) and Apple ask for 44×44, Material for 48×48 dp; WCAG 2.2\'s AA minimum (2.5.8) is 24×24 CSS px, as in axe-core\'s target-size check. ' +
    'The size measured is the LINK\'s box, the part that takes the tap: padding on a <td> around an inline <a> paints a big button but only the text is clickable. Default MJML (≈36 px) and Cerberus (43 px) buttons fall below 44.',
  sources: [
    'Apple Human Interface Guidelines, Accessibility (controls of at least 44 × 44 pt): https://developer.apple.com/design/human-interface-guidelines/accessibility',
    'WCAG 2.2 Success Criterion 2.5.5 Target Size (Enhanced), level AAA: 44 × 44 CSS px: https://www.w3.org/WAI/WCAG22/Understanding/target-size-enhanced.html',
    'WCAG 2.2 Success Criterion 2.5.8 Target Size (Minimum), level AA: 24 × 24 CSS px: https://www.w3.org/WAI/WCAG22/Understanding/target-size-minimum.html',
    'Android accessibility help, touch targets (at least 48 × 48 dp): https://support.google.com/accessibility/android/answer/7101858',
    'axe-core target-size check (minSize 24): https://github.com/dequelabs/axe-core/blob/HEAD/lib/checks/mobile/target-size.json',
  ],
  guidance: 'Give the <a> itself padding and display:inline-block (or block) so it is at least 44 px tall and wide, and keep a VML/td fallback for Outlook; raise line-height if padding is not an option.',
  category: 'cta',
  severity: 'error',
  recommended: true,
  options: {
    min: { type: 'number', default: 44, minimum: 1, description: 'Recommended minimum width and height (CSS px); smaller is a warning.' },
    hardMin: { type: 'number', default: 24, minimum: 1, description: 'Absolute minimum (CSS px); smaller is an error.' },
  },
  messages: {
    small: 'CTA {{label}} is a {{size}} px tap target ({{how}}), under the {{min}}×{{min}} px recommended for fingers. Add padding to the <a> (display:inline-block) to enlarge it.',
    tooSmall: 'CTA {{label}} is a {{size}} px tap target ({{how}}), under the {{min}}×{{min}} px minimum (WCAG 2.5.8). Add padding to the <a> (display:inline-block) to enlarge it.',
  },
  examples: {
    valid: [{ title: 'Padded inline-block link', code: '<a href="https://example.com/trial" style="display:inline-block;background:#0a7;color:#fff;font-size:16px;line-height:20px;padding:14px 24px">Start your free trial</a>' }],
    invalid: [
      { title: 'MJML default-size button (≈36 px)', code: '<table><tr><td bgcolor="#414141" style="border-radius:3px"><a href="https://example.com/trial" style="display:inline-block;background:#414141;color:#fff;font-size:13px;line-height:120%;padding:10px 25px">Start your free trial</a></td></tr></table>', messageId: 'small' },
      { title: 'Padding on the td, not on the link: only the text is clickable', code: '<table><tr><td bgcolor="#0a7" style="padding:14px 24px"><a href="https://example.com/trial" style="color:#fff;font-size:12px;line-height:14px">Start your free trial</a></td></tr></table>', messageId: 'tooSmall' },
    ],
  },
  check({ doc, options, report }) {
    for (const cta of doc.ctas) {
      if (cta.kind === 'text') continue; // inline links are exempt (WCAG 2.5.8 "inline" exception)
      const b = cta.linkBoxes.mobile;
      if (b.width <= 0 || b.height <= 0) continue; // unknown size
      const w = Math.round(b.width);
      const h = Math.round(b.height);
      if (w >= options.min && h >= options.min) continue;
      const hard = w < options.hardMin || h < options.hardMin;
      report({
        messageId: hard ? 'tooSmall' : 'small',
        severity: hard ? 'error' : 'warn',
        data: { label: ctaName(cta), size: `${w}×${h}`, how: howKnown(b.measured), min: hard ? options.hardMin : options.min },
        range: ctaReportRange(doc, cta),
      });
    }
  },
});
