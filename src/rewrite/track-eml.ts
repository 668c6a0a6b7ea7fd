/**
 * Tracking for .eml: the HTML part is decoded (transfer encoding, then charset), its links are
 * rewritten by the HTML core, and the part is re-encoded with its own transfer encoding.
 * Every byte outside the HTML part's body — all headers, boundaries, other parts — stays as
 * it was; inside the body, quoted-printable lines that hold no change are kept verbatim too.
 *
 * Edits are applied to the part's BYTES (offsets converted from the decoded text), so the
 * charset never has to be re-encoded as a whole: only the new href values are, and those are
 * ASCII (tracking parameters are percent-encoded).
 */
import { readInputBytes } from '../input/bytes.js';
import { InputError } from '../errors.js';
import { loadEml, htmlPartOf, messageBytes, decodeQuotedPrintable, EML_NOTE, type HtmlPartInfo } from '../input/eml.js';
import type { TextEdit } from '../engine/edits.js';
import { resolveTrackOptions, type TrackOptions, type ResolvedTrackOptions } from './options.js';
import { trackDocument } from './html.js';
import type { TrackResult } from './result.js';

/** The bytes of the message `text` stands for (the file's own bytes when `text` is their decoding). */
async function originalBytes(filePath: string, text: string): Promise<Buffer> {
  try {
    const file = await readInputBytes(filePath, 0); // never a FIFO or a device: that would block
    if (file.toString('latin1') === text) return file;
    try {
      if (new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file) === text) return file;
    } catch {
      // not UTF-8
    }
  } catch {
    // no such file: text only
  }
  return messageBytes(text);
}

/** Byte offset in `bytes` (decoded with `decoder` into `text`) of each UTF-16 offset in `offsets` (sorted). */
function byteOffsets(info: HtmlPartInfo, offsets: number[]): number[] {
  const { html, bytes, decoder } = info;
  if (decoder === 'utf-8') {
    const out: number[] = [];
    let pos = 0;
    let b = 0;
    for (const o of offsets) {
      b += Buffer.byteLength(html.slice(pos, o), 'utf8');
      pos = o;
      out.push(b);
    }
    // A UTF-8 BOM is decoded as U+FEFF (3 bytes), so the sums above hold.
    return out;
  }
  if (bytes.length === html.length) return offsets; // single-byte charset: one byte per character
  // Multi-byte legacy charsets: the shortest prefix that decodes to `o` characters.
  const dec = (n: number) => new TextDecoder(decoder, { ignoreBOM: true }).decode(bytes.subarray(0, n)).length;
  return offsets.map((o) => {
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dec(mid) < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
}

/** Quoted-printable encoding of bytes that may hold line breaks (`eol`): lines ≤ 76 characters, soft breaks `=`. */
export function encodeQuotedPrintable(bytes: Uint8Array, eol: string): string {
  const out: string[] = [];
  let line = '';
  const lines: number[][] = [[]];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 13 && bytes[i + 1] === 10) continue;
    if (b === 10) {
      lines.push([]);
      continue;
    }
    lines[lines.length - 1].push(b);
  }
  lines.forEach((l, li) => {
    line = '';
    const physical: string[] = [];
    for (let i = 0; i < l.length; i++) {
      const b = l[i];
      const last = i === l.length - 1;
      const tok = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (line.length + tok.length > 75) {
        physical.push(`${line}=`);
        line = '';
      }
      line += tok;
    }
    physical.push(line);
    out.push(physical.join(eol));
    void li;
  });
  return out.join(eol);
}

/** base64, wrapped at 76 characters. */
export function encodeBase64(bytes: Uint8Array, eol: string): string {
  const b64 = Buffer.from(bytes).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(eol);
}

interface ByteEdit {
  start: number;
  end: number;
  bytes: Buffer;
}

function applyByteEdits(bytes: Buffer, edits: ByteEdit[]): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(bytes.subarray(pos, e.start), e.bytes);
    pos = e.end;
  }
  parts.push(bytes.subarray(pos));
  return Buffer.concat(parts);
}

/**
 * Re-encodes a quoted-printable body after byte edits, keeping every logical line (a hard
 * line with its soft breaks) that no edit touches exactly as it was.
 */
