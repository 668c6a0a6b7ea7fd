/**
 * Static layout estimate: where an element would sit (top, left, width, height) at a 375 px
 * phone width and in a 600 px desktop preview pane, WITHOUT a browser. It reads width/height
 * attributes and styles, paddings, margins, cellpadding, line heights, font sizes and text
 * lengths, and lays the tree out as blocks, table rows and inline runs. Every box it returns
 * is marked `measured: false`. It lays out in document order only as far as the boxes asked for
 * (`boxOf`: the CTAs' boxes), and resumes there when a later box is asked.
 *
 * When a render supplied real boxes (`doc.facts.measured`, a MeasuredGeometry keyed by the
 * element's source start offset), `boxOf()` returns those instead (`measured: true`), so
 * rules never change when measurements arrive.
 *
 * Styles are the style service's used values at each viewport (`doc.styles.used`, src/style/used.ts:
 * font size, line height, bold, display, box edges and sizes in px, media queries for the 375 px
 * phone and the desktop window), and what takes no room is its one visibility answer for web
 * clients (`hidden(el, 'web')`); `max-height` caps a box while its content still paints. This file
 * parses no CSS. Columns stack on the phone only when that cascade stacks them (columnStacks in
 * columns.ts, which mobile-single-column reads too).
 *
 * Text is measured glyph by glyph in the Helvetica/Arial/Liberation Sans metrics
 * (text-metrics.ts) and wraps between words. Known simplifications (the render replaces them):
 * one font's metrics for every family, no float, no absolute positioning; images without a
 * height get a 2:1 aspect (1:1 when narrow).
 */
import { withoutTemplateLogic } from './merge-tags.js';
import type { Element, AnyNode, Text } from 'domhandler';
import type { EmailDocument } from './document.js';
import { columnStacks } from './columns.js';
import { VIEWPORTS, type Box, type MeasuredGeometry, type Viewport } from './geometry.js';
import { textWidth } from './text-metrics.js';
import { checkDeadline } from '../deadline.js';
import type { StyleResolver } from '../style/cascade.js';
import { ROOT_USED, resolveLength, type UsedStyle } from '../style/used.js';

/** The used values of an element at the layout's viewport (the style service's answer). */
function usedAt(st: State, el: Element): UsedStyle {
  return st.styles.used(el);
}

/** Hidden from web readers (the style service's one answer): such an element takes no room. */
function hiddenAt(st: State, el: Element): boolean {
  return st.styles.visibility(el).web;
}

/**
 * The layout recurses over the tree's depth, which a template chooses (2,000 nested tables are
 * a few kilobytes): its steps are generators run by `advance()` on an explicit stack, so the depth
 * costs heap, never the call stack. A step asks for a sub-step with `(yield step(...)) as T`.
 *
 * The stack is kept between calls: the layout runs in document order only as far as the boxes
 * asked for (see `boxOf`), and resumes where it stopped when a later box is asked. Every box is
 * final once placed (margins collapse before a block is laid out, never by moving it after).
 */
interface Step<T> extends Generator<Step<unknown>, T, unknown> {}

/** Runs the layout's steps until a wanted element is placed (`st.found`) or the layout is done. */
function advance(st: State): void {
  const stack = st.stack;
  let value = st.value;
  while (stack.length && !st.found) {
    const r = stack[stack.length - 1]!.next(value);
    value = undefined;
    if (r.done) {
      stack.pop();
      value = r.value;
    } else stack.push(r.value);
  }
  st.value = value;
}

/** Places `el`'s box (final: nothing moves it later). */
function place(st: State, el: Element, box: Box): void {
  st.boxes.set(el, box);
  if (st.want?.has(el)) st.found = true;
}

// ---------------------------------------------------------------------------------------------

const SKIP = new Set(['head', 'style', 'script', 'title', 'meta', 'link', 'base', 'noscript', 'template', 'xml', 'map', 'area']);

/** The font and line height text inherits: the containing element's used values. */
type Ctx = UsedStyle;

interface State {
  doc: EmailDocument;
  vp: Viewport;
  /** The style service's resolver for the viewport (light scheme). */
  styles: StyleResolver;
  boxes: Map<Element, Box>;
  /** Each row's and its ancestors' inline direction (isRtl), once. */
  rtl: Map<Element, boolean>;
  /** The suspended steps (empty when the whole document is laid out) and the value the top one receives next. */
  stack: Step<unknown>[];
  value: unknown;
  /** Elements whose placement stops `advance()` (an asked element and its ancestors), and whether one was placed. */
  want?: Set<Element>;
  found: boolean;
}

