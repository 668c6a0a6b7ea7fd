/**
 * The cascade, as a browser computes it for an email: for every element its colour, background,
 * opacity, font size and weight, and whether it is visible; for every run of visible text its
 * effective foreground and background (translucency composited over what lies beneath) with
 * where each colour came from. Sources: `<style>` blocks (specificity, source order,
 * `!important`, media queries evaluated for one width and colour scheme), inline styles, the
 * presentational attributes (`bgcolor`, `background`, `<font color>`, `<body text/link>`),
 * inheritance and the user-agent defaults (including Chromium's quirks-mode table rules).
 * The browser test (test/contrast-browser.test.ts) holds this against real Chromium.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import type { StyledSource } from './source.js';
import { isInside } from '../tree.js';
import { checkDeadline } from '../deadline.js';
import type { Range } from '../model/location.js';
import { sharedDeclarations, type Declaration } from '../css/declarations.js';
import { TextCache } from '../css/text-cache.js';
import { BLACK, TRANSPARENT, WHITE, over, parseColor, parseLegacyColor, type Rgba } from '../css/color.js';
import { VIEWPORTS } from './views.js';
import { usedStyle, ROOT_USED, type UsedStyle } from './used.js';
import { normalizeSpace } from './text.js';
import { parseStylesheet, type AtRule, type CssRule } from '../css/stylesheet.js';
import type { CompiledSelector, SelectorIndex } from './selector-index.js';
import { matchMedia, type MediaEnv, type Scheme } from '../css/media.js';
import {
  expand, lightDark, pickScheme, substituteVars, fontSizeAttr, resolveFontSize, bolder, resolveWeight,
  VAR_SHORTHAND, IMAGE_RE, FONT_SIZE_KEYWORDS, CSS_WIDE,
} from '../css/values.js';

export type { Scheme };

/** Where a colour (or size) came from, for messages: `from .muted in <style>, line 22`. */
export interface StyleOrigin {
  /** Human wording, e.g. `from .muted in <style>, line 22`, `bgcolor on <td>, line 40`, `browser default`. */
  description: string;
  /** The declaration or attribute in the source, when there is one. */
  range?: Range;
  kind: 'style-rule' | 'inline' | 'attribute' | 'default';
}

export interface ComputedStyle {
  /** `color` as computed (may be translucent). */
  color: Rgba;
  colorOrigin: StyleOrigin;
  /** `background-color` (transparent when none). */
  backgroundColor: Rgba;
  backgroundOrigin?: StyleOrigin;
  /** `background-image` when one is set (url or gradient), else null. */
  backgroundImage: string | null;
  backgroundImageOrigin?: StyleOrigin;
  opacity: number;
  fontSize: number;
  fontSizeOrigin?: StyleOrigin;
  /** When the size derives from a keyword (`medium`, the default), its ratio to `medium`; null when absolute. */
  fontKeywordScale: number | null;
  /** Custom properties (`--name` → value) in effect. */
  customProperties: ReadonlyMap<string, string>;
  /** True when this element's used colour scheme is dark (system colours such as the link blue follow it). */
  darkScheme: boolean;
  /** True when the font family is the generic `monospace` alone (Chromium then takes `medium` as 13px). */
  monospace: boolean;
  fontWeight: number;
  /** display:none here or on an ancestor. */
  displayNone: boolean;
  /** visibility:hidden in effect (inherited; a child may set visible). */
  visibilityHidden: boolean;
  /** Hidden by this element or an ancestor other than through visibility (opacity 0, max-height 0 + overflow hidden). */
  hiddenOther: boolean;
  /** `mso-hide: all` here or on an ancestor: hidden from Outlook for Windows only (web clients ignore it). */
  msoHidden: boolean;
  /** Hidden from web clients (display, visibility, opacity 0, max-height 0 + overflow hidden). `mso-hide` does not count. */
  hidden: boolean;
}

/** The colour of text or of what lies behind it, as it reaches the screen. */
export interface ResolvedColor {
  /** Opaque, after compositing translucency and opacity over what lies beneath. */
  color: Rgba;
  /** As declared (possibly translucent). */
  declared: Rgba;
  origin: StyleOrigin;
  /** True when translucency or opacity was composited to get `color`. */
  blended: boolean;
}

/** One run of visible text: the direct text of one element. */
export interface TextRun {
  element: Element;
  /** Normalised text. */
  text: string;
  /** From the first to the last of the element's own text nodes. */
  range: Range;
  fg: ResolvedColor;
  bg: ResolvedColor;
  fontSize: number;
  /** Where the font size was declared (undefined: the browser default). */
  fontSizeOrigin?: StyleOrigin;
  fontWeight: number;
  /** A background image or gradient lies under the text with no fallback colour: the background is unknown. */
  inconclusive: boolean;
  /** The element that carries that image. */
  imageElement?: Element;
  imageOrigin?: StyleOrigin;
  scheme: Scheme;
}

export interface ResolveOptions {
  scheme?: Scheme;
  /** Viewport width for media queries (default: the desktop viewport). */
  width?: number;
  height?: number;
}


/* ------------------------------------------------------------------ the cascade */

type Level = 0 | 1 | 2; // user agent / author (presentational hints first) / style attribute

interface Candidate {
  value: string;
  /** Set when the value is a whole shorthand holding var(): it is expanded after substitution. */
  shorthand?: Declaration;
  important: boolean;
  level: Level;
  specificity: number;
  order: number;
  /** Where it comes from; undefined for the style attribute's (level 2), whose origin is the element's (made when read). */
  origin: StyleOrigin | undefined;
  /** The value holds var(). */
  hasVar: boolean;
}
/** The winning candidate per longhand property, as `declared()` collects them. */
type Declared = ReadonlyMap<string, Candidate>;
/** A longhand a declaration sets: property, value, and the shorthand when the value holds var() (split after substitution). */
type Longhand = [string, string, Declaration | undefined];

/** True when `c` wins over `best` in the cascade: !important, then level, specificity, order. */
function beats(c: Candidate, best: Candidate): boolean {
  if (c.important !== best.important) return c.important;
  if (c.level !== best.level) return c.level > best.level;
  if (c.specificity !== best.specificity) return c.specificity > best.specificity;
  return c.order > best.order;
}

/** Adds a candidate to a winners map: it replaces the current winner when it beats it. */
function put(out: Map<string, Candidate>, prop: string, c: Candidate): void {
  const best = out.get(prop);
  if (!best || beats(c, best)) out.set(prop, c);
}

