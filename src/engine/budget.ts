/**
 * The per-file time budget (`maxFileTime`, `--max-file-time`): a file whose lint runs past it
 * gets one fatal finding naming the budget and where it ran out, instead of holding up the run.
 * In-process the engine checks it between rules and runs each rule under the budget's deadline
 * (src/deadline.ts), which the model's long loops check, so one long step is cut short too;
 * `--jobs` workers past it are terminated.
 */
import type { LintMessage } from './types.js';
import { DeadlineError, withDeadline } from '../deadline.js';
import { InputError } from '../errors.js';

/** Default per-file budget, in ms. */
export const DEFAULT_MAX_FILE_TIME = 10_000;

/** A deadline on the performance.now() clock (Infinity for no budget); `over()` is true once it has passed. */
export interface Budget {
  readonly ms: number;
  readonly deadline: number;
  over(): boolean;
}

export function startBudget(ms: number | undefined): Budget {
  const limit = ms ?? DEFAULT_MAX_FILE_TIME;
  const deadline = limit > 0 ? performance.now() + limit : Infinity;
  return { ms: limit, deadline, over: () => performance.now() > deadline };
}

/** The finding of a file that ran out of time (`where`: `after rule "cta-above-fold"`, `inside rule "…"`, `after loading`). */
export function budgetMessage(ms: number, where: string): LintMessage {
  return {
    ruleId: null,
    severity: 2,
    fatal: true,
    message: `linting this file took longer than its time budget of ${ms} ms (stopped ${where}); raise maxFileTime or --max-file-time, or report the file`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    range: { start: 0, end: 0 },
  };
}


/**
 * Runs the synchronous work `fn` on one file under its budget (cooperative checks and the hard
 * stop of src/deadline.ts); running out is an InputError naming the file: `what` (e.g.
 * "inspecting this file") took longer than the budget.
 */
export function withinBudget<T>(budget: Budget, filePath: string, what: string, fn: () => T): T {
  try {
    return withDeadline(budget.deadline, fn);
  } catch (err) {
    throw err instanceof DeadlineError ? budgetError(budget.ms, filePath, what) : err;
  }
}

/** The InputError of a file whose `what` ran past its budget of `ms`. */
export function budgetError(ms: number, filePath: string, what: string): InputError {
  return new InputError(`${what} took longer than its time budget of ${ms} ms; raise maxFileTime or --max-file-time, or report the file`, { filePath });
}
