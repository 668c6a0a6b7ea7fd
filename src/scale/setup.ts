/**
 * Everything a linting process needs, rebuilt from plain, serialisable options: the worker
 * threads of `--jobs` call `createLinter()` once each, the main thread uses the same options
 * for the in-process run and for the cache key. Plugins are module paths, loaded in each process.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { AnyRule } from '../rule.js';
import { allRules } from '../../rules/index.js';
import { ConfigResolver } from '../config/resolve.js';
import { ConfigError } from '../errors.js';
import type { LintResult } from '../engine/types.js';
import type { ExpandedFile } from '../cli/files.js';
import { lintFiles, type FileOutcome, type LintOptions } from '../api.js';
import type { MailType } from '../model/document.js';

/** The options of a lint run, as they cross into a worker thread (plain data only). */
export interface LintSetup {
  cwd: string;
  configFile?: string;
  /** `--rule` values. */
  rules?: string[];
  subject?: string;
  preheader?: string;
  mailType?: MailType;
  /** Module paths (absolute or relative to `cwd`) whose `rules` (or default export's `rules`) join the built-in rules. */
  plugins?: string[];
}

/** One file's outcome as it crosses back from a worker: the result and the input error, if any. */
export interface FileReport {
  filePath: string;
  result: LintResult;
  inputError?: { message: string; line?: number };
}

export interface Linter {
  readonly resolver: ConfigResolver;
  /** Lints one file: [] when it is ignored and was not named explicitly. */
  lint(file: ExpandedFile): Promise<FileReport[]>;
}

/** The rule set: built-in rules plus each plugin module's `rules`. */
export async function loadRuleSet(setup: LintSetup): Promise<readonly AnyRule[] | undefined> {
  if (!setup.plugins?.length) return undefined;
  const rules: AnyRule[] = [...allRules];
  for (const p of setup.plugins) {
    const file = resolve(setup.cwd, p);
    let mod: { rules?: unknown; default?: { rules?: unknown } };
    try {
      mod = await import(pathToFileURL(file).href);
    } catch (err) {
      throw new ConfigError(`plugin ${file}: cannot be loaded: ${(err as Error).message}`);
    }
    const list = mod.rules ?? mod.default?.rules;
    if (!Array.isArray(list)) throw new ConfigError(`plugin ${file}: expected an export "rules" (an array of rules)`);
    rules.push(...(list as AnyRule[]));
  }
  return rules;
}

/** A resolver for the setup (validates the config and `--rule` values; throws ConfigError). */
export async function resolverFor(setup: LintSetup): Promise<ConfigResolver> {
  const ruleSet = await loadRuleSet(setup);
  return new ConfigResolver({
    cwd: setup.cwd,
    configFile: setup.configFile,
    rules: setup.rules,
    subject: setup.subject,
    preheader: setup.preheader,
    mailType: setup.mailType,
    ruleSet,
  }).init();
}

export function toReport(o: FileOutcome): FileReport {
  const r: FileReport = { filePath: o.filePath, result: o.result };
  if (o.inputError) r.inputError = { message: o.inputError.message, ...(o.inputError.line ? { line: o.inputError.line } : {}) };
  return r;
}

/**
 * The one place a linting process is set up from a LintSetup: a config resolver and the rule
 * set. The main thread passes the resolver it already built and, for `--render`, the `prepare`
 * step of its one browser (render runs stay in one process, so a worker never starts a browser).
 */
export async function createLinter(setup: LintSetup, reuse: { resolver?: ConfigResolver; prepare?: LintOptions['prepare'] } = {}): Promise<Linter> {
  const resolver = reuse.resolver ?? (await resolverFor(setup));
  const options: LintOptions = setup.plugins?.length ? { ruleSet: resolver.ctx.ruleSet } : {};
  if (reuse.prepare) options.prepare = reuse.prepare;
  return {
    resolver,
    async lint(file) {
      return (await lintFiles([file], resolver, options)).map(toReport);
    },
  };
}
