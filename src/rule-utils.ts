/**
 * Small helpers rules share: grapheme counting (what the reader sees, not UTF-16 units),
 * quoting text in messages, and where to report a document-level finding.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './model/document.js';
import type { Range } from './model/location.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Characters segmented at a time: V8's segment iterator costs time in the whole string's length
 * per step. Windows start small (most callers stop after a few dozen characters) and grow.
 */
const FIRST_WINDOW = 64;
const MAX_WINDOW = 1024;

/**
 * The user-perceived characters of `s`, in order, in time linear in its length. Each window is
 * segmented on its own and its last segment is carried into the next window, since a cluster
 * (an emoji with modifiers, a flag) can straddle the window's end.
 */
export function* graphemes(s: string): Generator<string> {
  // ASCII without CR LF (the one ASCII pair that is one cluster): each unit is a cluster.
  if (!/[^\x00-\x7f]|\r\n/.test(s)) {
    for (let i = 0; i < s.length; i++) yield s[i];
    return;
  }
  let from = 0;
  let size = FIRST_WINDOW;
  while (from < s.length) {
    let end = Math.min(s.length, from + size);
    size = Math.min(MAX_WINDOW, size * 2);
    // Never cut a surrogate pair: half an emoji would end the cluster before it.
    if (end < s.length && /[\ud800-\udbff]/.test(s[end - 1])) end--;
    const window = s.slice(from, end);
    if (end === s.length) {
      for (const { segment } of segmenter.segment(window)) yield segment;
      return;
    }
    let last: { segment: string; index: number } | undefined;
    for (const seg of segmenter.segment(window)) {
      if (last) yield last.segment;
      last = seg;
    }
    if (last && last.index > 0) {
      from += last.index;
    } else {
      // A window that is one huge cluster (a base with endless combining marks) still moves on.
      yield window;
      from = end;
    }
  }
}

/** Number of user-perceived characters (an emoji with modifiers counts as 1). */
export function graphemeLength(s: string): number {
  // Printable ASCII, tabs and line feeds are one character each: no need to segment.
  if (!/[^\t\n\x20-\x7e]/.test(s)) return s.length;
  let n = 0;
  for (const _ of graphemes(s)) n++;
  return n;
}

/** The first `n` graphemes of `s`. */
export function graphemeSlice(s: string, n: number): string {
  let out = '';
  let i = 0;
  for (const segment of graphemes(s)) {
    if (i++ >= n) break;
    out += segment;
  }
  return out;
}

/**
 * `s` cut to `max` graphemes with an ellipsis when longer. Segments at most `max + 1`
 * graphemes (a text run can be a whole page long), and none when `s` has at most `max` UTF-16
 * units (a grapheme is at least one unit).
 */
export function truncate(s: string, max = 60): string {
  if (s.length <= max) return s;
  let n = 0;
  for (const _ of graphemes(s)) if (++n > max) return `${graphemeSlice(s, max - 1).trimEnd()}…`;
  return s;
}

/**
 * Where a finding about the whole document goes: the `<html>` start tag, else the first
 * element's start tag, else the start of the text.
 */
export function documentStartRange(doc: EmailDocument): Range {
  const el: Element | undefined = doc.htmlElement ?? doc.renderedElements[0];
  return el ? doc.startTagRange(el) : { start: 0, end: 0 };
}

/** The offset just after a start tag's name (`<table|`), where an attribute can be inserted. */
export function afterTagName(doc: EmailDocument, el: Element): number {
  return (el.startIndex ?? 0) + 1 + el.name.length;
}
