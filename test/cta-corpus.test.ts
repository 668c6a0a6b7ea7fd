/**
 * CTA detection on the public corpus (../shared/corpus): nothing crashes, and the number of
 * CTAs per email stays sane (no email with 30 "CTAs"). Prints the distribution, mean and max.
 * Skips with a message when the corpus folder is absent, except in CI where that fails.
 */
import { describe, it, expect } from 'vitest';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { loadFile } from '../src/input/index.js';
import { InputError } from '../src/errors.js';
import { CORPUS_DIR as corpus, corpusPresent } from './corpus.js';

const present = corpusPresent('cta-corpus');

describe('CTAs per email on the corpus', () => {
  it.runIf(present)('finds a sane number of CTAs in every HTML template', { timeout: 120_000 }, async () => {
    const files = (await glob('**/*.{html,htm}', { cwd: corpus, absolute: true })).sort();
    const counts: Array<[number, string]> = [];
    const byKind: Record<string, number> = {};
    for (const f of files) {
      let doc;
      try {
        doc = await loadFile(f);
      } catch (err) {
        if (err instanceof InputError) continue; // binary/empty files are the loader's business
        throw err;
      }
      const ctas = doc.ctas;
      for (const c of ctas) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
      expect(ctas.filter((c) => c.primary).length).toBe(ctas.length ? 1 : 0);
      for (const c of ctas) {
        expect(Number.isFinite(c.boxes.mobile.top) && Number.isFinite(c.boxes.desktop.top)).toBe(true);
        if (c.labelRange) expect(doc.text.slice(c.labelRange.start, c.labelRange.end).length).toBeGreaterThan(0);
      }
      counts.push([ctas.length, relative(corpus, f)]);
    }
    const hist = new Map<number, number>();
    for (const [n] of counts) hist.set(n, (hist.get(n) ?? 0) + 1);
    const total = counts.reduce((s, [n]) => s + n, 0);
    const withCta = counts.filter(([n]) => n > 0);
    const max = counts.reduce((m, c) => (c[0] > m[0] ? c : m), [0, ''] as [number, string]);
    console.log(
      `cta-corpus: ${counts.length} HTML emails, ${total} CTAs (${JSON.stringify(byKind)}); ` +
        `mean ${(total / counts.length).toFixed(2)} per email (${(withCta.length ? total / withCta.length : 0).toFixed(2)} among the ${withCta.length} with any); ` +
        `max ${max[0]} (${max[1]}); distribution ${[...hist.entries()].sort((a, b) => a[0] - b[0]).map(([n, k]) => `${n}:${k}`).join(' ')}`,
    );
    expect(counts.length).toBeGreaterThan(400);
    expect(max[0]).toBeLessThan(30);
    expect(withCta.length).toBeGreaterThan(50);
  });
});
