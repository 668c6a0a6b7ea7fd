/**
 * The live link check (`--check-links`): every distinct http(s) URL of the email's links and
 * images, asked over the network once, with these promises:
 * - HEAD first, then GET when HEAD is refused or answers an error (many servers answer HEAD
 *   with 403, 404 or 405 and GET with 200); a GET's body is never read;
 * - redirects followed by hand, at most MAX_REDIRECTS, every hop shown; hops through a known
 *   click-tracking host are marked as tracking redirects;
 * - 401, 403, 429, 999 (LinkedIn) and bot walls (a challenge page) are "could not verify", never
 *   "broken"; 4xx/5xx and DNS failures are broken;
 * - private, loopback, link-local and other non-public addresses are refused after DNS
 *   resolution, on every hop, and the connection goes to the address that was checked (no
 *   rebinding between check and connect), unless `allowPrivate`;
 * - no cookies, a clear User-Agent, 2 requests at a time per host and a minimum interval
 *   between them, 5 s per request and a budget for the whole run;
 * - an on-disk cache of verdicts with a time to live.
 * Nothing here runs unless asked: lint is offline by default.
 */
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { PrivateAddressError, publicAddress, publicLookup } from '../net.js';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageVersion } from '../config/package.js';
import { defaultMjmlCacheDir } from '../input/mjml-cache.js';
import type { LinkVerdict, Hop, LinkStatus } from '../model/presend-facts.js';

export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_BUDGET_MS = 60_000;
export const DEFAULT_TTL_MS = 24 * 3600_000;
export const PER_HOST = 2;
/** Minimum time between two requests to one host starting (a polite rate limit). */
export const MIN_INTERVAL_MS = 250;

export interface LinkCheckOptions {
  /** Allow private, loopback and link-local addresses (tests, intranets). */
  allowPrivate?: boolean;
  timeoutMs?: number;
  /** For the whole run; URLs not reached by then are "could not verify". */
  budgetMs?: number;
  /** Cache folder (null: no cache; undefined: beside the MJML cache). */
  cacheDir?: string | null;
  ttlMs?: number;
}

export const USER_AGENT = `inboxlint/${packageVersion()} (pre-send link check; +https://github.com/inboxlint/inboxlint)`;

/** Hosts of click-tracking redirectors (ESPs and shorteners): shown as such in a chain. */
const TRACKING_HOST = /(^|\.)(list-manage\.com|mailchi\.mp|ct\.sendgrid\.net|sendgrid\.net|mandrillapp\.com|hubspotlinks\.com|hs-sites\.com|klclick\d*\.com|klaviyomail\.com|rs6\.net|createsend\d*\.com|cmail\d+\.com|mailgun\.org|mlsend\.com|sendibt\d\.com|brevo\.com|exct\.net|bit\.ly|t\.co|lnkd\.in|ow\.ly|tinyurl\.com|mkt\.com|mktoweb\.com|trk\.klclick\.com|click\.[^.]+\.[a-z]+|links\.[^.]+\.[a-z]+)$/i;

/** Whether `address` (an IP literal) is private, loopback, link-local or otherwise not public. */
export const isPrivateAddress = (address: string): boolean => !publicAddress(address);

interface Answer {
  status: number;
  location?: string;
  bytes?: number;
  wall: boolean;
}

const STATUS_TEXT = http.STATUS_CODES;

function ask(url: URL, method: 'HEAD' | 'GET', o: Required<Pick<LinkCheckOptions, 'allowPrivate' | 'timeoutMs'>>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !o.allowPrivate && isPrivateAddress(host)) return reject(new PrivateAddressError(`private address ${host}`));
    const req = mod.request(
      url,
      {
        method,
        lookup: publicLookup(o.allowPrivate),
        headers: { 'user-agent': USER_AGENT, accept: '*/*', 'accept-encoding': 'identity' },
        timeout: o.timeoutMs,
        agent: false,
      },
      (res) => {
        const len = Number(res.headers['content-length']);
        const server = String(res.headers.server ?? '');
        // A challenge page in front of the site (Cloudflare and others): the link is not known to be broken.
        const wall = !!res.headers['cf-mitigated'] || (res.statusCode === 503 && /cloudflare|ddos-guard|sucuri/i.test(server));
        resolve({ status: res.statusCode ?? 0, location: res.headers.location, bytes: Number.isFinite(len) ? len : undefined, wall });
        res.destroy();
      },
    );
    const timer = setTimeout(() => req.destroy(new Error('timed out')), o.timeoutMs);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.on('close', () => clearTimeout(timer));
    req.end();
  });
}

function describe(err: unknown): { verdict: LinkVerdict; reason: string } {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof PrivateAddressError) return { verdict: 'refused', reason: `${e.message} refused (--allow-private allows it)` };
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_NONAME') return { verdict: 'broken', reason: 'host not found (DNS)' };
  if (e.code === 'ECONNREFUSED') return { verdict: 'broken', reason: 'connection refused' };
  if (e.code === 'EAI_AGAIN') return { verdict: 'unverified', reason: 'DNS did not answer' };
  if (/timed out/.test(e.message ?? '')) return { verdict: 'unverified', reason: 'timed out' };
  if (/certificate|CERT|SSL|TLS/i.test(`${e.code} ${e.message}`)) return { verdict: 'broken', reason: `TLS error: ${e.code ?? e.message}` };
  return { verdict: 'unverified', reason: e.code ?? e.message ?? String(err) };
}

