/**
 * The render-only copy of a template and the safe way to put it in a page. The copy is the
 * ORIGINAL text with attributes inserted right after each start tag's name (text edits, never
 * a re-serialisation), so every rendered element can be found again by its source start
 * offset: `data-il="<offset>"`.
 */
import type { Element, Text } from 'domhandler';
import type { BrowserContext, Page } from 'playwright-core';
import type { EmailDocument } from '../model/document.js';
import { applyEdits, type TextEdit } from '../engine/edits.js';
import { templateLogicRanges } from '../model/merge-tags.js';

/** Elements whose text is not markup text a reader sees. */
const RAW_TEXT = new Set(['style', 'script', 'title', 'textarea', 'xmp']);
import { paneMediaEdits, type MediaWindow } from './pane-media.js';

export interface RenderCopyOptions {
  /** More attribute text for an element (leading space included), e.g. ` data-ogsc`. */
  attrs?: (el: Element) => string;
  /** A replacement `src` for an `<img>` (its `srcset` is emptied too); undefined keeps the image's own. */
  imageSrc?: (img: Element) => string | undefined;
  /** Add `<meta name="viewport" content="width=device-width">` when the template has none. */
  viewportMeta?: boolean;
  /** Add `<base href>` first in the head, so relative URLs resolve there (the first `<base>` wins). */
  baseHref?: string;
  /** The window media queries see when it is wider than the page (the desktop pane): see pane-media.ts. */
  mediaWindow?: MediaWindow;
}

/**
 * The px size an `<img>` declares: its used width / height (src/style/used.ts: CSS, else the
 * attribute), else the attribute's px where CSS sizes it in % or to nothing (`width:100%` over
 * `width="600"`: the drawn size is the column's, the image's own is still 600 px).
 */
function declaredPx(doc: EmailDocument, img: Element, prop: 'width' | 'height'): number | undefined {
  const used = doc.styles.used(img);
  const px = prop === 'width' ? used.width?.px : used.height;
  if (px !== undefined && px > 0) return px;
  const a = img.attribs[prop]?.trim();
  if (!a || a.endsWith('%')) return undefined;
  const n = parseFloat(a);
  return n > 0 ? n : undefined;
}

/**
 * The size an `<img>` is drawn at when its bytes are not fetched: what it declares. A size
 * nobody declared is unknown to the render too: it gets the static layout's assumption
 * (height = width / 2 from 200 px up, else square; 300×150 with neither).
 */
export function placeholderSize(doc: EmailDocument, img: Element): { width: number; height: number } {
  const aw = declaredPx(doc, img, 'width');
  const ah = declaredPx(doc, img, 'height');
  const w = aw ?? (ah !== undefined ? ah * (ah < 60 ? 1 : 2) : 300);
  const h = ah ?? (aw === undefined ? 150 : w >= 200 ? w / 2 : w);
  return { width: +w.toFixed(2), height: +h.toFixed(2) };
}

/** An SVG as a `data:` URL: not a network request, and percent-encoding keeps it valid in any quoting. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Where a `<meta name=viewport>` can go: after `<head>`, else after `<html>`, else before the first element. */
function metaInsertAt(doc: EmailDocument): number {
  const head = doc.head ?? doc.htmlElement;
  if (head && doc.text[head.startIndex ?? -1] === '<') return doc.startTagRange(head).end;
  const first = doc.renderedElements.find((e) => e.startIndex != null && doc.text[e.startIndex] === '<');
  return first?.startIndex ?? 0;
}

/** The render-only copy: ` data-il="<offset>"` (and whatever `opts` asks for) after each start tag's name. */
export function renderCopy(doc: EmailDocument, opts: RenderCopyOptions = {}): string {
  const edits: TextEdit[] = [];
  for (const el of doc.renderedElements) {
    // Elements the parser implied (no `<` at their offset) have no start tag to edit.
    if (el.startIndex == null || doc.text[el.startIndex] !== '<') continue;
    const at = el.startIndex + 1 + el.name.length;
    let text = ` data-il="${el.startIndex}"`;
    // The first of two same-named attributes wins in HTML, so these override the template's own.
    if (opts.imageSrc && el.name === 'img') {
      const src = opts.imageSrc(el);
      if (src !== undefined) text += ` src="${src}" srcset=""`;
    }
    // A refresh would navigate the page away from the copy (JavaScript off does not stop it): an
    // empty http-equiv first makes the template's own one a duplicate, which HTML ignores.
    if (el.name === 'meta' && /^\s*refresh\s*$/i.test(el.attribs['http-equiv'] ?? '')) text += ' http-equiv=""';
    if (opts.attrs) text += opts.attrs(el);
    edits.push({ range: { start: at, end: at }, text });
  }
  // Template logic ({% if %}, {{#each}}, %%[ … ]%%) renders no text: the model does not read it
  // (doc.textOf, the layout), so the render and the preview do not show it either.
  for (const el of doc.renderedElements) {
    if (RAW_TEXT.has(el.name)) continue;
    for (const c of el.children) {
      if (c.type !== 'text' || c.startIndex == null) continue;
      for (const r of templateLogicRanges((c as Text).data)) edits.push({ range: { start: c.startIndex + r.start, end: c.startIndex + r.end }, text: '' });
    }
  }
  if (opts.viewportMeta && !doc.renderedElements.some((e) => e.name === 'meta' && /^viewport$/i.test(e.attribs.name?.trim() ?? ''))) {
    const at = metaInsertAt(doc);
    edits.push({ range: { start: at, end: at }, text: '<meta name="viewport" content="width=device-width, initial-scale=1">' });
  }
  if (opts.baseHref) {
    const at = metaInsertAt(doc);
    edits.push({ range: { start: at, end: at }, text: `<base href="${opts.baseHref.replace(/"/g, '%22')}">` });
  }
  if (opts.mediaWindow) edits.push(...paneMediaEdits(doc, opts.mediaWindow));
  return applyEdits(doc.text, edits);
}

/**
 * A new page in a safe context (see browser.ts `safeContext`) holding `html`. Nothing can load
 * over the network, so `load` fires as soon as the markup is parsed and laid out.
 */
export async function openPage(context: BrowserContext, html: string, timeout = 15_000): Promise<Page> {
  const page = await context.newPage();
  try {
    page.setDefaultTimeout(timeout);
    await page.setContent(html, { waitUntil: 'load', timeout });
    return page;
  } catch (err) {
    await page.close().catch(() => undefined);
    throw err;
  }
}
