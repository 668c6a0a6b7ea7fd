/**
 * `--cache`: results of files whose content, resolved config, plugin versions and inboxlint
 * version are unchanged since the last run are reused instead of linted. One JSON file
 * (`.inboxlintcache` in the working directory, or `--cache-location`): the run's environment
 * (inboxlint version, plugins, options that change results) and, per absolute path, a hash of
 * the file's bytes and of its resolved config with the result. An environment change drops
 * every entry; a bad or foreign cache file is ignored and rewritten.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintResult } from '../engine/types.js';
import type { FileConfig } from '../config/types.js';
import { InboxlintError } from '../errors.js';
import { writeFileAtomic } from '../write.js';

export const DEFAULT_CACHE_FILE = '.inboxlintcache';
const FORMAT = 1;

interface Entry {
  /** sha256 of the file's bytes and its resolved config. */
  key: string;
  result: LintResult;
}

interface CacheFile {
  format: number;
  env: string;
  entries: Record<string, Entry>;
}

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/** The nearest package.json upward from `file` as name@version, or undefined. */
function packageOf(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        const { name, version } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
        if (name && version) return `${name}@${version}`;
      } catch {
        // An unreadable package.json says nothing about the version: go on up.
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** inboxlint's own version (its package.json). */
export function inboxlintVersion(): string {
  return packageOf(fileURLToPath(import.meta.url)) ?? 'inboxlint@unknown';
}

/**
 * What each plugin module is: its package's name@version, plus (for a plugin that is a local
 * file) a hash of the module file itself, so editing a local plugin invalidates too.
 */
export function pluginVersions(plugins: readonly string[], cwd: string): string[] {
  return plugins.map((p) => {
    const file = resolve(cwd, p);
    const pkg = packageOf(file) ?? 'no-package';
    const own = existsSync(file) && statSync(file).isFile() ? sha256(readFileSync(file)) : 'missing';
    return `${file} ${pkg} ${own}`;
  });
}

/** A JS config's own bytes (a plugin object inside it can change while its rules read the same); [] otherwise. */
export function configVersion(configPath: string | undefined): string[] {
  if (!configPath || !/\.(c|m)?js$/.test(configPath) || !existsSync(configPath)) return [];
  return [`${configPath} ${sha256(readFileSync(configPath))}`];
}

export interface CacheEnv {
  inboxlint: string;
  /** Options outside the config that change results. */
  options?: Record<string, unknown>;
}

/** A stable JSON text (object keys sorted) for hashing. */
function stable(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x,
  );
}

export class LintCache {
  readonly file: string;
  private readonly env: string;
  private entries: Record<string, Entry> = {};
  private changed = false;
  hits = 0;
  misses = 0;

  private constructor(file: string, env: CacheEnv) {
    this.file = file;
    this.env = sha256(stable(env));
  }

  /** Opens the cache at `location` (a file, or a directory to hold `.inboxlintcache`). */
  static async open(location: string, env: CacheEnv): Promise<LintCache> {
    let file = location;
    if (existsSync(location) && statSync(location).isDirectory()) file = join(location, DEFAULT_CACHE_FILE);
    const cache = new LintCache(file, env);
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return cache;
    }
    try {
      const data = JSON.parse(text) as CacheFile;
      if (data.format === FORMAT && data.env === cache.env && data.entries && typeof data.entries === 'object') cache.entries = data.entries;
      else cache.changed = true;
    } catch {
      cache.changed = true; // Not ours, or cut short: start afresh and rewrite it.
    }
    return cache;
  }

  /**
   * The key of `bytes` linted with `config` and the code behind it (`versions`: plugins, a JS
   * config); only what changes results counts (the configPath does not).
   */
  static key(bytes: Uint8Array, config: FileConfig, versions: readonly string[] = []): string {
    const { configPath: _where, ...rest } = config;
    return sha256(bytes, stable(rest), versions.join('\n'));
  }

  get(filePath: string, key: string): LintResult | undefined {
    const e = this.entries[filePath];
    if (e && e.key === key) {
      this.hits++;
      return e.result;
    }
    this.misses++;
    return undefined;
  }

  set(filePath: string, key: string, result: LintResult): void {
    this.entries[filePath] = { key, result };
    this.changed = true;
  }

  /** Forgets a file (it could not be read, or now fails to load). */
  delete(filePath: string): void {
    if (filePath in this.entries) {
      delete this.entries[filePath];
      this.changed = true;
    }
  }

  /** Writes the cache atomically when anything changed. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const data: CacheFile = { format: FORMAT, env: this.env, entries: this.entries };
    try {
      await writeFileAtomic(this.file, JSON.stringify(data));
    } catch (err) {
      throw new InboxlintError(`--cache-location: cannot write the cache ${this.file}: ${(err as Error).message}`);
    }
    this.changed = false;
  }
}
