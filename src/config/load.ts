/**
 * Reads and validates configuration files. Everything is checked at load time (shape, rule ids,
 * rule options through the engine's resolveOptions) so a bad config fails before any linting,
 * with a message naming the file, the key path and the expected value.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleSetting } from '../engine/linter.js';
import { resolveOptions } from '../engine/options.js';
import { ConfigError } from '../errors.js';
import { PRESET_NAMES, presetRules } from './presets.js';
import { parseJson } from './json.js';
import { resolveClients } from '../model/clients.js';
import { registerPlugins, type RuleRegistry } from './plugins.js';
import { loadTimeoutWords, withinTime } from '../time-limit.js';

export const CONFIG_FILE_NAMES = ['inboxlint.config.js', 'inboxlint.config.mjs', 'inboxlint.config.json'] as const;

/** A rule setting whose options may be left to inherit (severity-only entries keep inherited options). */
export type PartialRuleSetting = RuleSetting;

export interface NormalizedOverride {
  baseDir: string;
  files: string[];
  excludedFiles: string[];
  rules: Record<string, PartialRuleSetting>;
  subject?: string | null;
  preheader?: string | null;
  mailType?: 'marketing' | 'transactional';
  clients?: string[];
}

/** A config with its `extends` chain merged in. `undefined` fields mean "not set". */
export interface NormalizedConfig {
  /** Absolute path of the file, when it came from one. */
  path?: string;
  baseDir: string;
  rules: Record<string, PartialRuleSetting>;
  overrides: NormalizedOverride[];
  subject?: string | null;
  preheader?: string | null;
  mailType?: 'marketing' | 'transactional';
  track?: Record<string, unknown>;
  render?: Record<string, unknown>;
  presend?: Record<string, unknown>;
  maxFileSize?: number;
  maxFileTime?: number;
  /** Mail clients the `client-support` rule judges (the `clients` key). */
  clients?: string[];
  ignores: Array<{ baseDir: string; patterns: string[] }>;
}

/** Throws a ConfigError naming `key` when a client list names an unknown client or preset. */
export function checkClients(clients: readonly string[], key: string): void {
  try {
    resolveClients(clients);
  } catch (err) {
    throw new ConfigError(`${key}: ${(err as Error).message}`);
  }
}

/** A `clients` value (a list, or a comma-separated string), checked; undefined when not set. */
function optClients(raw: unknown, key: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = typeof raw === 'string' ? raw.split(',') : raw;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && x.trim())) {
    throw new ConfigError(`${key}: expected a client list such as ["major"] or "outlook,gmail", got ${show(raw)}`);
  }
  checkClients(list, key);
  return list.map((x: string) => x.trim());
}

/** The rules with `client-support` judging `clients`: on (warn) unless set, keeping its other options. */
export function withClients(rules: Record<string, RuleSetting>, clients: readonly string[]): Record<string, RuleSetting> {
  const cur = rules['client-support'];
  return { ...rules, 'client-support': { severity: cur && cur.severity !== 'off' ? cur.severity : 'warn', options: { ...cur?.options, clients: [...clients] } } };
}

/** The rule registry (built-ins and the plugins loaded so far) plus what loading needs. */
export interface LoadContext extends RuleRegistry {
  /** Used to print file names relative to it. */
  cwd: string;
  /** Told of every config file read (the session watches them to invalidate its cache). */
  watch?: (file: string) => void;
}

/** A path as people read it: relative to cwd when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

const TOP_KEYS = ['extends', 'plugins', 'rules', 'overrides', 'subject', 'preheader', 'mailType', 'track', 'render', 'presend', 'ignores', 'maxFileSize', 'maxFileTime', 'clients'];
const OVERRIDE_KEYS = ['files', 'excludedFiles', 'rules', 'subject', 'preheader', 'mailType', 'clients'];
const SEVERITIES: Record<string, RuleSetting['severity']> = { off: 'off', warn: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error' };

const show = (v: unknown): string => (v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v));
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** Up to 3 ids closest to `id` (by edit distance, or sharing a word). */
export function closestIds(id: string, ids: Iterable<string>): string[] {
  const scored = [...ids]
    .map((c) => ({ c, d: editDistance(id, c) - (c.includes(id) || id.includes(c) ? 3 : 0) }))
    .filter((x) => x.d <= Math.max(3, Math.floor(id.length / 2)))
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c));
  return scored.slice(0, 3).map((x) => x.c);
}

