/**
 * Calls to action: which links an email developer would call the email's buttons.
 *
 * How a link becomes a CTA (checked in this order, first match wins):
 *  1. Never: `mailto:`/`tel:`/`sms:`/`javascript:` links, unsubscribe / preferences /
 *     view-online links (links.ts roles), hidden links, links with no label and no image.
 *  2. `vml-button`: a VML shape (`v:roundrect`, `v:rect`, …) with an `href` inside
 *     `<!--[if mso]>`, paired with its HTML twin as ONE CTA (the pairing is vml.ts's).
 *     A VML button without a twin is a CTA on its own.
 *  3. `button` (table button): the `<a>` is the only link of its nearest `<td>`, the cell holds no
 *     other text, and the cell paints a fill of its own (`bgcolor`/`background` that differs
 *     from what is behind it), or has a border and padding, or a button class. `element` is the `<td>`.
 *  4. `button` (styled link): the `<a>` paints a fill that differs from its surroundings, or has a
 *     visible border with padding (or a thick border, Postmark's "border-based" button), or is
 *     `display:inline-block|block` with padding, or carries a `btn`/`button`/`cta` class. Links in
 *     a navigation row (3+ short links together) only count when they paint a fill.
 *  5. `image`: the `<a>` holds only images and the image reads as a button or banner. Decided by
 *     destination and context: button artwork (alt, file name or class says btn/button/cta/
 *     banner) is always a CTA; otherwise a linked image is a CTA only when it looks like one
 *     (hero/shop/download/play… in its words, or large: ≥ 400 × 40 px) AND no live-text link
 *     reaches its destination — anywhere in the email for a real URL or merge tag, within its own
 *     card for a placeholder (`#`). A hero or product photo linked where a button or title link
 *     also goes is a bigger hit area for that action, not a CTA (its alt text is no CTA label).
 *     Logos, icons (< 60 px), social icons, tracking pixels and galleries are never CTAs, and a
 *     second image link to the same destination in the same card (a play button) is no new CTA.
 *  6. `text` (cards): a text link that reads as an action of its own (`standsAlone`: alone on its
 *     line between `<br>`s or blocks, or a bold lead-in before a dash and its explanation, or an
 *     arrow link closing a paragraph after a finished sentence) inside a
 *     card — a small container (≤ 700 characters) that also holds an image, a heading or a
 *     sentence of copy — is that card's CTA: "Read more" under each post of a digest, the title
 *     link of a product or album card. Not the masthead, navigation, link lists, footer, social,
 *     same-page anchors or URL fallbacks; small print only when the card has an image or heading.
 *     In a long column, a headline link (≥ 18 px) followed by its summary block is a story's CTA.
 *  7. `text` — the lone prominent text link: ONLY when steps 2–6 found nothing, and the email is
 *     short (< 3,000 visible characters), a text link that stands alone on its line (its block
 *     holds no other text), is not navigation, not social, not in the footer (small print,
 *     © / address / legal text around it), not a copy-paste URL fallback, and is the ONLY such
 *     link, is the email's CTA (a preference or unsubscribe link sharing its line after "or"
 *     does not count against it). Two or more such links: no text CTA (we do not guess). A link
 *     inside a sentence (a highlighted word) is never a CTA.
 *
 * The primary CTA: the first CTA in document order among the most prominent kind present, with
 * prominence ranked (a) filled buttons (VML buttons, filled `<td>`/`<a>`), (b) other button-style
 * CTAs (outline, padding-only, class-only), (c) image banners, (d) the lone text link. So an
 * image banner is primary only when the email has no button, and an outline "secondary" button
 * never outranks a filled one that follows it.
 */
import type { Element, AnyNode, Text } from 'domhandler';
import type { EmailDocument } from './document.js';
import { destinationKey, type Link } from './links.js';
import type { Range } from './location.js';
import type { Box, Viewport } from './geometry.js';
import { classifyLink, isSocialHref } from './classify.js';
import { boxOf } from './layout.js';
import { parseLength } from '../css/declarations.js';
import { toHex } from '../css/color.js';
import { isBareUrl } from './cta-language.js';
import { roleWordsMatch } from './lexicon/index.js';
import { vmlTwins } from './vml.js';
import { isInside } from '../tree.js';
import { checkDeadline } from '../deadline.js';
import { isFooterText } from './footer.js';

export type CtaKind = 'button' | 'vml-button' | 'image' | 'text';

export type MicroConversion =
  | 'download'
  | 'cart'
  | 'purchase'
  | 'signup'
  | 'trial'
  | 'form'
  | 'event'
  | 'product'
  | 'content'
  | 'social'
  | 'account'
  | 'unsubscribe'
  | 'view-online'
  | 'other';

