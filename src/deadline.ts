/**
 * A cooperative deadline for the synchronous work on one file. The engine runs each rule under
 * `withDeadline(at, …)`; the long loops of the style service and the model (the cascade, text
 * runs, the layout walk, the CTA scan, the column rows) call `checkDeadline()` once per item,
 * and every 1,024th call reads the clock: past the deadline it throws `DeadlineError`, which
 * unwinds the rule and is turned into the file's budget finding by the engine. Outside
 * `withDeadline` there is no deadline and a check costs one increment.
 *
 * A leaf (anyone may import it): the model cannot import the engine, and it need not.
 * Caches the model fills lazily are stored only once complete, so a cut-short computation
 * leaves nothing half-built behind.
 */

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

/**
 * Runs `fn` with the deadline `at` (a `performance.now()` time; Infinity: none), the earlier of
 * it and any deadline already set; the previous deadline is back afterwards.
 */
export function withDeadline<T>(at: number, fn: () => T): T {
  const previous = deadline;
  deadline = Math.min(previous, at);
  try {
    return fn();
  } finally {
    deadline = previous;
  }
}
