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
 * Produced by src/render and attached to a document with `doc.extra.measured`.
 */
export interface MeasuredGeometry {
  viewports: Partial<Record<Viewport, Map<number, Box>>>;
}
