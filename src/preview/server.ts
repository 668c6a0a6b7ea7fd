/**
 * `inboxlint preview`: a loopback HTTP server for one template.
 *
 *   GET /                      the page (no template text in it: the page script fetches the state)
 *   GET /assets/app.css       the page's styles
 *   GET /assets/preview/app.js the page's script (app.ts as the build emitted it) and the one module it
 *       /assets/render/collect.js  imports (the render's in-page measuring function)
 *   GET /api/state             {version, error, snapshot} as JSON (see snapshot.ts)
 *   GET /events                server-sent events: `update` (with the new state, or only its version when
 *                              large) after every re-analysis; a client that does not read gets only the latest
 *   GET /frame/mobile|desktop  the email for a view (?scheme=light|dark&images=on|off)
 *   GET /files/<path>          files under the template's folder (its images); nothing else
 *   POST /api/measured         the boxes the page measured in its views (same origin only): the
 *                              template is linted again on that geometry, so every verdict the
 *                              page shows is about what its views show
 *
 * Only GET/HEAD; only the Host names of the loopback address (no DNS rebinding); every response
 * carries a Content-Security-Policy (the page: scripts and styles from itself only; the email:
 * no scripts at all) and `nosniff`. The watcher (chokidar) watches the folders of the template,
 * its `mj-include`s and its config, so temp-file-then-rename and truncate-then-write saves are
 * seen; changes are debounced and analyses run one at a time, the last one winning. A bad save
 * becomes `error` in the state and the last good snapshot stays on screen.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realpath, stat, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { FSWatcher } from 'chokidar';
import { Session } from '../session.js';
import { insideFolder } from '../paths.js';
import { analyzeFile, type Analysis, type AnalyzeOptions, type Snapshot, type SnapshotError } from '../snapshot.js';
import { frameHtml, type Scheme } from './frame.js';
import { pageHtml, APP_CSS } from './page.js';
import { toBoxes } from '../render/load.js';
import { packageRoot } from '../config/package.js';
import type { MeasuredGeometry } from '../model/geometry.js';
import type { EmailDocument } from '../model/document.js';
import { ctaClickNotes } from '../results/click-map.js';

/** The page's script modules, by URL path: the build's output of src/preview/app.ts and what it imports. */
const SCRIPTS: Record<string, string> = {
  '/assets/preview/app.js': 'preview/app.js',
  '/assets/render/collect.js': 'render/collect.js',
};
const scriptCache = new Map<string, Promise<string>>();

