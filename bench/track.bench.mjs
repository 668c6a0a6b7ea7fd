/**
 * Benchmark: `inboxlint track` vs posthtml-url-parameters on every .html template of the shared
 * corpus (../shared/corpus), measured in the same run, plus the number of files each tool damaged.
 *
 *   npx tsc -p . && node bench/track.bench.mjs [--runs 7]
 *
 * Both tools get the same parameters (utm_source, utm_medium, utm_campaign; inboxlint adds its
 * per-link utm_content as well) and the same in-memory texts; file reading is not timed. Time
 * is the median of --runs passes over the whole corpus, after one warm-up pass each.
 * A file counts as damaged when checkRewrite() (src/rewrite/verify.ts) finds anything: a byte
 * changed outside href values, a merge tag encoded/split/dropped, a mailto:/tel:/#/empty href
 * changed, a fragment lost or parameters put after '#', existing parameters changed or reordered,
 * an unsubscribe/preference link or an href that is wholly a merge tag rewritten, or an Outlook
 * VML button left with a different URL than its <a> twin.
 */
import { corpus, corpusHtml, runsFlag } from './corpus.mjs';
import posthtml from 'posthtml';
import urlParams from 'posthtml-url-parameters';
import { trackDocument } from '../dist/src/rewrite/track.js';
import { checkRewrite } from '../dist/src/rewrite/verify.js';
import { applyEdits } from '../dist/src/engine/edits.js';
import { EmailDocument } from '../dist/src/model/document.js';

const inputs = await corpusHtml('track');
const RUNS = runsFlag(7);

const PARAMS = { utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring-sale' };
const OPTIONS = { campaign: PARAMS.utm_campaign, source: PARAMS.utm_source, medium: PARAMS.utm_medium };


function inboxlint(text, file) {
  const doc = new EmailDocument({ filePath: file, text });
  return applyEdits(text, trackDocument(doc, OPTIONS).edits);
}
const plugin = () => urlParams({ parameters: PARAMS });
async function peer(text) {
  return (await posthtml([plugin()]).process(text)).html;
}

async function pass(fn) {
  const t0 = performance.now();
  const out = [];
  for (const { file, text } of inputs) out.push(await fn(text, file));
  return { ms: performance.now() - t0, out };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Warm-up, then alternate so both see the same machine state.
let ours = await pass(inboxlint);
let theirs = await pass(peer);
const oursMs = [];
const theirsMs = [];
for (let i = 0; i < RUNS; i++) {
  ours = await pass(inboxlint);
  oursMs.push(ours.ms);
  theirs = await pass(peer);
  theirsMs.push(theirs.ms);
}

function damage(outputs) {
  const byKind = new Map();
  let files = 0;
  let changedFiles = 0;
  let changedLinks = 0;
  const examples = [];
  inputs.forEach(({ file, text }, i) => {
    const doc = new EmailDocument({ filePath: file, text });
    const r = checkRewrite(doc, outputs[i]);
    if (outputs[i] !== text) changedFiles++;
    changedLinks += r.changedLinks;
    if (!r.damage.length) return;
    files++;
    const kinds = new Set(r.damage.map((d) => d.kind));
    for (const k of kinds) byKind.set(k, (byKind.get(k) ?? 0) + 1);
    if (examples.length < 3) examples.push(`${file.slice(corpus.length + 1)}:${r.damage[0].line} ${r.damage[0].kind}: ${r.damage[0].detail.slice(0, 160)}`);
  });
  return { files, byKind, changedFiles, changedLinks, examples };
}

const a = median(oursMs);
const b = median(theirsMs);
const dOurs = damage(ours.out);
const dTheirs = damage(theirs.out);
const fmtKinds = (m) => [...m.entries()].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
console.log(`track bench: ${inputs.length} corpus HTML files, median of ${RUNS} passes`);
console.log(`  inboxlint track           ${a.toFixed(1)} ms  (${(a / inputs.length).toFixed(2)} ms/file)  files changed ${dOurs.changedFiles}, hrefs changed ${dOurs.changedLinks}, files damaged ${dOurs.files} [${fmtKinds(dOurs.byKind)}]`);
console.log(`  posthtml-url-parameters   ${b.toFixed(1)} ms  (${(b / inputs.length).toFixed(2)} ms/file)  files changed ${dTheirs.changedFiles}, hrefs changed ${dTheirs.changedLinks}, files damaged ${dTheirs.files} [${fmtKinds(dTheirs.byKind)}]`);
console.log(`  ratio: inboxlint is ${(b / a).toFixed(2)}x the speed of posthtml-url-parameters (${a < b ? 'faster' : 'SLOWER'})`);
for (const e of dTheirs.examples) console.log(`  posthtml-url-parameters damage e.g. ${e}`);
for (const e of dOurs.examples) console.log(`  inboxlint damage e.g. ${e}`);
if (a >= b || dOurs.files > 0) process.exitCode = 1;
