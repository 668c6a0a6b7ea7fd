/**
 * Text links as CTAs (steps 6 and 7 of the CTA model, see ./index.ts): a card's action and the
 * lone prominent link of a short email; and the masthead's brand link, which is neither.
 */
import type { AnyNode, Element, Text } from 'domhandler';
import type { EmailDocument } from '../document.js';
import type { Link } from '../links.js';
import { isHomeHref, isSocialHref, isSocialName } from '../classify.js';
import { isFooterText } from '../footer.js';
import { checkDeadline } from '../../deadline.js';
import { isInside } from '../../tree.js';
import { isBareUrl } from './language.js';
import { findMergeTags, isOnlyTemplateCode } from '../merge-tags.js';
import { BLOCKS, effectiveFontSize, lineAround, linksIn, mediaIn, nearest, strip, strippedText, textNodes } from './dom.js';
import { buttonStyle, inNavigation } from './button.js';
import { imagesOnly } from './image.js';
import { ruledOut, type NotCtaReason } from './verdict.js';

/** Says why a text link the step looked at is not a CTA (kept only where no earlier step said more). */
export type Reject = (link: Link, reason: NotCtaReason, why: string) => void;

const alone = new WeakMap<Element, boolean>();

/**
 * Whether a text link reads as an action of its own rather than a word of running text
 * (once per element: a card asks it of each of its links, for each link in it):
 *  - it stands alone on its line ("Read more" under a post);
 *  - it leads its line as a bold term, then a dash or colon and the copy that explains it
 *    ("**Restart your trial** – If you didn't get a chance…", an options list);
 *  - it closes its paragraph after a finished sentence and ends in an arrow
 *    ("…you name it. Browse integrations →"), or is bold and closes it after a finished
 *    sentence or after the template output that prints the summary ("{{ post.content }} **Read more…**").
 * A highlighted word inside a sentence is none of these.
 */
function standsAlone(doc: EmailDocument, a: Element): boolean {
  let v = alone.get(a);
  if (v === undefined) alone.set(a, (v = decideStandsAlone(doc, a)));
  return v;
}

