/**
 * The one way inboxlint writes a file: atomically. The data goes to a temp file beside the
 * target (same folder, so the rename cannot cross file systems), then replaces it with one
 * rename: a reader, or a process killed mid-write, sees the old file or the new one, never a
 * torn one. The old file's permissions are kept; on any error the temp file is removed and the
 * original is untouched.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from './errors.js';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(file)).mode & 0o777;
  } catch {
    mode = undefined;
  }
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, data, { flag: 'wx', mode });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write (${code ?? (err as Error).message})`, { filePath: file });
  }
}
