/**
 * The fold: how far down the email a reader sees before scrolling, per viewport (CSS px from
 * the top of the email). One answer for every reader: the `cta-above-fold` rule's option
 * defaults, render's views and pictures, the preview and report snapshot, the language
 * server and `variants`.
 */
import type { Viewport } from './geometry.js';

export type Folds = Record<Viewport, number>;

/**
 * cta-above-fold's default folds: 500 px on a 375 px-wide phone (a 667 px viewport minus the
 * mail app's header), 350 px in a 600 px-wide desktop preview pane.
 */
export const DEFAULT_FOLDS: Readonly<Folds> = Object.freeze({ mobile: 500, desktop: 350 });

/** The folds a resolved rules config sets (cta-above-fold's `mobileFold` / `desktopFold`), else the defaults. */
export function foldsFromRules(rules: Readonly<Record<string, { options?: Record<string, unknown> }>> | undefined): Folds {
  const o = rules?.['cta-above-fold']?.options ?? {};
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return { mobile: num(o.mobileFold, DEFAULT_FOLDS.mobile), desktop: num(o.desktopFold, DEFAULT_FOLDS.desktop) };
}

/** Whether a box starting at `top` starts below the fold `fold`. */
export function belowFold(top: number, fold: number): boolean {
  return top > fold;
}
