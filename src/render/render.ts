/**
 * Pictures of a template as its readers see it, and the layout behind them: the programmatic
 * API of `inboxlint render` (also for the report's pictures).
 *
 * ```ts
 * import { renderTemplate } from './render/render.js';
 * const renderer = await Renderer.create();                 // src/render/renderer.ts: one browser
 * const { views } = await renderTemplate(doc, findings, {   // findings: LintMessage[] or (doc) => them
 *   views: ['mobile', 'desktop', '390x844'],                // names or WxH (view-spec.ts), default mobile + desktop
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
 * Every view and variant is loaded ONCE (load.ts `TemplateLoad`: images, safety, time limit):
 * findings given as a function are computed from the loads of the rules' views
 * (`doc.withFacts({ measured })`), and those same loads are photographed and annotated. A
 * caller that lints elsewhere (the report, `inboxlint render`: the session lints) measures with `load.measure()`, lints, and hands
 * the same `TemplateLoad` to `drawTemplate`.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import type { Box, PageSize } from '../model/geometry.js';
import type { LintMessage } from '../engine/types.js';
import { columnRows } from '../model/columns.js';
import { boxAmong, findingElement, sideBySide } from '../model/measured.js';
import type { Renderer } from './renderer.js';
import { variantId, type ImagesMode, type LoadedView, type RenderVariant, type TemplateLoad } from './load.js';
import { parseViews, type ViewSpec } from './view-spec.js';
import { DEFAULT_FOLDS, type Folds } from '../model/fold.js';
import { Composer, type AnnotationPlacement, type PictureData } from './annotate.js';
import { buildLegend, findingMarkers, findingOfVariant, type LegendEntry } from './legend.js';

export { ANNOTATION_COLORS } from './annotate.js';
export { NO_FONT_NOTE, missingFontNote, type ImagesMode, type RenderVariant } from './load.js';
export type { ViewSpec } from './view-spec.js';

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
  /** The document the findings were made on: with findings given as a function, `doc` with its measured geometry. */
  doc: EmailDocument;
}

export type Findings = readonly LintMessage[] | ((doc: EmailDocument) => readonly LintMessage[] | Promise<readonly LintMessage[]>);

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

/** The annotated pictures' composer of a renderer, made on first use and closed with it. */
function composerOf(renderer: Renderer): Composer {
  let got = renderer.attachments.get(Composer) as Composer | undefined;
  if (!got) {
    const made = new Composer(renderer.browser);
    renderer.attachments.set(Composer, made);
    renderer.onClose(() => made.close());
    got = made;
  }
  return got;
}

/** The largest full-length picture, in CSS px: Chromium cannot capture a page millions of pixels long or wide. */
const MAX_PICTURE = { width: 1_600, height: 30_000 };

/** The top-left part a full-length picture shows of a page too big for one (never narrower than the view), else undefined (the whole page). */
function pictureClip(size: PageSize, view: ViewSpec): { x: number; y: number; width: number; height: number } | undefined {
  const maxWidth = Math.max(MAX_PICTURE.width, view.width);
  if (size.scrollWidth <= maxWidth && size.scrollHeight <= MAX_PICTURE.height) return undefined;
  return { x: 0, y: 0, width: Math.min(size.scrollWidth, maxWidth), height: Math.min(size.scrollHeight, MAX_PICTURE.height) };
}

const resolveRenderer = async (r: RenderOptions['renderer']): Promise<Renderer> => (typeof r === 'function' ? await r() : r);

/** The views of `opts`, parsed. */
function viewsOf(opts: Pick<RenderOptions, 'views' | 'folds'>): ViewSpec[] {
  return (opts.views ?? ['mobile', 'desktop']).map((v) => (typeof v === 'string' ? parseViews([v], opts.folds ?? DEFAULT_FOLDS)[0] : v));
}

/** The variants of `opts`: the base one, then dark and images off when asked. */
function variantsOf(opts: Pick<RenderOptions, 'images' | 'dark' | 'imagesOff'>): RenderVariant[] {
  const base: RenderVariant = { dark: false, images: opts.images ?? 'placeholder' };
  return [base, ...(opts.dark ? [{ ...base, dark: true }] : []), ...(opts.imagesOff ? [{ dark: false, images: 'off' as const }] : [])];
}

/** Opens `doc` in the browser the way `renderTemplate` renders it (see load.ts); the caller closes it. */
export async function openTemplate(doc: EmailDocument, opts: RenderOptions): Promise<TemplateLoad> {
  const renderer = await resolveRenderer(opts.renderer);
  return renderer.open(doc, { baseDir: opts.baseDir, ...(opts.timeout ? { timeout: opts.timeout } : {}), remoteTimeout: opts.remoteTimeout ?? 5_000 });
}

