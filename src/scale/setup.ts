/**
 * Everything a linting process needs, rebuilt from plain, serialisable options: the worker
 * threads of `--jobs` build one Session each from the run's session options (config, `--rule`,
 * subject, preheader, mail type); plugins named in the config load by module path in each
 * process, as in the main thread.
 */
import type { LintResult } from '../engine/types.js';
import type { ExpandedFile } from '../input/files.js';
import { Session, type FileOutcome, type RunOptions, type SessionOptions } from '../session.js';

/** The options of a lint run, as they cross into a worker thread (plain data only). */
export type LintSetup = SessionOptions & { cwd: string };

/** One file's outcome as it crosses back from a worker: the result and the input error, if any. */
export interface FileReport {
  filePath: string;
  result: LintResult;
  inputError?: { message: string; line?: number };
}

export interface Linter {
  readonly session: Session;
  /** Lints one file: [] when it is ignored and was not named explicitly. */
  lint(file: ExpandedFile): Promise<FileReport[]>;
}

export function toReport(o: FileOutcome): FileReport {
  const r: FileReport = { filePath: o.filePath, result: o.result };
  if (o.inputError) r.inputError = { message: o.inputError.message, ...(o.inputError.line ? { line: o.inputError.line } : {}) };
  return r;
}

/**
 * The one place a linting process is set up: a session from the setup (a worker) or the
 * caller's (the main thread), and for `--render` the `prepare` step of its one browser (render
 * runs stay in one process, so a worker never starts a browser).
 */
export function createLinter(setup: LintSetup, reuse: { session?: Session; prepare?: RunOptions['prepare'] } = {}): Linter {
  const session = reuse.session ?? new Session(setup);
  const run: RunOptions = reuse.prepare ? { prepare: reuse.prepare } : {};
  return {
    session,
    async lint(file) {
      return (await session.lintFiles([file], run)).map(toReport);
    },
  };
}
