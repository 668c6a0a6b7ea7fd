/**
 * Annotated screenshots for the report: the email rendered in headless Chromium at the phone
 * (375 px) and desktop (600 px) widths, with the fold line, the CTAs outlined and numbered
 * (the primary marked) and a numbered marker on the element of each finding, as a JPEG data:
 * URI. Pages run with JavaScript off and every request blocked (src/render/browser.ts); images
 * are labelled placeholders of their declared size, as in `lint --render`.
 *
 * The browser comes from one provider function, so a long-lived owner (a session) can lend its
 * own; the contexts made here are closed by `close()`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EmailDocument } from '../model/document.js';
import type { Viewport } from '../model/geometry.js';
import { VIEWPORT_CONTEXT } from '../render/measure.js';
import { safeContext } from '../render/browser.js';
import { InputError } from '../errors.js';
import { frameHtml } from '../preview/frame.js';
import type { Snapshot } from '../preview/snapshot.js';

export interface Screenshot {
  viewport: Viewport;
  /** `data:image/jpeg;base64,…` */
  dataUri: string;
  /** Size in CSS px (the image has `scale` times as many pixels). */
  width: number;
  height: number;
  /** True when the email was taller than `maxHeight` and the shot stops there. */
  truncated: boolean;
  bytes: number;
}

export interface ScreenshotOptions {
  /** Longest shot in CSS px (default 4000). */
  maxHeight?: number;
  /** Device pixels per CSS px in the image (default 1.5: sharp enough to read, small enough to inline). */
  scale?: number;
  /** JPEG quality (default 72). */
  quality?: number;
  timeout?: number;
}

interface Marks {
  fold: number;
  ctas: Array<{ target: number; n: number; primary: boolean }>;
  findings: Array<{ target: number; n: number; error: boolean }>;
}

/** Runs in the page: draws the annotations over the email (absolutely positioned, on top of everything). */
function annotate(m: Marks): void {
  const layer = document.createElement('div');
  layer.setAttribute('style', 'position:absolute;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none;font:600 11px/16px Liberation Sans,Arial,sans-serif');
  const boxOf = (t: number) => {
    const e = document.querySelector(`[data-il="${t}"]`);
    if (!e || !e.getClientRects().length) return null;
    const r = e.getBoundingClientRect();
    let { top, left, right, bottom } = r;
    if (e.firstElementChild && getComputedStyle(e).display === 'inline') {
      for (const d of Array.from(e.querySelectorAll('*'))) {
        const q = d.getBoundingClientRect();
        if (!q.width || !q.height) continue;
        top = Math.min(top, q.top);
        left = Math.min(left, q.left);
        right = Math.max(right, q.right);
        bottom = Math.max(bottom, q.bottom);
      }
    }
    return { top: top + scrollY, left: left + scrollX, width: right - left, height: bottom - top };
  };
  const add = (style: string, text?: string) => {
    const d = document.createElement('div');
    d.setAttribute('style', `position:absolute;box-sizing:border-box;${style}`);
    if (text) d.textContent = text;
    layer.appendChild(d);
    return d;
  };
  const width = document.documentElement.clientWidth;
  add(`left:0;top:${m.fold}px;width:${width}px;border-top:2px dashed rgba(198,40,40,.85)`);
  add(`left:${width - 92}px;top:${m.fold + 3}px;width:88px;text-align:center;color:#fff;background:rgba(198,40,40,.9);border-radius:3px;font-size:10px`, `fold · ${m.fold} px`);
  for (const c of m.ctas) {
    const b = boxOf(c.target);
    if (!b) continue;
    const colour = c.primary ? '#e8590c' : '#2f5bea';
    add(`left:${b.left - 2}px;top:${b.top - 2}px;width:${b.width + 4}px;height:${b.height + 4}px;border:2px solid ${colour};border-radius:4px;box-shadow:0 0 0 2px rgba(255,255,255,.75)`);
    add(`left:${b.left - 2}px;top:${Math.max(0, b.top - 19)}px;padding:0 6px;color:#fff;background:${colour};border-radius:4px 4px 4px 0;white-space:nowrap`, c.primary ? `${c.n} ★ primary` : String(c.n));
  }
  const perTarget = new Map<number, number>();
  for (const f of m.findings) {
    const b = boxOf(f.target);
    if (!b) continue;
    const k = perTarget.get(f.target) ?? 0;
    perTarget.set(f.target, k + 1);
    const x = Math.min(width - 22, Math.max(0, b.left + b.width - 10 - k * 20));
    const y = Math.max(0, b.top - 9);
    add(
      `left:${x}px;top:${y}px;width:20px;height:20px;border-radius:50%;text-align:center;line-height:18px;font-size:10px;color:#fff;border:1px solid #fff;background:${f.error ? '#c62828' : '#b07d00'};box-shadow:0 1px 3px rgba(0,0,0,.35)`,
      String(f.n),
    );
  }
  document.documentElement.appendChild(layer);
}

/** One safe context and page per viewport, reused from template to template. */
export class Screenshotter {
  private readonly pages = new Map<Viewport, Promise<Page>>();
  private readonly contexts: BrowserContext[] = [];
  constructor(
    private readonly browser: () => Promise<Browser>,
    private readonly opts: ScreenshotOptions = {},
  ) {}

  private page(vp: Viewport): Promise<Page> {
    let p = this.pages.get(vp);
    if (!p) {
      const scale = this.opts.scale ?? 1.5;
      p = this.browser()
        .then((b) => safeContext(b, { ...VIEWPORT_CONTEXT[vp], deviceScaleFactor: scale }))
        .then((c) => {
          this.contexts.push(c);
          return c.newPage();
        });
      this.pages.set(vp, p);
    }
    return p;
  }

  /** The annotated shot of `doc` at `vp`; a page that fails becomes an InputError naming the file. */
  async shoot(doc: EmailDocument, snap: Snapshot, vp: Viewport): Promise<Screenshot> {
    const maxHeight = this.opts.maxHeight ?? 4000;
    const timeout = this.opts.timeout ?? 15_000;
    try {
      const page = await this.page(vp);
      await page.setContent(frameHtml(doc, { images: 'placeholder' }), { waitUntil: 'load', timeout });
      const marks: Marks = {
        fold: snap.folds[vp],
        ctas: snap.ctas.filter((c) => c.target !== null).map((c) => ({ target: c.target!, n: c.n, primary: c.primary })),
        findings: snap.findings.filter((f) => f.target !== null).map((f) => ({ target: f.target!, n: f.n, error: f.severity === 'error' })),
      };
      await page.evaluate(annotate, marks);
      const size = await page.evaluate(() => ({
        width: document.documentElement.clientWidth,
        height: Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0),
      }));
      const height = Math.min(size.height, maxHeight);
      const jpeg = await page.screenshot({
        type: 'jpeg',
        quality: this.opts.quality ?? 72,
        fullPage: true,
        clip: { x: 0, y: 0, width: size.width, height },
        timeout,
      });
      return {
        viewport: vp,
        dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
        width: size.width,
        height,
        truncated: size.height > maxHeight,
        bytes: jpeg.length,
      };
    } catch (err) {
      const p = this.pages.get(vp);
      this.pages.delete(vp);
      await p?.then((pg) => pg.context().close()).catch(() => undefined);
      const e = err as Error;
      throw new InputError(`screenshot at the ${vp} width failed: ${e.message.split('\n')[0]}`, { filePath: doc.filePath });
    }
  }

  async close(): Promise<void> {
    this.pages.clear();
    for (const c of this.contexts.splice(0)) await c.close().catch(() => undefined);
  }
}