export function unknownRuleMessage(key: string, id: string, ids: Iterable<string>): string {
  const near = closestIds(id, ids);
  return `${key}: unknown rule${near.length ? ` (did you mean ${near.map((n) => `"${n}"`).join(', ')}?)` : ''}; run \`inboxlint rules\` for the list`;
}

/** Parses one rule entry (`'warn'`, `2`, `['error', {…}]`) and validates its options. */
export function parseRuleEntry(id: string, entry: unknown, key: string, ctx: LoadContext): PartialRuleSetting {
  const rule = ctx.ruleById.get(id);
  if (!rule) throw new ConfigError(unknownRuleMessage(key, id, ctx.ruleById.keys()));
  const expected = `expected "off", "warn", "error", 0, 1, 2 or [severity, options]`;
  let sev: unknown = entry;
  let options: unknown;
  if (Array.isArray(entry)) {
    if (entry.length < 1 || entry.length > 2) throw new ConfigError(`${key}: ${expected}, got ${show(entry)}`);
    sev = entry[0];
    options = entry[1];
  }
  const severity = typeof sev === 'string' || typeof sev === 'number' ? SEVERITIES[String(sev)] : undefined;
  if (!severity) throw new ConfigError(`${key}${Array.isArray(entry) ? '[0]' : ''}: ${expected}, got ${show(sev)}`);
  if (options === undefined) return { severity };
  resolveOptions(rule, options as Record<string, unknown>, `${key}[1]`);
  return { severity, options: options as Record<string, unknown> };
}

function parseRules(v: unknown, key: string, ctx: LoadContext): Record<string, PartialRuleSetting> {
  if (v === undefined) return {};
  if (!isObject(v)) throw new ConfigError(`${key}: expected an object mapping rule ids to severities, got ${show(v)}`);
  const out: Record<string, PartialRuleSetting> = {};
  for (const [id, entry] of Object.entries(v)) out[id] = parseRuleEntry(id, entry, `${key}.${id}`, ctx);
  return out;
}

function globList(v: unknown, key: string, required: boolean): string[] {
  if (v === undefined && !required) return [];
  if (typeof v === 'string' && v) return [v];
  if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string' && x)) return v as string[];
  throw new ConfigError(`${key}: expected a glob string or an array of glob strings, got ${show(v)}`);
}

function optText(v: unknown, key: string): string | null | undefined {
  if (v === undefined || v === null || typeof v === 'string') return v;
  throw new ConfigError(`${key}: expected a string (or null to infer it from the email), got ${show(v)}`);
}

function optMailType(v: unknown, key: string): 'marketing' | 'transactional' | undefined {
  if (v === undefined || v === 'marketing' || v === 'transactional') return v;
  throw new ConfigError(`${key}: expected "marketing" or "transactional", got ${show(v)}`);
}

/** A limit: a whole number ≥ 0 of `unit` (0: no limit). */
function optLimit(v: unknown, key: string, unit: string): number | undefined {
  if (v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0)) return v;
  throw new ConfigError(`${key}: expected a whole number of ${unit} ≥ 0 (0: no limit), got ${show(v)}`);
}

function optObject(v: unknown, key: string): Record<string, unknown> | undefined {
  if (v === undefined || isObject(v)) return v;
  throw new ConfigError(`${key}: expected an object, got ${show(v)}`);
}

function unknownKeys(obj: Record<string, unknown>, allowed: string[], prefix: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      const near = closestIds(k, allowed);
      throw new ConfigError(
        `${prefix}${k}: unknown key${near.length ? ` (did you mean "${near[0]}"?)` : ''}; expected one of ${allowed.join(', ')}`,
      );
    }
  }
}

/** Merges rule settings: a severity-only entry keeps the options it inherits. */
export function mergeRules(base: Record<string, RuleSetting>, over: Record<string, RuleSetting>): Record<string, RuleSetting> {
  const out = { ...base };
  for (const [id, s] of Object.entries(over)) out[id] = { severity: s.severity, options: s.options ?? base[id]?.options };
  for (const id of Object.keys(out)) if (out[id].options === undefined) delete out[id].options;
  return out;
}

/**
 * Validates a raw config object and merges its `extends` chain. `source` names the file for
 * error messages; `keyPrefix` is "inboxlint." for package.json.
 */
