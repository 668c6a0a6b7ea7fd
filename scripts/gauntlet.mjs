#!/usr/bin/env node
/**
 * The corpus gauntlet: every file of ../shared/corpus through lint, inspect and track (with the
 * byte and idempotence checks), the MJML and .eml paths included, plus a render of a fixed
 * sample in Chromium. Prints per-kind counts, findings per rule, failures and the ten slowest
 * files; exits 1 on any failure. A clear refusal of a file (an InputError naming it: empty,
 * binary, no HTML part…) is handled, not a failure; a crash, a rule crash, a damaged rewrite or
 * a rewrite that changes on a second pass is a failure.
 *
 *   node scripts/gauntlet.mjs [--corpus DIR] [--no-render] [--json FILE]
 *
 * Reads the built package (dist/): run `npm run build` first (`npm run gauntlet` does).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { relative, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { glob } from 'tinyglobby';

const dist = new URL('../dist/src/', import.meta.url);
const api = await import(new URL('index.js', dist).href);
const { checkRewrite } = await import(new URL('rewrite/verify.js', dist).href);
const { lint, inspect, track, documentFromText, InputError } = api;

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = flag('--corpus') ?? fileURLToPath(new URL('../../shared/corpus', import.meta.url));
if (!existsSync(corpus)) {
  console.error(`gauntlet: the corpus folder ${corpus} is absent`);
  process.exit(process.env.CI ? 1 : 0);
}

const KINDS = { '.html': 'html', '.htm': 'html', '.mjml': 'mjml', '.eml': 'eml' };
const files = (await glob('**/*.{html,htm,mjml,eml}', { cwd: corpus, absolute: true })).sort();
const TRACK = { campaign: 'gauntlet', source: 'corpus', params: ['ref={{ subscriber.id }}'] };

const perKind = {};
const findings = new Map();
const failures = [];
const times = [];
const started = performance.now();

function fail(file, step, detail) {
  failures.push(`${relative(corpus, file)}: ${step}: ${detail}`);
}

/** A rule crash or an unexplained fatal message is a failure; a clear input refusal is not. */
function judgeResult(file, result, counts) {
  const fatal = result.messages.filter((m) => m.fatal);
  for (const m of fatal) {
    if (m.ruleId) fail(file, 'lint', `rule ${m.ruleId} crashed: ${m.message}`);
    else if (/\n\s+at |TypeError|RangeError|ReferenceError|undefined is not/.test(m.message)) fail(file, 'lint', `unclear fatal: ${m.message}`);
  }
  if (fatal.length) counts.refused++;
  else counts.linted++;
  for (const m of result.messages) if (m.ruleId && !m.fatal) findings.set(m.ruleId, (findings.get(m.ruleId) ?? 0) + 1);
}

for (const file of files) {
  const kind = KINDS[extname(file).toLowerCase()];
  const counts = (perKind[kind] ??= { files: 0, linted: 0, refused: 0, inspected: 0, tracked: 0, trackRefused: 0, failures: 0 });
  counts.files++;
  const before = failures.length;
  const t0 = performance.now();
  try {
    const [result] = await lint([file]);
    judgeResult(file, result, counts);
  } catch (err) {
    fail(file, 'lint', `threw ${err?.stack ?? err}`);
  }
  try {
    await inspect(file);
    counts.inspected++;
  } catch (err) {
    if (!(err instanceof InputError)) fail(file, 'inspect', `threw ${err?.stack ?? err}`);
  }
  try {
    const once = await track(file, TRACK);
    counts.tracked++;
    const twice = await track({ text: once.output, filePath: file }, TRACK);
    if (twice.output !== once.output) fail(file, 'track', 'not idempotent: a second pass changed the output');
    if (kind === 'html') {
      const original = (await readFile(file)).toString(once.encoding ?? 'utf8');
      const doc = await documentFromText(file, original);
      for (const d of checkRewrite(doc, once.output).damage) fail(file, 'track', `line ${d.line}: ${d.kind}: ${d.detail}`);
    }
  } catch (err) {
    if (err instanceof InputError) counts.trackRefused++;
    else fail(file, 'track', `threw ${err?.stack ?? err}`);
  }
  counts.failures += failures.length - before;
  times.push([performance.now() - t0, file]);
}

// A fixed sample rendered in Chromium: every 40th HTML file and every 20th MJML file.
let rendered = 0;
if (!args.includes('--no-render')) {
  const sample = [
    ...files.filter((f) => KINDS[extname(f).toLowerCase()] === 'html').filter((_, i) => i % 40 === 0),
    ...files.filter((f) => KINDS[extname(f).toLowerCase()] === 'mjml').filter((_, i) => i % 20 === 0),
  ];
  try {
    const results = await lint(sample, { render: true });
    for (const r of results) {
      const fatal = r.messages.filter((m) => m.fatal);
      if (fatal.some((m) => m.ruleId || /render|timed out|browser/i.test(m.message))) fail(r.filePath, 'render', fatal.map((m) => m.message).join('; '));
      else rendered++;
    }
  } catch (err) {
    fail(corpus, 'render', `threw ${err?.message ?? err}`);
  }
}

const seconds = (performance.now() - started) / 1000;
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);
console.log(`gauntlet: ${files.length} files from ${corpus} in ${seconds.toFixed(1)} s`);
console.log(`\n${pad('kind', 6)}${padL('files', 7)}${padL('linted', 8)}${padL('refused', 9)}${padL('inspected', 11)}${padL('tracked', 9)}${padL('failures', 10)}`);
for (const [kind, c] of Object.entries(perKind)) {
  console.log(`${pad(kind, 6)}${padL(c.files, 7)}${padL(c.linted, 8)}${padL(c.refused, 9)}${padL(c.inspected, 11)}${padL(c.tracked, 9)}${padL(c.failures, 10)}`);
}
if (!args.includes('--no-render')) console.log(`render sample: ${rendered} rendered`);
console.log('\nfindings per rule:');
for (const [rule, n] of [...findings].sort((a, b) => b[1] - a[1])) console.log(`  ${pad(rule, 28)}${padL(n, 6)}`);
console.log('\nten slowest files (lint + inspect + track):');
for (const [ms, file] of times.sort((a, b) => b[0] - a[0]).slice(0, 10)) console.log(`  ${padL(ms.toFixed(0), 6)} ms  ${relative(corpus, file)}`);
console.log(`\nfailures: ${failures.length}`);
for (const f of failures.slice(0, 50)) console.log(`  ${f}`);
if (failures.length > 50) console.log(`  … and ${failures.length - 50} more`);

const jsonOut = flag('--json');
if (jsonOut) {
  writeFileSync(jsonOut, JSON.stringify({ files: files.length, seconds, perKind, findings: Object.fromEntries(findings), failures, rendered, slowest: times.slice(0, 10).map(([ms, f]) => ({ ms, file: relative(corpus, f) })) }, null, 2));
}
process.exit(failures.length ? 1 : 0);
