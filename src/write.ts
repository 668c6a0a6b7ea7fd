/**
 * The one way inboxlint writes a file (`-o`, `--out`, `--write`, `--fix`, the cache, renders).
 *
 * - A regular file (or a new one) is written atomically: the data goes to a temp file beside the
 *   target (same folder, so the rename cannot cross file systems), then replaces it with one
 *   rename. A reader, or a process killed mid-write, sees the old file or the new one, never a
 *   torn one. The old file's permissions are kept; on any error the temp file is removed and
 *   the original is untouched.
 * - What is not a regular file is never renamed over: a named pipe (FIFO) or a character
 *   device (`/dev/null`, a terminal) is written as a stream, as the shell's `>` does (a FIFO
 *   waits up to 10 s for a reader); `/dev/stdout`, `/dev/fd/N` and `/proc/self/fd/N` (or a link
 *   to them) write to that descriptor; a directory, a socket or a block device is refused.
 * - A symbolic link is written through to its target (the link stays a link), when the target
 *   lies inside the working folder or the link's own folder; elsewhere it is refused, so a link
 *   planted in a repository cannot aim a write outside it.
 * - `expect`: the bytes the new content was computed from. When the file on disk no longer
 *   holds them (it was edited since it was read), it is not overwritten and the error says so.
 *
 * Every refusal is an InputError naming the file, never a temp path.
 */
import { constants, type Stats } from 'node:fs';
import { lstat, mkdir, open, readFile, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { InputError } from './errors.js';
import { errnoWords, insideFolder } from './paths.js';

export interface WriteOptions {
  /** The bytes the new content was computed from: a file that no longer holds them is not overwritten. */
  expect?: Uint8Array;
  /** The working folder a symbolic link may lead into (besides the link's own folder); default `process.cwd()`. */
  cwd?: string;
}

/** How long writing to a named pipe waits for a reader. */
const PIPE_WAIT_MS = 10_000;
/** Names of a process's own file descriptors. */
const FD_ALIAS = /^\/(?:proc\/self\/fd|dev\/fd)\/(\d+)$|^\/dev\/(stdout|stderr)$/;

export async function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const shown = file;
  const fail = (why: string): never => {
    throw new InputError(why, { filePath: shown });
  };
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const abs = resolve(file);

  const fd = await fdAlias(abs);
  if (fd !== undefined) return writeToDescriptor(fd, bytes, fail);

  let st: Stats | undefined;
  try {
    st = await stat(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') fail(await notAFolder(abs));
    if (code !== 'ENOENT') fail(`cannot write (${errnoWords(err)})`);
  }
  if (st && !st.isFile()) {
    if (st.isFIFO() || st.isCharacterDevice()) return writeStream(abs, bytes, st.isFIFO(), fail);
    const kind = st.isDirectory() ? 'a directory' : st.isSocket() ? 'a socket' : 'a block device';
    return fail(`cannot write: is ${kind}, not a file`);
  }

  // Through symbolic links to the file they name, inside the working folder or the link's own.
  let target = abs;
  const link = await lstat(abs).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    target = st ? await realpath(abs) : await danglingTarget(abs, fail);
    const parent = await realpath(dirname(target)).catch(() => undefined);
    if (!parent) return fail(`cannot write: is a symbolic link to ${target}, whose folder does not exist`);
    target = join(parent, basename(target));
    const roots = await Promise.all([options.cwd ?? process.cwd(), dirname(abs)].map((r) => realpath(r).catch(() => resolve(r))));
    if (!roots.some((r) => insideFolder(r, target))) {
      return fail(`is a symbolic link to ${target}, outside the working folder and the link's own folder: not written through it (write to the target itself, or replace the link)`);
    }
  }
  return replaceAtomically(target, bytes, st ? st.mode & 0o777 : undefined, options.expect, fail);
}