export async function normalizeConfig(
  raw: unknown,
  where: { path?: string; baseDir: string; keyPrefix?: string },
  ctx: LoadContext,
  seen: ReadonlySet<string> = new Set(),
): Promise<NormalizedConfig> {
  const p = where.keyPrefix ?? '';
  const fail = (err: unknown): never => {
    if (err instanceof ConfigError && where.path && !err.filePath) {
      throw new ConfigError(err.message, { filePath: displayPath(where.path, ctx.cwd) });
    }
    throw err;
  };
  try {
    if (!isObject(raw)) throw new ConfigError(`${p ? p.slice(0, -1) : 'config'}: expected an object, got ${show(raw)}`);
    const key = (k: string) => `${p}${k}`;
    unknownKeys(raw, TOP_KEYS, p);
    const ext = raw.extends === undefined ? [] : typeof raw.extends === 'string' ? [raw.extends] : raw.extends;
    if (!Array.isArray(ext) || !ext.every((e) => typeof e === 'string' && e)) {
      throw new ConfigError(
        `${key('extends')}: expected "inboxlint:recommended", "inboxlint:strict" or a path to a config file (or an array of them), got ${show(raw.extends)}`,
      );
    }
    // Plugins first: the rules below (and in presets' and overrides' entries) may name their rules.
    await registerPlugins(raw.plugins, key('plugins'), where.baseDir, ctx);
    let out: NormalizedConfig = { path: where.path, baseDir: where.baseDir, rules: {}, overrides: [], ignores: [] };
    for (const [i, e] of (ext as string[]).entries()) {
      const preset = PRESET_NAMES[e];
      if (preset) {
        out.rules = mergeRules(out.rules, presetRules(preset, ctx.ruleSet));
        continue;
      }
      const target = resolve(where.baseDir, e);
      const k = Array.isArray(raw.extends) ? `${key('extends')}[${i}]` : key('extends');
      if (seen.has(target)) throw new ConfigError(`${k}: "${e}" extends itself (circular extends)`);
      let base: NormalizedConfig;
      try {
        base = await loadConfigFile(target, ctx, new Set([...seen, ...(where.path ? [where.path] : [])]));
      } catch (err) {
        if (err instanceof ConfigError && /no such file/.test(err.message) && err.filePath === displayPath(target, ctx.cwd)) {
          throw new ConfigError(`${k}: "${e}" is neither a preset (inboxlint:recommended, inboxlint:strict) nor an existing config file`);
        }
        throw err;
      }
      out = {
        ...out,
        rules: mergeRules(out.rules, base.rules),
        overrides: [...out.overrides, ...base.overrides],
        ignores: [...out.ignores, ...base.ignores],
        subject: base.subject ?? out.subject,
        preheader: base.preheader ?? out.preheader,
        mailType: base.mailType ?? out.mailType,
        maxFileSize: base.maxFileSize ?? out.maxFileSize,
        maxFileTime: base.maxFileTime ?? out.maxFileTime,
        clients: base.clients ?? out.clients,
        track: base.track || out.track ? { ...out.track, ...base.track } : undefined,
        render: base.render || out.render ? { ...out.render, ...base.render } : undefined,
        presend: base.presend || out.presend ? { ...out.presend, ...base.presend } : undefined,
      };
    }
    out.rules = mergeRules(out.rules, parseRules(raw.rules, key('rules'), ctx));
    if (raw.overrides !== undefined) {
      if (!Array.isArray(raw.overrides)) throw new ConfigError(`${key('overrides')}: expected an array of { files, rules, … } objects, got ${show(raw.overrides)}`);
      raw.overrides.forEach((o, i) => {
        const k = `${key('overrides')}[${i}]`;
        if (!isObject(o)) throw new ConfigError(`${k}: expected an object like { "files": "*.html", "rules": {…} }, got ${show(o)}`);
        unknownKeys(o, OVERRIDE_KEYS, `${k}.`);
        out.overrides.push({
          baseDir: where.baseDir,
          files: globList(o.files, `${k}.files`, true),
          excludedFiles: globList(o.excludedFiles, `${k}.excludedFiles`, false),
          rules: parseRules(o.rules, `${k}.rules`, ctx),
          subject: optText(o.subject, `${k}.subject`),
          preheader: optText(o.preheader, `${k}.preheader`),
          mailType: optMailType(o.mailType, `${k}.mailType`),
          clients: optClients(o.clients, `${k}.clients`),
        });
      });
    }
    const subject = optText(raw.subject, key('subject'));
    const preheader = optText(raw.preheader, key('preheader'));
    const mailType = optMailType(raw.mailType, key('mailType'));
    if (subject !== undefined) out.subject = subject;
    if (preheader !== undefined) out.preheader = preheader;
    if (mailType !== undefined) out.mailType = mailType;
    const clients = optClients(raw.clients, key('clients'));
    if (clients) out.clients = clients;
    const maxFileSize = optLimit(raw.maxFileSize, key('maxFileSize'), 'bytes');
    const maxFileTime = optLimit(raw.maxFileTime, key('maxFileTime'), 'milliseconds');
    if (maxFileSize !== undefined) out.maxFileSize = maxFileSize;
    if (maxFileTime !== undefined) out.maxFileTime = maxFileTime;
    const track = optObject(raw.track, key('track'));
    const render = optObject(raw.render, key('render'));
    const presend = optObject(raw.presend, key('presend'));
    if (presend) {
      for (const [k, v] of Object.entries(presend)) {
        if (!['from', 'to'].includes(k)) throw new ConfigError(`${key('presend')}.${k}: unknown key (presend takes from, to)`);
        if (typeof v !== 'string') throw new ConfigError(`${key('presend')}.${k}: expected a string (a mail address), got ${JSON.stringify(v)}`);
      }
      out.presend = { ...out.presend, ...presend };
    }
    if (track) out.track = { ...out.track, ...track };
    if (render) out.render = { ...out.render, ...render };
    if (raw.ignores !== undefined) {
      if (!Array.isArray(raw.ignores) || !raw.ignores.every((x) => typeof x === 'string' && x)) {
        throw new ConfigError(`${key('ignores')}: expected an array of glob strings, got ${show(raw.ignores)}`);
      }
      out.ignores.push({ baseDir: where.baseDir, patterns: raw.ignores as string[] });
    }
    return out;
  } catch (err) {
    return fail(err);
  }
}

