/**
 * The demo's after-send step: two variants of the demo email's primary CTA (the control and a
 * new label), each tracked with its own utm_content and linted; a synthetic Mailchimp
 * click-details export for them read back like a real one; the winner and its confidence; the
 * click map (when a browser is there) and the history (when better-sqlite3 is installed: it is
 * not a dependency, so without it the step says so and goes on). Files go to the demo's
 * temporary folder.
 */
import { join } from 'node:path';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import type { DemoStep } from './demo.js';
import { demoOutDir } from './demo-render.js';
import { displayPath } from '../../config/load.js';
import { InboxlintError } from '../../errors.js';
import { Session } from '../../session.js';
import { loadFile } from '../../input/index.js';
import { csvField } from '../../rewrite/manifest.js';

/** Delivered per variant and unique clicks per CTA of the synthetic send (variant a, variant b). */
const DELIVERED = 10_000;
const CLICKS: Record<string, [number, number]> = { primary: [182, 251], other: [64, 61] };

const pct = (x: number | null, digits = 2) => (x === null ? '—' : x > 0.999 && digits < 3 ? '> 99.9 %' : `${(x * 100).toFixed(digits)} %`);

export const resultsStep: DemoStep = {
  title: 'After the send: two variants of the primary CTA, a click export read back, the winner and the click map',
  async run(ctx) {
    const [{ buildVariants, writeVariants }, { readManifest, analyze }, { readClickExport }] = await Promise.all([
      import('../../variants/variants.js'),
      import('../../results/analyze.js'),
      import('../../results/read.js'),
    ]);
    const cwd = process.cwd();
    const file = ctx.files[0];
    const out = join(demoOutDir(), 'after-send');
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const primary = (await loadFile(file)).ctas.find((c) => c.primary);
    if (!primary) {
      ctx.out('  skipped: the demo email has no primary CTA\n');
      return;
    }
    const n = primary.index + 1;
    const label = 'Save my seat';
    const session = new Session({ cwd });
    try {
      // 1. The variants, as `inboxlint variants` writes them.
      const built = await buildVariants(session, file, { cta: n, texts: [label], outDir: join(out, 'variants'), track: { campaign: 'dashboards-3-launch', source: 'northwind-news' } });
      await writeVariants(built, join(out, 'variants'));
      for (const v of built.variants) {
        ctx.out(`  ${v.name}  ${displayPath(v.file, cwd)}  CTA ${n} ${JSON.stringify(v.label)}${v.name === 'a' ? ' (the control)' : ''}: ${v.lint.errorCount} error(s), ${v.lint.warningCount} warning(s)\n`);
      }
      const manifestFile = join(out, 'variants', 'variants.json');
      const manifest = await readManifest(manifestFile);
      ctx.out(`  Each CTA of each variant has its own utm_content (${manifest.filter((m) => m.tested).map((m) => m.utmContent).join(', ')}): the key that joins the clicks back.\n`);

      // 2. A synthetic export in Mailchimp's click-details format, one row per tracked URL.
      const exportFile = join(out, 'mailchimp-click-details.csv');
      const rows = manifest.map((m) => {
        const [a, b] = CLICKS[m.tested ? 'primary' : 'other'];
        const unique = (m.variant === 'a' ? a : b) - (m.tested ? 0 : 3 * m.cta);
        return [m.url, String(Math.round(unique * 1.2)), String(unique)];
      });
      await writeFile(exportFile, `${['URL', 'Total Clicks', 'Unique Clicks'].map(csvField).join(',')}\r\n${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`);
      const read = await readClickExport(exportFile);
      const report = analyze(manifest, read, { sent: new Map(), delivered: new Map([['*', DELIVERED]]), opens: new Map() });
      ctx.out(`  Read ${read.rows} rows of a synthetic Mailchimp click-details export (${read.format} detected; ${displayPath(exportFile, cwd)}), ${DELIVERED.toLocaleString('en')} delivered per variant:\n`);

      // 3. The tested CTA: rates, the test, the winner.
      const tested = report.ctas.find((c) => c.cta === n)!;
      for (const v of tested.variants) {
        ctx.out(`    ${v.variant}  ${JSON.stringify(v.label).padEnd(14)} ${String(v.unique ?? v.clicks).padStart(4)} unique clicks  CTR ${pct(v.ctr)} (95 % CI ${pct(v.ctrInterval?.[0] ?? null)}–${pct(v.ctrInterval?.[1] ?? null)})\n`);
      }
      if (tested.test) ctx.out(`    two-proportion z-test: z = ${tested.test.statistic.toFixed(2)}, p = ${tested.test.p.toPrecision(2)}; Holm-adjusted over ${report.ctas.filter((c) => c.test).length} CTAs: p = ${tested.test.pAdjusted.toPrecision(2)}\n`);
      if (tested.winner) {
        const w = tested.winner;
        ctx.out(`  Winner: ${w.variant} ${JSON.stringify(w.label)} — significant at the 95 % level (confidence ${pct(w.confidence, 1)}); probability to beat a (Beta-Binomial): ${pct(w.probabilityToBeatControl, 1)}.\n`);
      } else {
        ctx.out(`  No winner yet${tested.moreRecipientsNeeded !== null ? `: about ${tested.moreRecipientsNeeded.toLocaleString('en')} more recipients per variant for 80 % power` : ''}.\n`);
      }

      // 4. The click map: each variant rendered with its CTAs' share of clicks.
      let renderer;
      try {
        renderer = await session.renderer();
      } catch (err) {
        if (!(err instanceof InboxlintError)) throw err;
        ctx.out(`  Click map skipped: ${err.message}\n`);
      }
      if (renderer) {
        const { writeClickMaps } = await import('../../results/click-map.js');
        const maps = await writeClickMaps(renderer, manifest, report, join(out, 'click-maps'));
        ctx.out(`  Click map (each CTA's share of its variant's clicks, beside the email): ${maps.map((m) => displayPath(m, cwd)).join(', ')}\n`);
      }

      // 5. The history: optional (better-sqlite3 is installed by those who want it).
      try {
        const { recordResults, readHistory } = await import('../../results/history.js');
        const db = join(out, 'history.db');
        await recordResults(db, { manifest, report, language: 'en' });
        const best = readHistory(db, { type: tested.type }).find((r) => r.dimension === 'label' && r.type === tested.type);
        ctx.out(`  Stored in the history (${displayPath(db, cwd)}): inboxlint history --db … ranks ${best ? `${JSON.stringify(best.value)} first for ${tested.type} CTAs (${pct(best.ctr)} CTR)` : 'the labels'}, and CTA suggestions use it.\n`);
      } catch (err) {
        if (!(err instanceof InboxlintError)) throw err;
        ctx.out(`  History skipped: ${err.message}. Everything above needs no database.\n`);
      }
      ctx.out(
        `  Try: inboxlint variants ${displayPath(file, cwd)} --cta ${n} --text "${label}" --campaign spring --out-dir variants\n` +
          `       inboxlint results clicks.csv --manifest variants/variants.json --delivered 10000 --click-map maps\n`,
      );
    } finally {
      await session.close();
    }
  },
};
