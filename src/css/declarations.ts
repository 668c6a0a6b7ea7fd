/** Declarations and lengths: `a: b; c: d !important` lists, px lengths, box shorthands. Pure. */
import { TextCache } from './text-cache.js';

export interface Declaration {
  property: string;
  value: string;
  important: boolean;
}

/** Parses `a: b; c: d !important` (an inline style or a rule body). Tolerant of junk. */
export function parseDeclarations(text: string | undefined | null): Declaration[] {
  if (!text) return [];
  const out: Declaration[] = [];
  // Split on ; outside parentheses and quotes (url(data:...;base64) stays whole).
  let depth = 0;
  let quote = '';
  let start = 0;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    let value = part.slice(colon + 1).trim();
    if (!property || !value) continue;
    let important = false;
    const imp = /!\s*important\s*$/i.exec(value);
    if (imp) {
      important = true;
      value = value.slice(0, imp.index).trim();
    }
    out.push({ property, value, important });
  }
  return out;
}

const SHARED = new TextCache<readonly Declaration[]>(5_000);
const NONE: readonly Declaration[] = Object.freeze([]);

/**
 * `parseDeclarations`, once per distinct text for the whole process: a template repeats the same
 * inline styles many times, and one sender's templates share them. The declarations returned are
 * shared by every caller, so nobody may change them (they are frozen).
 */
export function sharedDeclarations(text: string | undefined | null): readonly Declaration[] {
  if (!text) return NONE;
  return SHARED.get(text) ?? SHARED.add(text, (copy) => Object.freeze(parseDeclarations(copy).map((d) => Object.freeze(d))));
}

/**
 * A CSS length in px, or undefined. `em`/`rem` resolve against `fontSize` (default 16);
 * `%` against `percentOf` when given. `pt` converts at 96/72.
 */
export function parseLength(value: string | undefined | null, fontSize = 16, percentOf?: number): number | undefined {
  if (value == null) return undefined;
  const m = /^(-?(?:\d+(?:\.\d+)?|\.\d+))\s*(px|pt|em|rem|%)?$/i.exec(value.trim());
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  switch ((m[2] || '').toLowerCase()) {
    case '':
    case 'px':
      return n;
    case 'pt':
      return (n * 96) / 72;
    case 'em':
    case 'rem':
      return n * fontSize;
    case '%':
      return percentOf === undefined ? undefined : (n / 100) * percentOf;
  }
  return undefined;
}

/** Expands a 1–4 value box shorthand (padding/margin) into [top, right, bottom, left] px. */
export function parseBox(value: string | undefined, fontSize = 16): [number, number, number, number] | undefined {
  if (!value) return undefined;
  const parts = value.trim().split(/\s+/).map((p) => parseLength(p, fontSize) ?? 0);
  if (parts.length === 0) return undefined;
  const [t, r = t, b = t, l = r] = parts;
  return [t, r, b, l];
}
