/**
 * CTA detection against the labeled set (fixtures/cta-labeled: each `name.html` has a sidecar
 * `name.expected.json` {ctas: [{label, href}], primary}). Prints precision, recall and primary
 * accuracy; fails below 0.9.
 */
import { describe, it, expect } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { documentFromText } from '../src/input/index.js';

const dir = fileURLToPath(new URL('../fixtures/cta-labeled/', import.meta.url));

interface Expected {
  ctas: Array<{ label: string; href: string }>;
  primary: string | null;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const key = (c: { label: string; href: string }) => `${norm(c.label)}\u0000${c.href.trim()}`;

async function evaluate() {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  let tp = 0;
  let detected = 0;
  let expectedCount = 0;
  let primaryOk = 0;
  const misses: string[] = [];
  for (const f of files) {
    const expected = JSON.parse(await readFile(join(dir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as Expected;
    const doc = await documentFromText(f, await readFile(join(dir, f), 'utf8'));
    const found = doc.ctas.map((c) => ({ label: c.label, href: c.href }));
    const pool = expected.ctas.map(key);
    let hits = 0;
    for (const c of found) {
      const i = pool.indexOf(key(c));
      if (i >= 0) {
        pool.splice(i, 1);
        hits++;
      }
    }
    tp += hits;
    detected += found.length;
    expectedCount += expected.ctas.length;
    const primary = doc.ctas.find((c) => c.primary)?.label ?? null;
    const pOk = (primary === null && expected.primary === null) || (primary !== null && expected.primary !== null && norm(primary) === norm(expected.primary));
    if (pOk) primaryOk++;
    if (hits !== found.length || hits !== expected.ctas.length || !pOk) {
      misses.push(`${f}: found [${found.map((c) => c.label).join(' | ')}] expected [${expected.ctas.map((c) => c.label).join(' | ')}] primary ${primary} vs ${expected.primary}`);
    }
  }
  return {
    files: files.length,
    precision: detected ? tp / detected : 1,
    recall: expectedCount ? tp / expectedCount : 1,
    primaryAccuracy: primaryOk / files.length,
    tp,
    detected,
    expectedCount,
    misses,
  };
}

describe('CTA detection on the labeled set', () => {
  it('has at least 40 labeled emails, precision and recall ≥ 0.9, primary CTA right ≥ 0.9', async () => {
    const r = await evaluate();
    console.log(
      `CTA labeled set: ${r.files} emails, ${r.expectedCount} expected CTAs, ${r.detected} detected, ${r.tp} correct — ` +
        `precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)}, primary accuracy ${r.primaryAccuracy.toFixed(3)}`,
    );
    if (r.misses.length) console.log(`Mismatches:\n  ${r.misses.join('\n  ')}`);
    expect(r.files).toBeGreaterThanOrEqual(40);
    expect(r.precision).toBeGreaterThanOrEqual(0.9);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.primaryAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
