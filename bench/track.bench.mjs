/**
 * Benchmark: `inboxlint track` vs posthtml-url-parameters on every .html template of the shared
 * corpus (../shared/corpus), measured in the same run, plus the number of files each tool damaged.
 *
 *   npx tsc -p . && node bench/track.bench.mjs [--runs 7]
 *
 * A bare htmlparser2 parse of the same texts is the floor (measured in the same run).
 * Both tools get the same parameters (utm_source, utm_medium, utm_campaign; inboxlint adds its
 * per-link utm_content as well) and the same in-memory texts; file reading is not timed. Time
 * is the median of --runs passes over the whole corpus, after one warm-up pass each.
 * A file counts as damaged when checkRewrite() (src/rewrite/verify.ts) finds anything: a byte
 * changed outside href values, a merge tag encoded/split/dropped, a mailto:/tel:/#/empty href
 * changed, a fragment lost or parameters put after '#', existing parameters changed or reordered,
 * an unsubscribe/preference link or an href that is wholly a merge tag rewritten, or an Outlook
 * VML button left with a different URL than its <a> twin.
 */
import { pathToFileURL } from 'node:url';
import { corpus, corpusHtml, runsFlag, median, now } from './corpus.mjs';
import posthtml from 'posthtml';
import urlParams from 'posthtml-url-parameters';
import { parseDocument } from 'htmlparser2';
import { trackDocument } from '../dist/src/rewrite/track.js';
import { checkRewrite } from '../dist/src/rewrite/verify.js';
import { applyEdits } from '../dist/src/engine/edits.js';
import { EmailDocument } from '../dist/src/model/document.js';

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
const parse = (text) => parseDocument(text, { withStartIndices: true, withEndIndices: true });

async function pass(inputs, fn) {
  const t0 = now();
  const out = [];
  for (const { file, text } of inputs) out.push(await fn(text, file));
  return { ms: now() - t0, out };
}

function damage(inputs, outputs) {
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
  return { files, byKind: Object.fromEntries(byKind), changedFiles, changedLinks, examples };
}

/** Medians (ms) of a bare parse, inboxlint track and posthtml-url-parameters over `inputs`, with what each changed and damaged. */
export async function measureTrack(inputs, runs) {
  // Warm-up, then alternate so all see the same machine state.
  let ours = await pass(inputs, inboxlint);
  let theirs = await pass(inputs, peer);
  await pass(inputs, parse);
  const oursMs = [];
  const theirsMs = [];
  const parseMs = [];
  for (let i = 0; i < runs; i++) {
    parseMs.push((await pass(inputs, parse)).ms);
    ours = await pass(inputs, inboxlint);
    oursMs.push(ours.ms);
    theirs = await pass(inputs, peer);
    theirsMs.push(theirs.ms);
  }
  return {
    parse: median(parseMs),
    track: median(oursMs),
    posthtml: median(theirsMs),
    trackDamage: damage(inputs, ours.out),
    posthtmlDamage: damage(inputs, theirs.out),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const inputs = await corpusHtml('track');
  const RUNS = runsFlag(7);
  const m = await measureTrack(inputs, RUNS);
  const a = m.track;
  const b = m.posthtml;
  const dOurs = m.trackDamage;
  const dTheirs = m.posthtmlDamage;
  const fmtKinds = (o) => Object.entries(o).sort((x, y) => y[1] - x[1]).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  console.log(`track bench: ${inputs.length} corpus HTML files, median of ${RUNS} passes`);
  console.log(`  htmlparser2 parse only    ${m.parse.toFixed(1)} ms`);
  console.log(`  inboxlint track           ${a.toFixed(1)} ms  (${(a / inputs.length).toFixed(2)} ms/file, ${(a / m.parse).toFixed(1)}x parse)  files changed ${dOurs.changedFiles}, hrefs changed ${dOurs.changedLinks}, files damaged ${dOurs.files} [${fmtKinds(dOurs.byKind)}]`);
  console.log(`  posthtml-url-parameters   ${b.toFixed(1)} ms  (${(b / inputs.length).toFixed(2)} ms/file, ${(b / m.parse).toFixed(1)}x parse)  files changed ${dTheirs.changedFiles}, hrefs changed ${dTheirs.changedLinks}, files damaged ${dTheirs.files} [${fmtKinds(dTheirs.byKind)}]`);
  console.log(`  ratio: inboxlint is ${(b / a).toFixed(2)}x the speed of posthtml-url-parameters (${a < b ? 'faster' : 'SLOWER'})`);
  for (const e of dTheirs.examples) console.log(`  posthtml-url-parameters damage e.g. ${e}`);
  for (const e of dOurs.examples) console.log(`  inboxlint damage e.g. ${e}`);
  if (a >= b || dOurs.files > 0) process.exitCode = 1;
}
