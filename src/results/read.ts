/**
 * Reading an ESP's click export, streamed (csv-parse for CSV, line by line for NDJSON), into
 * click counts per join key (utm_content, else the clicked URL). Formats, told apart by their
 * columns or fields (`--format` forces one):
 *
 * - generic CSV: `url,clicks[,unique_clicks]` (a `utm_content` column may replace or join `url`).
 * - Mailchimp click details: one row per URL with total and unique clicks; the Marketing API's
 *   click-details report names them `url`, `total_clicks`, `unique_clicks`
 *   (https://mailchimp.com/developer/marketing/api/link-clicks/), the report's CSV download
 *   "URL", "Total Clicks", "Unique Clicks". Identical URLs merge in that report: the distinct
 *   utm_content per CTA is what keeps them apart.
 * - Brevo (Sendinblue): the campaign report's `linksStats` object, URL → clicks
 *   (https://developers.brevo.com/reference/get-email-campaign, `statistics=linksStats`), as JSON;
 *   or its event export / marketing webhook rows (`event` = `click`, the URL in `link` or `URL`,
 *   https://developers.brevo.com/docs/fetch-all-your-weekly-marketing-events).
 * - SendGrid Event Webhook events: a JSON array or NDJSON of objects with `event` ("click",
 *   "delivered", "open"), `url`, `email`, and custom args as top-level fields
 *   (https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event). A `variant`
 *   custom arg lets delivered and open events count per variant.
 * - GA4 exploration/report CSV by utm_content: the dimension "Session manual ad content"
 *   (Data API `sessionManualAdContent`,
 *   https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema) with
 *   "Sessions" (clicks that arrived) and "Total users" / "Active users" (unique). GA4's CSV
 *   starts with `#` comment lines, skipped.
 *
 * A row that cannot be read (a count that is not a number, a ragged CSV row, bad JSON) is an
 * InputError naming the file and line.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { extname } from 'node:path';
import { InputError } from '../errors.js';

export type ExportFormat = 'generic' | 'mailchimp' | 'brevo' | 'sendgrid' | 'ga4';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['generic', 'mailchimp', 'brevo', 'sendgrid', 'ga4'];

/** Clicks for one join key. */
export interface ClickCount {
  /** utm_content, when the export or the URL carries one. */
  utmContent?: string;
  /** The clicked URL, when given. */
  url?: string;
  clicks: number;
  /** Unique clicks (recipients), when the export says or its events name a recipient. */
  unique?: number;
  /** First line of the export that holds this key. */
  line: number;
}

/** Delivered / opens per variant from the export's own events (SendGrid with a `variant` custom arg). */
export interface VariantEvents {
  delivered: Map<string, number>;
  opens: Map<string, number>;
}

export interface ReadResult {
  format: ExportFormat;
  counts: ClickCount[];
  events: VariantEvents;
  rows: number;
}

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
const ALIASES = {
  url: ['url', 'link', 'clicked url', 'link url', 'href', 'destination'],
  utmContent: ['utm content', 'session manual ad content', 'manual ad content', 'sessionmanualadcontent', 'first user manual ad content', 'content'],
  clicks: ['clicks', 'total clicks', 'click count', 'sessions', 'count'],
  unique: ['unique clicks', 'uniqueclicks', 'unique', 'clickers', 'total users', 'active users', 'users'],
  event: ['event', 'event type', 'type'],
  email: ['email', 'recipient', 'email address'],
  variant: ['variant'],
} as const;

type Field = keyof typeof ALIASES;

/** The utm_content of a URL's query, if any. */
function utmContentOf(url: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  const query = url.slice(q + 1).split('#')[0];
  for (const part of query.split(/&(?:amp;)?/)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).toLowerCase() === 'utm_content') {
      try {
        return decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        return part.slice(eq + 1);
      }
    }
  }
  return undefined;
}

class Tally {
  private readonly byKey = new Map<string, ClickCount & { emails?: Set<string> }>();
  readonly events: VariantEvents = { delivered: new Map(), opens: new Map() };
  rows = 0;

  /** utm_content of each URL seen (exports repeat a few URLs many times). */
  private readonly urlContent = new Map<string, string | undefined>();

  add(line: number, url: string | undefined, content: string | undefined, clicks: number, unique: number | undefined, email?: string): void {
    this.rows++;
    let utm = content?.trim();
    if (!utm && url) {
      if (this.urlContent.has(url)) utm = this.urlContent.get(url);
      else {
        utm = utmContentOf(url);
        if (this.urlContent.size < 100_000) this.urlContent.set(url, utm);
      }
    }
    const key = utm ? `c:${utm}` : `u:${url ?? ''}`;
    let c = this.byKey.get(key);
    if (!c) {
      c = { ...(utm ? { utmContent: utm } : {}), ...(url ? { url } : {}), clicks: 0, line };
      this.byKey.set(key, c);
    }
    c.clicks += clicks;
    if (unique !== undefined) c.unique = (c.unique ?? 0) + unique;
    if (email !== undefined) (c.emails ??= new Set()).add(email.toLowerCase());
  }

