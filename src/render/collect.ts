/**
 * Functions that run inside a rendered page (`page.evaluate`; they work with the page's own
 * JavaScript disabled). Each returns plain arrays of numbers (and strings) for the wire.
 */

/**
 * [offset, top, left, width, height] per `[data-il]` element with a layout box (only the one
 * with `data-il="<only>"` when given). An inline element's own rect covers only its text's
 * content area, so an `<a>` around an image or an inline-block is stretched over those
 * descendants: they take the tap too. The one measuring function: the render reads every page
 * with it (load.ts) and the preview page its views (src/preview/app.ts).
 */
export function collectBoxes(root?: Document | void, only?: number): number[][] {
  // `root`: a same-origin frame's document (the preview page measures its views); else this page's.
  const doc = root || document;
  const win = doc.defaultView ?? window;
  const getComputedStyle = win.getComputedStyle.bind(win);
  const out: number[][] = [];
  const sx = win.scrollX;
  const sy = win.scrollY;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  for (const el of Array.from(doc.querySelectorAll(only === undefined ? '[data-il]' : `[data-il="${only}"]`))) {
    if (!el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    let { top, left, right, bottom } = r;
    if (el.firstElementChild && getComputedStyle(el).display === 'inline') {
      for (const d of Array.from(el.querySelectorAll('*'))) {
        const q = d.getBoundingClientRect();
        if (!q.width || !q.height) continue;
        top = Math.min(top, q.top);
        left = Math.min(left, q.left);
        right = Math.max(right, q.right);
        bottom = Math.max(bottom, q.bottom);
      }
    }
    out.push([Number(el.getAttribute('data-il')), r2(top + sy), r2(left + sx), r2(right - left), r2(bottom - top)]);
  }
  return out;
}

/** [scrollWidth, scrollHeight] of the document. */
export function collectPageSize(root?: Document | void): number[] {
  const d = (root || document).documentElement;
  const b = (root || document).body;
  return [Math.max(d.scrollWidth, b?.scrollWidth ?? 0), Math.max(d.scrollHeight, b?.scrollHeight ?? 0)];
}

/**
 * [offset, fontSize, textWidth, visible] per `<img data-il>`: how its alt text is drawn when the
 * image is blocked (one line, in the image's computed font, measured on a canvas).
 */
export function collectAltText(): number[][] {
  const out: number[][] = [];
  const ctx = document.createElement('canvas').getContext('2d');
  for (const img of Array.from(document.querySelectorAll('img[data-il]'))) {
    const cs = getComputedStyle(img);
    const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    let width = 0;
    if (ctx && alt) {
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      width = Math.round(ctx.measureText(alt).width * 100) / 100;
    }
    let visible = cs.visibility !== 'hidden';
    for (let e: Element | null = img; e && visible; e = e.parentElement) if (getComputedStyle(e).opacity === '0') visible = false;
    out.push([Number(img.getAttribute('data-il')), parseFloat(cs.fontSize) || 0, width, visible ? 1 : 0]);
  }
  return out;
}

/**
 * The characters of the page's text that no font on this machine has: drawn on a canvas in the
 * body's font, each is compared with a code point no font has (U+0378, unassigned), which
 * Chromium draws as the "missing glyph" box. Returns [group, count, up to 8 examples] per group:
 * a Unicode script by its extensions (Han, Hiragana, Arabic, …), `emoji`, `symbols` or `other`.
 * Format, control, mark and separator characters are not drawn on their own and are skipped.
 * Bounded for huge pages: the rendered text (`innerText`) up to 100,000 characters, else all the
 * text (`textContent`, hidden text included) with its ASCII part read from its first 100,000;
 * at most `limit` distinct characters; a group whose first 16 characters all have no font is
 * taken to have none for the rest either (a font covers a script, not a few of its letters).
 */
export function collectMissingGlyphs(limit: number): [string, number, string][] {
  const body = document.body;
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!body || !ctx) return [];
  const SAMPLE = 100_000;
  const all = body.textContent ?? '';
  const text = all.length <= SAMPLE ? body.innerText : all.slice(0, SAMPLE) + all.replace(/[\x00-\x7f]+/g, '');
  const size = 40;
  ctx.canvas.width = size * 2;
  ctx.canvas.height = size;
  ctx.font = `${size / 2}px ${getComputedStyle(body).fontFamily || 'sans-serif'}`;
  ctx.textBaseline = 'middle';
  const pixels = (c: string): Uint8ClampedArray => {
    ctx.clearRect(0, 0, size * 2, size);
    ctx.fillText(c, 4, size / 2);
    return ctx.getImageData(0, 0, size * 2, size).data;
  };
  const none = '\u0378';
  const noneWidth = ctx.measureText(none).width;
  const nonePixels = pixels(none);
  // The width first (cheap); the pixels only where it matches the missing glyph's.
  const drawnAsMissing = (c: string) => {
    if (Math.abs(ctx.measureText(c).width - noneWidth) >= 0.01) return false;
    const p = pixels(c);
    for (let i = 3; i < p.length; i += 4) if (p[i] !== nonePixels[i]) return false;
    return true;
  };
  const scripts = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Georgian', 'Ethiopic', 'Cherokee', 'Khmer', 'Mongolian', 'Hiragana', 'Katakana', 'Han', 'Bopomofo', 'Hangul'].map((s) => [s, new RegExp(`\\p{Script_Extensions=${s}}`, 'u')] as const);
  const groupOf = (c: string): string => {
    if (/\p{Extended_Pictographic}/u.test(c)) return 'emoji';
    for (const [name, re] of scripts) if (re.test(c)) return name;
    return /\p{S}/u.test(c) ? 'symbols' : 'other';
  };
  const seen = new Set<string>();
  const groups = new Map<string, { checked: number; missing: string[] }>();
  for (const c of text) {
    if (seen.has(c) || /[\p{C}\p{M}\p{Z}\s]/u.test(c)) continue;
    seen.add(c);
    if (seen.size > limit) break;
    const name = groupOf(c);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { checked: 0, missing: [] }));
    const noFont = g.checked >= 16 && g.missing.length === g.checked ? true : drawnAsMissing(c);
    g.checked++;
    if (noFont) g.missing.push(c);
  }
  return [...groups].filter(([, g]) => g.missing.length).map(([name, g]) => [name, g.missing.length, g.missing.slice(0, 8).join('')]);
}
