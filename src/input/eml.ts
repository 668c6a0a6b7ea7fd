/**
 * .eml input: parse the message with mailparser; rules read the decoded text/html part.
 *
 * mailparser gives the decoded headers (Subject per RFC 2047) and tells whether there is a
 * text/plain alternative. The HTML part itself is located by a small MIME walker with exact
 * byte offsets (boundaries, part headers, transfer encoding), because the link rewriter must
 * re-encode that part in place and leave every other byte of the message as it was; lint and
 * track then read the very same decoded HTML. Findings point at the `.eml` file as written:
 * offsets in the decoded part are mapped back through the charset and the transfer encoding
 * (eml-map.ts), and header findings (Subject, List-Unsubscribe) land on the header's line. When
 * the part cannot be mapped (a charset that is not UTF-8 or single-byte, or a part only
 * mailparser found) the lines refer to the decoded part, and `doc.facts.note` says so.
 *
 * The message text is a "latin1 string": one character per byte (src/input/index.ts reads .eml so).
 */
import { EmailDocument } from '../model/document.js';
import type { LoadOptions } from './types.js';
import { declaredCharset } from './bytes.js';
import { InputError } from '../errors.js';
import type { EmlExtra } from '../model/extra.js';
import { LineIndex, type Span } from '../model/location.js';
import { emlSpanMapper } from './eml-map.js';
import { walkQuotedPrintable } from './quoted-printable.js';

/** `doc.facts.note` when the decoded part could not be mapped back to the file. */
export const EML_NOTE = 'lines refer to the decoded text/html part';
/** `doc.facts.note` when findings point at the file as written. */
export const EML_MAPPED_NOTE = 'lines refer to the .eml file; ranges to the decoded text/html part';

export interface MimeHeader {
  /** Lower-case name. */
  name: string;
  /** Unfolded raw value (not RFC 2047 decoded). */
  value: string;
  /** Byte range of the whole field (name to end of its last line, without the final line break). */
  start: number;
  end: number;
}

export interface MimePart {
  /** Byte offsets in the raw message. */
  start: number;
  headerEnd: number;
  bodyStart: number;
  bodyEnd: number;
  headers: MimeHeader[];
  /** `text/html` (lower case); `text/plain` when absent. */
  type: string;
  params: Record<string, string>;
  /** `7bit`, `8bit`, `binary`, `quoted-printable`, `base64` (lower case). */
  transferEncoding: string;
  disposition?: string;
  children: MimePart[];
  /** A part of a multipart body that no delimiter line follows: the message ends inside it (truncated). */
  unterminated?: boolean;
}


// — MIME walker ———————————————————————————————————————————————————————————

function lineEndAt(raw: string, i: number): number {
  const nl = raw.indexOf('\n', i);
  return nl < 0 ? raw.length : nl;
}

/** Parses the header block starting at `start`; returns the headers and where the body begins. */
export function parseHeaderBlock(raw: string, start: number, limit = raw.length): { headers: MimeHeader[]; headerEnd: number; bodyStart: number } {
  const headers: MimeHeader[] = [];
  let i = start;
  let cur: MimeHeader | null = null;
  while (i < limit) {
    const nl = Math.min(lineEndAt(raw, i), limit);
    let line = raw.slice(i, nl);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const next = nl < limit ? nl + 1 : limit;
    if (line === '') {
      return { headers, headerEnd: i, bodyStart: next };
    }
    if ((line[0] === ' ' || line[0] === '\t') && cur) {
      cur.value += ' ' + line.trim();
      cur.end = i + line.length;
    } else {
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon).trimEnd() : '';
      if (name && /^[!-9;-~]+$/.test(name)) {
        cur = { name: name.toLowerCase(), value: line.slice(colon + 1).trim(), start: i, end: i + line.length };
        headers.push(cur);
      } else if (i === start && line.startsWith('From ')) {
        // mbox "From " separator line: not a header.
      } else if (headers.length === 0) {
        // Not a header block at all (a body without headers).
        return { headers, headerEnd: start, bodyStart: start };
      }
    }
    i = next;
  }
  return { headers, headerEnd: limit, bodyStart: limit };
}

