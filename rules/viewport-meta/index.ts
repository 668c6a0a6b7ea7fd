import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'viewport-meta',
  description: 'Full HTML emails need <meta name="viewport" content="width=device-width, initial-scale=1">.',
  rationale:
    'Without a device-width viewport, mobile clients that render the email as a web page lay it out at a desktop width and zoom out, so text becomes tiny and media queries for small screens never match. ' +
    'The MJML skeleton and Cerberus both emit <meta name="viewport" content="width=device-width, initial-scale=1">.',
  sources: [
    'MJML\'s skeleton emits <meta name="viewport" content="width=device-width, initial-scale=1">: https://github.com/mjmlio/mjml/blob/HEAD/packages/mjml-core/src/helpers/skeleton.js',
    'Cerberus templates (the same viewport meta and x-apple-disable-message-reformatting): https://github.com/emailmonday/Cerberus',
    'MDN, the viewport meta tag: https://developer.mozilla.org/en-US/docs/Web/HTML/Viewport_meta_tag',
  ],
  guidance:
    'Add <meta name="viewport" content="width=device-width, initial-scale=1"> to <head> (Cerberus also adds <meta name="x-apple-disable-message-reformatting">).',
  category: 'layout',
  severity: 'warn',
  recommended: true,
  options: {},
  messages: {
    missing:
      'No viewport meta tag: mobile clients lay the email out at desktop width and zoom out, so text is tiny. Add <meta name="viewport" content="width=device-width, initial-scale=1"> to <head>.',
    noDeviceWidth:
      'The viewport meta tag ("{{content}}") does not set width=device-width: mobile clients may zoom out. Use content="width=device-width, initial-scale=1".',
  },
  examples: {
    valid: [
      {
        title: 'Viewport set',
        code: '<html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1"></head><body><p>Hi</p></body></html>',
      },
      { title: 'A fragment without <html> is not checked', code: '<p>Hello</p>' },
    ],
    invalid: [
      { title: 'No viewport', code: '<html lang="en"><head><meta charset="utf-8"></head><body><p>Hi</p></body></html>', messageId: 'missing' },
      {
        title: 'A fixed width',
        code: '<html lang="en"><head><meta name="viewport" content="width=600"></head><body><p>Hi</p></body></html>',
        messageId: 'noDeviceWidth',
      },
    ],
  },
  check({ doc, report }) {
    const html = doc.htmlElement;
    if (!html) return;
    const metas = doc.renderedElements.filter((e) => e.name === 'meta' && e.attribs.name?.trim().toLowerCase() === 'viewport');
    if (metas.some((m) => /(^|[\s,;])width\s*=\s*device-width\b/i.test(m.attribs.content ?? ''))) return;
    if (metas.length) {
      report({ messageId: 'noDeviceWidth', data: { content: metas[0].attribs.content ?? '' }, range: doc.startTagRange(metas[0]) });
      return;
    }
    const head = doc.head;
    const at = head ? doc.startTagRange(head).end : undefined;
    report({
      messageId: 'missing',
      range: doc.startTagRange(head ?? html),
      suggestions:
        at === undefined
          ? undefined
          : [{ desc: 'Add the viewport meta tag', fix: { range: { start: at, end: at }, text: '\n<meta name="viewport" content="width=device-width, initial-scale=1">' } }],
    });
  },
});
