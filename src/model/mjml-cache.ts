/**
 * Compile cache for MJML, keyed by content: sha256 of the source, the mjml version, the
 * compile flavour (real or marked) and the contents of every file it includes (so editing a
 * partial invalidates the templates that include it). Always in memory; also on disk in
 * `node_modules/.cache/inboxlint/mjml` (when the working directory has a node_modules) or in
 * `INBOXLINT_CACHE_DIR`. `INBOXLINT_CACHE=0` turns the disk cache off.
 * A corrupt or unwritable disk cache is ignored: the cache only ever saves time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CachedCompile {
  html: string;
  errors: Array<{ line: number; message: string; tagName: string; formattedMessage: string }>;
}

const memory = new Map<string, CachedCompile>();
const MEMORY_LIMIT = 256;

let diskDir: string | null | undefined;

/** Where the disk cache lives, or null when it is off. */
export function mjmlCacheDir(): string | null {
  if (diskDir !== undefined) return diskDir;
  if (process.env.INBOXLINT_CACHE === '0') return (diskDir = null);
  if (process.env.INBOXLINT_CACHE_DIR) return (diskDir = resolve(process.env.INBOXLINT_CACHE_DIR, 'mjml'));
  const nm = resolve('node_modules');
  diskDir = existsSync(nm) ? join(nm, '.cache', 'inboxlint', 'mjml') : null;
  return diskDir;
}

/** Sets the disk cache folder (null: memory only; undefined: back to the default). */
export function setMjmlCacheDir(dir: string | null | undefined): void {
  diskDir = dir === undefined ? undefined : dir === null ? null : resolve(dir);
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

export const stats = { hits: 0, diskHits: 0, misses: 0 };

export function getCached(key: string): CachedCompile | undefined {
  const m = memory.get(key);
  if (m) {
    stats.hits++;
    return m;
  }
  const dir = mjmlCacheDir();
  if (dir) {
    try {
      const v = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as CachedCompile;
      if (typeof v.html === 'string' && Array.isArray(v.errors)) {
        remember(key, v);
        stats.diskHits++;
        return v;
      }
    } catch {
      // absent or unreadable: compile
    }
  }
  stats.misses++;
  return undefined;
}

export function putCached(key: string, value: CachedCompile): void {
  remember(key, value);
  const dir = mjmlCacheDir();
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${key}.${process.pid}.tmp`);
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    // read-only tree: memory cache only
  }
}

export function clearMemoryCache(): void {
  memory.clear();
}

function remember(key: string, value: CachedCompile): void {
  if (memory.size >= MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
  memory.set(key, value);
}
