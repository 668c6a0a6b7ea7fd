import type { Element } from 'domhandler';
import { defineRule, type Suggestion } from '../../src/rule.js';
import type { EmailDocument } from '../../src/model/document.js';
import { suggestLabels } from '../../src/cta/suggest.js';
import { escapeHtml } from '../../src/escape.js';
import { ctaReportRange, exampleClause, truncate, ctaName } from '../../src/rule-utils.js';
import { imagesOffView, MIN_ALT_FONT_SIZE, type ImagesOffView } from '../../src/model/measured.js';

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

/** What a measured images-off CTA shows in place of its image, for messages. */
function shownWords(v: ImagesOffView): string {
  if (v.shows === 'live-text') return 'its live text';
  if (v.shows === 'empty-box') return 'an empty box';
  return `its alt text at ${Math.round(v.fontSize ?? 0)} px`;
}

/** Why a measured images-off CTA cannot be read, with the numbers. */
function unreadableWhy(v: ImagesOffView): string {
  if (!v.visible || !v.box) return 'it takes no space or is hidden';
  const size = `${Math.round(v.box.width)}×${Math.round(v.box.height)} px`;
  if ((v.fontSize ?? 0) < MIN_ALT_FONT_SIZE) return `its alt text is drawn at ${Math.round(v.fontSize ?? 0)} px (a font-size on the image or a parent), under ${MIN_ALT_FONT_SIZE} px`;
  if ((v.textWidth ?? 0) > v.box.width + 1) return `its alt text needs ${Math.round(v.textWidth ?? 0)} px at ${Math.round(v.fontSize ?? 0)} px but the image box is ${size}, so it is cut off`;
  if (v.box.height < (v.fontSize ?? 0)) return `the image box (${size}) is lower than its alt text`;
  return `it shows ${shownWords(v)}`;
}

export default defineRule({
  id: 'cta-image-only',
  description: 'A call to action that is only an image disappears when images are off; without alt text it has no name at all.',
  rationale:
    'Many clients block images until the reader allows them (and some readers never do): an image-only button is then an empty box, and the action is gone. Its alt text is what image-blocking clients show and what screen readers announce, so a missing or empty alt leaves the link nameless (WCAG 1.1.1, 2.4.4) — an error. ' +
    'With alt text the CTA survives, but it still loses the design, so the rule warns and recommends a live-text (bulletproof) button. ' +
    'With `lint --render --images off` the primary CTA is also rendered with images blocked: when it takes no space, or its alt text is drawn under 9 px or wider than the image box (Chromium clips it), it cannot be read, an error that says it was measured.',
  sources: [
    'WCAG 2.2 Success Criterion 1.1.1 Non-text Content (an image that is a link needs a text alternative naming its purpose): https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html',
    'WCAG 2.2 Success Criterion 1.4.5 Images of Text: https://www.w3.org/WAI/WCAG22/Understanding/images-of-text.html',
    'Cerberus best practices (images are blocked by default in many clients; keep calls to action in live text): https://github.com/emailmonday/Cerberus/blob/HEAD/docs/content/best-practices.md',
  ],
  guidance: 'Rebuild the button as live text in a filled <td> or styled <a> (with a VML version for Outlook); until then give the image alt text that says the action.',
  category: 'cta',
  severity: 'error',
  recommended: true,
  condition: 'images-off',
  options: {},
  messages: {
    missingAlt: 'Image CTA ({{src}}) has {{alt}}: with images off or for a screen reader the action has no name. Add alt text that says it{{example}}.',
    imageOnly: 'CTA "{{label}}" is only an image: with images off, readers see alt text at best. Use a live-text button (filled <td> or styled <a>) instead.',
    unreadableImagesOff: 'Primary CTA {{label}} cannot be read with images off (measured in a render with images blocked): {{why}}. Use a live-text button, or alt text that fits the image at a readable size.',
    readableImagesOff: 'Primary CTA {{label}} is only an image: with images off it shows {{shown}} (measured in a render with images blocked), without its design. Use a live-text button (filled <td> or styled <a>) instead.',
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
      // lint --render --images off measured how the primary CTA looks with images blocked.
      const off = cta.primary ? imagesOffView(doc, cta) : undefined;
      if (off && !off.readable && (!cta.image || cta.image.attribs.alt?.trim())) {
        report({ messageId: 'unreadableImagesOff', data: { label: ctaName(cta), why: unreadableWhy(off) }, range: ctaReportRange(doc, cta) });
        continue;
      }
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
      } else if (cta.kind === 'image' && off) {
        report({ messageId: 'readableImagesOff', severity: 'warn', data: { label: ctaName(cta), shown: shownWords(off) }, range: ctaReportRange(doc, cta) });
      } else if (cta.kind === 'image') {
        report({ messageId: 'imageOnly', severity: 'warn', data: { label: truncate(alt.trim(), 40) }, range: ctaReportRange(doc, cta) });
      }
    }
  },
});
