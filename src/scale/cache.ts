/**
 * `--cache`: results of files whose content, resolved config, plugin versions and inboxlint
 * version are unchanged since the last run are reused instead of linted. One JSON file
 * (`.inboxlintcache` in the working directory, or `--cache-location`): the run's environment
 * (inboxlint version and build, plugins, options that change results) and, per absolute path,
 * a hash of the file's bytes and of its resolved config with the result. An environment change
 * drops every entry; a bad or foreign cache file is ignored and rewritten.
 *
 * The cache file may come from anyone (a pull request can commit one), so nothing in it is
 * trusted as it is: each entry is checked (a well-formed result for that path, its counts
 * agreeing with its messages) and signed with HMAC-SHA256 under a key that never lives in the
 * working folder (`$XDG_CACHE_HOME/inboxlint/cache-key`, default `~/.cache/inboxlint`, made on
 * first use). An entry that fails a check, or whose signature does not match its path, key
 * and result, is ignored and rewritten: a forged or stale entry cannot turn a failing file green.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countResult, type LintMessage, type LintResult } from '../engine/types.js';
import type { FileConfig } from '../config/types.js';
import { InboxlintError } from '../errors.js';
import { writeFileAtomic } from '../write.js';

export const DEFAULT_CACHE_FILE = '.inboxlintcache';
const FORMAT = 2;

interface Entry {
  /** sha256 of the file's bytes and its resolved config. */
  key: string;
  result: LintResult;
}

/** An entry as stored: signed with HMAC-SHA256 of its path, key and result under the user's cache key. */
interface SignedEntry extends Entry {
  mac: string;
}

interface CacheFile {
  format: number;
  env: string;
  entries: Record<string, SignedEntry>;
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

/** inboxlint's own version (its package.json) and build: a hash of its compiled code, so a rule changed without a new version counts. */
export function inboxlintVersion(): string {
  const here = fileURLToPath(import.meta.url);
  return `${packageOf(here) ?? 'inboxlint@unknown'} ${buildHash(join(dirname(here), '..', '..'))}`;
}

/** sha256 of the .js files under `dist` (their paths and bytes). */
function buildHash(dist: string): string {
  try {
    const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).sort();
    const h = createHash('sha256');
    for (const f of files) h.update(f).update('\0').update(readFileSync(join(dist, f))).update('\0');
    return h.digest('hex').slice(0, 16);
  } catch {
    return 'unknown-build';
  }
}

/**
 * The key entries are signed with: `INBOXLINT_CACHE_KEY` (a CI secret, at least 16 characters),
 * else one kept outside any working folder (`$XDG_CACHE_HOME/inboxlint/cache-key`, default
 * `~/.cache/inboxlint/cache-key`), made on first use. Where it cannot be kept, a key for this
 * run only (the cache then never answers).
 */
function signingKey(): Buffer {
  const given = process.env.INBOXLINT_CACHE_KEY;
  if (given && given.length >= 16) return Buffer.from(given, 'utf8');
  const dir = join(process.env.XDG_CACHE_HOME || join(process.env.HOME || homedir(), '.cache'), 'inboxlint');
  const file = join(dir, 'cache-key');
  const stored = (): Buffer | undefined => {
    const st = statSync(file, { throwIfNoEntry: false });
    const key = st?.isFile() ? readFileSync(file) : undefined;
    return key && key.length >= 32 ? key : undefined;
  };
  try {
    const key = stored();
    if (key) return key;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const made = randomBytes(32);
    writeFileSync(file, made, { mode: 0o600, flag: 'wx' }); // a new file: never through a link or into a pipe
    return made;
  } catch {
    // Made by another run meanwhile, or not writable.
    try {
      return stored() ?? randomBytes(32);
    } catch {
      return randomBytes(32);
    }
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isRange = (v: unknown) => isObject(v) && isCount(v.start) && isCount(v.end) && v.end >= v.start;

/** A message as the engine makes it. */
function isMessage(m: unknown): m is LintMessage {
  return (
    isObject(m) &&
    (m.ruleId === null || typeof m.ruleId === 'string') &&
    (m.severity === 1 || m.severity === 2) &&
    typeof m.message === 'string' &&
    [m.line, m.column, m.endLine, m.endColumn].every(isCount) &&
    isRange(m.range) &&
    (m.fatal === undefined || typeof m.fatal === 'boolean') &&
    (m.suggestions === undefined || Array.isArray(m.suggestions)) &&
    (m.fix === undefined || (isObject(m.fix) && isRange(m.fix.range) && typeof m.fix.text === 'string'))
  );
}

/** True when `r` is a well-formed result for `filePath` whose counts agree with its messages. */
function isResultFor(r: unknown, filePath: string): r is LintResult {
  if (!isObject(r) || r.filePath !== filePath || !Array.isArray(r.messages) || !Array.isArray(r.suppressedMessages)) return false;
  if (!r.messages.every(isMessage) || !r.suppressedMessages.every(isMessage)) return false;
  const want = countResult(filePath, [...r.messages]);
  return (['errorCount', 'warningCount', 'fatalErrorCount', 'fixableErrorCount', 'fixableWarningCount'] as const).every((k) => r[k] === want[k]);
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
  private readonly secret = signingKey();
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
      // A named pipe or a device would block the read or never end: such a cache starts empty.
      if (!statSync(file).isFile()) return cache;
      text = await readFile(file, 'utf8');
    } catch {
      return cache;
    }
    try {
      const data = JSON.parse(text) as CacheFile;
      if (isObject(data) && data.format === FORMAT && data.env === cache.env && isObject(data.entries)) {
        // Each entry on its own: a bad one is dropped (and the file rewritten), the others kept.
        for (const [path, e] of Object.entries(data.entries)) {
          if (cache.trusted(path, e)) cache.entries[path] = { key: e.key, result: e.result };
          else cache.changed = true;
        }
      } else cache.changed = true;
    } catch {
      cache.changed = true; // Not ours, or cut short: start afresh and rewrite it.
    }
    return cache;
  }

  private mac(filePath: string, key: string, result: LintResult): string {
    return createHmac('sha256', this.secret).update(filePath).update('\0').update(key).update('\0').update(JSON.stringify(result)).digest('hex');
  }

  /** A well-formed entry for `filePath`, signed with this user's key. */
  private trusted(filePath: string, e: unknown): e is SignedEntry {
    if (!isObject(e) || typeof e.key !== 'string' || typeof e.mac !== 'string' || !isResultFor(e.result, filePath)) return false;
    const want = Buffer.from(this.mac(filePath, e.key, e.result), 'hex');
    const got = Buffer.from(e.mac, 'hex');
    return got.length === want.length && timingSafeEqual(got, want);
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
    const entries: Record<string, SignedEntry> = {};
    for (const [path, e] of Object.entries(this.entries)) entries[path] = { ...e, mac: this.mac(path, e.key, e.result) };
    const data: CacheFile = { format: FORMAT, env: this.env, entries };
    try {
      await writeFileAtomic(this.file, JSON.stringify(data));
    } catch (err) {
      throw new InboxlintError(`--cache-location: cannot write the cache ${this.file}: ${(err as Error).message}`);
    }
    this.changed = false;
  }
}
