/** Values and shorthands: tokens, the `background` and `font` shorthands, font sizes and weights, var() and light-dark(). Pure. */
import { parseColor } from './color.js';
import { parseLength, type Declaration } from './declarations.js';

export const TRACKED = new Set([
  'color',
  'background-color',
  'background-image',
  'opacity',
  'font-size',
  'font-weight',
  'display',
  'visibility',
  'mso-hide',
  'max-height',
  'overflow',
  'color-scheme',
  'font-family',
]);

/** Splits a value on whitespace outside parentheses. */
export function tokens(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export const VAR_SHORTHAND = '\u0000shorthand';
export const IMAGE_RE = /^(url|(-\w+-)?(repeating-)?(linear|radial|conic)-gradient|image-set|-webkit-image-set|image)\(/i;
const FONT_SIZE_ATTR = [10, 13, 16, 18, 24, 32, 48];
export const FONT_SIZE_KEYWORDS: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
  'xxx-large': 48,
};
export const FONT_WEIGHT_KEYWORDS: Record<string, number> = { normal: 400, bold: 700 };
export const CSS_WIDE = /^(inherit|initial|unset|revert|revert-layer)$/i;

/** Expands the shorthands inboxlint needs (`background`, `font`) into longhands. */
export function expand(d: Declaration, quirks: boolean): Array<[string, string]> {
  if (d.property.startsWith('--')) return [[d.property, d.value]];
  // A shorthand with var() can only be split once the variables are known (see StyleResolver.cascade).
  if ((d.property === 'background' || d.property === 'font') && /var\(/i.test(d.value)) {
    return d.property === 'background' ? [['background-color', VAR_SHORTHAND], ['background-image', VAR_SHORTHAND]] : [['font-size', VAR_SHORTHAND], ['font-weight', VAR_SHORTHAND]];
  }
  if (d.property === 'background') {
    const v = d.value.trim();
    if (CSS_WIDE.test(v)) return [['background-color', v], ['background-image', v]];
    const layers = v.split(/,(?![^(]*\))/);
    const last = layers[layers.length - 1];
    let color = 'transparent';
    let image = 'none';
    for (const layer of layers) for (const t of tokens(layer)) if (IMAGE_RE.test(t)) image = t;
    for (const t of tokens(last)) {
      if (IMAGE_RE.test(t)) continue;
      const c = parseColor(t, quirks);
      if (c) color = t;
    }
    return [['background-color', color], ['background-image', image]];
  }
  if (d.property === 'font') {
    const ts = tokens(d.value.split('/').map((part) => part.trim()).join('/'));
    if (ts.length === 1 && CSS_WIDE.test(ts[0])) return [['font-size', ts[0]], ['font-weight', ts[0]]];
    let weight = 'normal';
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i].toLowerCase();
      const size = t.split('/')[0];
      if (size in FONT_SIZE_KEYWORDS || /^(smaller|larger)$/.test(size) || /^(?:\d+(?:\.\d+)?|\.\d+)(px|pt|em|rem|%)$/.test(size)) {
        const family = ts.slice(i + 1).join(' ');
        return [['font-size', size], ['font-weight', weight], ...(family ? [['font-family', family] as [string, string]] : [])];
      }
      if (/^(bold|bolder|lighter|[1-9]00)$/.test(t)) weight = t;
    }
    return [];
  }
  return TRACKED.has(d.property) ? [[d.property, d.value]] : [];
}

/** The two arguments of `light-dark(a, b)`. */
export function lightDark(v: string): string[] {
  const inner = v.trim().replace(/^light-dark\(/i, '').replace(/\)$/, '');
  return inner.split(/,(?![^(]*\))/).map((x) => x.trim());
}

/** `light-dark(a, b)` picks by the element's colour scheme; anything else is returned as is. */
export function pickScheme(v: string, dark: boolean): string {
  if (!/^light-dark\(/i.test(v.trim())) return v;
  const [light, darkValue] = lightDark(v);
  return (dark ? darkValue : light) ?? v;
}

/** Replaces var(--x, fallback) (nested, to a depth of 16); undefined when a variable has no value. */
export function substituteVars(value: string, vars: ReadonlyMap<string, string>, depth = 0): string | undefined {
  if (depth > 16) return undefined;
  let failed = false;
  const out = value.replace(/var\(\s*(--[\w-]+)\s*(?:,((?:[^()]|\([^()]*\))*))?\)/gi, (_m, name: string, fallback?: string) => {
    const v = vars.get(name.toLowerCase());
    const chosen = v !== undefined ? v : fallback;
    if (chosen === undefined) {
      failed = true;
      return '';
    }
    const inner = substituteVars(chosen.trim(), vars, depth + 1);
    if (inner === undefined) failed = true;
    return inner ?? '';
  });
  if (failed) return undefined;
  return /var\(/i.test(out) ? substituteVars(out, vars, depth + 1) : out;
}

export function fontSizeAttr(v: string): number | undefined {
  const m = /^\s*([+-]?)(\d+)/.exec(v);
  if (!m) return undefined;
  let n = parseInt(m[2], 10);
  if (m[1] === '+') n = 3 + n;
  else if (m[1] === '-') n = 3 - n;
  n = Math.min(7, Math.max(1, n));
  return FONT_SIZE_ATTR[n - 1];
}

export function smaller(px: number): number {
  return px / 1.2;
}
export function larger(px: number): number {
  return px * 1.2;
}

export function resolveFontSize(value: string, parentPx: number): number | undefined {
  const v = value.trim().toLowerCase();
  if (v in FONT_SIZE_KEYWORDS) return FONT_SIZE_KEYWORDS[v];
  if (v === 'smaller') return smaller(parentPx);
  if (v === 'larger') return larger(parentPx);
  if (v === 'inherit' || v === 'unset') return parentPx;
  if (/%$/.test(v)) return parseLength(v, parentPx, parentPx);
  if (/^-/.test(v)) return undefined;
  return parseLength(v, parentPx);
}

export function bolder(w: number): number {
  return w < 350 ? 400 : w < 550 ? 700 : 900;
}
export function lighter(w: number): number {
  return w < 550 ? 100 : w < 750 ? 400 : 700;
}

export function resolveWeight(value: string, parent: number): number | undefined {
  const v = value.trim().toLowerCase();
  if (v in FONT_WEIGHT_KEYWORDS) return FONT_WEIGHT_KEYWORDS[v];
  if (v === 'bolder') return bolder(parent);
  if (v === 'lighter') return lighter(parent);
  if (v === 'inherit' || v === 'unset') return parent;
  if (v === 'initial') return 400;
  const n = Number(v);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : undefined;
}