/**
 * The sender's own results in the CTA suggestions: when INBOXLINT_HISTORY names a history
 * database (`results --history`), else `inboxlint-history.db` exists in the working folder (the
 * default of `history --db`), the labels that drew the most clicks for this micro-conversion
 * type and language come first, best CTR first, and a suggestion says what its label (and the
 * current one) averaged. Without a history, or when the database cannot be read
 * (better-sqlite3 missing, file locked or damaged), the suggestions are the phrase book's alone:
 * a suggestion never makes lint fail.
 */
import { existsSync } from 'node:fs';
import { readHistory, type HistoryRow } from './history.js';

const cache = new Map<string, HistoryRow[] | null>();

function labelRows(path: string): HistoryRow[] | null {
  if (!cache.has(path)) {
    let rows: HistoryRow[] | null;
    try {
      rows = readHistory(path).filter((r) => r.dimension === 'label' && r.value && r.recipients > 0);
    } catch {
      rows = null;
    }
    cache.set(path, rows);
  }
  return cache.get(path)!;
}

/** The history's label rows of one type and language, best CTR first; null without a history. */
function ownLabels(type: string, language: string): HistoryRow[] | null {
  const path = process.env.INBOXLINT_HISTORY || (existsSync(DEFAULT_HISTORY) ? DEFAULT_HISTORY : undefined);
  if (!path) return null;
  const rows = labelRows(path);
  if (!rows) return null;
  return rows.filter((r) => r.type === type && r.language === language).sort((a, b) => (b.ctr ?? 0) - (a.ctr ?? 0));
}

/** The history file `history` reads by default. */
const DEFAULT_HISTORY = 'inboxlint-history.db';

const pct = (x: number | null) => `${((x ?? 0) * 100).toFixed(2)} %`;

/**
 * What the history says of `label` against `current` ("your history: 4.10 % CTR over 6
 * campaigns; "Learn more" 1.90 %"), or undefined when it holds no result for `label`.
 */
export function ownResultNote(label: string, current: string, type: string, language: string): string | undefined {
  const own = ownLabels(type, language);
  const find = (l: string) => own?.find((r) => r.value.toLowerCase() === l.trim().toLowerCase());
  const mine = find(label);
  if (!mine) return undefined;
  const cur = find(current);
  return `your history: ${pct(mine.ctr)} CTR over ${mine.campaigns} campaign${mine.campaigns === 1 ? '' : 's'}${cur ? `; ${JSON.stringify(cur.value)} ${pct(cur.ctr)}` : ''}`;
}

/** `labels` with the sender's better-performing own labels of this type and language in front. */
export function rankByOwnResults(labels: readonly string[], type: string, language: string, current: string): string[] {
  const own = ownLabels(type, language);
  if (!own) return [...labels];
  const cur = current.trim().toLowerCase();
  const mine = own.find((r) => r.value.toLowerCase() === cur)?.ctr ?? -1;
  const better = own.filter((r) => r.value.toLowerCase() !== cur && (r.ctr ?? 0) > mine).map((r) => r.value);
  const out = [...better];
  for (const l of labels) if (!out.some((o) => o.toLowerCase() === l.toLowerCase())) out.push(l);
  return out;
}
