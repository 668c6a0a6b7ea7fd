/**
 * The views a template is rendered at. `mobile` and `desktop` are the rules' own viewports
 * (src/model/geometry.ts VIEWPORTS: a 375×667 touch phone at 2×, a 600×800 desktop reading
 * pane) with the rules' folds (src/model/fold.ts: cta-above-fold's `mobileFold` / `desktopFold`). A
 * custom `WxH` view (`390x844`, `1280x800`) is phone-like below 481 px wide (2×, touch) and
 * gets the fold at the same share of its height as the named view of its family
 * (by default 500/667 of the height on a phone, 350/800 on a desktop).
 */
import { InboxlintError } from '../errors.js';
import { VIEWPORTS, type Viewport } from '../model/geometry.js';
import { DEFAULT_FOLDS, type Folds } from '../model/fold.js';

export interface ViewSpec {
  /** `mobile`, `desktop` or `WxH`; used in file names. */
  name: string;
  width: number;
  height: number;
  /** Device pixels per CSS px (2 on a phone). */
  scale: number;
  /** A touch phone (`isMobile`, `hasTouch`). */
  mobile: boolean;
  /** The fold in CSS px from the top of the email. */
  fold: number;
  /** The model viewport this view measures for the rules (`mobile`/`desktop`), if any. */
  geometry?: Viewport;
}

export const DEFAULT_VIEWS: readonly string[] = ['mobile', 'desktop'];

/** A view from `mobile`, `desktop` or `WxH` (e.g. `390x844`); a bad spec is an InboxlintError naming it. */
export function parseView(spec: string, folds: Folds = DEFAULT_FOLDS): ViewSpec {
  const s = spec.trim().toLowerCase();
  if (s === 'mobile') return { name: 'mobile', ...VIEWPORTS.mobile, scale: 2, mobile: true, fold: folds.mobile, geometry: 'mobile' };
  if (s === 'desktop') return { name: 'desktop', ...VIEWPORTS.desktop, scale: 1, mobile: false, fold: folds.desktop, geometry: 'desktop' };
  const m = /^(\d{2,5})x(\d{2,5})$/.exec(s);
  if (!m) throw new InboxlintError(`--viewport: expected mobile, desktop or WIDTHxHEIGHT (e.g. 390x844), got "${spec}"`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  if (width < 200 || width > 4000 || height < 200 || height > 4000) {
    throw new InboxlintError(`--viewport: ${width}x${height} is out of range (200 to 4000 px each way)`);
  }
  const mobile = width <= 480;
  const family = mobile ? VIEWPORTS.mobile : VIEWPORTS.desktop;
  const fold = Math.round((height * (mobile ? folds.mobile : folds.desktop)) / family.height);
  return { name: `${width}x${height}`, width, height, scale: mobile ? 2 : 1, mobile, fold };
}

/**
 * The views of `render --viewport` flags: a `WxH` view is added to the default mobile and
 * desktop views; naming `mobile` or `desktop` keeps only the named ones of those two.
 */
export function viewsFromFlags(specs: readonly string[]): string[] {
  const named = specs.filter((s) => DEFAULT_VIEWS.includes(s.trim().toLowerCase()));
  return named.length ? [...specs] : [...DEFAULT_VIEWS, ...specs];
}

/** Views from specs, duplicates dropped, in the order given. */
export function parseViews(specs: readonly string[] = DEFAULT_VIEWS, folds: Folds = DEFAULT_FOLDS): ViewSpec[] {
  const out = new Map<string, ViewSpec>();
  for (const s of specs.length ? specs : DEFAULT_VIEWS) {
    const v = parseView(s, folds);
    if (!out.has(v.name)) out.set(v.name, v);
  }
  return [...out.values()];
}
