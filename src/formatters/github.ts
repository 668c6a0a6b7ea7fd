/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`,
 * shown as annotations on the pull request. Escaping as GitHub's toolkit does it.
 */
import type { Formatter, FormatterContext } from './types.js';
import type { LintResult } from '../engine/types.js';
import { relPath } from './util.js';

export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One file's workflow commands, one a line: github streams file by file. */
export function githubFile(r: LintResult, ctx: FormatterContext): string {
  const lines: string[] = [];
  const file = relPath(r.filePath, ctx.cwd);
  for (const m of r.messages) {
    const props = [
      `file=${escapeProperty(file)}`,
      `line=${m.line}`,
      `col=${m.column}`,
      `endLine=${m.endLine}`,
      `endColumn=${m.endColumn}`,
      `title=${escapeProperty(m.ruleId ?? 'inboxlint')}`,
    ];
    lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export const github: Formatter = (results, ctx) => results.map((r) => githubFile(r, ctx)).join('');
