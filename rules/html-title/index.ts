import { findMergeTags } from '../../src/model/merge-tags.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'html-title',
  description: 'A full HTML email needs a non-empty <title>.',
  rationale:
    'WCAG 2.4.2 Page Titled (level A): the <title> names the document (axe document-title). Screen readers announce it when the email is opened in a browser or a webmail view, ' +
    '"view online" pages and browser tabs show it, and some tools read it as the subject. The MJML skeleton always emits one.',
  sources: [
    'WCAG 2.2 Success Criterion 2.4.2 Page Titled, level A: https://www.w3.org/WAI/WCAG22/Understanding/page-titled.html',
    'MJML documentation, mj-title (MJML always emits a <title>): https://documentation.mjml.io/#mj-title',
  ],
  guidance: 'Put <title> in <head> with the subject line (or the campaign name), e.g. <title>Your March invoice</title>.',
  category: 'accessibility',
  severity: 'warn',
  recommended: true,
  options: {},
  messages: {
    missing: 'The document has no <title>: screen readers and "view online" pages have no name for it. Add <title> with the subject line to <head>.',
    empty: '<title> is empty: screen readers and "view online" pages have no name for the email. Put the subject line in it.',
  },
  mjmlMessages: {
    missing: 'The compiled email has no <title>: screen readers and "view online" pages have no name for it. Add <mj-title> with the subject line to <mj-head>.',
    empty: 'No <mj-title>, so the compiled <title> is empty: screen readers and "view online" pages have no name for the email. Add <mj-title> with the subject line to <mj-head>.',
  },
  examples: {
    valid: [
      { title: 'A title', code: '<html lang="en"><head><title>Your March invoice</title></head><body><p>Hi</p></body></html>' },
      { title: 'A fragment without <html> is not checked', code: '<p>Hello</p>' },
    ],
    invalid: [
      { title: 'No title', code: '<html lang="en"><head><meta charset="utf-8"></head><body><p>Hi</p></body></html>', messageId: 'missing' },
      { title: 'Empty title', code: '<html lang="en"><head><title> </title></head><body><p>Hi</p></body></html>', messageId: 'empty' },
    ],
  },
  check({ doc, report }) {
    const html = doc.htmlElement;
    if (!html) return;
    const title = doc.renderedElements.find((e) => e.name === 'title');
    if (!title) {
      const at = doc.head ?? html;
      report({ messageId: 'missing', range: doc.startTagRange(at) });
      return;
    }
    // A title the ESP fills in ({{ subject }}, {% block title %}) is present.
    if (!doc.textOf(title) && !findMergeTags(doc.text.slice(doc.range(title).start, doc.range(title).end).replace(/^<title[^>]*>/i, '')).length) report({ messageId: 'empty', range: doc.range(title) });
  },
});
