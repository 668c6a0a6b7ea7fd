/**
 * Used values: what the static layout, the CTA model and the rules need of an element's style,
 * in px, computed ONCE per element and view by the style service (`doc.styles.used(el, view)`):
 * font size, line height, bold, text-transform, display, and the box edges (padding, border,
 * margin) and sizes (width, height, max-width, max-height), with the HTML attributes email
 * uses (`cellpadding`, `width`, `height`, `border`, `<body topmargin>`…) and the user-agent
 * defaults (paragraph and heading margins). The one parser of box edges: nothing else reads `padding`/`border`/`width`
 * declarations.
 */
import type { AnyNode, Element } from 'domhandler';
import { parseLength } from '../css/declarations.js';
import type { ComputedStyle } from './cascade.js';

/** [top, right, bottom, left] in px. */
export type Edges = readonly [number, number, number, number];

/** A length as specified: px, or a percentage of the containing block's width. */
export type Length = { readonly px: number; readonly percent?: undefined } | { readonly percent: number; readonly px?: undefined };

export interface UsedStyle {
  /** The computed font size (px). */
  fontSize: number;
  /** The inherited line height as computed: px, or a factor of the font size (`normal`: 1.2). */
  lineHeight: { readonly px?: number; readonly factor?: number };
  /** The line height in px. */
  lineHeightPx: number;
  /** Font weight 600 or more. */
  bold: boolean;
  /** `text-transform: uppercase` in effect (inherited). */
  upper: boolean;
  /** `display` as declared (lower case), '' when not declared. */
  display: string;
  /** Lays out as a block (its display, else the element's default). */
  block: boolean;
  /** Padding in px; a table cell without padding declarations takes its table's `cellpadding`. */
  padding: Edges;
  /** Border widths in px (`border` shorthands and longhands; `<table border>`, `<img border>`). */
  border: Edges;
  /** Margins in px, with the user-agent margins of paragraphs, lists, blockquotes and headings. */
  margin: Edges;
  /** `width` (CSS, not `auto`), else the `width` attribute. */
  width?: Length;
  /** `height` in px (CSS, not `auto` or %), else the `height` attribute in px. */
  height?: number;
  maxWidth?: Length;
  /** `max-height` in px (undefined when none or a percentage). */
  maxHeight?: number;
  /** Sizes are of the border box (`box-sizing: border-box`, and tables and cells). */
  borderBox: boolean;
}

/** The used values of the initial containing block (what inherits into the root). */
export const ROOT_USED: UsedStyle = {
  fontSize: 16,
  lineHeight: { factor: 1.2 },
  lineHeightPx: 19.2,
  bold: false,
  upper: false,
  display: '',
  block: true,
  padding: [0, 0, 0, 0],
  border: [0, 0, 0, 0],
  margin: [0, 0, 0, 0],
  borderBox: false,
};

const BLOCK = new Set([
  'html', 'body', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'center', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'blockquote', 'hr', 'form', 'dl',
  'dt', 'dd', 'address', 'figure', 'figcaption', 'pre', 'fieldset', 'caption',
]);
const BLOCK_DISPLAY = new Set(['block', 'table', 'flex', 'list-item', 'table-row', 'table-cell', 'grid']);
const HEADING_MARGIN: Record<string, number> = { h1: 0.67, h2: 0.83, h3: 1, h4: 1.33, h5: 1.67, h6: 2.33 };
const ZERO: Edges = [0, 0, 0, 0];
const SIDES = ['top', 'right', 'bottom', 'left'] as const;
const PADDING = 1;
const MARGIN = 2;
const BORDER = 4;
const PADDING_KEYS = ['padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left'];
const MARGIN_KEYS = ['margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left'];
const BORDER_SIDE = SIDES.map((n) => `border-${n}`);
const BORDER_SIDE_WIDTH = SIDES.map((n) => `border-${n}-width`);
const NAMED_BORDER: Record<string, number> = { thin: 1, medium: 3, thick: 5 };
const NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

type Style = ReadonlyMap<string, string>;

