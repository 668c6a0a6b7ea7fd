/**
 * Merge-tag (ESP template placeholder) detection. A merge tag must never be encoded, split or
 * reordered by anything inboxlint writes, and an href that is wholly a merge tag is not a URL
 * we can reason about. Syntaxes from ../shared/reference/email-guidance.md §8.3.
 */
import type { Range } from './location.js';

export type MergeTagSyntax =
  | 'triple-brace' // {{{x}}}  Handlebars raw / Postmark
  | 'double-brace' // {{x}}    Handlebars, Mustache, Liquid output, Go templates, Jinja
  | 'brace-percent' // {% x %}  Liquid / Jinja / Django tags
  | 'mailchimp' // *|X|*
  | 'ampscript-inline' // %%=x=%% Salesforce Marketing Cloud AMPscript
  | 'double-percent' // %%x%%   SFMC personalization strings
  | 'angle-percent' // <% x %>  ERB / EJS / SendGrid legacy
  | 'mailgun' // %recipient.x%
  | 'bracket' // [unsubscribe]  Campaign Monitor / SendGrid style
  | 'single-brace' // {name}   simple placeholders
  | 'dollar-brace'; // ${x}     Velocity / FreeMarker / JS templates

export interface MergeTag {
  syntax: MergeTagSyntax;
  /** Offsets relative to the scanned string. */
  range: Range;
  text: string;
}

// Ordered by precedence: longer delimiters first so {{{x}}} is not read as {{x}}.
// Bounded lengths keep pathological inputs linear.
const PATTERNS: Array<[MergeTagSyntax, RegExp]> = [
  ['triple-brace', /\{\{\{[^{}]{1,200}?\}\}\}/y],
  ['double-brace', /\{\{[^{}]{1,400}?\}\}/y],
  ['brace-percent', /\{%[^]{1,400}?%\}/y],
  ['mailchimp', /\*\|[^|*\s]{1,100}?\|\*/y],
  ['ampscript-inline', /%%=[^]{1,400}?=%%/y],
  ['double-percent', /%%[A-Za-z_][\w.\-:]{0,100}%%/y],
  ['angle-percent', /<%[^]{1,400}?%>/y],
  ['mailgun', /%recipient\.[\w.\-]{1,100}%/y],
  ['dollar-brace', /\$\{[^{}\s]{1,200}\}/y],
  ['bracket', /\[[A-Za-z][\w\-:.]{0,60}\]/y],
  ['single-brace', /\{[A-Za-z_][\w.\-]{0,60}\}/y],
];

const START_CHARS = new Set(['{', '*', '%', '<', '[', '$']);

/** Every merge tag in `text`, left to right, non-overlapping. Linear time. */
export function findMergeTags(text: string): MergeTag[] {
  const tags: MergeTag[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!START_CHARS.has(text[i])) continue;
    for (const [syntax, re] of PATTERNS) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        tags.push({ syntax, range: { start: i, end: i + m[0].length }, text: m[0] });
        i += m[0].length - 1;
        break;
      }
    }
  }
  return tags;
}

/** True when the whole value (trimmed) is one merge tag, e.g. `{{action_url}}`. */
export function isWhollyMergeTag(value: string): boolean {
  const t = value.trim();
  if (!t) return false;
  const tags = findMergeTags(t);
  return tags.length === 1 && tags[0].range.start === 0 && tags[0].range.end === t.length;
}
