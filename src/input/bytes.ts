/**
 * Reading an input's bytes: size and directory checks, binary detection, and decoding to text
 * (UTF-8, UTF-16 by BOM, or the charset the document declares). Every refusal is an
 * InputError naming the file.
 */
import { readFile, readlink, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { errnoWords } from '../paths.js';

/**
 * Largest input inboxlint reads by default (bytes; `maxFileSize`, `--max-file-size`, 0: no
 * limit). Gmail clips a message past 102 KB, so a template of megabytes is not an email anyone
 * receives whole; 5 MB is fifty times the clip and lints in seconds.
 */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** A size as people read it: `5 MB`, `5.6 MB`, `100 KB`, `900 bytes`. */
const shownSize = (n: number) =>
  n >= 1048576 ? `${(n / 1048576).toFixed(1).replace(/\.0$/, '')} MB` : n >= 1024 ? `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB` : `${n} bytes`;

/** The refusal of an input of `size` bytes over `limit` (0: none), naming the file and the limit; undefined when it fits. */
export function sizeError(size: number, limit: number, filePath?: string): InputError | undefined {
  if (!(limit > 0) || size <= limit) return undefined;
  return new InputError(
    `file is ${shownSize(size)} (${size} bytes), over the ${shownSize(limit)} limit (maxFileSize ${limit}); Gmail clips emails past 102 KB — raise maxFileSize or --max-file-size (0: no limit) to lint it anyway`,
    { filePath },
  );
}


/** Reads a file's bytes with the checks every command shares (`maxFileSize`: bytes, 0 for no limit). */
export async function readInputBytes(filePath: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<Buffer> {
  let size: number;
  try {
    const s = await stat(filePath);
    if (s.isDirectory()) throw new InputError('is a directory, not an email file', { filePath });
    // A FIFO or a device would block the read or never end; a socket cannot be read at all.
    if (!s.isFile()) throw new InputError(`is ${s.isFIFO() ? 'a named pipe (FIFO)' : s.isSocket() ? 'a socket' : 'a device'}, not an email file`, { filePath });
    size = s.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw await readError(err, filePath);
  }
  const tooBig = sizeError(size, maxFileSize, filePath);
  if (tooBig) throw tooBig;
  try {
    return await readFile(filePath);
  } catch (err) {
    // Unreadable (permissions), or gone since the stat.
    throw await readError(err, filePath);
  }
}

/** The InputError for a failed stat or read: what happened, in words. */
async function readError(err: unknown, filePath: string): Promise<InputError> {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    const target = await readlink(filePath).catch(() => undefined);
    return new InputError(target === undefined ? 'no such file' : `is a symbolic link to a missing file (${target})`, { filePath });
  }
  return new InputError(`cannot read file (${errnoWords(err)})`, { filePath });
}


/** File signatures of formats that are never email text (PNG, JPEG, GIF, PDF, ZIP/DOCX, gzip, WebP/RIFF, ICO). */
const MAGIC: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x25, 0x50, 0x44, 0x46],
  [0x50, 0x4b, 0x03, 0x04],
  [0x1f, 0x8b],
  [0x52, 0x49, 0x46, 0x46],
  [0x00, 0x00, 0x01, 0x00],
];

/** The UTF-16 flavour announced by a byte-order mark, if any. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * True when the bytes look binary: a known binary signature, or NUL / control bytes making up
 * more than a sliver of the first 8 KB. A stray NUL in otherwise good text (some generators put
 * one in preheader fillers) does not make a file binary; UTF-16 text (with a BOM) is not binary.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((b, i) => bytes[i] === b))) return true;
  if (utf16Bom(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if (b < 8 || (b > 13 && b < 32 && b !== 27)) ctrl++;
  }
  return n > 0 && (nul > Math.max(2, n / 200) || (nul + ctrl) / n > 0.1);
}

/** The charset a document declares in `<meta charset>` or `<meta http-equiv content-type>`, if any. */
export function declaredCharset(head: string): string | undefined {
  const m = /<meta(?=\s)[^<>]*?charset\s*=\s*["']?([\w:.\-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/**
 * Decodes bytes as UTF-8 (BOM kept as U+FEFF so offsets and rewrites keep it), or, when they
 * are not valid UTF-8, in the charset the document declares. Throws InputError otherwise.
 */
export function decodeText(bytes: Uint8Array, filePath: string, fallbackCharset?: string): string {
  const utf16 = utf16Bom(bytes);
  if (utf16) return new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
    const cs = fallbackCharset ?? declaredCharset(head);
    if (!cs) {
      const bad = firstInvalidUtf8(bytes);
      throw new InputError(`not valid UTF-8 (at byte ${bad.offset}) and no charset is declared; save it as UTF-8 or add <meta charset>`, {
        filePath,
        line: bad.line,
      });
    }
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(cs, { fatal: false, ignoreBOM: true });
    } catch {
      throw new InputError(`unknown character encoding "${cs}"`, { filePath });
    }
    const text = decoder.decode(bytes);
    // Node decodes windows-1252 (which the WHATWG labels latin1, iso-8859-1 and ascii also mean)
    // as ISO-8859-1, turning € “ ” ’ – into C1 controls: map that range as browsers do.
    return decoder.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] || c) : text;
  }
}

/** windows-1252 bytes 0x80–0x9F (empty where the byte is unassigned). */
const WINDOWS_1252_C1 = [
  '€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
  '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ',
];

function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } {
  let lo = 0;
  let hi = bytes.length;
  const ok = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  let line = 1;
  for (let i = 0; i < lo; i++) if (bytes[i] === 10) line++;
  return { offset: lo, line };
}
