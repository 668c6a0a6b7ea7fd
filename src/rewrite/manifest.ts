/**
 * The tracking manifest: one row per link (tracked or skipped, with why), written as a JSON
 * array or as CSV (RFC 4180 quoting) depending on the file extension.
 */
import { extname } from 'node:path';

export interface ManifestEntry {
  /** The file the link is in. */
  file: string;
  /** 0-based position among the document's links (source order, VML included). */
  index: number;
  /** 1-based line and column of the href value in the file the user edits. */
  line: number;
  column: number;
  /** `a`, `area` or the VML tag (`v:roundrect`). */
  tag: string;
  vml: boolean;
  /** For a VML button: the index of its HTML twin (`<a>`), whose decision it shares. */
  twin: number | null;
  /** The href as written, entities decoded. */
  original: string;
  /** The href after tracking (entities decoded), or null when skipped. */
  tracked: string | null;
  /** True when the rewrite changed this href. */
  changed: boolean;
  /** Why the link was not tracked, or null. */
  skipReason: string | null;
  /** The CTA label when the link is a call to action. */
  ctaLabel: string | null;
  /** 0-based CTA position, when the link is a CTA. */
  ctaIndex: number | null;
  primary: boolean;
  /** Micro-conversion type (the CTA's, else the link's own from its destination and text). */
  type: string;
  /** The utm_content value this link gets (or already had). */
  utmContent: string | null;
  /** Parameters inserted. */
  added: string[];
  /** Wanted parameters that were already present and kept as they were. */
  kept: string[];
  /** Parameters whose value was replaced (with --overwrite). */
  replaced: string[];
}

const MANIFEST_COLUMNS: ReadonlyArray<keyof ManifestEntry> = [
  'file',
  'index',
  'line',
  'column',
  'tag',
  'vml',
  'twin',
  'original',
  'tracked',
  'changed',
  'skipReason',
  'ctaLabel',
  'ctaIndex',
  'primary',
  'type',
  'utmContent',
  'added',
  'kept',
  'replaced',
];

export type ManifestFormat = 'json' | 'csv';

/** The format a manifest path asks for, or undefined for an unknown extension. */
export function manifestFormat(path: string): ManifestFormat | undefined {
  const ext = extname(path).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : undefined;
}

function manifestToJson(entries: readonly ManifestEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** One RFC 4180 CSV field (lists space-separated). */
export function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV: a header row, CRLF line ends, fields with quotes, commas or line breaks quoted. Lists are space-separated. */
export function manifestToCsv(entries: readonly ManifestEntry[]): string {
  const rows = [MANIFEST_COLUMNS.join(',')];
  for (const e of entries) rows.push(MANIFEST_COLUMNS.map((c) => csvField(e[c])).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

export function formatManifest(entries: readonly ManifestEntry[], format: ManifestFormat): string {
  return format === 'csv' ? manifestToCsv(entries) : manifestToJson(entries);
}
