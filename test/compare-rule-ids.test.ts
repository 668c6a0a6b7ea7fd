import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareRuleIds } from '../src/engine/types.js';
import { allRules } from '../rules/index.js';

const sign = (n: number) => Math.sign(n) || 0;

describe('compareRuleIds', () => {
  it('orders ids of lowercase letters, digits, - and / as localeCompare does', () => {
    const id = fc.stringMatching(/^[a-z0-9/-]{0,12}$/);
    fc.assert(fc.property(id, id, (a, b) => sign(compareRuleIds(a, b)) === sign(a.localeCompare(b))), { numRuns: 5000 });
  });

  it('orders any other ids with localeCompare', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => sign(compareRuleIds(a, b)) === sign(a.localeCompare(b))), { numRuns: 2000 });
  });

  it('sorts the built-in rule ids as localeCompare does', () => {
    const ids = allRules.map((r) => r.id);
    expect([...ids].sort(compareRuleIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
  });
});
