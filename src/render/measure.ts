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
import type { Browser, Page } from 'playwright-core';
import type { EmailDocument } from '../model/document.js';
import { mediaWindowOf } from './pane-media.js';
import { VIEWPORTS, type AltText, type Box, type MeasuredGeometry, type Viewport } from '../model/geometry.js';
import { InputError } from '../errors.js';
import { launchBrowser, safeContext } from './browser.js';
import { renderCopy } from './page.js';
import { collectBoxes, collectPageSize, collectAltText } from './collect.js';

export { collectBoxes } from './collect.js';

export interface MeasureOptions {
  /** A browser to reuse (the caller closes it); without one, a browser is launched and closed. */
  browser?: Browser;
  /** Executable when a browser is launched here. */
  executablePath?: string;
  viewports?: readonly Viewport[];
  /** Per-page timeout in ms (default 15 s). */
  timeout?: number;
  /** `off`: also measure with every image blocked (`MeasuredGeometry.imagesOff`, for cta-image-only). */
  images?: 'placeholder' | 'off';
}

/** Rows of `collectBoxes` as boxes keyed by source offset. */
export function toBoxes(rows: number[][]): Map<number, Box> {
  const boxes = new Map<number, Box>();
  for (const [il, top, left, width, height] of rows) boxes.set(il, { top, left, width, height, measured: true });
  return boxes;
}

/** Rows of `collectAltText` keyed by source offset. */
export function toAltText(rows: number[][]): Map<number, AltText> {
  const out = new Map<number, AltText>();
  for (const [il, fontSize, textWidth, visible] of rows) out.set(il, { fontSize, textWidth, visible: visible === 1 });
  return out;
}

/** Context options per viewport: a touch phone at 2× and a desktop preview pane. */
export const VIEWPORT_CONTEXT = {
  mobile: { viewport: VIEWPORTS.mobile, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: VIEWPORTS.desktop, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;

/**
 * Measures documents with one browser: one safe context and page per viewport, reused from
 * document to document (a new page costs ~100 ms, `setContent` on a warm one ~10 ms; with
 * JavaScript off and no network nothing carries over). A page that failed is discarded.
 */
export class Renderer {
  private readonly pages = new Map<Viewport, Promise<Page>>();
  private readonly cleanups: Array<() => Promise<void>> = [];
  /** Per-renderer state of other render modules (e.g. render.ts's pool of fresh contexts), keyed by the module's own key. */
  readonly attachments = new Map<object, unknown>();
  private constructor(
    /** The browser this renderer drives (other renders may open their own contexts in it). */
    readonly browser: Browser,
    private readonly ownsBrowser: boolean,
    private readonly timeout: number,
    private readonly imagesOff: boolean,
  ) {}

  /**
   * Uses `opts.browser` (the caller closes it) or launches one (throws an InboxlintError that
   * lists where it looked when there is none).
   */
  static async create(opts: MeasureOptions = {}): Promise<Renderer> {
    const browser = opts.browser ?? (await launchBrowser({ executablePath: opts.executablePath }));
    return new Renderer(browser, !opts.browser, opts.timeout ?? 15_000, opts.images === 'off');
  }

  private page(vp: Viewport): Promise<Page> {
    let p = this.pages.get(vp);
    if (!p) {
      p = safeContext(this.browser, { ...VIEWPORT_CONTEXT[vp] }).then((c) => c.newPage());
      this.pages.set(vp, p);
    }
    return p;
  }

  private async drop(vp: Viewport): Promise<void> {
    const p = this.pages.get(vp);
    this.pages.delete(vp);
    await p?.then((page) => page.context().close()).catch(() => undefined);
  }

  /**
   * Boxes of every displayed element of `doc`, per viewport, and the document's size. With
   * `imagesOff`, a second render with every image blocked (alt text drawn the way Chromium
   * draws it) fills `imagesOff`. A page that does not load within the timeout becomes an
   * InputError naming the file (reported as that file's fatal message).
   */
  async measure(doc: EmailDocument, viewports: readonly Viewport[] = ['mobile', 'desktop'], imagesOff = this.imagesOff): Promise<MeasuredGeometry> {
    const geometry: MeasuredGeometry = { viewports: {}, pages: {} };
    for (const vp of viewports) {
      const html = renderCopy(doc, { placeholderImages: true, viewportMeta: true, mediaWindow: mediaWindowOf(vp) });
      await this.read(doc, vp, html, async (page) => {
        geometry.viewports[vp] = toBoxes(await page.evaluate(collectBoxes));
        const [scrollWidth, scrollHeight] = await page.evaluate(collectPageSize);
        geometry.pages![vp] = { scrollWidth, scrollHeight };
      });
    }
    if (imagesOff) {
      // Images stay as they are: every request is aborted, so each one is a broken image with its alt text.
      const off = (geometry.imagesOff = { viewports: {}, alt: {} } as NonNullable<MeasuredGeometry['imagesOff']>);
      for (const vp of viewports) {
        await this.read(doc, vp, renderCopy(doc, { viewportMeta: true, mediaWindow: mediaWindowOf(vp) }), async (page) => {
          off.viewports[vp] = toBoxes(await page.evaluate(collectBoxes));
          off.alt[vp] = toAltText(await page.evaluate(collectAltText));
        });
      }
    }
    return geometry;
  }

  /**
   * Loads `html` at `vp` and reads it with `fn`. Any failure (a timeout, a crashed page, a page
   * that navigated away) discards the page and is an InputError naming the file, so a run goes
   * on with the next one.
   */
  private async read(doc: EmailDocument, vp: Viewport, html: string, fn: (page: Page) => Promise<void>): Promise<void> {
    try {
      const page = await this.page(vp);
      await page.setContent(html, { waitUntil: 'load', timeout: this.timeout });
      await fn(page);
    } catch (err) {
      await this.drop(vp);
      throw renderFailure(err, `rendering at the ${vp} viewport`, this.timeout, doc.filePath);
    }
  }

  /** Measures `doc` and attaches the result as `doc.extra.measured` (before anything reads its CTAs). */
  async prepare(doc: EmailDocument): Promise<void> {
    doc.extra.measured = await this.measure(doc);
  }

  /** Runs `fn` when the renderer closes, before the browser does (to close contexts made in it). */
  onClose(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.cleanups.splice(0)) await fn().catch(() => undefined);
    for (const vp of [...this.pages.keys()]) await this.drop(vp);
    if (this.ownsBrowser) await this.browser.close();
  }
}

/** Measures one document (launching a browser unless `opts.browser` is given). */
export async function measureDocument(doc: EmailDocument, opts: MeasureOptions = {}): Promise<MeasuredGeometry> {
  const renderer = await Renderer.create(opts);
  try {
    return await renderer.measure(doc, opts.viewports);
  } finally {
    await renderer.close();
  }
}

/**
 * A render's failure as the file's InputError: a timeout, a crashed page, a page that navigated
 * away or lost its context while it was read. `what` says which render.
 */
export function renderFailure(err: unknown, what: string, timeout: number, filePath: string): InputError {
  if (err instanceof InputError) return err;
  const e = err as Error | undefined;
  const message = e?.message ?? String(err);
  const why =
    e?.name === 'TimeoutError' || /Timeout \d+ms exceeded/.test(message)
      ? `timed out after ${timeout} ms`
      : /Execution context was destroyed|navigat|frame was detached/i.test(message)
        ? 'failed: the page navigated away while it was measured'
        : /crash/i.test(message)
          ? 'failed: the page crashed'
          : `failed: ${message.split('\n')[0]}`;
  return new InputError(`${what} ${why}`, { filePath });
}
