/**
 * JUnit XML for CI dashboards: one testsuite per file, one failing testcase per finding
 * (an `<error>` for files that could not be linted), one passing testcase for a clean file.
 */
import type { Formatter } from './types.js';
import { relPath } from './util.js';

/** Escapes text for XML attributes and content, dropping characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const junit: Formatter = (results, ctx) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const file = xmlEscape(relPath(r.filePath, ctx.cwd));
    const cases: string[] = [];
    let f = 0;
    let e = 0;
    for (const m of r.messages) {
      const where = `${relPath(r.filePath, ctx.cwd)}:${m.line}:${m.column}`;
      const body = xmlEscape(`${where} ${m.severity === 2 ? 'error' : 'warning'} ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`);
      const tag = m.fatal ? 'error' : 'failure';
      m.fatal ? e++ : f++;
      cases.push(
        `    <testcase name="${xmlEscape(`${m.ruleId ?? 'inboxlint'} ${m.line}:${m.column}`)}" classname="${file}" time="0">\n` +
          `      <${tag} message="${xmlEscape(m.message)}" type="${m.severity === 2 ? 'error' : 'warning'}">${body}</${tag}>\n` +
          `    </testcase>`,
      );
    }
    if (!cases.length) cases.push(`    <testcase name="inboxlint" classname="${file}" time="0" />`);
    tests += cases.length;
    failures += f;
    errors += e;
    suites.push(
      `  <testsuite name="${file}" package="inboxlint" tests="${cases.length}" failures="${f}" errors="${e}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="inboxlint" tests="${tests}" failures="${failures}" errors="${errors}">\n` +
    (suites.length ? `${suites.join('\n')}\n` : '') +
    `</testsuites>\n`
  );
};