/** Reads the raw config object from a file (JSON, JS/MJS default export, or package.json "inboxlint"). */
export async function readConfigObject(file: string, cwd: string): Promise<{ raw: unknown; keyPrefix?: string } | undefined> {
  const shown = displayPath(file, cwd);
  const name = basename(file);
  // A folder or a FIFO given as the config: reading a FIFO would block.
  const kind = await stat(file).then((st) => (st.isFile() ? undefined : st.isDirectory() ? 'a directory' : 'a pipe, socket or device'), () => undefined);
  if (kind) throw new ConfigError(`is ${kind}, not a config file`, { filePath: shown });
  if (/\.(c|m)?js$/.test(name)) {
    let mod: Record<string, unknown>;
    try {
      const st = await stat(file); // existence check with a clear error
      // The query makes an edited config a new module (import() caches by URL).
      mod = await withinTime(
        `loading config ${shown}`,
        import(`${pathToFileURL(file).href}?mtime=${st.mtimeMs}-${st.size}`) as Promise<Record<string, unknown>>,
        (ms) => new ConfigError(`loading the config ${loadTimeoutWords(ms)}`, { filePath: shown }),
      );
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new ConfigError('no such file', { filePath: shown });
      throw new ConfigError(`cannot load config: ${(err as Error)?.message ?? String(err)}`, { filePath: shown });
    }
    if (!('default' in mod)) throw new ConfigError('expected `export default { … }` (use defineConfig() for types)', { filePath: shown });
    return { raw: mod.default };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(code === 'ENOENT' ? 'no such file' : `cannot read config (${code})`, { filePath: shown });
  }
  const parsed = parseJson(text);
  if ('error' in parsed) throw new ConfigError(parsed.error.message, { filePath: shown, line: parsed.error.line, column: parsed.error.column });
  if (name === 'package.json') {
    const pkg = parsed.value as Record<string, unknown> | null;
    if (!isObject(pkg) || !('inboxlint' in pkg)) return undefined;
    return { raw: pkg.inboxlint, keyPrefix: 'inboxlint.' };
  }
  return { raw: parsed.value };
}

/** Loads, validates and merges a config file. A package.json without an "inboxlint" key is an error here. */
export async function loadConfigFile(file: string, ctx: LoadContext, seen: ReadonlySet<string> = new Set()): Promise<NormalizedConfig> {
  const abs = resolve(ctx.cwd, file);
  ctx.watch?.(abs);
  const got = await readConfigObject(abs, ctx.cwd);
  if (!got) throw new ConfigError('has no "inboxlint" key', { filePath: displayPath(abs, ctx.cwd) });
  return normalizeConfig(got.raw, { path: abs, baseDir: dirname(abs), keyPrefix: got.keyPrefix }, ctx, seen);
}