const NO_DECLARED: Declared = new Map();
/** What the views of one document share, per compiled selector: the candidates of its rule's declarations, and their origin. */
interface SelectorCaches {
  candidates: Map<CompiledSelector, Array<[string, Candidate]>>;
  origins: Map<CompiledSelector, StyleOrigin>;
}
const SELECTOR_CACHES = new WeakMap<SelectorIndex, SelectorCaches>();
/** Per parsed declaration and quirks mode: the longhands it sets that a browser keeps (declarations are shared, see sharedDeclarations). */
const LONGHANDS = [new WeakMap<Declaration, Longhand[]>(), new WeakMap<Declaration, Longhand[]>()];
/** Per style attribute text and quirks mode: its winning candidates (origin left to the element). */
const INLINE_DECLARED = [new TextCache<Declared>(5_000), new TextCache<Declared>(5_000)];
/** Per style attribute text: its cascaded declarations (for elements no style rule matches). */
const INLINE_CASCADED = new TextCache<ReadonlyMap<string, string>>(5_000);
const NO_CASCADED: ReadonlyMap<string, string> = new Map();
const VAR_RE = /var\(/i;
/** Elements whose style depends on more than their parent's style and name even when nothing is declared for them (links, quirks-mode tables). */
const NOT_PLAIN = new Set(['a', 'area', 'table']);
const MONOSPACE_TAGS = new Set(['pre', 'code', 'tt', 'kbd', 'samp', 'xmp', 'listing', 'plaintext']);
const HINT_BG = new Set(['body', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot']);
/** The properties the computed style is made of (StyleResolver.cascade reads these and custom properties only). */
const COMPUTED = new Set(['background-color', 'background-image', 'color', 'color-scheme', 'display', 'font-family', 'font-size', 'font-weight', 'max-height', 'mso-hide', 'opacity', 'overflow', 'visibility']);

function lineOf(doc: StyledSource, offset: number): number {
  return doc.span({ start: offset, end: offset }).line;
}

function tagDesc(doc: StyledSource, el: Element): string {
  return `<${el.name}>, line ${lineOf(doc, el.startIndex ?? 0)}`;
}

/** Where an element's style attribute declarations come from: worded and located when a message reads it. */
class InlineOrigin implements StyleOrigin {
  readonly kind = 'inline';
  readonly #doc: StyledSource;
  readonly #el: Element;
  #description: string | undefined;
  #range: { value: Range | undefined } | undefined;
  constructor(doc: StyledSource, el: Element) {
    this.#doc = doc;
    this.#el = el;
  }
  get description(): string {
    return (this.#description ??= `from the style attribute on ${tagDesc(this.#doc, this.#el)}`);
  }
  get range(): Range | undefined {
    return (this.#range ??= { value: this.#doc.attr(this.#el, 'style')?.valueRange }).value;
  }
  toJSON(): StyleOrigin {
    return { description: this.description, range: this.range, kind: this.kind };
  }
}

const UA_HIDDEN = new Set(['head', 'script', 'style', 'title', 'template', 'meta', 'link', 'base', 'datalist', 'param', 'area', 'map', 'noframes', 'xml']);
const NO_TEXT = new Set(['textarea', 'select', 'option', 'optgroup', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'colgroup', 'col', 'iframe', 'object', 'svg', 'math', 'video', 'audio', 'canvas']);
const HEADING_SIZE: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h4: 1, h5: 0.83, h6: 0.67 };
/** The element the rules for html/body are cascaded on where the template has no <html>/<body>. */
const VIRTUAL_BODY = { type: 'tag', name: 'body', attribs: {}, children: [], parent: null } as unknown as Element;

/**
 * The cascade for one view of a document (a viewport width and a colour scheme). Created by the
 * StyleService (src/style/service.ts), which shares one SelectorIndex between its views.
 */
export class StyleResolver {
  readonly scheme: Scheme;
  readonly quirks: boolean;
  /** True when the template has `prefers-color-scheme: dark` rules or `[data-ogsc]`/`[data-ogsb]` selectors. */
  readonly declaresDark: boolean;
  /** True when the template opts in to a dark UA canvas (`<meta name="color-scheme" content="… dark">` or `color-scheme` on the root). */
  readonly darkCanvas: boolean;
  /** The viewport width media queries are evaluated for. */
  readonly width: number;
  private readonly env: MediaEnv;
  private readonly styles = new Map<AnyNode, ComputedStyle>();
  private readonly cascadedStyles = new Map<Element, ReadonlyMap<string, string>>();
  private readonly usedStyles = new Map<AnyNode, UsedStyle>();
  private readonly visibilities = new Map<AnyNode, Visibility>();
  private readonly applies = new Map<CssRule, boolean>();
  /** Styles of elements nothing is declared for, by parent style and tag name (see computeOwn). */
  private readonly plain = new Map<ComputedStyle, Map<string, ComputedStyle>>();
  private readonly selectorCaches: SelectorCaches;
  private runs: TextRun[] | undefined;
  private runByElement: Map<Element, TextRun> | undefined;
  /** Another view of the same scheme whose computed styles this one reuses where no media condition changes them. */
  private base: StyleResolver | undefined;

  constructor(
    private readonly doc: StyledSource,
    private readonly index: SelectorIndex,
    opts: ResolveOptions = {},
  ) {
    this.scheme = opts.scheme ?? 'light';
    this.quirks = index.quirks;
    let caches = SELECTOR_CACHES.get(index);
    if (!caches) SELECTOR_CACHES.set(index, (caches = { candidates: new Map(), origins: new Map() }));
    this.selectorCaches = caches;
    this.width = opts.width ?? VIEWPORTS.desktop.width;
    this.env = { width: this.width, height: opts.height ?? VIEWPORTS.desktop.height, scheme: this.scheme };
    this.declaresDark = index.declaresDark;
    const schemes = this.rootColorScheme(index.rules);
    // Chromium paints a dark canvas (and white default text) when the page allows dark and the
    // reader prefers it, or when the page allows only dark.
    this.darkCanvas = schemes.dark && (this.scheme === 'dark' || !schemes.light);
  }

  /**
   * Reuse `base`'s computed styles (another view of the same scheme, e.g. the pane for the phone)
   * for every element whose parent style is shared and whose matching rules apply alike in both
   * views: only the subtrees a media query touches are cascaded again.
   */
  shareWith(base: StyleResolver): void {
    if (base === this || base.scheme !== this.scheme || base.darkCanvas !== this.darkCanvas) return;
    // A root font size changed by a media query changes every rem: no sharing then.
    const rootDiffers = this.index.conditional.some((r) => this.ruleApplies(r) !== base.ruleApplies(r) && /(^|,)\s*(html|:root)\s*($|,)/i.test(r.selectorText));
    if (!rootDiffers) this.base = base;
  }

  /** True when the rules matching `el` apply alike here and in `other`. */
  private appliesAlike(el: Element, other: StyleResolver): boolean {
    for (const s of this.index.matching(el)) if (s.rule.media.length && this.ruleApplies(s.rule) !== other.ruleApplies(s.rule)) return false;
    return true;
  }

  /**
   * True when the rules matching `el` that apply differently here and in `other` declare nothing
   * the computed style reads (a phone breakpoint mostly sets widths and paddings): then `el`'s
   * computed style is the same in both views whenever its parent's is.
   */
  private computesAlike(el: Element, other: StyleResolver): boolean {
    for (const s of this.index.matching(el)) if (s.rule.media.length && this.ruleApplies(s.rule) !== other.ruleApplies(s.rule) && this.ruleCandidates(s).length) return false;
    return true;
  }

  /** True when a rule's media conditions hold in this view. */
  ruleApplies(rule: CssRule): boolean {
    if (!rule.media.length) return true;
    let ok = this.applies.get(rule);
    if (ok === undefined) this.applies.set(rule, (ok = rule.media.every((m) => matchMedia(m, this.env))));
    return ok;
  }

  /** The selectors that match `el` in this view (media and scheme). */
  private matched(el: Element): CompiledSelector[] {
    const all = this.index.matching(el);
    let conditional = false;
    for (const s of all) if (s.darkOnly || s.rule.media.length) conditional = true;
    if (!conditional) return all;
    return all.filter((s) => (!s.darkOnly || this.scheme === 'dark') && this.ruleApplies(s.rule));
  }

  /**
   * The cascaded value of every property declared for `el` in `<style>` rules and its style
   * attribute, as written (shorthands not expanded, var() not substituted): the winner by
   * `!important`, origin, specificity and order. Not inherited. For the static layout and the
   * CTA model, which read paddings, borders, widths and display.
   */
  cascaded(el: Element): ReadonlyMap<string, string> {
    let out = this.cascadedStyles.get(el);
    if (out) return out;
    const b = this.base;
    if (b && this.appliesAlike(el, b)) {
      out = b.cascaded(el);
      this.cascadedStyles.set(el, out);
      return out;
    }
    // Declarations in ascending cascade order (specificity, then source order; the style
    // attribute last), so a later one wins unless an earlier one is !important and it is not.
    const matched = this.matched(el);
    if (!matched.length) {
      out = inlineCascaded(el.attribs.style);
      this.cascadedStyles.set(el, out);
      return out;
    }
    const map = new Map<string, string>();
    const important = new Set<string>();
    const take = (d: Declaration) => {
      if (important.has(d.property) && !d.important) return;
      map.set(d.property, d.value);
      if (d.important) important.add(d.property);
    };
    const sorted = matched.length > 1 ? [...matched].sort((x, y) => x.specificity - y.specificity || x.rule.order - y.rule.order) : matched;
    const inline = this.index.inline(el);
    // !important in a style rule beats a normal inline declaration; inline !important beats all.
    const sheetImportant = new Set<string>();
    for (const sel of sorted) for (const d of sel.rule.declarations) {
      take(d);
      if (d.important) sheetImportant.add(d.property);
    }
    for (const d of inline) {
      if (sheetImportant.has(d.property) && !d.important) continue;
      if (d.important) important.delete(d.property);
      take(d);
    }
    out = map;
    this.cascadedStyles.set(el, out);
    return out;
  }

  /** The colour schemes the root allows: `color-scheme` on :root/html (last wins), else `<meta name="color-scheme">`. */
  private rootColorScheme(rules: readonly CssRule[]): { light: boolean; dark: boolean } {
    let value: string | undefined;
    for (const el of this.doc.renderedElements) {
      if (el.name === 'meta' && el.attribs.name?.toLowerCase() === 'color-scheme') value = el.attribs.content ?? '';
    }
    for (const r of rules) {
      if (!/^(:root|html)$/i.test(r.selectorText.trim()) || !this.ruleApplies(r)) continue;
      for (const d of r.declarations) if (d.property === 'color-scheme') value = d.value;
    }
    const inline = /color-scheme\s*:\s*([^;]*)/i.exec(this.doc.htmlElement?.attribs.style ?? '');
    if (inline) value = inline[1];
    const v = (value ?? 'normal').toLowerCase();
    return { light: !/\bdark\b/.test(v) || /\blight\b/.test(v), dark: /\bdark\b/.test(v) };
  }

  /**
   * The winning declaration of every longhand that applies to `el` (presentational hints, style
   * rules, the style attribute). An element that only has a style attribute gets the map shared by
   * every element with the same attribute text.
   */
  private declared(el: Element): Declared {
    const a = el.attribs;
    const name = el.name;
    const hints = (a.bgcolor !== undefined && HINT_BG.has(name)) || (a.background !== undefined && HINT_BG.has(name)) || name === 'font' || (name === 'body' && a.text !== undefined);
    const matched = this.matched(el);
    if (!hints && !matched.length) return this.inlineDeclared(a.style);
    const out = new Map<string, Candidate>();
    const doc = this.doc;
    // Presentational hints: author level, specificity 0, before every author rule.
    const hint = (prop: string, value: string, attr: string) => {
      const info = doc.attr(el, attr);
      put(out, prop, {
        value,
        important: false,
        level: 1,
        specificity: 0,
        order: -1,
        origin: {
          get description() {
            return `${attr} on <${name}>, line ${lineOf(doc, info?.nameRange.start ?? el.startIndex ?? 0)}`;
          },
          range: info?.valueRange,
          kind: 'attribute',
        },
        hasVar: false,
      });
    };
    if (hints) {
      if (a.bgcolor !== undefined && HINT_BG.has(name)) {
        const c = parseLegacyColor(a.bgcolor!);
        if (c) hint('background-color', rgbaCss(c), 'bgcolor');
      }
      if (a.background !== undefined && a.background.trim() && HINT_BG.has(name)) {
        hint('background-image', `url(${JSON.stringify(a.background.trim())})`, 'background');
      }
      if (name === 'font') {
        if (a.color !== undefined) {
          const c = parseLegacyColor(a.color);
          if (c) hint('color', rgbaCss(c), 'color');
        }
        if (a.size !== undefined) {
          const px = fontSizeAttr(a.size);
          if (px !== undefined) hint('font-size', `${px}px`, 'size');
        }
      }
      if (name === 'body' && a.text !== undefined) {
        const c = parseLegacyColor(a.text);
        if (c) hint('color', rgbaCss(c), 'text');
      }
    }
    // Style rules.
    for (const sel of matched) for (const [prop, c] of this.ruleCandidates(sel)) put(out, prop, c);
    // The style attribute.
    for (const [prop, c] of this.inlineDeclared(a.style)) put(out, prop, c);
    return out;
  }

  /** The candidates of a style rule's declarations for one of its selectors, once per selector. */
  private ruleCandidates(sel: CompiledSelector): Array<[string, Candidate]> {
    let out = this.selectorCaches.candidates.get(sel);
    if (out) return out;
    out = [];
    const origin = this.ruleOrigin(sel);
    for (const d of sel.rule.declarations)
      for (const [prop, value, shorthand] of longhands(d, this.quirks))
        out.push([prop, { value, shorthand, important: d.important, level: 1, specificity: sel.specificity, order: sel.rule.order, origin, hasVar: VAR_RE.test(value) }]);
    this.selectorCaches.candidates.set(sel, out);
    return out;
  }

  /** The winning candidates of a style attribute (level 2, origin left to the element), once per text. */
  private inlineDeclared(style: string | undefined): Declared {
    if (!style) return NO_DECLARED;
    const cache = INLINE_DECLARED[this.quirks ? 1 : 0];
    return cache.get(style) ?? cache.add(style, (text) => inlineCandidates(text, this.quirks));
  }

  /** The origin of the declarations of an element's style attribute. */
  private inlineOrigin(el: Element): StyleOrigin {
    return new InlineOrigin(this.doc, el);
  }

  /** Where a style rule's declarations come from, once per selector. */
  private ruleOrigin(sel: CompiledSelector): StyleOrigin {
    let o = this.selectorCaches.origins.get(sel);
    if (o) return o;
    const doc = this.doc;
    const offset = sel.rule.offset;
    let description: string | undefined;
    o = {
      // Worded when read (a message, inspect): locating the line indexes the text, which track never needs.
      get description() {
        return (description ??= `from ${sel.text} in <style>, line ${lineOf(doc, offset)}`);
      },
      range: { start: offset, end: offset + sel.rule.selectorText.length },
      kind: 'style-rule',
    };
    this.selectorCaches.origins.set(sel, o);
    return o;
  }

  /** Root defaults: black text on a white canvas, or Chromium's dark canvas where the template opts in. */
  private rootStyle(): ComputedStyle {
    const dark = this.darkCanvas;
    return {
      color: dark ? { ...WHITE } : { ...BLACK },
      colorOrigin: { description: dark ? 'browser default (dark scheme)' : 'browser default', kind: 'default' },
      backgroundColor: { ...TRANSPARENT },
      backgroundImage: null,
      opacity: 1,
      fontSize: 16,
      fontKeywordScale: 1,
      monospace: false,
      darkScheme: dark,
      customProperties: new Map(),
      fontWeight: 400,
      displayNone: false,
      visibilityHidden: false,
      hiddenOther: false,
      msoHidden: false,
      hidden: false,
    };
  }

  /** The colour of the canvas (what shows where no element paints). */
  get canvas(): Rgba {
    return this.darkCanvas ? { r: 0x12, g: 0x12, b: 0x12, a: 1 } : { ...WHITE };
  }

  /** The computed style of an element (of its parent chain first). */
  computed(el: Element): ComputedStyle {
    const cached = this.styles.get(el);
    if (cached) return cached;
    // Compute ancestors top-down without deep recursion.
    const chain: Element[] = [];
    for (let n: AnyNode | null = el; n && n.type !== 'root'; n = n.parent) {
      if (this.styles.has(n)) break;
      if (n.type === 'tag' || n.type === 'script' || n.type === 'style') chain.push(n as Element);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      checkDeadline();
      this.styles.set(chain[i], this.computeOwn(chain[i]));
    }
    return this.styles.get(el)!;
  }

  private parentStyle(el: Element): ComputedStyle {
    let p: AnyNode | null = el.parent;
    while (p && p.type !== 'tag' && p.type !== 'root') p = p.parent;
    if (!p || p.type === 'root') return this.virtualRoot();
    return this.computed(p as Element);
  }

  /** Where the template has no <html>/<body>, the browser makes them: rules for html/body apply there. */
  private virtualRoot(): ComputedStyle {
    const key = this.doc.dom;
    const cached = this.styles.get(key);
    if (cached) return cached;
    const b = this.base;
    if (b && this.index.rootSelectors.every((sel) => this.ruleApplies(sel.rule) === b.ruleApplies(sel.rule))) {
      const shared = b.virtualRoot();
      this.styles.set(key, shared);
      return shared;
    }
    let style = this.rootStyle();
    const rootSelectors = this.index.rootSelectors.filter((sel) => (!sel.darkOnly || this.scheme === 'dark') && this.ruleApplies(sel.rule));
    if (rootSelectors.length) {
      const decls = new Map<string, Candidate>();
      for (const sel of rootSelectors) {
        const origin: StyleOrigin = { description: `from ${sel.text} in <style>, line ${lineOf(this.doc, sel.rule.offset)}`, kind: 'style-rule', range: { start: sel.rule.offset, end: sel.rule.offset + sel.rule.selectorText.length } };
        for (const d of sel.rule.declarations)
          for (const [prop, value] of expand(d, this.quirks)) {
            if (value === VAR_SHORTHAND || !valid(prop, value, this.quirks)) continue;
            put(decls, prop, { value, important: d.important, level: 1, specificity: sel.specificity, order: sel.rule.order, origin, hasVar: VAR_RE.test(value) });
          }
      }
      style = this.cascade(VIRTUAL_BODY, style, decls);
    }
    this.styles.set(key, style);
    return style;
  }

  private computeOwn(el: Element): ComputedStyle {
    const parent = this.parentStyle(el);
    const b = this.base;
    if (b && parent === b.parentStyle(el) && this.computesAlike(el, b)) return b.computed(el);
    const decls = this.declared(el);
    // An element nothing is declared for (most are) has the style of its siblings of the same name
    // that nothing is declared for either: computed once per parent style and tag name.
    if (decls.size === 0 && !NOT_PLAIN.has(el.name) && el.attribs.hidden === undefined) {
      let byName = this.plain.get(parent);
      if (!byName) this.plain.set(parent, (byName = new Map()));
      let style = byName.get(el.name);
      if (!style) byName.set(el.name, (style = this.cascade(el, parent, decls)));
      return style;
    }
    return this.cascade(el, parent, decls);
  }

  private cascade(el: Element, parent: ComputedStyle, decls: Declared): ComputedStyle {
    // Custom properties (inherited), then var() substitution: a value that cannot be resolved or
    // is invalid once resolved makes the property `unset` (invalid at computed-value time).
    let vars: ReadonlyMap<string, string> = parent.customProperties;
    for (const [prop, w] of decls) {
      if (!prop.startsWith('--')) continue;
      const own = vars === parent.customProperties ? new Map(parent.customProperties) : (vars as Map<string, string>);
      own.set(prop, w.value);
      vars = own;
    }
    const get = (p: string): Candidate | undefined => {
      const w = decls.get(p);
      if (!w || !w.hasVar) return w;
      const substituted = substituteVars(w.value, vars ?? new Map());
      let value = substituted ?? 'unset';
      if (substituted !== undefined && w.shorthand) {
        value = expand({ ...w.shorthand, value: substituted }, this.quirks).find(([prop]) => prop === p)?.[1] ?? 'unset';
      }
      if (!valid(p, value, this.quirks)) value = 'unset';
      return { ...w, value };
    };
    let inline: StyleOrigin | undefined;
    const originOf = (c: Candidate): StyleOrigin => c.origin ?? (inline ??= this.inlineOrigin(el));
    const name = el.name;
    const quirkTable = this.quirks && name === 'table';

    // color-scheme (inherited): decides the system colours (link blue, button face) of this subtree.
    let darkScheme = parent.darkScheme;
    const csDecl = get('color-scheme')?.value.trim().toLowerCase();
    if (csDecl && !/^(inherit|unset)$/.test(csDecl)) {
      const allowsDark = /\bdark\b/.test(csDecl);
      const allowsLight = !allowsDark || /\blight\b/.test(csDecl);
      darkScheme = csDecl === 'normal' ? this.darkCanvas : allowsDark && (this.scheme === 'dark' || !allowsLight);
    }

    // font-family: only whether it is `monospace` alone matters (Chromium sizes keywords from 13px then).
    let monospace = parent.monospace;
    if (MONOSPACE_TAGS.has(name)) monospace = true;
    const ff = get('font-family');
    if (ff && !/^(inherit|unset)$/i.test(ff.value.trim())) monospace = /^monospace$/i.test(ff.value.trim());

    // font-size (inherited). Relative sizes keep a keyword-derived size keyword-derived.
    let fontSize = parent.fontSize;
    let scale = parent.fontKeywordScale;
    let fontSizeOrigin = parent.fontSizeOrigin;
    const relative = (factor: number) => {
      fontSize = parent.fontSize * factor;
      scale = parent.fontKeywordScale === null ? null : parent.fontKeywordScale * factor;
    };
    if (quirkTable) scale = 1;
    if (name in HEADING_SIZE) relative(HEADING_SIZE[name]);
    if (name === 'small' || name === 'sub' || name === 'sup') relative(1 / 1.2);
    if (name === 'big') relative(1.2);
    if (name === 'button' || name === 'input' || name === 'select' || name === 'textarea') {
      fontSize = 13.333;
      scale = null;
    }
    const fs = get('font-size');
    if (fs) {
      const v = fs.value.trim().toLowerCase();
      if (v in FONT_SIZE_KEYWORDS) scale = FONT_SIZE_KEYWORDS[v] / 16;
      else if (/^(initial|revert|revert-layer)$/.test(v)) scale = 1;
      else if (v === 'smaller') relative(1 / 1.2);
      else if (v === 'larger') relative(1.2);
      else if (/^(inherit|unset)$/.test(v)) {
        fontSize = parent.fontSize;
        scale = parent.fontKeywordScale;
      } else if (/^(?:\d+(?:\.\d+)?|\.\d+)(em|%)$/.test(v)) {
        const px = resolveFontSize(v, parent.fontSize);
        if (px !== undefined) relative(px / parent.fontSize || 0);
      } else {
        // On the root (`<html>`, or the body the browser makes above it) a rem is the initial 16px.
        const atRoot = name === 'html' || el === VIRTUAL_BODY;
        const px = v.endsWith('rem') ? parseFloat(v) * (atRoot ? 16 : this.rootFontSize()) : resolveFontSize(v, parent.fontSize);
        if (px !== undefined) {
          fontSize = px;
          scale = null;
        }
      }
      fontSizeOrigin = originOf(fs);
    }
    if (scale !== null) fontSize = (monospace ? 13 : 16) * scale;

    // font-weight (inherited)
    let fontWeight = parent.fontWeight;
    if (quirkTable) fontWeight = 400;
    if (name === 'b' || name === 'strong') fontWeight = bolder(parent.fontWeight);
    if (name === 'th' || Object.hasOwn(HEADING_SIZE, name)) fontWeight = 700;
    const fw = get('font-weight');
    if (fw) fontWeight = resolveWeight(fw.value, parent.fontWeight) ?? fontWeight;

    // color (inherited)
    let color = parent.color;
    let colorOrigin = parent.colorOrigin;
    if (quirkTable) {
      // Chromium: `table { color: -internal-quirk-inherit }` takes the body's colour, not the parent's.
      const body = this.doc.body;
      const b = body && body !== el && isInside(el, body) ? this.computed(body) : this.virtualRoot();
      color = b.color;
      colorOrigin = b.colorOrigin;
    }
    if (name === 'mark') {
      color = { ...BLACK };
      colorOrigin = { description: 'browser default for <mark>', kind: 'default' };
    }
    if (name === 'button') {
      color = darkScheme ? { ...WHITE } : { ...BLACK };
      colorOrigin = { description: 'browser default for <button>', kind: 'default' };
    }
    if ((name === 'a' || name === 'area') && el.attribs.href !== undefined) {
      const link = this.bodyLink();
      color = link?.color ?? (darkScheme ? { r: 0x9e, g: 0x9e, b: 0xff, a: 1 } : { r: 0, g: 0, b: 0xee, a: 1 });
      colorOrigin = link?.origin ?? { description: 'browser default link colour', kind: 'default' };
    }
    const c = get('color');
    if (c) {
      const v = c.value.trim();
      if (/^(inherit|unset|currentcolor)$/i.test(v)) {
        color = parent.color;
        colorOrigin = parent.colorOrigin;
      } else if (/^(initial|revert|revert-layer)$/i.test(v)) {
        color = this.rootStyle().color;
        const o = originOf(c);
        colorOrigin = { description: `${o.description} (initial)`, kind: o.kind, range: o.range };
      } else {
        const parsed = parseColor(pickScheme(v, darkScheme), this.quirks);
        if (parsed && parsed !== 'currentcolor') {
          color = parsed;
          colorOrigin = originOf(c);
        }
      }
    }

    // background-color (not inherited)
    let backgroundColor: Rgba = { ...TRANSPARENT };
    let backgroundOrigin: StyleOrigin | undefined;
    if (name === 'mark') {
      backgroundColor = { r: 255, g: 255, b: 0, a: 1 };
      backgroundOrigin = { description: 'browser default for <mark>', kind: 'default' };
    }
    if (name === 'button') {
      backgroundColor = darkScheme ? { r: 0x6b, g: 0x6b, b: 0x6b, a: 1 } : { r: 239, g: 239, b: 239, a: 1 };
      backgroundOrigin = { description: 'browser default for <button>', kind: 'default' };
    }
    const bgc = get('background-color');
    if (bgc) {
      const v = bgc.value.trim();
      if (/^inherit$/i.test(v)) backgroundColor = parent.backgroundColor;
      else if (CSS_WIDE.test(v)) backgroundColor = { ...TRANSPARENT };
      else {
        const parsed = parseColor(pickScheme(v, darkScheme), this.quirks);
        backgroundColor = parsed === 'currentcolor' ? color : parsed ?? backgroundColor;
      }
      backgroundOrigin = originOf(bgc);
    }

    const bgi = get('background-image');
    let backgroundImage: string | null = null;
    let backgroundImageOrigin: StyleOrigin | undefined;
    if (bgi && IMAGE_RE.test(bgi.value.trim())) {
      backgroundImage = bgi.value.trim();
      backgroundImageOrigin = originOf(bgi);
    }

    const op = get('opacity');
    let opacity = 1;
    if (op) {
      const v = op.value.trim();
      const n = v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v);
      if (Number.isFinite(n)) opacity = Math.min(1, Math.max(0, n));
    }

    const display = get('display')?.value.trim().toLowerCase();
    const displayNone = parent.displayNone || display === 'none' || (display === undefined && (UA_HIDDEN.has(name) || el.attribs.hidden !== undefined));

    const vis = get('visibility')?.value.trim().toLowerCase();
    const maxHeight = get('max-height')?.value.trim();
    const overflow = get('overflow')?.value.trim().toLowerCase();
    const visibilityHidden = vis === 'hidden' || vis === 'collapse' ? true : vis === 'visible' ? false : parent.visibilityHidden;
    const hiddenOther = parent.hiddenOther || opacity === 0 || (!!maxHeight && /^0(px|em|%)?$/i.test(maxHeight) && overflow === 'hidden');
    const msoHidden = parent.msoHidden || get('mso-hide')?.value.trim().toLowerCase() === 'all';
    const hidden = displayNone || visibilityHidden || hiddenOther;

    const style: ComputedStyle = {
      color,
      colorOrigin,
      backgroundColor,
      backgroundOrigin,
      backgroundImage,
      backgroundImageOrigin,
      opacity,
      fontSize,
      fontSizeOrigin,
      fontKeywordScale: scale,
      monospace,
      darkScheme,
      customProperties: vars,
      fontWeight,
      displayNone,
      visibilityHidden,
      hiddenOther,
      msoHidden,
      hidden,
    };
    return style;
  }

  /**
   * The used values of an element (src/style/used.ts): font size, line height, bold, display,
   * box edges and sizes in px. Computed once per element; shared with the base view where the
   * computed style, the declarations and what the parent passes down (line height, text-transform) are the same.
   */
  used(el: Element): UsedStyle {
    const cached = this.usedStyles.get(el);
    if (cached) return cached;
    const p = parentElement(el);
    if (!p || this.usedStyles.has(p)) return this.usedOf(el, p);
    const chain = this.uncached(el, this.usedStyles);
    for (let i = chain.length - 1; i >= 0; i--) this.usedOf(chain[i], parentElement(chain[i]));
    return this.usedStyles.get(el)!;
  }

  /** Computes and keeps the used values of `e`, whose parent `p` has them already. */
  private usedOf(e: Element, p: Element | undefined): UsedStyle {
    const b = this.base;
    const parent = p ? this.usedStyles.get(p)! : ROOT_USED;
    const computed = this.computed(e);
    const style = this.cascaded(e);
    let u: UsedStyle | undefined;
    if (b && computed === b.computed(e) && style === b.cascaded(e) && inheritsAlike(parent, p ? b.used(p) : ROOT_USED)) u = b.used(e);
    u ??= usedStyle(e, computed, style, parent);
    this.usedStyles.set(e, u);
    return u;
  }

  /**
   * THE visibility answer, per client family. Web clients: display:none, visibility:hidden,
   * opacity 0, max-height 0 with overflow hidden (here or on an ancestor), Outlook-only
   * conditional markup, or inside the hidden preheader. Outlook for Windows: the same but the
   * conditional markup, and `mso-hide: all`. (`max-height: 0` alone hides nothing: the content
   * overflows the collapsed box and is painted.)
   */
  visibility(el: Element): Visibility {
    const cached = this.visibilities.get(el);
    if (cached) return cached;
    const pre = this.doc.preheaderElement;
    const p = parentElement(el);
    if (!p || this.visibilities.has(p)) return this.visibilityOf(el, p, pre);
    const chain = this.uncached(el, this.visibilities);
    for (let i = chain.length - 1; i >= 0; i--) this.visibilityOf(chain[i], parentElement(chain[i]), pre);
    return this.visibilities.get(el)!;
  }

  /** Computes and keeps the visibility of `e`, whose parent `p` has one already (`pre`: the hidden preheader). */
  private visibilityOf(e: Element, p: Element | undefined, pre: Element | undefined): Visibility {
    const inPreheader = !!p && (p === pre || this.visibilities.get(p)!.inPreheader);
    const s = this.computed(e);
    const web = s.hidden || inPreheader || !!this.doc.conditionalOf(e);
    const outlook = s.hidden || s.msoHidden || inPreheader;
    const v = VISIBILITY[(web ? 1 : 0) + (outlook ? 2 : 0) + (inPreheader ? 4 : 0)];
    this.visibilities.set(e, v);
    return v;
  }

  /** `el` and its ancestors up to the first one in `cache`, innermost first. */
  private uncached(el: Element, cache: Map<AnyNode, unknown>): Element[] {
    const chain: Element[] = [];
    for (let n: Element | undefined = el; n && !cache.has(n); n = parentElement(n)) chain.push(n);
    return chain;
  }

  /** The root element's font size (for rem). */
  private rootFontSize(): number {
    const html = this.doc.htmlElement;
    return html ? this.computed(html).fontSize : 16;
  }

  private bodyLinkCache: { color: Rgba; origin: StyleOrigin } | null | undefined;
  /** `<body link="…">` sets the default link colour. */
  private bodyLink(): { color: Rgba; origin: StyleOrigin } | null {
    if (this.bodyLinkCache !== undefined) return this.bodyLinkCache;
    const body = this.doc.body;
    const v = body?.attribs.link;
    const c = v !== undefined ? parseLegacyColor(v) : undefined;
    const info = body ? this.doc.attr(body, 'link') : undefined;
    this.bodyLinkCache = c && body ? { color: c, origin: { description: `link on <body>, line ${lineOf(this.doc, info?.nameRange.start ?? 0)}`, range: info?.valueRange, kind: 'attribute' } } : null;
    return this.bodyLinkCache;
  }

  /** Text colour and background of an element's text as they reach the screen. */
  resolveColors(el: Element, opts: { withoutSelf?: boolean } = {}): { fg: ResolvedColor; bg: ResolvedColor; inconclusive: boolean; imageElement?: Element; imageOrigin?: StyleOrigin } {
    const own = this.computed(el);
    let fgLocal: Rgba = own.color;
    let bgLocal: Rgba = { ...TRANSPARENT };
    let blendedFg = own.color.a < 1;
    let blendedBg = false;
    let bgOrigin: StyleOrigin | undefined;
    let bgDeclared: Rgba | undefined;
    let inconclusive = false;
    let imageElement: Element | undefined;
    let imageOrigin: StyleOrigin | undefined;
    // Inner to outer: composite each element's background under what is above it, then apply its opacity.
    for (let n: AnyNode | null = opts.withoutSelf ? el.parent : el; n && n.type !== 'root'; n = n.parent) {
      if (n.type !== 'tag') continue;
      const s = this.computed(n as Element);
      if (s.backgroundImage && bgLocal.a < 1 && s.backgroundColor.a === 0 && !inconclusive) {
        inconclusive = true;
        imageElement = n as Element;
        imageOrigin = s.backgroundImageOrigin;
      }
      if (s.backgroundColor.a > 0) {
        if (!bgOrigin) {
          bgOrigin = s.backgroundOrigin;
          bgDeclared = s.backgroundColor;
        } else if (bgLocal.a < 1) blendedBg = true;
        if (s.backgroundColor.a < 1) blendedBg = true;
        fgLocal = over(fgLocal, s.backgroundColor);
        bgLocal = over(bgLocal, s.backgroundColor);
      }
      if (s.opacity < 1) {
        fgLocal = { ...fgLocal, a: fgLocal.a * s.opacity };
        bgLocal = { ...bgLocal, a: bgLocal.a * s.opacity };
        blendedFg = true;
        if (bgLocal.a > 0) blendedBg = true;
      }
    }
    // A template without <body>: the browser's implied body/html may still carry rules.
    const vr = this.doc.body ? undefined : this.virtualRoot();
    if (vr && vr.backgroundColor.a > 0) {
      if (!bgOrigin) {
        bgOrigin = vr.backgroundOrigin;
        bgDeclared = vr.backgroundColor;
      }
      fgLocal = over(fgLocal, vr.backgroundColor);
      bgLocal = over(bgLocal, vr.backgroundColor);
    }
    const canvas = this.canvas;
    if (bgLocal.a < 1 && bgOrigin) blendedBg = true;
    const fg = over(fgLocal, canvas);
    const bg = over(bgLocal, canvas);
    return {
      fg: { color: fg, declared: own.color, origin: own.colorOrigin, blended: blendedFg },
      bg: {
        color: bg,
        declared: bgDeclared ?? canvas,
        origin: bgOrigin ?? { description: this.darkCanvas ? 'the dark page background (no background set)' : 'the white page background (no background set)', kind: 'default' },
        blended: blendedBg,
      },
      inconclusive,
      imageElement,
      imageOrigin,
    };
  }

  /** Every run of visible text in the rendered tree, in source order. */
  textRuns(): TextRun[] {
    if (this.runs) return this.runs;
    // Kept only once complete (a walk cut short by the deadline leaves no partial cache).
    const runs: TextRun[] = [];
    const byElement = new Map<Element, TextRun>();
    // The hidden preheader block is preview text, not part of the rendered body.
    const preheader = this.doc.preheaderElement;
    const b = this.base;
    if (b) b.textRuns();
    // `shared`: this element and all its ancestors have the base view's computed styles, so its run is the base's.
    // An explicit stack, in source order: a deeply nested template must not overflow the call stack.
    const nodes: AnyNode[] = [this.doc.dom];
    const sharing: boolean[] = [!!b && this.virtualRoot() === b.virtualRoot()];
    const visit = (node: AnyNode, shared: boolean): void => {
      if (node.type !== 'tag' && node.type !== 'root') return;
      if (node.type === 'tag') {
        const el = node as Element;
        if (NO_TEXT_SUBTREE.has(el.name) || el === preheader) return;
        const s = this.computed(el);
        if (s.displayNone) return;
        shared = shared && !!b && s === b.computed(el);
        const same = shared ? b!.runByElement!.get(el) : undefined;
        if (same) {
          runs.push(same);
          byElement.set(el, same);
        }
        // font-size ≤ 1px hides the element's own text only (font-size:0 on a cell is a whitespace trick).
        else if (!shared && !s.hidden && s.fontSize > 1 && !NO_TEXT.has(el.name)) {
          // The element's own text: its text nodes joined; the range from the first to the last that is not blank.
          let joined: string | undefined;
          let first: Text | undefined;
          let last: Text | undefined;
          for (const c of el.children) {
            if (c.type !== 'text') continue;
            const t = c as Text;
            joined = joined === undefined ? t.data : `${joined} ${t.data}`;
            if (BLANK.test(t.data)) continue;
            first ??= t;
            last = t;
          }
          const text = joined === undefined ? '' : normalizeSpace(joined);
          if (text && first && last) {
            const range = { start: first.startIndex ?? 0, end: (last.endIndex ?? 0) + 1 };
            const colors = this.resolveColors(el);
            const run: TextRun = { element: el, text, range, fg: colors.fg, bg: colors.bg, fontSize: s.fontSize, fontSizeOrigin: s.fontSizeOrigin, fontWeight: s.fontWeight, inconclusive: colors.inconclusive, imageElement: colors.imageElement, imageOrigin: colors.imageOrigin, scheme: this.scheme };
            runs.push(run);
            byElement.set(el, run);
          }
        }
      }
      const children = (node as Element).children;
      for (let i = children.length - 1; i >= 0; i--) {
        nodes.push(children[i]);
        sharing.push(shared);
      }
    };
    while (nodes.length) {
      checkDeadline();
      visit(nodes.pop()!, sharing.pop()!);
    }
    this.runByElement = byElement;
    return (this.runs = runs);
  }
}

/** Whether an element is hidden from web clients and from Outlook for Windows (see StyleResolver.visibility). */
export interface Visibility {
  readonly web: boolean;
  readonly outlook: boolean;
  /** Inside the hidden preheader block (its text is preview text). */
  readonly inPreheader: boolean;
}
const VISIBILITY: readonly Visibility[] = Array.from({ length: 8 }, (_, i) => Object.freeze({ web: !!(i & 1), outlook: !!(i & 2), inPreheader: !!(i & 4) }));

/** True when two parents pass the same values down to a child's used style (usedStyle inherits only these). */
function inheritsAlike(a: UsedStyle, b: UsedStyle): boolean {
  return a === b || (a.upper === b.upper && a.lineHeight.px === b.lineHeight.px && a.lineHeight.factor === b.lineHeight.factor);
}

/** The nearest ancestor element (undefined at a tree's root). */
function parentElement(el: Element): Element | undefined {
  let p: AnyNode | null = el.parent;
  while (p && p.type !== 'tag' && p.type !== 'script' && p.type !== 'style' && p.type !== 'root') p = p.parent;
  return p && p.type !== 'root' ? (p as Element) : undefined;
}

/** A text that normalizeSpace makes empty. */
const BLANK = /^[\s\u00a0\u200b-\u200d\u2060\ufeff\u034f\u00ad]*$/;
const NO_TEXT_SUBTREE = new Set(['head', 'script', 'style', 'title', 'template', 'svg', 'math', 'select', 'textarea', 'noframes', 'xml']);



/**
 * The longhands of a declaration that the computed style reads (COMPUTED, custom properties) and
 * a browser keeps (invalid ones dropped), once per declaration. The rest (paddings, widths…) are
 * used values, read from `cascaded()`.
 */
function longhands(d: Declaration, quirks: boolean): Longhand[] {
  const cache = LONGHANDS[quirks ? 1 : 0];
  let out = cache.get(d);
  if (out) return out;
  out = [];
  for (const [prop, value] of expand(d, quirks)) {
    if (!COMPUTED.has(prop) && !prop.startsWith('--')) continue;
    if (value === VAR_SHORTHAND) out.push([prop, d.value, d]);
    else if (valid(prop, value, quirks)) out.push([prop, value, undefined]);
  }
  cache.set(d, out);
  return out;
}

/** The cascaded declarations of an element no style rule matches: its style attribute's, once per text. */
function inlineCascaded(style: string | undefined): ReadonlyMap<string, string> {
  if (!style) return NO_CASCADED;
  return INLINE_CASCADED.get(style) ?? INLINE_CASCADED.add(style, (text) => {
    // A later declaration wins unless an earlier one is !important and it is not.
    const map = new Map<string, string>();
    const important = new Set<string>();
    for (const d of sharedDeclarations(text)) {
      if (important.has(d.property) && !d.important) continue;
      map.set(d.property, d.value);
      if (d.important) important.add(d.property);
    }
    return map;
  });
}

/** The winning candidates of a style attribute's declarations (level 2; origin left to the element). */
function inlineCandidates(style: string, quirks: boolean): Declared {
  const map = new Map<string, Candidate>();
  let n = 0;
  for (const d of sharedDeclarations(style)) {
    const order = n++;
    for (const [prop, value, shorthand] of longhands(d, quirks)) put(map, prop, { value, shorthand, important: d.important, level: 2, specificity: 0, order, origin: undefined, hasVar: VAR_RE.test(value) });
  }
  return map;
}

/** Declarations a browser would drop at parse time. */
function valid(prop: string, value: string, quirks: boolean): boolean {
  const v = value.trim();
  if (CSS_WIDE.test(v)) return true;
  if (/var\(/i.test(v)) return true; // checked after substitution
  if (/^light-dark\(/i.test(v) && (prop === 'color' || prop === 'background-color')) return lightDark(v).every((x) => parseColor(x, quirks) !== undefined);
  switch (prop) {
    case 'color':
    case 'background-color':
      return parseColor(v, quirks) !== undefined;
    case 'background-image':
      return /^none$/i.test(v) || IMAGE_RE.test(v);
    case 'opacity':
      return /^-?(?:\d+(?:\.\d+)?|\.\d+)%?$/.test(v);
    case 'font-size':
      return v.toLowerCase() in FONT_SIZE_KEYWORDS || /^(smaller|larger)$/i.test(v) || /^(?:\d+(?:\.\d+)?|\.\d+)(px|pt|em|rem|%|)$/i.test(v);
    case 'font-weight':
      return /^(normal|bold|bolder|lighter|\d+)$/i.test(v);
    default:
      return true;
  }
}

function rgbaCss(c: Rgba): string {
  return `rgba(${c.r}, ${c.g}, ${c.b}, ${c.a})`;
}
/** All `<style>` rules of the rendered tree, in source order. */
export function documentRules(doc: StyledSource, atRules?: AtRule[]): CssRule[] {
  const counter = { n: 0 };
  const rules: CssRule[] = [];
  for (const el of doc.renderedElements) {
    if (el.name !== 'style') continue;
    const type = el.attribs.type?.trim().toLowerCase();
    if (type && type !== 'text/css') continue;
    const text = el.children.find((c): c is Text => c.type === 'text');
    if (!text) continue;
    const media = el.attribs.media?.trim();
    rules.push(...parseStylesheet(text.data, text.startIndex ?? 0, media ? [media] : [], counter, atRules));
  }
  return rules;
}
