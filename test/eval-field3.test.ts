/**
 * Accuracy on field set 3 (eval/labels-field3: real public templates in 19 natural languages,
 * three of them right-to-left, and 5 template syntaxes including uncompiled Inky and Maizzle
 * sources and PrestaShop's compiled MJML output; none in the corpus or the other sets, labelled
 * before any run). It is HELD OUT: the model is tuned on eval/labels-world, never on this set.
 * The floors below are the figure measured at the commit that added the set
 * (eval/labels-field3/RESULTS.md), set a little below it; raise them when the code gets better
 * here, and never meet them by editing labels (a label changes only when it contradicts a rule's
 * contract, with the reason in RESULTS.md).
 */
import { describe, it, expect } from 'vitest';
import { expectAboveFloors, expectCompleteSet, type SetFloors } from './eval-world.js';

const FLOORS: SetFloors = {
  templates: 30,
  naturalLanguages: 18,
  templateLanguages: 5,
  // The figure at the commit that added the set (branch point b05defa, labels committed first in
  // 6a5cca9): 41 tp / 7 fp / 4 fn, precision 0.854, recall 0.911; CTA detection 9 / 10 / 0
  // (precision 0.474, recall 1.000); no mixed-script suggestion. Goal (issue 20): precision 0.95,
  // recall 0.90, no language below 0.90 precision.
  // After the fixes made from this set (a regression gate from here on, no longer held out):
  // 45 / 0 / 0 (1.000 / 1.000), CTA 9 / 0 / 0, primary 26/26.
  overall: { precision: 0.98, recall: 0.98 },
  cta: { precision: 0.98, recall: 0.98 },
  /** Most findings with a mixed-script suggestion allowed (goal 0; 0 measured). */
  mixedScript: 0,
};

describe('field evaluation set 3 (held out)', () => {
  it('has every template, label and manifest row, with its source and licence', async () => {
    await expectCompleteSet('field3', FLOORS);
  });

  it('lints every template and stays above the floors', async () => {
    await expectAboveFloors('field3', FLOORS);
  }, 300_000);
});
