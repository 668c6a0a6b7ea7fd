/**
 * Pictures of a template as its readers see it, and the layout behind them: the programmatic
 * API of `inboxlint render` (also for the preview and report pages).
 *
 * ```ts
 * import { renderTemplate, measureTemplate } from './render/render.js';
 * const renderer = await Renderer.create();                 // src/render/measure.ts: one browser
 * const { views } = await renderTemplate(doc, findings, {   // findings: LintMessage[] or (doc) => them
 *   views: ['mobile', 'desktop', '390x844'],                // names or WxH (views.ts), default mobile + desktop
 *   dark: true,                                             // adds a prefers-color-scheme: dark render per view
 *   imagesOff: true,                                        // adds a render with every image blocked (alt text shown)
 *   images: 'placeholder',                                  // base renders: 'placeholder' (default) | 'remote'
 *   renderer,                                               // a Renderer or () => Promise<Renderer> (started on first use)
 * });
 * for (const v of views) v.id;        // 'mobile', 'mobile.dark', 'desktop.images-off', …  (file names use it)
 * v.png; v.fold; v.annotated;         // PNG buffers: full length, the crop above the fold, annotated
 * v.layout;                           // ViewLayout: what layout.json holds (view, fold, CTAs, columns, findings with boxes)
 * v.boxes;                            // source offset → measured Box of every displayed element at this view
 * ```
 *
 * Images: relative URLs are served from the template's own folder (never outside it); remote
 * images are not fetched unless `images: 'remote'` (each with `remoteTimeout`, by this process,
 * http(s) from public addresses only: remote.ts) and are drawn
 * as neutral placeholders of their declared size that say so. Safety: JavaScript off, every
 * other request aborted, no `file://` (the page lives on a private origin the route handler
 * answers), a fresh browser context per template, `timeout` per page (an InputError naming the
 * file). Findings given as a function are computed after a first measuring pass at the rules'
 * viewports, so the rules read the same render the pictures show (`doc.extra.measured`).
 */
import { realpath } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import type { Box, MeasuredGeometry, PageSize } from '../model/geometry.js';
import type { LintMessage } from '../engine/types.js';
import { InputError } from '../errors.js';
import { readInputBytes } from '../input/bytes.js';
import { insideFolder } from '../paths.js';
import { columnRows } from '../model/columns.js';
import { boxAmong, findingElement, sideBySide } from '../model/measured.js';
import { collectAltText, collectBoxes, collectMissingGlyphs, collectPageSize } from './collect.js';
import { renderCopy, placeholderSize, svgDataUrl } from './page.js';
import { renderFailure, toAltText, toBoxes, type Renderer } from './measure.js';
import { mediaWindowOf } from './pane-media.js';
import { safeContext } from './browser.js';
import { fetchRemoteImage } from './remote.js';
import { parseViews, type ViewSpec } from './views.js';
import { DEFAULT_FOLDS, type Folds } from '../model/fold.js';
import { Composer, type AnnotationPlacement, type PictureData } from './annotate.js';
import { buildLegend, findingMarkers, findingOfVariant, type LegendEntry } from './legend.js';

export { ANNOTATION_COLORS } from './annotate.js';
export type { ViewSpec } from './views.js';

export type ImagesMode = 'placeholder' | 'remote' | 'off';
export type RenderOutput = 'png' | 'fold' | 'annotated' | 'ctas';

export interface RenderOptions {
  /** View names or `WxH` specs, or parsed views (default mobile and desktop). */
  views?: readonly (string | ViewSpec)[];
  /** Folds of the named views (default cta-above-fold's 500 / 350 px). */
  folds?: Folds;
  /** Add a render with `prefers-color-scheme: dark` per view (the template's own dark rules). */
  dark?: boolean;
  /** Add a render with every image blocked per view. */
  imagesOff?: boolean;
  /** Images of the base (and dark) renders: placeholders for remote images (default) or fetched. */
  images?: 'placeholder' | 'remote';
  /** The browser: a Renderer, or a provider called on first use. */
  renderer: Renderer | (() => Promise<Renderer>);
  /** Folder relative URLs resolve in (default: the template's folder). */
  baseDir?: string;
  /** Per page, ms (default 15 s). */
  timeout?: number;
  /** Per remote image with `images: 'remote'`, ms (default 5 s). */
  remoteTimeout?: number;
  /** Which pictures to make (default the three pictures; `ctas` adds a crop round each CTA). */
  outputs?: readonly RenderOutput[];
  /** Text added to CTA labels in the annotated picture, by CTA number (the click map: share of clicks). */
  ctaNotes?: ReadonlyMap<number, string>;
}

