/**
 * Benchmark: `inboxlint lint` (all rules, recommended severities) over every .html template of
 * the shared corpus, against baselines measured in the same run: parsing each file with
 * htmlparser2 alone (the floor any HTML linter pays) and @emailens/engine's `auditEmail()` (a
 * peer that checks less: inline styles only). Prints the total and per-file times, the ratios,
 * the heap growth, and the finding counts per rule. Also caniemail()'s check of the same texts
 * against the major clients (client-support.bench.mjs), and the per-file lint time's p95.
 *
 *   npx tsc -p . && node bench/lint.bench.mjs [--runs 5]
 *
 * Texts are read once up front; reading files is not timed. Times are medians of --runs passes
 * after one warm-up pass, the tools alternating so each sees the same machine state.
 */
import { pathToFileURL } from 'node:url';
import { corpusHtml, runsFlag, medians, median, now } from './corpus.mjs';
import { parseDocument } from 'htmlparser2';
import { auditEmail } from '@emailens/engine';
import { caniemail } from 'caniemail';
import { EmailDocument } from '../dist/src/model/document.js';
import { lintDocument } from '../dist/src/engine/linter.js';
import { allRules } from '../dist/rules/index.js';

export const recommended = Object.fromEntries(allRules.filter((r) => r.recommended).map((r) => [r.id, { severity: r.severity }]));

export const lintText = (file, text) => lintDocument(new EmailDocument({ filePath: file, text }), { rules: recommended });
export const parseText = (text) => parseDocument(text, { withStartIndices: true, withEndIndices: true });

/** caniemail's globs for the clients of the `major` preset. */
export const MAJOR = ['apple-mail.*', 'gmail.desktop-webmail', 'gmail.ios', 'gmail.android', 'outlook.windows', 'outlook.macos', 'outlook.outlook-com', 'outlook.ios', 'outlook.android', 'yahoo.*'];

/** caniemail() on every text (a few corpus files make it throw: counted, not fatal). */
export function caniemailPass(inputs) {
  let failed = 0;
  for (const { text } of inputs) {
    try {
      caniemail({ clients: MAJOR, html: text });
    } catch {
      failed++;
    }
  }
  return failed;
}

/** Per-file lint time (ms, the benchmarks' clock): each file's median over `runs` passes, then the p50 and p95 over the files. */
export function perFileLint(inputs, runs) {
  const times = inputs.map(() => []);
  for (let r = 0; r < runs; r++) {
    inputs.forEach(({ file, text }, i) => {
      const t0 = now();
      lintText(file, text);
      times[i].push(now() - t0);
    });
  }
  const per = times.map(median).sort((a, b) => a - b);
  return { p50: per[Math.floor(per.length * 0.5)], p95: per[Math.min(per.length - 1, Math.floor(per.length * 0.95))] };
}

/** Medians (ms) of parse, lint, auditEmail and caniemail over `inputs`, the per-file p50/p95, plus the finding counts and heap growth of one lint pass. */
export function measureLint(inputs, runs) {
  const counts = {};
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  for (const { file, text } of inputs) {
    for (const m of lintText(file, text).messages) counts[m.ruleId ?? '(directive)'] = (counts[m.ruleId ?? '(directive)'] ?? 0) + 1;
  }
  const heapGrowth = process.memoryUsage().heapUsed - heap0;
  const t = medians(runs, {
    parse: () => { for (const { text } of inputs) parseText(text); },
    lint: () => { for (const { file, text } of inputs) lintText(file, text); },
    emailens: () => { for (const { text } of inputs) auditEmail(text); },
    caniemail: () => caniemailPass(inputs),
  });
  return { ...t, ...perFileLint(inputs, Math.max(3, runs)), caniemailFailed: caniemailPass(inputs), counts, heapGrowth, rules: Object.keys(recommended).length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const inputs = await corpusHtml('lint');
  const RUNS = runsFlag(5);
  const bytes = inputs.reduce((a, i) => a + Buffer.byteLength(i.text), 0);
  const m = measureLint(inputs, RUNS);
  console.log(`corpus: ${inputs.length} HTML files, ${(bytes / 1048576).toFixed(1)} MB; ${m.rules} recommended rules; median of ${RUNS} runs`);
  console.log(`baseline (htmlparser2 parse only): ${m.parse.toFixed(0)} ms`);
  console.log(`inboxlint lint:                    ${m.lint.toFixed(0)} ms  (${(m.lint / inputs.length).toFixed(2)} ms/file, ${(bytes / 1048576 / (m.lint / 1000)).toFixed(1)} MB/s)`);
  console.log(`@emailens/engine auditEmail():     ${m.emailens.toFixed(0)} ms`);
  console.log(`caniemail() (major clients):       ${m.caniemail.toFixed(0)} ms  (${m.caniemailFailed} files threw)`);
  console.log(`ratio lint / parse:                ${(m.lint / m.parse).toFixed(1)}x  (auditEmail / parse: ${(m.emailens / m.parse).toFixed(1)}x, caniemail / parse: ${(m.caniemail / m.parse).toFixed(1)}x)`);
  console.log(`per-file lint time:                p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms`);
  console.log(`heap growth after one pass:        ${(m.heapGrowth / 1048576).toFixed(1)} MB`);
  console.log('findings per rule:');
  for (const [id, n] of Object.entries(m.counts).sort((a, b) => b[1] - a[1])) console.log(`  ${id.padEnd(28)} ${n}`);
}
