/**
 * The per-file time budget (`maxFileTime`, `--max-file-time`): a file whose lint runs past it
 * gets one fatal finding naming the budget and where it ran out, instead of holding up the run.
 * In-process the engine checks it between rules; `--jobs` workers past it are terminated.
 */
import type { LintMessage } from './types.js';

/** Default per-file budget, in ms. */
export const DEFAULT_MAX_FILE_TIME = 10_000;

/** A deadline on the performance.now() clock; `over()` is true once it has passed. */
export interface Budget {
  readonly ms: number;
  over(): boolean;
}

export function startBudget(ms: number | undefined): Budget {
  const limit = ms ?? DEFAULT_MAX_FILE_TIME;
  const deadline = performance.now() + limit;
  return { ms: limit, over: () => limit > 0 && performance.now() > deadline };
}

/** The finding of a file that ran out of time (`after`: the last step that ran, e.g. `rule "cta-above-fold"`). */
export function budgetMessage(ms: number, after: string): LintMessage {
  return {
    ruleId: null,
    severity: 2,
    fatal: true,
    message: `linting this file took longer than its time budget of ${ms} ms (stopped after ${after}); raise maxFileTime or --max-file-time, or report the file`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    range: { start: 0, end: 0 },
  };
}

