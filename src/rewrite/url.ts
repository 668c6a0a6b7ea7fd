/**
 * Byte-careful URL surgery on the RAW href value (as written in the attribute, entities not
 * decoded). Nothing here re-serialises a URL: we find where the query and the `#fragment` are,
 * read the existing parameters, and return the raw value with the smallest insertions or
 * in-place replacements. Merge tags (`{{x}}`, `*|X|*`, `<%x%>`, …) are opaque: a `?`, `#`, `&`
 * or `=` inside one is not structure, and a merge tag is never encoded, split or reordered.
 */
import { decodeHTMLAttribute } from 'entities';
import { findMergeTags, type MergeTag } from '../model/merge-tags.js';
import { applyEdits, type TextEdit } from '../engine/edits.js';

/** One existing query parameter, with offsets into the raw value. */
interface QueryParam {
  /** Decoded key (entities, then percent-escapes, decoded). */
  key: string;
  /** Range of the whole `key=value` in the raw value. */
  start: number;
  end: number;
  /** Range of the raw value after `=`, or null when the parameter has no `=`. */
  valueStart: number | null;
  valueEnd: number;
  /** Decoded value ('' when none). */
  value: string;
}

export interface RawUrl {
  raw: string;
  /** The URL proper, without the leading/trailing whitespace browsers strip. */
  coreStart: number;
  coreEnd: number;
  /** Offset of the `?` (or the entity that decodes to it), or -1. */
  queryStart: number;
  /** Offset of the `#` that starts the fragment, or coreEnd when there is none. */
  fragmentStart: number;
  params: QueryParam[];
  /** Raw spelling of each separator between parameters (`&`, `&amp;`, `&#38;` …). */
  separators: string[];
  /** True when the query is empty or ends with a separator (the next parameter needs no separator). */
  queryOpenEnded: boolean;
  mergeTags: MergeTag[];
}

const ENTITY = /&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)/y;
const WS = new Set([' ', '\t', '\n', '\f', '\r']);

interface Unit {
  start: number;
  end: number;
  /** The decoded character ('' for a merge tag). */
  ch: string;
}

/** Splits a raw value into units: a merge tag, a character reference, or one code unit. */
function units(raw: string, from: number, to: number, tags: readonly MergeTag[]): Unit[] {
  const out: Unit[] = [];
  let t = 0;
  for (let i = from; i < to; ) {
    while (t < tags.length && tags[t].range.end <= i) t++;
    if (t < tags.length && tags[t].range.start === i) {
      out.push({ start: i, end: tags[t].range.end, ch: '' });
      i = tags[t].range.end;
      continue;
    }
    if (raw.charCodeAt(i) === 38 /* & */) {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(raw);
      if (m && m.index + m[0].length <= to) {
        const d = decodeHTMLAttribute(m[0]);
        if (d !== m[0]) {
          out.push({ start: i, end: i + m[0].length, ch: d });
          i += m[0].length;
          continue;
        }
      }
    }
    out.push({ start: i, end: i + 1, ch: raw[i] });
    i++;
  }
  return out;
}

function safeDecodeURIComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Parses the structure of a raw href value. Linear; never throws. */
export function parseRawUrl(raw: string, mergeTags: readonly MergeTag[] = findMergeTags(raw)): RawUrl {
  let coreStart = 0;
  let coreEnd = raw.length;
  while (coreStart < coreEnd && WS.has(raw[coreStart])) coreStart++;
  while (coreEnd > coreStart && WS.has(raw[coreEnd - 1])) coreEnd--;
  const us = units(raw, coreStart, coreEnd, mergeTags);
  let queryUnit = -1;
  let fragUnit = -1;
  for (let k = 0; k < us.length; k++) {
    const ch = us[k].ch;
    if (ch === '#') {
      fragUnit = k;
      break;
    }
    if (ch === '?' && queryUnit < 0) queryUnit = k;
  }
  const fragmentStart = fragUnit < 0 ? coreEnd : us[fragUnit].start;
  const url: RawUrl = {
    raw,
    coreStart,
    coreEnd,
    queryStart: queryUnit < 0 ? -1 : us[queryUnit].start,
    fragmentStart,
    params: [],
    separators: [],
    queryOpenEnded: true,
    mergeTags: [...mergeTags],
  };
  if (queryUnit < 0) return url;
  const end = fragUnit < 0 ? us.length : fragUnit;
  let pieceStart = queryUnit + 1;
  const flush = (to: number) => {
    if (to <= pieceStart) return;
    const p = us.slice(pieceStart, to);
    const eq = p.findIndex((u) => u.ch === '=');
    const keyUnits = eq < 0 ? p : p.slice(0, eq);
    const valUnits = eq < 0 ? [] : p.slice(eq + 1);
    const text = (xs: Unit[]) => xs.map((u) => (u.ch === '' ? raw.slice(u.start, u.end) : u.ch)).join('');
    url.params.push({
      key: safeDecodeURIComponent(text(keyUnits)),
      start: p[0].start,
      end: p[p.length - 1].end,
      valueStart: eq < 0 ? null : p[eq].end,
      valueEnd: p[p.length - 1].end,
      value: safeDecodeURIComponent(text(valUnits)),
    });
  };
  for (let k = queryUnit + 1; k < end; k++) {
    if (us[k].ch === '&') {
      flush(k);
      url.separators.push(raw.slice(us[k].start, us[k].end));
      pieceStart = k + 1;
    }
  }
  flush(end);
  url.queryOpenEnded = end === queryUnit + 1 || us[end - 1].ch === '&';
  return url;
}

