/**
 * The annotation layer drawn over a rendered template before the annotated screenshot: the
 * fold line labelled with its height, every CTA boxed and numbered (the primary one marked),
 * and a marker with the rule ids at each element that has a finding. It is built in the page
 * inside a shadow root (the template's CSS cannot reach it) and positioned in document
 * coordinates, the same ones the measured boxes use. Colours are fixed so tests can find them.
 */
import type { Box } from '../model/geometry.js';

export const ANNOTATION_COLORS = {
  fold: '#ff0033',
  cta: '#ff00ff',
  primary: '#ff00ff',
  error: '#d4002a',
  warning: '#e08a00',
} as const;

/** Width of the CTA frame, drawn just outside the box so its inner edge is the box's edge. */
export const CTA_FRAME = 3;

export interface OverlayData {
  fold: number;
  /** Width to draw the fold line across (the document's scroll width). */
  width: number;
  /** `note`: text after the CTA's number (the click map's share of clicks). */
  ctas: Array<{ n: number; primary: boolean; box: Box; note?: string }>;
  marks: Array<{ box: Box; labels: string[]; error: boolean }>;
  colors: typeof ANNOTATION_COLORS;
}

/** Runs in the page (self-contained: no imports or closures). */
export function drawOverlay(d: OverlayData): void {
  const FRAME = 3;
  const host = document.createElement('inboxlint-overlay');
  host.setAttribute('style', 'all:initial;position:absolute;left:0;top:0;width:0;height:0;overflow:visible;z-index:2147483647;pointer-events:none;display:block');
  document.documentElement.appendChild(host);
  // Correct for a positioned <html> with margins: put the layer's origin at the document's.
  const r = host.getBoundingClientRect();
  const dx = r.left + window.scrollX;
  const dy = r.top + window.scrollY;
  const root = host.attachShadow({ mode: 'open' });
  const layer = document.createElement('div');
  layer.setAttribute('style', `position:absolute;left:${-dx}px;top:${-dy}px;width:0;height:0;overflow:visible`);
  root.appendChild(layer);
  const font = 'font:bold 11px/14px Arial,"Liberation Sans",Helvetica,sans-serif;letter-spacing:0;text-transform:none;white-space:nowrap';
  const add = (style: string, text?: string) => {
    const el = document.createElement('div');
    el.setAttribute('style', `position:absolute;box-sizing:border-box;margin:0;padding:0;${style}`);
    if (text !== undefined) el.textContent = text;
    layer.appendChild(el);
    return el;
  };
  const labelLeft = (left: number, w: number) => Math.max(0, Math.min(left, d.width - w));
  // Finding markers first, so the CTA frames and the fold line stay on top. Each flag sits at its
  // element's top-right corner, inside it (or just right of a small element, or just below it
  // when there is no room on the right: a button near the phone's edge), moved down past flags
  // already placed where it would overlap.
  const placed: DOMRect[] = [];
  const clear = (r: DOMRect) => !placed.some((p) => r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom);
  for (const m of d.marks) {
    const c = m.error ? d.colors.error : d.colors.warning;
    add(`left:${m.box.left}px;top:${m.box.top}px;width:${Math.max(m.box.width, 1)}px;height:${Math.max(m.box.height, 1)}px;border:1px dashed ${c}`);
    // A flag wider than half its element, or flags on an element hardly taller than them (a button),
    // would hide it: put them just right of the element when there is room, else just below.
    const widest = Math.max(...m.labels.map((l) => l.length * 6.6 + 18));
    const small = widest > m.box.width / 2 || m.box.height < 16 * m.labels.length + 48;
    const beside = small && m.box.left + m.box.width + 3 + widest <= d.width;
    let top = small && !beside ? m.box.top + m.box.height + FRAME + 1 : m.box.top;
    for (const label of m.labels) {
      const right = beside ? m.box.left + m.box.width + 3 + widest : Math.max(m.box.left + m.box.width, label.length * 6.6 + 18);
      const flag = add(`left:${right}px;transform:translateX(-100%);top:${top}px;height:15px;padding:0 4px;background:${c};color:#fff;${font}`, `⚑ ${label}`);
      if (beside) flag.style.transform = 'none', (flag.style.left = `${m.box.left + m.box.width + 3}px`);
      for (let tries = 0; tries < 40; tries++) {
        const r = flag.getBoundingClientRect();
        if (clear(r)) break;
        top += 16;
        flag.style.top = `${top}px`;
      }
      placed.push(flag.getBoundingClientRect());
      top += 16;
    }
  }
  for (const c of d.ctas) {
    const color = c.primary ? d.colors.primary : d.colors.cta;
    add(`left:${c.box.left - FRAME}px;top:${c.box.top - FRAME}px;width:${c.box.width + 2 * FRAME}px;height:${c.box.height + 2 * FRAME}px;border:${FRAME}px solid ${color}`);
    const text = (c.primary ? `${c.n} ★ primary` : String(c.n)) + (c.note ? ` · ${c.note}` : '');
    const w = text.length * 7 + 10;
    const top = c.box.top - FRAME - 16 >= 0 ? c.box.top - FRAME - 16 : c.box.top + c.box.height + FRAME;
    add(`left:${labelLeft(c.box.left - FRAME, w)}px;top:${top}px;height:16px;padding:1px 5px;background:${color};color:#fff;${font}`, text);
  }
  add(`left:0;top:${d.fold - 1}px;width:${d.width}px;height:2px;background:${d.colors.fold}`);
  const label = `fold · ${Math.round(d.fold)} px`;
  add(`left:${Math.max(0, d.width - label.length * 7 - 14)}px;top:${d.fold + 1}px;height:16px;padding:1px 6px;background:${d.colors.fold};color:#fff;${font}`, label);
}
