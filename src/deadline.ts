/**
 * A cooperative deadline for the synchronous work on one file. The engine runs each rule under
 * `withDeadline(at, …)`; the long loops of the style service and the model (the cascade, text
 * runs, the layout walk, the CTA scan, the column rows) call `checkDeadline()` once per item,
 * and every 1,024th call reads the clock: past the deadline it throws `DeadlineError`, which
 * unwinds the rule and is turned into the file's budget finding by the engine. Outside
 * `withDeadline` there is no deadline and a check costs one increment.
 *
 * A leaf (anyone may import it; node:vm only): the model cannot import the engine, and it need not.
 * Caches the model fills lazily are stored only once complete, so a cut-short computation
 * leaves nothing half-built behind.
 */

import { Script } from 'node:vm';

/** Thrown by `checkDeadline()` once the current deadline has passed. */
export class DeadlineError extends Error {
  constructor() {
    super('the time budget ran out');
    this.name = 'DeadlineError';
  }
}

/** How many checks between two reads of the clock. */
const EVERY = 1024;

let deadline = Infinity;
let calls = 0;

/** One step of a long loop: throws DeadlineError when the current deadline has passed (clock read every 1,024 calls). */
export function checkDeadline(): void {
  if (++calls % EVERY === 0 && deadline !== Infinity && performance.now() > deadline) throw new DeadlineError();
}

/** How many checks have run (in this thread): what the model's long loops did, counted rather than timed. */
export function deadlineChecks(): number {
  return calls;
}

/** How long past the deadline the hard stop waits, so the cooperative checks can say where they were. */
const HARD_STOP_GRACE = 250;

let hardStopActive = false;
/** Where the watchdog's one-line script finds the function to run (this realm's global, no new context). */
const SLOT = Symbol.for('inboxlint.deadline.run');
let hardStop: Script | undefined;

/**
 * Runs `fn` with the deadline `at` (a `performance.now()` time; Infinity: none), the earlier of
 * it and any deadline already set; the previous deadline is back afterwards.
 *
 * The outermost finite deadline is also enforced from outside: `fn` runs under node:vm's
 * watchdog (a timer thread that terminates the JavaScript running on this thread), so code that
 * never checks — a plugin rule's `for (;;) {}` — is stopped too, `HARD_STOP_GRACE` ms past the
 * deadline, as a DeadlineError. One watchdog per call: callers put one around a whole file's
 * work, not around each small step (nested calls share it).
 */
export function withDeadline<T>(at: number, fn: () => T): T {
  const previous = deadline;
  deadline = Math.min(previous, at);
  const hard = !hardStopActive && deadline !== Infinity;
  try {
    if (!hard) return fn();
    hardStopActive = true;
    return stopAt(deadline + HARD_STOP_GRACE, fn);
  } finally {
    // Also when the watchdog cut `fn` short: the `finally` blocks inside it did not run.
    deadline = previous;
    if (hard) hardStopActive = false;
  }
}

function stopAt<T>(at: number, fn: () => T): T {
  hardStop ??= new Script(`globalThis[Symbol.for('inboxlint.deadline.run')]()`, { filename: 'inboxlint-deadline' });
  const slot = globalThis as unknown as Record<symbol, (() => unknown) | undefined>;
  slot[SLOT] = fn;
  try {
    return hardStop.runInThisContext({ timeout: Math.max(1, Math.ceil(at - performance.now())) }) as T;
  } catch (err) {
    if ((err as { code?: string } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new DeadlineError();
    throw err;
  } finally {
    slot[SLOT] = undefined;
  }
}
