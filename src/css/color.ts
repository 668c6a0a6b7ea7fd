/**
 * Colours: parsing every CSS colour syntax (culori), the HTML legacy colour attributes
 * (`bgcolor`, `<font color>`), alpha compositing, and the WCAG 2.x contrast ratio.
 * The WCAG arithmetic is color-contrast-checker's; it accepts `#rrggbb` only and keeps state
 * between calls, so every call normalises first and uses a fresh checker.
 */
import { createRequire } from 'node:module';
import { TextCache } from './text-cache.js';

/** The part of color-contrast-checker (CommonJS, untyped) used here. */
interface ContrastChecker {
  hexToLuminance(hex: string): number;
  getContrastRatio(a: number, b: number): number;
}
const require = createRequire(import.meta.url);
const ColorContrastChecker = require('color-contrast-checker') as new () => ContrastChecker;
// culori's single-file bundle (`culori/require`, the same code as its ES modules): its ES build is
// some 150 modules, and loading them took ~70 ms of CPU at every start, against ~10 ms for the bundle.
const { parse, converter } = require('culori/require') as typeof import('culori');

/** sRGB channels 0–255 (not rounded), alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };

const toRgb = converter('rgb');
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * Parses a CSS colour value. Returns `'currentcolor'` for `currentColor` (the caller knows the
 * element's colour) and undefined when the value is not a colour. `quirks` accepts the
 * hashless hex (`color: fff`) that browsers accept in quirks mode.
 */
export function parseColor(value: string, quirks = false): Rgba | 'currentcolor' | undefined {
  const cache = PARSED[quirks ? 1 : 0];
  return (cache.get(value) ?? cache.add(value, (v) => parseColorText(v, quirks) ?? null)) ?? undefined;
}

/** Colours parsed, by text and quirks mode (null: not a colour). Shared: frozen. */
const PARSED = [new TextCache<Rgba | 'currentcolor' | null>(5_000), new TextCache<Rgba | 'currentcolor' | null>(5_000)];

function parseColorText(value: string, quirks: boolean): Rgba | 'currentcolor' | undefined {
  const v = value.trim();
  if (!v) return undefined;
  if (/^currentcolor$/i.test(v)) return 'currentcolor';
  // culori accepts hex without `#`; CSS does only in quirks mode (the hashless hex colour quirk):
  // a value starting with a letter must have 3 or 6 digits, one starting with a digit (a number
  // or dimension token) is padded with leading zeros to 6 (`color: 333` is #000333).
  if (/^[0-9a-f]+$/i.test(v)) {
    if (!quirks || v.length > 6) return undefined;
    if (/^[0-9]/.test(v)) return parseColor(`#${v.padStart(6, '0')}`);
    if (v.length !== 3 && v.length !== 6) return undefined;
    return parseColor(`#${v}`);
  }
  if (/^(var|env|calc|attr)\(/i.test(v) || /^-/.test(v)) return undefined;
  let c;
  try {
    c = parse(v);
  } catch {
    return undefined;
  }
  if (!c) return undefined;
  const rgb = toRgb(c);
  if (!rgb) return undefined;
  return Object.freeze({
    r: clamp((rgb.r ?? 0) * 255, 0, 255),
    g: clamp((rgb.g ?? 0) * 255, 0, 255),
    b: clamp((rgb.b ?? 0) * 255, 0, 255),
    a: clamp(rgb.alpha ?? 1, 0, 1),
  });
}

/**
 * The HTML "rules for parsing a legacy colour value" (bgcolor, text, link, `<font color>`):
 * browsers turn almost any string into a colour (`bgcolor="chucknorris"` is red).
 * https://html.spec.whatwg.org/multipage/common-microsyntaxes.html#rules-for-parsing-a-legacy-colour-value
 */
export function parseLegacyColor(value: string): Rgba | undefined {
  let input = trimAsciiWhitespace(value);
  if (!input || /^transparent$/i.test(input)) return undefined;
  if (/^[a-z]+$/i.test(input)) {
    const named = parseColor(input);
    if (named && named !== 'currentcolor') return named;
  }
  if (/^#[0-9a-f]{3}$/i.test(input)) {
    return { r: parseInt(input[1], 16) * 17, g: parseInt(input[2], 16) * 17, b: parseInt(input[3], 16) * 17, a: 1 };
  }
  input = Array.from(input).map((ch) => (ch.codePointAt(0)! > 0xffff ? '00' : ch)).join('');
  if (input.length > 128) input = input.slice(0, 128);
  if (input.startsWith('#')) input = input.slice(1);
  input = input.replace(/[^0-9a-f]/gi, '0');
  while (input.length === 0 || input.length % 3 !== 0) input += '0';
  let len = input.length / 3;
  let parts = [input.slice(0, len), input.slice(len, 2 * len), input.slice(2 * len)];
  if (len > 8) {
    parts = parts.map((p) => p.slice(len - 8));
    len = 8;
  }
  while (len > 2 && parts.every((p) => p[0] === '0')) {
    parts = parts.map((p) => p.slice(1));
    len--;
  }
  if (len > 2) parts = parts.map((p) => p.slice(0, 2));
  const [r, g, b] = parts.map((p) => parseInt(p, 16));
  return { r, g, b, a: 1 };
}

/** Porter-Duff "source over": `top` painted over `bottom` (both may be translucent). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { ...TRANSPARENT };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** `#rrggbb`, composited over `backdrop` (white by default) when translucent. */
export function toHex(c: Rgba, backdrop: Rgba = WHITE): string {
  const o = c.a >= 1 ? c : over(c, backdrop);
  const h = (n: number) => Math.round(clamp(n, 0, 255)).toString(16).padStart(2, '0');
  return `#${h(o.r)}${h(o.g)}${h(o.b)}`;
}

/** A short CSS spelling of a colour for messages: `#rrggbb`, or `rgba(…)` when translucent. */
export function formatColor(c: Rgba): string {
  if (c.a >= 1) return toHex(c);
  const r = (n: number) => Math.round(n);
  return `rgba(${r(c.r)}, ${r(c.g)}, ${r(c.b)}, ${Number(c.a.toFixed(3))})`;
}

export function sameColor(a: Rgba, b: Rgba, tolerance = 1): boolean {
  return Math.abs(a.r - b.r) <= tolerance && Math.abs(a.g - b.g) <= tolerance && Math.abs(a.b - b.b) <= tolerance && Math.abs(a.a - b.a) <= 0.01;
}

/**
 * WCAG 2.x contrast ratio of two opaque colours (translucent ones are composited over white
 * first; callers that know the backdrop composite themselves). Exact, not rounded.
 */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  return LUMINANCE_CHECKER.getContrastRatio(luminance(fg), luminance(bg));
}

