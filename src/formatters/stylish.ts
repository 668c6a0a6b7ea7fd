/**
 * ESLint's "stylish" look: per file, aligned `line:col  severity  message  rule-id`, then a
 * summary that says what `--fix` and `--suggestions` can do. Given a `width` (the CLI passes the
 * terminal's), messages wrap inside their column so position, severity and rule id stay on the
 * first line and no line is wider than `width`; a terminal too narrow for columns gets the rule
 * id beside the severity and the message below. `stylishFile` and `stylishSummary` let a long run
 * stream file by file (src/scale/stream.ts).
 *
 * Repeats are grouped: on one file, findings of one rule with the same message id (or text) print
 * once, at the first, with "× N" and the other positions ("also 46:9, 64:3 +3"), when there are
 * at least GROUP_FROM of them. A run whose output is longer than a screenful (`height`, the
 * terminal's rows) ends with the findings per rule.
 */
import type { Formatter, FormatterContext } from './types.js';
import { compareRuleIds, type LintResult } from '../engine/types.js';
import { plural, relPath } from './util.js';
import { displayWidth, wrapText } from './wrap.js';

const ansi = (open: number, close: number) => (on: boolean, s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
const red = ansi(31, 39);
const yellow = ansi(33, 39);
const dim = ansi(2, 22);
const bold = ansi(1, 22);
const underline = ansi(4, 24);

/** Below this many columns for the message, the table layout gives way to the stacked one. */
const MIN_MESSAGE_COLUMN = 30;
const SUGGESTION = 'suggestion: ';
/** Findings of one rule and message on one file print as one line from this many on. */
const GROUP_FROM = 3;

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** What the summary line counts, added up file by file. */
export interface StylishCounts {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
  withSuggestions: number;
  /** Findings per rule id (engine messages under ""). */
  byRule?: Map<string, { errors: number; warnings: number }>;
  /** Lines printed so far. */
  lines?: number;
}

export const emptyCounts = (): StylishCounts => ({ errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, withSuggestions: 0, byRule: new Map(), lines: 0 });

/** One file's block ('' when it has nothing to show); adds its messages to `counts`. */
export function stylishFile(r: LintResult, ctx: FormatterContext, counts: StylishCounts = emptyCounts()): string {
  const c = !!ctx.color;
  const width = ctx.width && ctx.width > 0 ? ctx.width : Infinity;
  const wrap = (s: string, w: number) => (Number.isFinite(w) ? wrapText(s, w) : [s]);
  const messages = r.messages.filter((m) => !(ctx.inputErrorsReported && m.fatal && m.ruleId === null));
  if (!messages.length) return '';
  let out = '';
  // Repeats of one rule and message id (or text) on this file: one row at the first, with the others' positions.
  const groups = new Map<string, typeof messages>();
  for (const m of messages) {
    const key = `${m.ruleId}\u0000${m.severity}\u0000${m.ruleId ? (m.messageId ?? m.message) : m.message}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const shown = messages.filter((m) => {
    const g = groups.get(`${m.ruleId}\u0000${m.severity}\u0000${m.ruleId ? (m.messageId ?? m.message) : m.message}`)!;
    return g.length < GROUP_FROM || g[0] === m;
  });
  const rows = shown.map((m) => {
    const g = groups.get(`${m.ruleId}\u0000${m.severity}\u0000${m.ruleId ? (m.messageId ?? m.message) : m.message}`)!;
    const others = g.length >= GROUP_FROM ? g.slice(1).map((o) => `${o.line}:${o.column}`) : [];
    const also = others.length ? ` (× ${g.length}; also ${others.slice(0, 4).join(', ')}${others.length > 4 ? ` +${others.length - 4}` : ''})` : '';
    return {
      pos: `${m.line}:${m.column}`,
      sev: m.severity === 2 ? 'error' : 'warning',
      text: m.message.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ').replace(/([^ ])\.$/u, '$1') + also,
      rule: m.ruleId ?? '',
      suggestions: ctx.showSuggestions ? (m.suggestions ?? []).map((s) => s.desc) : [],
    };
  });
  for (const m of messages) {
    const per = counts.byRule?.get(m.ruleId ?? '') ?? { errors: 0, warnings: 0 };
    counts.byRule?.set(m.ruleId ?? '', per);
    if (m.severity === 2) per.errors++;
    else per.warnings++;
    if (m.severity === 2) counts.errors++;
    else counts.warnings++;
    if (m.fix) m.severity === 2 ? counts.fixableErrors++ : counts.fixableWarnings++;
    if (m.suggestions?.length) counts.withSuggestions++;
  }
  const w = (k: 'pos' | 'sev' | 'text' | 'rule') => Math.max(...rows.map((x) => displayWidth(x[k])));
  const [wp, ws, wr] = [w('pos'), w('sev'), w('rule')];
  const lead = 2 + wp + 2 + ws + 2;
  const room = width - lead - (wr ? 2 + wr : 0);
  const stacked = room < MIN_MESSAGE_COLUMN;
  const wt = stacked ? 0 : Math.min(w('text'), room);
  const header = relPath(r.filePath, ctx.cwd);
  const note = r.note ? ` (${r.note})` : '';
  if (displayWidth(header + note) <= width) out += `\n${underline(c, header)}${note}\n`;
  else {
    // A long path stays whole (terminals wrap it; it must stay clickable); the note goes below, wrapped.
    out += `\n${underline(c, header)}\n`;
    if (r.note) for (const l of wrap(`(${r.note})`, width - 2)) out += `  ${l}\n`;
  }
  for (const x of rows) {
    const sev = (x.sev === 'error' ? red : yellow)(c, pad(x.sev, ws));
    const head = `  ${dim(c, pad(x.pos, wp))}  ${sev}  `;
    if (stacked) {
      out += `${`${head}${x.rule ? dim(c, x.rule) : ''}`.trimEnd()}\n`;
      for (const l of wrap(x.text, width - 4)) out += `    ${l}\n`;
    } else {
      const lines = wrap(x.text, wt);
      const first = `${head}${x.rule ? pad(lines[0], wt) : lines[0]}${x.rule ? `  ${dim(c, x.rule)}` : ''}`;
      out += `${first.trimEnd()}\n`;
      for (const l of lines.slice(1)) out += `${' '.repeat(lead)}${l}\n`;
    }
    for (const s of x.suggestions) {
      const [firstLine, ...more] = wrap(s, width - 4 - SUGGESTION.length);
      out += `    ${dim(c, SUGGESTION.trimEnd())} ${firstLine}\n`;
      for (const l of more) out += `${' '.repeat(4 + SUGGESTION.length)}${l}\n`;
    }
  }
  if (counts.lines !== undefined) counts.lines += out.split('\n').length - 1;
  return out;
}

/** Findings per rule, most first: printed after a run longer than a screenful. */
function perRule(counts: StylishCounts, c: boolean): string {
  const rows = [...(counts.byRule ?? new Map()).entries()].sort((a, b) => b[1].errors + b[1].warnings - (a[1].errors + a[1].warnings) || compareRuleIds(a[0], b[0]));
  if (rows.length < 2) return '';
  const w = Math.max(...rows.map(([id]) => displayWidth(id || '(inboxlint)')));
  let out = `\n${bold(c, 'Findings per rule')}\n`;
  for (const [id, n] of rows) {
    const parts = [n.errors ? red(c, plural(n.errors, 'error')) : '', n.warnings ? yellow(c, plural(n.warnings, 'warning')) : ''].filter(Boolean).join(', ');
    out += `  ${pad(id || '(inboxlint)', w)}  ${String(n.errors + n.warnings).padStart(5)}  ${parts}\n`;
  }
  return out;
}

/** The closing lines ('' when there were no problems): the totals, then what `--fix` and `--suggestions` can do. */
export function stylishSummary(counts: StylishCounts, ctx: FormatterContext): string {
  const c = !!ctx.color;
  const width = ctx.width && ctx.width > 0 ? ctx.width : Infinity;
  const wrap = (s: string, w: number) => (Number.isFinite(w) ? wrapText(s, w) : [s]);
  const { errors, warnings, fixableErrors, fixableWarnings, withSuggestions } = counts;
  const total = errors + warnings;
  if (total === 0) return '';
  const colour = errors ? red : yellow;
  const summary = `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const screen = ctx.height && ctx.height > 0 ? ctx.height : Infinity;
  let out = (counts.lines ?? 0) > screen ? perRule(counts, c) : '';
  out += `\n${wrap(summary, width).map((l) => colour(c, bold(c, l))).join('\n')}\n`;
  const next: string[] = [];
  if (fixableErrors + fixableWarnings) {
    next.push(`${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`);
  }
  if (withSuggestions) {
    const how = ctx.showSuggestions ? '`--apply-suggestions` applies the first of each' : '`--suggestions` shows them';
    next.push(`${withSuggestions === 1 ? '1 problem has suggestions' : `${withSuggestions} problems have suggestions`} (${how}).`);
  }
  for (const n of next) out += `${wrap(n, width - 2).map((l) => colour(c, bold(c, `  ${l}`))).join('\n')}\n`;
  return out;
}

export const stylish: Formatter = (results, ctx) => {
  const counts = emptyCounts();
  let out = '';
  for (const r of results) out += stylishFile(r, ctx, counts);
  return out + stylishSummary(counts, ctx);
};