  event(kind: 'delivered' | 'opens', variant: string | undefined, email?: string): void {
    if (!variant) return;
    void email;
    const m = this.events[kind];
    m.set(variant, (m.get(variant) ?? 0) + 1);
  }

  result(format: ExportFormat): ReadResult {
    const counts = [...this.byKey.values()].map(({ emails, ...c }) => (emails ? { ...c, unique: emails.size } : c));
    return { format, counts, events: this.events, rows: this.rows };
  }
}

function count(v: unknown, field: string, filePath: string, line: number): number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  const s = String(v ?? '').trim().replace(/[\s,](?=\d{3}\b)/g, '');
  if (!/^\d+(\.\d+)?$/.test(s)) throw new InputError(`${field} ${JSON.stringify(String(v ?? ''))} is not a count`, { filePath, line });
  return Number(s);
}

/** Reads one click export. */
export async function readClickExport(filePath: string, format?: ExportFormat): Promise<ReadResult> {
  const info = await stat(filePath).catch(() => undefined);
  if (!info?.isFile()) throw new InputError('no such file', { filePath });
  const head = await new Promise<string>((resolvePromise, reject) => {
    const s = createReadStream(filePath, { start: 0, end: 4095, encoding: 'utf8' });
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('end', () => resolvePromise(out));
    s.on('error', reject);
  });
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  const ext = extname(filePath).toLowerCase();
  if (first === '[' || first === '{' || ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return readJson(filePath, head, format);
  return readCsv(filePath, format);
}

async function readCsv(filePath: string, format?: ExportFormat): Promise<ReadResult> {
  const { parse } = await import('csv-parse');
  const tally = new Tally();
  // Column index per field, from the header row (rows come as arrays: no object per row).
  let cols: Partial<Record<Field, number>> | undefined;
  let headers: string[] = [];
  let detected: ExportFormat = format ?? 'generic';
  // Parsed without csv-parse's per-record `info` (it doubled the time): rows are numbered here
  // (0 = the header) and turned into line numbers afterwards, by `linesOf`, for the few rows
  // a message names.
  const parser = createReadStream(filePath).pipe(parse({ bom: true, ...CSV_OPTIONS }));
  const at = (record: string[], i: number | undefined) => (i === undefined ? undefined : record[i]?.trim() || undefined);
  let line = -1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      if (!cols) {
        headers = record.map((h) => h.trim());
        cols = {};
        for (const f of Object.keys(ALIASES) as Field[]) {
          const i = headers.findIndex((x) => (ALIASES[f] as readonly string[]).includes(norm(x)));
          if (i >= 0) cols[f] = i;
        }
        if (cols.url === undefined && cols.utmContent === undefined) throw new InputError(`no URL or utm_content column (columns: ${headers.join(', ')}); expected url,clicks[,unique_clicks] or a known ESP export`, { filePath, line });
        if (cols.clicks === undefined && cols.event === undefined) throw new InputError(`no clicks column (columns: ${headers.join(', ')})`, { filePath, line });
        if (!format) {
          const hs = headers.map(norm);
          detected = cols.event !== undefined ? 'brevo' : hs.includes('session manual ad content') ? 'ga4' : hs.includes('total clicks') ? 'mailchimp' : 'generic';
        }
        continue;
      }
      if (record.length !== headers.length) throw new InputError(`malformed CSV: ${record.length} field(s) where the header has ${headers.length}`, { filePath, line });
      const url = at(record, cols.url);
      const content = at(record, cols.utmContent);
      if (cols.event !== undefined) {
        const ev = (record[cols.event] ?? '').toLowerCase();
        if (ev.includes('click')) tally.add(line, url, content, 1, undefined, at(record, cols.email));
        else if (ev.includes('deliver')) tally.event('delivered', at(record, cols.variant));
        else if (ev.includes('open')) tally.event('opens', at(record, cols.variant));
        continue;
      }
      if (!url && !content) throw new InputError('row has neither a URL nor a utm_content', { filePath, line });
      const clicks = count(record[cols.clicks!], headers[cols.clicks!], filePath, line);
      const u = at(record, cols.unique);
      const unique = u !== undefined ? count(u, headers[cols.unique!], filePath, line) : undefined;
      // GA4 adds a "(not set)" row for sessions without utm_content: kept, listed as matching no CTA.
      tally.add(line, url, content, clicks, unique);
    }
  } catch (err) {
    if (err instanceof InputError) {
      if (err.line === undefined) throw err;
      throw new InputError(err.message, { filePath, line: (await linesOf(filePath, [err.line]))[0] });
    }
    const e = err as { code?: string; lines?: number; message?: string };
    if (e.code && e.code.startsWith('CSV_')) throw new InputError(`malformed CSV: ${e.message?.replace(/^Invalid Record Length: /, '')}`, { filePath, line: e.lines });
    throw err;
  }
  if (!cols) throw new InputError('holds no rows', { filePath });
  const result = tally.result(detected);
  const lines = await linesOf(filePath, result.counts.map((c) => c.line));
  result.counts.forEach((c, i) => (c.line = lines[i]));
  return result;
}

