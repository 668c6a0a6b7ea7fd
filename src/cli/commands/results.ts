/**
 * `inboxlint results EXPORT --manifest variants/variants.json [--delivered a=1000 …]`: reads an
 * ESP's click export (src/results/read.ts), joins it to the variants or track manifest by
 * utm_content, and states clicks, CTR, click-to-open and the tests per CTA
 * (src/results/analyze.ts). `--history FILE.db` also stores the campaign (src/results/history.ts).
 */
import type { CommandFactory } from './index.js';
import { ConfigError } from '../../errors.js';
import { EXPORT_FORMATS, readClickExport, type ExportFormat } from '../../results/read.js';
import { analyze, readManifest, type Audience, type ResultsReport } from '../../results/analyze.js';

interface ResultsArgs {
  export: string;
  manifest: string;
  format?: ExportFormat;
  sent?: string[];
  delivered?: string[];
  opens?: string[];
  json?: boolean;
  history?: string;
  campaign?: string;
  language?: string;
  clickMap?: string;
}

/** `1000` (every variant) or `a=1000`, repeatable. */
function perVariantFlag(values: unknown, flag: string): Map<string, number> {
  const out = new Map<string, number>();
  const list = values === undefined ? [] : (Array.isArray(values) ? values : [values]).flatMap((v) => String(v).split(','));
  for (const v of list) {
    const m = /^\s*(?:([a-z0-9_-]+)\s*=\s*)?(\d+)\s*$/i.exec(v);
    if (!m) throw new ConfigError(`--${flag} ${JSON.stringify(v)}: expected a count (1000) or variant=count (b=1000)`);
    out.set(m[1] ?? '*', Number(m[2]));
  }
  return out;
}

const pct = (x: number | null, digits = 2) => (x === null ? '—' : `${(x * 100).toFixed(digits)} %`);

function formatReport(r: ResultsReport): string {
  const out: string[] = [];
  out.push(`${r.rows} row(s) read (${r.format})`);
  for (const c of r.ctas) {
    out.push('', `CTA ${c.cta}${c.tested ? ' (tested)' : ''}  ${c.type}${c.fold ? `, ${c.fold} the fold` : ''}`);
    out.push('  Variant  Label                          Colour    Clicks  Unique  Recipients  CTR (95 % CI)              CTO       P(beat a)');
    for (const v of c.variants) {
      const ci = v.ctrInterval ? ` (${pct(v.ctrInterval[0])}–${pct(v.ctrInterval[1])})` : '';
      out.push(
        `  ${v.variant.padEnd(7)}  ${JSON.stringify(v.label).slice(0, 30).padEnd(30)} ${(v.color || '—').padEnd(8)}  ${String(v.clicks).padStart(6)}  ${String(v.unique ?? '—').padStart(6)}  ${String(v.recipients ?? '—').padStart(10)}  ${(pct(v.ctr) + ci).padEnd(26)} ${pct(v.clickToOpen).padEnd(8)}  ${v.probabilityToBeatControl === null ? '—' : pct(v.probabilityToBeatControl, 1)}`,
      );
    }
    if (c.test) out.push(`  ${c.test.method}: ${c.test.method === 'z-test' ? 'z' : 'χ²'} = ${c.test.statistic.toFixed(3)}, p = ${c.test.p.toPrecision(3)}, Holm-adjusted p = ${c.test.pAdjusted.toPrecision(3)}`);
    if (c.runnerUp) out.push(`  best against the runner-up ${c.runnerUp.variant}: z-test p = ${c.runnerUp.p.toPrecision(3)}`);
    if (c.winner) out.push(`  Winner: ${c.winner.variant} ${JSON.stringify(c.winner.label)}, significant at 95 % (confidence ${pct(c.winner.confidence, 1)}${c.winner.probabilityToBeatControl !== null ? `, probability to beat a ${pct(c.winner.probabilityToBeatControl, 1)}` : ''})`);
    else if (c.test) {
      const why = c.runnerUp ? `The variants differ, but the best two are not told apart` : 'No significant difference';
      out.push(`  ${why}${c.moreRecipientsNeeded !== null ? `: about ${c.moreRecipientsNeeded.toLocaleString('en')} more recipients per variant for 80 % power at these rates` : ''}`);
    }
  }
  const groups = (title: string, rows: ResultsReport['byType']) => {
    out.push('', title);
    for (const g of rows) out.push(`  ${g.group.padEnd(12)} ${g.variant.padEnd(4)} ${String(g.clicks).padStart(7)} clicks  ${pct(g.ctr)} per recipient`);
  };
  groups('By micro-conversion type', r.byType);
  groups('By position', r.byFold);
  if (r.unmatched.length) {
    out.push('', 'Clicks matching no CTA of the manifest:');
    for (const u of r.unmatched) out.push(`  line ${u.line}: ${u.utmContent ? `utm_content=${u.utmContent} ` : ''}${u.url ?? ''}  ${u.clicks} click(s)`);
  }
  return `${out.join('\n')}\n`;
}