/** A script module of the page: read from the build (dist/src, also when run from the TypeScript sources), once. */
function pageScript(rel: string): Promise<string> {
  let p = scriptCache.get(rel);
  if (!p) {
    p = readFile(join(packageRoot(), 'dist', 'src', rel), 'utf8').then((js) => js.replace(/\n\/\/# sourceMappingURL=[^\n]*\n*$/, '\n'));
    scriptCache.set(rel, p);
    p.catch(() => scriptCache.delete(rel));
  }
  return p;
}

/** The largest measured-boxes body accepted (a box is five numbers per element). */
const MAX_MEASURED_BYTES = 16 * 1024 * 1024;

const isRows = (v: unknown): v is number[][] => Array.isArray(v) && v.every((r) => Array.isArray(r) && r.length === 5 && r.every((n) => typeof n === 'number' && Number.isFinite(n)));
const isSize = (v: unknown): v is number[] => Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

/** The page's measured boxes as geometry for the model, or undefined when the body is not that shape. */
function parseMeasured(text: string): { geometry: MeasuredGeometry; docVersion: number; key: { scheme: string; images: string } } | undefined {
  let b: { docVersion?: unknown; scheme?: unknown; images?: unknown; viewports?: Record<string, unknown>; pages?: Record<string, unknown> };
  try {
    b = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!b || typeof b.docVersion !== 'number' || (b.scheme !== 'light' && b.scheme !== 'dark') || (b.images !== 'on' && b.images !== 'off')) return undefined;
  const geometry: MeasuredGeometry = { viewports: {}, pages: {} };
  for (const vp of ['mobile', 'desktop'] as const) {
    const rows = b.viewports?.[vp];
    const size = b.pages?.[vp];
    if (!isRows(rows) || !isSize(size)) return undefined;
    geometry.viewports[vp] = toBoxes(rows);
    geometry.pages![vp] = { scrollWidth: size[0], scrollHeight: size[1] };
  }
  return { geometry, docVersion: b.docVersion, key: { scheme: b.scheme, images: b.images } };
}

export interface PreviewOptions extends AnalyzeOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Debounce of file events in ms (default 40). */
  debounce?: number;
  /** Called after every analysis (tests, logging). */
  onUpdate?: (state: PreviewState) => void;
  /**
   * The "open in editor" link of each finding: `{file}` (the absolute path, `/`-separated, with a
   * leading `/`), `{line}`, `{column}` are filled in (default `vscode://file{file}:{line}:{column}`).
   */
  editorUrl?: string;
  /** Clicks per utm_content (`preview --clicks`): each CTA's share of clicks on its box and in the CTA list (the click map). */
  clicks?: ReadonlyMap<string, number>;
}

const DEFAULT_EDITOR_URL = 'vscode://file{file}:{line}:{column}';

export interface PreviewState {
  version: number;
  /** Bumped when the template (or its config) changed: the views load it again. */
  docVersion: number;
  /** The views the verdicts were measured in (`{scheme, images}`), or null: estimated from the markup. */
  measured: { scheme: string; images: string } | null;
  editorUrl: string;
  snapshot: Snapshot | null;
  error: SnapshotError | null;
  updatedAt: string;
}

export interface PreviewServer {
  url: string;
  port: number;
  state(): PreviewState;
  /** Re-analyses now (the watcher calls it). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** The email: its own inline styles and images (remote ones too, as a mail client shows them), never a script, a form or a plugin. */
const FRAME_CSP =
  "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https: http:; font-src 'self' data: https:; " +
  "media-src 'self' data: https:; base-uri 'self'; form-action 'none'; frame-ancestors 'self'";
/** A file of the template's folder: data, never a document that runs anything. */
const FILE_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.css': 'text/css; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.html': 'text/plain; charset=utf-8',
  '.mjml': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, csp = PAGE_CSP, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** An `update` event carries the state itself up to this size (saving the page a request); a larger state only its version, and the page fetches /api/state. */
const INLINE_STATE_MAX = 64 * 1024;

/** The `update` event for a state (one line: JSON.stringify escapes newlines). */
function updateEvent(s: PreviewState): string {
  const full = JSON.stringify(s);
  return `event: update\ndata: ${full.length <= INLINE_STATE_MAX ? full : JSON.stringify({ version: s.version })}\n\n`;
}

const refuse = (res: ServerResponse, status: number, why: string) => send(res, status, `${why}\n`, 'text/plain; charset=utf-8');

/**
 * The file under `root` that a `/files/…` path names, or an HTTP status: 400 for a malformed
 * path, 403 for `..`, NUL or a symlink leading out of `root`, 404 for no such regular file.
 */
export async function resolveServedFile(root: string, urlPath: string): Promise<string | number> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return 400;
  }
  if (rel.includes('\0') || rel.includes('\\')) return 403;
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return 403;
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, ...parts);
  if (candidate !== realRoot && !insideFolder(realRoot, candidate)) return 403;
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return 404;
  }
  if (real !== realRoot && !insideFolder(realRoot, real)) return 403;
  try {
    if (!(await stat(real)).isFile()) return 404;
  } catch {
    return 404;
  }
  return real;
}

