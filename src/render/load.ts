/**
 * The one way a template is put in a browser page and measured. `lint --render`, `render`,
 * `report` (through renderer.ts and render.ts) all come here; the preview page measures its
 * own views with the same in-page function (collect.ts `collectBoxes`).
 *
 * One `TemplateLoad` per template: an offline browser context per device profile (scale, touch)
 * that no other template holds meanwhile, and one page per view and variant, loaded ONCE: its
 * boxes and page size are read as it loads, and the page stays open for its pictures until it
 * is released or the template is closed. `loads` counts the loads (tests hold it to one per
 * view). A context goes back to the pool when its template closes (a new one costs a renderer
 * process, 100–500 ms) and serves the next template on an origin of its own, so nothing one
 * template loaded (its folder's images) can answer another's URLs; a context in which anything
 * failed is closed instead.
 *
 * Images, the same for measuring and for pictures: relative URLs are served from the
 * template's own folder (never outside it, nor through a symbolic link out of it); a relative
 * image missing there and a remote image (unless `images: 'remote'`, fetched by this process
 * from public addresses only: remote.ts) are drawn as placeholders of their declared size; in
 * the images-off variant every image request fails, so each image shows its alt text. The
 * page lives on a private origin the route handler answers: JavaScript off, every other
 * request aborted, no `file://`. A page that does not load in `timeout` ms is an InputError
 * naming the file.
 */
import { realpath } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import type { AltText, Box, MeasuredGeometry, PageSize, Viewport } from '../model/geometry.js';
import { InputError } from '../errors.js';
import { readInputBytes } from '../input/bytes.js';
import { insideFolder } from '../paths.js';
import { collectAltText, collectBoxes, collectMissingGlyphs, collectPageSize } from './collect.js';
import { renderCopy, placeholderSize, svgDataUrl } from './page.js';
import { mediaWindowOf } from './pane-media.js';
import { safeContext } from './browser.js';
import { fetchRemoteImage } from './remote.js';
import { parseViews, type ViewSpec } from './view-spec.js';

export type ImagesMode = 'placeholder' | 'remote' | 'off';

export interface RenderVariant {
  dark: boolean;
  images: ImagesMode;
}

/**
 * The private origins of the n-th template: it is served from the first (its URLs resolve as if
 * in its own folder); the second is the base of its images-off renders, which nothing answers,
 * so no image comes from the page's memory cache either.
 */
function originsOf(n: number): { template: string; blocked: string } {
  return { template: `http://t${n}.template.inboxlint.invalid`, blocked: `http://t${n}.images-off.inboxlint.invalid` };
}
let templates = 0;

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.svg': 'image/svg+xml', '.avif': 'image/avif', '.bmp': 'image/bmp', '.ico': 'image/x-icon', '.css': 'text/css',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf',
};

const isRemote = (src: string) => /^\s*(https?:)?\/\//i.test(src);

/** Rows of `collectBoxes` as boxes keyed by source offset. */
export function toBoxes(rows: number[][]): Map<number, Box> {
  const boxes = new Map<number, Box>();
  for (const [il, top, left, width, height] of rows) boxes.set(il, { top, left, width, height, measured: true });
  return boxes;
}

/** Rows of `collectAltText` keyed by source offset. */
function toAltText(rows: number[][]): Map<number, AltText> {
  const out = new Map<number, AltText>();
  for (const [il, fontSize, textWidth, visible] of rows) out.set(il, { fontSize, textWidth, visible: visible === 1 });
  return out;
}

/**
 * A render's failure as the file's InputError: a timeout, a crashed page, a page that navigated
 * away or lost its context while it was read. `what` says which render.
 */
