/**
 * Path and file-system words every layer shares: is a path inside a folder, and what a failed
 * file-system call means. A leaf (anyone may import it).
 */
import { isAbsolute, relative, sep } from 'node:path';

/** True when path `p` lies strictly inside folder `root` (both absolute; compare real paths to see through symbolic links). */
export function insideFolder(root: string, p: string): boolean {
  const r = relative(root, p);
  return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
}

/** What a failed file-system call means, in words where the code is cryptic. */
export function errnoWords(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', ELOOP: 'a symbolic link loop' };
  return words[code ?? ''] ?? code ?? (err as Error).message;
}
