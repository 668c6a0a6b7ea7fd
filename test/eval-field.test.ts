/**
 * Accuracy on the field set (eval/labels-field: real public templates in 10 natural languages
 * and 9 template syntaxes, none in the corpus or the world set, labelled before any run). It is
 * HELD OUT: the model is tuned on eval/labels-world, never on this set. The floors below are
 * the field figure measured at the commit that added the set (eval/labels-field/RESULTS.md),
 * set a little below it; raise them when the code gets better here, and never meet them by
 * editing labels (a label changes only when it contradicts a rule's contract, with the reason
 * in RESULTS.md).
 */
import { describe, it, expect } from 'vitest';
import { precision, recall } from './eval-real.js';
import { evaluateWorld, formatWorldReport, manifestFiles, readWorldLabels, worldFiles } from './eval-world.js';

const FLOORS = {
  templates: 40,
  naturalLanguages: 8,
  templateLanguages: 6,
  // The field figure at the commit that added the set (main of 2026-12-08 00:35 UTC, after the
  // language lexicon, the template-language registry, the footer model and the CTA classes of
  // issue 20): 81 tp / 30 fp / 17 fn, precision 0.730, recall 0.827; CTA detection 18 / 4 / 1
  // (precision 0.818, recall 0.947); no mixed-script suggestion. Goal (issue 20): precision 0.95,
  // recall 0.90, no language below 0.90 precision.
  overall: { precision: 0.72, recall: 0.81 },
  cta: { precision: 0.8, recall: 0.93 },
  /** Most findings with a mixed-script suggestion allowed (goal 0; 0 measured). */
  mixedScript: 0,
};

describe('field evaluation set (held out)', () => {
  it('has every template, label and manifest row, with its source and licence', async () => {
    const { templates, labels } = await worldFiles('field');
    expect(templates.length).toBeGreaterThanOrEqual(FLOORS.templates);
    expect(labels).toEqual(templates);
    expect(await manifestFiles('field')).toEqual(templates);
    const all = await readWorldLabels('field');
    for (const l of all) {
      expect(l.source.commit, l.file).toMatch(/^[0-9a-f]{40}$/);
      expect(l.source.license, l.file).toBeTruthy();
      expect(`${l.source.repo.replace('/', '+')}/${l.source.path}`).toBe(l.file);
    }
    expect(new Set(all.map((l) => l.naturalLanguage).filter((x) => x !== 'und')).size).toBeGreaterThanOrEqual(FLOORS.naturalLanguages);
    expect(new Set(all.map((l) => l.templateLanguage).filter((x) => x !== 'none')).size).toBeGreaterThanOrEqual(FLOORS.templateLanguages);
  });

  it('lints every template and stays above the floors', async () => {
    const r = await evaluateWorld(await readWorldLabels('field'), 'field');
    console.log(formatWorldReport(r, 'field'));
    if (r.misses.length) console.log(`Mismatches:\n  ${r.misses.join('\n  ')}`);
    if (r.mixedScript.length) console.log(`Mixed-script suggestions:\n  ${r.mixedScript.join('\n  ')}`);
    if (r.englishLangOnOther.length) console.log(`html-lang suggesting lang="en" on other languages:\n  ${r.englishLangOnOther.join('\n  ')}`);
    expect(r.errors).toEqual([]);
    expect(precision(r.overall)).toBeGreaterThanOrEqual(FLOORS.overall.precision);
    expect(recall(r.overall)).toBeGreaterThanOrEqual(FLOORS.overall.recall);
    expect(precision(r.cta)).toBeGreaterThanOrEqual(FLOORS.cta.precision);
    expect(recall(r.cta)).toBeGreaterThanOrEqual(FLOORS.cta.recall);
    expect(r.mixedScript.length).toBeLessThanOrEqual(FLOORS.mixedScript);
  }, 300_000);
});