/** Width of an element from its width (CSS or attribute), capped by max-width, against the containing width. */
function specifiedWidth(u: UsedStyle, container: number): number | undefined {
  const w = resolveLength(u.width, container);
  const mw = resolveLength(u.maxWidth, container);
  return mw !== undefined && w !== undefined ? Math.min(w, mw) : w;
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
      if (hiddenAt(st, e)) continue;
      const cc = usedAt(st, e);
      if (e.name === 'img') {
        w += specifiedWidth(cc, max) ?? 0;
        continue;
      }
      w += cc.padding[1] + cc.padding[3];
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
  const ctx = usedAt(st, el);
  const [mt, , mb] = ctx.margin;
  if (el.name === 'img') {
    const { w, h } = imageSize(st, el, ctx, containerWidth);
    place(st, el, { top: top + mt, left, width: w, height: h, measured: false });
    return { height: h, marginTop: mt, marginBottom: mb };
  }
  const pad = ctx.padding;
  const bw = ctx.border;
  let width = forcedWidth ?? specifiedWidth(ctx, containerWidth) ?? containerWidth;
  const mw = resolveLength(ctx.maxWidth, containerWidth);
  if (mw !== undefined) width = Math.min(width, mw);
  width = Math.min(width, containerWidth);
  if (el.name === 'body' || el.name === 'html') width = containerWidth;
  const boxSizing = ctx.borderBox;
  const inner = Math.max(0, boxSizing ? width - pad[1] - pad[3] - bw[1] - bw[3] : width);
  const contentTop = top + mt + bw[0] + pad[0];
  let content: number;
  if (el.name === 'table') content = (yield layoutTable(st, el, contentTop, left, inner, ctx)) as number;
  else if (el.name === 'tr') content = (yield layoutRow(st, el, contentTop, left, inner, ctx, undefined)) as number;
  else if (el.name === 'hr') content = 0;
  else content = (yield layoutFlow(st, el.children, contentTop, left + pad[3] + bw[3], inner, ctx)) as number;
  let height = content + pad[0] + pad[2] + bw[0] + bw[2];
  const edges = pad[0] + pad[2] + bw[0] + bw[2];
  const sh = ctx.height;
  if (sh !== undefined) height = Math.max(height, boxSizing ? sh : sh + edges);
  if (el.name === 'hr') height = Math.max(height, 2);
  // max-height caps the box; what overflows it still paints (and keeps its own boxes).
  if (ctx.maxHeight !== undefined) height = Math.min(height, boxSizing ? ctx.maxHeight : ctx.maxHeight + edges);
  place(st, el, { top: top + mt, left, width: boxSizing || forcedWidth ? width : width + pad[1] + pad[3] + bw[1] + bw[3], height, measured: false });
  return { height, marginTop: mt, marginBottom: mb };
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
    if (hiddenAt(st, e)) continue;
    if (e.name === 'tr') {
      y += ((yield layoutBlock(st, e, y, left, width, ctx)) as BlockResult).height + spacing;
    } else if (e.name === 'tbody' || e.name === 'thead' || e.name === 'tfoot') {
      const h = ((yield layoutTable(st, e, y - spacing, left, width, ctx)) as number) - spacing;
      place(st, e, { top: y, left, width, height: h, measured: false });
      y += h;
    } else if (e.name === 'caption') {
      y += ((yield layoutBlock(st, e, y, left, width, ctx)) as BlockResult).height;
    }
  }
  return y - top;
}

