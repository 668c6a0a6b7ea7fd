import { defineRule } from '../../src/rule.js';
import type { Element } from 'domhandler';
import { HIDDEN_RE as HIDDEN, REVEALED_START_RE as REVEALED_START, REVEALED_END_RE as REVEALED_END } from '../../src/model/parse-html.js';

/** Elements whose end tag is required and whose absence changes what the reader sees. */
const NEEDS_END = new Set(['a', 'table', 'div', 'span', 'center', 'font', 'b', 'strong', 'i', 'em', 'u', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'button', 'v:roundrect', 'v:rect']);


/** `</name>` (or `</name` cut off) at the end of a string, one pattern per tag name. */
const END_TAG = new Map<string, RegExp>();

function explicitlyClosed(text: string, el: Element): boolean {
  const end = (el.endIndex ?? 0) + 1;
  const tail = text.slice(Math.max(el.startIndex ?? 0, end - el.name.length - 12), end);
  let re = END_TAG.get(el.name);
  if (!re) END_TAG.set(el.name, (re = new RegExp(`</${el.name.replace(/[.*+?^${}()|[\]\\:]/g, '\\$&')}\\s*>?$`, 'i')));
  return re.test(tail);
}

export default defineRule({
  id: 'html-well-formed',
  description: 'Markup that mail clients repair differently: unterminated comments, unbalanced Outlook conditional comments, a tag cut off at the end, unclosed links and containers.',
  rationale:
    'Browsers and webmail repair broken HTML, each in its own way; Outlook for Windows (Word) and Gmail\'s sanitiser repair it differently again. ' +
    'An unterminated `<!--` hides the rest of the email, an `<!--[if mso]>` without `<![endif]-->` hands Outlook half a layout, and an unclosed `<a>` ' +
    'turns everything after it into one giant link. These are the failures a pre-send check exists to catch (Outlook for Windows renders with Word; ' +
    'HTML Living Standard, parsing and optional end tags).',
  sources: [
    'HTML Living Standard, parsing HTML documents: https://html.spec.whatwg.org/multipage/parsing.html',
    'HTML Living Standard, optional tags (which end tags may be left out): https://html.spec.whatwg.org/multipage/syntax.html#optional-tags',
    'Microsoft, Word 2007 HTML and CSS rendering capabilities in Outlook (the Word engine of Outlook for Windows): https://learn.microsoft.com/en-us/previous-versions/office/developer/office-2007/aa338201(v=office.12)',
  ],
  guidance: 'Close what you open: end every comment with `-->`, every `<!--[if …]>` with `<![endif]-->`, and every link and container with its end tag.',
  category: 'layout',
  severity: 'error',
  recommended: true,
  options: {
    unclosedElements: { type: 'boolean', default: true, description: 'Also report links and containers whose end tag is missing (warning).' },
  },
  messages: {
    unterminatedComment: 'This comment is never closed with -->: every client hides the rest of the email',
    unclosedConditional: 'Outlook conditional comment <!--[if {{condition}}]> has no <![endif]-->: Outlook and other clients see different halves of the layout',
    unmatchedRevealed: '<!--[if {{condition}}]><!--> has no closing <!--<![endif]-->: Outlook hides everything after it',
    strayEndif: '<!--<![endif]--> without an opening <!--[if …]><!-->: check the conditional comments around it',
    truncated: 'The file ends inside a tag ("{{tag}}"): it looks cut off',
    unclosedElement: '<{{tag}}> opened here is never closed: clients close it in different places{{extra}}',
  },
  examples: {
    valid: [
      { code: '<body><!--[if mso]><table><tr><td><![endif]--><p>Hi</p><!--[if mso]></td></tr></table><![endif]--><!--[if !mso]><!--><div>x</div><!--<![endif]--></body>' },
      { code: '<table><tr><td>Cells and paragraphs may omit end tags<p>like this</table>' },
    ],
    invalid: [
      { title: 'An unterminated comment', code: '<body><p>Hello</p><!-- TODO fix footer <p>Unsubscribe</p></body>', messageId: 'unterminatedComment' },
      { title: 'An Outlook conditional with a mistyped end', code: '<body><!--[if mso]><table><tr><td><![endif]><p>Hi</p><!-- footer --></body>', messageId: 'unclosedConditional' },
      { title: 'An unclosed link', code: '<body><p><a href="https://example.com/sale">Shop the sale</p><p>Everything here is a link now.</p></body>', messageId: 'unclosedElement' },
      { title: 'A file cut off mid-tag', code: '<body><p>Hello</p><a href="https://example.com', messageId: 'truncated' },
    ],
  },
  check({ doc, options, report }) {
    const text = doc.text;
    // Comments: unterminated ones, and conditional comments that do not balance.
    let openRevealed: { condition: string; start: number; end: number } | undefined;
    for (const c of doc.comments) {
      const range = doc.range(c);
      if (!text.startsWith('-->', range.end - 3) && !text.startsWith('--!>', range.end - 4) && range.end >= text.length) {
        report({ messageId: 'unterminatedComment', range: { start: range.start, end: Math.min(range.start + 4, text.length) } });
        continue;
      }
      const data = c.data;
      if (REVEALED_START.test(data)) {
        if (openRevealed) {
          report({ messageId: 'unmatchedRevealed', data: { condition: openRevealed.condition }, range: openRevealed });
        }
        openRevealed = { condition: /^\[if\s([^\]]*)\]/i.exec(data)![1].trim(), start: range.start, end: range.end };
      } else if (REVEALED_END.test(data)) {
        if (openRevealed) openRevealed = undefined;
        else report({ messageId: 'strayEndif', range });
      } else if (/^\[if\s/i.test(data) && !HIDDEN.test(data)) {
        report({ messageId: 'unclosedConditional', data: { condition: /^\[if\s([^\]]*)\]/i.exec(data)?.[1].trim() ?? '' }, range: { start: range.start, end: Math.min(range.end, range.start + 20) } });
      }
    }
    if (openRevealed) report({ messageId: 'unmatchedRevealed', data: { condition: openRevealed.condition }, range: openRevealed });

    // A tag cut off at the end of the file.
    const lastLt = text.lastIndexOf('<');
    if (lastLt >= 0 && /^<[a-zA-Z\/]/.test(text.slice(lastLt, lastLt + 2)) && text.indexOf('>', lastLt) < 0) {
      const tag = text.slice(lastLt, lastLt + 30).split(/\s/)[0];
      report({ messageId: 'truncated', data: { tag }, range: { start: lastLt, end: text.length } });
    }

    // Links and containers whose end tag is missing (main tree only: Outlook-only markup in
    // conditional comments is split across comments on purpose).
    if (!options.unclosedElements) return;
    for (const el of doc.renderedElements) {
      if (!NEEDS_END.has(el.name) || el.endIndex == null || explicitlyClosed(text, el)) continue;
      // A tag cut off at the end of the file is already reported.
      if (el.startIndex === lastLt) continue;
      report({
        messageId: 'unclosedElement',
        data: { tag: el.name, extra: el.name === 'a' ? ': everything up to there becomes part of the link' : '' },
        range: doc.startTagRange(el),
        severity: 'warn',
      });
    }
  },
});