/** The used values of `el` from its computed style, its cascaded declarations and its parent's used values. */
export function usedStyle(el: Element, computed: ComputedStyle, style: Style, parent: UsedStyle): UsedStyle {
  const fontSize = computed.fontSize;
  let lineHeight = parent.lineHeight;
  const lh = style.get('line-height');
  if (lh !== undefined) {
    const t = lh.trim().toLowerCase();
    if (t === 'normal') lineHeight = { factor: 1.2 };
    else if (NUMBER.test(t)) lineHeight = { factor: parseFloat(t) };
    else if (t.endsWith('%')) lineHeight = { px: (parseFloat(t) / 100) * fontSize };
    else {
      const px = parseLength(t, fontSize);
      if (px !== undefined) lineHeight = { px };
    }
  }
  const tt = style.get('text-transform');
  const display = style.get('display')?.trim().toLowerCase() ?? '';
  const name = el.name;
  // Which edge properties are declared at all (most elements declare none): one look at the keys.
  let edges = 0;
  for (const k of style.keys()) {
    const c = k.charCodeAt(0);
    if (c === 112 /* p */ && k.startsWith('padding')) edges |= PADDING;
    else if (c === 109 /* m */ && k.startsWith('margin')) edges |= MARGIN;
    else if (c === 98 /* b */ && k.startsWith('border')) edges |= BORDER;
  }
  return {
    fontSize,
    lineHeight,
    lineHeightPx: lineHeight.px ?? fontSize * (lineHeight.factor ?? 1.2),
    bold: computed.fontWeight >= 600,
    upper: tt !== undefined ? /upper/i.test(tt) : parent.upper,
    display,
    block: display.startsWith('inline') ? false : BLOCK_DISPLAY.has(display) || BLOCK.has(name),
    padding: padding(el, edges & PADDING ? sides(style, PADDING_KEYS, fontSize) : undefined),
    border: borderWidths(el, edges & BORDER ? style : undefined),
    margin: margin(el, style, edges & MARGIN ? sides(style, MARGIN_KEYS, fontSize) : undefined, fontSize),
    width: widthOf(el, style, fontSize),
    height: heightOf(el, style, fontSize),
    maxWidth: lengthOf(style.get('max-width'), fontSize),
    maxHeight: parseLength(style.get('max-height'), fontSize),
    borderBox: !!style.get('box-sizing')?.includes('border') || name === 'td' || name === 'th' || name === 'table',
  };
}

/** A length in px against a containing width (a percentage of it). */
export function resolveLength(l: Length | undefined, container: number): number | undefined {
  if (!l) return undefined;
  return l.px ?? (l.percent! / 100) * container;
}

function lengthOf(v: string | undefined, fontSize: number): Length | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (t.endsWith('%')) {
    const n = parseLength(t, 1, 100);
    return n === undefined ? undefined : { percent: n };
  }
  const px = parseLength(t, fontSize);
  return px === undefined ? undefined : { px };
}

function widthOf(el: Element, style: Style, fontSize: number): Length | undefined {
  const sw = style.get('width');
  const w = sw && sw !== 'auto' ? lengthOf(sw, fontSize) : undefined;
  if (w || !el.attribs.width) return w;
  const a = el.attribs.width.trim();
  if (a.endsWith('%')) return { percent: parseFloat(a) };
  const px = parseFloat(a);
  return px ? { px } : undefined;
}

function heightOf(el: Element, style: Style, fontSize: number): number | undefined {
  const sh = style.get('height');
  const h = sh && sh !== 'auto' ? parseLength(sh, fontSize) : undefined;
  if (h !== undefined || !el.attribs.height || el.attribs.height.trim().endsWith('%')) return h;
  return parseFloat(el.attribs.height) || undefined;
}

/** Padding: the declarations, or for a table cell with none its table's `cellpadding`. */
function padding(el: Element, declared: Edges | undefined): Edges {
  if (declared || (el.name !== 'td' && el.name !== 'th')) return declared ?? ZERO;
  const table = nearestTable(el);
  const cp = parseFloat(table?.attribs.cellpadding ?? '');
  return Number.isFinite(cp) && cp > 0 ? [cp, cp, cp, cp] : ZERO;
}

function margin(el: Element, style: Style, declared: Edges | undefined, fontSize: number): Edges {
  if (declared && (style.has('margin') || style.has('margin-top') || style.has('margin-bottom'))) return declared;
  const name = el.name;
  if (name === 'body') return declared ?? bodyMargins(el);
  const ua = name === 'p' || name === 'ul' || name === 'ol' || name === 'blockquote' ? fontSize : name in HEADING_MARGIN ? HEADING_MARGIN[name] * fontSize : 0;
  if (!ua) return declared ?? ZERO;
  return [ua, declared?.[1] ?? 0, ua, declared?.[3] ?? 0];
}

