/**
 * The engine: runs rules over an EmailDocument and applies severity, options and inline
 * directives. Rules only report; everything configurable happens here.
 */
import { dropSuperseded } from './supersede.js';
import type { EmailDocument } from '../model/document.js';
import type { AnyRule, ReportDescriptor, Severity, Suggestion } from '../rule.js';
import { allRules, ruleById } from '../../rules/index.js';
import { parseDirectives, suppressor, unusedDirectives } from './directives.js';
import { resolveOptions } from './options.js';
import { countResult, type LintMessage, type LintResult } from './types.js';
import { ConfigError } from '../errors.js';
import { budgetMessage, type Budget } from './budget.js';
import { DeadlineError, withDeadline } from '../deadline.js';

export interface RuleSetting {
  severity: Severity;
  options?: Record<string, unknown>;
}

export interface LintDocumentOptions {
  /** Rule id → setting. Rules not listed are off. */
  rules: Record<string, RuleSetting>;
  /** Report directives that suppressed nothing (default true). */
  reportUnusedDirectives?: boolean;
  /** The rule set to draw from (default: every built-in rule). */
  ruleSet?: readonly AnyRule[];
  /** The file's time budget, checked between rules and inside the model's long loops (src/engine/budget.ts). */
  budget?: Budget;
}

/**
 * A finding's fix and suggestions. A fix is kept only where its offsets are offsets in the file
 * the user edits (HTML); on MJML (compiled HTML) and .eml (a decoded part) it becomes the first
 * suggestion, saying why, so nothing is lost and nothing is written to the wrong text.
 */
function withFix(doc: EmailDocument, d: ReportDescriptor): Pick<LintMessage, 'fix' | 'suggestions'> {
  const suggestions = d.suggestions ?? [];
  if (!d.fix) return suggestions.length ? { suggestions } : {};
  const edit = { range: d.fix.range, text: d.fix.text };
  if (fixesApplyTo(doc)) return { fix: edit, ...(suggestions.length ? { suggestions } : {}) };
  const where = doc.kind === 'mjml' ? 'the compiled HTML' : 'the decoded HTML part';
  return { suggestions: [{ desc: `${d.fix.desc} (in ${where}: ${FIX_NOT_APPLIED}`, fix: edit }, ...suggestions] };
}

/** The end of the description of a fix kept as a suggestion because the input is not HTML. */
const FIX_NOT_APPLIED = '--fix edits HTML files only)';

/** Whether a suggestion is a rule's fix that the engine kept as a suggestion (MJML, .eml). */
export function isFixKeptAsSuggestion(s: Suggestion): boolean {
  return s.desc.endsWith(FIX_NOT_APPLIED);
}

/** Whether offsets in `doc.text` are offsets in the source file, so fixes can be written to it. */
export function fixesApplyTo(doc: EmailDocument): boolean {
  return doc.kind === 'html';
}

/** Replaces `{{name}}` in a message template. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function lintDocument(doc: EmailDocument, opts: LintDocumentOptions): LintResult {
  const ruleSet = opts.ruleSet ?? allRules;
  const byId = opts.ruleSet ? new Map(ruleSet.map((r) => [r.id, r])) : ruleById;
  const directives = parseDirectives(doc);
  const messages: LintMessage[] = [];
  const suppressed: LintMessage[] = [];
  let lastRule: string | undefined;

  // One watchdog for the whole file (src/deadline.ts): a rule that never returns, a plugin's
  // endless loop included, is stopped past the budget like one that checks it.
  try {
    withDeadline(opts.budget?.deadline ?? Infinity, () => {
      for (const [id, setting] of Object.entries(opts.rules)) {
        if (setting.severity === 'off') continue;
        if (opts.budget?.over()) {
          messages.push(budgetMessage(opts.budget.ms, lastRule ? `after rule "${lastRule}"` : 'after loading'));
          break;
        }
        const rule = byId.get(id);
        if (!rule) throw new ConfigError(`rules.${id}: unknown rule "${id}" (run \`inboxlint rules\` for the list)`);
        if (rule.appliesTo && !rule.appliesTo.includes(doc.kind)) continue;
        const options = resolveOptions(rule, setting.options, `rules.${id}`);
        const report = (d: ReportDescriptor) => {
          const template = (doc.kind === 'mjml' ? rule.mjmlMessages?.[d.messageId] : undefined) ?? rule.messages[d.messageId];
          if (template === undefined) throw new Error(`rule ${id} reported unknown messageId "${d.messageId}"`);
          const sev = d.severity === 'error' || (d.severity === undefined && setting.severity === 'error') ? 2 : 1;
          // A rule may raise a finding to error (hard threshold) only when the rule is on; a rule
          // configured as "warn" keeps its findings warnings.
          const severity: 1 | 2 = setting.severity === 'warn' ? 1 : sev;
          const span = d.sourceRange ? doc.sourceSpan(d.sourceRange) : ((d.header !== undefined ? doc.headerSpan(d.header) : undefined) ?? doc.span(d.range));
          const msg: LintMessage = {
            ruleId: id,
            severity,
            message: formatMessage(template, d.data),
            messageId: d.messageId,
            ...span,
            range: d.range,
            ...(d.sourceRange ? { sourceRange: d.sourceRange } : {}),
            ...withFix(doc, d),
          };
          const condition = d.condition ?? rule.condition;
          if (condition) msg.condition = condition;
          // Line directives compare lines of the file the user edits (MJML source lines for .mjml);
          // a finding with no place in the HTML is under the block directives in force at its end.
          if (suppressor(directives, id, d.sourceRange ? doc.text.length : d.range.start, span.line)) suppressed.push(msg);
          else messages.push(msg);
        };
        lastRule = id;
        try {
          withDeadline(opts.budget?.deadline ?? Infinity, () => rule.check({ doc, options: options as never, report }));
        } catch (err) {
          if (err instanceof DeadlineError) {
            messages.push(budgetMessage(opts.budget?.ms ?? 0, `inside rule "${id}"`));
            break;
          }
          messages.push({
            ruleId: id,
            severity: 2,
            fatal: true,
            message: `Rule "${id}" failed on this file: ${(err as Error)?.message ?? String(err)}`,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            range: { start: 0, end: 0 },
          });
        }
      }
    });
  } catch (err) {
    if (!(err instanceof DeadlineError)) throw err;
    // The watchdog may also fire just as the rules stopped on their own budget check.
    if (!messages.some((m) => m.fatal && m.ruleId === null)) messages.push(budgetMessage(opts.budget?.ms ?? 0, lastRule ? `inside rule "${lastRule}"` : 'after loading'));
  }

  if (opts.budget?.over() && !messages.some((m) => m.fatal && m.ruleId === null)) messages.push(budgetMessage(opts.budget.ms, lastRule ? `after rule "${lastRule}"` : 'after loading'));
  if (opts.reportUnusedDirectives !== false) {
    for (const u of unusedDirectives(directives)) {
      messages.push({ ruleId: null, severity: 1, message: u.message, ...u.directive.span, range: u.directive.range });
    }
  }
  const result = countResult(doc.filePath, dropSuperseded(messages, byId), suppressed);
  return result;
}
