/**
 * The click map: each variant's file rendered in Chromium (src/render), its annotated picture
 * with every CTA's share of that variant's CTA clicks written beside the CTA's number.
 */
import { basename, extname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { loadFile } from '../input/index.js';
import { writeFileAtomic } from '../write.js';
import { InputError } from '../errors.js';
import type { RenderOptions } from '../render/render.js';
import type { ManifestCta, ResultsReport } from './analyze.js';

/** CTA number → "38 % of clicks (281)" for one variant. */
export function clickShares(report: ResultsReport, variant: string): Map<number, string> {
  const rows = report.ctas.flatMap((c) => c.variants.filter((v) => v.variant === variant).map((v) => ({ cta: c.cta, clicks: v.clicks })));
  const total = rows.reduce((s, r) => s + r.clicks, 0);
  return new Map(rows.map((r) => [r.cta, `${total ? Math.round((100 * r.clicks) / total) : 0} % of clicks (${r.clicks})`]));
}

/** Renders each variant file the manifest names and writes `<name>.clickmap.<view>.png` to `outDir`; returns the files written. */
export async function writeClickMaps(renderer: RenderOptions['renderer'], manifest: readonly ManifestCta[], report: ResultsReport, outDir: string, views: readonly string[] = ['mobile']): Promise<string[]> {
  const files = new Map<string, string>();
  for (const m of manifest) if (m.file && !files.has(m.variant)) files.set(m.variant, m.file);
  if (!files.size) throw new InputError('the manifest names no variant files (a variants manifest does): no click map', {});
  const { renderTemplate } = await import('../render/render.js');
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [variant, file] of files) {
    const doc = await loadFile(file);
    const r = await renderTemplate(doc, [], { renderer, views, outputs: ['annotated'], ctaNotes: clickShares(report, variant) });
    for (const v of r.views) {
      if (!v.annotated) continue;
      const out = join(outDir, `${basename(file, extname(file))}.clickmap.${v.id}.png`);
      await writeFileAtomic(out, v.annotated);
      written.push(out);
    }
  }
  return written;
}
