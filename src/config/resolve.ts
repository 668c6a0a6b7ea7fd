/**
 * Finds and resolves the configuration for each linted file: the nearest
 * inboxlint.config.{js,mjs,json} or package.json "inboxlint" key upward from the file's
 * directory (cached per directory), or `--config` / an inline config; then presets, overrides
 * matching the file, and CLI/API options (which beat the config).
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { AnyRule } from '../rule.js';
import type { RuleSetting } from '../engine/linter.js';
import { allRules } from '../../rules/index.js';
import { ConfigError } from '../errors.js';
import {
  checkClients,
  withClients,
  CONFIG_FILE_NAMES,
  loadConfigFile,
  mergeRules,
  normalizeConfig,
  parseRuleEntry,
  readConfigObject,
  type LoadContext,
  type NormalizedConfig,
} from './load.js';
import { presetRules } from './presets.js';
import { createRegistry, registerPlugins } from './plugins.js';
import type { Config, FileConfig, RuleEntry } from './types.js';

export interface ResolveOptions {
  cwd?: string;
  /** A config file to use for every file (skips discovery). */
  configFile?: string;
  /** An inline config object (skips discovery); globs are relative to `cwd`. */
  config?: Config;
  /** Rule settings that beat the config: an object, or `--rule` strings (`id=warn`, `id=error:{"max":5}`). */
  rules?: Record<string, RuleEntry> | readonly string[];
  subject?: string;
  preheader?: string;
  mailType?: 'marketing' | 'transactional';
  /** Mail clients the `client-support` rule judges (`--clients`): beats the config's `clients` and turns the rule on. */
  clients?: readonly string[];
  /** The rules to draw from (default: every built-in rule). */
  ruleSet?: readonly AnyRule[];
  /** Plugins loaded for every file, besides those configs name: namespace → package name or path (relative to `cwd`). */
  plugins?: Record<string, string>;
}

/** One `--rule` value split into its rule id and config entry (not yet validated). */
export function splitRuleFlag(f: string): { id: string; entry: unknown; key: string } {
  const m = /^([^=\s]+)=([a-z0-9]+)(?::([^]*))?$/i.exec(f.trim());
  if (!m) throw new ConfigError(`--rule ${JSON.stringify(f)}: expected id=off|warn|error (or id=warn:{"option":value})`);
  const [, id, sev, json] = m;
  let options: unknown;
  if (json !== undefined) {
    try {
      options = JSON.parse(json);
    } catch {
      throw new ConfigError(`--rule ${id}: options after ":" must be a JSON object, got ${json}`);
    }
  }
  const entry = options === undefined ? (/^\d$/.test(sev) ? Number(sev) : sev) : [sev, options];
  return { id, entry, key: `--rule ${id}` };
}

/** Parses `--rule` values: `id=off|warn|error|0|1|2`, optionally `:{json options}`. */
export function parseRuleFlags(flags: readonly string[], ctx: LoadContext): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const f of flags) {
    const { id, entry, key } = splitRuleFlag(f);
    out[id] = parseRuleEntry(id, entry, key, ctx);
  }
  return out;
}

