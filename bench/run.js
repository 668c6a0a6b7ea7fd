/**
 * `npm run bench`: every speed and memory figure of inboxlint, each against a baseline measured
 * in the same run, as one table (and JSON with --json for tracking over time).
 *
 *   npm run bench [-- --runs 3] [--only lint,clients,track,links,render,lsp,cold,rss,jobs,size] [--json [file]]
 *
 * - lint: all recommended rules over the corpus HTML vs a bare htmlparser2 parse, vs
 *   @emailens/engine auditEmail() and vs caniemail() (major clients), and the per-file p95
 *   (in-process, texts read up front).
 * - clients: lint with client-support (major clients) vs without, and caniemail() on the same files.
 * - track: vs the bare parse and vs posthtml-url-parameters, with damaged-file counts.
 * - links: bench/links.bench.mjs, track and inspect on 8,000 product rows vs the bare parse of
 *   the same text, and vs 1,000 rows (linear growth).
 * - render: bench/render.bench.mjs, against bare Playwright with pages reused and with a fresh
 *   context per template (the isolation a render keeps).
 * - lsp: bench/lsp.bench.mjs, `inboxlint lsp --stdio` driven over stdio: a change's diagnostics
 *   (p50/p95) vs the same lint in-process, and the server's RSS over 1,000 edits.
 * - cold: the whole `inboxlint lint` process on one small HTML file vs `node -e 0`, and which
 *   heavy packages it imported (none should be).
 * - rss: peak RSS of `inboxlint lint --jobs 1` over the whole corpus (one process).
 * - jobs: the whole corpus with --jobs 2 vs --jobs 1 (wall time, best of --runs).
 * - size: per-MB lint and parse cost from 10 KB to 20 MB, inputs made by repeating the body of
 *   a real corpus template; and the 10k–150k small-tables series (lint time, model steps per
 *   table, peak RSS; the steps per table must stay flat).
 *
 * In-process figures are CPU time (user + system; BENCH_CLOCK=wall for the wall clock): on a
 * shared machine the wall clock mostly measures the wait for a core. Whole-process figures
 * (cold start, --jobs) are wall time, cold start with its CPU time beside it.
 * Builds dist/ first (tsc and the CLI bundle), so the figures are of the current sources. --json writes the
 * figures to the file (or prints them on stdout, the table then going to stderr).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : true;
};
const RUNS = Number(flag('--runs') ?? 3);
const only = typeof flag('--only') === 'string' ? new Set(flag('--only').split(',')) : undefined;
const want = (s) => !only || only.has(s);
const json = flag('--json');
const say = (s) => (json === true ? process.stderr : process.stdout).write(`${s}\n`);

execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', root], { stdio: 'inherit' });
// The CLI's bundle, which bin/inboxlint.js runs (as `npm run build` makes it; absent in older trees).
if (existsSync(join(root, 'scripts/bundle-cli.mjs'))) execFileSync(process.execPath, [join(root, 'scripts/bundle-cli.mjs')], { stdio: 'inherit' });
const { corpus, corpusHtml, median } = await import('./corpus.mjs');
const BIN = join(root, 'bin/inboxlint.js');
const PROBE = join(root, 'bench/probe.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'inboxlint-bench-'));
const figures = { date: new Date().toISOString(), node: process.version, cores: availableParallelism(), runs: RUNS };
const rows = [];
/** One table row: figure, value, baseline, ratio, goal, verdict. */
const row = (figure, value, baseline = '', ratio = '', goal = '', met = '') => {
  rows.push([figure, value, baseline, ratio, goal, met === '' ? '' : met ? 'PASS' : 'FAIL']);
  // Each figure as soon as it is measured (the table comes at the end): a slow machine shows progress.
  process.stderr.write(`  ${rows.at(-1).filter(Boolean).join(' · ')}\n`);
};
const ms = (x) => `${x.toFixed(0)} ms`;
const x = (a, b) => `${(a / b).toFixed(1)}×`;

