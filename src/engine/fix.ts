/**
 * Applying fixes, as `eslint --fix` does: the fixes of one lint pass are applied when they do
 * not overlap (the first by position wins; the others wait for the next pass), the text is
 * linted again, and so on until no fix is left or after MAX_FIX_PASSES passes.
 */
import { applyEdits, type TextEdit } from './edits.js';
import type { LintMessage, LintResult } from './types.js';

export const MAX_FIX_PASSES = 10;

/** The fixes of `messages` that can be applied together: sorted, none overlapping or touching the previous one. */
export function selectFixes(messages: readonly LintMessage[], predicate: (m: LintMessage) => boolean = () => true): TextEdit[] {
  const fixes = messages
    .filter((m) => m.fix && predicate(m))
    .map((m) => m.fix!)
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const out: TextEdit[] = [];
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const f of fixes) {
    if (f.range.start <= lastEnd || f.range.end < f.range.start) continue;
    out.push(f);
    lastEnd = f.range.end;
  }
  return out;
}

export interface FixOutcome<T> {
  /** The last lint of the fixed text (what remains). */
  last: T;
  /** The text after every pass. */
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
}

/**
 * Lints `text`, applies the non-overlapping fixes, re-lints the new text, and repeats.
 * `lintText` lints a text as the same file; `resultOf` reads its LintResult (undefined when the
 * text could not be linted, which stops the loop).
 */
export async function fixUntilStable<T>(
  text: string,
  first: T,
  lintText: (text: string) => Promise<T>,
  resultOf: (outcome: T) => LintResult | undefined,
  predicate?: (m: LintMessage) => boolean,
): Promise<FixOutcome<T>> {
  let last = first;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const result = resultOf(last);
    if (!result) break;
    const fixes = selectFixes(result.messages, predicate);
    if (!fixes.length) break;
    text = applyEdits(text, fixes);
    applied += fixes.length;
    passes++;
    last = await lintText(text);
  }
  return { last, text, applied, passes };
}
