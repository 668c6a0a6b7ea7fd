/**
 * Outlook VML buttons and their HTML twins: the ONE pairing the CTA model, link tracking and
 * the rules read.
 *
 * A bulletproof button is drawn twice: a VML shape (`v:roundrect`, `v:rect`, …) with an `href`
 * inside `<!--[if mso]>` for Outlook for Windows, and an HTML `<a>` for every other client.
 * The twin of a VML link is, in this order:
 *  1. the first rendered `<a>` after the conditional comment (within 1,500 characters, before
 *     the next VML link) that is plausibly the same button: same href, hidden from Outlook
 *     (`mso-hide:all`), same label, or the VML has no label of its own (it wraps the `<a>`
 *     through split conditionals); never an unsubscribe / preference / view-online link;
 *  2. failing that, an `<a style="mso-hide:all">` that ends less than 600 characters before it
 *     (again never an unsubscribe / preference / view-online link);
 *  3. failing that, the nearest `<a>` with exactly the same href within 4,000 characters (the
 *     one after it first, as the fallback `<a>` follows the VML in both nestings), so a VML
 *     copy of any link gets that link's decisions.
 * Each `<a>` is the twin of at most one VML link. A VML link without a twin stands alone.
 *
 * Distances are counted in the text outside link values, so rewriting hrefs (tracking makes
 * them longer) never changes the pairing: tracking the output again finds the same twins.
 */
import type { EmailDocument } from './document.js';
import type { Link } from './links.js';

const NEAR_AFTER = 1500;
const NEAR_BEFORE = 600;
const SAME_HREF_DISTANCE = 4000;

const MSO_HIDE_ALL = /mso-hide\s*:\s*all/i;

const cache = new WeakMap<EmailDocument, Map<Link, Link>>();

/** VML link → its HTML twin, for every VML link of `doc` that has one (computed once per document). */
export function vmlTwins(doc: EmailDocument): Map<Link, Link> {
  let twins = cache.get(doc);
  if (!twins) cache.set(doc, (twins = pairVml(doc, doc.links)));
  return twins;
}

function pairVml(doc: EmailDocument, links: readonly Link[]): Map<Link, Link> {
  const twins = new Map<Link, Link>();
  const htmlLinks = links.filter((l) => !l.isVml && !l.inConditional && l.tag === 'a');
  const vmlLinks = links.filter((l) => l.isVml);
  const taken = new Set<Link>();
  const gap = outsideValues(links);
  for (const v of vmlLinks) {
    const cond = doc.conditionalOf(v.element);
    const after = cond ? cond.range.end : (v.element.endIndex ?? 0);
    const before = cond ? cond.range.start : (v.element.startIndex ?? 0);
    const nextVml = vmlLinks.find((o) => (o.element.startIndex ?? 0) > (v.element.startIndex ?? 0));
    const limit = nextVml ? (nextVml.element.startIndex ?? Infinity) : Infinity;
    const vLabel = doc.textOf(v.element).toLowerCase();
    const plausible = (l: Link) => !l.role && (l.href === v.href || MSO_HIDE_ALL.test(l.element.attribs.style ?? '') || !vLabel || l.text.toLowerCase() === vLabel);
    const start = (l: Link) => l.element.startIndex ?? 0;
    const end = (l: Link) => l.element.endIndex ?? 0;
    let twin = htmlLinks.find((l) => !taken.has(l) && start(l) >= after && start(l) < limit && gap(after, start(l)) < NEAR_AFTER && plausible(l));
    if (!twin) {
      twin = [...htmlLinks]
        .reverse()
        .find((l) => !taken.has(l) && !l.role && end(l) < before && gap(end(l), before) < NEAR_BEFORE && MSO_HIDE_ALL.test(l.element.attribs.style ?? ''));
    }
    if (twin) {
      taken.add(twin);
      twins.set(v, twin);
    }
  }
  // Step 3, once the near pairs are settled: the same href nearby.
  const html = links.filter((l) => !l.isVml);
  for (const v of vmlLinks) {
    if (twins.has(v)) continue;
    const at = v.valueRange.start;
    const same = html.filter((a) => !taken.has(a) && a.href === v.href && Math.abs(gap(a.valueRange.start, at)) <= SAME_HREF_DISTANCE);
    const best = same.find((a) => a.valueRange.start > at) ?? same.filter((a) => a.valueRange.start < at).pop();
    if (best) {
      taken.add(best);
      twins.set(v, best);
    }
  }
  return twins;
}

/**
 * `gap(a, b)`: the characters from offset `a` to `b` that are not inside a link value (negative
 * when `b < a`). Link values do not overlap.
 */
function outsideValues(links: readonly Link[]): (a: number, b: number) => number {
  const sorted = [...links].sort((x, y) => x.valueRange.start - y.valueRange.start);
  const ends = sorted.map((l) => l.valueRange.end);
  const inside: number[] = [0];
  for (const l of sorted) inside.push(inside[inside.length - 1] + (l.valueRange.end - l.valueRange.start));
  const valueBytesBefore = (p: number) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] <= p) lo = mid + 1;
      else hi = mid;
    }
    return inside[lo];
  };
  return (a, b) => b - valueBytesBefore(b) - (a - valueBytesBefore(a));
}
