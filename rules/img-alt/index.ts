import type { Element } from 'domhandler';
import { defineRule } from '../../src/rule.js';
import type { EmailDocument } from '../../src/model/document.js';
import { afterTagName, truncate } from '../../src/rule-utils.js';

/** Spacers and tracking pixels: 1×1, at most 2 px either way, or role="presentation"/"none". */
function isDecorative(doc: EmailDocument, img: Element): boolean {
  const role = img.attribs.role?.trim().toLowerCase();
  if (role === 'presentation' || role === 'none') return true;
  if (img.attribs['aria-hidden']?.trim().toLowerCase() === 'true') return true;
  const style = doc.styles.cascaded(img);
  const size = (attr: string) => {
    const v = style.get(attr) ?? img.attribs[attr];
    const m = v ? /^(\d+(?:\.\d+)?)\s*(px)?$/i.exec(v.trim()) : null;
    return m ? Number(m[1]) : undefined;
  };
  const w = size('width');
  const h = size('height');
  return (w !== undefined && w <= 2) || (h !== undefined && h <= 2);
}

function enclosingLink(img: Element): Element | undefined {
  for (let n = img.parent; n; n = n.parent) {
    if (n.type === 'tag' && (n as Element).name === 'a') return n as Element;
  }
  return undefined;
}

function describe(img: Element): string {
  const src = img.attribs.src?.trim();
  if (!src) return '<img>';
  const file = src.split(/[?#]/)[0].split('/').pop() || src;
  return `<img src="…${truncate(file, 40)}">`;
}

export default defineRule({
  id: 'img-alt',
  description: 'Every <img> needs an alt attribute; a linked image needs alt text when it is the whole link.',
  rationale:
    'Screen readers read the file name of an image without alt, and many clients block images by default, showing the alt text in their place. ' +
    'alt="" marks an image as decorative so screen readers skip it: right for spacers and tracking pixels, wrong for an image that is the only content of a link, ' +
    'which then has no accessible name (WCAG 1.1.1 Non-text Content, 2.4.4 Link Purpose).',
  sources: [
    'WCAG 2.2 Success Criterion 1.1.1 Non-text Content, level A: https://www.w3.org/WAI/WCAG22/Understanding/non-text-content.html',
    'HTML Living Standard, requirements for providing text to act as an alternative for images (alt="" for decorative images): https://html.spec.whatwg.org/multipage/images.html#alt',
    'Cerberus best practices ("Include an alt attribute on every image … Use an empty alt=\\"\\" for images a screen reader should skip"): https://github.com/emailmonday/Cerberus/blob/HEAD/docs/content/best-practices.md',
  ],
  guidance:
    'Give every content image alt text that says what it shows or, for a linked image, where the link goes; use alt="" only for spacers, pixels and pure decoration.',
  category: 'accessibility',
  severity: 'error',
  recommended: true,
  condition: 'images-off',
  options: {},
  messages: {
    missing:
      '{{img}} has no alt attribute: screen readers read the file name and image-blocking clients show nothing. Add alt="…" describing it, or alt="" if it is decorative.',
    emptyAltInLink:
      'Linked image {{img}} has empty alt and the link has no other text: the link has no accessible name. Say where the link goes in the alt text.',
  },
  examples: {
    valid: [
      { title: 'Content image with alt', code: '<img src="https://example.com/hero.jpg" alt="Linen shirts in five colours" width="600">' },
      { title: 'Spacer with empty alt', code: '<img src="https://example.com/spacer.gif" width="1" height="1" alt="">' },
      {
        title: 'Linked image with text beside it',
        code: '<a href="https://example.com/shop"><img src="https://example.com/arrow.png" alt="" width="16"> Shop the collection</a>',
      },
    ],
    invalid: [
      { title: 'No alt attribute', code: '<img src="https://example.com/hero.jpg" width="600">', messageId: 'missing' },
      {
        title: 'The link\'s only content is an image with empty alt',
        code: '<a href="https://example.com/shop"><img src="https://example.com/shop-now.png" alt="" width="200"></a>',
        messageId: 'emptyAltInLink',
      },
    ],
  },
  // One defect, one finding: a missing alt on an image CTA is this accessibility rule's finding;
  // cta-image-only's missingAlt at the same <img> is dropped (it still reports when img-alt is off).
  supersedes: { missing: ['cta-image-only'], emptyAltInLink: ['cta-image-only'] },
  check({ doc, report }) {
    const reportedLinks = new Set<Element>();
    for (const img of doc.elements) {
      if (img.name !== 'img') continue;
      const range = doc.startTagRange(img);
      const alt = doc.attr(img, 'alt');
      if (!alt) {
        const decorative = isDecorative(doc, img);
        report({
          messageId: 'missing',
          data: { img: describe(img) },
          range,
          suggestions: decorative
            ? [{ desc: 'Mark this spacer/pixel as decorative: add alt=""', fix: { range: { start: afterTagName(doc, img), end: afterTagName(doc, img) }, text: ' alt=""' } }]
            : undefined,
        });
        continue;
      }
      if (img.attribs.alt?.trim()) continue;
      const link = enclosingLink(img);
      if (!link || reportedLinks.has(link)) continue;
      if (link.attribs['aria-label']?.trim() || link.attribs.title?.trim() || doc.textOf(link)) continue;
      reportedLinks.add(link);
      report({ messageId: 'emptyAltInLink', data: { img: describe(img) }, range });
    }
  },
});