function requotedPrintable(body: string, decodedEdits: ByteEdit[], eol: string): string {
  // Logical lines: [rawStart, rawEnd) in body (without the hard line break), decoded bytes.
  const logical: Array<{ rawStart: number; rawEnd: number; dStart: number; dEnd: number; decoded: Buffer }> = [];
  let i = 0;
  let d = 0;
  while (i <= body.length) {
    const start = i;
    let end = i;
    // Extend over soft breaks.
    for (;;) {
      const nl = body.indexOf('\n', end);
      const lineEnd = nl < 0 ? body.length : nl;
      const content = body.slice(end, lineEnd).replace(/\r$/, '');
      if (/=[ \t]*$/.test(content) && nl >= 0) {
        end = nl + 1;
        continue;
      }
      end = lineEnd;
      break;
    }
    let rawEnd = end;
    if (body[rawEnd - 1] === '\r') rawEnd--;
    const decoded = decodeQuotedPrintable(body.slice(start, rawEnd));
    logical.push({ rawStart: start, rawEnd, dStart: d, dEnd: d + decoded.length, decoded });
    const brk = end < body.length ? (body[rawEnd] === '\r' ? 2 : 1) : 0;
    d += decoded.length + brk;
    if (end >= body.length) break;
    i = end + 1;
  }
  // Group the logical lines each edit touches; re-encode those groups only.
  const touched = new Set<number>();
  for (const e of decodedEdits) {
    logical.forEach((l, k) => {
      if (e.start <= l.dEnd && e.end >= l.dStart) touched.add(k);
    });
  }
  const out: string[] = [];
  let pos = 0;
  for (let k = 0; k < logical.length; k++) {
    if (!touched.has(k)) continue;
    let last = k;
    while (touched.has(last + 1)) last++;
    const from = logical[k];
    const to = logical[last];
    // Decoded bytes of the group (with its inner hard breaks), then the edits inside it.
    const groupDecoded = Buffer.concat(logical.slice(k, last + 1).flatMap((l, j) => (j === 0 ? [l.decoded] : [Buffer.from(eol, 'latin1'), l.decoded])));
    const local = decodedEdits
      .filter((e) => e.start >= from.dStart && e.end <= to.dEnd)
      .map((e) => ({ ...e, start: e.start - from.dStart, end: e.end - from.dStart }));
    out.push(body.slice(pos, from.rawStart), encodeQuotedPrintable(applyByteEdits(groupDecoded, local), eol));
    pos = to.rawEnd;
    k = last;
  }
  out.push(body.slice(pos));
  return out.join('');
}

/**
 * Applies text edits made on the decoded HTML part (`info.html`) to the raw message `raw`
 * (latin1, one character per byte): the part is re-encoded with its own transfer encoding and
 * every byte outside the edited lines stays as it was. Warnings about the result are pushed
 * to `warnings`. Used by tracking and by `variants` (label and colour edits).
 */
export function editHtmlPart(filePath: string, raw: string, info: HtmlPartInfo, textEdits: readonly TextEdit[], warnings: string[]): string {
  const edits = [...textEdits].sort((a, b) => a.range.start - b.range.start);
  if (!edits.length) return raw;
  const { part } = info;
  const body = raw.slice(part.bodyStart, part.bodyEnd);
  const eol = /\r\n/.test(body) || (!body.includes('\n') && raw.includes('\r\n')) ? '\r\n' : '\n';
  const offsets = byteOffsets(info, edits.flatMap((e) => [e.range.start, e.range.end]));
  const byteEdits: ByteEdit[] = edits.map((e: TextEdit, k) => {
    let encoded: Buffer;
    if (!/[^\x00-\x7f]/.test(e.text)) encoded = Buffer.from(e.text, 'latin1');
    else if (info.decoder === 'utf-8') encoded = Buffer.from(e.text, 'utf8');
    else if (info.bytes.length === info.html.length && /^(?:windows-1252|iso-8859-1|latin1)$/i.test(info.decoder) && !/[^\x00-\xff]/.test(e.text)) encoded = Buffer.from(e.text, 'latin1');
    else throw new InputError(`the new text holds non-ASCII characters that cannot be written in the HTML part's charset (${info.decoder})`, { filePath });
    return { start: offsets[2 * k], end: offsets[2 * k + 1], bytes: encoded };
  });

  let newBody: string;
  const te = part.transferEncoding;
  if (te === 'quoted-printable') {
    newBody = requotedPrintable(body, byteEdits, eol);
  } else if (te === 'base64') {
    const trailing = /\r?\n$/.exec(body)?.[0] ?? '';
    newBody = encodeBase64(applyByteEdits(info.bytes, byteEdits), eol) + trailing;
  } else {
    newBody = applyByteEdits(info.bytes, byteEdits).toString('latin1');
    if (te === '7bit' && /[^\x00-\x7f]/.test(newBody) && !/[^\x00-\x7f]/.test(body)) {
      warnings.push('the HTML part is declared 7bit but now holds 8-bit bytes');
    }
  }
  const output = raw.slice(0, part.bodyStart) + newBody + raw.slice(part.bodyEnd);
  if (te === 'quoted-printable' || te === 'base64') {
    const long = newBody.split(/\r?\n/).findIndex((l) => l.length > 76);
    if (long >= 0) warnings.push(`line ${raw.slice(0, part.bodyStart).split('\n').length + long} of the message (in the re-encoded HTML part) is longer than 76 characters`);
  }
  return output;
}

export async function trackEml(filePath: string, text: string, options: TrackOptions | ResolvedTrackOptions): Promise<TrackResult> {
  const opts = resolveTrackOptions(options);
  const bytes = await originalBytes(filePath, text);
  const raw = bytes.toString('latin1');
  const info = htmlPartOf(raw);
  if (!info) throw new InputError('no text/html part; inboxlint tracks the links of a message’s HTML', { filePath });
  const doc = await loadEml(filePath, raw, {});
  const r = trackDocument(doc, opts);
  // Manifest lines are lines of the message as written, unless the part could not be mapped back.
  const warnings = doc.facts.note === EML_NOTE ? [...r.warnings, 'manifest lines refer to the decoded text/html part'] : [...r.warnings];
  const output = editHtmlPart(filePath, raw, info, r.edits, warnings);
  return { filePath, output, manifest: r.manifest, warnings, changed: output !== raw, encoding: 'latin1' };
}
