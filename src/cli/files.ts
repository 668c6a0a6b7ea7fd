/** File helpers of the CLI. Input expansion lives in src/input/files.ts (the library needs it too). */
export { expandInputs, EMAIL_GLOB, type ExpandedFile } from '../input/files.js';

/** Writes `data` to `file` atomically: a temp file in the same directory, then rename. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const { mkdir, rename, rm, writeFile } = await import('node:fs/promises');
  const { dirname, basename, join } = await import('node:path');
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
