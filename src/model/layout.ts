/**
 * Static layout estimate: where an element would sit (top, left, width, height) at a 375 px
 * phone width and in a 600 px desktop preview pane, WITHOUT a browser. It reads width/height
 * attributes and styles, paddings, margins, cellpadding, line heights, font sizes and text
 * lengths, and lays the tree out as blocks, table rows and inline runs. Every box it returns
 * is marked `measured: false`.
 *
 * When a render supplied real boxes (`doc.facts.measured`, a MeasuredGeometry keyed by the
 * element's source start offset), `boxOf()` returns those instead (`measured: true`), so
 * rules never change when measurements arrive.
 *
 * Styles are the style service's cascaded declarations at each viewport (src/style: specificity,
 * `!important`, media queries for the 375 px phone and the desktop window). Columns stack on the
 * phone only when that cascade stacks them (columnStacks in columns.ts, which
 * mobile-single-column reads too).
 *
 * Text is measured glyph by glyph in the Helvetica/Arial/Liberation Sans metrics
 * (text-metrics.ts) and wraps between words. Known simplifications (the render replaces them):
 * one font's metrics for every family, no float, no absolute positioning; images without a
 * height get a 2:1 aspect (1:1 when narrow).
 */
import { withoutTemplateLogic } from './merge-tags.js';
import type { Element, AnyNode, Text } from 'domhandler';
import type { EmailDocument } from './document.js';
import { parseBox, parseLength } from '../css/declarations.js';
import { columnStacks } from './columns.js';
import { VIEWPORTS, type Box, type MeasuredGeometry, type Viewport } from './geometry.js';
import { textWidth } from './text-metrics.js';
import { checkDeadline } from '../deadline.js';

type Style = ReadonlyMap<string, string>;

/** The cascaded declarations of an element at the layout's viewport (the style service's answer). */
function styleAt(st: State, el: Element): Style {
  return st.doc.styles.cascaded(el, { viewport: st.vp });
}

/**
 * The layout recurses over the tree's depth, which a template chooses (2,000 nested tables are
 * a few kilobytes): its steps are generators run by `run()` on an explicit stack, so the depth
 * costs heap, never the call stack. A step asks for a sub-step with `yield* sub(step(...))`.
 */
type Step<T> = Generator<{ step: Step<unknown> }, T, unknown>;

function* sub<T>(step: Step<T>): Step<T> {
  return (yield { step }) as T;
}

function run<T>(first: Step<T>): T {
  const stack: Step<unknown>[] = [first];
  let value: unknown;
  while (stack.length) {
    const r = stack[stack.length - 1]!.next(value);
    value = undefined;
    if (r.done) {
      stack.pop();
      value = r.value;
    } else stack.push(r.value.step);
  }
  return value as T;
}

// ---------------------------------------------------------------------------------------------

const BLOCK = new Set([
  'html', 'body', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'center', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'blockquote', 'hr', 'form', 'dl',
  'dt', 'dd', 'address', 'figure', 'figcaption', 'pre', 'fieldset', 'caption',
]);
const SKIP = new Set(['head', 'style', 'script', 'title', 'meta', 'link', 'base', 'noscript', 'template', 'xml', 'map', 'area']);
const HEADING_SIZE: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h4: 1, h5: 0.83, h6: 0.67 };
const HEADING_MARGIN: Record<string, number> = { h1: 0.67, h2: 0.83, h3: 1, h4: 1.33, h5: 1.67, h6: 2.33 };

interface Ctx {
  vp: Viewport;
  width: number;
  fontSize: number;
  /** Inherited line height: px, or a factor of the font size. */
  lineHeight: { px?: number; factor?: number };
  bold: boolean;
  upper: boolean;
}

interface State {
  doc: EmailDocument;
  vp: Viewport;
  boxes: Map<Element, Box>;
}

function lineHeightPx(ctx: Ctx): number {
  if (ctx.lineHeight.px !== undefined) return ctx.lineHeight.px;
  return ctx.fontSize * (ctx.lineHeight.factor ?? 1.2);
}

