/**
 * The footer, found by structure: the trailing block of the email that holds its unsubscribe or
 * preferences link (however worded: the link's role comes from its destination or ESP tag too),
 * the © line or a block marked footer/legal, with nothing after it but more of the same.
 * A link to the home page named as the masthead logo is (the brand repeated under the last
 * content block) marks it too, and so does one labelled only by the sender's name tag
 * (`{shop_name}`), alone on its line below most of the text.
 * The ONE answer to "is this the footer", read by the CTA model (cta/) and min-font-size.
 *
 * How: every anchor (unsubscribe / preferences link, an ESP's unsubscribe tag or element, ©, a
 * `footer`/`legal` class or id) is climbed to the largest container holding little text (at most
 * `footerLimit` characters) and no filled button or main heading; the first anchor, in source
 * order, whose container is followed by little enough text to the end of the email starts the
 * footer, which runs to the end. Wording (the lexicon's footer and unsubscribe words, in the
 * email's language and English) backs the structure up where a
 * legal block has no anchor of its own.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import type { EmailDocument } from './document.js';
import { walk } from '../tree.js';
import { withoutTemplateLogic } from './merge-tags.js';
import { roleWordsMatch } from './lexicon/index.js';
import { documentLanguage } from './language.js';
import { isHomeHref, isSenderNameTag } from './classify.js';

export interface Footer {
  /** The container where the footer starts. */
  element: Element;
  /** Source offsets: from the container's start to the end of the document. */
  start: number;
  end: number;
  /** The elements that marked it (the unsubscribe link, the © line, …). */
  anchors: Element[];
}

const LINE_BLOCKS = new Set(['p', 'td', 'th', 'div', 'li', 'center', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'body']);
/** Class or id names of footer and legal blocks (read loosely: any part of a name). */
const FOOTER_HINT = /footer|legal|disclaimer|copyright|unsubscribe|fineprint|fine-print|small-print/i;
/** A sender's address marker that reads the same in most languages' footers. */
const ADDRESS_MARK = /\bsuite \d|\bp\.?o\.? box\b/i;
const COPYRIGHT = /©|&copy;|\(c\)\s*\d{4}|\bcopyright\b/i;
const visibleLength = (s: string) => withoutTemplateLogic(s).replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, '').length;

/** Most characters of text the footer may hold: a third of the email (at least 300, at most 1,200), and never more than half of it. */
function footerLimit(total: number): number {
  return Math.min(Math.max(300, Math.min(1200, Math.round(total * 0.35))), Math.floor(total / 2));
}

/** A class or id that names a footer block: a token that starts with the word (`footer`, `email-footer`, `legal-text`), not `purchase_footer`. */
const FOOTER_CLASS = /(^|\s)([a-z0-9]+-)?(footer|legal|disclaimer|copyright|unsubscribe|fine-?print|small-print)/i;

