/**
 * The document's style rules compiled once and indexed by the subject's id, class and tag, with
 * each element's matching selectors computed once and shared by every view (phone and pane
 * widths, light and dark schemes): a view only filters the matches by its media conditions.
 */
import type { AnyNode, Element } from 'domhandler';
import { compile } from 'css-select';
import type { CssRule } from '../css/stylesheet.js';
import { sharedDeclarations, type Declaration } from '../css/declarations.js';
import { DARK_MEDIA } from '../css/media.js';
import { bucketKey, OG_ATTR, OG_ATTR_ALL, requiredNames, specificity, splitSelectors } from '../css/selectors.js';

export interface CompiledSelector {
  /** The selector as written (for messages). */
  text: string;
  specificity: number;
  test: (el: Element) => boolean;
  rule: CssRule;
  /** An Outlook.com dark-mode selector (`[data-ogsc] .x`): matches in the dark scheme only. */
  darkOnly: boolean;
}

const PSEUDOS = {
  '-webkit-any-link': 'a[href], area[href]',
  'any-link': 'a[href], area[href]',
  focus: () => false,
  'focus-within': () => false,
  'focus-visible': () => false,
  target: () => false,
  lang: langPseudo,
};

interface Prepared {
  test: (el: Element) => boolean;
  specificity: number;
  key: string;
  /** The classes and ids it requires in the document (see requiredNames). */
  requires: string[];
}

/**
 * Selectors compiled, by text and quirks mode, for every document of the process: templates of
 * one sender share their stylesheets, and compiling (css-what's parse, css-select's compile) was
 * a twentieth of the lint time. A compiled selector holds no state. `null`: a selector dropped.
 * A compiled selector is ~2.5 KB of closures: 5,000 (the 710-file corpus has ~1,100 distinct
 * ones) keep the cache under ~15 MB, which a long run's heap carries from one full GC to the next.
 */
const PREPARED = new Map<string, Prepared | null>();
const MAX_PREPARED = 5_000;

