/**
 * Plugins (a public contract). A config's `"plugins": { "acme": "inboxlint-plugin-acme" }` maps
 * a namespace to a package name or a path relative to the config file (in a JS config the value
 * may be the plugin object itself). A plugin module's default export is `{ rules: { "no-center":
 * rule } }`, each rule the plain object `defineRule()` returns, so a plugin needs no run-time
 * dependency on inboxlint. Its rules are registered as `acme/no-center` in the registry of the
 * resolver (one per Session): config validation, the engine and the formatters then know them
 * like built-in rules. A plugin that cannot be loaded or is malformed is a ConfigError naming it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../rule.js';
import { ConfigError } from '../errors.js';
import { loadTimeoutWords, withinTime } from '../time-limit.js';

/** What a plugin module exports (default export). */
export interface Plugin {
  /** Rule name (without the namespace) → the object `defineRule()` returns. */
  rules: Record<string, AnyRule>;
  meta?: { name?: string; version?: string };
}

/** The rules a resolver knows: built-ins, then plugin rules as they are loaded. Mutable. */
export interface RuleRegistry {
  ruleSet: AnyRule[];
  ruleById: Map<string, AnyRule>;
  /** Namespace → where its plugin came from (a resolved file path, or the object given in a JS config). */
  plugins: Map<string, { origin: string | object; shown: string }>;
}

export function createRegistry(builtIns: readonly AnyRule[]): RuleRegistry {
  return { ruleSet: [...builtIns], ruleById: new Map(builtIns.map((r) => [r.id, r])), plugins: new Map() };
}

const NAMESPACE = /^[a-z0-9][a-z0-9._-]*$/i;
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isPath = (spec: string) => spec.startsWith('./') || spec.startsWith('../') || isAbsolute(spec) || /\.(c|m)?js$/.test(spec);

/** The entry file of a package folder: its `exports["."]` (import / node / default), `module`, `main`, or index.js. */
function packageEntry(root: string): string {
  const pkgFile = join(root, 'package.json');
  if (!existsSync(pkgFile)) return join(root, 'index.js');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports?: unknown; module?: string; main?: string };
  let entry: unknown = pkg.exports;
  if (isObject(entry) && '.' in entry) entry = entry['.'];
  while (isObject(entry)) entry = entry.import ?? entry.node ?? entry.default;
  return resolve(root, typeof entry === 'string' ? entry : (pkg.module ?? pkg.main ?? 'index.js'));
}

/** The file a package name resolves to from `baseDir` (require's algorithm, then an ESM-only `exports` fallback). */
function resolvePackage(name: string, baseDir: string): string {
  try {
    return createRequire(join(baseDir, 'noop.js')).resolve(name);
  } catch (err) {
    for (let dir = baseDir; ; dir = dirname(dir)) {
      const root = join(dir, 'node_modules', name);
      if (existsSync(join(root, 'package.json'))) return packageEntry(root);
      if (dirname(dir) === dir) break;
    }
    throw err;
  }
}

/** Loads the plugin named by `value` (a package name, a path relative to `baseDir`, or the plugin object). */
async function loadPluginValue(value: unknown, baseDir: string, key: string): Promise<{ plugin: unknown; origin: string | object; shown: string }> {
  if (isObject(value)) return { plugin: value, origin: value, shown: 'an object in the config' };
  if (typeof value !== 'string' || !value) {
    throw new ConfigError(`${key}: expected a package name, a path relative to the config file, or (in a JS config) the plugin object, got ${JSON.stringify(value)}`);
  }
  let file: string;
  try {
    file = isPath(value) ? resolve(baseDir, value) : resolvePackage(value, baseDir);
    if (existsSync(file) && statSync(file).isDirectory()) file = packageEntry(file);
    if (!existsSync(file)) throw Object.assign(new Error(`no such file ${file}`), { code: 'ENOENT' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'MODULE_NOT_FOUND' || code === 'ENOENT' ? (isPath(value) ? 'no such file' : 'package not found (is it installed?)') : ((err as Error)?.message ?? String(err));
    throw new ConfigError(`${key}: cannot load plugin "${value}": ${why}`);
  }
  let mod: Record<string, unknown>;
  try {
    mod = await withinTime(
      `loading plugin ${file}`,
      import(pathToFileURL(file).href) as Promise<Record<string, unknown>>,
      (ms) => new ConfigError(`${key}: loading plugin "${value}" (${file}) ${loadTimeoutWords(ms)}`),
    );
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError(`${key}: cannot load plugin "${value}": ${(err as Error)?.message ?? String(err)}`);
  }
  return { plugin: 'default' in mod ? mod.default : mod, origin: file, shown: value };
}

/** Checks a plugin's shape; returns its rules with their namespaced ids. */
function pluginRules(ns: string, plugin: unknown, key: string, shown: string): AnyRule[] {
  const bad = (what: string) => new ConfigError(`${key}: plugin "${shown}" ${what}`);
  if (!isObject(plugin) || !isObject(plugin.rules)) throw bad('does not export { rules: { "<name>": rule } } as its default export');
  const out: AnyRule[] = [];
  for (const [name, rule] of Object.entries(plugin.rules)) {
    if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) throw bad(`has a rule named ${JSON.stringify(name)}: expected letters, digits, ".", "_" or "-"`);
    if (!isObject(rule) || typeof rule.check !== 'function') throw bad(`rule "${name}" is not a rule object (defineRule({ …, check() }))`);
    if (!isObject(rule.messages)) throw bad(`rule "${name}" has no messages: { "<messageId>": "text" }`);
    if (rule.options !== undefined && !isObject(rule.options)) throw bad(`rule "${name}" has options that are not an object of option schemas`);
    const id = `${ns}/${name}`;
    out.push({
      description: '',
      rationale: '',
      sources: [],
      guidance: '',
      category: 'content',
      severity: 'warn',
      recommended: false,
      options: {},
      examples: { valid: [], invalid: [] },
      ...(rule as object),
      id,
    } as unknown as AnyRule);
  }
  return out;
}

/**
 * Loads and registers the plugins of one config (`raw` is its `plugins` value). A namespace
 * already bound to the same plugin is kept; bound to another one, it is an error.
 */
export async function registerPlugins(raw: unknown, key: string, baseDir: string, registry: RuleRegistry): Promise<void> {
  if (raw === undefined) return;
  if (!isObject(raw)) throw new ConfigError(`${key}: expected an object mapping namespaces to plugins, e.g. { "acme": "inboxlint-plugin-acme" }, got ${JSON.stringify(raw)}`);
  for (const [ns, value] of Object.entries(raw)) {
    const k = `${key}.${ns}`;
    if (!NAMESPACE.test(ns)) throw new ConfigError(`${k}: a plugin namespace is letters, digits, ".", "_" or "-" (no "/"), got ${JSON.stringify(ns)}`);
    const { plugin, origin, shown } = await loadPluginValue(value, baseDir, k);
    const bound = registry.plugins.get(ns);
    if (bound) {
      if (bound.origin === origin) continue;
      throw new ConfigError(`${k}: namespace "${ns}" is already bound to plugin "${bound.shown}"; use another namespace for "${shown}"`);
    }
    const rules = pluginRules(ns, plugin, k, shown);
    registry.plugins.set(ns, { origin, shown });
    for (const r of rules) {
      registry.ruleSet.push(r);
      registry.ruleById.set(r.id, r);
    }
  }
}
