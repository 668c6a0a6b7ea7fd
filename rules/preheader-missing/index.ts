import type { Element } from 'domhandler';
import { defineRule } from '../../src/rule.js';
import { walk, normalizeSpace, type EmailDocument } from '../../src/model/document.js';
import { documentStartRange, truncate } from '../../src/rule-utils.js';

/** Elements that separate the words before and after them. */
const BREAKS = new Set(['p', 'div', 'td', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br', 'table']);

/** The first visible body text (what an inbox shows as the preview when there is no preheader). */
function firstBodyText(doc: EmailDocument, max: number): string {
  const parts: string[] = [];
  let length = 0;
  walk(doc.body ?? doc.dom, (n) => {
    if (length > max) return false;
    if (n.type === 'style' || n.type === 'script' || n.type === 'comment') return false;
    if (n.type === 'tag') {
      const el = n as Element;
      if (el.name === 'head' || el.name === 'title' || doc.styles.concealed(el)) return false;
      if (el.name === 'img' && el.attribs.alt?.trim()) {
        parts.push(` ${el.attribs.alt} `);
        length += el.attribs.alt.length;
      }
      if (BREAKS.has(el.name)) parts.push(' ');
    } else if (n.type === 'text') {
      const data = (n as { data: string }).data;
      parts.push(data);
      length += data.trim().length;
    }
    return undefined;
  });
  return normalizeSpace(parts.join(''));
}

export default defineRule({
  id: 'preheader-missing',
  description: 'Emails without a preheader (preview text) let the inbox show whatever body text comes first.',
  rationale:
    'Next to the subject, inboxes show 35 to 140 characters of preview text. Without a preheader they take the first text of the body: often "View this email in your browser", a logo\'s alt text or navigation links. ' +
    'The hidden preheader block at the top of <body> (Cerberus, MJML mj-preview) is how a template controls it.',
  sources: [
    'Litmus, the ultimate guide to preview text: https://www.litmus.com/blog/the-ultimate-guide-to-preview-text-support',
    'themarketer, how long should preview texts be (characters shown per client): https://themarketer.com/resources/knowledge-base/how-long-should-your-preview-texts-be',
    'Cerberus template, the hidden preheader block: https://github.com/emailmonday/Cerberus/blob/HEAD/cerberus-hybrid.html',
    'MJML documentation, mj-preview: https://documentation.mjml.io/#mj-preview',
  ],
  guidance:
    'Add a hidden preheader as the first thing in <body>: <div style="display:none; max-height:0; overflow:hidden; mso-hide:all;" aria-hidden="true">Your preview text</div> (or mj-preview in MJML), or pass the preview text your ESP sets with --preheader / config.',
  category: 'content',
  severity: 'warn',
  recommended: true,
  options: {},
  messages: {
    missing:
      'No preheader found: the inbox preview will show the first body text instead ({{preview}}). Add a hidden preheader block at the top of <body> that complements the subject.',
  },
  mjmlMessages: {
    missing:
      'No preheader found: the inbox preview will show the first body text instead ({{preview}}). Add <mj-preview> to <mj-head> with text that complements the subject.',
  },
  examples: {
    valid: [
      {
        title: 'A hidden preheader block',
        code: '<body><div style="display:none; max-height:0; overflow:hidden; mso-hide:all;" aria-hidden="true">Three new courses start Monday: save your seat</div><p>Hello</p></body>',
      },
      { title: 'Preheader given by the ESP settings', code: '<body><p>Hello</p></body>', preheader: 'Three new courses start Monday: save your seat' },
    ],
    invalid: [
      {
        title: 'The preview would be "View this email in your browser"',
        code: '<body><p><a href="https://example.com/web">View this email in your browser</a></p><p>Spring is here.</p></body>',
        messageId: 'missing',
      },
      {
        title: 'Transactional mail needs one too',
        code: '<body><p>Your receipt</p></body>',
        mailType: 'transactional',
        messageId: 'missing',
      },
    ],
  },
  check({ doc, report }) {
    const pre = doc.preheader;
    if (pre && pre.text.trim()) return;
    const text = firstBodyText(doc, 80);
    const preview = text ? `"${truncate(text, 60)}"` : 'nothing useful: the body has no text';
    report({
      messageId: 'missing',
      data: { preview },
      range: doc.body ? doc.startTagRange(doc.body) : documentStartRange(doc),
    });
  },
});
