/**
 * Accuracy on field set 4 (eval/labels-field4: real public templates in 7 natural languages,
 * PrestaShop 1.4 hand-written and 1.7 compiled follow-up mails, Mautic's MJML starter templates
 * and HTML themes; none in the corpus or the other sets, labelled before any run). It is HELD OUT: the
 * model was fixed from the three earlier field sets, never from this one. The floors below are
 * the figure measured at the commit that added the set (eval/labels-field4/RESULTS.md), set a
 * little below it; raise them when the code gets better here, and never meet them by editing
 * labels (a label changes only when it contradicts a rule's contract, with the reason in
 * RESULTS.md).
 */
import { describeSet, type SetFloors } from './eval-world.js';

const FLOORS: SetFloors = {
  templates: 30,
  naturalLanguages: 7,
  templateLanguages: 3,
  // The figure at the commit that added the set (labels committed before any run on them:
  // da06c67 for 28 files, 63a4998 for 2 more): 75 tp / 0 fp / 0 fn, precision 1.000, recall
  // 1.000 (the first run read 56 / 0 / 10 until four Mautic labels that contradicted
  // uncompiled-source's contract were corrected, see RESULTS.md); CTA detection 2 / 0 / 0,
  // primary 26/26; no mixed-script suggestion. Goal (issue 20): precision 0.95, recall 0.90.
  overall: { precision: 0.98, recall: 0.98 },
  cta: { precision: 0.98, recall: 0.98 },
  /** Most findings with a mixed-script suggestion allowed (goal 0; 0 measured). */
  mixedScript: 0,
};

describeSet('field evaluation set 4 (held out)', 'field4', FLOORS);
