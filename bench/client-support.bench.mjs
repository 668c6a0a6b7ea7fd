/**
 * client-support's cost: lint (recommended rules) with and without client-support judging the
 * `major` clients over the corpus HTML, and the caniemail package's caniemail() on the same texts
 * and clients (a peer that parses the HTML and CSS itself). Fresh documents every pass: the rule
 * pays for its detection on each.
 *
 *   npx tsc -p . && node bench/client-support.bench.mjs [--runs 5]
 */
import { pathToFileURL } from 'node:url';
import { corpusHtml, runsFlag, medians } from './corpus.mjs';
import { EmailDocument } from '../dist/src/model/document.js';
import { lintDocument } from '../dist/src/engine/linter.js';
import { recommended, caniemailPass } from './lint.bench.mjs';

const withClients = { ...recommended, 'client-support': { severity: 'warn', options: { clients: ['major'] } } };

/** Medians (ms): lint without and with client-support, client-support alone, caniemail(); and the finding counts. */
export function measureClientSupport(inputs, runs) {
  const lint = (rules) => () => { for (const { file, text } of inputs) lintDocument(new EmailDocument({ filePath: file, text }), { rules }); };
  let findings = 0;
  let files = 0;
  for (const { file, text } of inputs) {
    const n = lintDocument(new EmailDocument({ filePath: file, text }), { rules: { 'client-support': withClients['client-support'] } }).messages.length;
    findings += n;
    if (n) files++;
  }
  let failed = 0;
  const t = medians(runs, {
    lint: lint(recommended),
    lintClients: lint(withClients),
    clientsOnly: lint({ 'client-support': withClients['client-support'] }),
    caniemail: () => { failed = caniemailPass(inputs); },
  });
  return { ...t, findings, files, caniemailFailed: failed };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const inputs = await corpusHtml('client-support');
  const runs = runsFlag(3);
  const m = measureClientSupport(inputs, runs);
  console.log(`corpus: ${inputs.length} HTML files; median of ${runs} runs`);
  console.log(`lint (recommended):                 ${m.lint.toFixed(0)} ms`);
  console.log(`lint + client-support (major):      ${m.lintClients.toFixed(0)} ms  (${(m.lintClients / m.lint).toFixed(2)}x)`);
  console.log(`client-support alone:               ${m.clientsOnly.toFixed(0)} ms`);
  console.log(`caniemail() (same clients):         ${m.caniemail.toFixed(0)} ms  (${m.caniemailFailed} files threw)`);
  console.log(`client-support findings:            ${m.findings} on ${m.files} files`);
}
