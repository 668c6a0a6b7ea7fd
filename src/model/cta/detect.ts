/**
 * The CTA scan: every link of the document once, in the order of ./index.ts's steps, giving
 * each a verdict — the CTA it is, or why it is not one. `doc.ctas` and `doc.ctaVerdict(link)`
 * read the one result (kept on the document).
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from '../document.js';
import { destinationKey, type Link } from '../links.js';
import type { Range } from '../location.js';
import type { Box, Viewport } from '../geometry.js';
import { classifyLink, isSocialHref, isSocialName } from '../classify.js';
import { boxOf } from '../layout.js';
import { vmlTwins } from '../vml.js';
import { checkDeadline } from '../../deadline.js';
import { labelRangeOf } from './dom.js';
import { buttonStyle } from './button.js';
import { imageReadsAsCta, imagesOnly, sameCard } from './image.js';
import { cardTextLinks, isMastheadBrand, loneTextLink, wholeEmailLinks, type Reject } from './text-links.js';
import { foldScales } from './scales.js';
import { numberAndRank } from './primary.js';
import { notCta, PLAIN, ruledOut, type CtaVerdict } from './verdict.js';
import type { Cta, CtaKind } from './types.js';

/** What the scan finds: the CTAs in document order, and a verdict for every link of the document. */
export interface CtaModel {
  ctas: Cta[];
  verdicts: Map<Link, CtaVerdict>;
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

type Found = Omit<Cta, 'index' | 'primary'>;

/** A box per viewport, each laid out when first read (a rule that reads the phone's box lays out no desktop). */
function boxes(doc: EmailDocument, el: Element): Record<Viewport, Box> {
  return perViewport((vp) => boxOf(doc, el, vp));
}

function perViewport(at: (vp: Viewport) => Box): Record<Viewport, Box> {
  const out = {} as Record<Viewport, Box>;
  lazy(out, 'mobile', () => at('mobile'));
  lazy(out, 'desktop', () => at('desktop'));
  return out;
}

/**
 * Defines `obj[key]` as computed on first read (then an ordinary property): the layout estimate
 * behind a CTA's boxes is most of the CTA model's cost, runs only as far as the boxes read, and
 * `track` never reads them.
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
  return perViewport(at);
}

/** A label's micro-conversion type: the link's own (links.ts) when the label is the link's text, as it mostly is. */
function typeOf(link: Link, label: string): Cta['type'] {
  return label === link.text ? link.type : classifyLink(link.href, label, link.role);
}

function fromCandidate(doc: EmailDocument, c: Candidate): Found {
  const label = c.kind === 'image' ? (c.image!.attribs.alt ?? '').replace(/\s+/g, ' ').trim() : doc.textOf(c.a);
  let labelRange: Range | undefined;
  if (c.kind === 'image') {
    const alt = doc.attr(c.image!, 'alt');
    labelRange = alt && alt.quote && alt.raw.trim() ? alt.valueRange : undefined;
  } else labelRange = labelRangeOf(doc, c.a);
  const out: Found = {
    kind: c.kind,
    label,
    labelRange,
    href: c.link.href,
    hrefIsMergeTag: c.link.isMergeTagOnly,
    link: c.link,
    element: c.element,
    range: doc.range(c.a),
    type: undefined as unknown as Cta['type'],
    boxes: undefined as unknown as Record<Viewport, Box>,
    reason: c.reason,
    labelElement: c.a,
    linkBoxes: undefined as unknown as Record<Viewport, Box>,
    prominence: c.prominence,
  };
  // The type too: track numbers CTAs without it.
  lazy(out, 'type', () => typeOf(c.link, label));
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
}

/** A VML button without an HTML twin: a CTA on its own. */
function vmlOnly(doc: EmailDocument, link: Link): Found {
  const label = doc.textOf(link.element);
  const cta: Found = {
    kind: 'vml-button',
    label,
    labelRange: labelRangeOf(doc, link.element),
    href: link.href,
    hrefIsMergeTag: link.isMergeTagOnly,
    vml: link,
    element: link.element,
    range: doc.range(link.element),
    type: typeOf(link, label),
    boxes: undefined as unknown as Record<Viewport, Box>,
    reason: 'Outlook VML button (no HTML twin found)',
    labelElement: link.element,
    linkBoxes: undefined as unknown as Record<Viewport, Box>,
    prominence: 3,
    ...(label ? { vmlLabel: label, vmlLabelRange: labelRangeOf(doc, link.element) } : {}),
  };
  lazy(cta, 'boxes', () => vmlBoxes(doc, link));
  lazy(cta, 'linkBoxes', () => vmlBoxes(doc, link));
  return cta;
}

/** Steps 3–5 for a rendered `<a>`: a button, an image CTA, or why not (undefined: a text link, for steps 6–7). */
function styledOrImage(doc: EmailDocument, a: Element, link: Link): Candidate | CtaVerdict | undefined {
  const b = buttonStyle(doc, a);
  if (b) return { kind: 'button', a, link, ...b };
  const imgs = imagesOnly(doc, a);
  if (imgs) {
    let why: string | undefined;
    for (const img of imgs) {
      const r = imageReadsAsCta(doc, img, a, link.href);
      if (r === true) return { kind: 'image', a, link, element: img, prominence: 1, image: img, reason: 'image link that reads as a button/banner' };
      why ??= r;
    }
    return notCta('image', why!);
  }
  if (!doc.textOf(a)) return notCta('empty', 'no label');
  return undefined;
}

/** The CTAs of the document and a verdict for each of its links (see ./index.ts for the steps). */
export function findCtas(doc: EmailDocument): CtaModel {
  const links = doc.links;
  const pairs = vmlTwins(doc);
  const twinOf = new Map<Link, Link>();
  for (const [v, a] of pairs) if (a) twinOf.set(a, v);
  const ctas: Found[] = [];
  const why = new Map<Link, CtaVerdict>();
  // Steps 6 and 7 say more about a text link only where the scan found nothing more specific.
  const reject: Reject = (link, reason, words) => {
    if ((why.get(link) ?? PLAIN).reason === 'plain') why.set(link, notCta(reason, words));
  };

  for (const link of links) {
    if (link.isVml) {
      if (pairs.get(link)) continue; // decided with its twin
      checkDeadline();
      const out = ruledOut(link);
      if (out) why.set(link, out);
      else ctas.push(vmlOnly(doc, link));
      continue;
    }
    if (link.tag !== 'a') {
      why.set(link, notCta('area', 'image-map area'));
      continue;
    }
    if (link.inConditional) {
      why.set(link, notCta('outlook-only', 'Outlook-only markup'));
      continue;
    }
    const out = ruledOut(link);
    if (out) {
      why.set(link, out);
      continue;
    }
    const a = link.element;
    if (doc.styles.hidden(a, 'web')) {
      why.set(link, notCta('hidden', 'hidden'));
      continue;
    }
    const vml = twinOf.get(link);
    if (vml) {
      const styled = buttonStyle(doc, a);
      const img = imagesOnly(doc, a)?.[0];
      ctas.push(
        fromCandidate(doc, {
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
    if ((isSocialHref(link.href) && imagesOnly(doc, a)) || isSocialName(doc.textOf(a))) {
      why.set(link, notCta('social', 'social link'));
      continue;
    }
    if (isMastheadBrand(doc, a, link)) {
      why.set(link, notCta('brand', 'the masthead logo or brand link'));
      continue;
    }
    const c = styledOrImage(doc, a, link);
    if (!c) continue; // a text link: steps 6 and 7
    if (!('kind' in c)) {
      why.set(link, c);
      continue;
    }
    // Several image links to one destination in one card (a thumbnail and its play button) are one CTA.
    if (c.kind === 'image' && ctas.some((x) => x.kind === 'image' && destinationKey(x.href) === destinationKey(link.href) && sameCard(doc, x.labelElement, a))) {
      why.set(link, notCta('image-duplicate', 'a second image link to the same place in one card'));
      continue;
    }
    ctas.push(fromCandidate(doc, c));
  }

  const taken = new Set(ctas.map((c) => c.link?.element).filter((e): e is Element => !!e));
  for (const link of cardTextLinks(doc, links, taken, reject)) {
    // Assigned, not spread: a spread would compute the lazy boxes.
    const whole = wholeEmailLinks.has(link.element);
    ctas.push(Object.assign(fromCandidate(doc, { kind: 'text', a: link.element, link, element: link.element, prominence: 0, reason: whole ? 'a text link on its own line in an email laid out as one block' : "a card's call to action: a text link on its own line in a card with an image, heading or copy" }), { card: !whole }));
  }

  if (!ctas.length) {
    const lone = loneTextLink(doc, links, reject);
    if (lone) ctas.push(fromCandidate(doc, { kind: 'text', a: lone.element, link: lone, element: lone.element, prominence: 0, reason: 'the lone prominent text link of a short email' }));
  }

  ctas.sort((x, y) => x.range.start - y.range.start);
  foldScales(ctas, links);
  const found = numberAndRank(ctas);
  return { ctas: found, verdicts: verdictsOf(links, pairs, found, why) };
}

/** Each link's verdict: its CTA (a VML shape shares its twin's), a rating scale's step, or the reason the scan gave. */
function verdictsOf(links: readonly Link[], pairs: ReadonlyMap<Link, Link | undefined>, ctas: readonly Cta[], why: ReadonlyMap<Link, CtaVerdict>): Map<Link, CtaVerdict> {
  const verdicts = new Map<Link, CtaVerdict>();
  for (const cta of ctas) {
    if (cta.link) verdicts.set(cta.link, { cta });
    if (cta.vml) verdicts.set(cta.vml, { cta });
    for (const step of cta.survey?.links ?? []) {
      if (step !== cta.link) verdicts.set(step, notCta('rating-step', `a step of the rating scale ${cta.survey!.label} (CTA ${cta.index + 1})`));
    }
  }
  const own = (l: Link) => verdicts.get(l) ?? why.get(l) ?? PLAIN;
  for (const l of links) {
    if (verdicts.has(l)) continue;
    const twin = l.isVml ? pairs.get(l) : undefined;
    if (!twin) verdicts.set(l, own(l));
    else {
      const t = own(twin);
      verdicts.set(l, t.cta ? t : notCta('vml', `Outlook VML shape of a link that is not a CTA (${t.why})`));
    }
  }
  return verdicts;
}
