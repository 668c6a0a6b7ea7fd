import type { Element } from 'domhandler';
import { defineRule, type Suggestion } from '../../src/rule.js';
import type { EmailDocument } from '../../src/model/document.js';
import type { Cta } from '../../src/model/cta.js';
import { escapeHtml, suggestLabels } from '../../src/cta/suggest.js';
import { ctaReportRange, exampleClause } from '../../src/cta/rule-support.js';
import { truncate } from '../../src/rule-utils.js';

/** Fixes that give the image an alt text: replace an empty value, or add the attribute. */
function altSuggestions(doc: EmailDocument, img: Element, labels: readonly string[]): Suggestion[] {
  const alt = doc.attr(img, 'alt');
  return labels.map((l) => {
    const text = escapeHtml(l);
    let fix: Suggestion['fix'];
    if (alt && alt.quote) fix = { range: alt.valueRange, text };
    else if (alt) fix = { range: { start: alt.nameRange.start, end: alt.valueRange.end }, text: `alt="${text}"` };
    else {
      const at = (img.startIndex ?? 0) + 4; // after `<img`
      fix = { range: { start: at, end: at }, text: ` alt="${text}"` };
    }
    return { desc: `Give the image the alt text "${l}"`, fix };
  });
}

export default defineRule({
  id: 'cta-image-only',
  description: 'A call to action that is only an image disappears when images are off; without alt text it has no name at all.',
  rationale:
    'Many clients block images until the reader allows them (and some readers never do): an image-only button is then an empty box, and the action is gone. Its alt text is what image-blocking clients show and what screen readers announce, so a missing or empty alt leaves the link nameless (WCAG 1.1.1, 2.4.4) — an error. ' +
    'With alt text the CTA survives, but it still loses the design, so the rule warns and recommends a live-text (bulletproof) button.',
  sources: [
    'email-guidance.md §10 Accessibility of email HTML (WCAG 1.1.1 Non-text Content; Cerberus image guidance)',
    'email-guidance.md "Proposed rule" table: CTA-IMAGE (error without meaningful alt; warn if the CTA text is only in an image)',
  ],
  guidance: 'Rebuild the button as live text in a filled <td> or styled <a> (with a VML version for Outlook); until then give the image alt text that says the action.',
  category: 'cta',
  severity: 'error',
  recommended: true,
  options: {},
  messages: {
    missingAlt: 'Image CTA ({{src}}) has {{alt}}: with images off or for a screen reader the action has no name. Add alt text that says it{{example}}.',
    imageOnly: 'CTA "{{label}}" is only an image: with images off, readers see alt text at best. Use a live-text button (filled <td> or styled <a>) instead.',
  },
  examples: {
    valid: [{ title: 'Live-text button', code: '<table><tr><td bgcolor="#0a7" style="padding:14px 24px"><a href="https://example.com/trial" style="color:#fff">Start your free trial</a></td></tr></table>' }],
    invalid: [
      { title: 'Button image without alt', code: '<a href="https://example.com/trial"><img src="https://example.com/img/btn-start-trial.png" width="200" height="48"></a>', messageId: 'missingAlt' },
      { title: 'Banner image with alt', code: '<a href="https://example.com/sale"><img src="https://example.com/img/summer-banner.jpg" width="600" height="300" alt="Shop the summer sale"></a>', messageId: 'imageOnly' },
    ],
  },
  check({ doc, report }) {
    for (const cta of doc.ctas) {
      const img = cta.image;
      if (!img || (cta.kind !== 'image' && cta.kind !== 'vml-button')) continue;
      const alt = img.attribs.alt;
      const src = truncate((img.attribs.src ?? '').split('/').pop() ?? '', 40) || 'no src';
      if (alt === undefined || !alt.trim()) {
        const labels = suggestLabels({ ...cta, label: '' }, doc);
        report({
          messageId: 'missingAlt',
          data: { src, alt: alt === undefined ? 'no alt attribute' : 'empty alt text', example: exampleClause(labels[0]) },
          range: doc.startTagRange(img),
          suggestions: altSuggestions(doc, img, labels),
        });
      } else if (cta.kind === 'image') {
        report({ messageId: 'imageOnly', severity: 'warn', data: { label: truncate(alt.trim(), 40) }, range: ctaReportRange(doc, cta) });
      }
    }
  },
});