export interface RenderVariant {
  dark: boolean;
  images: ImagesMode;
}

export interface LayoutCta {
  /** 1-based, in document order (the number drawn on the picture). */
  number: number;
  label: string;
  href: string;
  kind: string;
  type: string;
  primary: boolean;
  /** The painted button at this view; null when it has no layout box here. */
  box: Box | null;
  /** The tap target (the link). */
  linkBox: Box | null;
  aboveFold: boolean | null;
}

export interface LayoutColumns {
  line: number;
  /** Static verdict: how the markup says the row adapts on a phone. */
  stacking: string;
  box: Box | null;
  columns: (Box | null)[];
  /** Measured at this view: at least two columns share a line. */
  sideBySide: boolean;
}

export interface LayoutFinding {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  /** The element it points at, at this view; null when nothing of it is drawn (head, hidden). */
  box: Box | null;
  /** Its number in the legend (and on the annotated picture). */
  marker: number;
  /** About the whole document (html-lang, viewport-meta…): in the header strip, not on an element. */
  document: boolean;
}

/** What `layout.json` holds for one view of one template. */
export interface ViewLayout {
  file: string;
  view: { name: string; width: number; height: number; scale: number; mobile: boolean; dark: boolean; images: ImagesMode };
  fold: number;
  scrollWidth: number;
  scrollHeight: number;
  scrollsSideways: boolean;
  ctas: LayoutCta[];
  columns: LayoutColumns[];
  findings: LayoutFinding[];
  /** The annotated picture's legend: findings of one rule grouped, numbered as drawn. */
  legend: LegendEntry[];
  /** Where the email sits in the annotated picture and what is drawn beside it (CSS px), when one was made. */
  annotated?: AnnotationPlacement & { width: number; height: number };
  notes: string[];
}

export interface RenderedView {
  /** `<view>[.dark|.images-off]`, e.g. `mobile.dark`. */
  id: string;
  view: ViewSpec;
  variant: RenderVariant;
  png?: Buffer;
  fold?: Buffer;
  annotated?: Buffer;
  /** With the `ctas` output: a picture of each drawn CTA with some of what surrounds it, by CTA number. */
  ctaCrops?: Map<number, Buffer>;
  layout: ViewLayout;
  boxes: Map<number, Box>;
}

export interface RenderResult {
  filePath: string;
  views: RenderedView[];
}

export type Findings = readonly LintMessage[] | ((doc: EmailDocument) => readonly LintMessage[] | Promise<readonly LintMessage[]>);

/** The private origin a template is served from: its URLs resolve as if in its own folder. */
export const TEMPLATE_ORIGIN = 'http://template.inboxlint.invalid';
/**
 * The base of images-off renders: nothing answers it, and its URLs differ from the base
 * render's, so no image comes from the page's memory cache either.
 */
const BLOCKED_ORIGIN = 'http://images-off.inboxlint.invalid';

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.svg': 'image/svg+xml', '.avif': 'image/avif', '.bmp': 'image/bmp', '.ico': 'image/x-icon', '.css': 'text/css',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
};

const isRemote = (src: string) => /^\s*(https?:)?\/\//i.test(src);

