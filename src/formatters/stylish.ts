/**
 * ESLint's "stylish" look: per file, aligned `line:col  severity  message  rule-id`, then a
 * summary that says what `--fix` and `--suggestions` can do. Given a `width` (the CLI passes the
 * terminal's), messages wrap inside their column so position, severity and rule id stay on the
 * first line and no line is wider than `width`; a terminal too narrow for columns gets the rule
 * id beside the severity and the message below. `stylishFile` and `stylishSummary` let a long run
 * stream file by file (src/scale/stream.ts).
 */
import type { Formatter, FormatterContext } from './types.js';
import type { LintResult } from '../engine/types.js';
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

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** What the summary line counts, added up file by file. */
export interface StylishCounts {
  errors: number;
  warnings: number;
  fixableErrors: number;
  fixableWarnings: number;
  withSuggestions: number;
}

export const emptyCounts = (): StylishCounts => ({ errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0, withSuggestions: 0 });

/** One file's block ('' when it has nothing to show); adds its messages to `counts`. */
export function stylishFile(r: LintResult, ctx: FormatterContext, counts: StylishCounts = emptyCounts()): string {
  const c = !!ctx.color;
  const width = ctx.width && ctx.width > 0 ? ctx.width : Infinity;
  const wrap = (s: string, w: number) => (Number.isFinite(w) ? wrapText(s, w) : [s]);
  const messages = r.messages.filter((m) => !(ctx.inputErrorsReported && m.fatal && m.ruleId === null));
  if (!messages.length) return '';
  let out = '';
  const rows = messages.map((m) => ({
    pos: `${m.line}:${m.column}`,
    sev: m.severity === 2 ? 'error' : 'warning',
    text: m.message.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ').replace(/([^ ])\.$/u, '$1'),
    rule: m.ruleId ?? '',
    suggestions: ctx.showSuggestions ? (m.suggestions ?? []).map((s) => s.desc) : [],
  }));
  for (const m of messages) {
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
  let out = `\n${wrap(summary, width).map((l) => colour(c, bold(c, l))).join('\n')}\n`;
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