export function findFooter(doc: EmailDocument): Footer | undefined {
  const body = doc.body ?? doc.dom;
  // Text nodes in source order with their visible lengths, for "how much text follows this offset".
  const starts: number[] = [];
  const lengths: number[] = [];
  const anchors = new Set<Element>();
  // The masthead logo's name: the alt of the first image, when no text but the preheader comes before it.
  let logoName: string | undefined;
  const preheader = doc.preheaderElement;
  const preheaderChars = preheader ? visibleLength(doc.textOf(preheader)) : 0;
  walk(body, (n: AnyNode) => {
    if (n.type === 'tag') {
      const e = n as Element;
      if (e.name === 'style' || e.name === 'script' || e.name === 'title') return false;
      if (doc.conditionalOf(e)) return false;
      if (e.name === 'img' && logoName === undefined) logoName = lengths.reduce((a, b) => a + b, 0) > preheaderChars ? '' : (e.attribs.alt ?? '').trim().toLowerCase();
      if (FOOTER_CLASS.test(e.attribs.class ?? '') || FOOTER_CLASS.test(e.attribs.id ?? '')) anchors.add(e);
    } else if (n.type === 'text') {
      const t = (n as Text).data;
      const len = visibleLength(t);
      if (!len) return undefined;
      starts.push(n.startIndex ?? 0);
      lengths.push(len);
      if (COPYRIGHT.test(t) && n.parent?.type === 'tag') anchors.add(n.parent as Element);
    }
    return undefined;
  });
  for (const l of doc.links) if ((l.role === 'unsubscribe' || l.role === 'preferences') && l.tag === 'a' && !l.inConditional) anchors.add(l.element);
  for (const l of doc.espLinks) if (l.role !== 'view-online') anchors.add(l.element);
  // The closing brand: a link to the sender's home page named as the masthead logo is
  // (gov.cy's last block repeats "gov.cy" → https://gov.cy): a signature, not content.
  if (logoName) for (const l of doc.links) if (l.tag === 'a' && !l.inConditional && isHomeHref(l.href, l.mergeTags) && doc.textOf(l.element).trim().toLowerCase() === logoName) anchors.add(l.element);

  const total = lengths.reduce((a, b) => a + b, 0);
  const limit = footerLimit(total);
  // suffix[i]: visible characters in text nodes i.. to the end.
  const suffix = new Array<number>(lengths.length + 1).fill(0);
  for (let i = lengths.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + lengths[i];
  const textFrom = (offset: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return suffix[lo];
  };
  // The closing signature: a link to the sender's home page labelled only by the sender's name
  // (PrestaShop's `<a href="{shop_url}">{shop_name}</a>` above "Powered by PrestaShop"), alone on
  // its line, with most of the email's text before it.
  for (const l of doc.links) {
    if (l.tag !== 'a' || l.inConditional || !isHomeHref(l.href, l.mergeTags) || !isSenderNameTag(doc.textOf(l.element))) continue;
    let line: AnyNode | null = l.element.parent;
    while (line && line.type === 'tag' && !LINE_BLOCKS.has((line as Element).name)) line = line.parent;
    const alone = !!line && line.type === 'tag' && doc.textOf(line as Element).trim() === doc.textOf(l.element).trim();
    if (alone && textFrom(l.element.startIndex ?? 0) * 2 < total) anchors.add(l.element);
  }
  if (!anchors.size) return undefined;
  const textIn = (e: Element): number => textFrom(e.startIndex ?? 0) - textFrom((e.endIndex ?? 0) + 1);
  const holdsMainContent = (e: Element): boolean => {
    let found = false;
    walk(e, (n) => {
      if (found || n.type !== 'tag') return found ? false : undefined;
      const x = n as Element;
      if (x.name === 'h1' || x.name === 'h2') found = true;
      else if (x.name === 'a' && x.attribs.href !== undefined && doc.styles.distinctFill(x)) found = true;
      else if ((x.name === 'td' || x.name === 'th') && doc.styles.distinctFill(x) && x.children.some((c) => c.type === 'tag' && (c as Element).name === 'a')) found = true;
      return found ? false : undefined;
    });
    return found;
  };

  const roleLinks = new Set(doc.links.filter((l) => l.role).map((l) => l.element));
  // A link on the anchor's line before it that is no role link ("View the comment or Manage
  // notifications"): the line is the email's action, and the footer starts at the anchor.
  const sharesLineWithAction = (anchor: Element): boolean => {
    if (anchor.name !== 'a') return false;
    let line: AnyNode | null = anchor.parent;
    while (line && line.type === 'tag' && !LINE_BLOCKS.has((line as Element).name)) line = line.parent;
    if (!line || line.type !== 'tag') return false;
    let found = false;
    walk(line, (n) => {
      if (found || n === anchor) return false;
      if (n.type === 'tag' && (n as Element).name === 'a' && (n.startIndex ?? 0) < (anchor.startIndex ?? 0) && !roleLinks.has(n as Element) && (n as Element).attribs.href !== undefined) found = true;
      return undefined;
    });
    return found;
  };

  const sorted = [...anchors].sort((a, b) => (a.startIndex ?? 0) - (b.startIndex ?? 0));
  for (const anchor of sorted) {
    if (textFrom(anchor.startIndex ?? 0) > limit) continue;
    let block = anchor;
    if (sharesLineWithAction(anchor)) return { element: anchor, start: anchor.startIndex ?? 0, end: doc.text.length, anchors: sorted.filter((a) => (a.startIndex ?? 0) >= (anchor.startIndex ?? 0)) };
    for (let p = anchor.parent; p && p.type === 'tag'; p = p.parent) {
      const e = p as Element;
      if (e === body || e.name === 'body' || e.name === 'html') break;
      if (textIn(e) > limit || textFrom(e.startIndex ?? 0) > limit || holdsMainContent(e)) break;
      block = e;
    }
    if (block !== anchor || !holdsMainContent(anchor)) {
      return { element: block, start: block.startIndex ?? 0, end: doc.text.length, anchors: sorted.filter((a) => (a.startIndex ?? 0) >= (block.startIndex ?? 0)) };
    }
  }
  return undefined;
}

const textLengths = new WeakMap<EmailDocument, number>();

/** Visible characters of the email's text (template logic left out), computed once per document. */
function visibleTextLength(doc: EmailDocument): number {
  let n = textLengths.get(doc);
  if (n === undefined) textLengths.set(doc, (n = visibleLength(doc.textOf(doc.body ?? doc.dom))));
  return n;
}

/** True when `el` lies in the email's footer (doc.footer). */
function inFooter(doc: EmailDocument, el: Element): boolean {
  const f = doc.footer;
  const at = el.startIndex ?? -1;
  return !!f && at >= f.start && at < f.end;
}

/** Per element: it or an ancestor has a footer/legal class or id (asked once per text run: kept). */
const hinted = new WeakMap<Element, boolean>();

function inHintedBlock(el: Element): boolean {
  // Climbs to the first element already known (iteratively: trees can nest deeply), then fills the path.
  const path: Element[] = [];
  let known = false;
  for (let n: AnyNode | null = el; n && n.type === 'tag'; n = n.parent) {
    const e = n as Element;
    const h = hinted.get(e);
    if (h !== undefined) {
      known = h;
      break;
    }
    path.push(e);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const e = path[i];
    known ||= FOOTER_HINT.test(e.attribs.class ?? '') || FOOTER_HINT.test(e.attribs.id ?? '');
    hinted.set(e, known);
  }
  return known;
}

/**
 * Whether text in `el` is footer text: `el` lies in the structural footer, sits in a block marked
 * footer/legal by class or id, or `text` (its own, or a small block's around it, at most
 * `maxBlock` characters) reads as legal wording: ©, unsubscribe wording or a postal-address mark
 * anywhere; the lexicon's legal phrases only in text no longer than a footer of this email may be
 * (the footer limit above) when no `maxBlock` bounds it — "The following message was sent to
 * you via the contact form" is the main copy of a short mail, not its small print.
 */
export function isFooterText(doc: EmailDocument, el: Element, text: string, maxBlock?: number): boolean {
  if (inFooter(doc, el) || inHintedBlock(el)) return true;
  if (maxBlock !== undefined && text.length > maxBlock) return false;
  const lang = documentLanguage(doc).lang;
  if (COPYRIGHT.test(text) || roleWordsMatch(text, 'unsubscribe', lang) || ADDRESS_MARK.test(text)) return true;
  // Legal phrases alone ("sent to", "privacy policy") in text longer than a footer may be are
  // the main copy talking, not small print.
  if (maxBlock === undefined && visibleLength(text) > footerLimit(visibleTextLength(doc))) return false;
  return roleWordsMatch(text, 'footer', lang);
}
