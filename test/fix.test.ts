/**
 * Fixes apart from suggestions: what the rules offer as a safe `fix`, how the engine keeps them
 * (HTML) or turns them into suggestions (MJML, .eml), and the multi-pass application.
 */
import { describe, it, expect } from 'vitest';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { fixUntilStable, selectFixes, MAX_FIX_PASSES } from '../src/engine/fix.js';
import { applyEdits } from '../src/engine/edits.js';
import { defineRule, type AnyRule } from '../src/rule.js';
import { allRules } from '../rules/index.js';
import type { LintMessage } from '../src/engine/types.js';

async function lintText(code: string, rules: readonly AnyRule[], kind: 'html' | 'mjml' = 'html', extra: Partial<Parameters<typeof documentFromText>[2]> = {}) {
  const doc = await documentFromText(kind === 'html' ? 't.html' : 't.mjml', code, { kind, ...extra });
  const settings = Object.fromEntries(rules.map((r) => [r.id, { severity: r.severity }]));
  return lintDocument(doc, { rules: settings, ruleSet: rules, reportUnusedDirectives: false });
}

describe('the rules’ fixes', () => {
  for (const rule of allRules) {
    it(`${rule.id}: ${rule.fixable ? 'each fix removes its finding and nothing else changes' : 'offers no fix'}`, async () => {
      let fixes = 0;
      for (const ex of rule.examples.invalid) {
        if ((ex.kind ?? 'html') !== 'html') continue;
        const res = await lintText(ex.code, [rule], 'html', { subject: ex.subject, preheader: ex.preheader, mailType: ex.mailType } as never);
        for (const m of res.messages) {
          if (!m.fix) continue;
          fixes++;
          expect(rule.fixable, `${rule.id} reports a fix but is not marked fixable`).toBe(true);
          const fixed = applyEdits(ex.code, [m.fix]);
          // The edit only inserts or replaces inside the reported span's tag: the text around it is kept.
          expect(fixed.startsWith(ex.code.slice(0, m.fix.range.start))).toBe(true);
          expect(fixed.endsWith(ex.code.slice(m.fix.range.end))).toBe(true);
          const again = await lintText(fixed, [rule]);
          expect(again.messages.filter((x) => x.messageId === m.messageId), `${rule.id}: ${fixed}`).toEqual([]);
        }
      }
      if (rule.fixable) expect(fixes, `${rule.id} is marked fixable but no invalid example gets a fix`).toBeGreaterThan(0);
      else expect(fixes).toBe(0);
    });
  }

  it('counts fixable findings by severity; guesses stay suggestions', async () => {
    const code =
      '<html><body><table width="600"><tr><td>Thank you for your order. We will send you another email when your parcel leaves our warehouse, usually within two working days.</td></tr></table></body></html>';
    const rules = allRules.filter((r) => r.id === 'table-role-presentation' || r.id === 'html-lang');
    const res = await lintText(code, rules);
    const table = res.messages.find((m) => m.ruleId === 'table-role-presentation')!;
    const lang = res.messages.find((m) => m.ruleId === 'html-lang')!;
    const at = code.indexOf('<table') + '<table'.length;
    expect(table.fix).toEqual({ range: { start: at, end: at }, text: ' role="presentation"' });
    expect(table.suggestions).toBeUndefined();
    // A missing lang is a guess (the language of the copy, here "en"): a suggestion, never a fix.
    expect(lang.fix).toBeUndefined();
    expect(lang.suggestions?.[0].desc).toMatch(/lang="en"/);
    expect(res.fixableWarningCount).toBe(1);
    expect(res.fixableErrorCount).toBe(0);
  });

  it('on MJML a fix becomes a suggestion that says why (its offsets are in the compiled HTML)', async () => {
    const mjml = `<mjml><mj-head><mj-title>Spring sale</mj-title></mj-head><mj-body><mj-section><mj-column>
<mj-raw><table width="600"><tr><td>Raw layout</td></tr></table></mj-raw>
<mj-text>Hello</mj-text>
</mj-column></mj-section></mj-body></mjml>
`;
    const rule = allRules.find((r) => r.id === 'table-role-presentation')!;
    const res = await lintText(mjml, [rule], 'mjml');
    expect(res.messages.length).toBeGreaterThan(0);
    for (const m of res.messages) {
      expect(m.fix).toBeUndefined();
      expect(m.suggestions?.[0].desc).toBe('Add role="presentation" (in the compiled HTML: --fix edits HTML files only)');
    }
    expect(res.fixableWarningCount + res.fixableErrorCount).toBe(0);
  });
});

