/**
 * Calls to action: which links an email developer would call the email's buttons.
 * (Filled in by the CTA model: detection, primary, micro-conversion type, positions.)
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import type { Link } from './links.js';
import type { Range } from './location.js';
import type { Box, Viewport } from './geometry.js';

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
  /** Range of the label text in the source (for suggestions), when it is one text node. */
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
}

export function findCtas(_doc: EmailDocument): Cta[] {
  return [];
}
