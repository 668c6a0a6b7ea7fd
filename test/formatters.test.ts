/** The output formats on hand-made results: shapes, alignment, escaping. */
import { describe, it, expect } from 'vitest';
import { countResult, type LintMessage } from '../src/engine/types.js';
import { formatters, getFormatter, FORMAT_NAMES } from '../src/formatters/index.js';
import { escapeData, escapeProperty } from '../src/formatters/github.js';
import { xmlEscape } from '../src/formatters/junit.js';
import type { FormatterContext } from '../src/formatters/types.js';
import { allRules } from '../rules/index.js';

const cwd = '/work/project';
const ctx: FormatterContext = { cwd, rulesMeta: Object.fromEntries(allRules.map((r) => [r.id, r])) };

function msg(over: Partial<LintMessage>): LintMessage {
  return { ruleId: 'img-alt', severity: 2, message: 'Image has no alt.', line: 3, column: 5, endLine: 3, endColumn: 20, range: { start: 40, end: 55 }, ...over };
}

const results = [
  countResult(`${cwd}/emails/a.html`, [
    msg({}),
    msg({
      ruleId: 'link-insecure',
      severity: 1,
      message: 'Link uses http://, 100% "insecure"\nreally',
      line: 12,
      column: 120,
      endLine: 12,
      endColumn: 140,
      messageId: 'insecure',
      suggestions: [{ desc: 'Use https://', fix: { range: { start: 300, end: 304 }, text: 'https' } }],
    }),
  ]),
  countResult(`${cwd}/emails/clean.html`, []),
  countResult(`${cwd}/gone.html`, [{ ruleId: null, severity: 2, fatal: true, message: 'no such file', line: 1, column: 1, endLine: 1, endColumn: 1, range: { start: 0, end: 0 } }]),
];

describe('registry', () => {
  it('has the five formats by name', () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'json', 'sarif', 'github', 'junit']);
    expect(getFormatter('json')).toBe(formatters.json);
    expect(getFormatter('toString')).toBeUndefined();
  });
});

describe('stylish', () => {
  it('aligns columns, prints rule ids and the summary', () => {
    const out = formatters.stylish(results, ctx);
    const lines = out.split('\n');
    expect(lines).toContain('emails/a.html');
    const a = lines.find((l) => l.includes('img-alt'))!;
    const b = lines.find((l) => l.includes('link-insecure'))!;
    expect(a).toMatch(/^ {2}3:5 +error {4}Image has no alt +img-alt$/);
    expect(b.indexOf('warning')).toBe(a.indexOf('error'));
    expect(b.indexOf('link-insecure')).toBe(a.indexOf('img-alt'));
    expect(out).toContain('✖ 3 problems (2 errors, 1 warning)');
    expect(out).not.toContain('emails/clean.html');
    expect(out).not.toContain('\u001b[');
  });

  it('prints nothing for a clean run, colours on request, suggestions on request, input errors once', () => {
    expect(formatters.stylish([results[1]], ctx)).toBe('');
    expect(formatters.stylish(results, { ...ctx, color: true })).toContain('\u001b[31m');
    expect(formatters.stylish(results, { ...ctx, showSuggestions: true })).toMatch(/\n {4}suggestion: Use https:\/\/\n/);
    const withoutInput = formatters.stylish(results, { ...ctx, inputErrorsReported: true });
    expect(withoutInput).not.toContain('no such file');
    expect(withoutInput).toContain('✖ 2 problems (1 error, 1 warning)');
  });
});

describe('json', () => {
  it('is ESLint’s shape with [start, end] ranges and no internal range', () => {
    const out = JSON.parse(formatters.json(results, ctx));
    expect(out[0].filePath).toBe(`${cwd}/emails/a.html`);
    expect(Object.keys(out[0]).sort()).toEqual(
      ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'usedDeprecatedRules', 'warningCount'].sort(),
    );
    expect(out[0].messages[1]).toEqual({
      ruleId: 'link-insecure',
      severity: 1,
      message: 'Link uses http://, 100% "insecure"\nreally',
      line: 12,
      column: 120,
      endLine: 12,
      endColumn: 140,
      messageId: 'insecure',
      suggestions: [{ desc: 'Use https://', fix: { range: [300, 304], text: 'https' } }],
    });
    expect(out[2].messages[0]).toMatchObject({ ruleId: null, fatal: true, severity: 2 });
    expect(out[2].fatalErrorCount).toBe(1);
  });
});

describe('github', () => {
  it('escapes data and properties as GitHub documents', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const out = formatters.github(results, ctx).trimEnd().split('\n');
    expect(out[0]).toBe('::error file=emails/a.html,line=3,col=5,endLine=3,endColumn=20,title=img-alt::Image has no alt.');
    expect(out[1]).toBe('::warning file=emails/a.html,line=12,col=120,endLine=12,endColumn=140,title=link-insecure::Link uses http://, 100%25 "insecure"%0Areally');
    expect(out[2]).toMatch(/^::error file=gone\.html,.*title=inboxlint::no such file$/);
    const odd = formatters.github([countResult(`${cwd}/a,b:c.html`, [msg({})])], ctx);
    expect(odd).toContain('file=a%2Cb%3Ac.html,');
  });
});

describe('junit', () => {
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xmlEscape(`<a href="x">&'\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const out = formatters.junit(results, ctx);
    expect(out).toContain('<testsuite name="emails/a.html" package="inboxlint" tests="2" failures="2" errors="0"');
    expect(out).toContain('message="Link uses http://, 100% &quot;insecure&quot;\nreally"');
    expect(out).toContain('<testcase name="inboxlint" classname="emails/clean.html" time="0" />');
    expect(out).toMatch(/<testsuite name="gone\.html"[^>]*errors="1"[^>]*>\s*<testcase[^>]*>\s*<error message="no such file"/);
    expect(out).toContain('<testsuites name="inboxlint" tests="4" failures="2" errors="1">');
  });
});
