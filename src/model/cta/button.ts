/**
 * Is a link styled as a button (steps 3 and 4 of the CTA model, see ./index.ts): `buttonStyle()`
 * is THE answer, read by the CTA model, the contrast rules and inspect. Navigation rows
 * (`inNavigation`) are decided here too: their links are buttons only when they paint a fill.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from '../document.js';
import { parseLength } from '../../css/declarations.js';
import { toHex } from '../../css/color.js';
import { lineText, linksIn, nearest, strip } from './dom.js';
import { imagesOnly } from './image.js';
import { walk } from '../../tree.js';

const BUTTON_CLASS = /(^|[\s_-])(btn|button|cta|call-to-action)([\s_-]|\d|$)/i;

type Style = ReadonlyMap<string, string>;

/** The fill an element paints that differs from what is behind it, as `#rrggbb` (the style service decides). */
function ownFill(doc: EmailDocument, el: Element): string | null {
  const f = doc.styles.distinctFill(el);
  return f ? toHex(f) : null;
}

function hasVisibleBorder(doc: EmailDocument, el: Element, style: Style): boolean {
  if (!doc.styles.used(el).border.some((w) => w >= 1)) return false;
  const v = [style.get('border'), style.get('border-color'), style.get('border-style')].join(' ');
  return !/transparent|\bnone\b|hidden/i.test(v);
}

/** Short link text: a navigation item ("Shop", "About us"), at most 25 characters and three words. */
function isShort(doc: EmailDocument, e: Element): boolean {
  const t = doc.textOf(e);
  return t.length > 0 && t.length <= 25 && t.split(' ').length <= 3;
}

/** Per container (a block or a table row): does it read as a navigation row. Its links all ask, so it is decided once. */
const navContainers = new WeakMap<Element, boolean>();
function navContainer(doc: EmailDocument, el: Element, decide: (doc: EmailDocument, el: Element) => boolean): boolean {
  let v = navContainers.get(el);
  if (v === undefined) navContainers.set(el, (v = decide(doc, el)));
  return v;
}

/** A block of 3+ short links whose text is most of the block's. */
function navBlock(doc: EmailDocument, block: Element): boolean {
  const links = linksIn(block);
  if (links.length >= 3 && links.every((l) => isShort(doc, l) || doc.textOf(l) === '')) {
    const linkText = links.reduce((s, l) => s + doc.textOf(l).length, 0);
    const all = doc.textOf(block).replace(/[|•·\s]/g, '').length;
    if (linkText >= all * 0.6) return true;
  }
  return false;
}

/** A table row of 3+ cells each holding one short link and little else (separator cells aside). */
function navRow(doc: EmailDocument, tr: Element): boolean {
  const cells = tr.children.filter((c) => c.type === 'tag' && ['td', 'th'].includes((c as Element).name)) as Element[];
  const withLink = new Set(
    cells.filter((c) => {
      const ls = linksIn(c);
      return ls.length === 1 && isShort(doc, ls[0]) && doc.textOf(c).length <= doc.textOf(ls[0]).length + 3;
    }),
  );
  return withLink.size >= 3 && cells.every((c) => withLink.has(c) || doc.textOf(c).replace(/[|•·\s]/g, '') === '');
}

/** Navigation: the link sits with 2+ other short links in one block or one table row, and little else. */
export function inNavigation(doc: EmailDocument, a: Element): boolean {
  if (!isShort(doc, a) && doc.textOf(a) !== '') return false;
  const block = nearest(a, ['td', 'th', 'p', 'div', 'li', 'ul', 'nav']);
  if (block && navContainer(doc, block, navBlock)) return true;
  const tr = nearest(a, ['tr']);
  return !!tr && navContainer(doc, tr, navRow);
}

/** How a link is styled as a button, if it is: the element painting it, its prominence and why. */
export interface ButtonStyle {
  element: Element;
  /** 3: a filled button; 2: outline, padding-only or class-only. */
  prominence: number;
  reason: string;
}

/**
 * Whether `<a>` is styled as a button (steps 3 and 4 above): THE answer to "is it a button",
 * read by the CTA model, the contrast rules and inspect.
 */
