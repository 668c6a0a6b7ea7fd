/**
 * Text edits on the ORIGINAL source: every change inboxlint writes (a suggestion, a tracking
 * parameter) is a `{range, text}` replacement of the smallest span. Never re-serialise a tree.
 */
import type { Range } from '../model/location.js';

export interface TextEdit {
  range: Range;
  text: string;
}

/**
 * Applies non-overlapping edits to `text`. Overlapping edits are an error (a bug in the
 * caller), except identical duplicates, which are applied once.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const parts: string[] = [];
  let pos = 0;
  let prev: TextEdit | undefined;
  for (const e of sorted) {
    if (prev && e.range.start === prev.range.start && e.range.end === prev.range.end && e.text === prev.text) continue;
    if (e.range.start < pos) throw new Error(`overlapping edits at offset ${e.range.start}`);
    if (e.range.end < e.range.start || e.range.end > text.length) throw new Error(`edit range out of bounds: ${e.range.start}-${e.range.end}`);
    parts.push(text.slice(pos, e.range.start), e.text);
    pos = e.range.end;
    prev = e;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