/** The separator this URL already uses (most frequent spelling), or undefined. */
function separatorStyle(url: RawUrl): string | undefined {
  if (!url.separators.length) return undefined;
  const counts = new Map<string, number>();
  for (const s of url.separators) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** encodeURIComponent, stricter (RFC 3986: also `!'()*`), so a value can never close a single-quoted attribute. */
function encodeStrict(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Percent-encodes a parameter key or value, leaving every merge tag in it byte for byte. */
export function encodeParam(value: string): string {
  const tags = findMergeTags(value);
  if (!tags.length) return encodeStrict(value);
  let out = '';
  let pos = 0;
  for (const t of tags) {
    out += encodeStrict(value.slice(pos, t.range.start)) + t.text;
    pos = t.range.end;
  }
  return out + encodeStrict(value.slice(pos));
}

export interface SetParamsResult {
  /** The new raw value (=== raw when nothing changed). */
  value: string;
  /** Names of the parameters inserted. */
  added: string[];
  /** Names of the wanted parameters already present and left as they were. */
  kept: string[];
  /** Names of the parameters whose value was replaced in place (overwrite). */
  replaced: string[];
}

/**
 * Adds `params` (in the given order, after the existing ones, before any fragment) to the raw
 * value. Existing parameters with the same name are kept, or, with `overwrite`, get the new
 * value in place. `separator` is used only when the URL has none of its own.
 */
export function setParams(
  raw: string,
  params: ReadonlyArray<readonly [string, string]>,
  opts: { overwrite?: boolean; separator?: string; url?: RawUrl } = {},
): SetParamsResult {
  const url = opts.url ?? parseRawUrl(raw);
  const sep = separatorStyle(url) ?? opts.separator ?? '&amp;';
  const added: string[] = [];
  const kept: string[] = [];
  const replaced: string[] = [];
  const edits: TextEdit[] = [];
  const toAdd: string[] = [];
  for (const [key, value] of params) {
    const existing = url.params.filter((p) => p.key.toLowerCase() === key.toLowerCase());
    if (!existing.length) {
      toAdd.push(`${encodeParam(key)}=${encodeParam(value)}`);
      added.push(key);
      continue;
    }
    if (!opts.overwrite || existing.every((p) => p.value === value)) {
      kept.push(key);
      continue;
    }
    for (const p of existing) {
      if (p.value === value) continue;
      const enc = encodeParam(value);
      edits.push(
        p.valueStart === null
          ? { range: { start: p.end, end: p.end }, text: `=${enc}` }
          : { range: { start: p.valueStart, end: p.valueEnd }, text: enc },
      );
    }
    replaced.push(key);
  }
  if (toAdd.length) {
    const lead = url.queryStart < 0 ? '?' : url.queryOpenEnded ? '' : sep;
    edits.push({ range: { start: url.fragmentStart, end: url.fragmentStart }, text: lead + toAdd.join(sep) });
  }
  return { value: edits.length ? applyEdits(raw, edits) : raw, added, kept, replaced };
}


/** A slug for analytics: lower-case letters and digits (any script) joined by `-`, at most `max` characters. */
export function slugify(text: string, max = 40): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, ''); // runs are single dashes by now
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return (dash > max / 2 ? cut.slice(0, dash) : cut).replace(/-$/, '');
}