function* layoutRow(st: State, tr: Element, top: number, left: number, width: number, ctx: Ctx, _u: undefined): Step<number> {
  const cells = tagChildren(tr, ['td', 'th']).filter((c) => !hiddenAt(st, c));
  if (!cells.length) return 0;
  const spec = cells.map((c) => {
    const u = usedAt(st, c);
    const w = specifiedWidth(u, width);
    if (w !== undefined) return w;
    // A centred-container cell (`max-width` without width) takes what it may; empty side cells take nothing.
    const mw = resolveLength(u.maxWidth, width);
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
  const stack = st.vp === 'mobile' && cells.length > 1 && columnStacks(st.doc, cells, tr);
  if (stack) {
    let y = top;
    for (const c of cells) y += ((yield layoutBlock(st, c, y, left, width, ctx, width)) as BlockResult).height;
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
    h = Math.max(h, ((yield layoutBlock(st, cells[i], top, rtl ? x - w : x, width, ctx, w)) as BlockResult).height);
    x += rtl ? -w : w;
  }
  return h;
}

/**
 * The element's inline direction is right-to-left: the nearest `direction` declaration or `dir`
 * attribute (`dir="auto"`: the first strong letter of its text) on it or an ancestor says so.
 */
function isRtl(st: State, el: Element): boolean {
  // Each element on the way up takes the answer too, so every row walks only to a known ancestor.
  const path: Element[] = [];
  let v: boolean | undefined;
  for (let n: AnyNode | null = el; n && n.type === 'tag' && v === undefined; n = n.parent) {
    const e = n as Element;
    v = st.rtl.get(e);
    if (v !== undefined) break;
    path.push(e);
    v = ownDirection(st, e);
  }
  v ??= false;
  for (const e of path) st.rtl.set(e, v);
  return v;
}

/** The direction an element sets itself (`direction`, else `dir`), or undefined when it inherits one. */
function ownDirection(st: State, e: Element): boolean | undefined {
  const css = st.styles.cascaded(e).get('direction')?.trim().toLowerCase();
  if (css === 'rtl' || css === 'ltr') return css === 'rtl';
  const dir = e.attribs.dir?.trim().toLowerCase();
  if (dir === 'rtl' || dir === 'ltr') return dir === 'rtl';
  if (dir === 'auto') return /^[^\p{L}]*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u.test(st.doc.textOf(e));
  return undefined;
}

/** Lays out a sequence of children (blocks and inline runs); returns the content height. */
function* layoutFlow(st: State, children: readonly AnyNode[], top: number, left: number, width: number, ctx: Ctx): Step<number> {
  let y = top;
  let pendingMargin = 0;
  let inline: AnyNode[] | undefined;
  // One step past the last child flushes the last inline run.
  for (let i = 0; i <= children.length; i++) {
    let block: Element | undefined;
    if (i < children.length) {
      const n = children[i]!;
      if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
        const el = n as Element;
        if (SKIP.has(el.name)) continue;
        if (hiddenAt(st, el)) continue;
        if (usedAt(st, el).block) block = el;
      } else if (n.type !== 'text') continue;
      if (!block) {
        (inline ??= []).push(n);
        continue;
      }
    }
    if (inline) {
      const h = (yield layoutInline(st, inline, y + pendingMargin, left, width, ctx)) as number;
      if (h > 0) {
        y += pendingMargin + h;
        pendingMargin = 0;
      }
      inline = undefined;
    }
    if (!block) continue;
    // The block's top margin collapses with the pending bottom margin: the larger one separates them.
    const mt = usedAt(st, block).margin[0];
    const r = (yield layoutBlock(st, block, y + (Math.max(pendingMargin, mt) - mt), left, width, ctx)) as BlockResult;
    y = st.boxes.get(block)!.top + r.height;
    pendingMargin = r.marginBottom;
  }
  return y - top + pendingMargin;
}

/** Inline formatting: text, inline elements, images and inline-blocks on lines of `width`. */
function* layoutInline(st: State, nodes: readonly AnyNode[], top: number, left: number, width: number, ctx: Ctx): Step<number> {
  let lineTop = top;
  let x = 0;
  let lineH = 0;
  let hasContent = false;
  const placed: Box[] = [];
  const newLine = () => {
    lineTop += lineH || ctx.lineHeightPx;
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
  /**
   * Lays out a text node, a line break or an image on the current line and returns undefined;
   * for an inline-block or an inline element with content, returns the step that lays it out.
   */
  const visit = (n: AnyNode, c: Ctx): Step<void> | undefined => {
    if (n.type === 'text') {
      // Template logic ({% if %}, %%[ … ]%%) renders nothing: it takes no room.
      const data = withoutTemplateLogic((n as Text).data);
      if (/^[ \t\n\r\f]*$/.test(data)) {
        if (x > 0) x += textWidth(' ', c);
        return;
      }
      const lh = c.fontSize === 0 ? 0 : c.lineHeightPx;
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
    if (hiddenAt(st, el)) return;
    if (el.name === 'br') {
      if (!hasContent || lineH === 0) lineH = c.lineHeightPx;
      newLine();
      return;
    }
    const cc = usedAt(st, el);
    if (el.name === 'img') {
      const { w, h } = imageSize(st, el, cc, width);
      const pos = placeAtomic(w, h);
      const box: Box = { top: pos.top, left: pos.left, width: w, height: h, measured: false };
      place(st, el, box);
      placed.push(box);
      return;
    }
    return container(el, c, cc);
  };
  const container = function* (el: Element, c: Ctx, cc: UsedStyle): Step<void> {
    const d = cc.display;
    if (d.startsWith('inline-block') || d === 'inline-table' || d === 'inline-flex' || (el.name === 'table' && !d)) {
      const pad = cc.padding;
      const bw = cc.border;
      const mjCol = /\bmj-column-(per|px)-(\d+(?:-\d+)?)/.exec(el.attribs.class ?? '');
      let w = specifiedWidth(cc, width);
      if (mjCol && VIEWPORTS[st.vp].width >= 480) {
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
      const r = (yield layoutBlock(st, el, pos.top, pos.left, width, c, w)) as BlockResult;
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
    for (const ch of el.children) {
      const step = visit(ch, cc);
      if (step) yield step;
    }
    const inner = placed.slice(before);
    const pad = cc.padding;
    const bw = cc.border;
    const lh = cc.fontSize === 0 ? 0 : cc.lineHeightPx;
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
    place(st, el, box);
    placed.push(box);
    x += pad[1] + pad[3];
  };
  for (const n of nodes) {
    const step = visit(n, ctx);
    if (step) yield step;
  }
  if (!hasContent) return 0;
  return lineTop - top + (lineH || 0);
}

function imageSize(st: State, el: Element, u: UsedStyle, width: number): { w: number; h: number } {
  let w = specifiedWidth(u, width);
  let h = u.height;
  // width:100% / height:auto over width/height attributes: keep the attributes' aspect ratio.
  const aw = parseFloat(el.attribs.width ?? '');
  const ah = parseFloat(el.attribs.height ?? '');
  const sh = st.styles.cascaded(el).get('height')?.trim();
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

const layoutCache = new WeakMap<EmailDocument, Partial<Record<Viewport, State>>>();

/** The document's layout at a viewport, as far as it has run (kept per document). */
function layoutState(doc: EmailDocument, vp: Viewport): State {
  let per = layoutCache.get(doc);
  if (!per) layoutCache.set(doc, (per = {}));
  const hit = per[vp];
  if (hit) return hit;
  const st: State = { doc, vp, styles: doc.styles.resolver({ viewport: vp }), boxes: new Map(), rtl: new Map(), stack: [], value: undefined, found: false };
  const width = VIEWPORTS[vp].width;
  const root = doc.body ?? doc.htmlElement;
  st.stack.push(root ? layoutBlock(st, root, 0, 0, width, ROOT_USED) : layoutFlow(st, doc.dom.children, 0, 0, width, ROOT_USED));
  per[vp] = st;
  return st;
}

/**
 * Runs the layout until `until` (an element and its ancestors) holds a placed element, or to the
 * end. A step that throws (the time budget) ends the layout: the next ask starts it afresh.
 */
function runLayout(doc: EmailDocument, st: State, until?: Set<Element>): void {
  if (!st.stack.length) return;
  st.want = until;
  st.found = false;
  try {
    advance(st);
  } catch (e) {
    layoutCache.get(doc)![st.vp] = undefined;
    throw e;
  } finally {
    st.want = undefined;
  }
}

/** Estimated boxes of every rendered element at a viewport (cached per document). */
export function estimateLayout(doc: EmailDocument, vp: Viewport): Map<Element, Box> {
  const st = layoutState(doc, vp);
  runLayout(doc, st);
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
  const st = layoutState(doc, vp);
  const boxes = st.boxes;
  let b = placedAt(boxes, el);
  // A box is placed after the boxes inside it: once `el` or an ancestor has one, `el`'s answer is known.
  if (!b && st.stack.length) {
    const until = new Set<Element>();
    for (let n: AnyNode | null = el; n; n = n.parent) if (n.type === 'tag') until.add(n as Element);
    runLayout(doc, st, until);
    b = placedAt(boxes, el);
  }
  return b ? { ...b } : { top: 0, left: 0, width: 0, height: 0, measured: false };
}

/** The box of `el`, else of its nearest placed ancestor. */
function placedAt(boxes: ReadonlyMap<Element, Box>, el: Element): Box | undefined {
  for (let n: AnyNode | null = el; n; n = n.parent) {
    const b = n.type === 'tag' ? boxes.get(n as Element) : undefined;
    if (b) return b;
  }
  return undefined;
}