/** `type/subtype; a=b; c="d"` → type and lower-case-keyed params (RFC 2231 continuations joined). */
export function parseContentType(value: string | undefined): { type: string; params: Record<string, string> } {
  if (!value) return { type: '', params: {} };
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase();
  const params: Record<string, string> = {};
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  let m: RegExpExecArray | null;
  const rest = semi < 0 ? '' : value.slice(semi);
  while ((m = re.exec(rest))) {
    const key = m[1].toLowerCase().replace(/\*\d*\*?$/, '');
    const v = (m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? '').trim());
    params[key] = key in params && /\*\d/.test(m[1]) ? params[key] + v : v;
  }
  return { type, params };
}

function header(headers: MimeHeader[], name: string): string | undefined {
  return headers.find((h) => h.name === name)?.value;
}

/** Walks the MIME tree of a raw message (latin1 string), with byte offsets. */
export function parseMime(raw: string, start = 0, end = raw.length, depth = 0): MimePart {
  const { headers, headerEnd, bodyStart } = parseHeaderBlock(raw, start, end);
  const ct = parseContentType(header(headers, 'content-type'));
  const part: MimePart = {
    start,
    headerEnd,
    bodyStart,
    bodyEnd: end,
    headers,
    type: ct.type || 'text/plain',
    params: ct.params,
    transferEncoding: (header(headers, 'content-transfer-encoding') ?? '7bit').trim().toLowerCase(),
    disposition: header(headers, 'content-disposition')?.split(';')[0].trim().toLowerCase(),
    children: [],
  };
  const boundary = ct.params.boundary;
  if (part.type.startsWith('multipart/') && boundary && depth < 50) {
    const delim = `--${boundary}`;
    // Delimiter lines: at the start of a line, `--boundary` then optional `--`, then whitespace.
    const positions: Array<{ lineStart: number; lineEnd: number; close: boolean }> = [];
    let i = bodyStart;
    while (i <= end) {
      const at = raw.indexOf(delim, i);
      if (at < 0 || at >= end) break;
      const atLineStart = at === bodyStart || raw[at - 1] === '\n';
      const after = raw.slice(at + delim.length, at + delim.length + 2);
      const le = Math.min(lineEndAt(raw, at), end);
      if (atLineStart && /^[ \t\r]*$/.test(raw.slice(at + delim.length + (after === '--' ? 2 : 0), le))) {
        positions.push({ lineStart: at, lineEnd: le < end ? le + 1 : end, close: after === '--' });
        if (after === '--') break;
      }
      i = at + delim.length;
    }
    for (let k = 0; k + 1 < positions.length || (k < positions.length && !positions[k].close); k++) {
      if (positions[k].close) break;
      const s = positions[k].lineEnd;
      let e = k + 1 < positions.length ? positions[k + 1].lineStart : end;
      // The line break before a delimiter belongs to the delimiter.
      if (e > s && raw[e - 1] === '\n') e -= raw[e - 2] === '\r' && e - 2 >= s ? 2 : 1;
      const child = parseMime(raw, s, Math.max(s, e), depth + 1);
      if (k + 1 >= positions.length) child.unterminated = true;
      part.children.push(child);
    }
  }
  return part;
}

function* partsOf(p: MimePart): Generator<MimePart> {
  yield p;
  for (const c of p.children) yield* partsOf(c);
}

/** The first text/html part that is not an attachment. */
export function findHtmlPart(root: MimePart): MimePart | undefined {
  for (const p of partsOf(root)) if (p.type === 'text/html' && p.disposition !== 'attachment') return p;
  return undefined;
}

export function hasTextPlain(root: MimePart): boolean {
  for (const p of partsOf(root)) if (p.type === 'text/plain' && p.disposition !== 'attachment' && !p.children.length && (p !== root || p.headers.some((h) => h.name === 'content-type'))) return true;
  return false;
}

// — Transfer encodings ————————————————————————————————————————————————————

export function decodeQuotedPrintable(body: string): Buffer {
  const out: number[] = [];
  walkQuotedPrintable(body, 0, body.length, (byte) => out.push(byte));
  return Buffer.from(out);
}