export function buttonStyle(doc: EmailDocument, a: Element): ButtonStyle | undefined {
  // Asked by the CTA model and again by the contrast rules for every link: decided once per element.
  if (buttonStyles.has(a)) return buttonStyles.get(a) ?? undefined;
  const b = decideButtonStyle(doc, a);
  buttonStyles.set(a, b ?? null);
  return b;
}

/** The cells of a table, its nested tables' included. */
function cellCount(table: Element): number {
  let n = 0;
  walk(table, (x) => {
    if (x.type === 'tag' && ((x as Element).name === 'td' || (x as Element).name === 'th')) n++;
    return undefined;
  });
  return n;
}

/** Each `<a>`'s button style (null: none); an element belongs to one document, whose styles do not change. */
const buttonStyles = new WeakMap<Element, ButtonStyle | null>();

function decideButtonStyle(doc: EmailDocument, a: Element): ButtonStyle | undefined {
  const style = doc.styles.cascaded(a);
  const text = doc.textOf(a);
  const imgs = imagesOnly(doc, a);
  // Table button: a filled / bordered cell around exactly one link and nothing else, when the
  // link paints no fill of its own (a filled link in a filled card cell is the button itself).
  const td = nearest(a, ['td', 'th']);
  const fill = ownFill(doc, a);
  if (td && !imgs && !fill) {
    const links = linksIn(td);
    if (links.length === 1 && doc.textOf(td) === text && text) {
      const tdStyle = doc.styles.cascaded(td);
      const tdFill = ownFill(doc, td);
      const cls = BUTTON_CLASS.test(td.attribs.class ?? '');
      const pad = doc.styles.used(td).padding;
      const bordered = hasVisibleBorder(doc, td, tdStyle) && (pad[0] > 0 || pad[1] > 0);
      if (tdFill) return { element: td, prominence: 3, reason: `table button: <td> filled ${tdFill} around one link` };
      if (bordered || cls) return { element: td, prominence: 2, reason: cls ? 'table button: <td> with a button class' : 'table button: bordered, padded <td> around one link' };
      // The fill on a one-cell table around that cell (Mailchimp's `<table class="templateButton"
      // cellpadding="15">` painted from the style sheet); not a header or layout table.
      const table = nearest(td, ['table']);
      const tableFill = table && linksIn(table).length === 1 && doc.textOf(table) === text && cellCount(table) === 1 ? ownFill(doc, table) : undefined;
      if (table && tableFill) return { element: table, prominence: 3, reason: `table button: <table> filled ${tableFill} around one link` };
    }
  }
  const { padding: pad, border: bw } = doc.styles.used(a);
  const display = style.get('display')?.trim().toLowerCase() ?? '';
  const blockish = display.startsWith('inline-block') || display === 'block' || display === 'table' || display === 'inline-table';
  const border = hasVisibleBorder(doc, a, style);
  const cls = BUTTON_CLASS.test(a.attribs.class ?? '') || BUTTON_CLASS.test(nearest(a, ['table'])?.attribs.class ?? '') && (!!td && linksIn(td).length === 1 && doc.textOf(td) === text);
  if (imgs) return undefined;
  if (!text) return undefined;
  // A highlighted word inside a sentence (a filled or coloured <a> in running text, without the
  // padding or block display of a button) is emphasis, not a call to action (WCAG 2.5.8 exempts
  // such inline targets from target size too).
  const inSentence = !blockish && !pad.some((p) => p >= 6) && strip(lineText(doc, a) ?? text) !== strip(text);
  if (inSentence && !cls) return undefined;
  if (fill && (pad.some((p) => p >= 2) || blockish || border || (parseLength(style.get('line-height')) ?? 0) >= 24 || BUTTON_CLASS.test(a.attribs.class ?? '') || text.length <= 40)) {
    return { element: a, prominence: 3, reason: `styled link: background ${fill}` };
  }
  const nav = inNavigation(doc, a);
  if (nav) return undefined;
  if (border && (pad.some((p) => p >= 4) || blockish || bw.some((w) => w >= 6))) {
    return { element: a, prominence: 2, reason: 'styled link: border and padding (outline button)' };
  }
  if (blockish && pad[0] + pad[2] >= 12 && pad[1] + pad[3] >= 20) {
    return { element: a, prominence: 2, reason: `styled link: display:${display} with padding` };
  }
  if (cls) return { element: a, prominence: 2, reason: 'link with a button class' };
  return undefined;
}
