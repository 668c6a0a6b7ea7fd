/**
 * Reading an ESP's click export, streamed (Papa Parse for CSV, line by line for NDJSON; a JSON
 * array or object, e.g. Brevo's linksStats, is read whole: export large event logs as NDJSON), into
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
 * CSV may be comma-, semicolon- or tab-separated (Brevo and European spreadsheet exports use `;`).
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
export function utmContentOf(url: string): string | undefined {
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

type Count = ClickCount & { emails?: Set<string> };

class Tally {
  private readonly byKey = new Map<string, Count>();
  readonly events: VariantEvents = { delivered: new Map(), opens: new Map() };
  rows = 0;

  /** The count of each URL seen without a utm_content column (exports repeat a few URLs many times). */
  private readonly byUrl = new Map<string, Count>();

  /** One row: `at` is its line (JSON) or the offset just past it (CSV, turned into a line by readCsv). */
  add(at: number, url: string | undefined, content: string | undefined, clicks: number, unique: number | undefined, email?: string): void {
    this.rows++;
    let c = !content && url !== undefined ? this.byUrl.get(url) : undefined;
    if (!c) {
      const utm = content?.trim() || (url ? utmContentOf(url) : undefined);
      const key = utm ? `c:${utm}` : `u:${url ?? ''}`;
      c = this.byKey.get(key);
      if (!c) {
        c = { ...(utm ? { utmContent: utm } : {}), ...(url ? { url } : {}), clicks: 0, line: at };
        this.byKey.set(key, c);
      }
      if (!content && url !== undefined && this.byUrl.size < 100_000) this.byUrl.set(url, c);
    }
    c.clicks += clicks;
    if (unique !== undefined) c.unique = (c.unique ?? 0) + unique;
    if (email !== undefined) (c.emails ??= new Set()).add(email.toLowerCase());
  }

  event(kind: 'delivered' | 'opens', variant: string | undefined): void {
    if (!variant) return;
    const m = this.events[kind];
    m.set(variant, (m.get(variant) ?? 0) + 1);
  }

  result(format: ExportFormat): ReadResult {
    const counts = [...this.byKey.values()].map(({ emails, ...c }) => (emails ? { ...c, unique: emails.size } : c));
    return { format, counts, events: this.events, rows: this.rows };
  }
}

function count(v: unknown, field: string): number {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  const str = String(v ?? '').trim().replace(/[\s,](?=\d{3}\b)/g, '');
  if (!/^\d+(\.\d+)?$/.test(str)) throw new RowError(`${field} ${JSON.stringify(String(v ?? ''))} is not a count`);
  return Number(str);
}

/** A row that cannot be read; the reader adds the file and line. */
class RowError extends Error {}

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
  const { default: Papa } = await import('papaparse');
  const tally = new Tally();
  // Column index per field, from the header row (rows come as arrays: no object per row).
  let cols: Partial<Record<Field, number>> | undefined;
  let headers: string[] = [];
  let detected: ExportFormat = format ?? 'generic';
  let failure: { message: string; offset: number; row: string[] } | undefined;
  let other: unknown;
  const at = (record: string[], i: number | undefined) => (i === undefined ? undefined : record[i]?.trim() || undefined);

  // One row: `end` is the character offset just past it (Papa Parse's meta.cursor), turned into
  // a line number afterwards (`linesAt`) for the few rows a message names.
  const row = (record: string[], end: number): void => {
    if (record.length === 1 && !record[0].trim()) return; // a line of spaces
    if (!cols) {
      headers = record.map((h) => h.trim());
      cols = {};
      for (const f of Object.keys(ALIASES) as Field[]) {
        const i = headers.findIndex((x) => (ALIASES[f] as readonly string[]).includes(norm(x)));
        if (i >= 0) cols[f] = i;
      }
      if (cols.url === undefined && cols.utmContent === undefined) throw new RowError(`no URL or utm_content column (columns: ${headers.join(', ')}); expected url,clicks[,unique_clicks] or a known ESP export`);
      if (cols.clicks === undefined && cols.event === undefined) throw new RowError(`no clicks column (columns: ${headers.join(', ')})`);
      if (!format) {
        const hs = headers.map(norm);
        detected = cols.event !== undefined ? 'brevo' : hs.includes('session manual ad content') ? 'ga4' : hs.includes('total clicks') ? 'mailchimp' : 'generic';
      }
      return;
    }
    if (record.length !== headers.length) throw new RowError(`malformed CSV: ${record.length} field(s) where the header has ${headers.length}`);
    const url = at(record, cols.url);
    const content = at(record, cols.utmContent);
    if (cols.event !== undefined) {
      const ev = (record[cols.event] ?? '').toLowerCase();
      if (ev.includes('click')) tally.add(end, url, content, 1, undefined, at(record, cols.email));
      else if (ev.includes('deliver')) tally.event('delivered', at(record, cols.variant));
      else if (ev.includes('open')) tally.event('opens', at(record, cols.variant));
      return;
    }
    if (!url && !content) throw new RowError('row has neither a URL nor a utm_content');
    const clicks = count(record[cols.clicks!], headers[cols.clicks!]);
    const u = at(record, cols.unique);
    const unique = u !== undefined ? count(u, headers[cols.unique!]) : undefined;
    // GA4 adds a "(not set)" row for sessions without utm_content: kept, listed as matching no CTA.
    tally.add(end, url, content, clicks, unique);
  };

  await new Promise<void>((resolvePromise, reject) => {
    const input = createReadStream(filePath, { encoding: 'utf8', highWaterMark: 1 << 16 });
    input.on('error', reject);
    Papa.parse<string[]>(input, {
      beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
      comments: '#',
      skipEmptyLines: true,
      delimitersToGuess: [',', ';', '\t'],
      step: (results, parser) => {
        if (failure || other) return;
        const quote = results.errors.find((e) => e.type === 'Quotes');
        try {
          if (quote) throw new RowError(`malformed CSV: ${quote.message.toLowerCase()}`);
          row(results.data, results.meta.cursor);
        } catch (err) {
          if (err instanceof RowError) failure = { message: err.message, offset: results.meta.cursor, row: results.data };
          else other = err;
          parser.abort();
          input.destroy();
          resolvePromise();
        }
      },
      complete: () => resolvePromise(),
      error: (err: Error) => reject(err),
    });
  });
  if (other) throw other;
  if (failure) {
    const [line] = await linesAt(filePath, [failure.offset], [failure.row]);
    throw new InputError(failure.message, { filePath, line });
  }
  if (!cols) throw new InputError('holds no rows', { filePath });
  const result = tally.result(detected);
  const lines = await linesAt(filePath, result.counts.map((c) => c.line));
  result.counts.forEach((c, i) => (c.line = lines[i]));
  return result;
}

