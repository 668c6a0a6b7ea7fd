/**
 * A `--jobs` worker thread: builds its linter once from the run's LintSetup (workerData) and
 * lints the files it is handed, one task each. Errors that stop the run (a bad config found
 * beside a file) come back as a message, since their class does not cross threads.
 */
import { workerData } from 'node:worker_threads';
import type { ExpandedFile } from '../input/files.js';
import { InboxlintError } from '../errors.js';
import { createLinter, type FileReport, type LintSetup, type Linter } from './setup.js';

export type TaskResult = { reports: FileReport[] } | { error: string; internal?: boolean };

// Tinypool passes [its own data, ours].
const setup = (workerData as [unknown, LintSetup])[1];
let linter: Linter | undefined;

/** One file; `started` (shared with the pool) is set when its work begins, which starts its budget's backstop. */
export default async function lintTask(task: ExpandedFile & { started?: SharedArrayBuffer }): Promise<TaskResult> {
  const { started, ...file } = task;
  if (started) Atomics.store(new Int32Array(started), 0, 1);
  try {
    linter ??= createLinter(setup);
    return { reports: await linter.lint(file) };
  } catch (err) {
    if (err instanceof InboxlintError) return { error: err.describe() };
    return { error: (err as Error)?.message ?? String(err), internal: true };
  }
}
