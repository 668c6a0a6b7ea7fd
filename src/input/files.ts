/**
 * Expands the inputs of a lint run: files as named (any extension is linted, as HTML unless
 * .mjml/.eml), directories to every email file under them (skipping node_modules and
 * dot-directories), and globs via tinyglobby. A directory or glob matching nothing, and a
 * folder on the way that cannot be read, are errors.
 * Symbolic links are followed (tinyglobby stops at a loop); a file reached by several paths
 * (a link to a folder inside the tree, `ln -s .. loop`) is linted once, under its shortest path.
 */
import { readdir } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { mjAttr, parseMjmlSource } from './mjml-source.js';
import { InputError } from '../errors.js';
import { errnoWords } from '../paths.js';

export const EMAIL_GLOB = '**/*.{html,htm,mjml,eml}';
const IGNORE = ['**/node_modules/**'];

export interface ExpandedFile {
  /** Absolute path. */
  path: string;
  /** Named explicitly (not found through a directory or glob). */
  explicit: boolean;
}

export interface ExpandOptions {
  /**
   * Called with each problem that is not one file's (a directory or glob matching nothing, a
   * folder that cannot be read) instead of throwing it, so the other inputs can still be linted.
   */
  onError?: (err: InputError) => void;
  /**
   * Called for each file found through a directory or glob that is left out, with the reason: an
   * MJML partial (no `<mjml>` root: a piece another template `mj-include`s). Without it they are
   * left out silently.
   */
  onSkip?: (file: string, why: string) => void;
}

/** True when MJML text has an `<mjml>` root (else it is a partial for mj-include): the MJML source parser's answer. */
const hasMjmlRoot = (text: string) => parseMjmlSource(text).elements.some((e) => e.tag === 'mjml');

/**
 * Leaves out the MJML partials a directory or glob found (files named explicitly stay: a
 * partial named on its own is an input error, as before), saying which template includes each.
 */
async function withoutPartials(files: ExpandedFile[], cwd: string, onSkip?: ExpandOptions['onSkip']): Promise<ExpandedFile[]> {
  const mjml = files.filter((f) => /\.mjml$/i.test(f.path));
  if (!mjml.length) return files;
  const texts = new Map<string, string>();
  await Promise.all(mjml.map(async (f) => texts.set(f.path, await readFile(f.path, 'utf8').catch(() => '<mjml>'))));
  const partials = new Set(mjml.filter((f) => !f.explicit && !hasMjmlRoot(texts.get(f.path)!)).map((f) => f.path));
  if (!partials.size) return files;
  const includedBy = new Map<string, string>();
  for (const [file, text] of texts) {
    for (const el of parseMjmlSource(text).elements) {
      const path = el.tag === 'mj-include' ? mjAttr(el, 'path')?.raw.trim() : undefined;
      if (!path) continue;
      let target = resolve(dirname(file), path);
      if (!/\.mjml$/i.test(target) && !partials.has(target)) target += '.mjml';
      if (partials.has(target) && !includedBy.has(target)) includedBy.set(target, file);
    }
  }
  for (const p of partials) {
    const by = includedBy.get(p);
    onSkip?.(p, `an MJML partial (no <mjml> root)${by ? `, included by ${relative(cwd, by).startsWith('..') ? by : relative(cwd, by)}` : ''}: linted as part of the templates that include it`);
  }
  return files.filter((f) => !partials.has(f.path));
}

export async function expandInputs(patterns: readonly string[], cwd: string, options: ExpandOptions = {}): Promise<ExpandedFile[]> {
  // Keyed by real path, so a file reached through a symlinked folder is linted once.
  const out = new Map<string, ExpandedFile>();
  const add = (key: string, path: string, explicit: boolean) => {
    const prev = out.get(key);
    if (!prev) out.set(key, { path, explicit });
    else if (explicit) prev.explicit = true;
  };
  /** What a directory or glob found, sorted; a file found by several paths under the shortest. */
  const addFound = async (found: string[]) => {
    const entries = await Promise.all(found.map(async (f) => ({ path: resolve(f), key: await realKey(f) })));
    const shortest = new Map<string, string>();
    for (const e of entries) {
      const s = shortest.get(e.key);
      if (s === undefined || e.path.length < s.length) shortest.set(e.key, e.path);
    }
    for (const e of entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) if (shortest.get(e.key) === e.path) add(e.key, e.path, false);
  };
  const problem = (err: InputError) => {
    if (!options.onError) throw err;
    options.onError(err);
  };
  const unmatched = (message: string) => problem(new InputError(message));
  /** tinyglobby skips a folder it cannot read without a word: its readdir errors are kept here. */
  const globIn = async (pattern: string, dir: string): Promise<string[]> => {
    const unreadable: InputError[] = [];
    const fs = {
      readdir: ((path: string, opts: { withFileTypes: true }, done: (err: NodeJS.ErrnoException | null, entries: unknown) => void) =>
        readdir(path, opts, (err, entries) => {
          // A folder that is not there (a glob's base) just matches nothing.
          if (err && err.code !== 'ENOENT' && err.code !== 'ENOTDIR') unreadable.push(new InputError(`cannot read directory (${errnoWords(err)}); the email files in it are not linted`, { filePath: relative(cwd, path) || '.' }));
          done(err, entries);
        })) as unknown as typeof readdir,
    };
    // Loaded on first use: a run on named files needs no globbing (tinyglobby and fdir cost at start).
    const { glob } = await import('tinyglobby');
    const found = await glob(pattern, { cwd: dir, absolute: true, dot: false, ignore: IGNORE, fs });
    for (const err of unreadable) problem(err);
    return found;
  };
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isDirectory()) {
      const found = await globIn(EMAIL_GLOB, abs);
      if (!found.length) unmatched(`no email files (.html, .htm, .mjml, .eml) in directory "${pattern}"`);
      await addFound(found);
    } else if (st || !(await import('tinyglobby')).isDynamicPattern(pattern)) {
      // A missing named file is reported per file by the loader (the other files are still linted).
      add(await realKey(abs), abs, true);
    } else {
      const found = await globIn(pattern, cwd);
      if (!found.length) unmatched(`no files match the pattern "${pattern}"`);
      await addFound(found);
    }
  }
  return withoutPartials([...out.values()], cwd, options.onSkip);
}

/** The real path of a file (symbolic links resolved), or the path itself when it has none (missing, dangling). */
function realKey(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}
