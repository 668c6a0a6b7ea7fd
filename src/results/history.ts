/**
 * The sender's own history: campaigns, their variants and CTAs (label, language, type, colour,
 * position, fold) with their results, in an embedded SQLite file (better-sqlite3, installed by
 * those who want the history and loaded only here: `npm install better-sqlite3@12`; it compiles
 * from source where no prebuilt binary can be downloaded, so it is not a dependency everyone pays).
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
-- What history answers, kept up to date by every import (in its transaction): one row per
-- dimension, type, language and value. A query reads these few rows, not every CTA.
CREATE TABLE IF NOT EXISTS summary (
  dimension TEXT NOT NULL,
  type TEXT NOT NULL,
  language TEXT NOT NULL,
  value TEXT NOT NULL,
  campaigns INTEGER NOT NULL,
  recipients INTEGER NOT NULL,
  clicks INTEGER NOT NULL,
  wins INTEGER NOT NULL,
  tests INTEGER NOT NULL,
  PRIMARY KEY (dimension, type, language, value)
) WITHOUT ROWID;
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
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') throw new InboxlintError('the history needs better-sqlite3, which inboxlint does not install (it compiles where no prebuilt binary fits): npm install better-sqlite3@12');
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
function openHistory(filePath: string, create = true): Database {
  const Db = sqlite();
  let db: Database | undefined;
  try {
    db = new Db(filePath, { timeout: 2000, fileMustExist: !create });
    db.pragma('foreign_keys = ON');
    // Reads the header: a file that is no database fails here (SQLITE_NOTADB); damage deeper in
    // surfaces as SQLITE_CORRUPT when a page is read, inside a transaction that then rolls back.
    db.pragma('schema_version', { simple: true });
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
      const old = db.prepare('SELECT id FROM campaigns WHERE name = ?').get(campaign) as { id: number } | undefined;
      if (old) {
        applyContributions(db, contributions(db, old.id), -1);
        db.prepare('DELETE FROM campaigns WHERE id = ?').run(old.id);
      }
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
      applyContributions(db, contributions(db, Number(c.lastInsertRowid)), 1);
    })();
    return { campaign, ctas: count };
  } catch (err) {
    throw dbError(err, filePath);
  } finally {
    db.close();
  }
}

export type HistoryDimension = 'label' | 'color' | 'position' | 'fold' | 'type';
const HISTORY_DIMENSIONS: readonly HistoryDimension[] = ['label', 'color', 'position', 'fold', 'type'];

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
  /** Tests this value won (significantly), of the tests it was in where the variants differed in this dimension. */
  wins: number;
  tests: number;
}

type Contribution = Omit<HistoryRow, 'ctr'>;

/** One campaign's share of the summary: per dimension, type, language and value. */
function contributions(db: Database, campaignId: number): Map<string, Contribution> {
  const stmt = db.prepare(
    `SELECT c.label, c.color, c.position, c.fold, c.type, c.language, v.recipients, COALESCE(c.unique_clicks, c.clicks), c.won
       FROM ctas c JOIN variants v ON v.id = c.variant_id WHERE v.campaign_id = ?`,
  ) as Statement & { raw(on?: boolean): Statement };
  const acc = new Map<string, Contribution>();
  const rows = (stmt.raw(true).all(campaignId) as Array<[string, string, number, string, string, string, number | null, number, number | null]>).map((row) => {
    const [label, color, position, fold, type, language, recipients, clicks, won] = row;
    const values: Record<HistoryDimension, string> = { label, color, position: String(position), fold, type };
    return { position, type, language, recipients, clicks, won, values };
  });
  // A test says something of a dimension only where its variants differ in it (a colour both arms
  // wore neither won nor lost): the values of each CTA position across the campaign's variants.
  const seen = new Map<string, Set<string>>();
  for (const r of rows) for (const dim of HISTORY_DIMENSIONS) {
    const k = `${r.position}\u0000${dim}`;
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(r.values[dim]);
  }
  for (const { position, type, language, recipients, clicks, won, values } of rows) {
    for (const dim of HISTORY_DIMENSIONS) {
      const t = dim === 'type' ? '*' : type;
      const key = JSON.stringify([dim, t, language, values[dim]]);
      let a = acc.get(key);
      if (!a) acc.set(key, (a = { dimension: dim, type: t, language, value: values[dim], campaigns: 1, recipients: 0, clicks: 0, wins: 0, tests: 0 }));
      a.recipients += recipients ?? 0;
      a.clicks += clicks;
      if (won !== null && seen.get(`${position}\u0000${dim}`)!.size > 1) {
        a.tests++;
        a.wins += won;
      }
    }
  }
  return acc;
}

function applyContributions(db: Database, rows: Map<string, Contribution>, sign: 1 | -1): void {
  const upsert = db.prepare(
    `INSERT INTO summary (dimension, type, language, value, campaigns, recipients, clicks, wins, tests) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (dimension, type, language, value) DO UPDATE SET campaigns = campaigns + excluded.campaigns, recipients = recipients + excluded.recipients,
       clicks = clicks + excluded.clicks, wins = wins + excluded.wins, tests = tests + excluded.tests`,
  );
  for (const r of rows.values()) upsert.run(r.dimension, r.type, r.language, r.value, sign * r.campaigns, sign * r.recipients, sign * r.clicks, sign * r.wins, sign * r.tests);
  if (sign < 0) db.prepare('DELETE FROM summary WHERE campaigns <= 0').run();
}

/** Recomputes the summary table from every stored campaign (after rows were written by other means). */
export function rebuildSummary(db: Database): void {
  db.transaction(() => {
    db.exec('DELETE FROM summary');
    for (const { id } of db.prepare('SELECT id FROM campaigns').all() as Array<{ id: number }>) applyContributions(db, contributions(db, id), 1);
  })();
}

/**
 * What won across campaigns: per type and language, each dimension's values ranked by CTR
 * (clicks pooled over the recipients of every send). Reads the summary table.
 */
export function historySummary(db: Database, filter: { type?: string; language?: string; minCampaigns?: number } = {}): HistoryRow[] {
  const where = ['campaigns >= ?'];
  const params: unknown[] = [filter.minCampaigns ?? 1];
  if (filter.type) {
    where.push("(type = ? OR (dimension = 'type' AND value = ?))");
    params.push(filter.type, filter.type);
  }
  if (filter.language) {
    where.push('language = ?');
    params.push(filter.language);
  }
  const rows = db
    .prepare(`SELECT dimension, type, language, value, campaigns, recipients, clicks, wins, tests FROM summary WHERE ${where.join(' AND ')}`)
    .all(...params) as Contribution[];
  return rows
    .map((r) => ({ ...r, ctr: r.recipients ? r.clicks / r.recipients : null }))
    .sort((a, b) => HISTORY_DIMENSIONS.indexOf(a.dimension) - HISTORY_DIMENSIONS.indexOf(b.dimension) || a.type.localeCompare(b.type) || a.language.localeCompare(b.language) || (b.ctr ?? -1) - (a.ctr ?? -1));
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