/** `<body topmargin leftmargin …>` / `marginheight marginwidth`: the body's margins where no CSS sets them. */
function bodyMargins(el: Element): Edges {
  const a = el.attribs;
  const n = (...vs: Array<string | undefined>) => {
    for (const v of vs) {
      const x = parseFloat(v ?? '');
      if (Number.isFinite(x) && x >= 0) return x;
    }
    return 0;
  };
  if (a.topmargin === undefined && a.leftmargin === undefined && a.rightmargin === undefined && a.bottommargin === undefined && a.marginheight === undefined && a.marginwidth === undefined) return ZERO;
  return [n(a.topmargin, a.marginheight), n(a.rightmargin, a.marginwidth), n(a.bottommargin, a.marginheight), n(a.leftmargin, a.marginwidth)];
}

/** `padding` / `margin` shorthand and longhands; undefined when none is declared. */
function sides(style: Style, keys: readonly string[], fontSize: number): Edges | undefined {
  const short = style.get(keys[0]);
  const top = style.get(keys[1]);
  const right = style.get(keys[2]);
  const bottom = style.get(keys[3]);
  const left = style.get(keys[4]);
  if (short === undefined && top === undefined && right === undefined && bottom === undefined && left === undefined) return undefined;
  const base = boxShorthand(short, fontSize) ?? ZERO;
  const side = (v: string | undefined, i: number) => (v !== undefined ? (parseLength(v, fontSize) ?? base[i]) : base[i]);
  return [side(top, 0), side(right, 1), side(bottom, 2), side(left, 3)];
}

/** A 1–4 value box shorthand in px. */
function boxShorthand(value: string | undefined, fontSize: number): Edges | undefined {
  if (!value) return undefined;
  const parts = value.trim().split(/\s+/).map((p) => parseLength(p, fontSize) ?? 0);
  const [t, r = t, b = t, l = r] = parts;
  return [t, r, b, l];
}

/** The width of one `border` / `border-<side>` shorthand, or undefined when it sets none. */
function shorthandWidth(v: string | undefined): number | undefined {
  if (!v) return undefined;
  if (/\bnone\b|\bhidden\b/i.test(v)) return 0;
  for (const part of v.split(/\s+/)) {
    const n = parseLength(part);
    if (n !== undefined) return n;
    const named = NAMED_BORDER[part.toLowerCase()];
    if (named !== undefined) return named;
  }
  return /solid|dashed|dotted|double|groove|ridge|inset|outset/i.test(v) ? 3 : undefined;
}

/**
 * Border widths from `border` / `border-width` / `border-<side>` / `border-<side>-width`, else
 * the presentational `border` attribute: N px around a `<table border=N>` and `<img border=N>`,
 * 1 px around the cells of a table with a non-zero `border` (the HTML rendering rules).
 */
function borderWidths(el: Element, style: Style | undefined): Edges {
  let hint = 0;
  if (el.name === 'table' || el.name === 'img') hint = borderAttr(el);
  else if (el.name === 'td' || el.name === 'th') {
    const t = nearestTable(el);
    hint = t && borderAttr(t) > 0 ? 1 : 0;
  }
  if (!style) return hint ? [hint, hint, hint, hint] : ZERO;
  const all = shorthandWidth(style.get('border'));
  const bwv = style.get('border-width');
  const bw = bwv ? boxShorthand(bwv, 16) : undefined;
  return SIDES.map((_, i) => shorthandWidth(style.get(BORDER_SIDE[i])) ?? parseLength(style.get(BORDER_SIDE_WIDTH[i])) ?? (bw ? bw[i] : (all ?? hint))) as unknown as Edges;
}

function borderAttr(el: Element): number {
  const v = el.attribs.border;
  if (v === undefined) return 0;
  const n = parseFloat(v);
  // `<table border>` (no value) draws 1 px.
  return v.trim() === '' ? 1 : Number.isFinite(n) && n > 0 ? n : 0;
}

function nearestTable(el: Element): Element | undefined {
  for (let n: AnyNode | null = el.parent; n; n = n.parent) if (n.type === 'tag' && (n as Element).name === 'table') return n as Element;
  return undefined;
}
