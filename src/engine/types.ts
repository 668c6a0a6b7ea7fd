/** Lint results, in ESLint's shape so existing ESLint tooling can read `--format json`. */
import type { Range } from '../model/location.js';
import type { Suggestion } from '../rule.js';

export interface LintMessage {
  /** Rule id, or null for engine messages (parse errors, unused directives). */
  ruleId: string | null;
  /** 1 = warning, 2 = error (ESLint). */
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Offsets in the linted HTML text (for .mjml/.eml see `LintResult.note`). */
  range: Range;
  /** Offsets in the file as written, for a finding that exists only there (an MJML issue; `range` is then the whole document). */
  sourceRange?: Range;
  suggestions?: Suggestion[];
  /** A safe edit `--fix` applies (ESLint's `fix`), offsets in the linted text. */
  fix?: { range: Range; text: string };
  /** True for problems that stopped the file from being linted (ESLint's `fatal`). */
  fatal?: boolean;
  /** The rendering the finding is about: `dark` (the dark colour scheme) or `images-off` (images blocked). */
  condition?: 'dark' | 'images-off';
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  suppressedMessages: LintMessage[];
  /** Text that was linted (HTML; for MJML the compiled HTML; for .eml the decoded HTML part). */
  source?: string;
  /** e.g. "lines refer to the decoded text/html part". */
  note?: string;
  /** The fixed text, set by `--fix` / `--fix-dry-run` when fixes changed it (ESLint's `output`). */
  output?: string;
  usedDeprecatedRules: [];
}

const PLAIN_ID = /^[a-z0-9/-]*$/;

/**
 * Orders rule ids as `localeCompare` does, without loading ICU's collator (~10 ms at start) for
 * ids of lowercase ASCII letters, digits, `-` and `/` (every built-in id): the root collation
 * orders those characters as their code points; other ids go through `localeCompare`.
 */
export function compareRuleIds(a: string, b: string): number {
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

export function countResult(filePath: string, messages: LintMessage[], suppressed: LintMessage[] = []): LintResult {
  messages.sort((a, b) => a.line - b.line || a.column - b.column || compareRuleIds(a.ruleId ?? '', b.ruleId ?? ''));
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: messages.filter((m) => m.fix && m.severity === 2).length,
    fixableWarningCount: messages.filter((m) => m.fix && m.severity === 1).length,
    suppressedMessages: suppressed,
    usedDeprecatedRules: [],
  };
}