function prepare(text: string, quirks: boolean): Prepared | null {
  const cacheKey = `${quirks ? 'q' : 's'}${text}`;
  let p = PREPARED.get(cacheKey);
  if (p !== undefined) return p;
  p = null;
  // Pseudo-elements never match an element; `.1` or `#2col` is not a valid selector: browsers
  // drop the whole rule.
  if (!/::|:(before|after|first-line|first-letter)\b/i.test(text) && !/[.#]-?\d/.test(text.replace(/\[[^\][]*\]|"[^"]*"|'[^']*'/g, ''))) {
    try {
      const q = compile<AnyNode, Element>(text, { quirksMode: quirks, pseudos: PSEUDOS });
      p = { test: (el) => q(el), specificity: specificity(text), key: bucketKey(text, quirks), requires: requiredNames(text) };
    } catch {
      // a selector the browser may know but we cannot match: ignored, like unknown syntax
    }
  }
  if (PREPARED.size >= MAX_PREPARED) PREPARED.clear();
  PREPARED.set(cacheKey, p);
  return p;
}

export class SelectorIndex {
  /** True when the template has `prefers-color-scheme: dark` rules or `[data-ogsc]`/`[data-ogsb]` selectors. */
  readonly declaresDark: boolean;
  /** Rules with a media condition (the only ones whose application differs between views). */
  readonly conditional: readonly CssRule[];
  /** `html`, `body`, `:root` selectors, for a template without `<body>` (the browser makes one). */
  readonly rootSelectors: CompiledSelector[] = [];
  /** Selectors by their subject's id (`#x` → `x`), else first class, else tag; `universal` for the rest. */
  private readonly byId = new Map<string, CompiledSelector[]>();
  private readonly byClass = new Map<string, CompiledSelector[]>();
  private readonly byTag = new Map<string, CompiledSelector[]>();
  private readonly universal: CompiledSelector[] = [];
  private readonly matches = new Map<Element, CompiledSelector[]>();

  constructor(
    readonly rules: readonly CssRule[],
    readonly quirks: boolean,
    hasBody: boolean,
    /** Every element of the document (all its trees): selectors requiring a class or id none of them has are left out. */
    elements?: readonly Element[],
  ) {
    let present: Set<string> | undefined;
    this.declaresDark = rules.some((r) => r.media.some((m) => DARK_MEDIA.test(m)) || OG_ATTR.test(r.selectorText));
    this.conditional = rules.filter((r) => r.media.length > 0);
    for (const rule of rules) {
      for (const sel of splitSelectors(rule.selectorText)) {
        let text = sel;
        const darkOnly = OG_ATTR.test(text);
        // Outlook.com marks its dark-mode rendering with these attributes; they never match in light.
        if (darkOnly) text = text.replace(/(^|[\s>+~])\[\s*data-og[sa][cb]\s*\](?=$|[\s>+~])/gi, '$1*').replace(OG_ATTR_ALL, '');
        const prepared = prepare(text, quirks);
        if (!prepared) continue;
        const { test } = prepared;
        const compiled: CompiledSelector = { text: sel, specificity: prepared.specificity, test, rule, darkOnly };
        if (!hasBody && /^(html|body|:root)$/i.test(text.trim())) this.rootSelectors.push(compiled);
        if (elements && prepared.requires.length) {
          present ??= namesIn(elements);
          if (prepared.requires.some((n) => !present!.has(n))) continue;
        }
        const key = prepared.key;
        if (key === '*') {
          this.universal.push(compiled);
          continue;
        }
        const [bucket, name] = key[0] === '#' ? [this.byId, key.slice(1)] : key[0] === '.' ? [this.byClass, key.slice(1)] : [this.byTag, key];
        let list = bucket.get(name);
        if (!list) bucket.set(name, (list = []));
        list.push(compiled);
      }
    }
  }

  /** The declarations of an element's style attribute (parsed once per distinct text). */
  inline(el: Element): readonly Declaration[] {
    return sharedDeclarations(el.attribs.style);
  }

  /** Every selector that matches `el`, whatever the view (computed once per element). */
  matching(el: Element): CompiledSelector[] {
    let out = this.matches.get(el);
    if (out) return out;
    // The universal bucket, the tag's, the id's, then each class's (in the attribute's order).
    let found = collect(this.universal, el, undefined);
    found = collect(this.byTag.get(el.name), el, found);
    const id = el.attribs.id;
    if (id) found = collect(this.byId.get(this.quirks ? id.toLowerCase() : id), el, found);
    const cls = el.attribs.class;
    if (cls && this.byClass.size) for (const c of cls.split(/\s+/)) if (c) found = collect(this.byClass.get(this.quirks ? c.toLowerCase() : c), el, found);
    out = found ?? NO_MATCH;
    this.matches.set(el, out);
    return out;
  }
}

const NO_MATCH = Object.freeze([]) as unknown as CompiledSelector[];

/** `found` with the selectors of `list` that match `el` added (made when the first matches). */
function collect(list: CompiledSelector[] | undefined, el: Element, found: CompiledSelector[] | undefined): CompiledSelector[] | undefined {
  if (list) for (const s of list) if (s.test(el)) (found ??= []).push(s);
  return found;
}

/** The classes and ids of elements (`.name`, `#name`, lower-cased). */
function namesIn(elements: readonly Element[]): Set<string> {
  const out = new Set<string>();
  for (const el of elements) {
    const { id, class: cls } = el.attribs;
    if (id) out.add(`#${id.toLowerCase()}`);
    if (cls) for (const c of cls.split(/\s+/)) if (c) out.add(`.${c.toLowerCase()}`);
  }
  return out;
}

/** `:lang(en)` matches an element whose nearest `lang` is `en` or `en-…`. */
function langPseudo(el: Element, value?: string | null): boolean {
  const want = (value ?? '').trim().replace(/^["']|["']$/g, '').toLowerCase();
  for (let n: AnyNode | null = el; n; n = n.parent) {
    const lang = (n as Element).attribs?.lang ?? (n as Element).attribs?.['xml:lang'];
    if (lang !== undefined) {
      const l = lang.trim().toLowerCase();
      return l === want || l.startsWith(`${want}-`);
    }
  }
  return false;
}
