/**
 * `lint --fix` / `--fix-dry-run`: applies the rules' safe fixes to HTML files, pass after pass
 * (src/engine/fix.ts), then reports what remains. `--fix` writes each changed file atomically;
 * `--fix-dry-run` writes nothing and puts the fixed text in the result's `output` field.
 * MJML and .eml inputs keep their fixes as suggestions (the engine says why) and this says so.
 */
import { readInputBytes } from '../input/bytes.js';
import { extname } from 'node:path';
import type { FileOutcome, Session } from '../session.js';
import { displayPath } from '../config/load.js';
import { fixUntilStable } from '../engine/fix.js';
import { isFixKeptAsSuggestion } from '../engine/linter.js';
import type { LintMessage } from '../engine/types.js';
import { writeFileAtomic } from './files.js';
import { InboxlintError } from '../errors.js';

export interface FixRun {
  /** Write the fixed files (`--fix`); false computes only (`--fix-dry-run`). */
  write: boolean;
  /** Fix errors only (`--quiet`, as ESLint). */
  errorsOnly: boolean;
  /** The text of an outcome that is not on disk (stdin), by file path. */
  texts?: ReadonlyMap<string, string>;
  /** Re-lints the fixed text. */
  session: Session;
  cwd: string;
  say: (s: string) => void;
  /** A fixed file that could not be written (changed on disk since it was read, a link out of the folder…): said, and the run goes on. */
  writeFailed: (line: string) => void;
}

/**
 * The bytes of a file about to be edited, or why it cannot be edited byte-safely: not UTF-8,
 * or changed on disk since it was linted (`text` is what was linted).
 */
export async function editableBytes(filePath: string, text: string, what: string): Promise<{ bytes: Buffer } | { why: string }> {
  const bytes = await readInputBytes(filePath, 0);
  if (Buffer.from(text, 'utf8').equals(bytes)) return { bytes };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { why: `${what} not applied: the file changed on disk since it was linted` };
  } catch {
    return { why: `${what} not applied: the file is not UTF-8, so it cannot be edited byte-safely` };
  }
}

/** Writes an edited file unless it changed since `read`; a refusal becomes `inboxlint: <file>: <why>` for `failed`. */
export async function writeEdited(filePath: string, text: string | Uint8Array, read: Buffer, shown: string, failed: (line: string) => void): Promise<boolean> {
  try {
    await writeFileAtomic(filePath, text, { expect: read });
    return true;
  } catch (err) {
    if (!(err instanceof InboxlintError)) throw err;
    failed(`inboxlint: ${shown}: ${err.message}\n`);
    return false;
  }
}

/** Applies the fixes of every outcome; returns the outcomes with what remains (and `output` where text changed). */
export async function fixOutcomes(outcomes: readonly FileOutcome[], run: FixRun): Promise<FileOutcome[]> {
  const predicate = run.errorsOnly ? (m: LintMessage) => m.severity === 2 : undefined;
  const out: FileOutcome[] = [];
  for (const o of outcomes) {
    const shown = displayPath(o.filePath, run.cwd);
    const notApplicable = o.result.messages.filter((m) => m.suggestions?.[0] && isFixKeptAsSuggestion(m.suggestions[0])).length;
    if (notApplicable) {
      run.say(`${shown}: ${notApplicable} fix(es) not applied: --fix edits HTML files only, so on ${extname(o.filePath) || o.doc?.kind} files they are listed as suggestions (--suggestions)\n`);
    }
    if (!o.doc || !o.result.messages.some((m) => m.fix && (!predicate || predicate(m)))) {
      out.push(o);
      continue;
    }
    const onDisk = run.texts?.get(o.filePath) === undefined;
    let read: Buffer | undefined;
    if (onDisk) {
      const got = await editableBytes(o.filePath, o.doc.text, 'fixes');
      if ('why' in got) {
        run.say(`${shown}: ${got.why}\n`);
        out.push(o);
        continue;
      }
      read = got.bytes;
    }
    const fixed = await fixUntilStable(
      o.doc.text,
      o,
      (text) => run.session.lintTextOutcome({ text, filePath: o.filePath }),
      (x) => (x.doc ? x.result : undefined),
      predicate,
    );
    if (fixed.text === o.doc.text) {
      out.push(o);
      continue;
    }
    if (run.write && read && !(await writeEdited(o.filePath, fixed.text, read, shown, run.writeFailed))) {
      out.push(o);
      continue;
    }
    const last = fixed.last;
    out.push({ ...last, result: { ...last.result, output: fixed.text } });
  }
  return out;
}