/**
 * The line each row starts on, from the character offset just past it (`ends`) and, when given,
 * its fields (a quoted field may hold line breaks): one pass over the text, counting line breaks, that
 * stops at the last offset asked for.
 */
async function linesAt(filePath: string, ends: readonly number[], rows: ReadonlyArray<readonly string[]> = []): Promise<number[]> {
  if (!ends.length) return [];
  const wanted = ends.map((at, i) => ({ i, at })).sort((a, b) => a.at - b.at);
  const out = new Array<number>(ends.length);
  const lineOf = (i: number, breaks: number, lastChar: string) => {
    // `breaks` line breaks lie before the end; take away those inside the row's fields and its own.
    const fields = rows[i] ?? [];
    const inside = fields.reduce((s, f) => s + (f.split('\n').length - 1), 0);
    const own = lastChar === '\n' && !fields[fields.length - 1]?.endsWith('\n') ? 1 : 0;
    return breaks - inside - own + 1;
  };
  let k = 0;
  let offset = 0;
  let breaks = 0;
  let last = '';
  let first = true;
  const stream = createReadStream(filePath, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (let chunk of stream as AsyncIterable<string>) {
      if (first) chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
      while (k < wanted.length && wanted[k].at <= offset + chunk.length) {
        const w = wanted[k++];
        const upTo = w.at - offset;
        let n = breaks;
        for (let j = chunk.indexOf('\n'); j >= 0 && j < upTo; j = chunk.indexOf('\n', j + 1)) n++;
        out[w.i] = lineOf(w.i, n, upTo > 0 ? chunk[upTo - 1] : last);
      }
      if (k >= wanted.length) break;
      for (let j = chunk.indexOf('\n'); j >= 0; j = chunk.indexOf('\n', j + 1)) breaks++;
      offset += chunk.length;
      if (chunk.length) last = chunk[chunk.length - 1];
    }
  } finally {
    stream.destroy();
  }
  for (; k < wanted.length; k++) out[wanted[k].i] = lineOf(wanted[k].i, breaks, last);
  return out;
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
    // The line each element starts on, for messages and the unmatched list.
    const lines = arrayElementLines(text);
    data.forEach((e, i) => addEvent(tally, e as EventLike, lines[i] ?? 1, filePath));
    return tally.result(format ?? 'sendgrid');
  }
  return linksStats(data, filePath, format);
}

/**
 * The line each element of a top-level JSON array starts on. `text` has been parsed already (it
 * is well-formed JSON): this only follows strings and nesting to find where each element begins.
 */
function arrayElementLines(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    if (inString) {
      if (ch === 92) i++; // a backslash escapes the next character (never a line break in JSON)
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 0xfeff) continue;
    if (expecting && depth === 1 && ch !== 93) out.push(line);
    expecting = false;
    if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) expecting = ++depth === 1;
    else if (ch === 93 || ch === 125) depth--;
    else if (ch === 44 && depth === 1) expecting = true;
  }
  return out;
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
    let clicks: number;
    try {
      clicks = count(v, `clicks of ${url}`);
    } catch (err) {
      throw new InputError((err as Error).message, { filePath });
    }
    tally.add(i, url, undefined, clicks, undefined);
  }
  return tally.result(format ?? 'brevo');
}
