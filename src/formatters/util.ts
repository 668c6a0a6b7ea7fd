/** Helpers shared by the formatters. */
import { isAbsolute, relative, sep } from 'node:path';

/** `file` relative to `cwd` with forward slashes when inside it, else the absolute path. */
export function relPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file.split(sep).join('/');
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
