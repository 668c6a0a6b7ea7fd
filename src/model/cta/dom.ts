/**
 * The tree questions the CTA steps ask of a link: the container around it, the elements and
 * text nodes inside one, the line it sits on. Walks are iterative (tree depth costs no call
 * stack) and answers asked once per link of a container are kept per element.
 */
import type { Element, AnyNode, Text } from 'domhandler';
import type { EmailDocument } from '../document.js';
import type { Range } from '../location.js';
import { walk } from '../../tree.js';
import { withoutTemplateLogic } from '../merge-tags.js';

/** The nearest ancestor of `el` named one of `names`. */
export function nearest(el: Element, names: readonly string[]): Element | undefined {
  for (let n = el.parent; n; n = n.parent) if (n.type === 'tag' && names.includes((n as Element).name)) return n as Element;
  return undefined;
}

/** The elements under `el` (not `el` itself) that `pred` accepts, in source order. */
export function descendants(el: AnyNode, pred: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  walk(el, (n) => {
    if (n !== el && n.type === 'tag' && pred(n as Element)) out.push(n as Element);
  });
  return out;
}

const isLinkEl = (e: Element) => e.name === 'a' && e.attribs.href !== undefined;

const links = new WeakMap<AnyNode, Element[]>();
/** The `<a href>` elements under `el`, once per element (a row or card is asked about once per link in it). Do not modify. */
export function linksIn(el: AnyNode): readonly Element[] {
  let l = links.get(el);
  if (!l) links.set(el, (l = descendants(el, isLinkEl)));
  return l;
}

const media = new WeakMap<AnyNode, { images: boolean; headings: boolean }>();
/** Whether `el` holds an image, a heading (`<h1>`–`<h6>`), once per element. */
export function mediaIn(el: AnyNode): { images: boolean; headings: boolean } {
  let m = media.get(el);
  if (!m) {
    m = { images: false, headings: false };
    for (const e of descendants(el, (x) => x.name === 'img' || /^h[1-6]$/.test(x.name))) {
      if (e.name === 'img') m.images = true;
      else m.headings = true;
    }
    media.set(el, m);
  }
  return m;
}

const BLANK = /[\s\u00a0\u200b-\u200d\ufeff]+/g;

/** Non-whitespace text nodes under `el` (style/script skipped). */
export function textNodes(el: AnyNode): Text[] {
  const out: Text[] = [];
  walk(el, (n) => {
    if (n === el) return;
    if (n.type === 'text') {
      // Template logic ({% if %}, {{#each}}) prints nothing: a link holding only that and an image is an image link.
      if (withoutTemplateLogic((n as Text).data).replace(BLANK, '')) out.push(n as Text);
      return false;
    }
    return n.type === 'tag' ? undefined : false;
  });
  return out;
}

/** The source range of the label text when it is one text node (ASCII whitespace trimmed). */
export function labelRangeOf(doc: EmailDocument, el: AnyNode): Range | undefined {
  const nodes = textNodes(el);
  if (nodes.length !== 1) return undefined;
  const n = nodes[0];
  let start = n.startIndex ?? 0;
  let end = (n.endIndex ?? start) + 1;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** Text without arrows and with whitespace collapsed: how two labels or lines are compared. */
export const strip = (t: string) => t.replace(/[→»›>]+/g, '').replace(/\s+/g, ' ').trim();
const strippedCache = new WeakMap<Element, string>();
/** `strip(doc.textOf(e))`, once per element (a card's container is asked about once per link in it). */
export function strippedText(doc: EmailDocument, e: Element): string {
  let t = strippedCache.get(e);
  if (t === undefined) strippedCache.set(e, (t = strip(doc.textOf(e))));
  return t;
}
const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 'span', 'font', 'small', 'big', 'sup', 'sub', 'mark', 'code']);
export const BLOCKS = ['p', 'td', 'th', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'blockquote'];

export interface Line {
  before: string;
  own: string;
  after: string;
}
const lineOf = new WeakMap<Element, Line | null>();

/** The line `a` sits on: its block's inline content between the `<br>`s around it, split at the link's own inline wrapper (once per element). */
export function lineAround(doc: EmailDocument, a: Element): Line | undefined {
  let l = lineOf.get(a);
  if (l === undefined) lineOf.set(a, (l = computeLine(doc, a) ?? null));
  return l ?? undefined;
}

const childIndex = new WeakMap<AnyNode, Map<AnyNode, number>>();
/** The position of `child` among `parent`'s children (a map per parent: a block with many links asks once per link). */
function indexIn(parent: AnyNode & { children: AnyNode[] }, child: AnyNode): number {
  let m = childIndex.get(parent);
  if (!m) childIndex.set(parent, (m = new Map(parent.children.map((c, i) => [c, i]))));
  return m.get(child) ?? -1;
}

function computeLine(doc: EmailDocument, a: Element): Line | undefined {
  let child: Element = a;
  while (child.parent && child.parent.type === 'tag' && INLINE.has((child.parent as Element).name)) child = child.parent as Element;
  const block = child.parent;
  if (!block || !('children' in block)) return undefined;
  const kids = block.children;
  const i = indexIn(block, child);
  const isBreak = (n: AnyNode) => n.type === 'tag' && ((n as Element).name === 'br' || !INLINE.has((n as Element).name));
  let from = i;
  while (from > 0 && !isBreak(kids[from - 1])) from--;
  let to = i;
  while (to < kids.length - 1 && !isBreak(kids[to + 1])) to++;
  const join = (ns: AnyNode[]) =>
    ns
      .map((n) => (n.type === 'text' ? withoutTemplateLogic((n as Text).data) : doc.textOf(n)))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  return { before: join(kids.slice(from, i)), own: doc.textOf(child), after: join(kids.slice(i + 1, to + 1)) };
}

/** The text of the line `a` sits on. */
export function lineText(doc: EmailDocument, a: Element): string | undefined {
  const l = lineAround(doc, a);
  return l && [l.before, l.own, l.after].filter(Boolean).join(' ');
}

/** The computed font size when the template sets one (on the link or an ancestor), else undefined. */
export function effectiveFontSize(doc: EmailDocument, el: Element): number | undefined {
  const s = doc.styles.computed(el);
  return s.fontSizeOrigin ? s.fontSize : undefined;
}