function childCtx(st: State, el: Element, style: Style, ctx: Ctx): Ctx {
  let fontSize = ctx.fontSize;
  const fs = style.get('font-size');
  if (fs) fontSize = parseLength(fs, ctx.fontSize, ctx.fontSize) ?? namedFontSize(fs) ?? ctx.fontSize;
  else if (el.name in HEADING_SIZE) fontSize = ctx.fontSize * HEADING_SIZE[el.name];
  else if (el.name === 'small') fontSize = ctx.fontSize * 0.83;
  else if (el.name === 'font' && el.attribs.size) fontSize = [10, 13, 16, 18, 24, 32, 48][Math.max(0, Math.min(6, parseInt(el.attribs.size, 10) - 1))] ?? fontSize;
  let lineHeight = ctx.lineHeight;
  const lh = style.get('line-height');
  if (lh) {
    const t = lh.trim().toLowerCase();
    if (t === 'normal') lineHeight = { factor: 1.2 };
    else if (/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(t)) lineHeight = { factor: parseFloat(t) };
    else if (t.endsWith('%')) lineHeight = { px: (parseFloat(t) / 100) * fontSize };
    else {
      const px = parseLength(t, fontSize);
      if (px !== undefined) lineHeight = { px };
    }
  } else if (ctx.lineHeight.px !== undefined && fs && /%|em/.test(ctx.lineHeight.px.toString())) {
    lineHeight = ctx.lineHeight;
  }
  const fw = style.get('font-weight');
  const bold = fw ? /bold|[6-9]00/.test(fw) : ctx.bold || el.name === 'b' || el.name === 'strong' || el.name in HEADING_SIZE || el.name === 'th';
  const tt = style.get('text-transform');
  const upper = tt ? /upper/i.test(tt) : ctx.upper;
  return { ...ctx, fontSize, lineHeight, bold, upper };
}