/** A test rule: every "aa" may become "b"; the fixes of overlapping matches conflict. */
const pairs = defineRule({
  id: 'test-pairs',
  description: 'test',
  rationale: 'test',
  sources: ['test'],
  guidance: 'test',
  category: 'content',
  severity: 'warn',
  recommended: false,
  fixable: true,
  options: {},
  messages: { pair: 'pair' },
  examples: { valid: [], invalid: [] },
  check({ doc, report }) {
    for (let i = doc.text.indexOf('aa'); i >= 0; i = doc.text.indexOf('aa', i + 1)) {
      report({ messageId: 'pair', range: { start: i, end: i + 2 }, fix: { desc: 'merge', range: { start: i, end: i + 2 }, text: 'b' } });
    }
  },
});

describe('applying fixes (ESLint’s passes)', () => {
  const m = (start: number, end: number, text = 'x'): LintMessage => ({
    ruleId: 'r', severity: 1, message: '', line: 1, column: 1, endLine: 1, endColumn: 1, range: { start, end }, fix: { range: { start, end }, text },
  });

  it('selects non-overlapping fixes in order; a fix touching the previous one waits', () => {
    expect(selectFixes([m(5, 8), m(0, 2), m(1, 3), m(2, 2), m(9, 9)]).map((f) => f.range.start)).toEqual([0, 5, 9]);
    expect(selectFixes([m(0, 2, 'a'), m(0, 2, 'b')]).length).toBe(1);
  });

  it('re-lints and applies the fixes that overlapped, until none is left', async () => {
    const lint = async (text: string) => lintText(`<p>${text}</p>`, [pairs]);
    const first = await lint('aaaa');
    // Matches at 0-2, 1-3, 2-4: pass 1 applies the first only (the next starts where it ends), pass 2 the rest.
    const out = await fixUntilStable('<p>aaaa</p>', first, (t) => lintText(t, [pairs]), (r) => r);
    expect(out.text).toBe('<p>bb</p>');
    expect(out.passes).toBe(2);
    expect(out.applied).toBe(2);
    const one = await fixUntilStable('<p>aaa</p>', await lint('aaa'), (t) => lintText(t, [pairs]), (r) => r);
    expect(one.text).toBe('<p>ba</p>');
    expect(one.passes).toBe(1);
    const deep = '<p>aaaaaaaa</p>';
    const many = await fixUntilStable(deep, await lintText(deep, [pairs]), (t) => lintText(t, [pairs]), (r) => r);
    expect(many.text).toBe('<p>babab</p>'); // 0-2, 3-5 and 6-8 in one pass; no pair is left
    expect(many.passes).toBe(1);
    expect(many.last.messages).toEqual([]);
  });

  it('stops after MAX_FIX_PASSES when fixes keep producing new findings', async () => {
    const grow = defineRule({ ...pairs, id: 'test-grow', check({ doc, report }) {
      const i = doc.text.indexOf('</p>');
      if (i >= 0) report({ messageId: 'pair', range: { start: i, end: i }, fix: { desc: 'grow', range: { start: i, end: i }, text: 'a' } });
    } });
    const out = await fixUntilStable('<p></p>', await lintText('<p></p>', [grow]), (t) => lintText(t, [grow]), (r) => r);
    expect(out.passes).toBe(MAX_FIX_PASSES);
    expect(out.text).toBe(`<p>${'a'.repeat(MAX_FIX_PASSES)}</p>`);
  });
});
