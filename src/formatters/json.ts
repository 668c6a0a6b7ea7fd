/**
 * ESLint's JSON shape, so tools that read `eslint --format json` read ours. Internal ranges
 * ({start,end}) become ESLint's `[start, end]` arrays; the message `range` field is dropped.
 */
import type { LintMessage, LintResult } from '../engine/types.js';
import type { Formatter } from './types.js';

export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string } }>;
  fix?: { range: [number, number]; text: string };
  fatal?: boolean;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  source?: string;
  output?: string;
  usedDeprecatedRules: [];
}

export function toEslintMessage(m: LintMessage): EslintMessage {
  const out: EslintMessage = {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
  };
  if (m.messageId !== undefined) out.messageId = m.messageId;
  if (m.suggestions?.length) {
    out.suggestions = m.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.fix.range.start, s.fix.range.end], text: s.fix.text } }));
  }
  if (m.fix) out.fix = { range: [m.fix.range.start, m.fix.range.end], text: m.fix.text };
  if (m.fatal) out.fatal = true;
  return out;
}

export function toEslintResult(r: LintResult): EslintResult {
  const out: EslintResult = {
    filePath: r.filePath,
    messages: r.messages.map(toEslintMessage),
    suppressedMessages: r.suppressedMessages.map(toEslintMessage),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    fatalErrorCount: r.fatalErrorCount,
    fixableErrorCount: r.fixableErrorCount,
    fixableWarningCount: r.fixableWarningCount,
    usedDeprecatedRules: [],
  };
  if (r.source !== undefined) out.source = r.source;
  if (r.output !== undefined) out.output = r.output;
  return out;
}

export const json: Formatter = (results) => JSON.stringify(results.map(toEslintResult));
