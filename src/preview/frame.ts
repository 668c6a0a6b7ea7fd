/**
 * The email as the preview and the report show it: the render copy (src/render/page.ts, the
 * original text with `data-il` offsets, never re-serialised) in a chosen colour scheme and with
 * images on or off.
 *
 * The scheme is the template's own: `prefers-color-scheme: dark` media conditions are made
 * true (dark) or false (light) in the copy, so what shows does not depend on the viewer's own
 * system setting, and a template without dark rules looks the same in both.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import { placeholderSrc, renderCopy } from '../render/page.js';

export type Scheme = 'light' | 'dark';
export type Images = 'on' | 'off' | 'placeholder';

export interface FrameOptions {
  scheme?: Scheme;
  /** `on`: the template's own images; `off`: none (alt text shows, as in a client that blocks images); `placeholder`: labelled grey boxes of the declared size. */
  images?: Images;
  /** A `<base href>` for relative URLs, when the template has none. */
  base?: string;
}

const ALWAYS = '(min-width: 0px)';
const NEVER = '(max-width: 0px)';

/** Makes the template's colour-scheme media conditions match `scheme`. */
export function forceScheme(html: string, scheme: Scheme): string {
  return html.replace(/\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/gi, (_m, s: string) => (s.toLowerCase() === scheme ? ALWAYS : NEVER));
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A grey placeholder of the image's declared size, with its alt text (or "image") in it. */
export function labelledPlaceholder(doc: EmailDocument, img: Element): string {
  const svg = decodeURIComponent(placeholderSrc(doc, img).slice('data:image/svg+xml,'.length));
  const w = Number(/width="([\d.]+)"/.exec(svg)?.[1] ?? 300);
  const h = Number(/height="([\d.]+)"/.exec(svg)?.[1] ?? 150);
  const alt = (img.attribs.alt ?? '').trim();
  const label = alt ? alt.slice(0, 60) : 'image';
  const size = Math.max(9, Math.min(14, h / 3, w / Math.max(4, label.length * 0.6)));
  const out =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="100%" height="100%" fill="#e9ecf1"/><rect x="0.5" y="0.5" width="${Math.max(0, w - 1)}" height="${Math.max(0, h - 1)}" fill="none" stroke="#c5ccd6"/>` +
    (h >= 12 && w >= 24
      ? `<text x="50%" y="50%" dominant-baseline="middle" text-anchor="middle" font-family="Liberation Sans, Arial, sans-serif" font-size="${size.toFixed(1)}" fill="#5b6472">${xml(label)}</text>`
      : '') +
    '</svg>';
  return `data:image/svg+xml,${encodeURIComponent(out)}`;
}

/** Inserts `markup` right after the `<head>` start tag of the copy (else after `<html>`, else at the start). */
function afterHeadStart(html: string, markup: string): string {
  const m = /<head(?:\s[^>]*)?>/i.exec(html) ?? /<html(?:\s[^>]*)?>/i.exec(html);
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
    if (images === 'off') return ' src="" srcset=""';
    if (images === 'placeholder') return ` src="${labelledPlaceholder(doc, el)}" srcset=""`;
    return '';
  };
  let html = renderCopy(doc, { attrs, viewportMeta: true });
  html = forceScheme(html, opts.scheme ?? 'light');
  const hasBase = doc.renderedElements.some((e) => e.name === 'base' && e.attribs.href);
  if (opts.base && !hasBase) html = afterHeadStart(html, `<base href="${xml(opts.base)}">`);
  return html;
}