const CSV_OPTIONS = { comment: '#', skip_empty_lines: true } as const;

/** The line each CSV row (0 = the header) starts on: a second parse, with `info`, that stops after the last row asked for. */
async function linesOf(filePath: string, rows: readonly number[]): Promise<number[]> {
  if (!rows.length) return [];
  const { parse } = await import('csv-parse');
  const want = new Set(rows);
  const last = Math.max(...rows);
  const found = new Map<number, number>();
  const stream = createReadStream(filePath);
  const parser = stream.pipe(parse({ bom: true, ...CSV_OPTIONS, info: true, relax_column_count: true }));
  let row = -1;
  try {
    for await (const { info } of parser as AsyncIterable<{ info: { lines: number } }>) {
      row++;
      if (want.has(row)) found.set(row, info.lines);
      if (row >= last) break;
    }
  } catch {
    // the first pass read these rows, so this one does too
  } finally {
    stream.destroy();
  }
  return rows.map((r) => found.get(r) ?? r + 1);
}

interface EventLike {
  event?: unknown;
  url?: unknown;
  link?: unknown;
  URL?: unknown;
  email?: unknown;
  variant?: unknown;
  utm_content?: unknown;
}

function addEvent(tally: Tally, e: EventLike, line: number, filePath: string): void {
  if (!e || typeof e !== 'object' || Array.isArray(e)) throw new InputError('expected an event object', { filePath, line });
  const ev = String(e.event ?? '').toLowerCase();
  const variant = typeof e.variant === 'string' ? e.variant : undefined;
  if (ev === 'click' || ev === 'clicked') {
    const url = [e.url, e.link, e.URL].find((v) => typeof v === 'string') as string | undefined;
    if (!url) throw new InputError('click event without a url', { filePath, line });
    tally.add(line, url, typeof e.utm_content === 'string' ? e.utm_content : undefined, 1, undefined, typeof e.email === 'string' ? e.email : undefined);
  } else if (ev === 'delivered') tally.event('delivered', variant);
  else if (ev === 'open' || ev === 'opened' || ev === 'unique_opened') tally.event('opens', variant);
}

async function readJson(filePath: string, head: string, format?: ExportFormat): Promise<ReadResult> {
  const tally = new Tally();
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '{') {
    // NDJSON (one event per line), or one object (Brevo's linksStats).
    const firstLine = head.replace(/^\uFEFF/, '').split('\n')[0];
    let oneObject = false;
    try {
      JSON.parse(firstLine);
    } catch {
      oneObject = true;
    }
    if (!oneObject) {
      const rl = createInterface({ input: createReadStream(filePath, { encoding: 'utf8' }), crlfDelay: Infinity });
      let line = 0;
      let single: unknown;
      for await (const raw of rl) {
        line++;
        const t = line === 1 ? raw.replace(/^\uFEFF/, '').trim() : raw.trim();
        if (!t) continue;
        let e: unknown;
        try {
          e = JSON.parse(t);
        } catch (err) {
          throw new InputError(`bad JSON: ${(err as Error).message}`, { filePath, line });
        }
        if (line === 1 && e && typeof e === 'object' && !('event' in (e as object))) {
          single = e;
          continue;
        }
        addEvent(tally, e as EventLike, line, filePath);
      }
      if (single === undefined) return tally.result(format ?? 'sendgrid');
      return linksStats(single, filePath, format);
    }
  }
  const text = await readFile(filePath, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new InputError(`bad JSON: ${(err as Error).message}`, { filePath, line });
  }
  if (Array.isArray(data)) {
    // Line of each element: counted from the text, for error messages.
    data.forEach((e, i) => addEvent(tally, e as EventLike, i + 1, filePath));
    return tally.result(format ?? 'sendgrid');
  }
  return linksStats(data, filePath, format);
}

/** Brevo's `linksStats`: `{ "https://…": 12, … }`, alone or under `statistics`. */
function linksStats(data: unknown, filePath: string, format?: ExportFormat): ReadResult {
  const tally = new Tally();
  const o = data as { statistics?: { linksStats?: unknown }; linksStats?: unknown };
  const stats = (o?.statistics?.linksStats ?? o?.linksStats ?? data) as Record<string, unknown>;
  if (!stats || typeof stats !== 'object' || Array.isArray(stats)) throw new InputError('expected click events or a linksStats object (URL → clicks)', { filePath });
  let i = 0;
  for (const [url, v] of Object.entries(stats)) {
    i++;
    if (!/^https?:\/\//i.test(url)) throw new InputError(`linksStats key ${JSON.stringify(url)} is not a URL`, { filePath });
    tally.add(i, url, undefined, count(v, `clicks of ${url}`, filePath, i), undefined);
  }
  return tally.result(format ?? 'brevo');
}
