/** Media queries evaluated for one screen: width, height, colour scheme. Pure. */
import { TextCache } from './text-cache.js';

export type Scheme = 'light' | 'dark';

export interface MediaEnv {
  width: number;
  height: number;
  scheme: Scheme;
}

function lengthPx(v: string): number | undefined {
  const m = /^(-?(?:\d+(?:\.\d+)?|\.\d+))\s*(px|em|rem)?$/i.exec(v.trim());
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  return m[2] && /r?em/i.test(m[2]) ? n * 16 : n;
}

function evalFeature(feature: string, env: MediaEnv): boolean {
  const f = feature.trim().toLowerCase();
  const colon = /^([\w-]+)\s*:(.+)$/.exec(f);
  if (colon) {
    const [, name, value] = colon;
    const px = lengthPx(value);
    switch (name) {
      case 'max-width':
      case 'max-device-width':
        return px !== undefined && env.width <= px;
      case 'min-width':
      case 'min-device-width':
        return px !== undefined && env.width >= px;
      case 'max-height':
      case 'max-device-height':
        return px !== undefined && env.height <= px;
      case 'min-height':
      case 'min-device-height':
        return px !== undefined && env.height >= px;
      case 'prefers-color-scheme':
        return value.trim() === env.scheme;
      case 'orientation':
        return value.trim() === (env.height >= env.width ? 'portrait' : 'landscape');
      // The screen is taken as 1 dppx (96 dpi), as headless Chromium reports it.
      case '-webkit-min-device-pixel-ratio':
      case 'min-device-pixel-ratio':
      case 'min-resolution':
        return dppx(value) <= 1;
      case '-webkit-max-device-pixel-ratio':
      case 'max-device-pixel-ratio':
      case 'max-resolution':
        return dppx(value) >= 1;
      case '-webkit-device-pixel-ratio':
      case 'device-pixel-ratio':
      case 'resolution':
        return dppx(value) === 1;
      case 'hover':
        return value.trim() === 'hover';
      case 'prefers-reduced-motion':
      case 'prefers-reduced-transparency':
      case 'prefers-contrast':
        return value.trim() === 'no-preference';
      case 'pointer':
        return value.trim() === 'fine';
      default:
        return false;
    }
  }
  // Range syntax: (width <= 600px), (600px >= width)
  const range = /^([\w-]+)\s*(<=|>=|<|>)\s*([\w.]+)$/.exec(f) ?? null;
  if (range && (range[1] === 'width' || range[1] === 'height')) {
    const px = lengthPx(range[3]);
    const actual = range[1] === 'width' ? env.width : env.height;
    if (px === undefined) return false;
    return range[2] === '<=' ? actual <= px : range[2] === '>=' ? actual >= px : range[2] === '<' ? actual < px : actual > px;
  }
  // Boolean context: true when the feature's value is not zero/none.
  return /^(color|width|height|device-width|device-height|orientation|-webkit-device-pixel-ratio|device-pixel-ratio|resolution|hover|pointer|any-hover|any-pointer)$/.test(f);
}

function dppx(value: string): number {
  const m = /^((?:\d+(?:\.\d+)?|\.\d+))\s*(dppx|x|dpi|dpcm)?$/i.exec(value.trim());
  if (!m) return NaN;
  const n = parseFloat(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return unit === 'dpi' ? n / 96 : unit === 'dpcm' ? (n * 2.54) / 96 : n;
}

/** Evaluates a media query list for a screen of the given width and colour scheme. Unknown features never match. */
export function matchMedia(query: string, env: MediaEnv): boolean {
  const key = `${env.width} ${env.height} ${env.scheme} ${query}`;
  return MATCHED.get(key) ?? MATCHED.add(key, () => evalMedia(query, env));
}

/** matchMedia's answers by screen and query (templates repeat a few breakpoints). */
const MATCHED = new TextCache<boolean>(2_000);

function evalMedia(query: string, env: MediaEnv): boolean {
  const q = query.trim();
  if (!q) return true;
  return q.split(',').some((part) => {
    let p = part.trim().toLowerCase();
    if (!p) return false;
    let negate = false;
    if (p.startsWith('not ')) {
      negate = true;
      p = p.slice(4);
    }
    p = p.replace(/^only\s+/, '');
    let ok = true;
    const features = p.match(/\(([^()]*)\)/g) ?? [];
    const type = p.replace(/\([^()]*\)/g, ' ').replace(/\band\b/g, ' ').trim();
    if (type && !/^(screen|all)$/.test(type)) ok = false;
    for (const f of features) if (!evalFeature(f.slice(1, -1), env)) ok = false;
    return negate ? !ok : ok;
  });
}

/** True when a media query mentions `prefers-color-scheme: dark`. */
export const DARK_MEDIA = /prefers-color-scheme\s*:\s*dark/i;