/** A neutral grey placeholder of the image's declared size that says it was not loaded (or not found). */
function placeholder(doc: EmailDocument, img: Element, what: 'remote' | 'missing'): string {
  const { width: w, height: h } = placeholderSize(doc, img);
  const fs = Math.max(8, Math.min(12, h * 0.4));
  const long = what === 'remote' ? `remote image ${Math.round(w)}×${Math.round(h)} not loaded` : `image ${Math.round(w)}×${Math.round(h)} not found`;
  const short = what === 'remote' ? 'not loaded' : 'not found';
  const text = w >= 70 && h >= 12 ? `<text x="50%" y="50%" fill="#6b7280" font-family="Arial, Liberation Sans, sans-serif" font-size="${fs}" text-anchor="middle" dominant-baseline="middle">${w >= 180 ? long : short}</text>` : '';
  return svgDataUrl(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="#e5e7eb" stroke="#9ca3af" stroke-width="1" stroke-dasharray="4 3"/>${text}</svg>`,
  );
}

/** The file a relative image URL names inside `baseDir`, or undefined (absolute, data:, outside, query-only…). */
function localFile(baseDir: string, src: string): string | undefined {
  const s = src.trim();
  if (!s || /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('//')) return undefined;
  try {
    const path = decodeURIComponent(new URL(s, `${TEMPLATE_ORIGIN}/`).pathname);
    const file = resolve(baseDir, `.${path}`);
    return insideFolder(baseDir, file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The render copy of `doc` for an image mode: remote images (unless fetched) and relative ones
 * missing from the template's folder become placeholders of their declared size. Counts them.
 */
function copyFor(doc: EmailDocument, images: ImagesMode, baseDir: string, view?: ViewSpec): { html: string; remote: number; missing: number } {
  let remote = 0;
  let missing = 0;
  const html = renderCopy(doc, {
    viewportMeta: true,
    mediaWindow: mediaWindowOf(view?.geometry),
    baseHref: `${images === 'off' ? BLOCKED_ORIGIN : TEMPLATE_ORIGIN}/`,
    imageSrc:
      images === 'off'
        ? // A URL nothing answers, also for absolute ones a remote render may have cached.
          () => `${BLOCKED_ORIGIN}/image`
        : (img) => {
            const src = img.attribs.src ?? '';
            if (isRemote(src)) {
              if (images === 'remote') return undefined;
              remote++;
              return placeholder(doc, img, 'remote');
            }
            const file = localFile(baseDir, src);
            if (!file || existsSync(file)) return undefined;
            missing++;
            return placeholder(doc, img, 'missing');
          },
  });
  return { html, remote, missing };
}

/** How a layout note about text the machine has no font for begins. */
export const NO_FONT_NOTE = 'no font on this machine for';

const CJK = new Set(['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo']);

/**
 * The layout note for characters no font draws (collectMissingGlyphs: [group, count, examples]),
 * or undefined when every character has a font. Names Debian's packages that cover them.
 */
export function missingFontNote(groups: readonly (readonly [string, number, string])[]): string | undefined {
  if (!groups.length) return undefined;
  const total = groups.reduce((n, [, c]) => n + c, 0);
  const packages = new Set(groups.map(([g]) => (CJK.has(g) ? 'fonts-noto-cjk' : g === 'emoji' ? 'fonts-noto-color-emoji' : 'fonts-noto-core')));
  return (
    `${NO_FONT_NOTE} ${total} character${total === 1 ? '' : 's'} of the text (${groups.map(([g, c]) => `${g} ${c}`).join(', ')}; e.g. ${groups.map(([, , e]) => e).join(' ')}): ` +
    `the pictures show ${total === 1 ? 'it as an empty box' : 'them as empty boxes'}; install fonts for them (Debian: ${[...packages].join(', ')})`
  );
}

const variantId = (view: ViewSpec, v: RenderVariant) => `${view.name}${v.dark ? '.dark' : ''}${v.images === 'off' ? '.images-off' : ''}`;

interface FreshPage {
  context: BrowserContext;
  page: Page;
  /** Where the context's requests go: the template that took it (until then, aborted). */
  owner: { route?: (r: Route) => Promise<void> };
  /** The page's current viewport and colour scheme (set only when they change). */
  state: { width: number; height: number; dark: boolean };
}

/**
 * Fresh contexts made ahead of time: a new context and page cost a new renderer process
 * (~100–500 ms), so while one template renders, the context for the next one of the same
 * device profile is already being made. Every template still gets a context nobody used
 * before; spares are closed with the Renderer.
 */
class ContextPool {
  private readonly spares = new Map<string, Promise<FreshPage>>();
  constructor(private readonly browser: Browser) {}

  /**
   * An offline context (browser.ts `safeContext`): every request comes to this process, which
   * answers the template's private origin and, with remote images, fetches them (remote.ts).
   */
  private make(view: ViewSpec): Promise<FreshPage> {
    const p = (async () => {
      const owner: FreshPage['owner'] = {};
      const context = await safeContext(
        this.browser,
        { viewport: { width: view.width, height: view.height }, deviceScaleFactor: view.scale, isMobile: view.mobile, hasTouch: view.mobile, colorScheme: 'light' },
        (r) => (owner.route ? owner.route(r) : r.abort('blockedbyclient')),
      );
      return { context, page: await context.newPage(), owner, state: { width: view.width, height: view.height, dark: false } };
    })();
    p.catch(() => undefined);
    return p;
  }

  /** A context nobody used, for this view's device profile; starts making the next one. */
  async take(view: ViewSpec): Promise<FreshPage> {
    const key = `${view.scale}/${view.mobile}`;
    const ready = this.spares.get(key) ?? this.make(view);
    this.spares.set(key, this.make(view));
    return ready;
  }

  async close(): Promise<void> {
    for (const p of this.spares.values()) await p.then((f) => f.context.close()).catch(() => undefined);
    this.spares.clear();
  }
}

/** Per-renderer state of this module, made on first use and closed with the renderer. */
function attached<T extends { close(): Promise<void> }>(renderer: Renderer, key: object, make: () => T): T {
  let got = renderer.attachments.get(key) as T | undefined;
  if (!got) {
    const made = make();
    renderer.attachments.set(key, made);
    renderer.onClose(() => made.close());
    got = made;
  }
  return got;
}

const POOL_KEY = {};
const poolOf = (renderer: Renderer) => attached(renderer, POOL_KEY, () => new ContextPool(renderer.browser));

/**
 * The pages of one template: a fresh context per device profile (scale, touch), one page each,
 * reused for that template's views and variants; closed by `close()`.
 */
class TemplatePages {
  private readonly contexts = new Map<string, Promise<FreshPage>>();
  private images: ImagesMode = 'placeholder';
  private readonly baseDir: string;

  constructor(
    private readonly pool: ContextPool,
    private readonly doc: EmailDocument,
    private readonly opts: { baseDir?: string; timeout: number; remoteTimeout: number },
  ) {
    this.baseDir = resolve(opts.baseDir ?? dirname(doc.filePath));
  }

  private realBase?: Promise<string>;
  /** The template folder's real path, read once. */
  private realBaseDir(): Promise<string> {
    return (this.realBase ??= realpath(this.baseDir).catch(() => this.baseDir));
  }

  private async route(route: Route): Promise<void> {
    const req = route.request();
    try {
      const url = new URL(req.url());
      const type = req.resourceType();
      if (url.origin === TEMPLATE_ORIGIN) {
        if ((type === 'image' && this.images !== 'off') || type === 'stylesheet' || type === 'font') {
          const file = resolve(this.baseDir, `.${decodeURIComponent(url.pathname)}`);
          if (!insideFolder(this.baseDir, file)) return await route.abort('accessdenied');
          // Nor through a symlink out of the folder; regular files only (reading a FIFO would block).
          const real = await realpath(file).catch(() => undefined);
          if (real && !insideFolder(await this.realBaseDir(), real)) return await route.abort('accessdenied');
          const body = real ? await readInputBytes(real).catch(() => undefined) : undefined;
          if (!body) return await route.fulfill({ status: 404, body: '' });
          return await route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', body });
        }
        return await route.abort('blockedbyclient');
      }
      if (this.images === 'remote' && type === 'image') {
        const image = await fetchRemoteImage(url.href, { timeout: this.opts.remoteTimeout });
        if (image) return await route.fulfill({ status: image.status, contentType: image.contentType, body: image.body });
      }
      await route.abort('blockedbyclient');
    } catch {
      await route.abort('failed').catch(() => undefined);
    }
  }

  private page(view: ViewSpec): Promise<FreshPage> {
    const key = `${view.scale}/${view.mobile}`;
    let p = this.contexts.get(key);
    if (!p) {
      p = this.pool.take(view).then((fresh) => {
        fresh.owner.route = (r) => this.route(r);
        fresh.page.setDefaultTimeout(this.opts.timeout);
        return fresh;
      });
      this.contexts.set(key, p);
    }
    return p;
  }

  /** Loads the template at a view and variant; a failure is an InputError naming the file. */
  async load(view: ViewSpec, variant: RenderVariant, html: string): Promise<Page> {
    try {
      const { page, state } = await this.page(view);
      this.images = variant.images;
      if (state.width !== view.width || state.height !== view.height) {
        await page.setViewportSize({ width: view.width, height: view.height });
        Object.assign(state, { width: view.width, height: view.height });
      }
      if (state.dark !== variant.dark) {
        await page.emulateMedia({ colorScheme: variant.dark ? 'dark' : 'light' });
        state.dark = variant.dark;
      }
      // setContent keeps the page's first renderer process (a navigation to a new origin would
      // start another); the copy's <base href> points relative URLs at the private origin.
      await page.setContent(html, { waitUntil: 'load', timeout: this.opts.timeout });
      return page;
    } catch (err) {
      throw this.failure(err, view, variant);
    }
  }

  failure(err: unknown, view: ViewSpec, variant: RenderVariant): InputError {
    return renderFailure(err, `rendering the ${variantId(view, variant)} view`, this.opts.timeout, this.doc.filePath);
  }

  async close(): Promise<void> {
    for (const p of this.contexts.values()) await p.then((c) => c.context.close()).catch(() => undefined);
    this.contexts.clear();
  }
}

async function poolFor(r: RenderOptions['renderer']): Promise<ContextPool> {
  return poolOf(typeof r === 'function' ? await r() : r);
}

function baseVariant(opts: RenderOptions): RenderVariant {
  return { dark: false, images: opts.images ?? 'placeholder' };
}

async function measureWith(pages: TemplatePages, doc: EmailDocument, views: readonly ViewSpec[], opts: RenderOptions, withBase = true): Promise<MeasuredGeometry> {
  const geometry: MeasuredGeometry = { viewports: {}, pages: {} };
  const base = baseVariant(opts);
  const ruled = views.filter((v) => v.geometry);
  for (const view of withBase ? ruled : []) {
    const { html } = copyFor(doc, base.images, baseDirOf(doc, opts), view);
    const page = await pages.load(view, base, html);
    try {
      geometry.viewports[view.geometry!] = toBoxes(await page.evaluate(collectBoxes));
      const [scrollWidth, scrollHeight] = await page.evaluate(collectPageSize);
      geometry.pages![view.geometry!] = { scrollWidth, scrollHeight };
    } catch (err) {
      throw pages.failure(err, view, base);
    }
  }
  if (opts.imagesOff) {
    const off = (geometry.imagesOff = { viewports: {}, alt: {} } as NonNullable<MeasuredGeometry['imagesOff']>);
    const variant: RenderVariant = { dark: false, images: 'off' };
    for (const view of ruled) {
      const page = await pages.load(view, variant, copyFor(doc, 'off', baseDirOf(doc, opts), view).html);
      try {
        off.viewports[view.geometry!] = toBoxes(await page.evaluate(collectBoxes));
        off.alt[view.geometry!] = toAltText(await page.evaluate(collectAltText));
      } catch (err) {
        throw pages.failure(err, view, variant);
      }
    }
  }
  return geometry;
}

/**
 * Measures `doc` the way `renderTemplate` renders it (its own folder's images, remote images as
 * placeholders or fetched) at the rules' viewports (`mobile`, `desktop`, always both), for
 * `doc.extra.measured`. With `imagesOff`, also the images-off render for cta-image-only.
 */
export async function measureTemplate(doc: EmailDocument, opts: RenderOptions): Promise<MeasuredGeometry> {
  const pages = new TemplatePages(await poolFor(opts.renderer), doc, timeouts(opts));
  try {
    return await measureWith(pages, doc, parseViews(['mobile', 'desktop'], opts.folds), opts);
  } finally {
    await pages.close();
  }
}

const baseDirOf = (doc: EmailDocument, opts: RenderOptions) => resolve(opts.baseDir ?? dirname(doc.filePath));

function timeouts(opts: RenderOptions) {
  return { baseDir: opts.baseDir, timeout: opts.timeout ?? 15_000, remoteTimeout: opts.remoteTimeout ?? 5_000 };
}

const plainBox = (b: Box | undefined): Box | null => (b ? { top: b.top, left: b.left, width: b.width, height: b.height, measured: true } : null);

/** layout.json for one view: the model's CTAs, columns and the findings placed on this view's boxes. */
export function buildLayout(
  doc: EmailDocument,
  findings: readonly LintMessage[],
  view: ViewSpec,
  variant: RenderVariant,
  boxes: ReadonlyMap<number, Box>,
  size: PageSize,
  notes: string[] = [],
): ViewLayout {
  const own = (el: Element) => boxes.get(el.startIndex ?? -1);
  const ctas: LayoutCta[] = doc.ctas.map((c) => {
    // The painted element when it is drawn; a VML-only twin is shown by its HTML link, else by what holds it.
    const box = own(c.element) ?? own(c.labelElement) ?? boxAmong(doc, boxes, c.element);
    return {
      number: c.index + 1,
      label: c.label,
      href: c.href,
      kind: c.kind,
      type: c.type,
      primary: c.primary,
      box: plainBox(box),
      linkBox: plainBox(boxAmong(doc, boxes, c.labelElement)),
      aboveFold: box ? box.top <= view.fold : null,
    };
  });
  const columns: LayoutColumns[] = columnRows(doc).map((row) => {
    const cols = row.columns.map((c) => boxes.get(c.startIndex ?? -1));
    return {
      line: doc.lines.position(row.range.start).line,
      stacking: row.stacking,
      box: plainBox(boxes.get(row.container.startIndex ?? -1)),
      columns: cols.map(plainBox),
      sideBySide: sideBySide(cols),
    };
  });
  // This view's findings (the dark picture carries the dark scheme's, images off what blocking changes).
  const mine = findings.filter((m) => m.ruleId && findingOfVariant(m, variant));
  const placed = mine.map((m) => {
    const el = findingElement(doc, m.range);
    return {
      ruleId: m.ruleId!,
      severity: m.severity === 2 ? ('error' as const) : ('warning' as const),
      message: m.message,
      line: m.line,
      column: m.column,
      box: plainBox(el ? boxAmong(doc, boxes, el) : undefined),
      document: !el,
    };
  });
  const { entries: legend, numbers } = buildLegend(placed);
  const located: LayoutFinding[] = placed.map((f, i) => ({ ...f, marker: numbers[i] }));
  return {
    file: doc.filePath,
    view: { name: view.name, width: view.width, height: view.height, scale: view.scale, mobile: view.mobile, dark: variant.dark, images: variant.images },
    fold: view.fold,
    scrollWidth: size.scrollWidth,
    scrollHeight: size.scrollHeight,
    scrollsSideways: size.scrollWidth > view.width + 1,
    ctas,
    columns,
    findings: located,
    legend,
    notes,
  };
}

/** What the annotated picture of a view draws: its CTAs, legend and markers, over a picture `width` × `height`. */
function pictureOf(layout: ViewLayout, width: number, height: number, notes?: ReadonlyMap<number, string>): PictureData {
  const v = layout.view;
  const variant = [v.dark ? 'dark' : 'light', v.images === 'off' ? 'images off' : v.images === 'remote' ? 'remote images' : ''].filter(Boolean).join(' · ');
  const finding = layout.findings.map((f) => ({ ...f, box: f.document ? null : f.box }));
  return {
    title: `${v.name} · ${v.width} × ${v.height}${v.scale !== 1 ? ` · ${v.scale}×` : ''} · ${variant} · fold ${Math.round(layout.fold)} px`,
    width,
    height,
    fold: layout.fold,
    ctas: layout.ctas.filter((c) => c.box).map((c) => ({ n: c.number, primary: c.primary, label: c.label, type: c.type, box: c.box!, ...(notes?.has(c.number) ? { note: notes.get(c.number) } : {}) })),
    legend: layout.legend,
    markers: findingMarkers(finding, layout.findings.map((f) => f.marker), width / 2),
  };
}

const COMPOSER_KEY = {};
const composerOf = (renderer: Renderer) => attached(renderer, COMPOSER_KEY, () => new Composer(renderer.browser));

/** The largest full-length picture, in CSS px: Chromium cannot capture a page millions of pixels long or wide. */
const MAX_PICTURE = { width: 1_600, height: 30_000 };

/** The top-left part a full-length picture shows of a page too big for one (never narrower than the view), else undefined (the whole page). */
function pictureClip(size: PageSize, view: ViewSpec): { x: number; y: number; width: number; height: number } | undefined {
  const maxWidth = Math.max(MAX_PICTURE.width, view.width);
  if (size.scrollWidth <= maxWidth && size.scrollHeight <= MAX_PICTURE.height) return undefined;
  return { x: 0, y: 0, width: Math.min(size.scrollWidth, maxWidth), height: Math.min(size.scrollHeight, MAX_PICTURE.height) };
}

interface Shot {
  view: ViewSpec;
  variant: RenderVariant;
  page: Page;
  boxes: Map<number, Box>;
  size: PageSize;
  notes: string[];
  png?: Buffer;
  fold?: Buffer;
}

/**
 * Renders `doc` at every view and variant (see the top of this file). One fresh browser context
 * per device profile for this template, closed before returning; the caller owns the Renderer.
 * The rules' own views (mobile, desktop) are loaded once: the findings (when given as a
 * function) are computed from their boxes while their pages still hold them, then annotated.
 */
export async function renderTemplate(doc: EmailDocument, findings: Findings, opts: RenderOptions): Promise<RenderResult> {
  const views = (opts.views ?? ['mobile', 'desktop']).map((v) => (typeof v === 'string' ? parseViews([v], opts.folds ?? DEFAULT_FOLDS)[0] : v));
  const outputs = new Set<RenderOutput>(opts.outputs ?? ['png', 'fold', 'annotated']);
  const base = baseVariant(opts);
  const variants: RenderVariant[] = [base];
  if (opts.dark) variants.push({ ...base, dark: true });
  if (opts.imagesOff) variants.push({ dark: false, images: 'off' });
  const pages = new TemplatePages(await poolFor(opts.renderer), doc, timeouts(opts));
  const copies = new Map<string, { html: string; notes: string[]; fonts?: Promise<string | undefined> }>();
  const copy = (images: ImagesMode, view: ViewSpec) => {
    // The desktop pane's copy answers media queries for the wider window (pane-media.ts).
    const key = `${images} ${mediaWindowOf(view.geometry) ? 'pane' : 'page'}`;
    let c = copies.get(key);
    if (!c) {
      const { html, remote, missing } = copyFor(doc, images, baseDirOf(doc, opts), view);
      const notes: string[] = [];
      if (remote) notes.push(`${remote} remote image${remote === 1 ? '' : 's'} not fetched: drawn as placeholders of the declared size`);
      if (missing) notes.push(`${missing} image${missing === 1 ? '' : 's'} not found in the template's folder: drawn as placeholders of the declared size`);
      if (images === 'off') notes.push('images blocked: alt text is shown as Chromium shows it');
      copies.set(key, (c = { html, notes }));
    }
    return c;
  };
  const shoot = async (view: ViewSpec, variant: RenderVariant, pictures: boolean): Promise<Shot> => {
    const c = copy(variant.images, view);
    const page = await pages.load(view, variant, c.html);
    try {
      const boxes = toBoxes(await page.evaluate(collectBoxes));
      const [scrollWidth, scrollHeight] = await page.evaluate(collectPageSize);
      const size = { scrollWidth, scrollHeight };
      const cut = pictureClip(size, view);
      // Text this machine has no font for: checked once per copy of the template (its first view).
      const fonts = await (c.fonts ??= page.evaluate(collectMissingGlyphs, 3000).then(missingFontNote));
      const notes = [...c.notes, ...(fonts ? [fonts] : [])];
      const shot: Shot = { view, variant, page, boxes, size, notes: cut ? [...notes, `the page is ${scrollWidth}×${scrollHeight} px: full-length pictures show its top-left ${cut.width}×${cut.height} px`] : notes };
      if (pictures && (outputs.has('png') || outputs.has('annotated'))) shot.png = await page.screenshot({ fullPage: true, clip: cut, type: 'png' });
      if (pictures && outputs.has('fold')) {
        // As wide as the full picture: a page that scrolls sideways keeps its right edge in the crop.
        const width = cut?.width ?? Math.max(view.width, scrollWidth);
        shot.fold = await page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width, height: Math.max(1, Math.min(view.fold, scrollHeight)) } });
      }
      return shot;
    } catch (err) {
      throw pages.failure(err, view, variant);
    }
  };
  const renderer = typeof opts.renderer === 'function' ? undefined : opts.renderer;
  const composer = async () => composerOf(renderer ?? (await (opts.renderer as () => Promise<Renderer>)()));
  const finish = async (shot: Shot, messages: readonly LintMessage[]): Promise<RenderedView> => {
    const layout = buildLayout(doc, messages, shot.view, shot.variant, shot.boxes, shot.size, shot.notes);
    const r: RenderedView = { id: variantId(shot.view, shot.variant), view: shot.view, variant: shot.variant, layout, boxes: shot.boxes, png: outputs.has('png') ? shot.png : undefined, fold: shot.fold };
    if (outputs.has('ctas')) {
      // Before the page is left: each CTA with 24 px of its surroundings, inside the page.
      r.ctaCrops = new Map();
      try {
        for (const c of layout.ctas) {
          if (!c.box || c.box.width < 1 || c.box.height < 1) continue;
          const x = Math.max(0, c.box.left - 24);
          const y = Math.max(0, c.box.top - 24);
          const width = Math.min(shot.size.scrollWidth, c.box.left + c.box.width + 24, x + 800) - x;
          const height = Math.min(shot.size.scrollHeight, c.box.top + c.box.height + 24, y + 400) - y;
          if (width >= 1 && height >= 1) r.ctaCrops.set(c.number, await shot.page.screenshot({ type: 'png', fullPage: true, clip: { x, y, width, height } }));
        }
      } catch (err) {
        throw pages.failure(err, shot.view, shot.variant);
      }
    }
    if (outputs.has('annotated') && shot.png) {
      try {
        const s = shot.view.scale;
        const data = pictureOf(layout, shot.png.readUInt32BE(16) / s, shot.png.readUInt32BE(20) / s, opts.ctaNotes);
        const made = await (await composer()).compose(data, shot.png, s, timeouts(opts).timeout);
        r.annotated = made.png;
        layout.annotated = { ...made.placement, width: made.width, height: made.height };
      } catch (err) {
        throw pages.failure(err, shot.view, shot.variant);
      }
    }
    return r;
  };
  try {
    const done = new Map<string, RenderedView>();
    let messages: readonly LintMessage[];
    if (typeof findings === 'function') {
      const ruled = parseViews(['mobile', 'desktop'], opts.folds);
      const geometry: MeasuredGeometry = { viewports: {}, pages: {} };
      if (opts.imagesOff) geometry.imagesOff = (await measureWith(pages, doc, ruled, { ...opts, imagesOff: true }, false)).imagesOff;
      // The rules' views in the base variant: measured and photographed in one load each (one page per profile).
      const held: Shot[] = [];
      for (const rv of ruled) {
        const wanted = views.find((v) => v.name === rv.name);
        const shot = await shoot(wanted ?? rv, base, !!wanted);
        geometry.viewports[rv.geometry!] = shot.boxes;
        geometry.pages![rv.geometry!] = shot.size;
        if (wanted) held.push(shot);
      }
      doc.extra.measured = geometry;
      messages = await findings(doc);
      for (const shot of held) done.set(variantId(shot.view, base), await finish(shot, messages));
    } else messages = findings;
    const out: RenderedView[] = [];
    for (const variant of variants) {
      for (const view of views) {
        const id = variantId(view, variant);
        out.push(done.get(id) ?? (await finish(await shoot(view, variant, true), messages)));
      }
    }
    return { filePath: doc.filePath, views: out };
  } finally {
    await pages.close();
  }
}
