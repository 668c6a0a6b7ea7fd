/**
 * `inboxlint history [--db FILE]`: what won across the campaigns `results --history` stored —
 * wording, colour, position, fold and CTA type, per micro-conversion type and language, ranked
 * by click-through rate pooled over the sends (src/results/history.ts).
 */
import type { CommandFactory } from './index.js';
import { readHistory, type HistoryRow } from '../../results/history.js';

interface HistoryArgs {
  db: string;
  type?: string;
  language?: string;
  minCampaigns?: number;
  top?: number;
  json?: boolean;
}

const TITLES: Record<HistoryRow['dimension'], string> = { label: 'Wording', color: 'Colour', position: 'Position (CTA number)', fold: 'Fold', type: 'CTA type' };

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);

function formatHistory(rows: readonly HistoryRow[], top: number): string {
  if (!rows.length) return 'No campaigns stored yet: inboxlint results EXPORT --manifest variants.json --history FILE.db\n';
  const out: string[] = [];
  const groups = new Map<string, HistoryRow[]>();
  for (const r of rows) {
    if (r.value === '') continue; // not known (a CTA without a fill, a track manifest without folds)
    const k = `${r.dimension}\u0000${r.type}\u0000${r.language}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const list of groups.values()) {
    const { dimension, type, language } = list[0];
    out.push(`${TITLES[dimension]}${type !== '*' ? `, ${type} CTAs` : ''}${language ? ` (${language})` : ''}:`);
    for (const r of list.slice(0, top)) {
      out.push(`  ${JSON.stringify(r.value).padEnd(32)} ${pct(r.ctr).padStart(8)} CTR over ${r.campaigns} campaign(s), ${r.recipients.toLocaleString('en')} recipient(s)${r.tests ? `; won ${r.wins} of ${r.tests} test(s)` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export const historyCommand: CommandFactory = () => ({
  command: 'history',
  describe: 'Which CTA wording, colour, position and type won across your campaigns (from results --history)',
  builder: (y) =>
    y
      .option('db', { type: 'string', default: 'inboxlint-history.db', describe: 'The history database results --history wrote' })
      .option('type', { type: 'string', describe: 'Only this micro-conversion type (download, signup, …)' })
      .option('language', { type: 'string', describe: 'Only CTAs in this language (en, de, …)' })
      .option('min-campaigns', { type: 'number', default: 1, describe: 'Only values seen in at least this many campaigns' })
      .option('top', { type: 'number', default: 5, describe: 'Values listed per group' })
      .option('json', { type: 'boolean', describe: 'Print every row as JSON' }),
  handler: async (raw) => {
    const a = raw as unknown as HistoryArgs;
    const rows = readHistory(a.db, { type: a.type, language: a.language, minCampaigns: a.minCampaigns });
    process.stdout.write(a.json ? `${JSON.stringify(rows, null, 2)}\n` : formatHistory(rows, a.top ?? 5));
  },
});