/** Starts the preview of `file`. Resolves once the server listens and the first analysis is done. */
export async function startPreview(file: string, options: PreviewOptions = {}): Promise<PreviewServer> {
  const filePath = resolve(file);
  const root = dirname(filePath);
  const { port: wantPort = 0, debounce = 40, onUpdate, session: lent, editorUrl = DEFAULT_EDITOR_URL, clicks, ...sessionOptions } = options;
  // One session for the server's life: its config is re-read whenever a config file changes.
  const session = lent ?? new Session(sessionOptions);
  const analyzeOptions = { session };
  let version = 0;
  let docVersion = 0;
  let measuredIn: PreviewState['measured'] = null;
  /** Geometry the page measured, waiting for the next analysis. */
  let pendingMeasure: { geometry: MeasuredGeometry; docVersion: number; key: { scheme: string; images: string } } | undefined;
  let last: Analysis = { dependencies: [filePath] };
  let good: Analysis | undefined;
  let updatedAt = new Date().toISOString();
  // Event-stream clients; `busy`: the socket has not taken the last event yet (it gets only the latest once it has).
  const clients = new Map<ServerResponse, { busy: boolean; behind: boolean }>();

  const state = (): PreviewState => ({
    version,
    docVersion,
    measured: measuredIn,
    editorUrl,
    snapshot: good?.snapshot ?? null,
    error: last.error ?? null,
    updatedAt,
  });

  // — analysis, one at a time; a change during a run asks for one more run.
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  let watcher: FSWatcher | undefined;
  const analyse = async (): Promise<void> => {
    let a: Analysis;
    const m = pendingMeasure;
    pendingMeasure = undefined;
    let applied = false;
    // The page's boxes apply only to the text its views show (offsets name its elements).
    const shown = good?.doc?.text;
    const prepare =
      m && m.docVersion === docVersion
        ? async (doc: EmailDocument) => {
            applied = doc.text === shown;
            return applied ? doc.withFacts({ measured: m.geometry }) : doc;
          }
        : undefined;
    try {
      a = await analyzeFile(filePath, { ...analyzeOptions, prepare });
    } catch (err) {
      // Not an input problem but still not a reason to stop serving.
      a = { error: { message: `internal error: ${(err as Error)?.message ?? String(err)}`, filePath }, dependencies: last.dependencies };
    }
    last = a;
    if (a.snapshot && a.doc && clicks) {
      const notes = ctaClickNotes(a.doc, clicks);
      for (const c of a.snapshot.ctas) if (notes.has(c.n)) c.clicks = notes.get(c.n);
    }
    if (a.snapshot) {
      if (!applied) docVersion++;
      measuredIn = applied ? m!.key : null;
      good = a;
    }
    version++;
    updatedAt = new Date().toISOString();
    await watch(a.dependencies);
    const s = state();
    const event = updateEvent(s);
    for (const c of clients.keys()) push(c, event);
    onUpdate?.(s);
  };
  // Backpressure: a client that does not read holds at most one event in memory. While its
  // socket has not taken the last one, later updates are not queued; once it drains, it gets
  // the latest state.
  const push = (c: ServerResponse, event: string): void => {
    const entry = clients.get(c);
    if (!entry) return;
    if (entry.busy) {
      entry.behind = true;
      return;
    }
    try {
      if (c.write(event)) return;
    } catch {
      clients.delete(c);
      return;
    }
    entry.busy = true;
    c.once('drain', () => {
      entry.busy = false;
      if (!entry.behind) return;
      entry.behind = false;
      push(c, updateEvent(state()));
    });
  };
  const refresh = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await analyse();
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  // — watching: the folders of the dependencies (a file replaced by a rename is a new inode).
  let deps = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const onEvent = (path: string) => {
    if (!deps.has(resolve(path))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), debounce);
  };
  const watch = async (files: string[]) => {
    if (closed) return;
    deps = new Set(files.map((f) => resolve(f)));
    const dirs = [...new Set([...deps].map((f) => dirname(f)))];
    if (!watcher) {
      // Before the watcher starts: it asks `ignored` about the folders themselves first.
      for (const d of dirs) dirsWatched.add(d);
      const { watch: chokidarWatch } = await import('chokidar');
      watcher = chokidarWatch(dirs, {
        ignoreInitial: true,
        depth: 0,
        atomic: true,
        ignored: (p: string) => {
          const abs = resolve(p);
          return !(deps.has(abs) || dirsWatched.has(abs));
        },
      });
      watcher.on('all', (_event, path) => onEvent(path));
      watcher.on('error', () => undefined);
      await new Promise<void>((ok) => watcher!.once('ready', () => ok()));
    } else {
      const fresh = dirs.filter((d) => !dirsWatched.has(d));
      for (const d of fresh) dirsWatched.add(d);
      if (fresh.length) watcher.add(fresh);
    }
  };
  const dirsWatched = new Set<string>();

  // — HTTP
  const allowedHosts = (port: number) => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  let hosts = new Set<string>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const post = req.method === 'POST' && req.url === '/api/measured';
    if (req.method !== 'GET' && req.method !== 'HEAD' && !post) return refuse(res, 405, 'method not allowed');
    if (!hosts.has((req.headers.host ?? '').toLowerCase())) return refuse(res, 403, 'unexpected Host header');
    if (post) return measuredPost(req, res);
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    if (path === '/' || path === '/index.html') return send(res, 200, pageHtml(basename(filePath)), 'text/html; charset=utf-8');
    if (SCRIPTS[path]) return send(res, 200, await pageScript(SCRIPTS[path]), 'text/javascript; charset=utf-8');
    if (path === '/assets/app.css') return send(res, 200, APP_CSS, 'text/css; charset=utf-8');
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'Content-Security-Policy': PAGE_CSP });
      return void res.end();
    }
    if (path === '/api/state') return send(res, 200, JSON.stringify(state()), 'application/json; charset=utf-8');
    if (path === '/events') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': PAGE_CSP,
      });
      res.write(`retry: 500\nevent: hello\ndata: ${JSON.stringify({ version })}\n\n`);
      clients.set(res, { busy: false, behind: false });
      req.on('close', () => clients.delete(res));
      return;
    }
    const frame = /^\/frame\/(mobile|desktop)$/.exec(path);
    if (frame) {
      const doc = good?.doc;
      if (!doc) return send(res, 200, '<!doctype html><title>no render</title>', 'text/html; charset=utf-8', FRAME_CSP);
      const scheme: Scheme = query.get('scheme') === 'dark' ? 'dark' : 'light';
      const images = query.get('images') === 'off' ? 'off' : 'on';
      return send(res, 200, frameHtml(doc, { scheme, images, base: '/files/', viewport: frame[1] as 'mobile' | 'desktop' }), 'text/html; charset=utf-8', FRAME_CSP);
    }
    if (path.startsWith('/files/')) {
      const got = await resolveServedFile(root, path.slice('/files/'.length));
      if (typeof got === 'number') return refuse(res, got, got === 404 ? 'not found' : 'refused');
      const type = TYPES[extname(got).toLowerCase()] ?? 'application/octet-stream';
      return send(res, 200, await readFile(got), type, FILE_CSP);
    }
    // Anything else, raw `..` paths included, is not ours to serve.
    return refuse(res, path.includes('..') || /%2e/i.test(path) ? 403 : 404, path.includes('..') || /%2e/i.test(path) ? 'refused' : 'not found');
  };

  /** The page's measured boxes: same origin, JSON, bounded; then one more analysis on them. */
  const measuredPost = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const origin = (req.headers.origin ?? '').toLowerCase();
    if (![...hosts].some((h) => origin === `http://${h}`)) return refuse(res, 403, 'cross-origin request refused');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return refuse(res, 415, 'expected application/json');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_MEASURED_BYTES) return refuse(res, 413, 'too large');
      chunks.push(c as Buffer);
    }
    const body = parseMeasured(Buffer.concat(chunks).toString('utf8'));
    if (!body) return refuse(res, 400, 'expected {docVersion, scheme, images, viewports: {mobile, desktop}, pages}');
    if (body.docVersion !== docVersion) return refuse(res, 409, 'the template changed since');
    pendingMeasure = body;
    send(res, 202, '{}', 'application/json; charset=utf-8');
    void refresh();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) refuse(res, 500, `internal error: ${(err as Error).message}`);
      else res.end();
    });
  });
  // Idle keep-alive sockets must not hold the process open at shutdown.
  server.keepAliveTimeout = 2000;

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    await watcher?.close();
    for (const c of clients.keys()) c.end();
    clients.clear();
    if (server.listening) {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
    }
    await running?.catch(() => undefined);
    if (!lent) await session.close();
  };

  try {
    await refresh();
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(wantPort, '127.0.0.1', () => {
        server.off('error', fail);
        ok();
      });
    });
  } catch (err) {
    // A port in use or not permitted: nothing may stay open (the watcher, the browser), so the command ends.
    await close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);

  return { url: `http://127.0.0.1:${port}/`, port, state, refresh, close };
}