function namedFontSize(v: string): number | undefined {
  return ({ 'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32 } as Record<string, number>)[v.trim().toLowerCase()];
}

function isHiddenForLayout(st: State, el: Element, style: Style): boolean {
  if ('hidden' in el.attribs) return true;
  const d = style.get('display')?.trim().toLowerCase();
  if (d === 'none' || d?.startsWith('none')) return true;
  if (/^hidden/i.test(style.get('visibility') ?? '')) return true;
  const mh = style.get('max-height');
  if (mh && parseLength(mh) === 0) return true;
  if (el.name === 'img' && (el.attribs.width === '1' || el.attribs.height === '1')) return false;
  return false;
}

/** Width of an element from its width attribute/style, against the containing width. */
function specifiedWidth(el: Element, style: Style, container: number, fontSize: number): number | undefined {
  const sw = style.get('width');
  let w = sw && sw !== 'auto' ? parseLength(sw, fontSize, container) : undefined;
  if (w === undefined && el.attribs.width) {
    const a = el.attribs.width.trim();
    w = a.endsWith('%') ? (parseFloat(a) / 100) * container : parseFloat(a) || undefined;
  }
  const mw = parseLength(style.get('max-width'), fontSize, container);
  if (mw !== undefined) w = w === undefined ? undefined : Math.min(w, mw);
  return w;
}

function maxWidthOf(style: Style, container: number, fontSize: number): number | undefined {
  return parseLength(style.get('max-width'), fontSize, container);
}

function specifiedHeight(el: Element, style: Style, fontSize: number): number | undefined {
  const sh = style.get('height');
  let h = sh && sh !== 'auto' ? parseLength(sh, fontSize) : undefined;
  if (h === undefined && el.attribs.height && !el.attribs.height.trim().endsWith('%')) h = parseFloat(el.attribs.height) || undefined;
  return h;
}

function sides(style: Style, prop: 'padding' | 'margin', fontSize: number): [number, number, number, number] {
  const base = parseBox(style.get(prop), fontSize) ?? [0, 0, 0, 0];
  const names = ['top', 'right', 'bottom', 'left'] as const;
  return names.map((n, i) => {
    const v = style.get(`${prop}-${n}`);
    return v !== undefined ? (parseLength(v, fontSize) ?? base[i]) : base[i];
  }) as [number, number, number, number];
}

/** Border widths [top, right, bottom, left] from border / border-width / border-<side>. */
export function borderWidths(style: Style): [number, number, number, number] {
  const width = (v: string | undefined): number | undefined => {
    if (!v) return undefined;
    if (/\bnone\b|\bhidden\b/i.test(v)) return 0;
    for (const part of v.split(/\s+/)) {
      const n = parseLength(part);
      if (n !== undefined) return n;
      const named = ({ thin: 1, medium: 3, thick: 5 } as Record<string, number>)[part.toLowerCase()];
      if (named !== undefined) return named;
    }
    return /solid|dashed|dotted|double|groove|ridge|inset|outset/i.test(v) ? 3 : undefined;
  };
  const all = width(style.get('border')) ?? 0;
  const bw = parseBox(style.get('border-width'));
  const names = ['top', 'right', 'bottom', 'left'] as const;
  return names.map((n, i) => width(style.get(`border-${n}`)) ?? parseLength(style.get(`border-${n}-width`)) ?? (bw ? bw[i] : all)) as [number, number, number, number];
}

/**
 * Height of a font's content area (ascent + descent) in em: 1.12 for Arial/Helvetica/Liberation
 * Sans, 1.11 Times, 1.14 Georgia, 1.22 Verdana; measured in Chromium (test/render-agreement.test.ts).
 */
const CONTENT_AREA_EM = 1.15;


/** Intrinsic (shrink-to-fit) width of inline content, capped at `max`. */
function intrinsicWidth(st: State, el: Element, ctx: Ctx, max: number): number {
  let w = 0;
  // A sum, so the order of the walk does not matter: an explicit stack, not recursion.
  const todo: Array<[AnyNode, Ctx]> = el.children.map((ch) => [ch, ctx]);
  while (todo.length) {
    const [n, c] = todo.pop()!;
    if (n.type === 'text') w += textWidth(withoutTemplateLogic((n as Text).data).replace(/\s+/g, ' ').trim(), c);
    else if (n.type === 'tag') {
      const e = n as Element;
      if (SKIP.has(e.name)) continue;
      const s = styleAt(st, e);
      if (isHiddenForLayout(st, e, s)) continue;
      if (e.name === 'img') {
        w += specifiedWidth(e, s, max, c.fontSize) ?? 0;
        continue;
      }
      const cc = childCtx(st, e, s, c);
      const p = sides(s, 'padding', cc.fontSize);
      w += p[1] + p[3];
      for (const ch of e.children) todo.push([ch, cc]);
    }
  }
  return Math.min(max, Math.ceil(w));
}

interface BlockResult {
  /** Border-box height. */
  height: number;
  marginTop: number;
  marginBottom: number;
}

/** Lays out one block-level element whose margin box starts at `top`; returns its height and margins. */
function* layoutBlock(st: State, el: Element, top: number, left: number, containerWidth: number, parentCtx: Ctx, forcedWidth?: number): Step<BlockResult> {
  checkDeadline();
  const style = styleAt(st, el);
  const ctx = childCtx(st, el, style, parentCtx);
  const fs = ctx.fontSize;
  let [mt, , mb] = sides(style, 'margin', fs);
  if (!style.has('margin') && !style.has('margin-top') && !style.has('margin-bottom')) {
    if (el.name === 'p' || el.name === 'ul' || el.name === 'ol' || el.name === 'blockquote') mt = mb = fs;
    else if (el.name in HEADING_MARGIN) mt = mb = HEADING_MARGIN[el.name] * fs;
  }
  if (el.name === 'img') {
    const { w, h } = imageSize(el, style, containerWidth, fs);
    st.boxes.set(el, { top: top + mt, left, width: w, height: h, measured: false });
    return { height: h, marginTop: mt, marginBottom: mb };
  }
  const pad = sides(style, 'padding', fs);
  if ((el.name === 'td' || el.name === 'th') && !hasPadding(style)) {
    const cp = cellPadding(el);
    if (cp) pad.fill(cp);
  }
  const bw = borderWidths(style);
  let width = forcedWidth ?? specifiedWidth(el, style, containerWidth, fs) ?? containerWidth;
  const mw = maxWidthOf(style, containerWidth, fs);
  if (mw !== undefined) width = Math.min(width, mw);
  width = Math.min(width, containerWidth);
  if (el.name === 'body' || el.name === 'html') width = containerWidth;
  const boxSizing = style.get('box-sizing')?.includes('border') || el.name === 'td' || el.name === 'th' || el.name === 'table';
  const inner = Math.max(0, boxSizing ? width - pad[1] - pad[3] - bw[1] - bw[3] : width);
  const contentTop = top + mt + bw[0] + pad[0];
  let content: number;
  if (el.name === 'table') content = yield* sub(layoutTable(st, el, contentTop, left, inner, ctx));
  else if (el.name === 'tr') content = yield* sub(layoutRow(st, el, contentTop, left, inner, ctx, undefined));
  else if (el.name === 'hr') content = 0;
  else content = yield* sub(layoutFlow(st, el.children, contentTop, left + pad[3] + bw[3], inner, ctx));
  let height = content + pad[0] + pad[2] + bw[0] + bw[2];
  const sh = specifiedHeight(el, style, fs);
  if (sh !== undefined && el.name !== 'img') height = Math.max(height, boxSizing ? sh : sh + pad[0] + pad[2] + bw[0] + bw[2]);
  if (el.name === 'hr') height = Math.max(height, 2);
  st.boxes.set(el, { top: top + mt, left, width: boxSizing || forcedWidth ? width : width + pad[1] + pad[3] + bw[1] + bw[3], height, measured: false });
  return { height, marginTop: mt, marginBottom: mb };
}

function hasPadding(style: Style): boolean {
  for (const k of style.keys()) if (k.startsWith('padding')) return true;
  return false;
}

function cellPadding(td: Element): number {
  for (let n = td.parent; n; n = n.parent) {
    if (n.type === 'tag' && (n as Element).name === 'table') {
      const v = parseFloat((n as Element).attribs.cellpadding ?? '');
      return Number.isFinite(v) ? v : 0;
    }
  }
  return 0;
}

function tagChildren(el: Element, names: readonly string[]): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    const e = c as Element;
    if (names.includes(e.name)) out.push(e);
    else if (e.name === 'tbody' || e.name === 'thead' || e.name === 'tfoot') out.push(...tagChildren(e, names));
  }
  return out;
}