const UNVERIFIABLE = new Set([401, 403, 429, 999]);

/** Verdict of one answer that is not a redirect. */
function judge(a: Answer): { verdict: LinkVerdict; reason: string } {
  const text = `${a.status}${STATUS_TEXT[a.status] ? ` ${STATUS_TEXT[a.status]}` : ''}`;
  if (a.status >= 200 && a.status < 300) return { verdict: 'ok', reason: text };
  if (UNVERIFIABLE.has(a.status) || a.wall) return { verdict: 'unverified', reason: `${text} (the site refuses automated checks)` };
  if (a.status >= 400) return { verdict: 'broken', reason: text };
  return { verdict: 'unverified', reason: text };
}

/** Per-host gate: at most PER_HOST requests at once, MIN_INTERVAL_MS between starts. */
class HostGate {
  private running = 0;
  private last = 0;
  private queue: Array<() => void> = [];
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= PER_HOST) await new Promise<void>((r) => this.queue.push(r));
    this.running++;
    const wait = this.last + MIN_INTERVAL_MS - Date.now();
    this.last = Math.max(Date.now(), this.last + MIN_INTERVAL_MS);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    try {
      return await fn();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }
}

interface CacheFile {
  [url: string]: { at: number; status: Omit<LinkStatus, 'cached'> };
}

/** Where verdicts are kept between runs (beside the MJML cache), or null. */
export function linkCacheDir(): string | null {
  const mjml = defaultMjmlCacheDir();
  return mjml ? join(dirname(mjml), 'links') : null;
}

function readCache(file: string | null): CacheFile {
  if (!file) return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as CacheFile) : {};
  } catch {
    return {}; // absent or damaged: start afresh (rewritten below)
  }
}

function writeCache(file: string | null, data: CacheFile): void {
  if (!file) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written costs time next run, nothing else.
  }
}

/** Checks each URL once (duplicates share one check); the map's keys are the given URLs. */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions = {}): Promise<Map<string, LinkStatus>> {
  const o = { allowPrivate: !!options.allowPrivate, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const ttl = options.ttlMs ?? DEFAULT_TTL_MS;
  const deadline = Date.now() + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  const dir = options.cacheDir === undefined ? linkCacheDir() : options.cacheDir;
  const cacheFile = dir ? join(dir, 'links.json') : null;
  const cache = readCache(cacheFile);
  const gates = new Map<string, HostGate>();
  const gate = (u: URL) => {
    let g = gates.get(u.host);
    if (!g) gates.set(u.host, (g = new HostGate()));
    return g;
  };
  const out = new Map<string, LinkStatus>();
  const distinct = [...new Set(urls)];

  const one = async (url: string): Promise<LinkStatus> => {
    // Verdicts reached with --allow-private are kept apart: they never answer a run without it.
    const key = o.allowPrivate ? `private:${url}` : url;
    const hit = cache[key];
    if (hit && Date.now() - hit.at < ttl) return { ...hit.status, cached: true };
    const chain: Hop[] = [];
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return { url, verdict: 'broken', reason: 'not a valid URL', chain };
    }
    for (let hop = 0; ; hop++) {
      if (Date.now() > deadline) return { url, verdict: 'unverified', reason: 'the run’s time budget for link checks ran out', chain };
      let a: Answer;
      try {
        a = await gate(current).run(() => ask(current, 'HEAD', o));
        if (a.status >= 400 || a.status === 0) a = await gate(current).run(() => ask(current, 'GET', o));
      } catch (err) {
        return { url, ...describe(err), chain };
      }
      if (a.status >= 300 && a.status < 400 && a.location) {
        if (hop >= MAX_REDIRECTS) return { url, verdict: 'broken', status: a.status, reason: `more than ${MAX_REDIRECTS} redirects`, chain };
        let next: URL;
        try {
          next = new URL(a.location, current);
        } catch {
          return { url, verdict: 'broken', status: a.status, reason: `redirect to an invalid URL (${a.location})`, chain };
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return { url, verdict: 'unverified', status: a.status, reason: `redirects to ${next.protocol} (not checked)`, chain };
        chain.push({ url: next.href, status: a.status, ...(TRACKING_HOST.test(current.hostname) ? { tracking: true } : {}) });
        current = next;
        continue;
      }
      return { url, ...judge(a), status: a.status, chain, ...(a.bytes !== undefined ? { bytes: a.bytes } : {}) };
    }
  };

  await Promise.all(
    distinct.map(async (url) => {
      const s = await one(url);
      out.set(url, s);
      // A refusal depends on --allow-private and a spent budget on the run: neither is kept.
      if (!s.cached && s.verdict !== 'refused' && !/budget/.test(s.reason)) cache[o.allowPrivate ? `private:${url}` : url] = { at: Date.now(), status: s };
    }),
  );
  writeCache(cacheFile, cache);
  return out;
}
