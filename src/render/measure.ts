/**
 * Measured geometry: renders a template in Chromium at the phone and desktop viewports and
 * returns the box of every rendered element keyed by its source start offset, the shape
 * `doc.extra.measured` takes (src/model/layout.ts `boxOf` prefers it over the estimate).
 *
 * The page is the render-only copy (page.ts): `data-il` on every start tag, images replaced by
 * local placeholders of their declared size (image bytes are never fetched, so an undeclared
 * size is the static assumption on both sides), and a `width=device-width` viewport when the
 * template has none, so the phone lays out at 375 CSS px as the rules' folds assume.
 * Elements with no layout box (display:none, also through `@media`) are left out: the model
 * keeps its estimate for them.
 */
import type { Browser } from 'playwright-core';
import type { EmailDocument } from '../model/document.js';
import { VIEWPORTS, type Box, type MeasuredGeometry, type Viewport } from '../model/geometry.js';
import { InputError } from '../errors.js';
import { launchBrowser, safeContext } from './browser.js';
import { openPage, renderCopy } from './page.js';

export interface MeasureOptions {
  /** A browser to reuse (the caller closes it); without one, a browser is launched and closed. */
  browser?: Browser;
  /** Executable when a browser is launched here. */
  executablePath?: string;
  viewports?: readonly Viewport[];
  /** Per-page timeout in ms (default 15 s). */
  timeout?: number;
}

/** Context options per viewport: a touch phone at 2× and a desktop preview pane. */
export const VIEWPORT_CONTEXT = {
  mobile: { viewport: VIEWPORTS.mobile, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: VIEWPORTS.desktop, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;

/** Runs in the page: [offset, top, left, width, height] per `[data-il]` element with a layout box. */
function collectBoxes(): number[][] {
  const out: number[][] = [];
  const sx = window.scrollX;
  const sy = window.scrollY;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  for (const el of Array.from(document.querySelectorAll('[data-il]'))) {
    if (!el.getClientRects().length) continue;
    const r = el.getBoundingClientRect();
    out.push([Number(el.getAttribute('data-il')), r2(r.top + sy), r2(r.left + sx), r2(r.width), r2(r.height)]);
  }
  return out;
}

/** Renders `html` at one viewport in a fresh safe context and returns its boxes. */
async function measureAt(browser: Browser, html: string, vp: Viewport, timeout: number): Promise<Map<number, Box>> {
  const context = await safeContext(browser, { ...VIEWPORT_CONTEXT[vp] });
  try {
    const page = await openPage(context, html, timeout);
    const rows = await page.evaluate(collectBoxes);
    const boxes = new Map<number, Box>();
    for (const [il, top, left, width, height] of rows) boxes.set(il, { top, left, width, height, measured: true });
    return boxes;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Measures `doc` in Chromium. A page that does not load within the timeout becomes an
 * InputError naming the file (the CLI reports it as that file's fatal message).
 */
export async function measureDocument(doc: EmailDocument, opts: MeasureOptions = {}): Promise<MeasuredGeometry> {
  const timeout = opts.timeout ?? 15_000;
  const html = renderCopy(doc, { placeholderImages: true, viewportMeta: true });
  const browser = opts.browser ?? (await launchBrowser({ executablePath: opts.executablePath, timeout: 30_000 }));
  try {
    const geometry: MeasuredGeometry = { viewports: {} };
    for (const vp of opts.viewports ?? (['mobile', 'desktop'] as const)) {
      try {
        geometry.viewports[vp] = await measureAt(browser, html, vp, timeout);
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0];
        const why = (err as Error).name === 'TimeoutError' ? `timed out after ${timeout} ms` : `failed: ${msg}`;
        throw new InputError(`rendering at the ${vp} viewport ${why}`, { filePath: doc.filePath });
      }
    }
    return geometry;
  } finally {
    if (!opts.browser) await browser.close();
  }
}

/** A browser for many documents: `prepare(doc)` measures and attaches `doc.extra.measured`. */
export interface Renderer {
  prepare(doc: EmailDocument): Promise<void>;
  close(): Promise<void>;
}

/** Launches one browser (throws an InboxlintError listing where it looked when there is none). */
export async function createRenderer(opts: { executablePath?: string; timeout?: number } = {}): Promise<Renderer> {
  const browser = await launchBrowser({ executablePath: opts.executablePath });
  return {
    async prepare(doc) {
      doc.extra.measured = await measureDocument(doc, { browser, timeout: opts.timeout });
    },
    close: () => browser.close(),
  };
}
