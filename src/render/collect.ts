/**
 * Functions that run inside a rendered page (`page.evaluate`; they work with the page's own
 * JavaScript disabled). Each returns plain arrays so nothing but numbers crosses the wire.
 */

/**
 * [offset, top, left, width, height] per `[data-il]` element with a layout box. An inline
 * element's own rect covers only its text's content area, so an `<a>` around an image or an
 * inline-block is stretched over those descendants: they take the tap too.
 */
export function collectBoxes(root?: Document | void): number[][] {
  // `root`: a same-origin frame's document (the preview page measures its views); else this page's.
  const doc = root || document;
  const win = doc.defaultView ?? window;
  const getComputedStyle = win.getComputedStyle.bind(win);
  const out: number[][] = [];
  const sx = win.scrollX;
  const sy = win.scrollY;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  for (const el of Array.from(doc.querySelectorAll('[data-il]'))) {
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