function timed(args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const t = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`bench: ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return t;
}
function probe(args, modules = false) {
  const file = join(tmp, `probe-${Math.random().toString(36).slice(2)}`);
  timed(['--import', PROBE, ...args], { INBOXLINT_PROBE: file, ...(modules ? { INBOXLINT_PROBE_MODULES: '1' } : {}) });
  return JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop());
}

try {
  const inputs = want('lint') || want('clients') || want('track') || want('size') ? await corpusHtml('bench') : [];
  const bytes = inputs.reduce((a, i) => a + Buffer.byteLength(i.text), 0);
  figures.corpus = { htmlFiles: inputs.length, bytes };
  say(`inboxlint bench: ${inputs.length} corpus HTML files (${(bytes / 1048576).toFixed(1)} MB), median of ${RUNS} runs, ${figures.cores} cores, node ${process.version}`);

  if (want('lint')) {
    const { measureLint } = await import('./lint.bench.mjs');
    const m = measureLint(inputs, RUNS);
    figures.lint = { parseMs: m.parse, lintMs: m.lint, emailensMs: m.emailens, caniemailMs: m.caniemail, ratioToParse: m.lint / m.parse, emailensRatioToParse: m.emailens / m.parse, caniemailRatioToParse: m.caniemail / m.parse, p50Ms: m.p50, p95Ms: m.p95, heapGrowthBytes: m.heapGrowth };
    row('lint, corpus HTML (recommended rules)', ms(m.lint), `parse ${ms(m.parse)}`, x(m.lint, m.parse), '≤ 8× parse', m.lint <= 8 * m.parse);
    row('@emailens/engine auditEmail()', ms(m.emailens), `parse ${ms(m.parse)}`, x(m.emailens, m.parse), 'lint faster', m.lint < m.emailens);
    row('caniemail() (major clients)', ms(m.caniemail), `parse ${ms(m.parse)}`, x(m.caniemail, m.parse), 'lint faster', m.lint < m.caniemail);
    row('lint per file, p95', `${m.p95.toFixed(1)} ms (p50 ${m.p50.toFixed(1)} ms)`, '', '', '≤ 15 ms', m.p95 <= 15);
  }

  if (want('clients')) {
    const { measureClientSupport } = await import('./client-support.bench.mjs');
    const m = measureClientSupport(inputs, RUNS);
    figures.clientSupport = { lintMs: m.lint, lintWithClientsMs: m.lintClients, clientSupportMs: m.clientsOnly, caniemailMs: m.caniemail, ratio: m.lintClients / m.lint, findings: m.findings, files: m.files };
    row('lint + client-support (major clients)', ms(m.lintClients), `lint ${ms(m.lint)}`, `${(m.lintClients / m.lint).toFixed(2)}×`, '≤ 1.2× lint', m.lintClients <= 1.2 * m.lint);
    row('caniemail() on the same files and clients', ms(m.caniemail), `client-support alone ${ms(m.clientsOnly)}`, x(m.caniemail, m.clientsOnly), 'client-support faster', m.clientsOnly < m.caniemail);
  }

  if (want('track')) {
    const { measureTrack } = await import('./track.bench.mjs');
    const m = await measureTrack(inputs, RUNS);
    figures.track = { parseMs: m.parse, trackMs: m.track, posthtmlMs: m.posthtml, ratioToParse: m.track / m.parse, damagedFiles: m.trackDamage.files, posthtmlDamagedFiles: m.posthtmlDamage.files, damageKinds: m.trackDamage.byKind, posthtmlDamageKinds: m.posthtmlDamage.byKind };
    row('track, corpus HTML', `${ms(m.track)}, ${m.trackDamage.files} damaged`, `parse ${ms(m.parse)}`, x(m.track, m.parse), '≤ 3× parse, 0 damaged', m.track <= 3 * m.parse && m.trackDamage.files === 0);
    row('posthtml-url-parameters', `${ms(m.posthtml)}, ${m.posthtmlDamage.files} damaged`, `parse ${ms(m.parse)}`, x(m.posthtml, m.parse), 'track faster', m.track < m.posthtml);
    row('  track vs posthtml-url-parameters', ms(m.track), `posthtml-url-parameters ${ms(m.posthtml)}`, `${(m.posthtml / m.track).toFixed(1)}× faster`);
  }

  if (want('links')) {
    const { measureLinks } = await import('./links.bench.mjs');
    const m = measureLinks(RUNS);
    figures.links = { parseMs: m.parse, trackMs: m.track, track1kMs: m.track1k, inspectMs: m.inspect, trackRatioToParse: m.track / m.parse, growth8kTo1k: m.track / m.track1k };
    row('track, 8,000 product rows', ms(m.track), `parse ${ms(m.parse)}`, x(m.track, m.parse), '< 1 s, linear (8k/1k ≤ 12×)', m.track < 1000 && m.track / m.track1k <= 12);
    row('  8k rows vs 1k rows', ms(m.track), `1k rows ${ms(m.track1k)}`, x(m.track, m.track1k));
    row('inspect, 8,000 product rows', ms(m.inspect), `parse ${ms(m.parse)}`, x(m.inspect, m.parse));
  }

  if (want('render')) {
    const file = join(root, 'bench/render.bench.mjs');
    if (!existsSync(file)) {
      figures.render = null;
      row('render', 'not available (bench/render.bench.mjs absent)');
    } else {
      const mod = await import(file);
      const r = await mod.benchRender({ count: 20, runs: RUNS > 1 ? 2 : 1 });
      figures.render = r;
      const ratio = (v) => `${v.toFixed(2)}×`;
      // Both baselines: pages reused (the cheapest Playwright loop) and a fresh context per
      // template (the isolation a render keeps, so one template cannot leak into the next).
      row('render per template, full-page PNG', ms(r.pngMs), `bare, pages reused ${ms(r.bareMs)}`, ratio(r.pngRatio), '≤ 1.3× bare', r.pngRatio <= 1.3);
      row('  the same', ms(r.pngMs), `bare, fresh context ${ms(r.freshMs)}`, ratio(r.pngRatioFresh), '≤ 1.3× bare', r.pngRatioFresh <= 1.3);
      row('  everything (lint, 3 PNGs, layout per view)', ms(r.allMs), `bare, pages reused ${ms(r.bareMs)}`, ratio(r.allRatio));
      row('  the same', ms(r.allMs), `bare, fresh context ${ms(r.freshMs)}`, ratio(r.allRatioFresh));
      if (r.failed) row('  templates that failed to render', String(r.failed), '', '', '0', false);
    }
  }

  if (want('lsp')) {
    const { benchLsp } = await import('./lsp.bench.mjs');
    const m = await benchLsp(root, inputs.length ? inputs : await corpusHtml('bench'));
    figures.lsp = m;
    row(`lsp: change → diagnostics, ${m.files} corpus files ≤ 100 KB, p95`, ms(m.p95), `in-process lint p95 ${ms(m.floorP95)}`, x(m.p95, m.floorP95), '≤ 50 ms', m.p95 <= 50);
    row('  p50', ms(m.p50));
    row('lsp: server RSS over 1,000 edits of one document', `${m.rss1000.toFixed(0)} MB after 1,000`, `${m.rss100.toFixed(0)} MB after 100`, x(m.rss1000, m.rss100), 'flat (≤ 1.2×)', m.rss1000 <= 1.2 * m.rss100);
  }

  if (want('cold')) {
    const small = join(root, 'fixtures/demo/newsletter.html');
    const ours = [];
    const node = [];
    timed([BIN, small, '--no-progress']);
    for (let i = 0; i < Math.max(5, RUNS); i++) {
      node.push(timed(['-e', '0']));
      ours.push(timed([BIN, small, '--no-progress']));
    }
    const heavy = probe([BIN, small], true).heavy;
    // CPU time (user + system) as well: on a loaded machine the wall time mostly measures the wait for a core.
    const cpu = [];
    const nodeCpu = [];
    for (let i = 0; i < Math.max(5, RUNS); i++) {
      cpu.push(probe([BIN, small, '--no-progress']).cpuMs);
      nodeCpu.push(probe(['-e', '0']).cpuMs);
    }
    figures.coldStart = { ms: median(ours), nodeMs: median(node), cpuMs: median(cpu), nodeCpuMs: median(nodeCpu), file: 'fixtures/demo/newsletter.html', heavyModulesImported: heavy };
    row('cold start: inboxlint lint, one 12 KB file (wall)', ms(median(ours)), `node -e 0: ${ms(median(node))}`, x(median(ours), median(node)), '≤ 250 ms', median(ours) <= 250);
    row('  its CPU time (user + system)', ms(median(cpu)), `node -e 0: ${ms(median(nodeCpu))}`, x(median(cpu), median(nodeCpu)));
    row('  heavy packages imported for it', heavy.length ? heavy.join(', ') : 'none', '', '', 'none of mjml, playwright-core', !heavy.includes('mjml') && !heavy.includes('playwright-core'));
  }

  if (want('rss')) {
    // The median of --runs processes: one run's peak depends on when its full GCs fall (±30 MB).
    const peaks = [];
    for (let i = 0; i < RUNS; i++) peaks.push(probe([BIN, corpus, '--jobs', '1', '--no-progress']).maxRssKB * 1024);
    const mb = median(peaks) / 1048576;
    figures.peakRss = { bytes: median(peaks), runs: peaks, files: 'whole corpus (.html, .mjml, .eml)', jobs: 1 };
    row('peak RSS, whole corpus, one process', `${mb.toFixed(0)} MB`, `${(Math.min(...peaks) / 1048576).toFixed(0)}–${(Math.max(...peaks) / 1048576).toFixed(0)} MB over ${RUNS} runs`, '', '< 250 MB', mb < 250);
  }

  if (want('jobs')) {
    const one = [];
    const two = [];
    for (let i = 0; i < Math.max(1, Math.min(RUNS, 2)); i++) {
      one.push(timed([BIN, corpus, '--jobs', '1', '--no-progress']));
      two.push(timed([BIN, corpus, '--jobs', '2', '--no-progress']));
    }
    const a = Math.min(...one);
    const b = Math.min(...two);
    figures.jobs = { jobs1Ms: a, jobs2Ms: b, speedup: a / b };
    row('whole corpus, --jobs 2', ms(b), `--jobs 1 ${ms(a)}`, `${(a / b).toFixed(2)}× faster`, '> 1 on 2 cores', a / b > 1);
  }

  if (want('size')) {
    const seed = join(corpus, 'leemunroe__responsive-html-email-template/email.html');
    const curve = [];
    for (const size of [10e3, 100e3, 1e6, 5e6, 20e6]) {
      const r = spawnSync(process.execPath, [join(root, 'bench/size.bench.mjs'), seed, String(size)], { cwd: root, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 24 });
      if (r.status !== 0) {
        curve.push({ bytes: size, error: r.error ? 'timed out after 300 s' : r.stderr.slice(0, 300) });
        row(`size curve ${(size / 1e6).toFixed(2)} MB`, curve.at(-1).error);
        continue;
      }
      const m = JSON.parse(r.stdout);
      curve.push(m);
      row(`lint ms/MB at ${m.bytes >= 1e6 ? `${(m.bytes / 1e6).toFixed(0)} MB` : `${(m.bytes / 1e3).toFixed(0)} KB`}`, `${m.lintMsPerMB.toFixed(0)} ms/MB`, `parse ${m.parseMsPerMB.toFixed(0)} ms/MB`, x(m.lintMsPerMB, m.parseMsPerMB), 'flat');
    }
    const ok = curve.filter((c) => !c.error);
    const flat = ok.length === curve.length && Math.max(...ok.map((c) => c.lintMsPerMB)) <= 2 * Math.min(...ok.map((c) => c.lintMsPerMB));
    figures.sizeCurve = { seed: 'leemunroe__responsive-html-email-template/email.html', points: curve };
    row('  per-byte cost 10 KB → 20 MB', ok.length ? `×${(ok.at(-1).lintMsPerMB / ok[0].lintMsPerMB).toFixed(2)} from first to last` : 'n/a', '', '', 'within 2× (flat)', flat);
    // The many-small-tables series: the model's steps per table must stay flat (linear work).
    const series = [];
    for (const n of [10_000, 20_000, 40_000, 80_000, 150_000]) {
      const r = spawnSync(process.execPath, [join(root, 'bench/size.bench.mjs'), '--tables', String(n)], { cwd: root, encoding: 'utf8', timeout: 300_000, maxBuffer: 1 << 24 });
      if (r.status !== 0) {
        series.push({ tables: n, error: r.error ? 'timed out after 300 s' : r.stderr.slice(0, 300) });
        row(`${n} small tables`, series.at(-1).error);
        continue;
      }
      const m = JSON.parse(r.stdout);
      series.push(m);
      row(`${n} small tables (${(m.bytes / 1e6).toFixed(1)} MB), in-process lint`, ms(m.lintMs), `${(m.steps / n).toFixed(0)} model steps/table`, `${m.rssMB.toFixed(0)} MB RSS`, 'steps/table flat');
    }
    const done = series.filter((c) => !c.error);
    const growth = done.length > 1 ? done.at(-1).steps / done.at(-1).tables / (done[0].steps / done[0].tables) : NaN;
    figures.tablesSeries = { points: series, stepsPerTableGrowth: growth };
    row('  steps per table 10k → 150k tables', Number.isFinite(growth) ? `×${growth.toFixed(2)}` : 'n/a', '', done.length > 1 ? `time per table ×${(done.at(-1).lintMs / done.at(-1).tables / (done[0].lintMs / done[0].tables)).toFixed(2)}` : '', 'within 1.2× (linear)', done.length === series.length && growth <= 1.2);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const head = ['figure', 'value', 'baseline (same run)', 'ratio', 'goal', 'verdict'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
say(line(head));
say(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) say(line(r));
const judged = rows.filter((r) => r[5]);
if (judged.length) say(`${judged.filter((r) => r[5] === 'PASS').length} of ${judged.length} goals PASS${judged.some((r) => r[5] === 'FAIL') ? `; FAIL: ${judged.filter((r) => r[5] === 'FAIL').map((r) => r[0].trim()).join('; ')}` : ''}`);
figures.goals = Object.fromEntries(judged.map((r) => [r[0].trim(), r[5]]));
if (typeof json === 'string') writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
else if (json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
