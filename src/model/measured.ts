/**
 * Questions about a template's measured layout (a render's `doc.facts.measured`, see
 * geometry.ts MeasuredGeometry). Each answer is `undefined` when nothing was measured, so a rule
 * keeps its static estimate and says which it used. The render overlays and layout.json ask
 * the same questions with the boxes of the view they draw.
 */
import type { AnyNode, Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import type { Box, MeasuredGeometry, Viewport } from './geometry.js';
import type { Cta } from './cta/index.js';
import type { ColumnRow } from './columns.js';
import { containerWidth } from './columns.js';

export function measuredGeometry(doc: EmailDocument): MeasuredGeometry | undefined {
  return doc.facts.measured;
}

/** The element holding `node`: its parent, or for markup inside a conditional comment the comment's parent. */
function holder(doc: EmailDocument, node: AnyNode): AnyNode | null {
  if (node.parent && node.parent.type !== 'root') return node.parent;
  return doc.conditionalOf(node)?.comment.parent ?? null;
}

/**
 * The box of `el` among `boxes` (source offset → box), or of the nearest element holding it
 * that has one (an element without a layout box of its own, inside an Outlook conditional…).
 */
export function boxAmong(doc: EmailDocument, boxes: ReadonlyMap<number, Box> | undefined, el: Element): Box | undefined {
  if (!boxes) return undefined;
  for (let n: AnyNode | null = el; n; n = holder(doc, n)) {
    if (n.type !== 'tag') continue;
    const b = boxes.get((n as Element).startIndex ?? -1);
    if (b) return b;
  }
  return undefined;
}

/** The innermost element whose source span holds `offset` (the element a finding points at). */
export function elementAt(doc: EmailDocument, offset: number): Element | undefined {
  let best: Element | undefined;
  for (const el of doc.elements) {
    const s = el.startIndex ?? -1;
    if (s > offset) break;
    if (s >= 0 && (el.endIndex ?? s) >= offset) best = el;
  }
  return best;
}

/** True when at least two of `boxes` share a line: columns sitting side by side. */
export function sideBySide(boxes: readonly (Box | undefined)[]): boolean {
  const b = boxes.filter((x): x is Box => !!x && x.width > 0 && x.height > 0);
  for (let i = 0; i < b.length; i++) {
    for (let j = i + 1; j < b.length; j++) {
      const overlap = Math.min(b[i].top + b[i].height, b[j].top + b[j].height) - Math.max(b[i].top, b[j].top);
      if (overlap > 1) return true;
    }
  }
  return false;
}

export interface MeasuredRow {
  /** The columns' boxes (undefined where a column has no layout box: hidden at this width). */
  boxes: (Box | undefined)[];
  sideBySide: boolean;
}

/** How a row of columns was laid out at a viewport in the render; undefined when not measured. */
export function measuredRow(doc: EmailDocument, row: ColumnRow, vp: Viewport): MeasuredRow | undefined {
  const boxes = measuredGeometry(doc)?.viewports[vp];
  if (!boxes) return undefined;
  const cols = row.columns.map((c) => boxes.get(c.startIndex ?? -1));
  return { boxes: cols, sideBySide: sideBySide(cols) };
}

export interface SidewaysScroll {
  scrollWidth: number;
  viewportWidth: number;
  /** The widest measured element that pokes out of the viewport (what to make fluid). */
  element?: Element;
}

/** Whether the page scrolls sideways at a viewport in the render; undefined when not measured. */
export function sidewaysScroll(doc: EmailDocument, vp: Viewport, viewportWidth: number): SidewaysScroll | undefined {
  const g = measuredGeometry(doc);
  const page = g?.pages?.[vp];
  const boxes = g?.viewports[vp];
  if (!page || !boxes) return undefined;
  if (page.scrollWidth <= viewportWidth + 1) return { scrollWidth: page.scrollWidth, viewportWidth };
  let element: Element | undefined;
  let widest = 0;
  for (const el of doc.renderedElements) {
    const b = boxes.get(el.startIndex ?? -1);
    if (!b || b.left + b.width <= viewportWidth + 1 || el.name === 'html' || el.name === 'body') continue;
    // The outermost overflowing element: later (inner) ones win only when strictly wider.
    if (b.width > widest + 0.5) {
      widest = b.width;
      element = el;
    }
  }
  return { scrollWidth: page.scrollWidth, viewportWidth, element };
}

export interface ContentWidth {
  width: number;
  element: Element;
  measured: boolean;
}

/**
 * The email container's width: measured in the desktop render (the widest table, div or cell
 * box) when there is one, else the static estimate (the widest declared fixed width).
 */
export function contentWidth(doc: EmailDocument): ContentWidth | undefined {
  const boxes = measuredGeometry(doc)?.viewports.desktop;
  if (!boxes) {
    const c = containerWidth(doc);
    return c && { ...c, measured: false };
  }
  let best: ContentWidth | undefined;
  for (const el of doc.renderedElements) {
    if (el.name !== 'table' && el.name !== 'div' && el.name !== 'td') continue;
    const b = boxes.get(el.startIndex ?? -1);
    if (b && (!best || b.width > best.width + 0.5)) best = { width: b.width, element: el, measured: true };
  }
  return best;
}

export interface ImagesOffView {
  /** The CTA takes up space and is not hidden with images blocked. */
  visible: boolean;
  /** Its label can be read: live text, or alt text drawn at ≥ `minFontSize` px that fits its box. */
  readable: boolean;
  /** What is shown in place of the CTA's image: its live text (no image), an empty box (no alt text), or the alt text (at `fontSize`). */
  shows: 'live-text' | 'empty-box' | 'alt-text';
  box?: Box;
  fontSize?: number;
  textWidth?: number;
}

/** Smallest alt-text size counted as readable (px): below it a phone shows a smudge. */
export const MIN_ALT_FONT_SIZE = 9;

/**
 * How a CTA looks in the images-off render (`lint --render --images off`): whether it is still
 * there and its label legible. Undefined when no images-off render was measured.
 */
export function imagesOffView(doc: EmailDocument, cta: Cta, vp: Viewport = 'mobile'): ImagesOffView | undefined {
  const off = measuredGeometry(doc)?.imagesOff;
  const boxes = off?.viewports[vp];
  if (!off || !boxes) return undefined;
  const img = cta.image;
  if (!img) {
    const box = boxes.get(cta.labelElement.startIndex ?? -1) ?? boxes.get(cta.element.startIndex ?? -1);
    const visible = !!box && box.width > 0 && box.height > 0;
    return { visible, readable: visible, shows: 'live-text', box };
  }
  const box = boxes.get(img.startIndex ?? -1);
  const alt = off.alt[vp]?.get(img.startIndex ?? -1);
  const visible = !!box && box.width >= 1 && box.height >= 1 && (alt?.visible ?? true);
  const text = (img.attribs.alt ?? '').trim();
  if (!text) return { visible, readable: false, shows: 'empty-box', box };
  const fontSize = alt?.fontSize ?? 0;
  const textWidth = alt?.textWidth ?? 0;
  const readable = visible && fontSize >= MIN_ALT_FONT_SIZE && textWidth <= box!.width + 1 && box!.height >= fontSize;
  return { visible, readable, shows: 'alt-text', box, fontSize, textWidth };
}

/** Elements a finding about the whole document points at: the root, the head and what sits in it. */
const DOCUMENT_TAGS = new Set(['html', 'head', 'title', 'meta', 'style', 'link', 'base']);

/**
 * The element of the email a finding at `range` is about, or null when it is about the whole
 * document (`html-lang`, `viewport-meta`, `preheader-missing`…): a range at the very start, in
 * `<head>`, on the root, or on the `<body>` start tag. The innermost element holding its start,
 * else the nearest one above it with a start tag of its own (markup MJML or a conditional made).
 */
export function findingElement(doc: EmailDocument, range: { start: number; end: number }): Element | null {
  if (range.start === 0 && range.end === 0) return null;
  let el: Element | null | undefined = elementAt(doc, range.start);
  while (el && (el.startIndex == null || doc.text[el.startIndex] !== '<')) el = el.parent?.type === 'tag' ? (el.parent as Element) : null;
  if (!el || DOCUMENT_TAGS.has(el.name)) return null;
  if (el.name === 'body' && range.start === el.startIndex) return null;
  return el;
}
