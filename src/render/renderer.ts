/**
 * The browser of a run: `Renderer` launches (or borrows) one Chromium, pools the contexts
 * templates are loaded in (load.ts) and closes them all. `measure(doc)` is `lint --render`'s
 * prepare step: the template loaded once per rules' view (load.ts `TemplateLoad.measure`) and
 * its boxes, keyed by source start offset, returned as `MeasuredGeometry` — the geometry
 * `doc.facts.measured` holds (src/model/layout.ts `boxOf` prefers it over the estimate).
 * `render` and `report` load a template the same way and draw its pictures from the same
 * loads (render.ts).
 *
 * The page is the render-only copy (page.ts): `data-il` on every start tag, and a
 * `width=device-width` viewport when the template has none, so the phone lays out at 375 CSS
 * px as the rules' folds assume. Elements with no layout box (display:none, also through
 * `@media`) are left out: the model keeps its estimate for them.
 */
import type { Browser } from 'playwright-core';
import type { EmailDocument } from '../model/document.js';
import { VIEWPORTS, type MeasuredGeometry, type Viewport } from '../model/geometry.js';
import { launchBrowser } from './browser.js';
import { ContextPool, TemplateLoad, type TemplateLoadOptions } from './load.js';

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

/** Context options per viewport: a touch phone at 2× and a desktop preview pane. */
export const VIEWPORT_CONTEXT = {
  mobile: { viewport: VIEWPORTS.mobile, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: VIEWPORTS.desktop, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
} as const;

/** One browser for many templates; each template holds its own contexts meanwhile (see load.ts). */
export class Renderer {
  /** Template pages loaded with this renderer so far (one per template, view and variant). */
  readonly counter = { loads: 0 };
  private readonly cleanups: Array<() => Promise<void>> = [];
  private pool?: ContextPool;
  /** Per-renderer state of other render modules (e.g. render.ts's composer), keyed by the module's own key. */
  readonly attachments = new Map<object, unknown>();
  private constructor(
    /** The browser this renderer drives (other renders may open their own contexts in it). */
    readonly browser: Browser,
    private readonly ownsBrowser: boolean,
    /** Per page, ms. */
    readonly timeout: number,
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

  /** Template pages loaded with this renderer so far. */
  get loads(): number {
    return this.counter.loads;
  }

  /** One template in the browser (load.ts): load its views, measure, draw; close it when done. */
  open(doc: EmailDocument, opts: Partial<TemplateLoadOptions> = {}): TemplateLoad {
    this.pool ??= new ContextPool(this.browser);
    return new TemplateLoad(this.pool, doc, { timeout: this.timeout, remoteTimeout: 5_000, ...opts, counter: this.counter });
  }

  /**
   * Boxes of every displayed element of `doc`, per viewport, and the document's size: one load
   * per viewport. With `imagesOff`, one more per viewport with every image blocked (alt text
   * drawn the way Chromium draws it) fills `imagesOff`. A page that does not load within the
   * timeout becomes an InputError naming the file (reported as that file's fatal message).
   */
  async measure(doc: EmailDocument, viewports: readonly Viewport[] = ['mobile', 'desktop'], imagesOff = this.imagesOff): Promise<MeasuredGeometry> {
    const t = this.open(doc);
    try {
      return await t.measure('placeholder', imagesOff, viewports);
    } finally {
      await t.close();
    }
  }

  /** `doc` with its measured geometry as `facts.measured`: a new document, so nothing computed before the measure is kept. */
  async prepare(doc: EmailDocument): Promise<EmailDocument> {
    return doc.withFacts({ measured: await this.measure(doc) });
  }

  /** Runs `fn` when the renderer closes, before the browser does (to close contexts made in it). */
  onClose(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.cleanups.splice(0)) await fn().catch(() => undefined);
    await this.pool?.close();
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