function decideStandsAlone(doc: EmailDocument, a: Element): boolean {
  const text = doc.textOf(a);
  const l = lineAround(doc, a);
  if (!l) return false;
  if (strip([l.before, l.own, l.after].filter(Boolean).join(' ')) === strip(text)) return true;
  const bold = doc.styles.computed(a).fontWeight >= 600;
  if (!l.before && bold && strip(l.own) === strip(text) && /^[-–—:]\s*\S/.test(l.after) && l.after.length >= 20) return true;
  if (!l.after && /[.!?]["”’)]?$/.test(l.before) && /[→»›]\s*$/.test(text) && strip(l.own) === strip(text)) return true;
  // Bold, closing its paragraph after a finished sentence or after the template output that
  // prints the summary ("{{ post.content }} **Read more…**", a digest card).
  if (!l.after && bold && strip(l.own) === strip(text) && (/[.!?…]["”’)]?$/.test(l.before) || isOnlyTemplateCode(l.before))) return true;
  return false;
}

/** Step 6's links whose card is the whole email (not a card: `Cta.card` is false for them). */
export const wholeEmailLinks = new WeakSet<Element>();

/**
 * Step 6 (cards): a text link that stands alone on its line, inside a card — a container that
 * also holds an image, a heading or at least a sentence of copy — is that card's call to
 * action ("Read more" under each post of a digest, the title link of a product or album card).
 * Not: the masthead (nothing read before it), navigation, footer and small print, social,
 * same-page anchors, copy-paste URL fallbacks, a link whose image twin is already a CTA, and
 * link lists (3+ standalone links in one container with no other copy).
 */
export function cardTextLinks(doc: EmailDocument, links: readonly Link[], taken: Set<Element>, reject: Reject): Link[] {
  const out: Link[] = [];
  const end = mastheadEnd(doc);
  // Every container holding a CTA found so far (a card has one action).
  const holdsCta = new Set<AnyNode>();
  for (const e of taken) for (let n: AnyNode | null = e; n && !holdsCta.has(n); n = n.parent) holdsCta.add(n);
  for (const link of links) {
    checkDeadline();
    if (link.isVml || link.inConditional || link.tag !== 'a' || ruledOut(link)) continue;
    const a = link.element;
    if (taken.has(a)) continue;
    const text = doc.textOf(a);
    if (!text || textNodes(a).length === 0) continue;
    if (text.split(' ').length > 12) {
      reject(link, 'in-text', 'a sentence, not a label (over 12 words)');
      continue;
    }
    if (isBareUrl(text)) {
      reject(link, 'url', 'a URL written out');
      continue;
    }
    if (isSocialHref(link.href) || isSocialName(text)) {
      reject(link, 'social', 'social link');
      continue;
    }
    if (link.isFragment && link.href.trim() !== '#') {
      reject(link, 'anchor', 'a same-page anchor');
      continue;
    }
    if (doc.styles.hidden(a, 'web')) continue;
    if (inNavigation(doc, a)) {
      reject(link, 'navigation', 'navigation');
      continue;
    }
    if (!standsAlone(doc, a)) {
      reject(link, 'in-text', 'a link inside running text');
      continue;
    }
    if ((a.startIndex ?? 0) < end) {
      reject(link, 'plain', 'a text link in the masthead');
      continue;
    }
    // The card: the nearest container holding more than this line.
    let card: Element | undefined;
    const label = strip(text);
    for (let n = a.parent; n; n = n.parent) {
      if (n.type !== 'tag') continue;
      const e = n as Element;
      if (!BLOCKS.includes(e.name) && e.name !== 'table') continue;
      if (strippedText(doc, e) !== label || mediaIn(e).images) {
        card = e;
        break;
      }
    }
    if (!card) continue;
    // A card has one action: a container that already holds a button is the email's body, not a card.
    if (holdsCta.has(card)) {
      reject(link, 'plain', 'a text link beside a CTA in its container');
      continue;
    }
    const cardText = doc.textOf(card);
    // A "card" holding the whole email (a one-table mail) is no card: its one standalone link is
    // the email's own action, judged as a label (not a card's headline).
    const whole = cardText.length >= 0.9 * doc.textOf(doc.body ?? doc.dom).length;
    // A card is a small unit; a long body cell is running copy, where a lone link is not guessed
    // at — unless the link is a story's headline followed by its summary (a digest column of
    // sibling blocks, as MJML builds it: headline, summary, byline).
    if (cardText.length > 700) {
      if (headlineWithSummary(doc, a)) out.push(link);
      else reject(link, 'plain', 'a text link in long copy (not a card)');
      continue;
    }
    if (isFooterText(doc, a, cardText, 399)) {
      reject(link, 'footer', 'footer');
      continue;
    }
    const standalone = linksIn(card).filter((l) => doc.textOf(l) && standsAlone(doc, l));
    if (whole && standalone.filter((l) => textNodes(l).length > 0).length === 1) wholeEmailLinks.add(a);
    const linkChars = standalone.reduce((n, l) => n + doc.textOf(l).length, 0);
    const copy = cardText.length - linkChars;
    const { images, headings } = mediaIn(card);
    const hasMedia = images || headings;
    if (standalone.length >= 3 && copy < 40 * standalone.length) {
      reject(link, 'navigation', 'one of a list of links');
      continue;
    }
    // A template output in the card prints copy known only at send time (`{{ post.content }}`).
    if (!hasMedia && copy < 40 && !findMergeTags(cardText).some((t) => t.kind === 'output')) continue;
    // Small print, unless the card's image or heading makes the small link its action ("READ MORE" at 12px).
    const fs = effectiveFontSize(doc, a);
    if (fs !== undefined && fs <= 12 && !hasMedia) {
      reject(link, 'footer', 'small print');
      continue;
    }
    out.push(link);
  }
  return out;
}

const mastheadEnds = new WeakMap<EmailDocument, number>();

/** Where the masthead ends: past the first 40 visible characters after the preheader (a brand link has almost nothing read before it). */
function mastheadEnd(doc: EmailDocument): number {
  let end = mastheadEnds.get(doc);
  if (end === undefined) {
    const body = doc.body ?? doc.dom;
    const bodyStart = body.type === 'tag' ? ((body as Element).startIndex ?? 0) : 0;
    const preheader = doc.preheaderElement;
    const preheaderChars = preheader ? doc.textOf(preheader).replace(/\s+/g, '').length : 0;
    end = visibleReach(doc.text, bodyStart, 40 + preheaderChars);
    mastheadEnds.set(doc, end);
  }
  return end;
}

/**
 * The header's logo or wordmark: a link in the masthead (nothing read before it but the
 * preheader and a few characters) that holds only images or a short name and goes to the
 * sender's home page. It brands the email; it is not a call to action.
 */
export function isMastheadBrand(doc: EmailDocument, a: Element, link: Link): boolean {
  if ((a.startIndex ?? 0) >= mastheadEnd(doc)) return false;
  if (!isHomeHref(link.href, link.mergeTags)) return false;
  if (imagesOnly(doc, a)) return true;
  // A short name, not painted as a button (a filled button at the top is an action).
  const text = doc.textOf(a);
  return text.length > 0 && text.split(' ').length <= 3 && buttonStyle(doc, a)?.prominence !== 3;
}

/**
 * A headline link: set at a headline size (≥ 18 px, above the body copy) and followed, in the
 * next block of text, by a summary of at least a sentence (≥ 40 characters, no link in it).
 */
function headlineWithSummary(doc: EmailDocument, a: Element): boolean {
  const size = doc.styles.computed(a).fontSize;
  if (!(size >= 18)) return false;
  const end = a.endIndex ?? 0;
  // The rendered elements are in source order: start at the first one past the link.
  const els = doc.renderedElements;
  let lo = 0;
  for (let hi = els.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if ((els[mid].startIndex ?? 0) > end) hi = mid;
    else lo = mid + 1;
  }
  let next: Element | undefined;
  for (let i = lo; i < els.length && !next; i++) {
    const e = els[i];
    if (e.name !== 'br' && e.children.some((c) => c.type === 'text' && (c as Text).data.trim() !== '')) next = e;
  }
  if (!next) return false;
  let block: Element = next;
  while (!BLOCKS.includes(block.name) && block.parent && block.parent.type === 'tag') block = block.parent as Element;
  const summary = doc.textOf(block);
  return summary.length >= 40 && summary.length <= 700 && !linksIn(block).length && doc.styles.computed(block).fontSize < size;
}

/** Step 7: the one standalone text link of a short email, or undefined (several: each is rejected as ambiguous). */
export function loneTextLink(doc: EmailDocument, links: readonly Link[], reject: Reject): Link | undefined {
  const body = doc.body ?? doc.dom;
  const visible = doc.textOf(body).length;
  if (visible >= 3000) return undefined;
  const found: Link[] = [];
  for (const link of links) {
    checkDeadline();
    if (link.isVml || link.inConditional || link.tag !== 'a' || ruledOut(link)) continue;
    const a = link.element;
    const text = doc.textOf(a);
    if (!text || textNodes(a).length === 0) continue;
    if (isBareUrl(text) || isSocialHref(link.href) || isSocialName(text) || link.isFragment) continue;
    if (text.split(' ').length > 8 || isMastheadBrand(doc, a, link)) continue;
    if (doc.styles.hidden(a, 'web') || inNavigation(doc, a)) continue;
    // A link right in the body (no block around it) is its own block when it stands alone on its
    // line below copy that asks for it (a body that is nothing but the link calls for nothing).
    const block = nearest(a, ['p', 'td', 'th', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'center']) ?? (visible - text.length >= 40 && standsAlone(doc, a) ? a : undefined);
    if (!block) continue;
    const blockText = doc.textOf(block).replace(/[→»›>]+/g, '').trim();
    // Alone in its block, or sharing it only with unsubscribe / preference links joined by a
    // connector ("View the comment or Manage notifications"): those are not another action.
    const others = linksIn(block).filter((e) => e !== a);
    if (others.some((e) => !links.find((l) => l.element === e)?.role)) continue;
    let rest = ` ${blockText} `;
    for (const e of [a, ...others]) rest = rest.replace(doc.textOf(e).replace(/[→»›>]+/g, '').trim(), ' ');
    if (!/^(\s|\bor\b|\band\b|[|·•,/–—-])*$/i.test(rest)) continue;
    // Footer / small print: small font around it, or legal text in the surrounding cell.
    const fs = effectiveFontSize(doc, a);
    if (fs !== undefined && fs <= 12) {
      reject(link, 'footer', 'small print');
      continue;
    }
    // Legal/footer wording in the link's own block, or in a small surrounding cell (a footer cell).
    const cell = nearest(block, ['td', 'th', 'div']);
    const cellText = cell ? doc.textOf(cell) : '';
    if (isFooterText(doc, a, blockText) || (cell && isFooterText(doc, cell, cellText, 299))) {
      reject(link, 'footer', 'footer');
      continue;
    }
    found.push(link);
  }
  if (found.length > 1) for (const l of found) reject(l, 'ambiguous', `one of ${found.length} standalone text links of a short email (none is guessed)`);
  return found.length === 1 ? found[0] : undefined;
}

const RAW_OPEN = /<(style|script|title)(?=[\s>\/])/iy;
const CLOSERS: Record<string, RegExp> = { style: /<\/style>/gi, script: /<\/script>/gi, title: /<\/title>/gi, '-->': /-->/g };
const ENTITY = /&[a-z#0-9]+;/iy;

/**
 * Where a reader has seen `count` characters of `html` from `from` on: the offset just past the
 * `count`-th visible character (outside tags, comments and style, script and title elements, not
 * whitespace or character references), or Infinity when fewer follow. So "fewer than `count`
 * visible characters lie between `from` and `x`" is `x < visibleReach(html, from, count)`, for
 * every `x` of the document in one pass, linear in the text read (never in the whole text: the
 * masthead is read, not the email).
 */
function visibleReach(html: string, from: number, count: number): number {
  if (count <= 0) return from;
  const unclosed = new Set<string>(); // a closer not found once is not found later either
  const closer = (name: string, from: number): number => {
    if (unclosed.has(name)) return -1;
    const re = CLOSERS[name];
    re.lastIndex = from;
    const at = re.exec(html)?.index ?? -1;
    if (at < 0) unclosed.add(name);
    return at;
  };
  let seen = 0;
  let i = from;
  while (i < html.length) {
    const c = html[i];
    if (c === '<') {
      checkDeadline();
      RAW_OPEN.lastIndex = i;
      const r = RAW_OPEN.exec(html);
      if (r) {
        const name = r[1].toLowerCase();
        const close = closer(name, i);
        if (close >= 0) { i = close + name.length + 3; continue; }
      }
      if (html.startsWith('<!--', i)) {
        const close = closer('-->', i + 4);
        if (close >= 0) { i = close + 3; continue; }
      }
      let j = i + 1;
      while (j < html.length && html[j] !== '<' && html[j] !== '>') j++;
      if (html[j] === '>') { i = j + 1; continue; }
    } else if (c === '&') {
      ENTITY.lastIndex = i;
      if (ENTITY.exec(html)) { i = ENTITY.lastIndex; continue; }
    } else if (/\s/.test(c)) { i++; continue; }
    i++;
    if (++seen === count) return i;
  }
  return Infinity;
}
