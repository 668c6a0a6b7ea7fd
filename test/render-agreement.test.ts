/**
 * The static layout estimate (src/model/layout.ts) judged against Chromium: for every CTA of
 * the labeled set (fixtures/cta-labeled) and of every corpus template (HTML, MJML compiled, .eml
 * decoded) with a CTA or a row of columns, compare the estimated and measured top and height at
 * both viewports, which side of the fold the CTA falls on (the cta-above-fold defaults), the
 * touch-target verdict of its link (cta-touch-target classes: ≥ 44, ≥ 24, smaller), and, per
 * row of columns wider than mobile-single-column's 480 px breakpoint, whether its columns share
 * a line (static: the row does not stack on the phone, columns.ts; measured: measured.ts
 * sideBySide). Prints the figures per view and, for the disagreements, the first element where
 * the estimate drifts from the render (the likely cause).
 *
 * Measured (Debian Chromium and that machine's fonts); the corpus floors sit at these figures:
 *   labeled set, 44 templates / 108 boxes: fold side 100%, |Δtop| ≤ 100 px 100%, touch verdict 100%
 *   corpus, 166 templates (HTML, MJML, .eml) / 790 boxes: same side of the fold on the phone
 *   99.5% (390 boxes), on the desktop 99.8% (400 boxes); median |Δtop| 16 px, ≤ 100 px 90.9%,
 *   touch verdict 96.0%; 14 column rows wider than 480 px: the phone's single-column verdict
 *   100%, side by side on the desktop 100%.
 * Steps: the 115-template HTML-only sample read 94.1% (phone 89.6%, desktop 98.6%) before the
 * style service; with MJML and .eml, 166 templates read phone 98.5%, desktop 99.0% and desktop
 * rows 57.1% (6 of 14 rows stacked in the 600 px desktop render under `max-width: 639px`/`650px`
 * phone breakpoints, fixed by src/render/pane-media.ts); glyph metrics and wrapping between
 * words (text-metrics.ts) took the folds to 99.5% / 99.8%, median |Δtop| from 31 to 16 px and
 * the touch verdicts from 93.0% to 96.0%. What remains: images of undeclared size in
 * shrink-to-fit cells, a table cell's height, one font's metrics for every family (the
 * estimate now runs a median 12 px short on the phone).
 */
import { describe, it, expect } from 'vitest';
import { CORPUS_DIR, corpusPresent } from './corpus.js';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element } from 'domhandler';
import { sharedRenderer } from './shared-browser.js';
import type { Renderer } from '../src/render/renderer.js';
import { loadFile } from '../src/input/index.js';
import { InputError } from '../src/errors.js';
import { estimateLayout } from '../src/model/layout.js';
import { columnRows } from '../src/model/columns.js';
import { sideBySide } from '../src/model/measured.js';
import type { EmailDocument } from '../src/model/document.js';
import type { Box, MeasuredGeometry, Viewport } from '../src/model/geometry.js';

const corpus = corpusPresent('render agreement (corpus)');
const labeledDir = fileURLToPath(new URL('../fixtures/cta-labeled', import.meta.url));
const FOLD: Record<Viewport, number> = { mobile: 500, desktop: 350 };
/** Every k-th corpus template (sorted by path) with a CTA or a column row: all of them by default (~25 s); INBOXLINT_AGREEMENT_EVERY=k thins it. */
const EVERY = Number(process.env.INBOXLINT_AGREEMENT_EVERY) || 1;

const shared = sharedRenderer('the agreement test');
let renderer: Renderer | undefined;
const need = () => !!(renderer = shared.need());

