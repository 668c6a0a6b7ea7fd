/**
 * The annotated picture: the plain full-length picture of the email, untouched except for thin
 * lines (the fold, a frame round each CTA, a dashed outline round each element with a finding,
 * leader lines), with everything that has text drawn OUTSIDE it:
 *
 *   ┌ header strip: the view, then the document-level findings (html-lang, viewport-meta…) ┐
 *   │ CTA pills │        the email        │ finding markers │ legend: CTAs, then number →  │
 *   │ fold label│                         │   (numbers)     │ rule × count, lines, message │
 *
 * It is composed as a small HTML page of its own (the email as an image, the rest positioned
 * from the layout computed in legend.ts) and photographed in the same browser at the view's
 * scale, so the email's pixels are the plain picture's. Colours are fixed so tests can find them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Box } from '../model/geometry.js';
import { escapeHtml as esc } from '../escape.js';
import { aimOf, linesText, markerText, stack, MARKER_HEIGHT, type LegendEntry, type Marker } from './legend.js';

export const ANNOTATION_COLORS = {
  fold: '#ff0033',
  cta: '#ff00ff',
  primary: '#ff00ff',
  error: '#d4002a',
  warning: '#e08a00',
} as const;

/** Width of the CTA frame, drawn just outside the box so its inner edge is the box's edge. */
export const CTA_FRAME = 3;

/** The composition's fixed measures (CSS px). */
const PAD = 16;
const MARGIN = 96;
const LEGEND = 380;
const TITLE = 22;
const DOC_LINE = 18;

export interface PictureData {
  /** e.g. "mobile · 375 × 667 · 2× · light". */
  title: string;
  /** The email picture's size in CSS px. */
  width: number;
  height: number;
  fold: number;
  /** `note`: text after the CTA's number (the click map's share of clicks). */
  ctas: Array<{ n: number; primary: boolean; label: string; type: string; box: Box; note?: string }>;
  legend: LegendEntry[];
  markers: Marker[];
}

/** Where the email sits in the annotated picture (CSS px), and what is drawn beside it. */
export interface AnnotationPlacement {
  email: { x: number; y: number; width: number; height: number };
  /** Every marker, pill and label drawn, in the annotated picture's CSS px. */
  labels: Array<{ kind: 'finding' | 'cta' | 'fold' | 'header' | 'legend'; x: number; y: number; width: number; height: number; text: string }>;
}

const FONT = `'Liberation Sans', Arial, Helvetica, sans-serif`;