export interface Cta {
  /** 0-based order among the CTAs. */
  index: number;
  kind: CtaKind;
  /** Normalized label text (alt text for image CTAs). */
  label: string;
  /** Range of the label text in the source (for suggestions), when it is one text node (the alt value for images). */
  labelRange?: Range;
  /** Decoded destination. */
  href: string;
  hrefIsMergeTag: boolean;
  /** The HTML link (`<a>`) for this CTA, if any. */
  link?: Link;
  /** Its Outlook VML twin, if any. */
  vml?: Link;
  /** The element that paints the button (the `<a>`, the bulletproof `<td>`, or the `<img>`). */
  element: Element;
  range: Range;
  primary: boolean;
  type: MicroConversion;
  /** Box per viewport: estimated statically, or measured when a render supplied it. */
  boxes: Record<Viewport, Box>;
  /** Why this link counts as a CTA (for inspect). */
  reason: string;
  /** The element holding the label and taking the tap: the `<a>` (or the VML shape for a VML-only button). */
  labelElement: Element;
  /** Box of the tap target (`labelElement`) per viewport: the link, which may be smaller than a padded `<td>`. */
  linkBoxes: Record<Viewport, Box>;
  /** A card's text link (step 6): its label is the card's title or link copy, not a button label. */
  card?: boolean;
  /**
   * A rating or NPS scale (a row of numbered or emoji links to one survey): one survey action.
   * `links` are its steps, `elements` the other steps' button elements, `label` the scale ("0–10");
   * the CTA's own label stays its first step's (what that button says).
   */
  survey?: { links: Link[]; elements: Element[]; label: string };
  /** Prominence rank used for `primary`: 3 filled button, 2 other button, 1 image, 0 text. */
  prominence: number;
  /** The image of an image CTA. */
  image?: Element;
  /** Label of the VML twin (its own text, when it has one) and its source range. */
  vmlLabel?: string;
  vmlLabelRange?: Range;
}

const SKIP_SCHEMES = new Set(['mailto', 'tel', 'sms', 'javascript', 'data', 'cid', 'callto', 'facetime', 'skype']);
const BUTTON_CLASS = /(^|[\s_-])(btn|button|cta|call-to-action)([\s_-]|\d|$)/i;
const IMAGE_BUTTON_STRONG = /btn|button|cta|call[-_ ]?to[-_ ]?action|banner/i;
const IMAGE_BUTTON_HINT = /hero|shop|buy|order|download|register|sign[-_ ]?up|get[-_ ]?started|book|call[-_ ]?to[-_ ]?action|learn|discover|try|start|watch|play|video/i;
const NOT_CTA_IMAGE = /logo|icon|social|facebook|twitter|instagram|linkedin|youtube|pinterest|tiktok|spacer|pixel|avatar|badge|app[-_ ]?store|google[-_ ]?play|divider/i;

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

function nearest(el: Element, names: readonly string[]): Element | undefined {
  for (let n = el.parent; n; n = n.parent) if (n.type === 'tag' && names.includes((n as Element).name)) return n as Element;
  return undefined;
}

function descendants(el: AnyNode, pred: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const visit = (n: AnyNode) => {
    if (n.type === 'tag') {
      const e = n as Element;
      if (pred(e)) out.push(e);
    }
    if ('children' in n) for (const c of n.children) visit(c);
  };
  if ('children' in el) for (const c of el.children) visit(c);
  return out;
}

const isLinkEl = (e: Element) => e.name === 'a' && e.attribs.href !== undefined;

/** Non-whitespace text nodes under `el` (style/script skipped). */
function textNodes(el: AnyNode): Text[] {
  const out: Text[] = [];
  const visit = (n: AnyNode) => {
    if (n.type === 'text') {
      if ((n as Text).data.replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, '')) out.push(n as Text);
    } else if (n.type === 'tag') for (const c of (n as Element).children) visit(c);
  };
  if ('children' in el) for (const c of el.children) visit(c);
  return out;
}