const toPosix = (p: string) => p.split(sep).join('/');
/** Globs relative to a config's directory; a pattern without "/" matches at any depth (`*.html`). */
const matcher = (patterns: string[]) =>
  picomatch(
    patterns.map((p) => (p.endsWith('/') ? `${p}**` : p)).map((p) => (p.includes('/') ? p.replace(/^\.\//, '') : `**/${p}`)),
    { dot: true },
  );

export class ConfigResolver {
  readonly cwd: string;
  readonly ctx: LoadContext;
  private readonly opts: ResolveOptions;
  private fixed?: Promise<NormalizedConfig>;
  private cliRules: Record<string, RuleSetting> = {};
  /** Rule settings given with a plugin namespace not loaded yet: checked once a file's config has loaded. */
  private pendingRules: Array<{ id: string; entry: unknown; key: string }> = [];
  private dirCache = new Map<string, Promise<NormalizedConfig | null>>();
  private defaultConfig: NormalizedConfig;
  /** Every config file (and candidate name) looked at → its stamp (mtime and size, or "missing"). */
  private stamps = new Map<string, string>();

  constructor(opts: ResolveOptions = {}) {
    this.opts = opts;
    this.cwd = resolve(opts.cwd ?? process.cwd());
    const ruleSet = opts.ruleSet ?? allRules;
    this.ctx = { ...createRegistry(ruleSet), cwd: this.cwd, watch: (file) => this.stamp(file) };
    this.defaultConfig = { baseDir: this.cwd, rules: presetRules('recommended', ruleSet), overrides: [], ignores: [] };
  }

  private stamp(file: string): string {
    const s = stampOf(file);
    this.stamps.set(file, s);
    return s;
  }

  /**
   * True when a config file this resolver read (or looked for) has changed, appeared or gone
   * since: its answers are then stale, and a Session builds a new resolver. Synchronous stats:
   * the 536 of a run over the 454 corpus templates (every folder upward) take about 1 ms.
   */
  isStale(): boolean {
    for (const [file, before] of this.stamps) if (stampOf(file) !== before) return true;
    return false;
  }

  /** Every rule this resolver knows: the built-ins and the rules of the plugins loaded so far. */
  get rules(): readonly AnyRule[] {
    return this.ctx.ruleSet;
  }

  /** Loads and validates everything that does not depend on a file (so errors come before linting). */
  async init(): Promise<this> {
    const o = this.opts;
    if (o.mailType !== undefined && o.mailType !== 'marketing' && o.mailType !== 'transactional') {
      throw new ConfigError(`--mail-type: expected "marketing" or "transactional", got ${JSON.stringify(o.mailType)}`);
    }
    if (o.clients) checkClients(o.clients, '--clients');
    if (o.plugins) await registerPlugins(o.plugins, 'plugins', this.cwd, this.ctx);
    if (o.config) this.fixed = normalizeConfig(o.config, { baseDir: this.cwd }, this.ctx);
    else if (o.configFile) this.fixed = loadConfigFile(resolve(this.cwd, o.configFile), this.ctx);
    if (this.fixed) await this.fixed;
    if (o.rules) {
      const entries = Array.isArray(o.rules)
        ? (o.rules as readonly string[]).map(splitRuleFlag)
        : Object.entries(o.rules).map(([id, entry]) => ({ id, entry, key: `rules.${id}` }));
      for (const e of entries) {
        // `ns/rule` of a plugin that a discovered config will load: checked when that config is.
        if (!this.ctx.ruleById.has(e.id) && e.id.includes('/') && !this.ctx.plugins.has(e.id.split('/')[0])) this.pendingRules.push(e);
        else this.cliRules[e.id] = parseRuleEntry(e.id, e.entry, e.key, this.ctx);
      }
    }
    return this;
  }

  /** The nearest config upward from `dir`, or null. */
  findConfig(dir: string): Promise<NormalizedConfig | null> {
    let p = this.dirCache.get(dir);
    if (!p) {
      p = this.lookIn(dir);
      this.dirCache.set(dir, p);
    }
    return p;
  }

  private async lookIn(dir: string): Promise<NormalizedConfig | null> {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (this.stamp(file).endsWith(':f')) return loadConfigFile(file, this.ctx);
    }
    const pkg = join(dir, 'package.json');
    if (this.stamp(pkg).endsWith(':f')) {
      const got = await readConfigObject(pkg, this.cwd);
      if (got) return normalizeConfig(got.raw, { path: pkg, baseDir: dir, keyPrefix: got.keyPrefix }, this.ctx);
    }
    const parent = dirname(dir);
    return parent === dir ? null : this.findConfig(parent);
  }

  /** The config that applies to `file` (absolute), before per-file resolution. */
  async configFor(file: string): Promise<NormalizedConfig> {
    if (this.fixed) return this.fixed;
    return (await this.findConfig(dirname(file))) ?? this.defaultConfig;
  }

  /** True when the applicable config's `ignores` cover `file`. */
  async isIgnored(file: string): Promise<boolean> {
    const cfg = await this.configFor(file);
    return cfg.ignores.some((ig) => {
      const rel = toPosix(relative(ig.baseDir, file));
      return !rel.startsWith('../') && matcher(ig.patterns)(rel);
    });
  }

  /** Everything the engine and loader need for `file` (absolute path). */
  async resolve(file: string): Promise<FileConfig> {
    const cfg = await this.configFor(file);
    let rules = cfg.rules;
    let { subject, preheader, mailType, clients } = cfg;
    for (const o of cfg.overrides) {
      const rel = toPosix(relative(o.baseDir, file));
      if (!matcher(o.files)(rel) || (o.excludedFiles.length && matcher(o.excludedFiles)(rel))) continue;
      rules = mergeRules(rules, o.rules);
      if (o.subject !== undefined) subject = o.subject;
      if (o.preheader !== undefined) preheader = o.preheader;
      if (o.mailType !== undefined) mailType = o.mailType;
      if (o.clients !== undefined) clients = o.clients;
    }
    if (clients) rules = withClients(rules, clients);
    rules = mergeRules(rules, this.cliRules);
    if (this.opts.clients) rules = withClients(rules, this.opts.clients);
    if (this.pendingRules.length) {
      const late: Record<string, RuleSetting> = {};
      for (const e of this.pendingRules) late[e.id] = parseRuleEntry(e.id, e.entry, e.key, this.ctx);
      rules = mergeRules(rules, late);
    }
    const out: FileConfig = { rules, configPath: cfg.path, track: cfg.track, render: cfg.render, ...(cfg.presend ? { presend: cfg.presend } : {}) };
    if (cfg.maxFileSize !== undefined) out.maxFileSize = cfg.maxFileSize;
    if (cfg.maxFileTime !== undefined) out.maxFileTime = cfg.maxFileTime;
    const o = this.opts;
    if (o.subject !== undefined) Object.assign(out, { subject: o.subject, subjectSource: 'option' });
    else if (subject != null) Object.assign(out, { subject, subjectSource: 'config' });
    if (o.preheader !== undefined) Object.assign(out, { preheader: o.preheader, preheaderSource: 'option' });
    else if (preheader != null) Object.assign(out, { preheader, preheaderSource: 'config' });
    out.mailType = o.mailType ?? mailType;
    if (out.mailType === undefined) delete out.mailType;
    return out;
  }
}

/** A file's mtime, size and type, "missing", or "unreadable" (its folder cannot be searched: no config is read there). */
function stampOf(file: string): string {
  try {
    const st = statSync(file, { throwIfNoEntry: false });
    return st ? `${st.mtimeMs}:${st.size}:${st.isFile() ? 'f' : 'd'}` : 'missing';
  } catch {
    return 'unreadable';
  }
}
