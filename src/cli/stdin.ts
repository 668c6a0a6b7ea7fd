/**
 * `lint --stdin [--stdin-filename PATH]`: the text on standard input is linted as if it were
 * that file (its kind from the name, config resolved from its folder), as editors and
 * pre-commit hooks expect. Without a name it is HTML named `<text>` and config comes from cwd.
 */
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, decodeText, kindOf, looksBinary, sizeError } from '../input/index.js';
import { InputError } from '../errors.js';

export const STDIN_NAME = '<text>';

/** Reads all of standard input (refusing a terminal, which would wait forever, and input past `maxFileSize` bytes; 0: no limit). */
export async function readStdinBytes(stream: NodeJS.ReadStream = process.stdin, maxFileSize = DEFAULT_MAX_FILE_SIZE, shown = 'stdin'): Promise<Buffer> {
  if (stream.isTTY) throw new InputError('--stdin: standard input is a terminal; pipe an email in (inboxlint --stdin < email.html)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += b.length;
    const tooBig = sizeError(size, maxFileSize, shown);
    if (tooBig) throw tooBig;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** The absolute path stdin is linted as, and its text decoded as the file would be (`maxFileSize`: that path's size limit). */
export async function readStdinAs(stdinFilename: string | undefined, cwd: string, maxFileSize?: (filePath: string) => Promise<number>): Promise<{ filePath: string; text: string }> {
  const filePath = resolve(cwd, stdinFilename ?? STDIN_NAME);
  const shown = stdinFilename ?? 'stdin';
  const bytes = await readStdinBytes(process.stdin, maxFileSize ? await maxFileSize(filePath) : undefined, shown);
  if (looksBinary(bytes)) throw new InputError('looks like a binary file, not an email (HTML, MJML or .eml)', { filePath: shown });
  const text = kindOf(filePath) === 'eml' ? bytes.toString('latin1') : decodeText(bytes, shown);
  return { filePath, text };
}
