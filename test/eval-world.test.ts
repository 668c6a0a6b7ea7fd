/**
 * Accuracy on the world set (eval/labels-world: real public templates in 18 natural languages
 * and 11 template syntaxes, kept in the repository). The floors are the figures of the first
 * honest measurement (labels written before any run); raise them as fixes land, never lower
 * them without saying why in eval/labels-world/RESULTS.md.
 */
import { describe, it, expect } from 'vitest';
import { precision } from './eval-real.js';
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
  // Then the mail type from the lexicon's wording in every language, account-action links and
  // `unknown` for a fragment or layout that nothing types (a whole mail stays marketing), Zammad's
  // #{…} and Magento's {{trans}} %placeholders in the registry, and no length judgement on a CTA
  // label that is only template code — tuned on this set's false findings, so these figures are
  // a regression gate, not a field measurement (eval/labels-field is the held-out set):
  // With the footer's size limit for wording and the shop-name wordmark of a short mail:
  // 120 / 0 / 3, precision 1.000, recall 0.976; every language 1.000; CTA detection 22 / 0 / 3.
  // With the lone text link right in the body and the filled one-cell button table:
  // 123 / 0 / 0, precision 1.000, recall 1.000; CTA detection 23 / 0 / 2.
  overall: { precision: 0.99, recall: 0.99 },
  cta: { precision: 0.99, recall: 0.9 },
  /** Lowest precision allowed for any natural language with findings. */
  languagePrecision: 0.95,
  /** Most findings with a mixed-script suggestion allowed (goal 0). */
  mixedScript: 0,
  /** Most html-lang findings suggesting lang="en" on copy in another language (goal 0). */
  englishLangOnOther: 1,
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
    const r = await expectAboveFloors('world', FLOORS);
    expect(r.englishLangOnOther.length).toBeLessThanOrEqual(FLOORS.englishLangOnOther);
    for (const [lang, c] of Object.entries(r.perLanguage)) {
      if (c.tp + c.fp > 0) expect(precision(c), `precision of ${lang}`).toBeGreaterThanOrEqual(FLOORS.languagePrecision);
    }
  }, 300_000);
});
