/** Built-in presets: `inboxlint:recommended` and `inboxlint:strict`. */
import type { AnyRule } from '../rule.js';
import type { RuleSetting } from '../engine/linter.js';

export const PRESET_NAMES: Record<string, 'recommended' | 'strict'> = {
  'inboxlint:recommended': 'recommended',
  recommended: 'recommended',
  'inboxlint:strict': 'strict',
  strict: 'strict',
};

/**
 * `recommended`: every recommended rule at its default severity. `strict`: every rule, at
 * error. Built-in rules only: a plugin's rules (`ns/rule`) are on when a config turns them on.
 */
export function presetRules(name: 'recommended' | 'strict', ruleSet: readonly AnyRule[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const r of ruleSet) {
    if (r.id.includes('/')) continue;
    if (name === 'strict') out[r.id] = { severity: 'error' };
    else if (r.recommended) out[r.id] = { severity: r.severity };
  }
  return out;
}
