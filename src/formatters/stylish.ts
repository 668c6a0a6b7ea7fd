/** ESLint's "stylish" look: per file, aligned `line:col  severity  message  rule-id`, then a summary. */
import type { Formatter, FormatterContext } from './types.js';
import type { LintResult } from '../engine/types.js';
import { plural, relPath } from './util.js';

const ansi = (open: number, close: number) => (on: boolean, s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
const red = ansi(31, 39);
const yellow = ansi(33, 39);
const dim = ansi(2, 22);
const bold = ansi(1, 22);
const underline = ansi(4, 24);

/** One file's block (empty when it has nothing to show) and its counts: stylish streams file by file. */
export function stylishFile(r: LintResult, ctx: FormatterContext): { text: string; errors: number; warnings: number } {
  const c = !!ctx.color;
  let out = '';
  let errors = 0;
  let warnings = 0;
  const messages = r.messages.filter((m) => !(ctx.inputErrorsReported && m.fatal && m.ruleId === null));
  if (!messages.length) return { text: '', errors: 0, warnings: 0 };
  const rows = messages.map((m) => ({
    pos: `${m.line}:${m.column}`,
    sev: m.severity === 2 ? 'error' : 'warning',
    text: m.message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([^ ])\.$/u, '$1'),
    rule: m.ruleId ?? '',
    suggestions: ctx.showSuggestions ? (m.suggestions ?? []).map((s) => s.desc) : [],
  }));
  for (const m of messages) m.severity === 2 ? errors++ : warnings++;
  const w = (k: 'pos' | 'sev' | 'text') => Math.max(...rows.map((x) => x[k].length));
  const [wp, ws, wt] = [w('pos'), w('sev'), w('text')];
  out += `\n${underline(c, relPath(r.filePath, ctx.cwd))}${r.note ? ` (${r.note})` : ''}\n`;
  for (const x of rows) {
    const sev = (x.sev === 'error' ? red : yellow)(c, x.sev.padEnd(ws));
    const line = `  ${dim(c, x.pos.padEnd(wp))}  ${sev}  ${x.rule ? x.text.padEnd(wt) : x.text}${x.rule ? `  ${dim(c, x.rule)}` : ''}`;
    out += `${line.trimEnd()}\n`;
    for (const s of x.suggestions) out += `    ${dim(c, 'suggestion:')} ${s}\n`;
  }
  return { text: out, errors, warnings };
}

/** The closing line ('' when there were no problems). */
export function stylishSummary(errors: number, warnings: number, ctx: FormatterContext): string {
  const c = !!ctx.color;
  const total = errors + warnings;
  if (total === 0) return '';
  const colour = errors ? red : yellow;
  return `\n${colour(c, bold(c, `✖ ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`))}\n`;
}

export const stylish: Formatter = (results, ctx) => {
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const f = stylishFile(r, ctx);
    out += f.text;
    errors += f.errors;
    warnings += f.warnings;
  }
  return out + stylishSummary(errors, warnings, ctx);
};
