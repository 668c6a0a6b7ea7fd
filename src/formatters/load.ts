/**
 * `--format NAME`: a built-in formatter, else a module by path (`./my-formatter.js`) or an
 * installed package (`eslint-formatter-codeclimate`, or its short name `codeclimate`), resolved
 * from the working directory and then from inboxlint's own install. A module formatter is
 * ESLint's kind: its default export is `(results, { cwd, rulesMeta }) => string | Promise<string>`
 * and it receives ESLint's JSON shape with ESLint-style rule metadata, so formatters written for
 * ESLint work unchanged.
 */
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { InboxlintError } from '../errors.js';
import { loadTimeoutWords, withinTime } from '../time-limit.js';
import { ruleDocsUrl } from '../rule.js';
import { FORMAT_NAMES, getFormatter } from './index.js';
import { toEslintResult } from './json.js';
import type { FormatterContext } from './types.js';
import type { LintResult } from '../engine/types.js';

export type AsyncFormatter = (results: readonly LintResult[], context: FormatterContext) => Promise<string>;

const looksLikePath = (name: string) => /[\\/]/.test(name) || name.startsWith('.') || /\.[cm]?js$/.test(name);

/** Where `--format` looked for a module, for the error message. */
function candidates(name: string): string[] {
  if (name.startsWith('@') || name.includes('eslint-formatter') || name.includes('inboxlint-formatter')) return [name];
  return [name, `inboxlint-formatter-${name}`, `eslint-formatter-${name}`];
}

function resolveModule(name: string, cwd: string): string | undefined {
  if (looksLikePath(name)) {
    const abs = isAbsolute(name) ? name : resolve(cwd, name);
    return existsSync(abs) ? abs : undefined;
  }
  const from = [join(cwd, 'noop.js'), import.meta.url];
  for (const id of candidates(name)) {
    for (const base of from) {
      try {
        return createRequire(base).resolve(id);
      } catch {
        // not installed there
      }
    }
  }
  return undefined;
}

/** ESLint's `rulesMeta` for a formatter module: `{ type, docs: { description, url } }` per rule id. */
function eslintRulesMeta(ctx: FormatterContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, r] of Object.entries(ctx.rulesMeta)) {
    out[id] = { type: r.severity === 'error' ? 'problem' : 'suggestion', docs: { description: r.description, url: ruleDocsUrl(id) } };
  }
  return out;
}

export async function loadFormatter(name: string, cwd: string): Promise<AsyncFormatter> {
  const builtIn = getFormatter(name);
  if (builtIn) return async (results, ctx) => builtIn(results, ctx);
  const path = resolveModule(name, cwd);
  if (!path) {
    const tried = looksLikePath(name) ? `no file ${resolve(cwd, name)}` : `no installed package ${candidates(name).map((c) => `"${c}"`).join(' or ')}`;
    throw new InboxlintError(`--format: "${name}" is not a built-in format (${FORMAT_NAMES.join(', ')}) and there is ${tried}`);
  }
  let mod: { default?: unknown };
  try {
    mod = await withinTime(`loading formatter ${path}`, import(pathToFileURL(path).href) as Promise<{ default?: unknown }>, (ms) => new InboxlintError(`--format: formatter ${path} ${loadTimeoutWords(ms)}`));
  } catch (err) {
    if (err instanceof InboxlintError) throw err;
    throw new InboxlintError(`--format: cannot load formatter ${path}: ${(err as Error)?.message ?? String(err)}`);
  }
  let fn = mod.default;
  // A CommonJS module imported from ESM: `module.exports = fn` is the default export (sometimes wrapped once more).
  if (fn && typeof fn === 'object' && typeof (fn as { default?: unknown }).default === 'function') fn = (fn as { default: unknown }).default;
  if (typeof fn !== 'function') throw new InboxlintError(`--format: ${path} does not export a formatter function (its default export is ${typeof fn})`);
  const format = fn as (results: unknown, data: unknown) => unknown;
  return async (results, ctx) => {
    try {
      const out = await withinTime(
        `formatting with ${path}`,
        Promise.resolve(format(results.map(toEslintResult), { cwd: ctx.cwd, rulesMeta: eslintRulesMeta(ctx) })),
        (ms) => new InboxlintError(`--format: formatter ${path} ${loadTimeoutWords(ms)}`),
      );
      return typeof out === 'string' ? out : String(out ?? '');
    } catch (err) {
      if (err instanceof InboxlintError) throw err;
      throw new InboxlintError(`--format: formatter ${path} failed: ${(err as Error)?.message ?? String(err)}`);
    }
  };
}