/**
 * Renders `doc` at every view and variant (see the top of this file), each loaded once. One
 * browser context per device profile (load.ts), given back before returning; the
 * caller owns the Renderer. With findings given as a function, the rules' views (mobile,
 * desktop; images off too when asked) are measured first and the function is called with
 * `doc.withFacts({ measured })`; the pictures then come from those same loads.
 */
export async function renderTemplate(doc: EmailDocument, findings: Findings, opts: RenderOptions): Promise<RenderResult> {
  const load = await openTemplate(doc, opts);
  try {
    let drawn = doc;
    let messages: readonly LintMessage[];
    if (typeof findings === 'function') {
      drawn = doc.withFacts({ measured: await load.measure(opts.images ?? 'placeholder', !!opts.imagesOff) });
      messages = await findings(drawn);
    } else messages = findings;
    return await drawTemplate(load, drawn, messages, opts);
  } finally {
    await load.close();
  }
}

/**
 * The pictures and layout of every view and variant of a template opened with `openTemplate`
 * (views it measured are not loaded again), drawing `findings` on them. `doc` is the document
 * the findings were made on (its facts may hold the measured geometry).
 */
export async function drawTemplate(load: TemplateLoad, doc: EmailDocument, findings: readonly LintMessage[], opts: RenderOptions): Promise<RenderResult> {
  const outputs = new Set<RenderOutput>(opts.outputs ?? ['png', 'fold', 'annotated']);
  const out: RenderedView[] = [];
  for (const variant of variantsOf(opts)) {
    for (const view of viewsOf(opts)) {
      const loaded = await load.view(view, variant);
      try {
        out.push(await picture(load, loaded, doc, findings, outputs, opts));
      } catch (err) {
        throw load.failure(err, view, variant);
      }
      load.release(loaded);
    }
  }
  return { filePath: doc.filePath, views: out, doc };
}

/** One view's pictures, layout and CTA crops, from its loaded page. */
async function picture(
  load: TemplateLoad,
  v: LoadedView,
  doc: EmailDocument,
  findings: readonly LintMessage[],
  outputs: ReadonlySet<RenderOutput>,
  opts: RenderOptions,
): Promise<RenderedView> {
  const { view, variant, page, size } = v;
  const cut = pictureClip(size, view);
  const fonts = await load.fontNote(v);
  const notes = [...v.notes, ...(fonts ? [fonts] : [])];
  if (cut) notes.push(`the page is ${size.scrollWidth}×${size.scrollHeight} px: full-length pictures show its top-left ${cut.width}×${cut.height} px`);
  const png = outputs.has('png') || outputs.has('annotated') ? await page.screenshot({ fullPage: true, clip: cut, type: 'png' }) : undefined;
  // As wide as the full picture: a page that scrolls sideways keeps its right edge in the crop.
  const fold = outputs.has('fold')
    ? await page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width: cut?.width ?? Math.max(view.width, size.scrollWidth), height: Math.max(1, Math.min(view.fold, size.scrollHeight)) } })
    : undefined;
  const layout = buildLayout(doc, findings, view, variant, v.boxes, size, notes);
  const r: RenderedView = { id: variantId(view, variant), view, variant, layout, boxes: v.boxes, png: outputs.has('png') ? png : undefined, fold };
  if (outputs.has('ctas')) {
    // Before the page is left: each CTA with 24 px of its surroundings, inside the page.
    r.ctaCrops = new Map();
    for (const c of layout.ctas) {
      if (!c.box || c.box.width < 1 || c.box.height < 1) continue;
      const x = Math.max(0, c.box.left - 24);
      const y = Math.max(0, c.box.top - 24);
      const width = Math.min(size.scrollWidth, c.box.left + c.box.width + 24, x + 800) - x;
      const height = Math.min(size.scrollHeight, c.box.top + c.box.height + 24, y + 400) - y;
      if (width >= 1 && height >= 1) r.ctaCrops.set(c.number, await page.screenshot({ type: 'png', fullPage: true, clip: { x, y, width, height } }));
    }
  }
  if (outputs.has('annotated') && png) {
    const s = view.scale;
    const data = pictureOf(layout, png.readUInt32BE(16) / s, png.readUInt32BE(20) / s, opts.ctaNotes);
    const made = await composerOf(await resolveRenderer(opts.renderer)).compose(data, png, s, load.timeout);
    r.annotated = made.png;
    layout.annotated = { ...made.placement, width: made.width, height: made.height };
  }
  return r;
}
