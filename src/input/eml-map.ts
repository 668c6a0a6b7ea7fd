/**
 * Findings in an `.eml` file point at the file as written, not at the decoded HTML part: a
 * decoded offset is mapped back through the charset (UTF-8 bytes per character) and the
 * transfer encoding (quoted-printable `=XX` escapes and `=` soft line breaks, base64 groups of
 * four characters for three bytes, 7bit/8bit as is) to a byte offset in the raw message, and
 * from there to the line and column of the file. A finding about the message as a whole
 * (reported at the very start of the document, as header rules do) lands on line 1, in the
 * header block, instead of inside the HTML part.
 */
import type { Range, Span } from '../model/location.js';
import { LineIndex } from '../model/location.js';
import { walkQuotedPrintable } from './quoted-printable.js';

export interface EmlPartSource {
  /** The raw message (latin1: one character per byte). */
  raw: string;
  bodyStart: number;
  bodyEnd: number;
  transferEncoding: string;
  /** The label the part was decoded with (`utf-8`, `windows-1252`, …). */
  decoder: string;
  /** The decoded HTML the model parses. */
  html: string;
}

const BASE64_CHAR = /[A-Za-z0-9+/]/;

/**
 * For each decoded byte, its offset in the raw message. Every transfer encoding decodes to at
 * most one byte per raw character, so the offsets go in one array of the body's size (a growing
 * list of numbers cost ~30 MB of short-lived memory for a 1 MB message).
 */
function byteOrigins(src: EmlPartSource): Int32Array | undefined {
  const { raw, bodyStart, bodyEnd } = src;
  const enc = src.transferEncoding;
  const out = new Int32Array(Math.max(0, bodyEnd - bodyStart));
  let n = 0;
  if (enc === 'quoted-printable') {
    walkQuotedPrintable(raw, bodyStart, bodyEnd, (_byte, at) => {
      out[n++] = at;
    });
  } else if (enc === 'base64') {
    // 4 characters → 3 bytes (fewer at the padded end); byte k of a group starts in its character k.
    const group = [0, 0, 0, 0];
    let g = 0;
    for (let i = bodyStart; i < bodyEnd; i++) {
      if (!BASE64_CHAR.test(raw[i])) continue;
      group[g++] = i;
      if (g === 4) {
        out[n++] = group[0];
        out[n++] = group[1];
        out[n++] = group[2];
        g = 0;
      }
    }
    for (let k = 0; k < g - 1; k++) out[n++] = group[k];
  } else {
    for (let i = bodyStart; i < bodyEnd; i++) out[n++] = i;
  }
  return out.subarray(0, n);
}

/** For each UTF-16 index of the decoded text, the index of its first byte (undefined when the charset is not byte-mappable). */
function charToByte(html: string, decoder: string): Int32Array | undefined {
  const d = decoder.toLowerCase();
  const single = /^(windows-125\d|iso-8859-\d+|us-ascii|ascii|latin1|koi8-[ru])$/.test(d);
  if (!single && d !== 'utf-8') return undefined;
  const out = new Int32Array(html.length + 1);
  let b = 0;
  for (let i = 0; i < html.length; i++) {
    out[i] = b;
    if (single) {
      b += 1;
      continue;
    }
    const c = html.codePointAt(i)!;
    const len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) {
      out[++i] = b; // the low surrogate shares the character's bytes
    }
    b += len;
  }
  out[html.length] = b;
  return out;
}

/** `mapSpan` for an .eml document, or undefined when the part cannot be mapped (the decoded lines are kept). */
export function emlSpanMapper(src: EmlPartSource): ((range: Range, index: LineIndex) => Span) | undefined {
  const origins = byteOrigins(src);
  const toByte = charToByte(src.html, src.decoder);
  if (!origins || !toByte || !origins.length) return undefined;
  const file = new LineIndex(src.raw);
  const rawAt = (offset: number, end: boolean): number => {
    const o = Math.max(0, Math.min(offset, src.html.length));
    const byte = toByte[o];
    if (end && o > 0) {
      // The end of a range: just past the last byte of the previous character.
      const last = Math.min(origins.length - 1, Math.max(0, toByte[o] - 1));
      return origins[last] + 1;
    }
    return byte < origins.length ? origins[byte] : src.bodyEnd;
  };
  return (range) => {
    if (range.start === 0 && range.end === 0) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const a = file.position(rawAt(range.start, false));
    const b = range.end > range.start ? file.position(rawAt(range.end, true)) : a;
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
}
