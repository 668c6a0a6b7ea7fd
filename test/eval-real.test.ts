/**
 * Accuracy on templates the project did not write (eval/labels, policy in eval/POLICY.md):
 * fails below the floors, which only ever move up.
 */
import { describe, it, expect } from 'vitest';
import { evaluate, formatReport, precision, readLabels, recall } from './eval-real.js';
import { corpusPresent } from './corpus.js';

const FLOORS = {
  labelled: 80,
  overall: { precision: 1, recall: 1 },
  cta: { precision: 1, recall: 1 },
};

describe.runIf(corpusPresent('real-template evaluation'))('real-template evaluation set', () => {
  it('lints every labelled template and stays above the accuracy floors', async () => {
    const labels = await readLabels();
    const r = await evaluate(labels);
    console.log(formatReport(r));
    if (r.misses.length) console.log(`Mismatches:\n  ${r.misses.join('\n  ')}`);
    expect(r.errors).toEqual([]);
    expect(labels.length).toBeGreaterThanOrEqual(FLOORS.labelled);
    expect(precision(r.overall)).toBeGreaterThanOrEqual(FLOORS.overall.precision);
    expect(recall(r.overall)).toBeGreaterThanOrEqual(FLOORS.overall.recall);
    expect(precision(r.cta)).toBeGreaterThanOrEqual(FLOORS.cta.precision);
    expect(recall(r.cta)).toBeGreaterThanOrEqual(FLOORS.cta.recall);
  }, 300_000);
});
