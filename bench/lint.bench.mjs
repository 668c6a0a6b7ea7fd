/**
 * Benchmark: `inboxlint lint` (all rules, recommended severities) over every .html template of
 * the shared corpus, against a baseline measured in the same run: parsing each file with
 * htmlparser2 alone (the floor any HTML linter pays). Prints the total and per-file times, the
 * ratio to the baseline, the heap growth, and the finding counts per rule.
 *
 *   npx tsc -p . && node bench/lint.bench.mjs [--runs 5]
 *
 * Texts are read once up front; reading files is not timed. Times are medians of --runs passes
 * after one warm-up pass.
 */
import { corpusHtml, runsFlag } from './corpus.mjs';
import { parseDocument } from 'htmlparser2';
import { EmailDocument } from '../dist/src/model/document.js';
import { lintDocument } from '../dist/src/engine/linter.js';
import { allRules } from '../dist/rules/index.js';

const inputs = await corpusHtml('lint');
const RUNS = runsFlag(5);

const bytes = inputs.reduce((a, i) => a + Buffer.byteLength(i.text), 0);
const rules = Object.fromEntries(allRules.filter((r) => r.recommended).map((r) => [r.id, { severity: r.severity }]));

const counts = {};
function lintAll(count) {
  for (const { file, text } of inputs) {
    const result = lintDocument(new EmailDocument({ filePath: file, text }), { rules });
    if (count) for (const m of result.messages) counts[m.ruleId ?? '(directive)'] = (counts[m.ruleId ?? '(directive)'] ?? 0) + 1;
  }
}
function parseAll() {
  for (const { text } of inputs) parseDocument(text, { withStartIndices: true, withEndIndices: true });
}
function median(fn) {
  fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

global.gc?.();
const heap0 = process.memoryUsage().heapUsed;
lintAll(true);
const heapGrowth = process.memoryUsage().heapUsed - heap0;
const base = median(parseAll);
const lint = median(() => lintAll(false));

console.log(`corpus: ${inputs.length} HTML files, ${(bytes / 1048576).toFixed(1)} MB; ${Object.keys(rules).length} recommended rules; median of ${RUNS} runs`);
console.log(`baseline (htmlparser2 parse only): ${base.toFixed(0)} ms`);
console.log(`inboxlint lint:                    ${lint.toFixed(0)} ms  (${(lint / inputs.length).toFixed(2)} ms/file, ${(bytes / 1048576 / (lint / 1000)).toFixed(1)} MB/s)`);
console.log(`ratio lint / parse:                ${(lint / base).toFixed(1)}x`);
console.log(`heap growth after one pass:        ${(heapGrowth / 1048576).toFixed(1)} MB`);
console.log('findings per rule:');
for (const [id, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(28)} ${n}`);
