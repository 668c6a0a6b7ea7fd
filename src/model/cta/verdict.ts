/**
 * Why a link is not a call to action: the reasons the CTA model gives, with their words. The
 * model decides each link once (./detect.ts) and keeps the verdict on the document
 * (`doc.ctaVerdict(link)`), which `inspect`, `track` and the rules read.
 */
import type { Link } from '../links.js';
import type { Cta } from './types.js';

export type NotCtaReason =
  /** `mailto:`, `tel:`, `sms:`, `javascript:`, `data:`, `cid:`, `callto:`, `facetime:`, `skype:`. */
  | 'scheme'
  | 'unsubscribe'
  | 'preferences'
  | 'view-online'
  /** An `<a>` inside Outlook-only conditional markup (its button is the VML shape or the HTML one). */
  | 'outlook-only'
  /** A VML shape paired with an HTML link that is not a CTA. */
  | 'vml'
  /** An image-map `<area>`. */
  | 'area'
  | 'hidden'
  | 'social'
  /** The masthead's logo or wordmark linking home. */
  | 'brand'
  /** An image link that does not read as a button or banner (logo, icon, gallery, no cues…). */
  | 'image'
  /** A second image link to one destination in one card (a thumbnail's play button). */
  | 'image-duplicate'
  /** No label and no image. */
  | 'empty'
  | 'navigation'
  /** In the footer or small print. */
  | 'footer'
  /** A link inside running text (a highlighted word). */
  | 'in-text'
  /** A URL written out (a copy-paste fallback). */
  | 'url'
  /** A same-page anchor. */
  | 'anchor'
  /** A step of a rating scale, which is one CTA (its first step). */
  | 'rating-step'
  /** One of several standalone text links of a short email: none is guessed. */
  | 'ambiguous'
  /** A text link with none of a CTA's marks (not a button, not a card's action). */
  | 'plain';

/** The CTA a link is (`cta`), or the reason it is not one (`reason`, and `why` in words). */
export type CtaVerdict = { cta: Cta; reason?: undefined; why?: undefined } | { cta?: undefined; reason: NotCtaReason; why: string };

export function notCta(reason: NotCtaReason, why: string): CtaVerdict {
  return { reason, why };
}

export const PLAIN = notCta('plain', 'plain text link (not styled as a button)');

/** Schemes that never lead to a CTA's destination. */
const SKIP_SCHEMES = new Set(['mailto', 'tel', 'sms', 'javascript', 'data', 'cid', 'callto', 'facetime', 'skype']);

/** Step 1: a scheme or a role (unsubscribe, preferences, view-online) rules the link out, or null. */
export function ruledOut(link: Link): CtaVerdict | null {
  if (link.scheme && SKIP_SCHEMES.has(link.scheme)) return notCta('scheme', `${link.scheme}: link`);
  if (link.role) return notCta(link.role, `${link.role} link`);
  return null;
}
