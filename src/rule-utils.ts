/**
 * Small helpers rules share: grapheme counting (what the reader sees, not UTF-16 units),
 * quoting text in messages, and where to report a document-level finding.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './model/document.js';
import type { Range } from './model/location.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Number of user-perceived characters (an emoji with modifiers counts as 1). */
export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of segmenter.segment(s)) n++;
  return n;
}

/** The first `n` graphemes of `s`. */
export function graphemeSlice(s: string, n: number): string {
  let out = '';
  let i = 0;
  for (const { segment } of segmenter.segment(s)) {
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
  let out = '';
  let kept = '';
  let i = 0;
  for (const { segment } of segmenter.segment(s)) {
    if (i === max - 1) kept = out;
    if (i++ >= max) return `${kept.trimEnd()}…`;
    out += segment;
  }
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
