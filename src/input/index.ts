/**
 * Inputs → EmailDocument. The one place that dispatches on the input kind: HTML is parsed as
 * is, MJML is compiled (src/input/mjml.ts, mjml loaded lazily: ~280 ms to import) and mapped
 * back to the MJML source, .eml is decoded to its text/html part (src/input/eml.ts). The model
 * never reads files.
 */
import { extname } from 'node:path';
import { EmailDocument, type InputKind } from '../model/document.js';
import { InputError } from '../errors.js';
import { decodeText, looksBinary, readInputBytes, sizeError } from './bytes.js';
import type { LoadOptions } from './types.js';
import { prepareLanguage } from '../model/language.js';

export type { LoadOptions } from './types.js';
export { DEFAULT_MAX_FILE_SIZE, sizeError, readInputBytes, looksBinary, utf16Bom, declaredCharset, decodeText } from './bytes.js';

export const INPUT_EXTENSIONS: Record<string, InputKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.mjml': 'mjml',
  '.eml': 'eml',
};

export function kindOf(filePath: string): InputKind | undefined {
  return INPUT_EXTENSIONS[extname(filePath).toLowerCase()];
}

/** Builds the document for `text` of the given kind (and loads the language detector if it needs it). */
export async function documentFromText(filePath: string, text: string, options: LoadOptions = {}): Promise<EmailDocument> {
  const doc = await buildDocument(filePath, text, options);
  await prepareLanguage(doc);
  return doc;
}

async function buildDocument(filePath: string, text: string, options: LoadOptions): Promise<EmailDocument> {
  const { maxFileSize, ...load } = options;
  const kind = load.kind ?? kindOf(filePath) ?? 'html';
  if (maxFileSize !== undefined) {
    const tooBig = sizeError(Buffer.byteLength(text, kind === 'eml' ? 'latin1' : 'utf8'), maxFileSize, filePath);
    if (tooBig) throw tooBig;
  }
  if (kind === 'html') {
    if (text.trim() === '') throw new InputError('file is empty', { filePath });
    const { mjmlCache: _cache, ...input } = load;
    return new EmailDocument({ ...input, filePath, text, kind });
  }
  if (kind === 'mjml') {
    const { loadMjml } = await import('./mjml.js');
    return loadMjml(filePath, text, load);
  }
  const { loadEml } = await import('./eml.js');
  return loadEml(filePath, text, load);
}

/** Reads and parses one email file. Throws InputError for anything that cannot be linted. */
export async function loadFile(filePath: string, options: LoadOptions = {}): Promise<EmailDocument> {
  const { maxFileSize, ...rest } = options;
  const bytes = await readInputBytes(filePath, maxFileSize);
  if (bytes.length === 0) throw new InputError('file is empty', { filePath });
  if (looksBinary(bytes)) throw new InputError('looks like a binary file, not an email (HTML, MJML or .eml)', { filePath });
  const kind = options.kind ?? kindOf(filePath) ?? 'html';
  // .eml is bytes on the wire (7-bit/8-bit MIME): read as latin1 so no byte is lost; the adapter decodes parts.
  const text = kind === 'eml' ? bytes.toString('latin1') : decodeText(bytes, filePath);
  return documentFromText(filePath, text, { ...rest, kind });
}
