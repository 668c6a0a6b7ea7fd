/** Stylesheets with positions: rules, their selectors, declarations and enclosing @media conditions. Pure. */
import { sharedDeclarations, type Declaration } from './declarations.js';
import { TextCache } from './text-cache.js';

export interface CssRule {
  selectorText: string;
  /** Offset of the selector in the document text. */
  offset: number;
  /** Shared by every rule with the same body text (see sharedDeclarations): read only. */
  declarations: readonly Declaration[];
  /** Enclosing @media conditions (all must hold). */
  media: string[];
  /** Order among all rules of the document. */
  order: number;
}

/** Blanks comments and HTML comment markers, keeping offsets. */
function blankComments(css: string): string {
  return css
    .replace(/\/\*[^]*?(\*\/|$)/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<!--|-->/g, (m) => ' '.repeat(m.length));
}

/** Index of the `}` closing the block whose `{` is at `open` (or the end). */
function matchBrace(css: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return css.length;
}

/** The `;` ending an at-rule statement (`@import url(…;…);`), outside quotes and parentheses, or -1 at a `{` or the end. */
function statementEnd(css: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) return i;
    else if (c === '{' && depth === 0) return -1;
  }
  return -1;
}

/** An at-rule as written (`@font-face`, `@import`, `@media`…): name lower-cased, prelude, offset of the `@`, enclosing @media conditions. */
export interface AtRule {
  name: string;
  prelude: string;
  offset: number;
  media: string[];
}

/**
 * Parses a stylesheet tolerantly. `base` is the offset of `css` in the document. When `atRules`
 * is given, every at-rule met (nested ones too) is pushed onto it.
 */
export function parseStylesheet(cssText: string, base = 0, media: string[] = [], counter = { n: 0 }, atRules?: AtRule[]): CssRule[] {
  // Parsed once per text (at offset 0, outside any @media, numbered from 0), then placed.
  const parsed = PARSED.get(cssText) ?? PARSED.add(cssText, (text) => {
    const ats: AtRule[] = [];
    return { rules: parseRules(text, 0, [], { n: 0 }, ats), atRules: ats };
  });
  const within = (m: string[]) => (media.length ? [...media, ...m] : m);
  const first = counter.n;
  counter.n += parsed.rules.length;
  if (atRules) for (const a of parsed.atRules) atRules.push({ ...a, offset: base + a.offset, media: within(a.media) });
  return parsed.rules.map((r) => ({ ...r, offset: base + r.offset, media: within(r.media), order: first + r.order }));
}

/** Stylesheets parsed, by text. */
const PARSED = new TextCache<{ rules: readonly CssRule[]; atRules: readonly AtRule[] }>(64);

function parseRules(cssText: string, base: number, media: string[], counter: { n: number }, atRules: AtRule[] | undefined): CssRule[] {
  const css = blankComments(cssText);
  const rules: CssRule[] = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /[\s;}]/.test(css[i])) i++;
    if (i >= css.length) break;
    const open = css.indexOf('{', i);
    const semi = css[i] === '@' ? statementEnd(css, i) : -1;
    if (css[i] === '@' && semi >= 0 && (open < 0 || semi < open)) {
      if (atRules) {
        const at = /^@([\w-]+)\s*([^]*)$/.exec(css.slice(i, semi).trim());
        if (at) atRules.push({ name: at[1].toLowerCase(), prelude: at[2].trim(), offset: base + i, media });
      }
      i = semi + 1; // @import, @charset
      continue;
    }
    if (open < 0) break;
    const prelude = css.slice(i, open).trim();
    const close = matchBrace(css, open);
    const inner = css.slice(open + 1, close);
    if (prelude.startsWith('@')) {
      const at = /^@([\w-]+)\s*([^]*)$/.exec(prelude);
      const name = at?.[1].toLowerCase() ?? '';
      if (at && atRules) atRules.push({ name, prelude: at[2].trim(), offset: base + i, media });
      if (name === 'media') rules.push(...parseRules(inner, base + open + 1, [...media, at![2].trim()], counter, atRules));
      // @supports: taken as true for what is asked, false for `not (…)` (what an up-to-date engine answers for email CSS).
      else if (name === 'supports') {
        if (!/^not\b/i.test(at![2].trim())) rules.push(...parseRules(inner, base + open + 1, media, counter, atRules));
      } else if (name === 'document' || name === '-moz-document') rules.push(...parseRules(inner, base + open + 1, media, counter, atRules));
      // @font-face, @keyframes, @page, @-ms-viewport… hold no rules for elements.
    } else if (prelude) {
      const lead = css.slice(i, open).search(/\S/);
      rules.push({ selectorText: prelude, offset: base + i + Math.max(0, lead), declarations: sharedDeclarations(inner), media, order: counter.n++ });
    }
    i = close + 1;
  }
  return rules;
}

