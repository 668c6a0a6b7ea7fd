/**
 * The sender's own results in the CTA suggestions: when INBOXLINT_HISTORY names a history
 * database (`results --history`), the labels that drew the most clicks for this micro-conversion
 * type and language come first, best CTR first. Without it, or when the database cannot be read
 * (better-sqlite3 missing, file locked or damaged), the suggestions are the phrase book's alone:
 * a suggestion never makes lint fail.
 */
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

/** `labels` with the sender's better-performing own labels of this type and language in front. */
export function rankByOwnResults(labels: readonly string[], type: string, language: string, current: string): string[] {
  const path = process.env.INBOXLINT_HISTORY;
  if (!path) return [...labels];
  const rows = labelRows(path);
  if (!rows) return [...labels];
  const own = rows.filter((r) => r.type === type && r.language === language).sort((a, b) => (b.ctr ?? 0) - (a.ctr ?? 0));
  const cur = current.trim().toLowerCase();
  const mine = own.find((r) => r.value.toLowerCase() === cur)?.ctr ?? -1;
  const better = own.filter((r) => r.value.toLowerCase() !== cur && (r.ctr ?? 0) > mine).map((r) => r.value);
  const out = [...better];
  for (const l of labels) if (!out.some((o) => o.toLowerCase() === l.toLowerCase())) out.push(l);
  return out;
}
