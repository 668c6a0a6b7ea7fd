/**
 * The email as the preview shows it: the render copy (src/render/page.ts, the
 * original text with `data-il` offsets, never re-serialised) in a chosen colour scheme and with
 * images on or off.
 *
 * The scheme is the template's own: `prefers-color-scheme: dark` media conditions are made
 * true (dark) or false (light) in the copy, so what shows does not depend on the viewer's own
 * system setting, and a template without dark rules looks the same in both.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import { renderCopy } from '../render/page.js';
import { mediaWindowOf } from '../render/pane-media.js';
import type { Viewport } from '../model/geometry.js';

export type Scheme = 'light' | 'dark';
export type Images = 'on' | 'off';

export interface FrameOptions {
  scheme?: Scheme;
  /** `on`: the template's own images; `off`: none (alt text shows, as in a client that blocks images). */
  images?: Images;
  /** A `<base href>` for relative URLs, when the template has none. */
  base?: string;
  /** The view: the desktop pane's copy answers media queries for the wider window, as the render's does (pane-media.ts). */
  viewport?: Viewport;
}

const ALWAYS = '(min-width: 0px)';
const NEVER = '(max-width: 0px)';

/** Makes the template's colour-scheme media conditions match `scheme`. */
export function forceScheme(html: string, scheme: Scheme): string {
  return html.replace(/\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/gi, (_m, s: string) => (s.toLowerCase() === scheme ? ALWAYS : NEVER));
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Inserts `markup` right after the `<head>` start tag of the copy (else after `<html>`, else at the start). */
function afterHeadStart(html: string, markup: string): string {
  const m = /<head(?:\s[^<>]*)?>/i.exec(html) ?? /<html(?:\s[^<>]*)?>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + markup + html.slice(m.index + m[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + markup + html.slice(at);
}

/** The HTML of the email for a view. */
export function frameHtml(doc: EmailDocument, opts: FrameOptions = {}): string {
  const images = opts.images ?? 'on';
  const attrs = (el: Element): string => {
    if (el.name !== 'img') return '';
    return images === 'off' ? ' src="" srcset=""' : '';
  };
  let html = renderCopy(doc, { attrs, viewportMeta: true, mediaWindow: mediaWindowOf(opts.viewport) });
  html = forceScheme(html, opts.scheme ?? 'light');
  const hasBase = doc.renderedElements.some((e) => e.name === 'base' && e.attribs.href);
  if (opts.base && !hasBase) html = afterHeadStart(html, `<base href="${xml(opts.base)}">`);
  return html;
}
