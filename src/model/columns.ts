/**
 * Columns and container width: which side-by-side columns will not stack on a phone.
 *
 * Heuristic (email-guidance §7, after MJML's 480 px breakpoint and Cerberus' stack-column and
 * hybrid patterns): a row is a set of ≥2 side-by-side siblings — `<td>`/`<th>` cells of one
 * `<tr>`, or `inline-block`/`float` elements of one parent — whose widths (px, or % of the
 * container) add up to more than the mobile breakpoint. Such a row stacks when
 *   - the cascade at the 375 px phone width (src/style) gives a column or the row `display:block`,
 *     `width:100%` or `float:none` that it does not have in the 600 px pane: a media query
 *     (responsive; not in Gmail app non-Google accounts or Outlook), or
 *   - the columns are hybrid: `display:inline-block` with a `max-width` (they wrap on their own),
 *     or MJML's mobile-first columns (`width:100%` until a `min-width` media query widens them).
 * MJML `mj-group` columns keep their percentage widths on mobile: they never stack.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import { parseLength } from '../css/declarations.js';
import type { Range } from './location.js';
import { checkDeadline } from '../deadline.js';

export interface ColumnRow {
  /** The element holding the columns (`<tr>` or the parent of the inline-blocks). */
  container: Element;
  columns: Element[];
  /** Sum of the columns' widths in px (percentages of the container width). */
  totalWidth: number;
  /** How the row adapts on mobile. */
  stacking: 'none' | 'media-query' | 'hybrid';
  range: Range;
}

export interface MediaRule {
  /** The media query text, e.g. `only screen and (max-width: 480px)`. */
  media: string;
  selectors: string[];
  declarations: ReadonlyArray<{ property: string; value: string }>;
}

/** Rules inside `@media` blocks of the document's `<style>` elements. */
export function mediaRules(doc: EmailDocument): MediaRule[] {
  return doc.styles.rules
    .filter((r) => r.media.length > 0)
    .map((r) => ({ media: r.media.join(' and '), selectors: r.selectorText.split(',').map((x) => x.trim()).filter(Boolean), declarations: r.declarations }));
}

/** Declarations that take a column out of its row: `display:block`, `width:100%`, `float:none`. */
function stackingStyle(s: ReadonlyMap<string, string>): string {
  const d = s.get('display')?.trim().toLowerCase() ?? '';
  const block = /block|flex|list-item|grid/.test(d) && !/inline/.test(d) ? 'block' : '';
  const full = /^100%/.test(s.get('width')?.trim() ?? '') ? 'full' : '';
  const nofloat = /^none/i.test(s.get('float')?.trim() ?? '') ? 'nofloat' : '';
  return `${block} ${full} ${nofloat}`.trim();
}

/**
 * True when side-by-side columns (or their row) stack at the 375 px phone width: the phone's
 * cascade gives them a stacking declaration that the 600 px pane's does not. The static layout
 * asks this too, so the layout and mobile-single-column agree.
 */
export function columnStacks(doc: EmailDocument, columns: readonly Element[], row?: Element): boolean {
  const styles = doc.styles;
  if (!styles.differsOnPhone()) return false;
  const changes = (el: Element) => {
    const phone = stackingStyle(styles.cascaded(el, { viewport: 'mobile' }));
    return phone !== '' && phone !== stackingStyle(styles.cascaded(el, { viewport: 'desktop' }));
  };
  return columns.some(changes) || (!!row && changes(row));
}

/** The width of the outer container (px): the widest fixed width among the top-level layout elements. */
export function containerWidth(doc: EmailDocument): { width: number; element: Element } | undefined {
  let best: { width: number; element: Element } | undefined;
  for (const el of doc.renderedElements) {
    if (el.name !== 'table' && el.name !== 'div' && el.name !== 'td') continue;
    const w = fixedWidth(doc, el, 0);
    if (w === undefined) continue;
    if (!best || w > best.width) best = { width: w, element: el };
  }
  return best;
}

