import { defineRule } from '../../src/rule.js';
import { findMergeTags } from '../../src/model/merge-tags.js';
import { afterTagName } from '../../src/rule-utils.js';
import { documentLanguage } from '../../src/model/language.js';

/** A BCP 47 tag as browsers accept it: 2–3 letter language (or x-/i- private use), subtags of 1–8 alphanumerics. */
function isValidLang(value: string): boolean {
  if (!/^(?:[a-z]{2,3}|[xi])(?:-[a-z0-9]{1,8})*$/i.test(value)) return false;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return /^[xi]-/i.test(value);
  }
}

export default defineRule({
  id: 'html-lang',
  description: '<html> needs a valid lang attribute so screen readers pick the right voice.',
  rationale:
    'WCAG 3.1.1 Language of Page (level A) asks that the page language be programmatically determinable, which in HTML means <html lang> (axe html-has-lang). ' +
    'Screen readers use it to choose the pronunciation; Gmail keeps the attribute (caniemail html-lang). MJML and Cerberus both set it.',
  sources: [
    'WCAG 2.2 Success Criterion 3.1.1 Language of Page, level A: https://www.w3.org/WAI/WCAG22/Understanding/language-of-page.html',
    'caniemail, lang attribute (which clients keep it): https://www.caniemail.com/features/html-lang/',
    'BCP 47, tags for identifying languages (en, en-GB, pt-BR): https://www.rfc-editor.org/info/bcp47',
    'Cerberus templates set lang on <html>: https://github.com/emailmonday/Cerberus',
  ],
  guidance: 'Set lang on <html> to the language of the copy, e.g. <html lang="en"> or lang="de-AT". Use a hyphen, not an underscore.',
  category: 'accessibility',
  severity: 'warn',
  recommended: true,
  fixable: true,
  options: {},
  messages: {
    missing: '<html> has no lang attribute: screen readers guess the language and may read the copy with the wrong voice. Add {{add}}.',
    empty: '<html lang=""> is empty: screen readers cannot tell the language. Set it to the language of the copy, e.g. lang="en".',
    invalid:
      '<html lang="{{value}}"> is not a valid language tag: use a BCP 47 code such as "en", "en-GB" or "pt-BR"{{hint}}.',
    undetermined: '<html lang="{{value}}"> says the language is undetermined, so screen readers still guess it (WCAG 3.1.1). Set it to the language of the copy{{example}}.',
  },
  mjmlMessages: {
    undetermined: 'The compiled <html> says lang="{{value}}" (undetermined: MJML writes it when <mjml> has no lang), so screen readers still guess the language (WCAG 3.1.1). Add {{add}} to <mjml>.',
  },
  examples: {
    valid: [
      { title: 'English', code: '<html lang="en"><body><p>Hello</p></body></html>' },
      { title: 'A region subtag', code: '<html lang="pt-BR"><body><p>Olá</p></body></html>' },
      { title: 'A merge tag the ESP fills in', code: '<html lang="{{ locale }}"><body><p>Hello</p></body></html>' },
      { title: 'A fragment without <html> is not checked', code: '<table role="presentation"><tr><td>Hi</td></tr></table>' },
    ],
    invalid: [
      { title: 'No lang', code: '<html><body><p>Hello</p></body></html>', messageId: 'missing' },
      { title: 'Empty lang', code: '<html lang=""><body><p>Hello</p></body></html>', messageId: 'empty' },
      { title: 'An underscore instead of a hyphen', code: '<html lang="en_US"><body><p>Hello</p></body></html>', messageId: 'invalid' },
      { title: '"und" (undetermined, what some builders write by default)', code: '<html lang="und"><body><p>Hello</p></body></html>', messageId: 'undetermined' },
    ],
  },
  check({ doc, report }) {
    const html = doc.htmlElement;
    if (!html) return;
    const attr = doc.attr(html, 'lang');
    const tagRange = doc.startTagRange(html);
    // The language the copy is written in (model/language.ts), when the text tells it.
    const detected = documentLanguage(doc);
    const found = detected.source === 'text' ? detected.lang : null;
    // Too little copy to tell: name no language (a guess of "en" would be wrong on other copy).
    const add = found ? `lang="${found}" (the language the copy is written in)` : 'lang with the language of the copy (too little copy to tell which)';
    if (!attr) {
      const at = afterTagName(doc, html);
      report({
        messageId: 'missing',
        data: { add },
        range: tagRange,
        suggestions: found ? [{ desc: `Add lang="${found}" (the language the copy is written in)`, fix: { range: { start: at, end: at }, text: ` lang="${found}"` } }] : undefined,
      });
      return;
    }
    const value = (html.attribs.lang ?? '').trim();
    if (!value) {
      report({ messageId: 'empty', range: tagRange });
      return;
    }
    if (findMergeTags(attr.raw).length) return;
    // "und" is a valid BCP 47 tag, but it names no language.
    if (/^und(-|$)/i.test(value)) {
      report({
        messageId: 'undetermined',
        data: { value, add, example: found ? `: lang="${found}"` : '' },
        range: tagRange,
        suggestions: found && attr.valueRange.end > attr.valueRange.start ? [{ desc: `Use lang="${found}" (the language the copy is written in)`, fix: { range: attr.valueRange, text: found } }] : undefined,
      });
      return;
    }
    if (isValidLang(value)) return;
    const fixed = value.replace(/_/g, '-');
    const hint = fixed !== value && isValidLang(fixed) ? ` (did you mean "${fixed}"?)` : '';
    report({
      messageId: 'invalid',
      data: { value, hint },
      range: attr.valueRange.end > attr.valueRange.start ? attr.valueRange : tagRange,
      // Safe: "en_US" → "en-US" names the same language in the syntax BCP 47 requires. A missing lang stays a suggestion (a guess).
      fix: hint ? { desc: `Use "${fixed}"`, range: attr.valueRange, text: fixed } : undefined,
    });
  },
});
