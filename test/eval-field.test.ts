/**
 * Accuracy on the field set (eval/labels-field: real public templates in 10 natural languages
 * and 9 template syntaxes, none in the corpus or the world set, labelled before any run). It was held out until
 * the world-email fixes of 2026-12-08, which were made from what it showed: now a regression gate
 * (eval/labels-field4 is the held-out set). The floors below are
 * the field figure measured at the commit that added the set (eval/labels-field/RESULTS.md),
 * set a little below it; raise them when the code gets better here, and never meet them by
 * editing labels (a label changes only when it contradicts a rule's contract, with the reason
 * in RESULTS.md).
 */
import { describeSet, type SetFloors } from './eval-world.js';

const FLOORS: SetFloors = {
  templates: 40,
  naturalLanguages: 8,
  templateLanguages: 6,
  // The field figure at the commit that added the set (main of 2026-12-08 00:35 UTC, after the
  // language lexicon, the template-language registry, the footer model and the CTA classes of
  // issue 20): 81 tp / 30 fp / 17 fn, precision 0.730, recall 0.827; CTA detection 18 / 4 / 1
  // (precision 0.818, recall 0.947); no mixed-script suggestion. Goal (issue 20): precision 0.95,
  // recall 0.90, no language below 0.90 precision.
  // After the fixes made from this set (eval/labels-field/RESULTS.md, "After fixes made from this
  // set"; no longer held out for them): 98 / 0 / 0, precision 1.000, recall 1.000; CTA 19 / 0 / 0.
  overall: { precision: 0.99, recall: 0.99 },
  cta: { precision: 0.99, recall: 0.99 },
  /** Most findings with a mixed-script suggestion allowed (goal 0; 0 measured). */
  mixedScript: 0,
};

describeSet('field evaluation set (tuned on since the world-email fixes: a regression gate)', 'field', FLOORS);