/** The source range of the label text when it is one text node (ASCII whitespace trimmed). */
function labelRangeOf(doc: EmailDocument, el: AnyNode): Range | undefined {
  const nodes = textNodes(el);
  if (nodes.length !== 1) return undefined;
  const n = nodes[0];
  let start = n.startIndex ?? 0;
  let end = (n.endIndex ?? start) + 1;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** Navigation: the link sits with 2+ other short links in one block or one table row, and little else. */
export function inNavigation(doc: EmailDocument, a: Element): boolean {
  const short = (e: Element) => {
    const t = doc.textOf(e);
    return t.length > 0 && t.length <= 25 && t.split(' ').length <= 3;
  };
  if (!short(a) && doc.textOf(a) !== '') return false;
  const block = nearest(a, ['td', 'th', 'p', 'div', 'li', 'ul', 'nav']);
  if (block) {
    const links = descendants(block, isLinkEl);
    if (links.length >= 3 && links.every((l) => short(l) || doc.textOf(l) === '')) {
      const linkText = links.reduce((s, l) => s + doc.textOf(l).length, 0);
      const all = doc.textOf(block).replace(/[|•·\s]/g, '').length;
      if (linkText >= all * 0.6) return true;
    }
  }
  const tr = nearest(a, ['tr']);
  if (tr) {
    const cells = tr.children.filter((c) => c.type === 'tag' && ['td', 'th'].includes((c as Element).name)) as Element[];
    const withLink = cells.filter((c) => {
      const ls = descendants(c, isLinkEl);
      return ls.length === 1 && short(ls[0]) && doc.textOf(c).length <= doc.textOf(ls[0]).length + 3;
    });
    if (withLink.length >= 3 && cells.every((c) => withLink.includes(c) || doc.textOf(c).replace(/[|•·\s]/g, '') === '')) return true;
  }
  return false;
}

export function imagesOnly(doc: EmailDocument, a: Element): Element[] | undefined {
  if (textNodes(a).length) return undefined;
  const imgs = descendants(a, (e) => e.name === 'img');
  return imgs.length ? imgs : undefined;
}

function imageReadsAsCta(doc: EmailDocument, img: Element, a: Element, href: string): boolean {
  const hint = `${img.attribs.alt ?? ''} ${img.attribs.src ?? ''} ${img.attribs.class ?? ''} ${img.attribs.title ?? ''}`;
  if (NOT_CTA_IMAGE.test(hint) || isSocialHref(href)) return false;
  const box = boxOf(doc, img, 'desktop');
  const w = box.width;
  const h = box.height;
  if ((w > 0 && w < 60) || (h > 0 && h < 20)) return false;
  const words = `${img.attribs.alt ?? ''} ${(img.attribs.src ?? '').split(/[?#]/)[0].split('/').pop()} ${img.attribs.class ?? ''}`;
  // Button artwork and banners are CTAs whatever else links to the same place.
  if (IMAGE_BUTTON_STRONG.test(words)) return true;
  // Galleries and product grids (image links side by side) are not the email's CTA.
  const row = nearest(img, ['tr']);
  if (row && row.children.filter((c) => c.type === 'tag' && descendants(c, (e) => e.name === 'img' && !!nearest(e, ['a'])).length > 0).length >= 2) return false;
  if (!IMAGE_BUTTON_HINT.test(words) && !(w >= 400 && h >= 40)) return false;
  // A hero or product photo whose destination live text also reaches is a bigger hit area
  // for that action, not a call to action of its own.
  return !liveTextRoute(doc, a, href);
}

/** Placeholder destinations that say nothing about where a link goes. */
const PLACEHOLDER_HREF = /^(#|javascript:void\(0\);?)?$/i;

/**
 * True when a visible live-text link reaches `href`: anywhere in the email for a real
 * destination; for a placeholder (`#`, empty) only within the image's own card (the nearest
 * few containers), since placeholders cannot be compared across the email.
 */
function liveTextRoute(doc: EmailDocument, a: Element, href: string): boolean {
  const h = href.trim();
  const key = destinationKey(h);
  const isText = (l: Link) => l.tag === 'a' && !l.inConditional && l.element !== a && destinationKey(l.href) === key && textNodes(l.element).length > 0 && !doc.styles.hidden(l.element, 'web');
  if (!PLACEHOLDER_HREF.test(h)) return doc.links.some(isText);
  let n: Element | null = a.parent && a.parent.type === 'tag' ? (a.parent as Element) : null;
  for (let depth = 0; n && depth < 6; depth++, n = n.parent && n.parent.type === 'tag' ? (n.parent as Element) : null) {
    if (doc.textOf(n).length > 600) return false;
    const links = descendants(n, isLinkEl);
    if (links.some((e) => e !== a && (e.attribs.href ?? '').trim() === h && textNodes(e).length > 0)) return true;
  }
  return false;
}

/** True when `x` and `a` sit in one card: a container of at most 600 characters of text, at most twelve levels above `a` (MJML nests each image in two tables). */
function sameCard(doc: EmailDocument, x: Element, a: Element): boolean {
  let n: Element | null = a.parent && a.parent.type === 'tag' ? (a.parent as Element) : null;
  for (let depth = 0; n && depth < 12; depth++, n = n.parent && n.parent.type === 'tag' ? (n.parent as Element) : null) {
    if (doc.textOf(n).length > 600) return false;
    if (isInside(x, n)) return true;
  }
  return false;
}

interface Candidate {
  kind: CtaKind;
  a: Element;
  link: Link;
  element: Element;
  prominence: number;
  reason: string;
  image?: Element;
  vml?: Link;
}

/** How a link is styled as a button, if it is: the element painting it, its prominence and why. */
export interface ButtonStyle {
  element: Element;
  /** 3: a filled button; 2: outline, padding-only or class-only. */
  prominence: number;
  reason: string;
}

function styledLink(doc: EmailDocument, a: Element, link: Link): Candidate | undefined {
  const b = buttonStyle(doc, a);
  return b ? { kind: 'button', a, link, ...b } : undefined;
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

/** Each `<a>`'s button style (null: none); an element belongs to one document, whose styles do not change. */
const buttonStyles = new WeakMap<Element, ButtonStyle | null>();

function decideButtonStyle(doc: EmailDocument, a: Element): ButtonStyle | undefined {
  const style = doc.styles.cascaded(a);
  const text = doc.textOf(a);
  const imgs = imagesOnly(doc, a);
  // Table button: a filled / bordered cell around exactly one link and nothing else, when the
  // link paints no fill of its own (a filled link in a filled card cell is the button itself).
  const td = nearest(a, ['td', 'th']);
  if (td && !imgs && !ownFill(doc, a)) {
    const links = descendants(td, isLinkEl);
    if (links.length === 1 && doc.textOf(td) === text && text) {
      const tdStyle = doc.styles.cascaded(td);
      const fill = ownFill(doc, td);
      const cls = BUTTON_CLASS.test(td.attribs.class ?? '');
      const pad = doc.styles.used(td).padding;
      const bordered = hasVisibleBorder(doc, td, tdStyle) && (pad[0] > 0 || pad[1] > 0);
      if (fill) return { element: td, prominence: 3, reason: `table button: <td> filled ${fill} around one link` };
      if (bordered || cls) return { element: td, prominence: 2, reason: cls ? 'table button: <td> with a button class' : 'table button: bordered, padded <td> around one link' };
    }
  }
  const fill = ownFill(doc, a);
  const { padding: pad, border: bw } = doc.styles.used(a);
  const display = style.get('display')?.trim().toLowerCase() ?? '';
  const blockish = display.startsWith('inline-block') || display === 'block' || display === 'table' || display === 'inline-table';
  const border = hasVisibleBorder(doc, a, style);
  const cls = BUTTON_CLASS.test(a.attribs.class ?? '') || BUTTON_CLASS.test(nearest(a, ['table'])?.attribs.class ?? '') && (!!td && descendants(td, isLinkEl).length === 1 && doc.textOf(td) === text);
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

function imageCandidate(doc: EmailDocument, a: Element, link: Link): Candidate | undefined {
  const imgs = imagesOnly(doc, a);
  if (!imgs) return undefined;
  const img = imgs.find((i) => imageReadsAsCta(doc, i, a, link.href));
  if (!img) return undefined;
  return { kind: 'image', a, link, element: img, prominence: 1, image: img, reason: 'image link that reads as a button/banner' };
}

function excluded(doc: EmailDocument, link: Link): boolean {
  if (link.scheme && SKIP_SCHEMES.has(link.scheme)) return true;
  if (link.role) return true;
  if (link.href === '' && !link.raw.trim()) return false;
  return false;
}

function boxes(doc: EmailDocument, el: Element): Record<Viewport, Box> {
  return { mobile: boxOf(doc, el, 'mobile'), desktop: boxOf(doc, el, 'desktop') };
}

/**
 * Defines `obj[key]` as computed on first read (then an ordinary property): the layout estimate
 * behind a CTA's boxes is most of the CTA model's cost, and `track` never reads them.
 */
function lazy<T extends object, K extends keyof T>(obj: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(obj, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      return value;
    },
    set(value: T[K]) {
      Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    },
  });
}

/** Box of a VML-only button: where its conditional comment sits, sized by the VML style. */
function vmlBoxes(doc: EmailDocument, v: Link): Record<Viewport, Box> {
  const cond = doc.conditionalOf(v.element);
  const host = cond?.comment.parent && cond.comment.parent.type === 'tag' ? (cond.comment.parent as Element) : undefined;
  const u = doc.styles.used(v.element);
  const w = u.width?.px ?? 0;
  const h = u.height ?? 0;
  const at = (vp: Viewport): Box => {
    const b = host ? boxOf(doc, host, vp) : { top: 0, left: 0, width: 0, height: 0, measured: false };
    return { top: b.top, left: b.left, width: w, height: h, measured: b.measured };
  };
  return { mobile: at('mobile'), desktop: at('desktop') };
}

export function findCtas(doc: EmailDocument): Cta[] {
  const links = doc.links;
  const pairs = vmlTwins(doc);
  const twinOf = new Map<Link, Link>();
  for (const [v, a] of pairs) if (a) twinOf.set(a, v);
  const ctas: Omit<Cta, 'index' | 'primary'>[] = [];

  const fromCandidate = (c: Candidate): Omit<Cta, 'index' | 'primary'> => {
    const label = c.kind === 'image' ? (c.image!.attribs.alt ?? '').replace(/\s+/g, ' ').trim() : doc.textOf(c.a);
    let labelRange: Range | undefined;
    if (c.kind === 'image') {
      const alt = doc.attr(c.image!, 'alt');
      labelRange = alt && alt.quote && alt.raw.trim() ? alt.valueRange : undefined;
    } else labelRange = labelRangeOf(doc, c.a);
    const out: Omit<Cta, 'index' | 'primary'> = {
      kind: c.kind,
      label,
      labelRange,
      href: c.link.href,
      hrefIsMergeTag: c.link.isMergeTagOnly,
      link: c.link,
      element: c.element,
      range: doc.range(c.a),
      type: classifyLink(c.link.href, label, c.link.role),
      boxes: undefined as unknown as Record<Viewport, Box>,
      reason: c.reason,
      labelElement: c.a,
      linkBoxes: undefined as unknown as Record<Viewport, Box>,
      prominence: c.prominence,
    };
    lazy(out, 'boxes', () => boxes(doc, c.element));
    lazy(out, 'linkBoxes', () => boxes(doc, c.a));
    if (c.image) out.image = c.image;
    if (c.vml) {
      out.vml = c.vml;
      const vl = doc.textOf(c.vml.element);
      if (vl) {
        out.vmlLabel = vl;
        out.vmlLabelRange = labelRangeOf(doc, c.vml.element);
      }
    }
    return out;
  };

  for (const link of links) {
    if (link.isVml) {
      if (pairs.get(link)) continue; // reported with its twin
    checkDeadline();
      if (excluded(doc, link)) continue;
      const label = doc.textOf(link.element);
      const cta: Omit<Cta, 'index' | 'primary'> = {
        kind: 'vml-button',
        label,
        labelRange: labelRangeOf(doc, link.element),
        href: link.href,
        hrefIsMergeTag: link.isMergeTagOnly,
        vml: link,
        element: link.element,
        range: doc.range(link.element),
        type: classifyLink(link.href, label, link.role),
        boxes: undefined as unknown as Record<Viewport, Box>,
        reason: 'Outlook VML button (no HTML twin found)',
        labelElement: link.element,
        linkBoxes: undefined as unknown as Record<Viewport, Box>,
        prominence: 3,
        ...(label ? { vmlLabel: label, vmlLabelRange: labelRangeOf(doc, link.element) } : {}),
      };
      lazy(cta, 'boxes', () => vmlBoxes(doc, link));
      lazy(cta, 'linkBoxes', () => vmlBoxes(doc, link));
      ctas.push(cta);
      continue;
    }
    if (link.tag !== 'a' || link.inConditional) continue;
    if (excluded(doc, link)) continue;
    const a = link.element;
    if (doc.styles.hidden(a, 'web')) continue;
    const vml = twinOf.get(link);
    if (vml) {
      const styled = styledLink(doc, a, link);
      const img = imagesOnly(doc, a)?.[0];
      ctas.push(
        fromCandidate({
          kind: 'vml-button',
          a,
          link,
          element: styled?.element ?? a,
          prominence: 3,
          reason: `VML ${vml.tag} paired with its HTML <a>`,
          vml,
          ...(img && !doc.textOf(a) ? { image: img } : {}),
        }),
      );
      continue;
    }
    if (isSocialHref(link.href) && imagesOnly(doc, a)) continue;
    if (isMastheadBrand(doc, a, link)) continue;
    const c = styledLink(doc, a, link) ?? imageCandidate(doc, a, link);
    // Several image links to one destination in one card (a thumbnail and its play button) are one CTA.
    if (c?.kind === 'image' && ctas.some((x) => x.kind === 'image' && destinationKey(x.href) === destinationKey(link.href) && sameCard(doc, x.labelElement, a))) continue;
    if (c) ctas.push(fromCandidate(c));
  }

  for (const link of cardTextLinks(doc, links, new Set(ctas.map((c) => c.link?.element).filter((e): e is Element => !!e)))) {
    // Assigned, not spread: a spread would compute the lazy boxes (track never reads them).
    ctas.push(Object.assign(fromCandidate({ kind: 'text', a: link.element, link, element: link.element, prominence: 0, reason: "a card's call to action: a text link on its own line in a card with an image, heading or copy" }), { card: true }));
  }

  if (!ctas.length) {
    const lone = loneTextLink(doc, links);
    if (lone) {
      ctas.push(fromCandidate({ kind: 'text', a: lone.element, link: lone, element: lone.element, prominence: 0, reason: 'the lone prominent text link of a short email' }));
    }
  }

  ctas.sort((x, y) => x.range.start - y.range.start);
  foldScales(ctas, links);
  const top = Math.max(-1, ...ctas.map((c) => c.prominence));
  const primaryAt = ctas.findIndex((c) => c.prominence === top);
  // Assigned, not spread: a spread would compute the lazy boxes.
  return ctas.map((c, i) => Object.assign(c, { index: i, primary: i === primaryAt }) as Cta);
}

/** A step of a rating scale: a number (0–10), a star or emoji run, or one letter grade. */
const SCALE_STEP = /^(?:\d{1,2}|[\p{Extended_Pictographic}\u2605\u2606\u2B50\uFE0F\u200D\s]{1,12})$/u;

/** Where a link goes, its query and fragment dropped (the scale's steps differ only there). */
function surveyKey(href: string): string {
  return href.trim().split(/[?#]/)[0].replace(/(?<!\/)\/+$/, '').toLowerCase();
}

/**
 * Rating and NPS scales (step 8): three or more links in one row (one parent row or block),
 * labelled with consecutive numbers or with stars/emoji, going to one survey (the same address
 * but for the query) are ONE survey action, not one CTA each. The first step stays, as a `form`
 * CTA (`survey.label` names the scale, "0–10"); the others are dropped from `ctas` in place.
 */
function foldScales(ctas: Array<Omit<Cta, 'index' | 'primary'>>, links: readonly Link[]): void {
  const steps = links.filter((l) => l.tag === 'a' && !l.inConditional && !l.role && SCALE_STEP.test(l.text) && l.text.trim() !== '');
  if (steps.length < 3) return;
  const groups = new Map<string, Link[]>();
  for (const l of steps) {
    // The row: the nearest <tr> above its cell's table, else its block.
    const row = nearest(l.element, ['tr']) ?? nearest(l.element, ['p', 'div', 'td']);
    const outer = row && row.name === 'tr' && descendants(row, isLinkEl).length === 1 ? nearest(row, ['tr']) ?? row : row;
    const key = `${outer?.startIndex ?? -1} ${surveyKey(l.href)}`;
    const g = groups.get(key) ?? [];
    g.push(l);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (g.length < 3) continue;
    const nums = g.map((l) => (/^\d+$/.test(l.text.trim()) ? Number(l.text.trim()) : NaN));
    const numeric = nums.every((n) => !Number.isNaN(n));
    if (numeric && !nums.every((n, i) => i === 0 || n === nums[i - 1] + 1)) continue;
    if (!numeric && nums.some((n) => !Number.isNaN(n))) continue;
    const members = new Set(g.map((l) => l.element));
    const inScale = ctas.filter((c) => c.link && members.has(c.link.element));
    if (!inScale.length) continue;
    const [first, ...rest] = inScale;
    const label = numeric ? `${nums[0]}–${nums[nums.length - 1]}` : g.map((l) => l.text.trim()).join(' ');
    Object.assign(first, { survey: { links: g, elements: rest.map((r) => r.element), label }, type: 'form' as MicroConversion, reason: `a rating scale: ${g.length} links in one row to one survey` });
    for (const r of rest) ctas.splice(ctas.indexOf(r), 1);
  }
}

const strip = (t: string) => t.replace(/[→»›>]+/g, '').replace(/\s+/g, ' ').trim();
const strippedCache = new WeakMap<Element, string>();
/** `strip(doc.textOf(e))`, once per element (a card's container is asked about once per link in it). */
function strippedText(doc: EmailDocument, e: Element): string {
  let t = strippedCache.get(e);
  if (t === undefined) strippedCache.set(e, (t = strip(doc.textOf(e))));
  return t;
}
const INLINE = new Set(['a', 'b', 'strong', 'em', 'i', 'u', 'span', 'font', 'small', 'big', 'sup', 'sub', 'mark', 'code']);
const BLOCKS = ['p', 'td', 'th', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'center', 'blockquote'];

/** The line `a` sits on: its block's inline content between the `<br>`s around it, split at the link's own inline wrapper. */
function lineAround(doc: EmailDocument, a: Element): { before: string; own: string; after: string } | undefined {
  let child: Element = a;
  while (child.parent && child.parent.type === 'tag' && INLINE.has((child.parent as Element).name)) child = child.parent as Element;
  const block = child.parent;
  if (!block || !('children' in block)) return undefined;
  const kids = block.children;
  const i = kids.indexOf(child);
  const isBreak = (n: AnyNode) => n.type === 'tag' && ((n as Element).name === 'br' || !INLINE.has((n as Element).name));
  let from = i;
  while (from > 0 && !isBreak(kids[from - 1])) from--;
  let to = i;
  while (to < kids.length - 1 && !isBreak(kids[to + 1])) to++;
  const join = (ns: AnyNode[]) =>
    ns
      .map((n) => (n.type === 'text' ? (n as Text).data : doc.textOf(n)))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  return { before: join(kids.slice(from, i)), own: doc.textOf(child), after: join(kids.slice(i + 1, to + 1)) };
}

/** The text of the line `a` sits on. */
function lineText(doc: EmailDocument, a: Element): string | undefined {
  const l = lineAround(doc, a);
  return l && [l.before, l.own, l.after].filter(Boolean).join(' ');
}

/**
 * Whether a text link reads as an action of its own rather than a word of running text:
 *  - it stands alone on its line ("Read more" under a post);
 *  - it leads its line as a bold term, then a dash or colon and the copy that explains it
 *    ("**Restart your trial** – If you didn't get a chance…", an options list);
 *  - it closes its paragraph after a finished sentence and ends in an arrow
 *    ("…you name it. Browse integrations →").
 * A highlighted word inside a sentence is none of these.
 */
function standsAlone(doc: EmailDocument, a: Element, text = doc.textOf(a)): boolean {
  const l = lineAround(doc, a);
  if (!l) return false;
  if (strip([l.before, l.own, l.after].filter(Boolean).join(' ')) === strip(text)) return true;
  const bold = doc.styles.computed(a).fontWeight >= 600;
  if (!l.before && bold && strip(l.own) === strip(text) && /^[-–—:]\s*\S/.test(l.after) && l.after.length >= 20) return true;
  if (!l.after && /[.!?]["”’)]?$/.test(l.before) && /[→»›]\s*$/.test(text) && strip(l.own) === strip(text)) return true;
  return false;
}

/**
 * Step 6 (cards): a text link that stands alone on its line, inside a card — a container that
 * also holds an image, a heading or at least a sentence of copy — is that card's call to
 * action ("Read more" under each post of a digest, the title link of a product or album card).
 * Not: the masthead (nothing read before it), navigation, footer and small print, social,
 * same-page anchors, copy-paste URL fallbacks, a link whose image twin is already a CTA, and
 * link lists (3+ standalone links in one container with no other copy).
 */
function cardTextLinks(doc: EmailDocument, links: readonly Link[], taken: Set<Element>): Link[] {
  const out: Link[] = [];
  const end = mastheadEnd(doc);
  for (const link of links) {
    checkDeadline();
    if (link.isVml || link.inConditional || link.tag !== 'a' || excluded(doc, link)) continue;
    const a = link.element;
    if (taken.has(a)) continue;
    const text = doc.textOf(a);
    if (!text || textNodes(a).length === 0 || text.split(' ').length > 12) continue;
    if (isBareUrl(text) || isSocialHref(link.href) || (link.isFragment && link.href.trim() !== '#')) continue;
    if (doc.styles.hidden(a, 'web') || inNavigation(doc, a)) continue;
    if (!standsAlone(doc, a, text)) continue;
    if ((a.startIndex ?? 0) < end) continue;
    // The card: the nearest container holding more than this line.
    let card: Element | undefined;
    for (let n = a.parent; n; n = n.parent) {
      if (n.type !== 'tag') continue;
      const e = n as Element;
      if (!BLOCKS.includes(e.name) && e.name !== 'table') continue;
      if (strippedText(doc, e) !== strip(text) || descendants(e, (x) => x.name === 'img').length) {
        card = e;
        break;
      }
    }
    if (!card) continue;
    // A card has one action: a container that already holds a button is the email's body, not a card.
    if ([...taken].some((e) => e !== a && isInside(e, card!))) continue;
    const cardText = doc.textOf(card);
    // A card is a small unit; a long body cell is running copy, where a lone link is not guessed
    // at — unless the link is a story's headline followed by its summary (a digest column of
    // sibling blocks, as MJML builds it: headline, summary, byline).
    if (cardText.length > 700) {
      if (headlineWithSummary(doc, a)) out.push(link);
      continue;
    }
    if (isFooterText(doc, a, cardText, 399)) continue;
    const standalone = descendants(card, isLinkEl).filter((l) => {
      const t = doc.textOf(l);
      return t && standsAlone(doc, l, t);
    });
    const linkChars = standalone.reduce((n, l) => n + doc.textOf(l).length, 0);
    const copy = cardText.length - linkChars;
    const hasMedia = descendants(card, (x) => x.name === 'img' || /^h[1-6]$/.test(x.name)).length > 0;
    if (standalone.length >= 3 && copy < 40 * standalone.length) continue;
    if (!hasMedia && copy < 40) continue;
    // Small print, unless the card's image or heading makes the small link its action ("READ MORE" at 12px).
    const fs = effectiveFontSize(doc, a);
    if (fs !== undefined && fs <= 12 && !hasMedia) continue;
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

/** A home page: a site's root (`https://example.com/`, `/index.html`, `/en/`) or a merge tag naming the site. */
const HOME_TAG = /home|site|website|web_?url|base_?url|root|store_?url|shop_?url|company_?url|brand/i;
function isHomeHref(href: string, tags: Link['mergeTags']): boolean {
  const h = href.trim();
  if (tags.length && tags[0].range.start === 0) return HOME_TAG.test(tags[0].text) && /^\/?(?:[?#]|$)/.test(h.slice(tags[0].range.end));
  const m = /^https?:\/\/[^/?#]+(\/[^?#]*)?/i.exec(h);
  return !!m && /^(\/|\/(index|home)(\.html?)?|\/[a-z]{2}(-[a-z]{2})?\/?)?$/i.test(m[1] ?? '');
}

/**
 * The header's logo or wordmark: a link in the masthead (nothing read before it but the
 * preheader and a few characters) that holds only images or a short name and goes to the
 * sender's home page. It brands the email; it is not a call to action.
 */
function isMastheadBrand(doc: EmailDocument, a: Element, link: Link): boolean {
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
  const next = doc.renderedElements.find((e) => (e.startIndex ?? 0) > end && e.name !== 'br' && e.children.some((c) => c.type === 'text' && (c as Text).data.trim() !== ''));
  if (!next) return false;
  let block: Element = next;
  while (!BLOCKS.includes(block.name) && block.parent && block.parent.type === 'tag') block = block.parent as Element;
  const summary = doc.textOf(block);
  return summary.length >= 40 && summary.length <= 700 && !descendants(block, isLinkEl).length && doc.styles.computed(block).fontSize < size;
}

/** Step 7: the one standalone text link of a short email, or undefined. */
function loneTextLink(doc: EmailDocument, links: readonly Link[]): Link | undefined {
  const body = doc.body ?? doc.dom;
  const visible = doc.textOf(body).length;
  if (visible >= 3000) return undefined;
  const found: Link[] = [];
  for (const link of links) {
    checkDeadline();
    if (link.isVml || link.inConditional || link.tag !== 'a' || excluded(doc, link)) continue;
    const a = link.element;
    const text = doc.textOf(a);
    if (!text || textNodes(a).length === 0) continue;
    if (isBareUrl(text) || isSocialHref(link.href) || link.isFragment) continue;
    if (text.split(' ').length > 8 || isMastheadBrand(doc, a, link)) continue;
    if (doc.styles.hidden(a, 'web') || inNavigation(doc, a)) continue;
    const block = nearest(a, ['p', 'td', 'th', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'center']);
    if (!block) continue;
    const blockText = doc.textOf(block).replace(/[→»›>]+/g, '').trim();
    // Alone in its block, or sharing it only with unsubscribe / preference links joined by a
    // connector ("View the comment or Manage notifications"): those are not another action.
    const others = descendants(block, isLinkEl).filter((e) => e !== a);
    if (others.some((e) => !links.find((l) => l.element === e)?.role)) continue;
    let rest = ` ${blockText} `;
    for (const e of [a, ...others]) rest = rest.replace(doc.textOf(e).replace(/[→»›>]+/g, '').trim(), ' ');
    if (!/^(\s|\bor\b|\band\b|[|·•,/–—-])*$/i.test(rest)) continue;
    // Footer / small print: small font around it, or legal text in the surrounding cell.
    const fs = effectiveFontSize(doc, a);
    if (fs !== undefined && fs <= 12) continue;
    // Legal/footer wording in the link's own block, or in a small surrounding cell (a footer cell).
    const cell = nearest(block, ['td', 'th', 'div']);
    const cellText = cell ? doc.textOf(cell) : '';
    if (isFooterText(doc, a, blockText) || (cell && isFooterText(doc, cell, cellText, 299))) continue;
    found.push(link);
  }
  return found.length === 1 ? found[0] : undefined;
}

/** The computed font size when the template sets one (on the link or an ancestor), else undefined. */
function effectiveFontSize(doc: EmailDocument, el: Element): number | undefined {
  const s = doc.styles.computed(el);
  return s.fontSizeOrigin ? s.fontSize : undefined;
}

/** Button-style CTAs (kind button or vml-button). */
export function isButtonStyle(c: Cta): boolean {
  return c.kind === 'button' || c.kind === 'vml-button';
}

/**
 * Where a reader has seen `count` characters of `html` from `from` on: the offset just past the
 * `count`-th visible character (outside tags, comments and style, script and title elements, not
 * whitespace or character references), or Infinity when fewer follow. So "fewer than `count`
 * visible characters lie between `from` and `x`" is `x < visibleReach(html, from, count)`, for
 * every `x` of the document in one pass, linear in the text read.
 */
function visibleReach(html: string, from: number, count: number): number {
  if (count <= 0) return from;
  const lower = html.toLowerCase();
  const raw = /<(style|script|title)(?=[\s>\/])/y;
  const entity = /&[a-z#0-9]+;/y;
  const unclosed = new Set<string>(); // a closer not found once is not found later either
  const closer = (needle: string, from: number): number => {
    if (unclosed.has(needle)) return -1;
    const at = lower.indexOf(needle, from);
    if (at < 0) unclosed.add(needle);
    return at;
  };
  let seen = 0;
  let i = from;
  while (i < html.length) {
    const c = html[i];
    if (c === '<') {
      checkDeadline();
      raw.lastIndex = i;
      const r = raw.exec(lower);
      if (r) {
        const close = closer(`</${r[1]}>`, i);
        if (close >= 0) { i = close + r[1].length + 3; continue; }
      }
      if (lower.startsWith('<!--', i)) {
        const close = closer('-->', i + 4);
        if (close >= 0) { i = close + 3; continue; }
      }
      let j = i + 1;
      while (j < html.length && html[j] !== '<' && html[j] !== '>') j++;
      if (html[j] === '>') { i = j + 1; continue; }
    } else if (c === '&') {
      entity.lastIndex = i;
      if (entity.exec(lower)) { i = entity.lastIndex; continue; }
    } else if (/\s/.test(c)) { i++; continue; }
    i++;
    if (++seen === count) return i;
  }
  return Infinity;
}