function* layoutTable(st: State, table: Element, top: number, left: number, width: number, ctx: Ctx): Step<number> {
  const spacing = parseFloat(table.attribs.cellspacing ?? '') || 0;
  let y = top + spacing;
  for (const c of table.children) {
    if (c.type !== 'tag') continue;
    const e = c as Element;
    const style = styleAt(st, e);
    if (isHiddenForLayout(st, e, style)) continue;
    if (e.name === 'tr') {
      y += (yield* sub(layoutBlock(st, e, y, left, width, ctx))).height + spacing;
    } else if (e.name === 'tbody' || e.name === 'thead' || e.name === 'tfoot') {
      const h = (yield* sub(layoutTable(st, e, y - spacing, left, width, ctx))) - spacing;
      st.boxes.set(e, { top: y, left, width, height: h, measured: false });
      y += h;
    } else if (e.name === 'caption') {
      y += (yield* sub(layoutBlock(st, e, y, left, width, ctx))).height;
    }
  }
  return y - top;
}

function* layoutRow(st: State, tr: Element, top: number, left: number, width: number, ctx: Ctx, _u: undefined): Step<number> {
  const cells = tagChildren(tr, ['td', 'th']).filter((c) => !isHiddenForLayout(st, c, styleAt(st, c)));
  if (!cells.length) return 0;
  const spec = cells.map((c) => {
    const s = styleAt(st, c);
    const w = specifiedWidth(c, s, width, ctx.fontSize);
    if (w !== undefined) return w;
    // A centred-container cell (`max-width` without width) takes what it may; empty side cells take nothing.
    const mw = maxWidthOf(s, width, ctx.fontSize);
    return mw !== undefined ? Math.min(mw, width) : undefined;
  });
  if (spec.some((w) => w !== undefined)) {
    cells.forEach((c, i) => {
      if (spec[i] === undefined && !st.doc.textOf(c) && !c.children.some((n) => n.type === 'tag')) spec[i] = 0;
    });
  }
  const fixed = spec.reduce<number>((a, w) => a + (w ?? 0), 0);
  // Columns stack on a phone when the cascade at the phone width says so (a media query), as
  // mobile-single-column decides; otherwise they keep their row, shrunk to fit.
  const stack = ctx.vp === 'mobile' && cells.length > 1 && columnStacks(st.doc, cells, tr);
  if (stack) {
    let y = top;
    for (const c of cells) y += (yield* sub(layoutBlock(st, c, y, left, width, ctx, width))).height;
    return y - top;
  }
  const free = cells.length - spec.filter((w) => w !== undefined).length;
  const scale = fixed > width ? width / fixed : 1;
  const rest = Math.max(0, width - fixed * scale);
  // Right-to-left rows (dir="rtl", direction: rtl) put the first cell on the right.
  const rtl = isRtl(st, tr);
  let x = rtl ? left + width : left;
  let h = 0;
  for (let i = 0; i < cells.length; i++) {
    const w = spec[i] !== undefined ? spec[i]! * scale : free ? rest / free : 0;
    h = Math.max(h, (yield* sub(layoutBlock(st, cells[i], top, rtl ? x - w : x, width, ctx, w))).height);
    x += rtl ? -w : w;
  }
  return h;
}