/** A fixed px width from the `width` attribute or inline `width`/`max-width` (percent resolved against `of`). */
function fixedWidth(doc: EmailDocument, el: Element, of: number): number | undefined {
  const s = doc.styles.cascaded(el);
  const cssW = s.get('width');
  const attrW = el.attribs.width;
  let w = cssW !== undefined ? parseLength(cssW, 16, of || undefined) : undefined;
  if (w === undefined && attrW !== undefined) w = parseLength(attrW, 16, of || undefined);
  const max = parseLength(s.get('max-width'), 16, of || undefined);
  if (w !== undefined && max !== undefined) w = Math.min(w, max);
  if (w === undefined && max !== undefined) w = max;
  return w !== undefined && w > 0 ? w : undefined;
}

/** At least two element children (a row of columns needs two). */
function twoTagChildren(el: Element): boolean {
  let n = 0;
  for (const c of el.children) if (c.type === 'tag' && ++n === 2) return true;
  return false;
}

function isHybrid(doc: EmailDocument, el: Element): boolean {
  const s = doc.styles.cascaded(el);
  const display = s.get('display') ?? '';
  if (!/inline-block/i.test(display)) return false;
  // Cerberus hybrid: inline-block + max-width (+ width:100% / min-width); MJML mobile-first: width:100%.
  return s.has('max-width') || /^100%$/.test((s.get('width') ?? '').trim());
}

function isColumnCandidate(doc: EmailDocument, el: Element): boolean {
  if (doc.styles.hidden(el) || doc.styles.concealed(el)) return false;
  return doc.textOf(el).length > 0 || el.children.some((c) => c.type === 'tag');
}

/** Rows of side-by-side columns in the rendered (non-Outlook) markup. */
export function columnRows(doc: EmailDocument): ColumnRow[] {
  const rows: ColumnRow[] = [];
  const seen = new Set<Element>();
  for (const el of doc.renderedElements) {
    checkDeadline();
    let cols: Element[] = [];
    if (!twoTagChildren(el)) continue;
    if (el.name === 'tr') {
      cols = el.children.filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'));
    } else {
      cols = el.children.filter((c): c is Element => {
        if (c.type !== 'tag') return false;
        const s = doc.styles.cascaded(c);
        return /inline-block/i.test(s.get('display') ?? '') || /^(left|right)$/i.test((s.get('float') ?? '').trim());
      });
    }
    if (cols.length < 2) continue; // the filters below only remove columns
    // Percentage columns are fluid: they shrink with the screen (MJML mj-group is handled by its rule).
    // Widths first: one fluid column with content rules the row out before the others are asked whether they render.
    let widths = cols.map((c) => fixedWidth(doc, c, 0));
    if (widths.filter((w) => (w ?? 0) >= 80).length < 2) continue; // fewer than two substantive columns (below)
    if (cols.some((c, i) => widths[i] === undefined && isColumnCandidate(doc, c))) continue;
    const kept = cols.map((c, i) => (widths[i] !== undefined && isColumnCandidate(doc, c) ? i : -1)).filter((i) => i >= 0);
    cols = kept.map((i) => cols[i]!);
    widths = kept.map((i) => widths[i]);
    if (cols.length < 2 || seen.has(el)) continue;
    seen.add(el);
    // Columns must hold content (not a single spacer cell).
    const substantive = cols.filter((c, i) => (widths[i] ?? 0) >= 80 && doc.textOf(c).length + c.children.length > 0);
    if (substantive.length < 2) continue;
    const total = widths.reduce((a: number, w) => a + (w ?? 0), 0);
    let stacking: ColumnRow['stacking'] = 'none';
    if (cols.some((c) => isHybrid(doc, c))) stacking = 'hybrid';
    else if (columnStacks(doc, cols, el)) stacking = 'media-query';
    rows.push({ container: el, columns: cols, totalWidth: total, stacking, range: doc.startTagRange(el) });
  }
  return rows;
}
