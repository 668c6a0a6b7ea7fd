/**
 * RuleTester (inboxlint/testing): it passes correct cases, and it fails — with a message that
 * says why — a case whose expectation is wrong, so a third-party rule's tests mean something.
 * The built-in rules pass their own documented examples through it too.
 */
import { describe, it, expect } from 'vitest';
import { RuleTester, rules, defineRule } from '../src/testing/index.js';

const noCenter = defineRule({
  id: 'no-center',
  description: 'No <center>.',
  rationale: 'Obsolete element.',
  sources: ['test'],
  guidance: 'Use align.',
  category: 'layout',
  severity: 'warn',
  recommended: false,
  options: { max: { type: 'integer', default: 0, minimum: 0, description: 'How many are allowed.' } },
  messages: { center: '<center> number {{n}}' },
  examples: { valid: [{ code: '<p>x</p>' }], invalid: [{ code: '<center>x</center>', messageId: 'center' }] },
  check({ doc, options, report }) {
    doc.byTag('center').forEach((el, i) => {
      if (i < options.max) return;
      report({ messageId: 'center', data: { n: i + 1 }, range: doc.startTagRange(el), suggestions: [{ desc: 'Use a div', fix: { range: { start: el.startIndex! + 1, end: el.startIndex! + 7 }, text: 'div' } }] });
    });
  },
});

/** Runs cases without a framework; resolves to the failure text ('' when all pass). */
async function failures(tests: Parameters<RuleTester['run']>[2], rule = noCenter): Promise<string> {
  return new RuleTester({ describe: undefined, it: undefined })
    .run('t', rule, tests)
    .then(() => '', (e: Error) => e.message);
}

// Registered with vitest's describe/it through the constructor.
new RuleTester({ describe, it }).run('no-center through vitest', noCenter, {
  valid: ['<p>fine</p>', { code: '<center>one allowed</center>', options: { max: 1 } }],
  invalid: [
    { code: '<center>a</center>', errors: [{ messageId: 'center', message: '<center> number 1', line: 1, column: 1, endLine: 1, endColumn: 9 }] },
    { code: '<p>\n<center>a</center></p>', errors: 1, output: '<p>\n<div>a</center></p>' },
    { code: '<center>a</center>', errors: [{ messageId: 'center', suggestions: [{ desc: 'Use a div', output: '<div>a</center>' }] }] },
    { code: '<mjml><mj-body><mj-raw><center>x</center></mj-raw></mj-body></mjml>', kind: 'mjml', errors: [{ messageId: 'center', line: 1 }] },
  ],
});

describe('RuleTester without a framework', () => {
  it('passes correct cases', async () => {
    expect(await failures({ valid: ['<p>x</p>'], invalid: [{ code: '<center>x</center>', errors: [{ messageId: 'center' }] }] })).toBe('');
  });

  it('fails a valid case that has a finding, an invalid one with the wrong count, id, message, line or output', async () => {
    expect(await failures({ valid: ['<center>x</center>'], invalid: [] })).toMatch(/valid 1: .*expected no finding, got 1/);
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center><center>y</center>', errors: 1 }] })).toMatch(/expected 1 finding\(s\), got 2/);
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', errors: [{ messageId: 'nope' }] }] })).toMatch(/"nope" is not one of the rule's messages \(center\)/);
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', errors: [{ message: /number 2/ }] }] })).toMatch(/expected message \/number 2\//);
    expect(await failures({ valid: [], invalid: [{ code: '\n<center>x</center>', errors: [{ line: 1 }] }] })).toMatch(/expected line 1, got 2/);
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', errors: 1, output: '<center>x</center>' }] })).toMatch(/output differs/);
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', errors: [{ suggestions: [{ output: 'x' }] }] }] })).toMatch(/suggestion 1 gives/);
    expect(await failures({ valid: [], invalid: [{ code: '<p>x</p>', errors: [] }] })).toMatch(/at least one expected error/);
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', options: { max: -1 }, errors: 1 }] })).toMatch(/max: expected an integer ≥ 0/);
  });

  it('runs the rule at the case\'s severity and checks each finding\'s', async () => {
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', errors: [{ severity: 2 }] }] })).toBe('');
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', severity: 'warn', errors: [{ severity: 1 }] }] })).toBe('');
    expect(await failures({ valid: [], invalid: [{ code: '<center>x</center>', severity: 'warn', errors: [{ severity: 2 }] }] })).toMatch(/expected severity 2, got 1/);
  });

  it('reports a rule that throws, naming it', async () => {
    const boom = { ...noCenter, id: 'boom', check: () => { throw new Error('kaboom'); } };
    expect(await failures({ valid: ['<p>x</p>'], invalid: [] }, boom)).toMatch(/Rule "boom" failed on this file: kaboom/);
  });

  it('refuses something that is not a rule', () => {
    expect(() => new RuleTester().run('x', {} as never, { valid: [], invalid: [] })).toThrow(/check\(\) function/);
  });
});

describe('the built-in rules through RuleTester.examples', () => {
  // A sample across the areas (the full set runs in test/rule-examples.test.ts).
  for (const id of ['html-title', 'img-alt', 'cta-vague-text', 'mjml-valid', 'list-unsubscribe']) {
    it(id, async () => {
      const rule = rules.find((r) => r.id === id)!;
      expect(await failures(RuleTester.examples(rule), rule)).toBe('');
    });
  }
});