/**
 * The element's inline direction is right-to-left: the nearest `direction` declaration or `dir`
 * attribute (`dir="auto"`: the first strong letter of its text) on it or an ancestor says so.
 */
function isRtl(st: { doc: EmailDocument; vp: Viewport }, el: Element): boolean {
  for (let n: AnyNode | null = el; n && n.type === 'tag'; n = n.parent) {
    const e = n as Element;
    const css = st.doc.styles.cascaded(e, { viewport: st.vp }).get('direction')?.trim().toLowerCase();
    if (css === 'rtl' || css === 'ltr') return css === 'rtl';
    const dir = e.attribs.dir?.trim().toLowerCase();
    if (dir === 'rtl' || dir === 'ltr') return dir === 'rtl';
    if (dir === 'auto') return /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(st.doc.textOf(e));
  }
  return false;
}

/** Lays out a sequence of children (blocks and inline runs); returns the content height. */
function* layoutFlow(st: State, children: readonly AnyNode[], top: number, left: number, width: number, ctx: Ctx): Step<number> {
  let y = top;
  let pendingMargin = 0;
  let inline: AnyNode[] = [];
  const flush = function* (): Step<void> {
    if (!inline.length) return;
    const h = yield* sub(layoutInline(st, inline, y + pendingMargin, left, width, ctx));
    if (h > 0) {
      y += pendingMargin + h;
      pendingMargin = 0;
    }
    inline = [];
  };
  for (const n of children) {
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      const el = n as Element;
      if (SKIP.has(el.name)) continue;
      const style = styleAt(st, el);
      if (isHiddenForLayout(st, el, style)) continue;
      if (isBlockLevel(el, style)) {
        yield* flush();
        const r = yield* sub(layoutBlock(st, el, y, left, width, ctx));
        const collapsed = Math.max(pendingMargin, r.marginTop);
        // layoutBlock placed the box at y + marginTop; shift accounting for the collapsed margin.
        const box = st.boxes.get(el)!;
        const shift = collapsed - r.marginTop;
        if (shift) shiftBoxes(st, el, shift);
        y = box.top + r.height;
        pendingMargin = r.marginBottom;
        continue;
      }
    } else if (n.type !== 'text') continue;
    inline.push(n);
  }
  yield* flush();
  return y - top + pendingMargin;
}

function shiftBoxes(st: State, el: Element, dy: number): void {
  const todo: AnyNode[] = [el];
  while (todo.length) {
    const n = todo.pop()!;
    if (n.type !== 'tag') continue;
    const b = st.boxes.get(n as Element);
    if (b) b.top += dy;
    for (const c of (n as Element).children) todo.push(c);
  }
}

function isBlockLevel(el: Element, style: Style): boolean {
  const d = style.get('display')?.trim().toLowerCase();
  if (d) {
    if (d.startsWith('inline')) return false;
    if (d === 'block' || d === 'table' || d === 'flex' || d === 'list-item' || d === 'table-row' || d === 'table-cell' || d === 'grid') return true;
  }
  return BLOCK.has(el.name);
}

