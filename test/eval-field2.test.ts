/**
 * Accuracy on field set 2 (eval/labels-field2: real public templates in ESP template
 * languages no other set holds — Shopify notification Liquid, HubSpot HubL, a SendGrid dynamic
 * template, Customer.io layouts, forkbb mail templates, Laravel Blade — none in the corpus or the other sets,
 * labelled before any run). It is HELD OUT: the model is tuned on eval/labels-world, never on
 * this set. The floors below are the figure measured at the commit that added the set
 * (eval/labels-field2/RESULTS.md), set a little below it; raise them when the code gets better
 * here, and never meet them by editing labels (a label changes only when it contradicts a rule's
 * contract, with the reason in RESULTS.md).
 */
import { describe, it } from 'vitest';
import { expectAboveFloors, expectCompleteSet, type SetFloors } from './eval-world.js';

const FLOORS: SetFloors = {
  templates: 34,
  naturalLanguages: 6,
  templateLanguages: 6,
  // The figure at the branch point b05defa, before any change for the set, on the 34 licensed
  // files (19 kept after the unlicensed sources were removed, 15 added and labelled before their
  // run): 45 tp / 19 fp / 0 fn, precision 0.703, recall 1.000; CTA detection 17 / 1 / 0
  // (precision 0.944, recall 1.000), primary right 33/34; no mixed-script suggestion
  // (eval/labels-field2/RESULTS.md). Goal (issue 20): precision 0.95, recall 0.90, no language
  // below 0.90 precision.
  // After the fixes made from this set (a regression gate from here on, no longer held out):
  // 45 / 0 / 0 (1.000 / 1.000), CTA 17 / 0 / 0, primary 34/34.
  overall: { precision: 0.98, recall: 0.98 },
  cta: { precision: 0.98, recall: 0.98 },
  /** Most findings with a mixed-script suggestion allowed (goal 0; 0 measured). */
  mixedScript: 0,
};

describe('field set 2 (held out: ESP template languages)', () => {
  it('has every template, label and manifest row, with its source and licence', async () => {
    await expectCompleteSet('field2', FLOORS);
  });

  it('lints every template and stays above the floors', async () => {
    await expectAboveFloors('field2', FLOORS);
  }, 300_000);
});
