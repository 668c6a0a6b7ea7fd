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
import { compile } from 'css-select';
import type { EmailDocument } from './document.js';
import type { Range } from './location.js';
import { parseDeclarations, parseLength, type Declaration } from './css.js';
import { BLACK, TRANSPARENT, WHITE, over, parseColor, parseLegacyColor, type Rgba } from './color.js';
import { VIEWPORTS } from './geometry.js';
import { normalizeSpace } from './document.js';

export type Scheme = 'light' | 'dark';

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
  /** Hidden by this element or an ancestor other than through visibility (opacity 0, mso-hide, max-height 0 + overflow hidden, the preheader). */
  hiddenOther: boolean;
  /** Hidden by any means inboxlint treats as hidden (display, visibility, opacity 0, mso-hide, max-height 0, font-size ≤ 1px). */
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

/* ------------------------------------------------------------------ stylesheet parsing */

export interface CssRule {
  selectorText: string;
  /** Offset of the selector in the document text. */
  offset: number;
  declarations: Declaration[];
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

/** Parses a stylesheet tolerantly. `base` is the offset of `css` in the document. */
export function parseStylesheet(cssText: string, base = 0, media: string[] = [], counter = { n: 0 }): CssRule[] {
  const css = blankComments(cssText);
  const rules: CssRule[] = [];
  let i = 0;
  while (i < css.length) {
    while (i < css.length && /[\s;}]/.test(css[i])) i++;
    if (i >= css.length) break;
    const open = css.indexOf('{', i);
    const semi = css.indexOf(';', i);
    if (css[i] === '@' && semi >= 0 && (open < 0 || semi < open)) {
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
      if (name === 'media') rules.push(...parseStylesheet(inner, base + open + 1, [...media, at![2].trim()], counter));
      // @supports: taken as true for what is asked, false for `not (…)` (what an up-to-date engine answers for email CSS).
      else if (name === 'supports') {
        if (!/^not\b/i.test(at![2].trim())) rules.push(...parseStylesheet(inner, base + open + 1, media, counter));
      } else if (name === 'document' || name === '-moz-document') rules.push(...parseStylesheet(inner, base + open + 1, media, counter));
      // @font-face, @keyframes, @page, @-ms-viewport… hold no rules for elements.
    } else if (prelude) {
      const lead = css.slice(i, open).search(/\S/);
      rules.push({ selectorText: prelude, offset: base + i + Math.max(0, lead), declarations: parseDeclarations(inner), media, order: counter.n++ });
    }
    i = close + 1;
  }
  return rules;
}

/* ------------------------------------------------------------------ media queries */

export interface MediaEnv {
  width: number;
  height: number;
  scheme: Scheme;
}

function lengthPx(v: string): number | undefined {
  const m = /^\s*(-?\d*\.?\d+)\s*(px|em|rem)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  return m[2] && /r?em/i.test(m[2]) ? n * 16 : n;
}

function evalFeature(feature: string, env: MediaEnv): boolean {
  const f = feature.trim().toLowerCase();
  const colon = /^([\w-]+)\s*:\s*(.+)$/.exec(f);
  if (colon) {
    const [, name, value] = colon;
    const px = lengthPx(value);
    switch (name) {
      case 'max-width':
      case 'max-device-width':
        return px !== undefined && env.width <= px;
      case 'min-width':
      case 'min-device-width':
        return px !== undefined && env.width >= px;
      case 'max-height':
      case 'max-device-height':
        return px !== undefined && env.height <= px;
      case 'min-height':
      case 'min-device-height':
        return px !== undefined && env.height >= px;
      case 'prefers-color-scheme':
        return value.trim() === env.scheme;
      case 'orientation':
        return value.trim() === (env.height >= env.width ? 'portrait' : 'landscape');
      // The screen is taken as 1 dppx (96 dpi), as headless Chromium reports it.
      case '-webkit-min-device-pixel-ratio':
      case 'min-device-pixel-ratio':
      case 'min-resolution':
        return dppx(value) <= 1;
      case '-webkit-max-device-pixel-ratio':
      case 'max-device-pixel-ratio':
      case 'max-resolution':
        return dppx(value) >= 1;
      case '-webkit-device-pixel-ratio':
      case 'device-pixel-ratio':
      case 'resolution':
        return dppx(value) === 1;
      case 'hover':
        return value.trim() === 'hover';
      case 'prefers-reduced-motion':
      case 'prefers-reduced-transparency':
      case 'prefers-contrast':
        return value.trim() === 'no-preference';
      case 'pointer':
        return value.trim() === 'fine';
      default:
        return false;
    }
  }
  // Range syntax: (width <= 600px), (600px >= width)
  const range = /^([\w-]+)\s*(<=|>=|<|>)\s*([\w.]+)$/.exec(f) ?? null;
  if (range && (range[1] === 'width' || range[1] === 'height')) {
    const px = lengthPx(range[3]);
    const actual = range[1] === 'width' ? env.width : env.height;
    if (px === undefined) return false;
    return range[2] === '<=' ? actual <= px : range[2] === '>=' ? actual >= px : range[2] === '<' ? actual < px : actual > px;
  }
  // Boolean context: true when the feature's value is not zero/none.
  return /^(color|width|height|device-width|device-height|orientation|-webkit-device-pixel-ratio|device-pixel-ratio|resolution|hover|pointer|any-hover|any-pointer)$/.test(f);
}