const CSS = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{background:#fff}
body{font:12px/1.35 ${FONT};color:#1c2230;padding:${PAD}px}
.head{border:1px solid #d5dae3;border-radius:6px;background:#f6f7fa;padding:4px 10px;overflow:hidden;margin-bottom:10px}
.title{height:${TITLE}px;line-height:${TITLE}px;font-weight:bold;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.doc{height:${DOC_LINE}px;line-height:${DOC_LINE}px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.row{display:flex;align-items:flex-start;gap:16px}
.stage{position:relative;flex:none}
.stage img{position:absolute;top:0;display:block;box-shadow:0 0 0 1px #c9ced8}
.stage svg{position:absolute;left:0;top:0;overflow:visible}
.pill{position:absolute;height:${MARKER_HEIGHT}px;line-height:${MARKER_HEIGHT}px;border-radius:9px;color:#fff;font-weight:bold;font-size:11px;text-align:center;white-space:nowrap;padding:0 5px}
.fold{position:absolute;height:16px;line-height:16px;font-size:10px;font-weight:bold;color:#fff;background:${ANNOTATION_COLORS.fold};padding:0 5px;border-radius:3px;white-space:nowrap}
.n{display:inline-block;min-width:18px;height:16px;line-height:16px;border-radius:8px;color:#fff;font-weight:bold;font-size:10.5px;text-align:center;padding:0 4px;margin-right:5px;vertical-align:1px}
.error{background:${ANNOTATION_COLORS.error}} .warning{background:${ANNOTATION_COLORS.warning}} .cta{background:${ANNOTATION_COLORS.cta}}
.legend{flex:none;width:${LEGEND}px}
.legend h4{font-size:11px;text-transform:uppercase;letter-spacing:.5px;color:#5b6472;margin:0 0 4px}
.legend h4+ol{margin-bottom:10px}
.legend ol{list-style:none}
.legend li{padding:3px 0 4px;border-bottom:1px solid #eceff4}
.legend .msg{color:#374151;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden;margin-top:1px}
.muted{color:#5b6472}
`;

const sevClass = (e: { severity: string } | { error: boolean }) => ('error' in e ? (e.error ? 'error' : 'warning') : e.severity);

/** The composed page for one picture (its email image is `src`), and where things sit on it. */
function annotationHtml(d: PictureData, src: string): { html: string; placement: AnnotationPlacement; width: number } {
  const docs = d.legend.filter((e) => e.document);
  const others = d.legend.filter((e) => !e.document);
  const headH = 8 + 2 + TITLE + DOC_LINE * docs.length;
  const ey = PAD + headH + 10;
  const labels: AnnotationPlacement['labels'] = [];

  // Every label goes to the margin nearer its element, at the element's height, stacked down
  // that margin: CTA pills and finding markers; the fold label is fixed in the left margin.
  const foldTop = Math.max(0, d.fold + 2);
  const foldBand = { top: foldTop, bottom: foldTop + 16 };
  const pillW = (t: string) => Math.max(MARKER_HEIGHT, Math.round(10 + t.length * 6.6));
  const midX = (b: Box) => b.left + b.width / 2;
  interface Item { kind: 'cta' | 'finding'; text: string; cls: string; color: string; want: number; targets: Box[]; left: boolean; top?: number }
  const items: Item[] = [
    ...d.ctas.map((c): Item => ({ kind: 'cta', text: (c.primary ? `CTA ${c.n} ★` : `CTA ${c.n}`) + (c.note ? ` · ${c.note}` : ''), cls: 'cta', color: ANNOTATION_COLORS.cta, want: aimOf(c.box), targets: [c.box], left: midX(c.box) < d.width / 2 })),
    ...d.markers.map((m): Item => ({ kind: 'finding', text: markerText(m.numbers), cls: sevClass(m), color: m.error ? ANNOTATION_COLORS.error : ANNOTATION_COLORS.warning, want: m.want, targets: m.targets, left: midX(m.targets[0]) < d.width / 2 })),
  ];
  // Each margin as wide as its widest label (a click map's "CTA 2 · 76 % of clicks (260)"), never narrower than MARGIN.
  const marginOf = (left: boolean) => Math.max(MARGIN, ...items.filter((i) => i.left === left).map((i) => pillW(i.text) + 28));
  const LEFT = marginOf(true);
  const RIGHT = marginOf(false);
  const ex = PAD + LEFT;
  const right = LEFT + d.width;
  for (const left of [true, false]) {
    const side = items.filter((i) => i.left === left);
    const tops = stack(side.map((i) => i.want), MARKER_HEIGHT, left && d.fold <= d.height ? [foldBand] : []);
    side.forEach((i, k) => (i.top = tops[k]));
  }
  const svg: string[] = [];
  const html: string[] = [];
  // Outlines of the elements with findings, dashed, in the severity colour (a CTA's frame is its outline).
  const key = (b: Box) => `${b.top}/${b.left}/${b.width}/${b.height}`;
  const framed = new Set(d.ctas.map((c) => key(c.box)));
  for (const m of d.markers) {
    const c = m.error ? ANNOTATION_COLORS.error : ANNOTATION_COLORS.warning;
    for (const b of m.targets) {
      if (framed.has(key(b))) continue;
      svg.push(`<rect x="${LEFT + b.left + 0.5}" y="${b.top + 0.5}" width="${Math.max(b.width - 1, 1)}" height="${Math.max(b.height - 1, 1)}" fill="none" stroke="${c}" stroke-opacity="0.7" stroke-width="1" stroke-dasharray="4 3"/>`);
    }
  }
  // CTA frames on the email.
  for (const c of d.ctas) {
    const b = c.box;
    svg.push(`<rect x="${LEFT + b.left - CTA_FRAME / 2}" y="${b.top - CTA_FRAME / 2}" width="${b.width + CTA_FRAME}" height="${b.height + CTA_FRAME}" fill="none" stroke="${c.primary ? ANNOTATION_COLORS.primary : ANNOTATION_COLORS.cta}" stroke-width="${CTA_FRAME}"/>`);
  }
  // The labels, each with a leader line to the near edge of its elements.
  let bottom = d.height;
  for (const i of items) {
    const w = pillW(i.text);
    const top = i.top!;
    const x = i.left ? LEFT - 14 - w : right + 14;
    const cy = top + MARKER_HEIGHT / 2;
    const from = i.left ? x + w : x;
    const elbow = i.left ? from + 6 : from - 6;
    for (const b of i.targets) {
      // Leaders end on the frame's outer edge when the element is a framed CTA.
      const gap = i.kind === 'cta' || framed.has(key(b)) ? CTA_FRAME : 0;
      const tx = LEFT + (i.left ? Math.max(0, b.left) - gap : Math.min(b.left + b.width, d.width) + gap);
      const ty = Math.max(b.top + 1, Math.min(b.top + b.height - 1, cy));
      svg.push(`<polyline points="${from},${cy} ${elbow},${cy} ${tx},${ty}" fill="none" stroke="${i.color}" stroke-opacity="0.8" stroke-width="1"/><circle cx="${tx}" cy="${ty}" r="1.5" fill="${i.color}"/>`);
    }
    html.push(`<div class="pill ${i.cls}" style="left:${x}px;top:${top}px;width:${w}px">${esc(i.text)}</div>`);
    labels.push({ kind: i.kind, x: PAD + x, y: ey + top, width: w, height: MARKER_HEIGHT, text: i.text });
    bottom = Math.max(bottom, top + MARKER_HEIGHT);
  }
  // The fold: a line across the email and both margins, its label in the left margin.
  const stageW = LEFT + d.width + RIGHT;
  if (d.fold <= d.height) {
    svg.push(`<rect x="0" y="${d.fold - 1}" width="${stageW}" height="2" fill="${ANNOTATION_COLORS.fold}"/>`);
    const text = `fold ${Math.round(d.fold)} px`;
    html.push(`<div class="fold" style="left:4px;top:${foldTop}px">${esc(text)}</div>`);
    labels.push({ kind: 'fold', x: PAD + 4, y: ey + foldTop, width: Math.round(12 + text.length * 5.8), height: 16, text });
  }
  const stageH = Math.ceil(bottom);

  const entry = (e: LegendEntry) =>
    `<span class="n ${e.severity}">${e.n}</span><b>${esc(e.ruleId)}</b>${e.count > 1 ? ` × ${e.count}` : ''} <span class="muted">· ${esc(linesText(e.lines))}</span>`;
  const head =
    `<div class="head" style="height:${headH}px"><div class="title">${esc(d.title)}</div>` +
    docs.map((e) => `<div class="doc">${entry(e)} <span class="muted">—</span> ${esc(e.message)}</div>`).join('') +
    '</div>';
  labels.push({ kind: 'header', x: PAD, y: PAD, width: stageW + 16 + LEGEND, height: headH, text: d.title });
  const ctaItems = d.ctas.map((c) => `<li><span class="n cta">${c.n}</span>${c.primary ? '<b>★ primary</b> ' : ''}${esc(c.label || '(no label)')} <span class="muted">· ${esc(c.type)}${c.note ? ` · ${esc(c.note)}` : ''}</span></li>`);
  const findingItems = others.map((e) => `<li>${entry(e)}<div class="msg">${esc(e.message)}</div></li>`);
  const legend =
    `<div class="legend">` +
    (ctaItems.length ? `<h4>Calls to action</h4><ol>${ctaItems.join('')}</ol>` : '') +
    `<h4>Findings on this view</h4>` +
    (findingItems.length ? `<ol>${findingItems.join('')}</ol>` : `<p class="muted">${docs.length ? 'Only the document-level ones above.' : 'None.'}</p>`) +
    `</div>`;
  labels.push({ kind: 'legend', x: PAD + stageW + 16, y: ey, width: LEGEND, height: 0, text: 'legend' });
  const page =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${CSS}</style></head><body style="width:${PAD * 2 + stageW + 16 + LEGEND}px">${head}` +
    `<div class="row"><div class="stage" style="width:${stageW}px;height:${stageH}px">` +
    `<img src="${esc(src)}" alt="" style="left:${LEFT}px;width:${d.width}px;height:${d.height}px">` +
    `<svg width="${stageW}" height="${stageH}" viewBox="0 0 ${stageW} ${stageH}" xmlns="http://www.w3.org/2000/svg">${svg.join('')}</svg>${html.join('')}</div>${legend}</div></body></html>`;
  return { html: page, placement: { email: { x: ex, y: ey, width: d.width, height: d.height }, labels }, width: PAD * 2 + stageW + 16 + LEGEND };
}

const COMPOSE_ORIGIN = 'http://annotation.inboxlint.invalid';

interface ComposePage {
  context: BrowserContext;
  page: Page;
  /** The email picture being composed, served at `url` (a new URL each time: nothing comes from the page's cache). */
  image?: { url: string; png: Buffer };
  queue: Promise<unknown>;
}

/**
 * Photographs annotation pages: one offline page per device scale in the renderer's browser,
 * made on first use and shared by the run's templates one at a time (its one image is served
 * from memory). Nothing of a template runs here: the email is a PNG.
 */
export class Composer {
  private readonly pages = new Map<number, Promise<ComposePage>>();
  private count = 0;
  constructor(private readonly browser: Browser) {}

  private page(scale: number): Promise<ComposePage> {
    let p = this.pages.get(scale);
    if (!p) {
      p = (async () => {
        const context = await this.browser.newContext({ offline: true, javaScriptEnabled: false, deviceScaleFactor: scale, viewport: { width: 800, height: 600 }, serviceWorkers: 'block' });
        const cp: ComposePage = { context, page: await context.newPage(), queue: Promise.resolve() };
        await context.route('**/*', (r) => (cp.image && r.request().url() === cp.image.url ? r.fulfill({ status: 200, contentType: 'image/png', body: cp.image.png }) : r.abort('blockedbyclient')));
        return cp;
      })();
      p.catch(() => this.pages.delete(scale));
      this.pages.set(scale, p);
    }
    return p;
  }

  /** The annotated PNG of `data` over the email picture `png` (taken at `scale`), and its placement. */
  async compose(data: PictureData, png: Buffer, scale: number, timeout: number): Promise<{ png: Buffer; placement: AnnotationPlacement; width: number; height: number }> {
    const cp = await this.page(scale);
    const url = `${COMPOSE_ORIGIN}/email-${++this.count}.png`;
    const { html, placement, width } = annotationHtml(data, url);
    const run = cp.queue.then(async () => {
      cp.image = { url, png };
      try {
        await cp.page.setViewportSize({ width, height: 600 });
        await cp.page.setContent(html, { waitUntil: 'load', timeout });
        const out = await cp.page.screenshot({ fullPage: true, type: 'png', timeout });
        return { png: out, placement, width, height: Math.round(out.readUInt32BE(20) / scale) };
      } finally {
        cp.image = undefined;
      }
    });
    cp.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    for (const p of this.pages.values()) await p.then((c) => c.context.close()).catch(() => undefined);
    this.pages.clear();
  }
}
