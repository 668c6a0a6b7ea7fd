/**
 * Compile cache for MJML, keyed by content: sha256 of the source, the mjml version, the
 * compile flavour (real or marked) and the contents of every file it includes (so editing a
 * partial invalidates the templates that include it). An `MjmlCache` holds a memory cache and,
 * optionally, a disk folder; a Session owns one, callers without a session share a default one.
 * Because the key is the content, an entry can never be stale, whatever the configuration.
 *
 * The disk folder, unless `INBOXLINT_CACHE_DIR` names one (`INBOXLINT_CACHE=0` turns the disk
 * cache off), is found from where inboxlint is installed, never from the working directory:
 * `<node_modules>/.cache/inboxlint/mjml` for the node_modules that holds the installed package
 * (or the checkout's own node_modules), the find-cache-dir convention of babel-loader, ava and
 * nyc, so `rm -rf node_modules` clears it and CI caches of node_modules keep it; without a
 * node_modules, `$XDG_CACHE_HOME/inboxlint/mjml` (default `~/.cache/inboxlint/mjml`).
 * A corrupt or unwritable disk cache is ignored: the cache only ever saves time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CachedCompile {
  html: string;
  errors: Array<{ line: number; message: string; tagName: string; formattedMessage: string }>;
}

const MEMORY_LIMIT = 256;

/**
 * inboxlint's cache folder found from the package's own location (see the file comment):
 * `INBOXLINT_CACHE_DIR`, else `<node_modules>/.cache/inboxlint`, else `$XDG_CACHE_HOME/inboxlint`.
 * The MJML cache and the unpacked registry browser (src/render/bundled.ts) live in it.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, from: string = dirname(fileURLToPath(import.meta.url))): string {
  if (env.INBOXLINT_CACHE_DIR) return resolve(env.INBOXLINT_CACHE_DIR);
  let root: string | undefined;
  for (let dir = from; ; dir = dirname(dir)) {
    if (basename(dir) === 'node_modules') return join(dir, '.cache', 'inboxlint');
    if (!root && existsSync(join(dir, 'package.json'))) root = dir;
    if (dirname(dir) === dir) break;
  }
  if (root && existsSync(join(root, 'node_modules'))) return join(root, 'node_modules', '.cache', 'inboxlint');
  const xdg = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(xdg, 'inboxlint');
}

/** The MJML cache folder (`mjml` in the cache folder), or null when off (`INBOXLINT_CACHE=0`). */
export function defaultMjmlCacheDir(env: NodeJS.ProcessEnv = process.env, from?: string): string | null {
  return env.INBOXLINT_CACHE === '0' ? null : join(cacheRoot(env, from), 'mjml');
}

export function cacheKey(parts: readonly string[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(String(p.length));
    h.update(':');
    h.update(p);
  }
  return h.digest('hex');
}

export class MjmlCache {
  readonly stats = { hits: 0, diskHits: 0, misses: 0 };
  private memory = new Map<string, CachedCompile>();
  private diskDir: string | null | undefined;

  /** `dir`: the disk folder (null: memory only; undefined: the default folder). */
  constructor(dir?: string | null) {
    this.setDir(dir);
  }

  /** Where the disk cache lives, or null when it is off. */
  get dir(): string | null {
    if (this.diskDir === undefined) this.diskDir = defaultMjmlCacheDir();
    return this.diskDir;
  }

  setDir(dir: string | null | undefined): void {
    this.diskDir = dir === undefined ? undefined : dir === null ? null : resolve(dir);
  }

  get(key: string): CachedCompile | undefined {
    const m = this.memory.get(key);
    if (m) {
      this.stats.hits++;
      return m;
    }
    const dir = this.dir;
    if (dir) {
      try {
        const file = join(dir, `${key}.json`);
        // A regular file only: a pipe or a device (or a link to one) would block or never end.
        if (!statSync(file).isFile()) throw new Error('not a file');
        const v = JSON.parse(readFileSync(file, 'utf8')) as CachedCompile;
        if (typeof v.html === 'string' && Array.isArray(v.errors)) {
          this.remember(key, v);
          this.stats.diskHits++;
          return v;
        }
      } catch {
        // absent or unreadable: compile
      }
    }
    this.stats.misses++;
    return undefined;
  }

  put(key: string, value: CachedCompile): void {
    this.remember(key, value);
    const dir = this.dir;
    if (!dir) return;
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `${key}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      writeFileSync(tmp, JSON.stringify(value), { flag: 'wx' }); // a new file, never through a link

      renameSync(tmp, join(dir, `${key}.json`));
    } catch {
      // read-only tree: memory cache only
    }
  }

  clearMemory(): void {
    this.memory.clear();
  }

  private remember(key: string, value: CachedCompile): void {
    if (this.memory.size >= MEMORY_LIMIT) this.memory.delete(this.memory.keys().next().value!);
    this.memory.set(key, value);
  }
}

/** The cache used when no session passes its own. */
export const defaultMjmlCache = new MjmlCache();
/** Counters of the default cache. */
export const stats = defaultMjmlCache.stats;

/** Location of the default cache's disk folder, or null when it is off. */
export function mjmlCacheDir(): string | null {
  return defaultMjmlCache.dir;
}

/** Sets the default cache's disk folder (null: memory only; undefined: back to the default). */
export function setMjmlCacheDir(dir: string | null | undefined): void {
  defaultMjmlCache.setDir(dir);
}

export function clearMemoryCache(): void {
  defaultMjmlCache.clearMemory();
}