function dppx(value: string): number {
  const m = /^\s*(\d*\.?\d+)\s*(dppx|x|dpi|dpcm)?\s*$/i.exec(value);
  if (!m) return NaN;
  const n = parseFloat(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return unit === 'dpi' ? n / 96 : unit === 'dpcm' ? (n * 2.54) / 96 : n;
}

/** Evaluates a media query list for a screen of the given width and colour scheme. Unknown features never match. */
export function matchMedia(query: string, env: MediaEnv): boolean {
  const q = query.trim();
  if (!q) return true;
  return q.split(',').some((part) => {
    let p = part.trim().toLowerCase();
    if (!p) return false;
    let negate = false;
    if (p.startsWith('not ')) {
      negate = true;
      p = p.slice(4);
    }
    p = p.replace(/^only\s+/, '');
    let ok = true;
    const features = p.match(/\(([^()]*)\)/g) ?? [];
    const type = p.replace(/\([^()]*\)/g, ' ').replace(/\band\b/g, ' ').trim();
    if (type && !/^(screen|all)$/.test(type)) ok = false;
    for (const f of features) if (!evalFeature(f.slice(1, -1), env)) ok = false;
    return negate ? !ok : ok;
  });
}

const DARK_MEDIA = /prefers-color-scheme\s*:\s*dark/i;
const OG_ATTR = /\[\s*data-og[sa][cb]\s*\]/i;
const OG_ATTR_ALL = /\[\s*data-og[sa][cb]\s*\]/gi;

/* ------------------------------------------------------------------ selectors */

/** Specificity as one comparable number (a·10⁶ + b·10³ + c). */
export function specificity(selector: string): number {
  let s = selector.replace(/"[^"]*"|'[^']*'/g, '""');
  s = s.replace(/:where\((?:[^()]|\([^()]*\))*\)/gi, '');
  s = s.replace(/:(not|is|matches|has|-webkit-any|-moz-any)\(/gi, ' (');
  let a = 0;
  let b = 0;
  let c = 0;
  s = s.replace(/\[[^\]]*\]/g, () => {
    b++;
    return ' ';
  });
  s = s.replace(/#[\w-]+/g, () => {
    a++;
    return ' ';
  });
  s = s.replace(/\.[\w-]+/g, () => {
    b++;
    return ' ';
  });
  s = s.replace(/::?(before|after|first-line|first-letter)\b|::[\w-]+/gi, () => {
    c++;
    return ' ';
  });
  s = s.replace(/:[\w-]+(\([^()]*\))?/g, () => {
    b++;
    return ' ';
  });
  for (const _ of s.matchAll(/(^|[\s>+~(,])[a-z][\w-]*/gi)) c++;
  return a * 1e6 + b * 1e3 + c;
}

/** Splits a selector list on top-level commas. */
function splitSelectors(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The bucket a selector's subject falls in (its id, first class or tag), for fast matching. */
function bucketKey(selector: string, quirks: boolean): string {
  const parts = selector.split(/\s*[\s>+~]\s*/);
  const last = parts[parts.length - 1].replace(/\[[^\]]*\]|\([^()]*\)/g, '');
  const id = /#([\w-]+)/.exec(last);
  if (id) return `#${quirks ? id[1].toLowerCase() : id[1]}`;
  const cls = /\.([\w-]+)/.exec(last);
  if (cls) return `.${quirks ? cls[1].toLowerCase() : cls[1]}`;
  const tag = /^([a-z][\w-]*)/i.exec(last);
  if (tag) return tag[1].toLowerCase();
  return '*';
}

interface CompiledSelector {
  text: string;
  specificity: number;
  test: (el: Element) => boolean;
  rule: CssRule;
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
  origin: StyleOrigin;
}

const TRACKED = new Set([
  'color',
  'background-color',
  'background-image',
  'opacity',
  'font-size',
  'font-weight',
  'display',
  'visibility',
  'mso-hide',
  'max-height',
  'overflow',
  'color-scheme',
  'font-family',
]);

/** Splits a value on whitespace outside parentheses. */
function tokens(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

const VAR_SHORTHAND = '\u0000shorthand';
const IMAGE_RE = /^(url|(-\w+-)?(repeating-)?(linear|radial|conic)-gradient|image-set|-webkit-image-set|image)\(/i;
const FONT_SIZE_KEYWORDS: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
  'xxx-large': 48,
};
const FONT_WEIGHT_KEYWORDS: Record<string, number> = { normal: 400, bold: 700 };
const CSS_WIDE = /^(inherit|initial|unset|revert|revert-layer)$/i;

/** Expands the shorthands inboxlint needs (`background`, `font`) into longhands. */
function expand(d: Declaration, quirks: boolean): Array<[string, string]> {
  if (d.property.startsWith('--')) return [[d.property, d.value]];
  // A shorthand with var() can only be split once the variables are known (see StyleResolver.cascade).
  if ((d.property === 'background' || d.property === 'font') && /var\(/i.test(d.value)) {
    return d.property === 'background' ? [['background-color', VAR_SHORTHAND], ['background-image', VAR_SHORTHAND]] : [['font-size', VAR_SHORTHAND], ['font-weight', VAR_SHORTHAND]];
  }
  if (d.property === 'background') {
    const v = d.value.trim();
    if (CSS_WIDE.test(v)) return [['background-color', v], ['background-image', v]];
    const layers = v.split(/,(?![^(]*\))/);
    const last = layers[layers.length - 1];
    let color = 'transparent';
    let image = 'none';
    for (const layer of layers) for (const t of tokens(layer)) if (IMAGE_RE.test(t)) image = t;
    for (const t of tokens(last)) {
      if (IMAGE_RE.test(t)) continue;
      const c = parseColor(t, quirks);
      if (c) color = t;
    }
    return [['background-color', color], ['background-image', image]];
  }
  if (d.property === 'font') {
    const ts = tokens(d.value.replace(/\s*\/\s*/g, '/'));
    if (ts.length === 1 && CSS_WIDE.test(ts[0])) return [['font-size', ts[0]], ['font-weight', ts[0]]];
    let weight = 'normal';
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i].toLowerCase();
      const size = t.split('/')[0];
      if (size in FONT_SIZE_KEYWORDS || /^(smaller|larger)$/.test(size) || /^\d*\.?\d+(px|pt|em|rem|%)$/.test(size)) {
        const family = ts.slice(i + 1).join(' ');
        return [['font-size', size], ['font-weight', weight], ...(family ? [['font-family', family] as [string, string]] : [])];
      }
      if (/^(bold|bolder|lighter|[1-9]00)$/.test(t)) weight = t;
    }
    return [];
  }
  return TRACKED.has(d.property) ? [[d.property, d.value]] : [];
}

function lineOf(doc: EmailDocument, offset: number): number {
  return doc.span({ start: offset, end: offset }).line;
}

function tagDesc(doc: EmailDocument, el: Element): string {
  return `<${el.name}>, line ${lineOf(doc, el.startIndex ?? 0)}`;
}

const UA_HIDDEN = new Set(['head', 'script', 'style', 'title', 'template', 'meta', 'link', 'base', 'datalist', 'param', 'area', 'map', 'noframes', 'xml']);
const NO_TEXT = new Set(['textarea', 'select', 'option', 'optgroup', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'colgroup', 'col', 'iframe', 'object', 'svg', 'math', 'video', 'audio', 'canvas']);
const HEADING_SIZE: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h4: 1, h5: 0.83, h6: 0.67 };
const FONT_SIZE_ATTR = [10, 13, 16, 18, 24, 32, 48];

