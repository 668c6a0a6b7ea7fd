/**
 * The click map: a template's CTAs with their share of its CTA clicks, found by the utm_content
 * of each CTA's link (the join key `variants` and `track` write), drawn on render's annotated
 * picture (`ctaNotes`) by `results --click-map`, `render --clicks`, `report --clicks` and shown
 * by `preview --clicks`. The clicks come from a results report (`results --json` output).
 */
import { basename, extname, join } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { loadFile } from '../input/index.js';
import { writeFileAtomic } from '../write.js';
import { InputError } from '../errors.js';
import type { RenderOptions } from '../render/render.js';
import type { ManifestCta, ResultsReport } from './analyze.js';
import { utmContentOf } from './read.js';

/** Clicks per utm_content. */
export type ClickTable = ReadonlyMap<string, number>;

/** The clicks of every CTA of every variant of a results report, by utm_content. */
export function clickTable(report: Pick<ResultsReport, 'ctas'>): ClickTable {
  const out = new Map<string, number>();
  for (const c of report.ctas) for (const v of c.variants) if (v.utmContent) out.set(v.utmContent, v.clicks);
  return out;
}

/** Reads the JSON `results --json` prints (saved to a file) as a click table. */
export async function readClickTable(filePath: string): Promise<ClickTable> {
  const text = await readFile(filePath, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new InputError(err.code === 'ENOENT' ? 'no such file' : `cannot read: ${err.message}`, { filePath });
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`bad JSON: ${(err as Error).message}`, { filePath });
  }
  const ctas = (data as { ctas?: unknown })?.ctas;
  const ok = Array.isArray(ctas) && ctas.every((c) => Array.isArray(c?.variants) && c.variants.every((v: { utmContent?: unknown; clicks?: unknown }) => typeof v?.utmContent === 'string' && typeof v?.clicks === 'number'));
  if (!ok) throw new InputError('is not a results report: save one with inboxlint results EXPORT --manifest variants.json --json > results.json', { filePath });
  const table = clickTable(data as Pick<ResultsReport, 'ctas'>);
  if (!table.size) throw new InputError('lists no CTA with a utm_content', { filePath });
  return table;
}

/**
 * CTA number (1-based) → "38 % of clicks (281)": each CTA of `doc` whose link carries a
 * utm_content of `table`, with its share of the clicks of those CTAs. Empty when none matches.
 */
export function ctaClickNotes(doc: { ctas: ReadonlyArray<{ index: number; href: string }> }, table: ClickTable): Map<number, string> {
  const rows: Array<{ n: number; clicks: number }> = [];
  for (const c of doc.ctas) {
    const uc = utmContentOf(c.href);
    if (uc !== undefined && table.has(uc)) rows.push({ n: c.index + 1, clicks: table.get(uc)! });
  }
  const total = rows.reduce((s, r) => s + r.clicks, 0);
  return new Map(rows.map((r) => [r.n, `${total ? Math.round((100 * r.clicks) / total) : 0} % of clicks (${r.clicks})`]));
}

/** Renders each variant file the manifest names and writes `<name>.clickmap.<view>.png` to `outDir`; returns the files written. */
export async function writeClickMaps(renderer: RenderOptions['renderer'], manifest: readonly ManifestCta[], report: ResultsReport, outDir: string, views: readonly string[] = ['mobile']): Promise<string[]> {
  const files = new Map<string, string>();
  for (const m of manifest) if (m.file && !files.has(m.variant)) files.set(m.variant, m.file);
  if (!files.size) throw new InputError('the manifest names no variant files (a variants manifest does): no click map', {});
  const { renderTemplate } = await import('../render/render.js');
  const table = clickTable(report);
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of files.values()) {
    const doc = await loadFile(file);
    const r = await renderTemplate(doc, [], { renderer, views, outputs: ['annotated'], ctaNotes: ctaClickNotes(doc, table) });
    for (const v of r.views) {
      if (!v.annotated) continue;
      const out = join(outDir, `${basename(file, extname(file))}.clickmap.${v.id}.png`);
      await writeFileAtomic(out, v.annotated);
      written.push(out);
    }
  }
  return written;
}
