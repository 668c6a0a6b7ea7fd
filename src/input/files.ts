/**
 * Expands the inputs of a lint run: files as named (any extension is linted, as HTML unless
 * .mjml/.eml), directories to every email file under them (skipping node_modules and
 * dot-directories), and globs via tinyglobby. A directory or glob matching nothing is an error.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';

export const EMAIL_GLOB = '**/*.{html,htm,mjml,eml}';
const IGNORE = ['**/node_modules/**'];

export interface ExpandedFile {
  /** Absolute path. */
  path: string;
  /** Named explicitly (not found through a directory or glob). */
  explicit: boolean;
}

export async function expandInputs(patterns: readonly string[], cwd: string): Promise<ExpandedFile[]> {
  const out = new Map<string, ExpandedFile>();
  const add = (path: string, explicit: boolean) => {
    const prev = out.get(path);
    if (!prev) out.set(path, { path, explicit });
    else if (explicit) prev.explicit = true;
  };
  for (const pattern of patterns) {
    const abs = resolve(cwd, pattern);
    const st = await stat(abs).catch(() => undefined);
    if (st?.isDirectory()) {
      const found = await glob(EMAIL_GLOB, { cwd: abs, absolute: true, dot: false, ignore: IGNORE });
      if (!found.length) throw new InputError(`no email files (.html, .htm, .mjml, .eml) in directory "${pattern}"`);
      for (const f of found.sort()) add(resolve(f), false);
    } else if (st || !isDynamicPattern(pattern)) {
      // A missing named file is reported per file by the loader (the other files are still linted).
      add(abs, true);
    } else {
      const found = await glob(pattern, { cwd, absolute: true, dot: false, ignore: IGNORE });
      if (!found.length) throw new InputError(`no files match the pattern "${pattern}"`);
      for (const f of found.sort()) add(resolve(f), false);
    }
  }
  return [...out.values()];
}
