import { defineRule } from '../../src/rule.js';
import type { Range } from '../../src/model/location.js';
import type { EmailDocument } from '../../src/model/document.js';
import { findMergeTags } from '../../src/model/merge-tags.js';
import { documentStartRange, truncate } from '../../src/rule-utils.js';

const MESSAGE = (body: string) =>
  `From: Shop <news@shop.example>\r\nTo: ann@example.com\r\nSubject: Your spring picks\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}\r\n`;

/** Ranges of `doc.text` no reader sees as text: <style>, <script>, the head (but <title>), plain comments. */
function unseen(doc: EmailDocument): Range[] {
  const out: Range[] = [];
  for (const el of doc.renderedElements) {
    if (el.name === 'style' || el.name === 'script') out.push(doc.range(el));
    if (el.name === 'head') {
      const head = doc.range(el);
      const title = el.children.find((c) => c.type === 'tag' && (c as { name: string }).name === 'title');
      if (!title) out.push(head);
      else {
        const t = doc.range(title as never);
        out.push({ start: head.start, end: t.start }, { start: t.end, end: head.end });
      }
    }
  }
  // Comments, but not Outlook's conditional markup: that is rendered (by Outlook).
  for (const c of doc.comments) if (!/^\s*\[if\b|^\s*<!\[endif\]/i.test(c.data)) out.push(doc.range(c));
  return out.sort((a, b) => a.start - b.start);
}

/** A tag a person wrote: a name or an expression, not a run of punctuation that happens to sit between braces. */
function plausible(tag: string): boolean {
  const OPEN = '{*%<[$|=';
  const CLOSE = '}*%>]|=';
  let a = 0;
  let b = tag.length;
  while (a < b && OPEN.includes(tag[a])) a++;
  while (b > a && CLOSE.includes(tag[b - 1])) b--;
  const inner = tag.slice(a, b).trim();
  if (!/[A-Za-z_]/.test(inner)) return false;
  const wordy = inner.replace(/[^\w\s.:|'"()=,#/-]/g, '').length;
  return wordy / inner.length >= 0.8;
}

export default defineRule({
  id: 'merge-tag-leftover',
  description: 'A message about to be sent (an .eml, or HTML given with --rendered) must not hold an unrendered merge tag such as {{first_name}} or *|FNAME|*.',
  rationale:
    'A template tag that reaches the reader ("Hi {{first_name}}", "*|FNAME|*", "%%FirstName%%") shows the mail was machine-made and broke: it costs trust and clicks, and SpamAssassin\'s UNRESOLVED_TEMPLATE rule scores unmerged tokens in headers. ' +
    'In a template the tags are normal and this rule says nothing: it judges only rendered messages, an .eml (a message as sent or exported from an ESP\'s test send) or HTML linted with --rendered. The syntaxes are those of the ESP template languages the model knows.',
  sources: [
    'SpamAssassin rules/20_head_tests.cf, UNRESOLVED_TEMPLATE (headers with unmerged %TOKENS; scored 3.035/0.716/2.424/1.252 in 50_scores.cf): https://github.com/apache/spamassassin/blob/trunk/rules/20_head_tests.cf',
    'Mailchimp, merge tags (what *|FNAME|* becomes when sent): https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/',
  ],
  guidance: 'Send a test through the ESP with a real contact (or preview data), fix the tag\'s name or its fallback (`{{ first_name | default: "there" }}`, `*|FNAME:there|*`), and check again.',
  category: 'content',
  severity: 'error',
  recommended: true,
  options: {},
  messages: {
    leftover: 'Unrendered merge tag {{tag}} in {{where}}: the reader would see it as written. Check the tag name and its fallback in the ESP.',
  },
  examples: {
    valid: [
      { title: 'A template: tags are expected', code: '<p>Hi {{first_name}}, your picks are in.</p>' },
      { title: 'A rendered message', kind: 'eml', code: MESSAGE('<p>Hi Ann, your picks are in.</p>') },
    ],
    invalid: [
      { title: 'A sent message greeting "%%FirstName%%"', kind: 'eml', code: MESSAGE("<p>Hi %%FirstName%%, your picks are in.</p>"), messageId: 'leftover' },
      { title: 'Rendered HTML with a Mailchimp tag left', rendered: true, code: '<p>Hello *|FNAME|*, the sale starts today.</p>', messageId: 'leftover' },
    ],
  },
  check({ doc, report }) {
    if (!doc.rendered) return;
    const skip = unseen(doc);
    let k = 0;
    // One finding per distinct tag, at its first place, with how often it recurs.
    const found = new Map<string, { range: Range; where: string; count: number }>();
    for (const t of findMergeTags(doc.text)) {
      while (k < skip.length && skip[k].end <= t.range.start) k++;
      if (k < skip.length && skip[k].start <= t.range.start) continue;
      if (!plausible(t.text)) continue;
      const seen = found.get(t.text);
      if (seen) {
        seen.count++;
        continue;
      }
      const inAttr = doc.text.lastIndexOf('<', t.range.start) > doc.text.lastIndexOf('>', t.range.start);
      found.set(t.text, { range: t.range, where: inAttr ? 'an attribute (a link or an image)' : 'the text', count: 1 });
    }
    for (const [tag, f] of found) {
      report({ messageId: 'leftover', data: { tag: `${truncate(tag, 40)}${f.count > 1 ? ` (×${f.count})` : ''}`, where: f.where }, range: f.range });
    }
    const subject = doc.subject;
    if (subject && subject.source === 'header') {
      for (const t of findMergeTags(subject.text)) {
        report({ messageId: 'leftover', data: { tag: truncate(t.text, 40), where: 'the Subject header' }, range: documentStartRange(doc), header: 'subject' });
      }
    }
  },
});