function listTemplates(dir: string, kinds = /\.html?$/i): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (kinds.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

interface Pair {
  where: string;
  vp: Viewport;
  primary: boolean;
  est: Box;
  meas: Box;
}

/** One row of side-by-side columns (columns.ts) at one viewport: the static verdict against the render's. */
interface RowVerdict {
  where: string;
  vp: Viewport;
  /** Static: the columns share a line at this viewport (on the phone: they do not stack). */
  est: boolean;
  /** Measured: at least two of the columns' boxes share a line (measured.ts sideBySide). */
  meas: boolean;
  detail: string;
}

interface Tally {
  templates: number;
  pairs: Pair[];
  rows: RowVerdict[];
  touch: Array<{ where: string; est: string; meas: string; detail: string }>;
  causes: Map<string, { count: number; examples: string[] }>;
}

const newTally = (): Tally => ({ templates: 0, pairs: [], rows: [], touch: [], causes: new Map() });

const touchClass = (b: Box) => (Math.min(b.width, b.height) >= 44 ? '≥44' : Math.min(b.width, b.height) >= 24 ? '24–44' : '<24');

function describeEl(doc: EmailDocument, el: Element): string {
  const hint = el.attribs.class ? `.${el.attribs.class.trim().split(/\s+/)[0]}` : el.attribs.style ? ` style="${el.attribs.style.slice(0, 50)}…"` : '';
  return `<${el.name}${hint}> line ${doc.lines.position(el.startIndex ?? 0).line}`;
}

/**
 * The first element before the CTA (source order) where estimate and render drift apart by
 * more than 20 px from the previous element's offset: where the disagreement starts.
 */
function firstDrift(doc: EmailDocument, cta: Element, vp: Viewport, measured: Map<number, Box>): { cause: string; detail: string } {
  const est = estimateLayout(doc, vp);
  let prev = 0;
  for (const el of doc.renderedElements) {
    if ((el.startIndex ?? 0) > (cta.startIndex ?? 0)) break;
    const e = est.get(el);
    const m = measured.get(el.startIndex ?? -1);
    if (!e || !m) continue;
    const d = e.top - m.top;
    if (Math.abs(d - prev) > 20) {
      const prevSibling = el.prev?.type === 'tag' ? (el.prev as Element).name : el.parent?.type === 'tag' ? `in <${(el.parent as Element).name}>` : '';
      const kind = el.name === 'img' ? 'image height' : ['td', 'th', 'tr', 'table'].includes(el.name) ? 'table cell/row height' : 'block/text height';
      return { cause: `${vp}: ${kind} before the CTA`, detail: `${describeEl(doc, el)} (${prevSibling}) jumps ${Math.round(d - prev)} px` };
    }
    prev = d;
  }
  return { cause: `${vp}: drift inside the CTA or unplaced element`, detail: describeEl(doc, cta) };
}

function note(t: Tally, cause: string, example: string): void {
  let c = t.causes.get(cause);
  if (!c) t.causes.set(cause, (c = { count: 0, examples: [] }));
  c.count++;
  if (c.examples.length < 3) c.examples.push(example);
}

async function compare(file: string, base: string, t: Tally, take: () => boolean = () => true): Promise<boolean> {
  let doc: EmailDocument;
  try {
    doc = await loadFile(file);
  } catch (err) {
    if (err instanceof InputError) return false;
    throw err;
  }
  const ctas = doc.ctas; // estimated: nothing is measured yet
  // The rows mobile-single-column judges (wider than its 480 px breakpoint).
  const rows = columnRows(doc).filter((r) => r.totalWidth > 480);
  if ((!ctas.length && !rows.length) || !take()) return false;
  const geometry: MeasuredGeometry = await renderer!.measure(doc);
  t.templates++;
  const name = relative(base, file);
  const groups = new Set<number>(doc.facts.mjmlGroupOffsets ?? []);
  for (const row of rows) {
    for (const vp of ['mobile', 'desktop'] as const) {
      const boxes = row.columns.map((c) => geometry.viewports[vp]!.get(c.startIndex ?? -1));
      // An mj-group never stacks; any other row stacks on the phone when the markup makes it (columns.ts).
      const est = vp === 'desktop' || groups.has(row.range.start) || row.stacking === 'none';
      const meas = sideBySide(boxes);
      const size = (b: Box | undefined) => (b ? `${Math.round(b.left)},${Math.round(b.top)} ${Math.round(b.width)}×${Math.round(b.height)}` : 'no box');
      t.rows.push({ where: `${name} ${describeEl(doc, row.container)} ${vp}`, vp, est, meas, detail: `stacking ${row.stacking}, ${row.columns.length} columns ${Math.round(row.totalWidth)} px; measured ${boxes.map(size).join(' | ')}` });
    }
  }
  for (const cta of ctas) {
    for (const vp of ['mobile', 'desktop'] as const) {
      const measured = geometry.viewports[vp]!;
      const meas = measured.get(cta.element.startIndex ?? -1);
      if (!meas) continue; // VML-only or not displayed at this viewport
      const est = cta.boxes[vp];
      const where = `${name} ${ctaLabel(cta.label)} ${vp}`;
      t.pairs.push({ where, vp, primary: cta.primary, est, meas });
      if (est.top > FOLD[vp] !== meas.top > FOLD[vp]) {
        const { cause, detail } = firstDrift(doc, cta.element, vp, measured);
        note(t, cause, `${where}: est ${Math.round(est.top)} vs ${Math.round(meas.top)} — ${detail}`);
      }
    }
    if (cta.kind === 'text') continue;
    const link = geometry.viewports.mobile!.get(cta.labelElement.startIndex ?? -1);
    if (!link || cta.linkBoxes.mobile.width <= 0) continue;
    const size = (b: Box) => `${Math.round(b.width)}×${Math.round(b.height)}`;
    t.touch.push({ where: `${name} ${ctaLabel(cta.label)}`, est: touchClass(cta.linkBoxes.mobile), meas: touchClass(link), detail: `est ${size(cta.linkBoxes.mobile)} vs ${size(link)} <${cta.labelElement.name} style="${(cta.labelElement.attribs.style ?? '').slice(0, 90)}">` });
  }
  return true;
}

const ctaLabel = (s: string) => JSON.stringify(s.length > 30 ? `${s.slice(0, 29)}…` : s);

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Figures {
  n: number;
  medianTop: number;
  within50: number;
  within100: number;
  foldSide: number;
  primaryFoldSide: number;
  medianHeight: number;
  touch: number;
  /** Per viewport: same side of the fold, and the side-by-side verdict of column rows (%). */
  views: Record<Viewport, { boxes: number; foldSide: number; rows: number; columns: number }>;
}

function report(label: string, t: Tally): Figures {
  const pct = (k: number, n: number) => (n ? (100 * k) / n : 100);
  const dTop = t.pairs.map((p) => Math.abs(p.est.top - p.meas.top));
  const side = (p: Pair) => p.est.top > FOLD[p.vp] === p.meas.top > FOLD[p.vp];
  const primaries = t.pairs.filter((p) => p.primary);
  const f: Figures = {
    n: t.pairs.length,
    medianTop: median(dTop),
    within50: pct(dTop.filter((d) => d <= 50).length, dTop.length),
    within100: pct(dTop.filter((d) => d <= 100).length, dTop.length),
    foldSide: pct(t.pairs.filter(side).length, t.pairs.length),
    primaryFoldSide: pct(primaries.filter(side).length, primaries.length),
    medianHeight: median(t.pairs.map((p) => Math.abs(p.est.height - p.meas.height))),
    touch: pct(t.touch.filter((x) => x.est === x.meas).length, t.touch.length),
    views: { mobile: { boxes: 0, foldSide: 100, rows: 0, columns: 100 }, desktop: { boxes: 0, foldSide: 100, rows: 0, columns: 100 } },
  };
  const lines = [
    `${label}: ${t.templates} templates, ${f.n} CTA boxes (CTA × viewport), ${primaries.length} of them primary`,
    `  |Δtop| median ${f.medianTop.toFixed(1)} px; within 50 px ${f.within50.toFixed(1)}%, within 100 px ${f.within100.toFixed(1)}%; |Δheight| median ${f.medianHeight.toFixed(1)} px`,
    `  same side of the fold (${FOLD.mobile} px phone, ${FOLD.desktop} px desktop): ${f.foldSide.toFixed(1)}% of CTAs, ${f.primaryFoldSide.toFixed(1)}% of primary CTAs`,
    `  touch-target verdict (link box on the phone, ≥44 / 24–44 / <24): ${f.touch.toFixed(1)}% of ${t.touch.length} button/image CTAs`,
  ];
  for (const vp of ['mobile', 'desktop'] as const) {
    const ps = t.pairs.filter((p) => p.vp === vp);
    const signed = median(ps.map((p) => p.est.top - p.meas.top));
    const rs = t.rows.filter((r) => r.vp === vp);
    f.views[vp] = { boxes: ps.length, foldSide: pct(ps.filter(side).length, ps.length), rows: rs.length, columns: pct(rs.filter((r) => r.est === r.meas).length, rs.length) };
    lines.push(`  ${vp}: ${ps.length} boxes, median signed Δtop (estimate − render) ${signed.toFixed(1)} px, fold side ${f.views[vp].foldSide.toFixed(1)}%`);
    lines.push(`  ${vp}: ${rs.length} column rows > 480 px, side-by-side verdict (static vs measured) agrees ${f.views[vp].columns.toFixed(1)}%`);
    for (const r of rs.filter((x) => x.est !== x.meas).slice(0, process.env.INBOXLINT_AGREEMENT_DEBUG ? 50 : 5))
      lines.push(`      ${r.where}: static ${r.est ? 'side by side' : 'stacked'}, measured ${r.meas ? 'side by side' : 'stacked'} — ${r.detail}`);
  }
  const confusion = new Map<string, number>();
  for (const x of t.touch) if (x.est !== x.meas) confusion.set(`estimated ${x.est}, measured ${x.meas}`, (confusion.get(`estimated ${x.est}, measured ${x.meas}`) ?? 0) + 1);
  for (const [k, n] of [...confusion].sort((a, b) => b[1] - a[1])) {
    lines.push(`  touch disagreement: ${n} × ${k}`);
    for (const x of t.touch.filter((y) => `estimated ${y.est}, measured ${y.meas}` === k).slice(0, process.env.INBOXLINT_AGREEMENT_DEBUG ? 50 : 3)) lines.push(`      ${x.where}: ${x.detail}`);
  }
  for (const [cause, c] of [...t.causes].sort((a, b) => b[1].count - a[1].count).slice(0, 8)) {
    lines.push(`  fold disagreement: ${c.count} × ${cause}`);
    for (const e of c.examples) lines.push(`      ${e}`);
  }
  console.log(lines.join('\n'));
  return f;
}

describe('static geometry agrees with the render', () => {
  it('on the labeled CTA set', async () => {
    if (!need()) return;
    const t = newTally();
    for (const f of listTemplates(labeledDir)) await compare(f, labeledDir, t);
    const f = report('labeled CTA set', t);
    expect(t.templates).toBeGreaterThanOrEqual(20);
    expect(f.foldSide).toBeGreaterThanOrEqual(95);
    expect(f.within100).toBeGreaterThanOrEqual(95);
    expect(f.touch).toBeGreaterThanOrEqual(95);
  }, 60_000);

  it.runIf(corpus)('on every corpus template (HTML, MJML, .eml) with a CTA or a column row: ≥ 150 templates', async () => {
    if (!need()) return;
    const t = newTally();
    let candidates = 0;
    // Every EVERY-th file among those with a CTA or a column row (static detection), in path order.
    for (const f of listTemplates(CORPUS_DIR, /\.(html?|mjml|eml)$/i)) await compare(f, CORPUS_DIR, t, () => candidates++ % EVERY === 0);
    const f = report(EVERY === 1 ? 'corpus (every template with a CTA or a column row)' : `corpus sample (every ${EVERY}. template with a CTA or a column row)`, t);
    expect(t.templates).toBeGreaterThanOrEqual(EVERY === 1 ? 150 : 60);
    expect(f.n).toBeGreaterThanOrEqual(200);
    expect(f.foldSide).toBeGreaterThanOrEqual(89);
    expect(f.primaryFoldSide).toBeGreaterThanOrEqual(88);
    expect(f.within100).toBeGreaterThanOrEqual(83);
    expect(f.touch).toBeGreaterThanOrEqual(85);
    // Issue 10's goals, per view: same side of the fold ≥ 95% on the phone and on the desktop,
    // and the phone's single-column verdict (mobile-single-column's static stacking vs the
    // columns measured side by side) ≥ 95%. Floors at the measured figures (see the header).
    expect(f.views.mobile.foldSide).toBeGreaterThanOrEqual(99);
    expect(f.views.desktop.foldSide).toBeGreaterThanOrEqual(99.5);
    expect(f.views.mobile.rows).toBeGreaterThanOrEqual(EVERY === 1 ? 14 : 1);
    expect(f.views.mobile.columns).toBeGreaterThanOrEqual(95);
    expect(f.views.desktop.columns).toBeGreaterThanOrEqual(95);
  }, 120_000);
});
