/**
 * The click map: each variant file rendered in real Chromium with its CTAs' share of clicks
 * written on the annotated picture (the CTA frame colour is fixed, so the test finds it).
 */
import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { sharedRenderer } from './shared-browser.js';
import { createSession } from '../src/session.js';
import { buildVariants, writeVariants } from '../src/variants/variants.js';
import { readManifest, analyze } from '../src/results/analyze.js';
import { readClickExport } from '../src/results/read.js';
import { clickTable, ctaClickNotes, readClickTable, writeClickMaps } from '../src/results/click-map.js';
import { loadFile } from '../src/input/index.js';
import { InputError } from '../src/errors.js';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ANNOTATION_COLORS } from '../src/render/annotate.js';

const DEMO = fileURLToPath(new URL('../fixtures/demo/newsletter.html', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const renderer = sharedRenderer('the click map');

/** Variants a and b ("Save my seat") of the demo's CTA 2, built (nothing written) for `dir`/variants. */
async function demoVariants(dir: string) {
  const session = await createSession({ cwd: dir });
  try {
    return await buildVariants(session, DEMO, { cta: 2, texts: ['Save my seat'], outDir: join(dir, 'variants'), track: { campaign: 'may' } });
  } finally {
    await session.close();
  }
}

describe('click map', () => {
  it('renders each variant with its CTA shares of clicks', async () => {
    const r = renderer.need();
    if (!r) return;
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-clickmap-'));
    const built = await demoVariants(dir);
    mkdirSync(join(dir, 'variants'));
    for (const v of built.variants) writeFileSync(v.file, Buffer.from(v.output, v.encoding));
    writeFileSync(join(dir, 'variants.json'), JSON.stringify(built.manifest));
    const url = (uc: string) => built.manifest.find((m) => m.utmContent === uc)!.url;
    writeFileSync(join(dir, 'clicks.csv'), `url,clicks\n"${url('cta-2-a-click-here')}",210\n"${url('cta-3-a-start-your-free-trial')}",70\n"${url('cta-2-b-save-my-seat')}",281\n`);
    const manifest = await readManifest(join(dir, 'variants.json'));
    const report = analyze(manifest, await readClickExport(join(dir, 'clicks.csv')), { sent: new Map([['*', 5000]]), delivered: new Map(), opens: new Map() });
    const table = clickTable(report);
    expect([...ctaClickNotes(await loadFile(built.variants[0].file), table)]).toEqual([
      [1, '0 % of clicks (0)'],
      [2, '75 % of clicks (210)'],
      [3, '25 % of clicks (70)'],
    ]);
    const files = await writeClickMaps(r, manifest, report, join(dir, 'maps'));
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['maps/newsletter.a.clickmap.mobile.png', 'maps/newsletter.b.clickmap.mobile.png']);
    const png = PNG.sync.read(readFileSync(files[1]));
    const [R, G, B] = [1, 3, 5].map((i) => parseInt(ANNOTATION_COLORS.cta.slice(i, i + 2), 16));
    let frame = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === R && png.data[i + 1] === G && png.data[i + 2] === B) frame++;
    expect(frame).toBeGreaterThan(500);

    // render --clicks: the results report saved as JSON, the pills and legend of the annotated picture carry the shares.
    writeFileSync(join(dir, 'results.json'), JSON.stringify(report));
    expect([...(await readClickTable(join(dir, 'results.json')))]).toEqual([...table]);
    const run = spawnSync(process.execPath, [BIN, 'render', built.variants[1].file, '--out', join(dir, 'shots'), '--viewport', 'mobile', '--clicks', join(dir, 'results.json')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const layoutFile = readdirSync(join(dir, 'shots')).find((f) => f.endsWith('layout.json'))!;
    const layout = JSON.parse(readFileSync(join(dir, 'shots', layoutFile), 'utf8'));
    const texts = JSON.stringify(layout);
    expect(texts).toContain('CTA 2 ★ · 100 % of clicks (281)');
    // report --clicks: the CTA card says it (and the pictures carry it, as above).
    const rep = spawnSync(process.execPath, [BIN, 'report', built.variants[1].file, '--out', join(dir, 'report.html'), '--clicks', join(dir, 'results.json')], { encoding: 'utf8' });
    expect(rep.status, rep.stderr).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<div class="small"><b>100 % of clicks (281)</b></div>');
  }, 120_000);

  it('preview --clicks: each CTA of the snapshot carries its share (its box and the CTA list show it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-clickmap-'));
    const built = await demoVariants(dir);
    const rows = await writeVariants(built, join(dir, 'variants'));
    expect(rows[0].file).toBe('newsletter.a.html'); // relative to the manifest's folder
    const manifest = await readManifest(join(dir, 'variants', 'variants.json'));
    expect(manifest[0].file).toBe(join(dir, 'variants', 'newsletter.a.html'));
    const url = (uc: string) => manifest.find((m) => m.utmContent === uc)!.url;
    writeFileSync(join(dir, 'clicks.csv'), `url,clicks\n"${url('cta-2-b-save-my-seat')}",300\n"${url('cta-3-b-start-your-free-trial')}",100\n`);
    const report = analyze(manifest, await readClickExport(join(dir, 'clicks.csv')), { sent: new Map([['*', 5000]]), delivered: new Map(), opens: new Map() });
    const { startPreview } = await import('../src/preview/server.js');
    const server = await startPreview(join(dir, 'variants', 'newsletter.b.html'), { clicks: clickTable(report) });
    try {
      expect(server.state().snapshot!.ctas.map((c) => [c.n, c.clicks])).toEqual([
        [1, '0 % of clicks (0)'],
        [2, '75 % of clicks (300)'],
        [3, '25 % of clicks (100)'],
      ]);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('--clicks refuses a file that is not a results report, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-clickmap-'));
    writeFileSync(join(dir, 'variants.json'), JSON.stringify([{ variant: 'a', cta: 1 }]));
    const err = await readClickTable(join(dir, 'variants.json')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/is not a results report/);
    expect((err as InputError).filePath).toBe(join(dir, 'variants.json'));
  });
});