/** Inline formatting: text, inline elements, images and inline-blocks on lines of `width`. */
function* layoutInline(st: State, nodes: readonly AnyNode[], top: number, left: number, width: number, ctx: Ctx): Step<number> {
  let lineTop = top;
  let x = 0;
  let lineH = 0;
  let hasContent = false;
  const placed: Box[] = [];
  const newLine = () => {
    lineTop += lineH || lineHeightPx(ctx);
    x = 0;
    lineH = 0;
  };
  const placeAtomic = (w: number, h: number): { top: number; left: number } => {
    if (x > 0 && x + w > width + 0.5) newLine();
    const pos = { top: lineTop, left: left + x };
    x += w;
    lineH = Math.max(lineH, h);
    hasContent = true;
    return pos;
  };
  const visit = function* (n: AnyNode, c: Ctx): Step<void> {
    if (n.type === 'text') {
      // Template logic ({% if %}, %%[ … ]%%) renders nothing: it takes no room.
      const data = withoutTemplateLogic((n as Text).data);
      if (/^[ \t\n\r\f]*$/.test(data)) {
        if (x > 0) x += textWidth(' ', c);
        return;
      }
      const lh = c.fontSize === 0 ? 0 : c.lineHeight.px ?? c.fontSize * (c.lineHeight.factor ?? 1.2);
      lineH = Math.max(lineH, lh);
      hasContent = true;
      // Words wrap whole at white space (a space at a line's end takes no room); a word wider
      // than the line breaks where it overflows, as overflow-wrap lets email clients do.
      const space = textWidth(' ', c);
      const words = data.split(/[ \t\n\r\f]+/);
      words.forEach((word, i) => {
        if (i > 0 && x > 0) x += space;
        if (!word) return;
        let w = textWidth(word, c);
        if (x > 0 && x + w > width + 0.5 && width > 0) {
          lineTop += lineH || lh;
          x = 0;
          lineH = lh;
        }
        if (x + w > width + 0.5 && width > 0) {
          // Here x is 0: the word fills k more lines and its rest starts the last (counted, not
          // looped: a huge word in a very narrow box is millions of lines).
          const k = Math.ceil((w - width - 0.5) / width);
          lineTop += (lineH || lh) + (k - 1) * lh;
          w -= k * width;
          lineH = lh;
        }
        x += w;
      });
      return;
    }
    if (n.type !== 'tag') return;
    const el = n as Element;
    if (SKIP.has(el.name)) return;
    const style = styleAt(st, el);
    if (isHiddenForLayout(st, el, style)) return;
    if (el.name === 'br') {
      if (!hasContent || lineH === 0) lineH = lineHeightPx(c);
      newLine();
      return;
    }
    const cc = childCtx(st, el, style, c);
    if (el.name === 'img') {
      const { w, h } = imageSize(el, style, width, cc.fontSize);
      const pos = placeAtomic(w, h);
      const box: Box = { top: pos.top, left: pos.left, width: w, height: h, measured: false };
      st.boxes.set(el, box);
      placed.push(box);
      return;
    }
    const d = style.get('display')?.trim().toLowerCase() ?? '';
    if (d.startsWith('inline-block') || d === 'inline-table' || d === 'inline-flex' || (el.name === 'table' && !d)) {
      const pad = sides(style, 'padding', cc.fontSize);
      const bw = borderWidths(style);
      const mjCol = /\bmj-column-(per|px)-(\d+(?:-\d+)?)/.exec(el.attribs.class ?? '');
      let w = specifiedWidth(el, style, width, cc.fontSize);
      if (mjCol && VIEWPORTS[ctx.vp].width >= 480) {
        const n = parseFloat(mjCol[2].replace('-', '.'));
        w = mjCol[1] === 'per' ? (n / 100) * width : n;
      }
      if (w === undefined) w = Math.min(width, intrinsicWidth(st, el, cc, width) + pad[1] + pad[3] + bw[1] + bw[3] + 1);
      w = Math.min(w, width);
      const pos = { top: lineTop, left: left + x };
      if (x > 0 && x + w > width + 0.5) {
        newLine();
        pos.top = lineTop;
        pos.left = left;
      }
      const r = yield* sub(layoutBlock(st, el, pos.top, pos.left, width, c, w));
      placed.push(st.boxes.get(el)!);
      const h = r.height + r.marginTop + r.marginBottom;
      x += w;
      lineH = Math.max(lineH, h);
      hasContent = true;
      return;
    }
    // Plain inline element: its box spans the lines its content covers.
    const startTop = lineTop;
    const startX = x;
    const before = placed.length;
    checkDeadline();
    for (const ch of el.children) yield* sub(visit(ch, cc));
    const inner = placed.slice(before);
    const pad = sides(style, 'padding', cc.fontSize);
    const bw = borderWidths(style);
    const lh = cc.fontSize === 0 ? 0 : lineHeightPx(cc);
    const multi = lineTop > startTop;
    const w = multi ? width : Math.max(0, x - startX) + pad[1] + pad[3] + bw[1] + bw[3];
    // An inline box paints (and takes taps on) its glyphs' content area, not its line height:
    // centred in the line-height, first line's top to last line's bottom.
    const ca = cc.fontSize * CONTENT_AREA_EM;
    const h = multi ? lineTop - startTop + ca : ca;
    // Inline padding/border do not move lines but paint (and take taps) around the text.
    const box: Box = {
      top: startTop + (lineH > lh ? (lineH - lh) / 2 : 0) + (lh - ca) / 2 - pad[0] - bw[0],
      left: left + startX,
      width: w,
      height: h + pad[0] + pad[2] + bw[0] + bw[2],
      measured: false,
    };
    // Images and inline-blocks inside stretch the inline box around them.
    if (inner.length) {
      // Folded, not spread: an inline box may hold more boxes than a call takes arguments.
      let t = Infinity;
      let bottom = multi ? box.top + box.height : 0;
      let l = box.left;
      let r = box.left + (x > startX ? w : 0);
      for (const b of inner) {
        t = Math.min(t, b.top);
        bottom = Math.max(bottom, b.top + b.height);
        l = Math.min(l, b.left);
        r = Math.max(r, b.left + b.width);
      }
      box.top = Math.min(t, multi ? box.top : t);
      box.height = bottom - box.top;
      box.left = l;
      box.width = r - l;
    }
    st.boxes.set(el, box);
    placed.push(box);
    x += pad[1] + pad[3];
  };
  for (const n of nodes) yield* sub(visit(n, ctx));
  if (!hasContent) return 0;
  return lineTop - top + (lineH || 0);
}

