/**
 * `lint --fix` / `--fix-dry-run`: applies the rules' safe fixes to HTML files, pass after pass
 * (src/engine/fix.ts), then reports what remains. `--fix` writes each changed file atomically;
 * `--fix-dry-run` writes nothing and puts the fixed text in the result's `output` field.
 * MJML and .eml inputs keep their fixes as suggestions (the engine says why) and this says so.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FileOutcome, Session } from '../session.js';
import { displayPath } from '../config/load.js';
import { fixUntilStable } from '../engine/fix.js';
import { isFixKeptAsSuggestion } from '../engine/linter.js';
import type { LintMessage } from '../engine/types.js';
import { writeFileAtomic } from './files.js';

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
    if (onDisk) {
      const bytes = await readFile(o.filePath);
      if (!Buffer.from(o.doc.text, 'utf8').equals(bytes)) {
        run.say(`${shown}: fixes not applied: the file is not UTF-8, so it cannot be edited byte-safely\n`);
        out.push(o);
        continue;
      }
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
    if (run.write && onDisk) await writeFileAtomic(o.filePath, fixed.text);
    const last = fixed.last;
    out.push({ ...last, result: { ...last.result, output: fixed.text } });
  }
  return out;
}
