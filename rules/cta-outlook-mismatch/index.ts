import { defineRule } from '../../src/rule.js';
import { maxPadding, outlookCellFallback } from '../../src/model/client-support.js';
import { comparableLabel } from '../../src/model/cta/language.js';
import { escapeHtml } from '../../src/escape.js';
import { ctaName, ctaReportRange, truncate } from '../../src/rule-utils.js';

const VML = (href: string, label: string) =>
  `<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="${href}" style="height:44px;width:220px;v-text-anchor:middle;" arcsize="10%" stroke="f" fillcolor="#0a7"><center style="color:#ffffff;font-size:16px;">${label}</center></v:roundrect><![endif]-->`;
const A = (href: string, label: string) =>
  `<a href="${href}" style="background:#0a7;color:#fff;display:inline-block;line-height:44px;width:220px;text-align:center;mso-hide:all">${label}</a>`;

export default defineRule({
  id: 'cta-outlook-mismatch',
  description: 'Outlook for Windows must get the same button: a VML button\'s href and label must match its HTML twin, and a button sized by <a> padding needs a VML or <td> fallback.',
  rationale:
    'Outlook for Windows renders with Word: it ignores padding and border-radius on <a> (padding works only on table cells), so a button built from a padded <a> shows there as a bare text link. Bulletproof buttons give Outlook its own VML shape inside <!--[if mso]>, which is easy to forget when the HTML button changes: the VML href and label then send Outlook readers somewhere else or promise something else.',
  sources: [
    'caniemail, padding ("Only supported on table cells" in Outlook for Windows): https://www.caniemail.com/features/css-padding/',
    'caniemail, border-radius (not supported in Outlook for Windows): https://www.caniemail.com/features/css-border-radius/',
    'Maizzle glossary, bulletproof (VML) buttons (the href goes on both <v:roundrect> and <a>): https://github.com/maizzle/maizzle.com/blob/HEAD/content/docs/glossary.md',
  ],
  guidance: 'Change the VML and the HTML button together (the suggestion copies the HTML href/label into the VML), or move the padding and fill onto a <td> around the link.',
  category: 'cta',
  severity: 'warn',
  recommended: true,
  options: {},
  messages: {
    hrefMismatch: 'Outlook\'s VML button goes to "{{vml}}" but its HTML twin {{label}} goes to "{{html}}": Outlook readers land elsewhere. Use the same href in both.',
    labelMismatch: 'Outlook\'s VML button says "{{vml}}" but its HTML twin says "{{html}}". Use the same label in both.',
    paddingCollapses: 'Button {{label}} is sized by <a> padding, which Outlook for Windows ignores: the <td> around it still draws the button, but tight around the text. Move the padding onto the <td> (or add mso-padding-alt) to keep its size.',
    noFallback: 'Button {{label}} gets its size from <a> {{props}}, which Outlook for Windows ignores: there it shows as a plain text link. Put the padding and fill on a <td> around the link, or add a VML v:roundrect.',
  },
  examples: {
    valid: [
      { title: 'VML beside its twin, same href and label', code: `<div>${VML('https://example.com/trial', 'Start your trial')}${A('https://example.com/trial', 'Start your trial')}</div>` },
      { title: 'Table button: the td pads and paints', code: '<table><tr><td bgcolor="#0a7" style="padding:14px 24px"><a href="https://example.com/trial" style="color:#fff;padding:0">Start your trial</a></td></tr></table>' },
    ],
    invalid: [
      { title: 'VML href not updated', code: `<div>${VML('https://example.com/old-offer', 'Start your trial')}${A('https://example.com/trial', 'Start your trial')}</div>`, messageId: 'hrefMismatch' },
      { title: 'VML label not updated', code: `<div>${VML('https://example.com/trial', 'Come back')}${A('https://example.com/trial', 'Start your trial')}</div>`, messageId: 'labelMismatch' },
      { title: 'Padded link in a bordered cell: the cell draws the button, the padding collapses', code: '<table><tr><td style="border:2px solid #0a7;border-radius:6px"><a href="https://example.com/trial" style="display:inline-block;color:#0a7;padding:14px 24px">Start your trial</a></td></tr></table>', messageId: 'paddingCollapses' },
      { title: 'Padded link, no fallback', code: '<div><a href="https://example.com/trial" style="display:inline-block;background:#0a7;color:#fff;padding:14px 24px;border-radius:6px">Start your trial</a></div>', messageId: 'noFallback' },
    ],
  },
  check({ doc, report }) {
    for (const cta of doc.ctas) {
      const vml = cta.vml;
      if (vml && cta.link) {
        if (vml.href !== cta.link.href) {
          report({
            messageId: 'hrefMismatch',
            data: { vml: truncate(vml.href, 60), html: truncate(cta.link.href, 60), label: ctaName(cta) },
            range: vml.valueRange,
            suggestions: [{ desc: `Use the HTML button's href in the VML button`, fix: { range: vml.valueRange, text: cta.link.raw.replace(/"/g, '&quot;') } }],
          });
        }
        if (cta.vmlLabel && cta.label && comparableLabel(cta.vmlLabel) !== comparableLabel(cta.label)) {
          const range = cta.vmlLabelRange ?? doc.startTagRange(vml.element);
          report({
            messageId: 'labelMismatch',
            data: { vml: truncate(cta.vmlLabel, 40), html: truncate(cta.label, 40) },
            range,
            suggestions: cta.vmlLabelRange ? [{ desc: `Use the HTML label "${cta.label}" in the VML button`, fix: { range: cta.vmlLabelRange, text: escapeHtml(cta.label) } }] : [],
          });
        }
        continue;
      }
      if (cta.kind !== 'button' || cta.element !== cta.labelElement) continue; // table buttons pad the <td>
      const s = doc.styles.cascaded(cta.labelElement);
      if (maxPadding(doc, cta.labelElement) < 4) continue;
      const fallback = outlookCellFallback(doc, cta.labelElement);
      if (fallback === 'padded') continue;
      const props = ['padding', ...(s.has('border-radius') ? ['border-radius'] : [])].join(' and ');
      if (fallback === 'shape') report({ messageId: 'paddingCollapses', data: { label: ctaName(cta) }, range: ctaReportRange(doc, cta) });
      else report({ messageId: 'noFallback', data: { label: ctaName(cta), props }, range: ctaReportRange(doc, cta) });
    }
  },
});