export function decodeTransfer(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

const CHARSET_ALIASES: Record<string, string> = { 'us-ascii': 'windows-1252', ascii: 'windows-1252', 'ansi_x3.4-1968': 'windows-1252', utf8: 'utf-8', latin1: 'windows-1252' };

/** True when `charset` names an encoding inboxlint can decode (WHATWG labels and the aliases above). */
function knownCharset(charset: string): boolean {
  try {
    new TextDecoder(CHARSET_ALIASES[charset.toLowerCase()] ?? charset.toLowerCase());
    return true;
  } catch {
    return false;
  }
}

/** Decodes part bytes in a charset; unknown or absent charsets fall back to UTF-8 (then windows-1252). */
export function decodeCharset(bytes: Uint8Array, charset: string | undefined): { text: string; decoder: string } {
  const label = charset ? (CHARSET_ALIASES[charset.toLowerCase()] ?? charset.toLowerCase()) : undefined;
  if (label && label !== 'windows-1252') {
    try {
      return { text: new TextDecoder(label, { ignoreBOM: true }).decode(bytes), decoder: new TextDecoder(label).encoding };
    } catch {
      // unknown label: fall through
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), decoder: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), decoder: 'windows-1252' };
  }
}

/** The message as bytes: latin1 text (as src/input/index.ts reads it) or, if it holds wider characters, UTF-8. */
export function messageBytes(text: string): Buffer {
  return /[^\x00-\xff]/.test(text) ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1');
}

export interface HtmlPartInfo {
  root: MimePart;
  part: MimePart;
  html: string;
  bytes: Buffer;
  decoder: string;
}

/** Locates and decodes the HTML part of a raw message (latin1 string). */
export function htmlPartOf(raw: string): HtmlPartInfo | undefined {
  const root = parseMime(raw);
  const part = findHtmlPart(root);
  if (!part) return undefined;
  const bytes = decodeTransfer(raw.slice(part.bodyStart, part.bodyEnd), part.transferEncoding);
  const { text, decoder } = decodeCharset(bytes, part.params.charset);
  return { root, part, html: text, bytes, decoder };
}

// — Loader ————————————————————————————————————————————————————————————————

