import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../src/model/document.js';
import { lintDocument } from '../src/engine/linter.js';
import { applyEdits } from '../src/engine/edits.js';
import { defineRule } from '../src/rule.js';
import { ConfigError } from '../src/errors.js';

// A tiny rule set so engine behaviour is tested apart from the real rules.
const noBold = defineRule({
  id: 'no-bold',
  description: 'test rule',
  rationale: 'test',
  sources: ['test'],
  guidance: 'test',
  category: 'content',
  severity: 'warn',
  recommended: true,
  options: { hard: { type: 'boolean', default: false, description: 'report as error' } },
  messages: { bold: '<b> found ({{n}})' },
  examples: { valid: [{ code: '<p>x</p>' }], invalid: [{ code: '<b>x</b>' }] },
  check({ doc, options, report }) {
    doc.byTag('b').forEach((b, i) => report({ messageId: 'bold', data: { n: i + 1 }, range: doc.range(b), severity: options.hard ? 'error' : undefined }));
  },
});
const ruleSet = [noBold];
const run = (text: string, severity: 'warn' | 'error' = 'warn', options?: Record<string, unknown>) =>
  lintDocument(new EmailDocument({ filePath: 't.html', text }), { rules: { 'no-bold': { severity, options } }, ruleSet });

describe('engine', () => {
  it('reports with line/column, templated messages and counts', () => {
    const r = run('<p>\n  <b>x</b></p>');
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ ruleId: 'no-bold', severity: 1, message: '<b> found (1)', line: 2, column: 3, endLine: 2, endColumn: 11 });
    expect(r.warningCount).toBe(1);
    expect(run('<b>x</b>', 'error').errorCount).toBe(1);
  });

  it('lets a rule raise a finding to error only when configured as error', () => {
    expect(run('<b>x</b>', 'error', { hard: true }).messages[0].severity).toBe(2);
    expect(run('<b>x</b>', 'warn', { hard: true }).messages[0].severity).toBe(1);
  });

  it('validates options with the key path', () => {
    expect(() => run('<b>x</b>', 'warn', { hard: 'yes' })).toThrow(ConfigError);
    expect(() => run('<b>x</b>', 'warn', { hard: 'yes' })).toThrow(/rules\.no-bold\.hard: expected true or false/);
    expect(() => run('<b>x</b>', 'warn', { nope: 1 })).toThrow(/rules\.no-bold\.nope: unknown option/);
  });

  it('applies disable/enable, disable-next-line and reports unused directives', () => {
    const text = [
      '<!-- inboxlint-disable no-bold -- legacy block -->',
      '<b>1</b>',
      '<!-- inboxlint-enable no-bold -->',
      '<b>2</b>',
      '<!-- inboxlint-disable-next-line no-bold -->',
      '<b>3</b>',
      '<!-- inboxlint-disable-next-line other-rule -->',
      '<p>x</p>',
    ].join('\n');
    const r = run(text);
    const bold = r.messages.filter((m) => m.ruleId === 'no-bold');
    expect(bold.map((m) => m.line)).toEqual([4]);
    expect(r.suppressedMessages.map((m) => m.line)).toEqual([2, 6]);
    const unused = r.messages.filter((m) => m.ruleId === null);
    expect(unused).toHaveLength(1);
    expect(unused[0].line).toBe(7);
    expect(unused[0].message).toMatch(/other-rule/);
  });

  it('turns a crashing rule into a fatal message instead of an exception', () => {
    const boom = { ...noBold, id: 'boom', check: () => { throw new Error('kaput'); } };
    const r = lintDocument(new EmailDocument({ filePath: 't.html', text: '<p/>' }), { rules: { boom: { severity: 'warn' } }, ruleSet: [boom] });
    expect(r.messages[0]).toMatchObject({ ruleId: 'boom', fatal: true, severity: 2 });
    expect(r.messages[0].message).toMatch(/kaput/);
  });
});

describe('applyEdits', () => {
  it('replaces only the given ranges and refuses overlaps', () => {
    expect(applyEdits('abcdef', [{ range: { start: 4, end: 5 }, text: 'E' }, { range: { start: 1, end: 2 }, text: 'BB' }])).toBe('aBBcdEf');
    expect(() => applyEdits('abc', [{ range: { start: 0, end: 2 }, text: 'x' }, { range: { start: 1, end: 3 }, text: 'y' }])).toThrow(/overlapping/);
  });
});
