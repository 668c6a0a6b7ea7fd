/**
 * Accuracy on the world set (eval/labels-world: real public templates in 18 natural languages
 * and 11 template syntaxes, kept in the repository). The floors are the figures of the first
 * honest measurement (labels written before any run); raise them as fixes land, never lower
 * them without saying why in eval/labels-world/RESULTS.md.
 */
import { describe, it, expect } from 'vitest';
import { expectAboveFloors, expectCompleteSet, mixesScripts, scriptsOf, suggestedWording } from './eval-world.js';

const FLOORS = {
  templates: 73,
  naturalLanguages: 8,
  templateLanguages: 6,
  // The "before" figures (main when the set was labelled, eval/labels-world/RESULTS.md):
  // 120 tp / 77 fp / 3 fn, CTA detection 22 / 5 / 3. To be raised as the fixes of issue 20 land
  // (goal: precision 0.95, recall 0.90, no language below 0.90 precision, no mixed scripts).
  // After the language lexicon, the template-language registry, the footer model and the CTA
  // classes (this set was not used to tune them): 119 tp / 65 fp / 4 fn, precision 0.647,
  // recall 0.967. Recall lost one finding: the 12px wrapper of shopware's contact_form is now
  // taken for a footer by the footer model. What still costs precision: 38 unsubscribe-link
  // findings on transactional mail in other languages (mail-type inference knows few languages)
  // and 24 link-href findings on Smarty {$…} and Magento %…% placeholders (not yet in the registry).
  // Then Smarty's {$…} joined the template-language registry (found among this set's false
  // findings, so that part is tuned on it): 119 / 43 / 4, precision 0.735.
  overall: { precision: 0.734, recall: 0.966 },
  cta: { precision: 0.814, recall: 0.88 },
  /** Most findings with a mixed-script suggestion allowed (goal 0). */
  mixedScript: 1,
};

describe('world evaluation set', () => {
  it('has every template, label and manifest row, with its source and licence', async () => {
    await expectCompleteSet('world', FLOORS);
  });

  it('tells mixed-script suggestions apart', () => {
    expect(mixesScripts('Shop احصل على العرض')).toBe(true);
    expect(mixesScripts('Explore Към Новината')).toBe(true);
    expect(mixesScripts('カートに入れる')).toBe(false);
    expect(mixesScripts('Jetzt entdecken')).toBe(false);
    expect(mixesScripts('{{ cta_label }} 予約する')).toBe(false);
    expect([...scriptsOf('回复 »')]).toEqual(['CJK']);
    expect(suggestedWording({ ruleId: 'x', severity: 1, line: 1, column: 1, endLine: 1, endColumn: 1, range: { start: 0, end: 0 }, message: 'CTA "a" … e.g. "Shop now"', suggestions: [{ desc: 'Change the CTA label to "Kaufen"', fix: { range: { start: 0, end: 0 }, text: 'Kaufen' } }] })).toEqual(['Kaufen', 'Shop now']);
  });

  it('lints every template and stays above the floors', async () => {
    await expectAboveFloors('world', FLOORS);
  }, 300_000);
});
