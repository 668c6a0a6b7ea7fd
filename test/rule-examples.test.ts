/**
 * The documented examples are the tests: for every rule in allRules, each invalid example
 * yields exactly one finding from that rule (with the example's messageId, if given) when
 * only that rule is on, and each valid example yields none.
 */
import { describe, it, expect } from 'vitest';
import { allRules } from '../rules/index.js';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import type { AnyRule, RuleExample } from '../src/rule.js';

async function lintExample(rule: AnyRule, ex: RuleExample) {
  const file = ex.kind === 'mjml' ? 'example.mjml' : ex.kind === 'eml' ? 'example.eml' : 'example.html';
  const doc = await documentFromText(file, ex.code, {
    ...(ex.kind ? { kind: ex.kind } : {}),
    ...(ex.subject !== undefined ? { subject: ex.subject } : {}),
    ...(ex.preheader !== undefined ? { preheader: ex.preheader } : {}),
    ...(ex.mailType !== undefined ? { mailType: ex.mailType } : {}),
    ...(ex.facts ? { facts: structuredClone(ex.facts) } : {}),
    ...(ex.rendered ? { rendered: true } : {}),
  });
  const result = lintDocument(doc, {
    rules: { [rule.id]: { severity: rule.severity, options: ex.options } },
    reportUnusedDirectives: false,
  });
  return result.messages.filter((m) => m.ruleId === rule.id);
}

const describeExample = (ex: RuleExample, i: number) => `${i + 1}: ${ex.title ?? ex.code.slice(0, 50)}`;

describe.each(allRules.map((r) => [r.id, r] as const))('%s examples', (_id, rule) => {
  it('has at least one valid and one invalid example', () => {
    expect(rule.examples.valid.length).toBeGreaterThan(0);
    expect(rule.examples.invalid.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.invalid.map((ex, i) => [describeExample(ex, i), ex] as const))('invalid %s → exactly one finding', async (_t, ex) => {
    const messages = await lintExample(rule, ex);
    expect(messages.map((m) => `${m.messageId}: ${m.message}`)).toHaveLength(1);
    const [m] = messages;
    expect(m.fatal).toBeFalsy();
    if (ex.messageId) expect(m.messageId).toBe(ex.messageId);
    // The message was filled in: no template placeholder left over.
    expect(m.message).not.toMatch(/\{\{\s*\w+\s*\}\}/);
  });

  it.each(rule.examples.valid.map((ex, i) => [describeExample(ex, i), ex] as const))('valid %s → no finding', async (_t, ex) => {
    const messages = await lintExample(rule, ex);
    expect(messages.map((m) => `${m.messageId}: ${m.message}`)).toEqual([]);
  });
});
