/** What every formatter receives. */
import type { AnyRule } from '../rule.js';
import type { LintResult } from '../engine/types.js';

export interface FormatterContext {
  /** Paths are shown relative to it. */
  cwd: string;
  /** Metadata of every rule that may appear in the results. */
  rulesMeta: Record<string, AnyRule>;
  /** Colour output (stylish only). */
  color?: boolean;
  /** Print each finding's suggestions (stylish only). */
  showSuggestions?: boolean;
  /** Wrap lines to this many columns (stylish only; the CLI passes the terminal's width). Unset: no wrapping. */
  width?: number;
  /** Rows of a screen (stylish only): a run printing more ends with the findings per rule. Unset: never. */
  height?: number;
  /** Input errors (fatal, ruleId null) were already printed on stderr: stylish leaves them out. */
  inputErrorsReported?: boolean;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
