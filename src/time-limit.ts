/**
 * Loading the user's own code — a JS config, a plugin, a formatter module — runs code inboxlint
 * does not control. A module whose top-level `await` never settles would leave a command
 * waiting on nothing: Node's event loop empties and the process ends with exit code 0, as if
 * all were well. So every such step runs through `withinTime()`: bounded by the load time
 * limit (`INBOXLINT_LOAD_TIMEOUT` in ms, default 10,000; 0: none), and listed while it runs, so
 * the CLI's exit guard (src/cli/main.ts) can name what never finished.
 *
 * A leaf (anyone may import it).
 */

/** How long loading one config, plugin or formatter module (or running a formatter) may take, in ms. */
const DEFAULT_LOAD_TIMEOUT = 10_000;

/** The load time limit in ms: `INBOXLINT_LOAD_TIMEOUT` when it is a whole number ≥ 0, else the default (0: no limit). */
function loadTimeout(): number {
  const v = process.env.INBOXLINT_LOAD_TIMEOUT;
  return v !== undefined && /^\d+$/.test(v.trim()) ? Number(v) : DEFAULT_LOAD_TIMEOUT;
}

/** The steps in flight, each by its description (a step may run more than once at a time). */
const inFlight = new Map<string, number>();

/** What is still being waited on (descriptions of the `withinTime` steps in flight). */
export function unsettled(): string[] {
  return [...inFlight.keys()];
}

/**
 * Awaits `work` (described by `what`, e.g. `loading config inboxlint.config.mjs`) for at most
 * `ms` milliseconds; past it, rejects with `timedOut(ms)`. The work itself cannot be stopped
 * (a module's evaluation is Node's), but the command no longer waits on it.
 */
export async function withinTime<T>(what: string, work: Promise<T>, timedOut: (ms: number) => Error, ms = loadTimeout()): Promise<T> {
  inFlight.set(what, (inFlight.get(what) ?? 0) + 1);
  let timer: NodeJS.Timeout | undefined;
  try {
    if (!(ms > 0)) return await work;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut(ms)), ms);
    });
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
    const n = (inFlight.get(what) ?? 1) - 1;
    if (n > 0) inFlight.set(what, n);
    else inFlight.delete(what);
  }
}

/** The sentence a step past the load time limit ends with. */
export function loadTimeoutWords(ms: number): string {
  return `did not finish within ${ms} ms (an await that never settles?); INBOXLINT_LOAD_TIMEOUT sets the limit in ms`;
}