export async function loadEml(filePath: string, text: string, loadOptions: LoadOptions): Promise<EmailDocument> {
  const { mjmlCache: _cache, ...options } = loadOptions;
  if (text.trim() === '') throw new InputError('file is empty', { filePath });
  const bytes = messageBytes(text);
  const raw = bytes.toString('latin1');
  const info = htmlPartOf(raw);
  const root = info?.root ?? parseMime(raw);
  if (!root.headers.length) throw new InputError('no message headers found: not an .eml message (RFC 5322)', { filePath, line: 1 });
  const file = new LineIndex(raw);
  const lineStarts = (o: number) => file.position(o).line;

  const { simpleParser } = await import('mailparser');
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await simpleParser(bytes, { keepCidLinks: true, skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  } catch (err) {
    throw new InputError(`cannot parse the message: ${(err as Error)?.message ?? String(err)}`, { filePath });
  }
  let html = info?.html;
  let decoder = info?.decoder ?? 'mailparser';
  if (html === undefined && typeof parsed.html === 'string' && parsed.html.trim()) {
    html = parsed.html;
    decoder = 'mailparser';
  }
  if (html === undefined || !html.trim()) {
    const multipart = info ? undefined : multipartProblem(root, lineStarts);
    if (multipart) throw new InputError(multipart.message, { filePath, line: multipart.line });
    throw new InputError(
      info
        ? 'the text/html part is empty; inboxlint lints the HTML of a message'
        : !root.headers.some((h) => h.name === 'content-type') && /^\s*<(!doctype|html)/i.test(raw.slice(root.bodyStart, root.bodyStart + 2000))
          ? 'no text/html part (the body looks like HTML but the message has no Content-Type header, so mail clients show it as text/plain); inboxlint lints the HTML of a message'
          : 'no text/html part; inboxlint lints the HTML of a message',
      { filePath },
    );
  }

  if (info && html === info.html) checkHtmlPart(raw, info.part, html, filePath, lineStarts);
  const headers: Record<string, string[]> = {};
  const headerLines: Record<string, number> = {};
  const fields: Record<string, Span> = {};
  for (const h of root.headers) {
    (headers[h.name] ??= []).push(h.value);
    if (!(h.name in headerLines)) {
      headerLines[h.name] = lineStarts(h.start);
      fields[h.name] = file.span({ start: h.start, end: h.end });
    }
  }
  const block = file.span({ start: root.start, end: root.start });
  const part = info?.part;
  const mapSpan =
    part && html === info?.html
      ? emlSpanMapper({ raw, bodyStart: part.bodyStart, bodyEnd: part.bodyEnd, transferEncoding: part.transferEncoding, decoder, html })
      : undefined;
  const eml: EmlExtra = {
    headers,
    subject: parsed.subject,
    hasTextPart: hasTextPlain(root) || (typeof parsed.text === 'string' && parsed.text.trim() !== '' && !info),
    hasHtmlPart: !!info,
    partCharset: part?.params.charset?.toLowerCase(),
    htmlCharset: declaredCharset(html.slice(0, 4096)),
    decodedWith: decoder,
    asciiOnly: info ? !info.bytes.some((b) => b > 0x7f) : !/[^\x00-\x7f]/.test(html),
    transferEncoding: part?.transferEncoding ?? '7bit',
    htmlPart: part ? { bodyStart: part.bodyStart, bodyEnd: part.bodyEnd, line: lineStarts(part.bodyStart) } : undefined,
    headerLines,
    lineEnding: /\r\n/.test(raw.slice(0, 2000)) ? '\r\n' : '\n',
    raw,
  };
  const subject = parsed.subject;
  return new EmailDocument({
    ...options,
    filePath,
    text: html,
    kind: 'eml',
    ...(subject !== undefined && subject !== '' ? { foundSubject: { text: subject, source: 'header', inferred: false, header: 'subject' } } : {}),
    ...(mapSpan ? { mapSpan } : {}),
    headerSpans: { fields, block },
    facts: { ...options.facts, eml, note: mapSpan ? EML_MAPPED_NOTE : EML_NOTE },
  });
}

/** The offset of a part's Content-Type header (else of the part). */
function contentTypeAt(part: MimePart): number {
  return part.headers.find((h) => h.name === 'content-type')?.start ?? part.start;
}

/** Why no part was found: a multipart whose boundary is not given, or never appears. */
function multipartProblem(root: MimePart, lineOf: (offset: number) => number): { message: string; line: number } | undefined {
  for (const p of partsOf(root)) {
    if (!p.type.startsWith('multipart/') || p.children.length) continue;
    const b = p.params.boundary;
    const why = b ? `has no "--${b}" boundary line` : 'has no boundary parameter';
    return { message: `no text/html part: the ${p.type} body ${why}, so its parts cannot be found`, line: lineOf(contentTypeAt(p)) };
  }
  return undefined;
}

/** A text/html part that cannot be linted as it is: cut off, corrupt base64, an unknown charset. */
function checkHtmlPart(raw: string, part: MimePart, html: string, filePath: string, lineOf: (offset: number) => number): void {
  // Without its closing boundary the part may still be whole (some generators omit it): cut off when it does not end with </html>.
  if (part.unterminated && html.trimEnd().slice(-7).toLowerCase() !== '</html>') {
    throw new InputError('the message ends inside its text/html part (no boundary line follows it): the file looks truncated', { filePath, line: lineOf(part.start) });
  }
  if (part.transferEncoding === 'base64') {
    const bad = /[^A-Za-z0-9+/=\s]/.exec(raw.slice(part.bodyStart, part.bodyEnd));
    if (bad) {
      throw new InputError(`the text/html part is not valid base64 (${JSON.stringify(bad[0])} is not a base64 character)`, { filePath, line: lineOf(part.bodyStart + bad.index) });
    }
  }
  const charset = part.params.charset;
  if (charset && !knownCharset(charset)) {
    throw new InputError(`the text/html part's charset "${charset}" is not a known character encoding`, { filePath, line: lineOf(contentTypeAt(part)) });
  }
}