function imageSize(el: Element, style: Style, width: number, fontSize: number): { w: number; h: number } {
  let w = specifiedWidth(el, style, width, fontSize);
  let h = specifiedHeight(el, style, fontSize);
  // width:100% / height:auto over width/height attributes: keep the attributes' aspect ratio.
  const aw = parseFloat(el.attribs.width ?? '');
  const ah = parseFloat(el.attribs.height ?? '');
  const sh = style.get('height')?.trim();
  if (w !== undefined && aw > 0 && ah > 0 && (!sh || sh === 'auto') && Math.abs(w - aw) > 0.5) h = (w * ah) / aw;
  if (w === undefined && h === undefined) {
    w = Math.min(width, 300);
    h = 150;
  } else if (w === undefined) w = h! * (h! < 60 ? 1 : 2);
  else if (h === undefined) h = w >= 200 ? w / 2 : w;
  let ww = w!;
  let hh = h!;
  if (ww > width) {
    hh = (hh * width) / ww;
    ww = width;
  }
  return { w: ww, h: hh };
}

// ---------------------------------------------------------------------------------------------

const layoutCache = new WeakMap<EmailDocument, Partial<Record<Viewport, Map<Element, Box>>>>();

/** Estimated boxes of every rendered element at a viewport (cached per document). */
export function estimateLayout(doc: EmailDocument, vp: Viewport): Map<Element, Box> {
  let per = layoutCache.get(doc);
  if (!per) layoutCache.set(doc, (per = {}));
  const hit = per[vp];
  if (hit) return hit;
  const st: State = { doc, vp, boxes: new Map() };
  const ctx: Ctx = { vp, width: VIEWPORTS[vp].width, fontSize: 16, lineHeight: { factor: 1.2 }, bold: false, upper: false };
  const root = doc.body ?? doc.htmlElement;
  if (root) run(layoutBlock(st, root, 0, 0, ctx.width, ctx));
  else run(layoutFlow(st, doc.dom.children, 0, 0, ctx.width, ctx));
  per[vp] = st.boxes;
  return st.boxes;
}

/** The measured box of `el` when a render supplied one. */
export function measuredBox(doc: EmailDocument, el: Element, vp: Viewport): Box | undefined {
  const m = doc.facts.measured;
  const b = m?.viewports?.[vp]?.get(el.startIndex ?? -1);
  return b ? { ...b, measured: true } : undefined;
}

/**
 * The box of `el` at a viewport: measured when available, else estimated. Elements the static
 * layout does not place (inside Outlook-only conditionals, hidden) take the box of the nearest
 * placed element that follows/contains them, or a zero box at the top.
 */
export function boxOf(doc: EmailDocument, el: Element, vp: Viewport): Box {
  const measured = measuredBox(doc, el, vp);
  if (measured) return measured;
  const boxes = estimateLayout(doc, vp);
  const b = boxes.get(el);
  if (b) return { ...b };
  for (let n = el.parent; n; n = n.parent) {
    const pb = n.type === 'tag' ? boxes.get(n as Element) : undefined;
    if (pb) return { ...pb };
  }
  return { top: 0, left: 0, width: 0, height: 0, measured: false };
}
