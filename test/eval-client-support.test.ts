/**
 * Precision of the client-support rule on hand-labelled real templates (eval/client-support,
 * policy in eval/POLICY.md): fails below the floors, which only ever move up.
 */
import { existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { corpusDir, evaluateClientSupport, readCsLabels } from './eval-client-support.js';

const FLOORS = { labelled: 30, precision: 0.95, recall: 0.8 };
const present = existsSync(corpusDir);
if (!present) {
  if (process.env.CI) throw new Error(`the corpus ${corpusDir} is absent (required under CI)`);
  console.log(`eval-client-support: skipped, the corpus ${corpusDir} is absent`);
}

describe.runIf(present)('client-support on hand-labelled real templates', () => {
  it('reaches the precision floor', async () => {
    const labels = await readCsLabels();
    const r = await evaluateClientSupport(labels);
    const precision = r.tp / Math.max(1, r.tp + r.fp);
    const recall = r.tp / Math.max(1, r.tp + r.fn);
    console.log(`client-support: ${r.files} files, ${r.findings} findings, tp ${r.tp} fp ${r.fp} fn ${r.fn}, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    if (r.misses.length) console.log(`Mismatches:\n  ${r.misses.join('\n  ')}`);
    expect(r.errors).toEqual([]);
    expect(labels.length).toBeGreaterThanOrEqual(FLOORS.labelled);
    expect(precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(recall).toBeGreaterThanOrEqual(FLOORS.recall);
  }, 300_000);
});
