/** Word wrapping and the width-aware stylish layout, on hand-made results. */
import { describe, it, expect } from 'vitest';
import { displayWidth, terminalWidth, wrapText } from '../src/formatters/wrap.js';
import { stylish } from '../src/formatters/stylish.js';
import { countResult, type LintMessage } from '../src/engine/types.js';
import { allRules } from '../rules/index.js';

describe('wrapText', () => {
  it('wraps at spaces, never past the width, and breaks a word longer than a line', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    const url = `see https://example.com/${'x'.repeat(30)} now`;
    const lines = wrapText(url, 12);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(12);
    expect(lines.join('').replace(/ /g, '')).toBe(url.replace(/ /g, ''));
    expect(wrapText('', 10)).toEqual(['']);
  });

  it('counts wide characters and emoji as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本')).toBe(4);
    expect(displayWidth('🚀 go')).toBe(5);
    for (const l of wrapText('日本語のテキスト 日本語のテキスト', 10)) expect(displayWidth(l)).toBeLessThanOrEqual(10);
  });

  it('uses the terminal width, else COLUMNS, else 80', () => {
    expect(terminalWidth({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(terminalWidth({ isTTY: false }, { COLUMNS: '100' })).toBe(100);
    expect(terminalWidth({}, { COLUMNS: 'wide' })).toBe(80);
  });
});

describe('stylish with a width', () => {
  const long = 'A message that is much longer than the column it is given, so it wraps onto several lines under itself.';
  const m = (over: Partial<LintMessage>): LintMessage => ({
    ruleId: 'img-alt', severity: 2, message: long, line: 3, column: 5, endLine: 3, endColumn: 9, range: { start: 0, end: 1 }, ...over,
  });
  const results = [countResult('/p/a.html', [m({}), m({ ruleId: 'cta-vague-text', severity: 1, line: 120, column: 33, suggestions: [{ desc: long, fix: { range: { start: 0, end: 1 }, text: 'x' } }] })])];
  const ctx = { cwd: '/p', rulesMeta: Object.fromEntries(allRules.map((r) => [r.id, r])), showSuggestions: true };

  it('keeps every line within the width, rule ids aligned on the first line, continuation under the message', () => {
    const out = stylish(results, { ...ctx, width: 70 });
    const lines = out.split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(70);
    const a = lines.find((l) => l.includes('img-alt'))!;
    const b = lines.find((l) => l.includes('cta-vague-text'))!;
    expect(a.indexOf('img-alt')).toBe(b.indexOf('cta-vague-text'));
    const msgCol = a.indexOf('A message');
    const next = lines[lines.indexOf(a) + 1];
    expect(next.length - next.trimStart().length).toBe(msgCol);
    const s = lines.findIndex((l) => l.startsWith('    suggestion: A message'));
    expect(s).toBeGreaterThan(0);
    expect(lines[s + 1]).toMatch(/^ {16}\S/);
  });

  it('without a width nothing wraps (the node API and the existing layout)', () => {
    const out = stylish(results, ctx);
    expect(out.split('\n').some((l) => l.includes(long.slice(0, -1)) && l.endsWith('img-alt'))).toBe(true);
  });
});
