import { defineRule } from '../../src/rule.js';
import { documentStartRange, truncate } from '../../src/rule-utils.js';

/** Case- and whitespace-insensitive form; trailing punctuation does not make text different. */
function norm(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/(?<![\s.!?…:;,])[\s.!?…:;,]+$/u, '').trim();
}

const BLOCK = (text: string) =>
  `<html lang="en"><head><title>Newsletter</title></head><body><div style="display:none; max-height:0; overflow:hidden; mso-hide:all;" aria-hidden="true">${text}</div><p>Hello</p></body></html>`;

export default defineRule({
  id: 'preheader-repeats-subject',
  description: 'A preheader that repeats the subject wastes the preview line.',
  rationale:
    'Inboxes show the preheader right after the subject, with 35 to 140 characters of room. Repeating the subject there spends that room on words the reader has just read; the preview is the second chance to earn the open.',
  sources: [
    'Litmus, the ultimate guide to preview text (the preview text complements the subject): https://www.litmus.com/blog/the-ultimate-guide-to-preview-text-support',
    'Maizzle glossary, preheader: https://github.com/maizzle/maizzle.com/blob/HEAD/content/docs/glossary.md',
  ],
  guidance: 'Make the preheader add something the subject does not say: the detail, the deadline, the benefit or the next step.',
  category: 'content',
  severity: 'warn',
  recommended: true,
  options: {},
  messages: {
    same: 'Preheader is the same as the subject ("{{preheader}}"): the preview repeats it; say something the subject does not.',
    startsWithSubject:
      'Preheader starts by repeating the subject ("{{subject}}"): the preview spends its first characters on it; start with new information.',
    insideSubject:
      'Preheader "{{preheader}}" is part of the subject: the preview adds nothing; say something the subject does not.',
  },
  examples: {
    valid: [
      { title: 'The preheader adds the detail', code: BLOCK('Linen shirts, light jackets and free returns until Sunday'), subject: 'The spring collection is here' },
      { title: 'No subject known', code: '<body><div style="display:none">Linen shirts and light jackets</div><p>Hi</p></body>' },
    ],
    invalid: [
      { title: 'Identical (case and spacing ignored)', code: BLOCK('The Spring  collection is here!'), subject: 'The spring collection is here', messageId: 'same' },
      {
        title: 'Starts with the subject',
        code: BLOCK('The spring collection is here: linen shirts and light jackets'),
        subject: 'The spring collection is here',
        messageId: 'startsWithSubject',
      },
      { title: 'Contained in the subject', code: BLOCK('spring collection'), subject: 'The spring collection is here', messageId: 'insideSubject' },
    ],
  },
  check({ doc, report }) {
    const subject = doc.subject;
    const pre = doc.preheader;
    if (!subject || !pre) return;
    const s = norm(subject.text);
    const p = norm(pre.text);
    if (!s || !p) return;
    const range = pre.range ?? documentStartRange(doc);
    const data = { subject: truncate(subject.text.trim(), 70), preheader: truncate(pre.text.trim(), 70) };
    if (p === s) report({ messageId: 'same', data, range });
    else if (p.startsWith(s)) report({ messageId: 'startsWithSubject', data, range });
    else if (s.includes(p)) report({ messageId: 'insideSubject', data, range });
  },
});
