/**
 * Benchmark: the link and CTA walks on a catalogue email, 8,000 rows of one product link each
 * (`<tr><td><a href="https://shop.example.com/item/N">Item N — view details</a></td></tr>`):
 * `track` and `inspect` (the model's links and CTAs, trackability per link) against a bare
 * htmlparser2 parse of the same text, measured in the same run, and 8,000 rows against 1,000
 * (linear: about 8×; it was quadratic, 105 s for `track` on 8,000 rows).
 *
 *   npx tsc -p . && node bench/links.bench.mjs [--runs 3]
 */
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'htmlparser2';
import { runsFlag, medians } from './corpus.mjs';
import { trackDocument } from '../dist/src/rewrite/track.js';
import { inspectDocument } from '../dist/src/inspect.js';
import { EmailDocument } from '../dist/src/model/document.js';

/** The catalogue email of `n` product rows. */
export function productRows(n) {
  let rows = '';
  for (let i = 0; i < n; i++) rows += `<tr><td><a href="https://shop.example.com/item/${i}">Item ${i} — view details</a></td></tr>\n`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>All items</title></head><body><table role="presentation">\n${rows}</table></body></html>\n`;
}

/** Median CPU ms of parse, track and inspect on 1,000 and 8,000 rows. */
export function measureLinks(runs) {
  const small = productRows(1000);
  const big = productRows(8000);
  const doc = (text) => new EmailDocument({ filePath: 'rows.html', text });
  return medians(runs, {
    parse: () => parseDocument(big, { withStartIndices: true, withEndIndices: true }),
    track1k: () => trackDocument(doc(small), { campaign: 'spring', source: 'news' }),
    track: () => trackDocument(doc(big), { campaign: 'spring', source: 'news' }),
    inspect: () => inspectDocument(doc(big)),
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const m = measureLinks(runsFlag(3));
  console.log(`8,000 product rows: parse ${m.parse.toFixed(0)} ms, track ${m.track.toFixed(0)} ms (${(m.track / m.parse).toFixed(1)}× parse), inspect ${m.inspect.toFixed(0)} ms (${(m.inspect / m.parse).toFixed(1)}× parse); track 8k / 1k rows ${(m.track / m.track1k).toFixed(1)}×`);
}
