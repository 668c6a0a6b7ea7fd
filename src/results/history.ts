/**
 * The sender's own history: campaigns, their variants and CTAs (label, language, type, colour,
 * position, fold) with their results, in an embedded SQLite file (better-sqlite3, an optional
 * peer dependency loaded only here: `npm install better-sqlite3@12`).
 *
 * Every import is one transaction: an import that fails (or a process killed) half-way leaves
 * the database as it was. A locked or damaged database is an InputError (exit 2) and nothing
 * in it is changed. Re-importing a campaign replaces it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { InputError, InboxlintError } from '../errors.js';
import type { ManifestCta, ResultsReport } from './analyze.js';

/** The part of better-sqlite3's API used here. */
interface Statement {
  run(...params: unknown[]): { lastInsertRowid: number | bigint; changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<T extends (...args: never[]) => unknown>(fn: T): T;
  close(): void;
}
type DatabaseConstructor = new (file: string, options?: { timeout?: number; fileMustExist?: boolean }) => Database;

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS campaigns (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  imported_at TEXT NOT NULL,
  export_file TEXT
);
CREATE TABLE IF NOT EXISTS variants (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  template_hash TEXT,
  subject TEXT,
  recipients INTEGER,
  opens INTEGER,
  UNIQUE (campaign_id, name)
);
CREATE TABLE IF NOT EXISTS ctas (
  id INTEGER PRIMARY KEY,
  variant_id INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  language TEXT NOT NULL,
  type TEXT NOT NULL,
  color TEXT NOT NULL,
  fold TEXT NOT NULL,
  is_primary INTEGER NOT NULL,
  tested INTEGER NOT NULL,
  utm_content TEXT,
  clicks INTEGER NOT NULL,
  unique_clicks INTEGER,
  won INTEGER
);
CREATE INDEX IF NOT EXISTS ctas_variant ON ctas (variant_id);
CREATE INDEX IF NOT EXISTS ctas_type_language ON ctas (type, language);
CREATE INDEX IF NOT EXISTS variants_campaign ON variants (campaign_id);
`;

let ctor: DatabaseConstructor | undefined;

/** better-sqlite3, loaded on first use; a clear error when it is not installed. */
function sqlite(): DatabaseConstructor {
  if (ctor) return ctor;
  const require = createRequire(import.meta.url);
  try {
    ctor = require('better-sqlite3') as DatabaseConstructor;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') throw new InboxlintError('the history needs better-sqlite3, an optional dependency: npm install better-sqlite3@12');
    throw new InboxlintError(`better-sqlite3 could not be loaded (${(err as Error).message}): reinstall it with npm install better-sqlite3@12`);
  }
  return ctor;
}

/** SQLite's errors, as InputErrors naming the file; the database is left as it was. */
function dbError(err: unknown, filePath: string): InboxlintError {
  if (err instanceof InboxlintError) return err;
  const code = String((err as { code?: string }).code ?? '');
  const message = (err as Error)?.message ?? String(err);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new InputError('the history database is locked by another process; nothing was changed: try again when it is done', { filePath });
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new InputError(`is not a SQLite database or is damaged (${message}); it was left as it is: restore it from a backup or give another --history file`, { filePath });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) return new InputError(`cannot open the history database (${message})`, { filePath });
  if (code.startsWith('SQLITE_')) return new InputError(`history database error ${code}: ${message}; nothing was changed`, { filePath });
  return err instanceof Error ? new InputError(message, { filePath }) : new InputError(String(err), { filePath });
}

/** Opens (and creates, when `create`) the history database and checks it is one of ours. */
export function openHistory(filePath: string, create = true): Database {
  const Db = sqlite();
  let db: Database | undefined;
  try {
    db = new Db(filePath, { timeout: 2000, fileMustExist: !create });
    db.pragma('foreign_keys = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    const version = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() as { name?: string } | undefined)
      ? (db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value?: string } | undefined)?.value
      : undefined;
    if (version !== undefined && Number(version) > SCHEMA_VERSION) throw new InputError(`was written by a newer inboxlint (history schema ${version}); update inboxlint`, { filePath });
    if (version === undefined) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new InputError('is a SQLite database, but not an inboxlint history; give another --history file', { filePath });
      if (!create) throw new InputError('is an empty database, not an inboxlint history', { filePath });
      db.transaction(() => {
        db!.exec(SCHEMA);
        db!.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(String(SCHEMA_VERSION));
      })();
    }
    return db;
  } catch (err) {
    db?.close();
    if ((err as { code?: string }).code === 'SQLITE_CANTOPEN' && !create) throw new InputError('no such history database (results --history FILE.db creates one)', { filePath });
    throw dbError(err, filePath);
  }
}

export interface RecordInput {
  manifest: readonly ManifestCta[];
  report: ResultsReport;
  campaign?: string;
  language?: string;
  exportFile?: string;
}

function campaignOf(manifest: readonly ManifestCta[]): string | undefined {
  for (const m of manifest) {
    const q = m.url.indexOf('?');
    if (q < 0) continue;
    const p = new URLSearchParams(m.url.slice(q + 1).replace(/&amp;/g, '&')).get('utm_campaign');
    if (p) return p;
  }
  return undefined;
}

async function fileHash(file: string): Promise<string | null> {
  if (!file) return null;
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch {
    return null;
  }
}

/** Stores one campaign's variants, CTAs and results, in one transaction (replacing an earlier import of it). */
export async function recordResults(filePath: string, input: RecordInput): Promise<{ campaign: string; ctas: number }> {
  const campaign = input.campaign ?? campaignOf(input.manifest);
  if (!campaign) throw new InputError('no campaign name: give --campaign (the manifest\'s URLs carry no utm_campaign)', { filePath });
  const hashes = new Map<string, string | null>();
  for (const m of input.manifest) if (!hashes.has(m.variant)) hashes.set(m.variant, await fileHash(m.file));
  const db = openHistory(filePath);
  try {
    let count = 0;
    db.transaction(() => {
      db.prepare('DELETE FROM campaigns WHERE name = ?').run(campaign);
      const c = db.prepare('INSERT INTO campaigns (name, imported_at, export_file) VALUES (?, ?, ?)').run(campaign, new Date().toISOString(), input.exportFile ?? null);
      const insVariant = db.prepare('INSERT INTO variants (campaign_id, name, template_hash, subject, recipients, opens) VALUES (?, ?, ?, ?, ?, ?)');
      const insCta = db.prepare('INSERT INTO ctas (variant_id, position, label, language, type, color, fold, is_primary, tested, utm_content, clicks, unique_clicks, won) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const variantIds = new Map<string, number | bigint>();
      for (const r of input.report.ctas) {
        for (const v of r.variants) {
          const m = input.manifest.find((x) => x.cta === r.cta && x.variant === v.variant)!;
          let vid = variantIds.get(v.variant);
          if (vid === undefined) {
            vid = insVariant.run(c.lastInsertRowid, v.variant, hashes.get(v.variant) ?? null, m.subject || null, v.recipients, v.opens).lastInsertRowid;
            variantIds.set(v.variant, vid);
          }
          const won = r.test ? (r.winner?.variant === v.variant ? 1 : 0) : null;
          insCta.run(vid, r.cta, v.label, input.language ?? m.language ?? '', m.type, v.color, m.fold, m.primary ? 1 : 0, m.tested ? 1 : 0, m.utmContent, v.clicks, v.unique, won);
          count++;
        }
      }
    })();
    return { campaign, ctas: count };
  } catch (err) {
    throw dbError(err, filePath);
  } finally {
    db.close();
  }
}

export type HistoryDimension = 'label' | 'color' | 'position' | 'fold' | 'type';
export const HISTORY_DIMENSIONS: readonly HistoryDimension[] = ['label', 'color', 'position', 'fold', 'type'];

export interface HistoryRow {
  /** The micro-conversion type and language the row is about (`type` rows: language only). */
  type: string;
  language: string;
  dimension: HistoryDimension;
  value: string;
  campaigns: number;
  recipients: number;
  clicks: number;
  /** Unique clicks (else clicks) per recipient, pooled over the campaigns. */
  ctr: number | null;
  /** Tests this value won (significantly), of the tests it was in. */
  wins: number;
  tests: number;
}

const COLUMN: Record<HistoryDimension, string> = { label: 'c.label', color: 'c.color', position: 'c.position', fold: 'c.fold', type: 'c.type' };

/** What won across campaigns: per type and language, each dimension's values ranked by CTR. */
export function historySummary(db: Database, filter: { type?: string; language?: string; minCampaigns?: number } = {}): HistoryRow[] {
  const out: HistoryRow[] = [];
  for (const dim of HISTORY_DIMENSIONS) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) {
      where.push('c.type = ?');
      params.push(filter.type);
    }
    if (filter.language) {
      where.push('c.language = ?');
      params.push(filter.language);
    }
    const typeCol = dim === 'type' ? "'*'" : 'c.type';
    const rows = db
      .prepare(
        `SELECT ${typeCol} AS type, c.language AS language, CAST(${COLUMN[dim]} AS TEXT) AS value,
                COUNT(DISTINCT v.campaign_id) AS campaigns, SUM(v.recipients) AS recipients,
                SUM(COALESCE(c.unique_clicks, c.clicks)) AS clicks,
                SUM(CASE WHEN c.won = 1 THEN 1 ELSE 0 END) AS wins, SUM(CASE WHEN c.won IS NOT NULL THEN 1 ELSE 0 END) AS tests
           FROM ctas c JOIN variants v ON v.id = c.variant_id
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          GROUP BY 1, 2, 3
         HAVING COUNT(DISTINCT v.campaign_id) >= ?`,
      )
      .all(...params, filter.minCampaigns ?? 1) as Array<Omit<HistoryRow, 'dimension' | 'ctr'>>;
    for (const r of rows) out.push({ ...r, dimension: dim, value: r.value ?? '', recipients: r.recipients ?? 0, ctr: r.recipients ? r.clicks / r.recipients : null });
  }
  return out.sort((a, b) => a.dimension.localeCompare(b.dimension) || a.type.localeCompare(b.type) || a.language.localeCompare(b.language) || (b.ctr ?? -1) - (a.ctr ?? -1));
}

/** Open, summarise, close: for the `history` command. */
export function readHistory(filePath: string, filter: Parameters<typeof historySummary>[1] = {}): HistoryRow[] {
  const db = openHistory(filePath, false);
  try {
    return historySummary(db, filter);
  } catch (err) {
    throw dbError(err, filePath);
  } finally {
    db.close();
  }
}
