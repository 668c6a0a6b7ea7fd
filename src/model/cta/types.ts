/** What a CTA is: the record the model gives for each call to action (see ./index.ts for how one is found). */
import type { Element } from 'domhandler';
import type { Link } from '../links.js';
import type { Range } from '../location.js';
import type { Box, Viewport } from '../geometry.js';

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
