import { defineRule } from '../../src/rule.js';
import type { EmailDocument } from '../../src/model/document.js';
import { documentStartRange, graphemeLength, graphemeSlice, truncate } from '../../src/rule-utils.js';

// Invisible characters templates pad preheaders with (&zwnj; &nbsp; &#8199; &#65279; &#847; …).
const SPACER = /[\u200c\u2007\ufeff\u034f\u200b\u00ad\u2060]/;

/** True when the preheader block (or a hidden sibling right after it) is padded with spacer characters. */
function isPadded(doc: EmailDocument): boolean {
  const el = doc.preheaderElement;
  if (!el) return false;
  const after = el.endIndex != null ? doc.text.slice(el.startIndex ?? 0, el.endIndex + 600) : '';
  return /(?:&zwnj;|&#8204;|&#x200c;|&#8199;|&#65279;|&#847;|&nbsp;\s*&zwnj;)/i.test(after) || SPACER.test(after);
}

/** The text after the first `n` graphemes. */
function tailAfter(text: string, n: number): string {
  return text.slice(graphemeSlice(text, n).length);
}

const BLOCK = (text: string) =>
  `<body><div style="display:none; max-height:0; overflow:hidden; mso-hide:all;" aria-hidden="true">${text}</div><p>Hello</p></body>`;

export default defineRule({
  id: 'preheader-length',
  description: 'Preheaders shorter than 40 or longer than 130 characters waste or overflow the inbox preview.',
  rationale:
    'Clients show roughly 35 (Outlook for Windows) to 140 (Apple Mail on macOS) preview characters; Gmail web about 97, the Gmail iOS app 90, Apple Mail on iPhone 81 to 99. ' +
    'A short preheader leaves room that clients fill with the body copy that follows (the &zwnj;&nbsp; spacer padding exists to stop that); a long one is cut. ' +
    'The 40–130 default is the commonly quoted range; the guidance notes 40–90 is the better-supported band, so set max to 90 to follow it.',
  sources: [
    'Litmus, the ultimate guide to preview text ("keeping the preview text under 90 characters"): https://www.litmus.com/blog/the-ultimate-guide-to-preview-text-support',
    'themarketer, how long should preview texts be (characters shown per client): https://themarketer.com/resources/knowledge-base/how-long-should-your-preview-texts-be',
    'Cerberus template, the hidden preheader and its spacer ("so email clients don\'t pull other distracting text into the inbox preview"): https://github.com/emailmonday/Cerberus/blob/HEAD/cerberus-hybrid.html',
  ],
  guidance:
    'Write 40 to 90 characters that add to the subject. If it must be short, follow it with a run of &zwnj;&nbsp; spacers (keep the run short and broken by spaces: SpamAssassin penalises long invisible text).',
  category: 'content',
  severity: 'warn',
  recommended: true,
  options: {
    min: { type: 'integer', default: 40, minimum: 0, description: 'Shortest preheader (graphemes) that does not warn.' },
    max: { type: 'integer', default: 130, minimum: 1, description: 'Longest preheader (graphemes) that does not warn.' },
  },
  messages: {
    tooShort:
      'Preheader is {{length}} characters; aim for {{min}}–{{max}}: {{consequence}}: "{{text}}".',
    tooLong:
      'Preheader is {{length}} characters; keep it to {{max}} or fewer: most clients show 35–140, so the end ("…{{tail}}") is cut. Put the point first and trim the rest.',
  },
  examples: {
    valid: [
      { title: 'A 51-character hidden preheader', code: BLOCK('Three new courses start Monday: save your seat now') },
      { title: 'No preheader (preheader-missing reports that)', code: '<body><p>Hello</p></body>' },
    ],
    invalid: [
      { title: 'Too short and not padded', code: BLOCK('Big news inside'), messageId: 'tooShort' },
      {
        title: 'Too long (given as an option)',
        code: '<body><p>Hello</p></body>',
        preheader:
          'Our spring collection is here with linen shirts, light jackets and sandals for every occasion, plus free returns on every order and a gift for members',
        messageId: 'tooLong',
      },
    ],
  },
  check({ doc, options, report }) {
    const pre = doc.preheader;
    if (!pre) return;
    const text = pre.text.trim();
    if (!text) return;
    const length = graphemeLength(text);
    const range = pre.range ?? documentStartRange(doc);
    if (length < options.min) {
      const consequence = isPadded(doc)
        ? 'the spacer padding keeps body copy out of the preview, but the space is unused'
        : 'clients fill the rest of the preview with the body copy that follows unless you pad it with &zwnj;&nbsp; spacers';
      report({ messageId: 'tooShort', data: { length, min: options.min, max: options.max, consequence, text: truncate(text, 60) }, range });
    } else if (length > options.max) {
      report({ messageId: 'tooLong', data: { length, max: options.max, tail: truncate(tailAfter(text, options.max).trim(), 40) }, range });
    }
  },
});
