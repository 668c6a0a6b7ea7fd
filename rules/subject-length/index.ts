import { defineRule } from '../../src/rule.js';
import { documentStartRange, graphemeLength, graphemeSlice } from '../../src/rule-utils.js';

const DOC = '<html lang="en"><head><title>Newsletter</title></head><body><p>Hello</p></body></html>';

export default defineRule({
  id: 'subject-length',
  description: 'Subject lines longer than 50 characters are cut off in most inboxes, on mobile at about 40.',
  rationale:
    'Inboxes show a limited number of subject characters: about 48 in Apple Mail on iPhone, 37 in the Gmail iPhone app, 33 in the Gmail Android app (fewer at larger font settings), 50 to 70 on desktop. ' +
    'Practitioner guidance converges on "never exceed 50 characters" with the main message in the first ~33. Length is a truncation problem, not a spam-filter signal. ' +
    'Characters are counted as graphemes (what the reader sees: an emoji is one).',
  sources: [
    'emailtooltester, subject line character limits per client (measured; "never exceed 50 characters"): https://www.emailtooltester.com/en/blog/email-subject-lines-character-limit/',
    'ActiveCampaign glossary, subject line length (visible characters per client): https://www.activecampaign.com/glossary/subject-line-length',
    'Word to the Wise, subject lines ("subject line length is not directly measured by spamfilters"): https://wordtothewise.com/2012/10/subject-lines',
  ],
  guidance:
    'Keep the subject to 50 characters or fewer and put the offer or key noun in the first 30 to 40, so the mobile cut does not hide it. Move detail into the preheader.',
  category: 'content',
  severity: 'warn',
  recommended: true,
  options: {
    max: { type: 'integer', default: 50, minimum: 1, description: 'Longest subject (in graphemes) that does not warn.' },
    mobileCut: { type: 'integer', default: 40, minimum: 1, description: 'Where mobile inboxes typically cut the subject (shown in the message).' },
  },
  messages: {
    tooLong:
      'Subject is {{length}} characters; keep it to {{max}} or fewer: mobile inboxes cut at ~{{mobileCut}}, showing only "{{visible}}…". Front-load the offer and move detail to the preheader.',
  },
  examples: {
    valid: [
      { title: 'A short subject', code: DOC, subject: 'Your March invoice is ready' },
      { title: 'No subject known (nothing to check)', code: '<p>Hello</p>' },
    ],
    invalid: [
      {
        title: 'A 64-character subject passed as an option',
        code: DOC,
        subject: 'Our biggest summer sale ever: everything in the store is 40% off',
        messageId: 'tooLong',
      },
      {
        title: 'A long <title> used as the subject',
        code: '<html lang="en"><head><title>Everything you need to know about our brand new spring collection</title></head><body><p>Hi</p></body></html>',
        messageId: 'tooLong',
      },
    ],
  },
  check({ doc, options, report }) {
    const subject = doc.subject;
    if (!subject) return;
    const text = subject.text.trim();
    const length = graphemeLength(text);
    if (length <= options.max) return;
    report({
      messageId: 'tooLong',
      data: { length, max: options.max, mobileCut: options.mobileCut, visible: graphemeSlice(text, options.mobileCut).trimEnd() },
      range: subject.range ?? documentStartRange(doc),
      header: subject.header,
    });
  },
});
