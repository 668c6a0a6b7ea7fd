/**
 * Image links (step 5 of the CTA model, see ./index.ts): does a linked image read as a button or
 * banner, and if not, why not. Decided by its words (alt, file name, class), its size and
 * whether live text already reaches its destination.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from '../document.js';
import { destinationKey, type Link } from '../links.js';
import { isSocialHref } from '../classify.js';
import { boxOf } from '../layout.js';
import { isInside } from '../../tree.js';
import { descendants, linksIn, nearest, textNodes } from './dom.js';

const IMAGE_BUTTON_STRONG = /btn|button|cta|call[-_ ]?to[-_ ]?action|banner/i;
const IMAGE_BUTTON_HINT = /hero|shop|buy|order|download|register|sign[-_ ]?up|get[-_ ]?started|book|call[-_ ]?to[-_ ]?action|learn|discover|try|start|watch|play|video/i;
const NOT_CTA_IMAGE = /logo|icon|social|facebook|twitter|instagram|linkedin|youtube|pinterest|tiktok|spacer|pixel|avatar|badge|app[-_ ]?store|google[-_ ]?play|divider/i;

const imageLinks = new WeakMap<Element, Element[] | null>();

/** The images of a link that holds images and no text, else undefined (once per element: every step asks). */
export function imagesOnly(doc: EmailDocument, a: Element): Element[] | undefined {
  let imgs = imageLinks.get(a);
  if (imgs === undefined) {
    imgs = textNodes(a).length ? null : descendants(a, (e) => e.name === 'img');
    imageLinks.set(a, imgs?.length ? imgs : null);
  }
  return imgs?.length ? imgs : undefined;
}

/** True when the linked image reads as a button or banner, else why it does not (a few words for inspect). */
export function imageReadsAsCta(doc: EmailDocument, img: Element, a: Element, href: string): true | string {
  const hint = `${img.attribs.alt ?? ''} ${img.attribs.src ?? ''} ${img.attribs.class ?? ''} ${img.attribs.title ?? ''}`;
  if (NOT_CTA_IMAGE.test(hint)) return 'a logo, icon, badge or social image';
  if (isSocialHref(href)) return 'social link';
  const box = boxOf(doc, img, 'desktop');
  const w = box.width;
  const h = box.height;
  if ((w > 0 && w < 60) || (h > 0 && h < 20)) return 'a small image (an icon)';
  const words = `${img.attribs.alt ?? ''} ${(img.attribs.src ?? '').split(/[?#]/)[0].split('/').pop()} ${img.attribs.class ?? ''}`;
  // Button artwork and banners are CTAs whatever else links to the same place.
  if (IMAGE_BUTTON_STRONG.test(words)) return true;
  // Galleries and product grids (image links side by side) are not the email's CTA.
  const row = nearest(img, ['tr']);
  if (row && row.children.filter((c) => c.type === 'tag' && descendants(c, (e) => e.name === 'img' && !!nearest(e, ['a'])).length > 0).length >= 2) return 'one of a row of image links (a gallery)';
  if (!IMAGE_BUTTON_HINT.test(words) && !(w >= 400 && h >= 40)) return 'image link without button/banner cues';
  // A hero or product photo whose destination live text also reaches is a bigger hit area
  // for that action, not a call to action of its own.
  return liveTextRoute(doc, a, href) ? 'a bigger hit area for a text link to the same place' : true;
}

/** Placeholder destinations that say nothing about where a link goes. */
const PLACEHOLDER_HREF = /^(#|javascript:void\(0\);?)?$/i;

/** The document's `<a>` links by destination key, made once per document (every image link asks). */
const linksByKey = new WeakMap<EmailDocument, Map<string, Link[]>>();
function linksTo(doc: EmailDocument, key: string): readonly Link[] {
  let byKey = linksByKey.get(doc);
  if (!byKey) {
    byKey = new Map();
    for (const l of doc.links) {
      if (l.tag !== 'a' || l.inConditional) continue;
      const k = destinationKey(l.href);
      const list = byKey.get(k);
      if (list) list.push(l);
      else byKey.set(k, [l]);
    }
    linksByKey.set(doc, byKey);
  }
  return byKey.get(key) ?? [];
}

/**
 * True when a visible live-text link reaches `href`: anywhere in the email for a real
 * destination; for a placeholder (`#`, empty) only within the image's own card (the nearest
 * few containers), since placeholders cannot be compared across the email.
 */
function liveTextRoute(doc: EmailDocument, a: Element, href: string): boolean {
  const h = href.trim();
  if (!PLACEHOLDER_HREF.test(h)) return linksTo(doc, destinationKey(h)).some((l) => l.element !== a && textNodes(l.element).length > 0 && !doc.styles.hidden(l.element, 'web'));
  let n: Element | null = a.parent && a.parent.type === 'tag' ? (a.parent as Element) : null;
  for (let depth = 0; n && depth < 6; depth++, n = n.parent && n.parent.type === 'tag' ? (n.parent as Element) : null) {
    if (doc.textOf(n).length > 600) return false;
    const links = linksIn(n);
    if (links.some((e) => e !== a && (e.attribs.href ?? '').trim() === h && textNodes(e).length > 0)) return true;
  }
  return false;
}

/** True when `x` and `a` sit in one card: a container of at most 600 characters of text, at most twelve levels above `a` (MJML nests each image in two tables). */
export function sameCard(doc: EmailDocument, x: Element, a: Element): boolean {
  let n: Element | null = a.parent && a.parent.type === 'tag' ? (a.parent as Element) : null;
  for (let depth = 0; n && depth < 12; depth++, n = n.parent && n.parent.type === 'tag' ? (n.parent as Element) : null) {
    if (doc.textOf(n).length > 600) return false;
    if (isInside(x, n)) return true;
  }
  return false;
}
