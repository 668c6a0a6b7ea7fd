/**
 * Geometry shared by static estimates and rendered measurements. A rule reads a Box and says
 * whether it was `measured` (Chromium) or estimated (static layout): the renderer replaces
 * estimates through the same fields, so no rule changes when measurements arrive.
 */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
  /** true when measured in a real browser, false when estimated statically. */
  measured: boolean;
}

export { VIEWPORTS, type Viewport } from '../style/views.js';
import type { Viewport } from '../style/views.js';

/**
 * Measured boxes from a render, keyed by the element's source start offset, per viewport.
 * Produced by src/render and passed to a document with `doc.withFacts({ measured })`.
 */
export interface MeasuredGeometry {
  viewports: Partial<Record<Viewport, Map<number, Box>>>;
  /** The document's size per viewport (a scroll width above the viewport's width scrolls sideways). */
  pages?: Partial<Record<Viewport, PageSize>>;
  /** A second render with every image blocked, as image-blocking clients first show the email. */
  imagesOff?: ImagesOffGeometry;
}

export interface PageSize {
  scrollWidth: number;
  scrollHeight: number;
}

/** How an image's alt text is drawn when the image is blocked. */
export interface AltText {
  /** Computed font size of the `<img>` (px): alt text is drawn in it. */
  fontSize: number;
  /** Width of the alt text on one line in that font (px); 0 without alt text. */
  textWidth: number;
  /** false for `visibility:hidden` or zero opacity. */
  visible: boolean;
}

export interface ImagesOffGeometry {
  viewports: Partial<Record<Viewport, Map<number, Box>>>;
  /** Per viewport, `<img>` source offset → its alt text as drawn. */
  alt: Partial<Record<Viewport, Map<number, AltText>>>;
}