export const resultsCommand: CommandFactory = () => ({
  command: 'results <export>',
  describe: 'Read an ESP click export, join it to the variants manifest by utm_content, and say which variant won',
  builder: (y) =>
    y
      .positional('export', { type: 'string', describe: 'Click export: url,clicks[,unique_clicks] CSV, Mailchimp, Brevo, SendGrid events, GA4 by utm_content' })
      .option('manifest', { type: 'string', demandOption: true, describe: 'variants.json / variants.csv (from variants), or a track manifest' })
      .option('format', { choices: EXPORT_FORMATS as ExportFormat[], describe: 'Export format (default: told from its columns)' })
      .option('sent', { type: 'string', array: true, describe: 'Emails sent: 1000 (each variant) or a=1000 (repeatable)' })
      .option('delivered', { type: 'string', array: true, describe: 'Emails delivered (beats --sent as the CTR denominator): 1000 or b=990' })
      .option('opens', { type: 'string', array: true, describe: 'Unique opens, for click-to-open: 400 or a=410' })
      .option('json', { type: 'boolean', describe: 'Print the report as JSON' })
      .option('history', { type: 'string', describe: 'Store the campaign and its results in this SQLite file (needs better-sqlite3)' })
      .option('campaign', { type: 'string', describe: 'Campaign name for --history (default: the manifest\'s utm_campaign)' })
      .option('click-map', { type: 'string', describe: 'Render each variant file (mobile view) with its CTAs\' share of clicks into this folder' })
      .option('language', { type: 'string', describe: 'Language of the CTA labels for --history (default: read from the manifest\'s labels: unknown)' }),
  handler: async (raw) => {
    const a = raw as unknown as ResultsArgs;
    const audience: Audience = { sent: perVariantFlag(a.sent, 'sent'), delivered: perVariantFlag(a.delivered, 'delivered'), opens: perVariantFlag(a.opens, 'opens') };
    const manifest = await readManifest(a.manifest);
    const read = await readClickExport(a.export, a.format);
    const report = analyze(manifest, read, audience);
    if (a.history) {
      const { recordResults } = await import('../../results/history.js');
      const stored = await recordResults(a.history, { manifest, report, campaign: a.campaign, language: a.language, exportFile: a.export });
      process.stderr.write(`inboxlint: stored campaign ${JSON.stringify(stored.campaign)} in ${a.history} (${stored.ctas} CTA row(s))\n`);
    }
    if (a.clickMap) {
      const [{ createSession }, { writeClickMaps }] = await Promise.all([import('../../session.js'), import('../../results/click-map.js')]);
      const session = await createSession({});
      try {
        for (const f of await writeClickMaps(() => session.renderer(), manifest, report, a.clickMap)) process.stderr.write(`inboxlint: click map ${f}\n`);
      } finally {
        await session.close();
      }
    }
    for (const w of report.warnings) process.stderr.write(`inboxlint: warning: ${w}\n`);
    process.stdout.write(a.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  },
});