function renderFailure(err: unknown, what: string, timeout: number, filePath: string): InputError {
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
    const path = decodeURIComponent(new URL(s, 'http://template.invalid/').pathname);
    const file = resolve(baseDir, `.${path}`);
    return insideFolder(baseDir, file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The render copy of `doc` for an image mode and a view, and the layout notes about its images. */
function copyFor(doc: EmailDocument, images: ImagesMode, baseDir: string, view: ViewSpec, origins: { template: string; blocked: string }): { html: string; notes: string[] } {
  let remote = 0;
  let missing = 0;
  const html = renderCopy(doc, {
    viewportMeta: true,
    // The desktop pane's copy answers media queries for the wider window (pane-media.ts).
    mediaWindow: mediaWindowOf(view.geometry),
    baseHref: `${images === 'off' ? origins.blocked : origins.template}/`,
    imageSrc:
      images === 'off'
        ? // A URL nothing answers, also for absolute ones a remote render may have cached.
          () => `${origins.blocked}/image`
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
  const notes: string[] = [];
  if (remote) notes.push(`${remote} remote image${remote === 1 ? '' : 's'} not fetched: drawn as placeholders of the declared size`);
  if (missing) notes.push(`${missing} image${missing === 1 ? '' : 's'} not found in the template's folder: drawn as placeholders of the declared size`);
  if (images === 'off') notes.push('images blocked: alt text is shown as Chromium shows it');
  return { html, notes };
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

export const variantId = (view: ViewSpec, v: RenderVariant) => `${view.name}${v.dark ? '.dark' : ''}${v.images === 'off' ? '.images-off' : ''}`;

interface FreshPage {
  context: BrowserContext;
  /** Where the context's requests go: the template that holds it (between templates, aborted). */
  owner: { route?: (r: Route) => Promise<void> };
}

/**
 * The contexts of a renderer, per device profile: one is made when no idle one is there (a new
 * context costs a renderer process, ~100–500 ms), handed to one template at a time, and given
 * back when that template closes. Closed with the Renderer.
 */
export class ContextPool {
  private readonly idle = new Map<string, FreshPage[]>();
  constructor(private readonly browser: Browser) {}

  /**
   * An offline context (browser.ts `safeContext`): every request comes to this process, which
   * answers the holding template's private origin and, with remote images, fetches them (remote.ts).
   */
  private async make(view: ViewSpec): Promise<FreshPage> {
    const owner: FreshPage['owner'] = {};
    const context = await safeContext(
      this.browser,
      { viewport: { width: view.width, height: view.height }, deviceScaleFactor: view.scale, isMobile: view.mobile, hasTouch: view.mobile, colorScheme: 'light' },
      (r) => (owner.route ? owner.route(r) : r.abort('blockedbyclient')),
    );
    await context.newPage();
    return { context, owner };
  }

  /** A context of this view's device profile that no template holds. */
  take(view: ViewSpec): Promise<FreshPage> {
    const got = this.idle.get(profileOf(view))?.pop();
    return got ? Promise.resolve(got) : this.make(view);
  }

  /** A context back from its template (its pages stay open for the next one), kept for the next template. */
  give(view: ViewSpec, fresh: FreshPage): void {
    fresh.owner.route = undefined;
    const list = this.idle.get(profileOf(view)) ?? [];
    list.push(fresh);
    this.idle.set(profileOf(view), list);
  }

  async close(): Promise<void> {
    for (const list of this.idle.values()) for (const f of list.splice(0)) await f.context.close().catch(() => undefined);
    this.idle.clear();
  }
}

const profileOf = (view: ViewSpec) => `${view.scale}/${view.mobile}`;

/** One view and variant of a template, loaded and measured; its page stays open for pictures. */
export interface LoadedView {
  id: string;
  view: ViewSpec;
  variant: RenderVariant;
  page: Page;
  /** Source offset → measured box of every displayed element. */
  boxes: Map<number, Box>;
  size: PageSize;
  /** Images off: how each image's alt text is drawn. */
  alt?: Map<number, AltText>;
  /** What the pictures of this copy say about it (placeholders, blocked images). */
  notes: readonly string[];
  /** The copy's key: views that share a copy share its missing-font note. */
  copy: string;
}

export interface TemplateLoadOptions {
  /** Folder relative URLs resolve in (default: the template's folder). */
  baseDir?: string;
  /** Per page, ms. */
  timeout: number;
  /** Per remote image with `images: 'remote'`, ms. */
  remoteTimeout: number;
  /** Counts this template's loads into a total too (the Renderer's `loads`). */
  counter?: { loads: number };
}

/** The rules' own views (src/model/geometry.ts VIEWPORTS), whose boxes the rules read. */
const RULE_VIEWS: readonly ViewSpec[] = parseViews(['mobile', 'desktop']);

/** One template in the browser: see the top of this file. Close it when done. */
export class TemplateLoad {
  /** Pages loaded so far (one per view and variant). */
  loads = 0;
  private readonly contexts = new Map<string, { view: ViewSpec; fresh: Promise<FreshPage> }>();
  /** This template's private origins (see originsOf). */
  private readonly origins = originsOf(++templates);
  /** Something failed (a timeout, a crash): its contexts are closed, not given back. */
  private failed = false;
  /** Pages whose view was released, per device profile: the next view of the profile loads in one (a new page may cost a renderer process). */
  private readonly free = new Map<string, Page[]>();
  private readonly loaded = new Map<string, Promise<LoadedView>>();
  /** Each page's images mode, for the requests it makes. */
  private readonly modes = new WeakMap<Page, ImagesMode>();
  private readonly copies = new Map<string, { html: string; notes: string[]; fonts?: Promise<string | undefined> }>();
  private readonly baseDir: string;
  private realBase?: Promise<string>;

  constructor(
    private readonly pool: ContextPool,
    readonly doc: EmailDocument,
    private readonly opts: TemplateLoadOptions,
  ) {
    this.baseDir = resolve(opts.baseDir ?? dirname(doc.filePath));
  }

  /** Per page, ms. */
  get timeout(): number {
    return this.opts.timeout;
  }

  /** The template folder's real path, read once. */
  private realBaseDir(): Promise<string> {
    return (this.realBase ??= realpath(this.baseDir).catch(() => this.baseDir));
  }

  private async route(route: Route): Promise<void> {
    const req = route.request();
    try {
      const url = new URL(req.url());
      const type = req.resourceType();
      let images: ImagesMode = 'off';
      try {
        images = this.modes.get(req.frame().page()) ?? 'off';
      } catch {
        // A request of no page: nothing of it is served.
      }
      if (url.origin === this.origins.template) {
        if ((type === 'image' && images !== 'off') || type === 'stylesheet' || type === 'font') {
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
      if (images === 'remote' && type === 'image') {
        const image = await fetchRemoteImage(url.href, { timeout: this.opts.remoteTimeout });
        if (image) return await route.fulfill({ status: image.status, contentType: image.contentType, body: image.body });
      }
      await route.abort('blockedbyclient');
    } catch {
      await route.abort('failed').catch(() => undefined);
    }
  }

  /** The context of a device profile, held by this template until it closes. */
  private context(view: ViewSpec): Promise<FreshPage> {
    const key = profileOf(view);
    let got = this.contexts.get(key);
    if (!got) {
      const fresh = this.pool.take(view).then((f) => {
        f.owner.route = (r) => this.route(r);
        return f;
      });
      this.contexts.set(key, (got = { view, fresh }));
    }
    return got.fresh;
  }

  /** A page for a view and variant: the context's first page for its first view, else a new one. */
  private async page(view: ViewSpec, variant: RenderVariant): Promise<Page> {
    const fresh = await this.context(view);
    // A page this template released, else one an earlier template left in the context, else a new one.
    const page = this.free.get(profileOf(view))?.pop() ?? fresh.context.pages().find((p) => !this.modes.has(p)) ?? (await fresh.context.newPage());
    this.modes.set(page, variant.images);
    page.setDefaultTimeout(this.opts.timeout);
    const size = page.viewportSize();
    if (size?.width !== view.width || size?.height !== view.height) await page.setViewportSize({ width: view.width, height: view.height });
    // Also back to light on a page an earlier template left dark.
    await page.emulateMedia({ colorScheme: variant.dark ? 'dark' : 'light' });
    return page;
  }

  private copy(images: ImagesMode, view: ViewSpec) {
    const key = `${images} ${mediaWindowOf(view.geometry) ? 'pane' : 'page'}`;
    let c = this.copies.get(key);
    if (!c) this.copies.set(key, (c = copyFor(this.doc, images, this.baseDir, view, this.origins)));
    return { key, ...c };
  }

  /** The template at a view and variant: loaded and measured on first ask, the same load after. */
  view(view: ViewSpec, variant: RenderVariant): Promise<LoadedView> {
    const id = variantId(view, variant);
    let p = this.loaded.get(id);
    if (!p) {
      p = this.load(id, view, variant);
      this.loaded.set(id, p);
    }
    return p;
  }

  private async load(id: string, view: ViewSpec, variant: RenderVariant): Promise<LoadedView> {
    const c = this.copy(variant.images, view);
    try {
      const page = await this.page(view, variant);
      this.loads++;
      if (this.opts.counter) this.opts.counter.loads++;
      // setContent keeps the page's first renderer process (a navigation to a new origin would
      // start another); the copy's <base href> points relative URLs at the private origin.
      await page.setContent(c.html, { waitUntil: 'load', timeout: this.opts.timeout });
      const boxes = toBoxes(await page.evaluate(collectBoxes));
      const [scrollWidth, scrollHeight] = await page.evaluate(collectPageSize);
      const alt = variant.images === 'off' ? toAltText(await page.evaluate(collectAltText)) : undefined;
      return { id, view, variant, page, boxes, size: { scrollWidth, scrollHeight }, ...(alt ? { alt } : {}), notes: c.notes, copy: c.key };
    } catch (err) {
      throw this.failure(err, view, variant);
    }
  }

  /** The note about text this machine has no font for: checked once per copy of the template, on a page that holds it. */
  async fontNote(v: LoadedView): Promise<string | undefined> {
    const c = this.copies.get(v.copy)!;
    try {
      return await (c.fonts ??= v.page.evaluate(collectMissingGlyphs, 3000).then(missingFontNote));
    } catch (err) {
      throw this.failure(err, v.view, v.variant);
    }
  }

  /**
   * The rules' geometry: the rules' views (mobile, desktop) in the base variant (`images`, its
   * placeholders or fetched remote images) and, with `imagesOff`, with every image blocked
   * (cta-image-only). Each is one load; the pages stay open for pictures.
   */
  async measure(images: 'placeholder' | 'remote' = 'placeholder', imagesOff = false, viewports: readonly Viewport[] = ['mobile', 'desktop']): Promise<MeasuredGeometry> {
    const views = RULE_VIEWS.filter((v) => viewports.includes(v.geometry!));
    const geometry: MeasuredGeometry = { viewports: {}, pages: {} };
    for (const view of views) {
      const v = await this.view(view, { dark: false, images });
      geometry.viewports[view.geometry!] = v.boxes;
      geometry.pages![view.geometry!] = v.size;
    }
    if (imagesOff) {
      const off = (geometry.imagesOff = { viewports: {}, alt: {} } as NonNullable<MeasuredGeometry['imagesOff']>);
      for (const view of views) {
        const v = await this.view(view, { dark: false, images: 'off' });
        off.viewports[view.geometry!] = v.boxes;
        off.alt[view.geometry!] = v.alt!;
      }
    }
    return geometry;
  }

  /** Frees the page of a view once its pictures are made, for the next view to load in (a later ask loads this one again). */
  release(v: LoadedView): void {
    this.loaded.delete(v.id);
    const list = this.free.get(profileOf(v.view)) ?? [];
    list.push(v.page);
    this.free.set(profileOf(v.view), list);
  }

  failure(err: unknown, view: ViewSpec, variant: RenderVariant): InputError {
    this.failed = true;
    return renderFailure(err, `rendering the ${variantId(view, variant)} view`, this.opts.timeout, this.doc.filePath);
  }

  async close(): Promise<void> {
    for (const { view, fresh } of this.contexts.values()) {
      const f = await fresh.catch(() => undefined);
      if (!f) continue;
      if (this.failed || !f.context.browser()?.isConnected()) await f.context.close().catch(() => undefined);
      else this.pool.give(view, f);
    }
    this.contexts.clear();
    this.loaded.clear();
  }
}