/**
 * The checker's relative luminance of a colour as `toHex` writes it, once per 24-bit colour.
 * Only the library's stateless methods are called on the shared checker (it keeps the last font
 * size of a `check`, never called here).
 */
function luminance(c: Rgba): number {
  const o = c.a >= 1 ? c : over(c, WHITE);
  const h = (n: number) => Math.round(clamp(n, 0, 255));
  const key = (h(o.r) << 16) | (h(o.g) << 8) | h(o.b);
  let l = LUMINANCE.get(key);
  if (l === undefined) {
    if (LUMINANCE.size >= 100_000) LUMINANCE.clear();
    LUMINANCE.set(key, (l = LUMINANCE_CHECKER.hexToLuminance(`#${key.toString(16).padStart(6, '0')}`)));
  }
  return l;
}
const LUMINANCE = new Map<number, number>();
const LUMINANCE_CHECKER = new ColorContrastChecker();

/** Truncates (never rounds) a ratio to 2 decimals: 4.499 must not pass 4.5 (WCAG Understanding 1.4.3). */
export function truncateRatio(ratio: number): number {
  return Math.floor(ratio * 100 + 1e-9) / 100;
}

/** `4.49`, `2.9`, `21` — the truncated ratio as printed in messages. */
export function formatRatio(ratio: number): string {
  return String(truncateRatio(ratio));
}

export type WcagLevel = 'AA' | 'AAA';

/** Large text per WCAG: at least 18pt (24px), or 14pt (18.66px) and bold (≥ 700). */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

/** The minimum ratio for text of this size and weight at a WCAG level. */
export function requiredRatio(level: WcagLevel, large: boolean): number {
  if (level === 'AAA') return large ? 4.5 : 7;
  return large ? 3 : 4.5;
}

/** `value` without leading and trailing ASCII whitespace (tab, LF, FF, CR, space), as HTML's microsyntaxes strip it. */
function trimAsciiWhitespace(value: string): string {
  const ws = (c: number): boolean => c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
  let start = 0;
  let end = value.length;
  while (start < end && ws(value.charCodeAt(start))) start++;
  while (end > start && ws(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}