/** True for documents a browser renders in quirks mode (no doctype, or a legacy one without a system id). */
export function isQuirksMode(text: string): boolean {
  const m = /^(?:\ufeff)?\s*(?:<!--[^]*?-->\s*)*<!doctype\s+([^>]*)>/i.exec(text);
  if (!m) return true;
  const d = m[1].trim().toLowerCase();
  if (!d.startsWith('html')) return true;
  if (/^html\s*$/.test(d)) return false;
  const pub = /public\s+["']([^"']*)["']/.exec(d)?.[1] ?? '';
  const hasSystem = /public\s+["'][^"']*["']\s+["']/.test(d);
  if (/^-\/\/w3c\/\/dtd html 4\.01 (transitional|frameset)\/\//.test(pub)) return !hasSystem;
  if (/^-\/\/w3c\/\/dtd xhtml 1\.0 (transitional|frameset)\/\//.test(pub)) return false;
  if (/^-\/\/w3c\/\/dtd (html 4\.0|html 3|html 2)/.test(pub) || /^-\/\/ietf\/\/dtd html/.test(pub)) return true;
  return false;
}

/**
 * Resolves styles for one document, scheme and width. Create through `resolverFor()` so the
 * parsed stylesheets are shared.
 */
export class StyleResolver {
  readonly scheme: Scheme;
  readonly quirks: boolean;
  /** True when the template has `prefers-color-scheme: dark` rules or `[data-ogsc]`/`[data-ogsb]` selectors. */
  readonly declaresDark: boolean;
  /** True when the template opts in to a dark UA canvas (`<meta name="color-scheme" content="… dark">` or `color-scheme` on the root). */
  readonly darkCanvas: boolean;
  private readonly env: MediaEnv;
  private readonly buckets = new Map<string, CompiledSelector[]>();
  private readonly styles = new Map<AnyNode, ComputedStyle>();
  private readonly preheader: Element | undefined;
  private readonly rootRules: CompiledSelector[] = [];

  constructor(
    private readonly doc: EmailDocument,
    rules: readonly CssRule[],
    opts: ResolveOptions = {},
  ) {
    this.scheme = opts.scheme ?? 'light';
    this.quirks = isQuirksMode(doc.text);
    this.env = { width: opts.width ?? VIEWPORTS.desktop.width, height: opts.height ?? VIEWPORTS.desktop.height, scheme: this.scheme };
    this.declaresDark = rules.some((r) => r.media.some((m) => DARK_MEDIA.test(m)) || OG_ATTR.test(r.selectorText));
    this.preheader = doc.preheaderElement;
    const hasBody = !!doc.body;
    for (const rule of rules) {
      if (!rule.media.every((m) => matchMedia(m, this.env))) continue;
      for (const sel of splitSelectors(rule.selectorText)) {
        let text = sel;
        if (OG_ATTR.test(text)) {
          // Outlook.com marks its dark-mode rendering with these attributes; they never match in light.
          if (this.scheme !== 'dark') continue;
          text = text.replace(/(^|[\s>+~])\[\s*data-og[sa][cb]\s*\](?=$|[\s>+~])/gi, '$1*').replace(OG_ATTR_ALL, '');
        }
        if (/::|:(before|after|first-line|first-letter)\b/i.test(text)) continue;
        // `.1` or `#2col` is not a valid selector: browsers drop the whole rule.
        if (/[.#]-?\d/.test(text.replace(/\[[^\]]*\]|"[^"]*"|'[^']*'/g, ''))) continue;
        let test: (el: Element) => boolean;
        try {
          const q = compile<AnyNode, Element>(text, {
            quirksMode: this.quirks,
            pseudos: { '-webkit-any-link': 'a[href], area[href]', 'any-link': 'a[href], area[href]', focus: () => false, 'focus-within': () => false, 'focus-visible': () => false, target: () => false, lang: langPseudo },
          });
          test = (el) => q(el);
        } catch {
          continue; // a selector the browser may know but we cannot match: ignored, like unknown syntax
        }
        const compiled: CompiledSelector = { text: sel, specificity: specificity(text), test, rule };
        if (!hasBody && /^(html|body|:root)$/i.test(text.trim())) this.rootRules.push(compiled);
        const key = bucketKey(text, this.quirks);
        let list = this.buckets.get(key);
        if (!list) this.buckets.set(key, (list = []));
        list.push(compiled);
      }
    }
    const schemes = this.rootColorScheme(rules);
    // Chromium paints a dark canvas (and white default text) when the page allows dark and the
    // reader prefers it, or when the page allows only dark.
    this.darkCanvas = schemes.dark && (this.scheme === 'dark' || !schemes.light);
  }

  /** The colour schemes the root allows: `color-scheme` on :root/html (last wins), else `<meta name="color-scheme">`. */
  private rootColorScheme(rules: readonly CssRule[]): { light: boolean; dark: boolean } {
    let value: string | undefined;
    for (const el of this.doc.renderedElements) {
      if (el.name === 'meta' && el.attribs.name?.toLowerCase() === 'color-scheme') value = el.attribs.content ?? '';
    }
    for (const r of rules) {
      if (!/^(:root|html)$/i.test(r.selectorText.trim()) || !r.media.every((m) => matchMedia(m, this.env))) continue;
      for (const d of r.declarations) if (d.property === 'color-scheme') value = d.value;
    }
    const inline = /color-scheme\s*:\s*([^;]*)/i.exec(this.doc.htmlElement?.attribs.style ?? '');
    if (inline) value = inline[1];
    const v = (value ?? 'normal').toLowerCase();
    return { light: !/\bdark\b/.test(v) || /\blight\b/.test(v), dark: /\bdark\b/.test(v) };
  }

  /** The rules (of any bucket) that could match `el`. */
  private candidatesFor(el: Element): CompiledSelector[] {
    const keys = ['*', el.name];
    const id = el.attribs.id;
    if (id) keys.push(`#${this.quirks ? id.toLowerCase() : id}`);
    for (const c of (el.attribs.class ?? '').split(/\s+/)) if (c) keys.push(`.${this.quirks ? c.toLowerCase() : c}`);
    const out: CompiledSelector[] = [];
    for (const k of keys) {
      const l = this.buckets.get(k);
      if (l) out.push(...l);
    }
    return out;
  }

  /** Every declaration that applies to `el`, keyed by longhand property. */
  private declared(el: Element): Map<string, Candidate[]> {
    const out = new Map<string, Candidate[]>();
    const add = (prop: string, c: Candidate) => {
      let l = out.get(prop);
      if (!l) out.set(prop, (l = []));
      l.push(c);
    };
    const doc = this.doc;
    const pushDecl = (d: Declaration, level: Level, spec: number, order: number, origin: StyleOrigin) => {
      for (const [prop, value] of expand(d, this.quirks)) {
        if (value === VAR_SHORTHAND) {
          add(prop, { value: d.value, shorthand: d, important: d.important, level, specificity: spec, order, origin });
          continue;
        }
        if (!this.valid(prop, value)) continue; // invalid declarations are dropped, as browsers do
        add(prop, { value, important: d.important, level, specificity: spec, order, origin });
      }
    };
    // Presentational hints: author level, specificity 0, before every author rule.
    const hint = (prop: string, value: string, attr: string) => {
      const info = doc.attr(el, attr);
      add(prop, {
        value,
        important: false,
        level: 1,
        specificity: 0,
        order: -1,
        origin: { description: `${attr} on <${el.name}>, line ${lineOf(doc, info?.nameRange.start ?? el.startIndex ?? 0)}`, range: info?.valueRange, kind: 'attribute' },
      });
    };
    const a = el.attribs;
    if (a.bgcolor !== undefined && /^(body|table|tr|td|th|thead|tbody|tfoot)$/.test(el.name)) {
      const c = parseLegacyColor(a.bgcolor);
      if (c) hint('background-color', rgbaCss(c), 'bgcolor');
    }
    if (a.background !== undefined && a.background.trim() && /^(body|table|td|th|thead|tbody|tfoot|tr)$/.test(el.name)) {
      hint('background-image', `url(${JSON.stringify(a.background.trim())})`, 'background');
    }
    if (el.name === 'font') {
      if (a.color !== undefined) {
        const c = parseLegacyColor(a.color);
        if (c) hint('color', rgbaCss(c), 'color');
      }
      if (a.size !== undefined) {
        const px = fontSizeAttr(a.size);
        if (px !== undefined) hint('font-size', `${px}px`, 'size');
      }
    }
    if (el.name === 'body' && a.text !== undefined) {
      const c = parseLegacyColor(a.text);
      if (c) hint('color', rgbaCss(c), 'text');
    }
    // Style rules.
    const matched = this.candidatesFor(el);
    for (const sel of matched) {
      if (!sel.test(el)) continue;
      const origin: StyleOrigin = { description: `from ${sel.text} in <style>, line ${lineOf(doc, sel.rule.offset)}`, range: { start: sel.rule.offset, end: sel.rule.offset + sel.rule.selectorText.length }, kind: 'style-rule' };
      for (const d of sel.rule.declarations) pushDecl(d, 1, sel.specificity, sel.rule.order, origin);
    }
    // The style attribute.
    if (a.style) {
      const info = doc.attr(el, 'style');
      const origin: StyleOrigin = { description: `from the style attribute on ${tagDesc(doc, el)}`, range: info?.valueRange, kind: 'inline' };
      let n = 0;
      for (const d of parseDeclarations(a.style)) pushDecl(d, 2, 0, n++, origin);
    }
    return out;
  }

  /** Declarations a browser would drop at parse time. */
  private valid(prop: string, value: string): boolean {
    const v = value.trim();
    if (CSS_WIDE.test(v)) return true;
    if (/var\(/i.test(v)) return true; // checked after substitution
    if (/^light-dark\(/i.test(v) && (prop === 'color' || prop === 'background-color')) return lightDark(v).every((x) => parseColor(x, this.quirks) !== undefined);
    switch (prop) {
      case 'color':
      case 'background-color':
        return parseColor(v, this.quirks) !== undefined;
      case 'background-image':
        return /^none$/i.test(v) || IMAGE_RE.test(v);
      case 'opacity':
        return /^-?\d*\.?\d+%?$/.test(v);
      case 'font-size':
        return v.toLowerCase() in FONT_SIZE_KEYWORDS || /^(smaller|larger)$/i.test(v) || /^\d*\.?\d+(px|pt|em|rem|%|)$/i.test(v);
      case 'font-weight':
        return /^(normal|bold|bolder|lighter|\d+)$/i.test(v);
      default:
        return true;
    }
  }

  /** The winning value for a property (highest: !important, then level, specificity, order). */
  private winner(list: Candidate[] | undefined): Candidate | undefined {
    if (!list?.length) return undefined;
    let best = list[0];
    for (const c of list.slice(1)) {
      const key = (x: Candidate) => [x.important ? 1 : 0, x.level, x.specificity, x.order];
      const kb = key(best);
      const kc = key(c);
      for (let i = 0; i < 4; i++) {
        if (kc[i] !== kb[i]) {
          if (kc[i] > kb[i]) best = c;
          break;
        }
      }
    }
    return best;
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
    for (let i = chain.length - 1; i >= 0; i--) this.styles.set(chain[i], this.computeOwn(chain[i]));
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
    let style = this.rootStyle();
    if (this.rootRules.length) {
      const fake = { type: 'tag', name: 'body', attribs: {}, children: [], parent: null } as unknown as Element;
      const decls = new Map<string, Candidate[]>();
      for (const sel of this.rootRules) {
        const origin: StyleOrigin = { description: `from ${sel.text} in <style>, line ${lineOf(this.doc, sel.rule.offset)}`, kind: 'style-rule', range: { start: sel.rule.offset, end: sel.rule.offset + sel.rule.selectorText.length } };
        for (const d of sel.rule.declarations)
          for (const [prop, value] of expand(d, this.quirks)) {
            if (value === VAR_SHORTHAND || !this.valid(prop, value)) continue;
            let l = decls.get(prop);
            if (!l) decls.set(prop, (l = []));
            l.push({ value, important: d.important, level: 1, specificity: sel.specificity, order: sel.rule.order, origin });
          }
      }
      style = this.cascade(fake, style, decls);
    }
    this.styles.set(key, style);
    return style;
  }

  private computeOwn(el: Element): ComputedStyle {
    return this.cascade(el, this.parentStyle(el), this.declared(el));
  }

  private cascade(el: Element, parent: ComputedStyle, decls: Map<string, Candidate[]>): ComputedStyle {
    // Custom properties (inherited), then var() substitution: a value that cannot be resolved or
    // is invalid once resolved makes the property `unset` (invalid at computed-value time).
    let vars: ReadonlyMap<string, string> = parent.customProperties;
    for (const [prop, list] of decls) {
      if (!prop.startsWith('--')) continue;
      const w = this.winner(list);
      if (!w) continue;
      const own = vars === parent.customProperties ? new Map(parent.customProperties) : (vars as Map<string, string>);
      own.set(prop, w.value);
      vars = own;
    }
    const get = (p: string): Candidate | undefined => {
      const w = this.winner(decls.get(p));
      if (!w || !/var\(/i.test(w.value)) return w;
      const substituted = substituteVars(w.value, vars ?? new Map());
      let value = substituted ?? 'unset';
      if (substituted !== undefined && w.shorthand) {
        value = expand({ ...w.shorthand, value: substituted }, this.quirks).find(([prop]) => prop === p)?.[1] ?? 'unset';
      }
      if (!this.valid(p, value)) value = 'unset';
      return { ...w, value };
    };
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
    if (/^(pre|code|tt|kbd|samp|xmp|listing|plaintext)$/.test(name)) monospace = true;
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
    if (/^(small|sub|sup)$/.test(name)) relative(1 / 1.2);
    if (name === 'big') relative(1.2);
    if (/^(button|input|select|textarea)$/.test(name)) {
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
      } else if (/^\d*\.?\d+(em|%)$/.test(v)) {
        const px = resolveFontSize(v, parent.fontSize);
        if (px !== undefined) relative(px / parent.fontSize || 0);
      } else {
        const px = v.endsWith('rem') ? parseFloat(v) * (name === 'html' ? 16 : this.rootFontSize()) : resolveFontSize(v, parent.fontSize);
        if (px !== undefined) {
          fontSize = px;
          scale = null;
        }
      }
      fontSizeOrigin = fs.origin;
    }
    if (scale !== null) fontSize = (monospace ? 13 : 16) * scale;

    // font-weight (inherited)
    let fontWeight = parent.fontWeight;
    if (quirkTable) fontWeight = 400;
    if (/^(b|strong)$/.test(name)) fontWeight = bolder(parent.fontWeight);
    if (/^(th|h[1-6])$/.test(name)) fontWeight = 700;
    const fw = get('font-weight');
    if (fw) fontWeight = resolveWeight(fw.value, parent.fontWeight) ?? fontWeight;

    // color (inherited)
    let color = parent.color;
    let colorOrigin = parent.colorOrigin;
    if (quirkTable) {
      // Chromium: `table { color: -internal-quirk-inherit }` takes the body's colour, not the parent's.
      const body = this.doc.body;
      const b = body && body !== el && isAncestor(body, el) ? this.computed(body) : this.virtualRoot();
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
        colorOrigin = { description: `${c.origin.description} (initial)`, kind: c.origin.kind, range: c.origin.range };
      } else {
        const parsed = parseColor(pickScheme(v, darkScheme), this.quirks);
        if (parsed && parsed !== 'currentcolor') {
          color = parsed;
          colorOrigin = c.origin;
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
      backgroundOrigin = bgc.origin;
    }

    const bgi = get('background-image');
    let backgroundImage: string | null = null;
    let backgroundImageOrigin: StyleOrigin | undefined;
    if (bgi && IMAGE_RE.test(bgi.value.trim())) {
      backgroundImage = bgi.value.trim();
      backgroundImageOrigin = bgi.origin;
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
    const hiddenOther =
      parent.hiddenOther ||
      opacity === 0 ||
      get('mso-hide')?.value.trim().toLowerCase() === 'all' ||
      (!!maxHeight && /^0(px|em|%)?$/i.test(maxHeight) && overflow === 'hidden') ||
      this.preheader === el;
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
      hidden,
    };
    return style;
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
    const runs: TextRun[] = [];
    const visit = (node: AnyNode): void => {
      if (node.type !== 'tag' && node.type !== 'root') return;
      if (node.type === 'tag') {
        const el = node as Element;
        if (NO_TEXT_SUBTREE.has(el.name)) return;
        const s = this.computed(el);
        if (s.displayNone) return;
        // font-size ≤ 1px hides the element's own text only (font-size:0 on a cell is a whitespace trick).
        if (!s.hidden && s.fontSize > 1 && !NO_TEXT.has(el.name)) {
          const texts = el.children.filter((c): c is Text => c.type === 'text');
          const text = normalizeSpace(texts.map((t) => t.data).join(' '));
          if (text && texts.length) {
            const visible = texts.filter((t) => normalizeSpace(t.data));
            const range = { start: visible[0].startIndex ?? 0, end: (visible[visible.length - 1].endIndex ?? 0) + 1 };
            const colors = this.resolveColors(el);
            runs.push({ element: el, text, range, fg: colors.fg, bg: colors.bg, fontSize: s.fontSize, fontSizeOrigin: s.fontSizeOrigin, fontWeight: s.fontWeight, inconclusive: colors.inconclusive, imageElement: colors.imageElement, imageOrigin: colors.imageOrigin, scheme: this.scheme });
          }
        }
      }
      for (const c of (node as Element).children) visit(c);
    };
    visit(this.doc.dom);
    return runs;
  }
}

const NO_TEXT_SUBTREE = new Set(['head', 'script', 'style', 'title', 'template', 'svg', 'math', 'select', 'textarea', 'noframes', 'xml']);

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

/** The two arguments of `light-dark(a, b)`. */
function lightDark(v: string): string[] {
  const inner = v.trim().replace(/^light-dark\(/i, '').replace(/\)$/, '');
  return inner.split(/,(?![^(]*\))/).map((x) => x.trim());
}

/** `light-dark(a, b)` picks by the element's colour scheme; anything else is returned as is. */
function pickScheme(v: string, dark: boolean): string {
  if (!/^light-dark\(/i.test(v.trim())) return v;
  const [light, darkValue] = lightDark(v);
  return (dark ? darkValue : light) ?? v;
}

/** Replaces var(--x, fallback) (nested, to a depth of 16); undefined when a variable has no value. */
function substituteVars(value: string, vars: ReadonlyMap<string, string>, depth = 0): string | undefined {
  if (depth > 16) return undefined;
  let failed = false;
  const out = value.replace(/var\(\s*(--[\w-]+)\s*(?:,((?:[^()]|\([^()]*\))*))?\)/gi, (_m, name: string, fallback?: string) => {
    const v = vars.get(name.toLowerCase());
    const chosen = v !== undefined ? v : fallback;
    if (chosen === undefined) {
      failed = true;
      return '';
    }
    const inner = substituteVars(chosen.trim(), vars, depth + 1);
    if (inner === undefined) failed = true;
    return inner ?? '';
  });
  if (failed) return undefined;
  return /var\(/i.test(out) ? substituteVars(out, vars, depth + 1) : out;
}

function isAncestor(a: AnyNode, b: AnyNode): boolean {
  for (let n: AnyNode | null = b.parent; n; n = n.parent) if (n === a) return true;
  return false;
}

function rgbaCss(c: Rgba): string {
  return `rgba(${c.r}, ${c.g}, ${c.b}, ${c.a})`;
}

function fontSizeAttr(v: string): number | undefined {
  const m = /^\s*([+-]?)(\d+)/.exec(v);
  if (!m) return undefined;
  let n = parseInt(m[2], 10);
  if (m[1] === '+') n = 3 + n;
  else if (m[1] === '-') n = 3 - n;
  n = Math.min(7, Math.max(1, n));
  return FONT_SIZE_ATTR[n - 1];
}

function smaller(px: number): number {
  return px / 1.2;
}
function larger(px: number): number {
  return px * 1.2;
}

function resolveFontSize(value: string, parentPx: number): number | undefined {
  const v = value.trim().toLowerCase();
  if (v in FONT_SIZE_KEYWORDS) return FONT_SIZE_KEYWORDS[v];
  if (v === 'smaller') return smaller(parentPx);
  if (v === 'larger') return larger(parentPx);
  if (v === 'inherit' || v === 'unset') return parentPx;
  if (/%$/.test(v)) return parseLength(v, parentPx, parentPx);
  if (/^-/.test(v)) return undefined;
  return parseLength(v, parentPx);
}

function bolder(w: number): number {
  return w < 350 ? 400 : w < 550 ? 700 : 900;
}
function lighter(w: number): number {
  return w < 550 ? 100 : w < 750 ? 400 : 700;
}

function resolveWeight(value: string, parent: number): number | undefined {
  const v = value.trim().toLowerCase();
  if (v in FONT_WEIGHT_KEYWORDS) return FONT_WEIGHT_KEYWORDS[v];
  if (v === 'bolder') return bolder(parent);
  if (v === 'lighter') return lighter(parent);
  if (v === 'inherit' || v === 'unset') return parent;
  if (v === 'initial') return 400;
  const n = Number(v);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : undefined;
}

/* ------------------------------------------------------------------ entry points */

/** All `<style>` rules of the rendered tree, in source order. */
export function documentRules(doc: EmailDocument): CssRule[] {
  const counter = { n: 0 };
  const rules: CssRule[] = [];
  for (const el of doc.renderedElements) {
    if (el.name !== 'style') continue;
    const type = el.attribs.type?.trim().toLowerCase();
    if (type && type !== 'text/css') continue;
    const text = el.children.find((c): c is Text => c.type === 'text');
    if (!text) continue;
    const media = el.attribs.media?.trim();
    rules.push(...parseStylesheet(text.data, text.startIndex ?? 0, media ? [media] : [], counter));
  }
  return rules;
}

const resolvers = new WeakMap<EmailDocument, Map<string, StyleResolver>>();
const sheets = new WeakMap<EmailDocument, CssRule[]>();

/** The document's `<style>` rules, parsed once (shared by the cascade, layout, columns and preheader detection). */
export function rulesOf(doc: EmailDocument): CssRule[] {
  let rules = sheets.get(doc);
  if (!rules) sheets.set(doc, (rules = documentRules(doc)));
  return rules;
}

/** True when a rule applies on every screen (no @media condition, or only `all`/`screen`). */
export function isUnconditional(rule: CssRule): boolean {
  return rule.media.every((m) => /^\s*(only\s+)?(all|screen)\s*$/i.test(m));
}

/** The (cached) resolver for a document, scheme and width. */
export function resolverFor(doc: EmailDocument, opts: ResolveOptions = {}): StyleResolver {
  let byKey = resolvers.get(doc);
  if (!byKey) resolvers.set(doc, (byKey = new Map()));
  const key = `${opts.scheme ?? 'light'}:${opts.width ?? ''}:${opts.height ?? ''}`;
  let r = byKey.get(key);
  if (!r) {
    r = new StyleResolver(doc, rulesOf(doc), opts);
    byKey.set(key, r);
  }
  return r;
}

/** Text runs for the light scheme. */
export function textRunsOf(doc: EmailDocument, opts: Omit<ResolveOptions, 'scheme'> = {}): TextRun[] {
  return resolverFor(doc, { ...opts, scheme: 'light' }).textRuns();
}

/** Text runs for the dark scheme, or null when the template declares no dark-mode rules. */
export function darkTextRunsOf(doc: EmailDocument, opts: Omit<ResolveOptions, 'scheme'> = {}): TextRun[] | null {
  const r = resolverFor(doc, { ...opts, scheme: 'dark' });
  return r.declaresDark ? r.textRuns() : null;
}

/** The computed style of any element of the rendered tree in a scheme (for other consumers, e.g. CTAs). */
export function computedStyleOf(doc: EmailDocument, element: Element, scheme: Scheme = 'light'): ComputedStyle {
  return resolverFor(doc, { scheme }).computed(element);
}

/** Effective text colour and background of an element (composited), in a scheme. */
export function resolvedColorsOf(doc: EmailDocument, element: Element, scheme: Scheme = 'light', opts: { withoutSelf?: boolean } = {}) {
  return resolverFor(doc, { scheme }).resolveColors(element, opts);
}
