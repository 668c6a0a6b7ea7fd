/**
 * The views the cascade is evaluated for: a screen width (375 px phone, 600 px pane) and a
 * colour scheme. Media queries are evaluated against them.
 */
import type { Scheme } from '../css/media.js';

export type Viewport = 'mobile' | 'desktop';

/** Viewport widths used by the cascade, the static layout and the renderer (CSS px). */
export const VIEWPORTS: Record<Viewport, { width: number; height: number }> = {
  mobile: { width: 375, height: 667 },
  desktop: { width: 600, height: 800 },
};

/**
 * The screen that media queries see in each view. On a phone it is the 375 px viewport. A
 * desktop client shows the 600 px pane inside a wider window, so `max-width: 600px` (or 480px)
 * breakpoints, which email templates write for phones, do not apply there: media queries see a
 * 1024 px window while the layout fills the 600 px pane.
 */
export const MEDIA_SCREEN: Record<Viewport, { width: number; height: number }> = {
  mobile: VIEWPORTS.mobile,
  desktop: { width: 1024, height: 800 },
};

/** One view of a document: which viewport and which colour scheme. */
export interface View {
  viewport?: Viewport;
  scheme?: Scheme;
}
