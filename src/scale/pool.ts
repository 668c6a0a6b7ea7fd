/**
 * `--jobs N`: a pool of worker threads (tinypool), each linting whole files with a linter built
 * from the run's LintSetup. Files go out in order and come back in order: the caller sees the
 * same sequence of reports as an in-process run.
 */
import { availableParallelism } from 'node:os';
import { ConfigError } from '../errors.js';
import type { ExpandedFile } from '../input/files.js';
import type { FileReport, LintSetup } from './setup.js';
import type { TaskResult } from './worker.js';
import { budgetMessage } from '../engine/budget.js';
import { countResult } from '../engine/types.js';

/** How long past its budget a worker may run before it is terminated (the engine's own check comes first). */
const WORKER_GRACE_MS = 1000;

/** Files below this many per worker are linted in-process: starting a worker costs more than it saves. */
export const MIN_FILES_PER_WORKER = 24;

/** `--jobs` default: the core count. */
export const defaultJobs = () => Math.max(1, availableParallelism());

/** How many workers `jobs` becomes for `files` files (0 = lint in-process). */
export function workerCount(jobs: number, files: number): number {
  const n = Math.min(jobs, Math.floor(files / MIN_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

export interface LintPool {
  /** Lints one file in a worker; `budget` is its time budget in ms (0: none), past which (plus a grace) the worker is stopped. */
  lint(file: ExpandedFile, budget: number): Promise<FileReport[]>;
  close(): Promise<void>;
}

export async function createPool(setup: LintSetup, threads: number): Promise<LintPool> {
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: setup,
    // Workers keep their linter between files.
    isolateWorkers: false,
  });
  return {
    async lint(file, budget) {
      // A worker still busy past the file's budget (plus a grace for the in-process check) is
      // terminated; tinypool starts a fresh one for the next file. The budget counts from when
      // the worker starts the file (it sets `started`), not from when the file was queued
      // behind others or behind a worker that is still starting.
      const ctrl = new AbortController();
      const started = new Int32Array(new SharedArrayBuffer(4));
      let startedAt: number | undefined;
      const timer =
        budget > 0
          ? setInterval(() => {
              if (startedAt === undefined) startedAt = Atomics.load(started, 0) ? performance.now() : undefined;
              else if (performance.now() - startedAt > budget + WORKER_GRACE_MS) ctrl.abort();
            }, 50)
          : undefined;
      let r: TaskResult;
      try {
        r = (await pool.run({ ...file, started: started.buffer }, { signal: ctrl.signal })) as TaskResult;
      } catch (err) {
        if (!ctrl.signal.aborted) throw err;
        return [{ filePath: file.path, result: countResult(file.path, [budgetMessage(budget, 'after its worker was stopped')]) }];
      } finally {
        clearInterval(timer);
      }
      if ('error' in r) throw r.internal ? new Error(r.error) : new ConfigError(r.error);
      return r.reports;
    },
    close: () => pool.destroy(),
  };
}

/**
 * Runs `work` on every item with at most `window` in flight and hands the results to `emit` in
 * item order (so only the out-of-order few are held).
 */
export async function inOrder<T, R>(items: readonly T[], window: number, work: (item: T, i: number) => Promise<R>, emit: (r: R, i: number) => void): Promise<void> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const start = () => {
    const i = next++;
    const p = work(items[i], i);
    p.catch(() => undefined); // awaited below, in order
    pending.push(p);
  };
  while (next < items.length && pending.length < window) start();
  for (let i = 0; i < items.length; i++) {
    const r = await pending.shift()!;
    if (next < items.length) start();
    emit(r, i);
  }
}
