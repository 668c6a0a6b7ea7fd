/**
 * The formats that stream: stylish and github print each file's part as soon as it is linted
 * (in file order), so a run over 10,000 files holds no results. The others (json, sarif, junit)
 * are one document and are written at the end.
 */
import type { FormatterContext } from '../formatters/types.js';
import type { LintResult } from '../engine/types.js';
import { emptyCounts, stylishFile, stylishSummary } from '../formatters/stylish.js';
import { githubFile } from '../formatters/github.js';

export interface StreamingFormat {
  /** The text for one file's result. */
  file(r: LintResult): string;
  /** The closing text. */
  end(): string;
}

export function streamingFormat(name: string, ctx: FormatterContext): StreamingFormat | undefined {
  if (name === 'stylish') {
    const counts = emptyCounts();
    return {
      file: (r) => stylishFile(r, ctx, counts),
      end: () => stylishSummary(counts, ctx),
    };
  }
  if (name === 'github') return { file: (r) => githubFile(r, ctx), end: () => '' };
  return undefined;
}