async function replaceAtomically(target: string, bytes: Uint8Array, mode: number | undefined, expect: Uint8Array | undefined, fail: (why: string) => never): Promise<void> {
  const dir = dirname(target);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'ENOTDIR' || code === 'EEXIST' ? await notAFolder(target) : `cannot create its folder (${errnoWords(err)})`);
  }
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes, { flag: 'wx', mode });
    if (expect) {
      const now = await readFile(target).catch(() => undefined);
      if (!now || !Buffer.from(expect).equals(now)) {
        await rm(tmp, { force: true });
        fail(`changed on disk since it was read: not overwritten (run the command again)`);
      }
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    fail(code === 'ENOTDIR' ? await notAFolder(target) : `cannot write (${errnoWords(err)})`);
  }
}

/** The descriptor a path names when it is (or links to) `/dev/stdout`, `/dev/fd/N` or `/proc/self/fd/N`. */
async function fdAlias(abs: string): Promise<number | undefined> {
  let cur = abs;
  for (let hop = 0; hop < 40; hop++) {
    const m = FD_ALIAS.exec(cur);
    if (m) return m[1] !== undefined ? Number(m[1]) : m[2] === 'stdout' ? 1 : 2;
    const st = await lstat(cur).catch(() => undefined);
    if (!st?.isSymbolicLink()) return undefined;
    const next = await readlink(cur).catch(() => undefined);
    if (next === undefined) return undefined;
    cur = resolve(dirname(cur), next);
  }
  return undefined;
}

/** Where a dangling symbolic link leads (the missing file it names). */
async function danglingTarget(abs: string, fail: (why: string) => never): Promise<string> {
  let cur = abs;
  for (let hop = 0; hop < 40; hop++) {
    const st = await lstat(cur).catch(() => undefined);
    if (!st?.isSymbolicLink()) return cur;
    cur = resolve(dirname(cur), await readlink(cur));
  }
  return fail('cannot write: a symbolic link loop (ELOOP)');
}

/** The words for a path whose folder part is a file: which one. */
async function notAFolder(abs: string): Promise<string> {
  for (let d = dirname(abs); dirname(d) !== d; d = dirname(d)) {
    const st = await stat(d).catch(() => undefined);
    if (st) return st.isDirectory() ? 'cannot write (ENOTDIR)' : `cannot write: ${d} is a file, not a folder (ENOTDIR)`;
  }
  return 'cannot write (ENOTDIR)';
}

async function writeToDescriptor(fd: number, bytes: Uint8Array, fail: (why: string) => never): Promise<void> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : undefined;
  if (stream) {
    await new Promise<void>((done, failed) => stream.write(bytes, (err) => (err ? failed(err) : done()))).catch((err) => fail(`cannot write (${errnoWords(err)})`));
    return;
  }
  return writeStream(`/proc/self/fd/${fd}`, bytes, false, fail);
}

/** Writes to a FIFO or a character device as a stream (never created, truncated or replaced). */
async function writeStream(path: string, bytes: Uint8Array, fifo: boolean, fail: (why: string) => never): Promise<void> {
  let handle;
  let probe;
  try {
    if (fifo) {
      // Opening a FIFO to write blocks until a reader comes: wait for one (a non-blocking open
      // fails with ENXIO until then), but not for ever. The probe stays open until the real
      // descriptor is, so the reader never sees an end of file in between.
      const until = Date.now() + PIPE_WAIT_MS;
      while (!probe) {
        try {
          probe = await open(path, constants.O_WRONLY | constants.O_NONBLOCK);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENXIO') throw err;
          if (Date.now() > until) fail(`cannot write: a named pipe (FIFO) that no process read within ${PIPE_WAIT_MS / 1000} s`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
    handle = await open(path, constants.O_WRONLY);
    await probe?.close();
    probe = undefined;
    const st = await handle.stat();
    if (st.isFile() || st.isDirectory()) fail('cannot write: it changed into a file or folder while being opened');
    await handle.writeFile(bytes);
  } catch (err) {
    if (err instanceof InputError) throw err;
    fail(`cannot write (${errnoWords(err)})`);
  } finally {
    await probe?.close().catch(() => undefined);
    await handle?.close().catch(() => undefined);
  }
}
