/**
 * Benchmark: `results` on a generated export of 1,000,000 click rows, and `history` queries over
 * 10,000 stored campaigns, each against a baseline measured in the same run.
 *
 *   npx tsc -p . && node bench/results.bench.mjs [--rows 1000000] [--campaigns 10000] [--runs 3]
 *
 * - import: a child process reads the export (one click event per row: event,email,link, the
 *   link carrying a per-variant utm_content; 200,000 recipients, 6 CTAs and some links that
 *   match none), joins it to a variants manifest, computes the tests and stores the campaign
 *   with --history. Goals: ≤ 10 s wall, peak RSS < 300 MB. Baseline: Papa Parse alone (the parser
 *   `results` uses, rows as arrays) streaming the same file, no work per row, in its own process.
 * - query: the `history` summary (every dimension, per type and language) over 10,000 campaigns
 *   (2 variants × 3 CTAs each, 60,000 CTA rows), opening the file included. Goal < 100 ms.
 *   Baseline: opening the file and one full scan of the CTA rows (`SELECT count(*), sum(clicks)`).
 * Needs better-sqlite3 (npm install --no-save better-sqlite3@12.9.0).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const num = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const ROWS = num('--rows', 1_000_000);
const CAMPAIGNS = num('--campaigns', 10_000);
const RUNS = num('--runs', 3);
const tmp = mkdtempSync(join(tmpdir(), 'inboxlint-results-bench-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const U = (c) => `https://shop.example/p/${c.split('-')[1]}?utm_source=news&utm_medium=email&utm_campaign=bench&utm_content=${c}`;
const CTAS = [
  ['cta-1-a-learn-more', 'cta-1-b-get-my-guide'],
  ['cta-2-a-shop-now', 'cta-2-b-shop-now'],
  ['cta-3-a-read-more', 'cta-3-b-read-more'],
];

async function generate() {
  const manifest = [];
  CTAS.forEach((pair, i) =>
    pair.forEach((uc, v) =>
      manifest.push({ variant: 'ab'[v], file: '', cta: i + 1, tested: i === 0, label: uc.split('-').slice(3).join(' '), color: '#0a7f3f', subject: '', type: ['download', 'cart', 'content'][i], primary: i === 0, fold: i ? 'below' : 'above', url: U(uc), utmContent: uc, language: 'en' }),
    ),
  );
  writeFileSync(join(tmp, 'variants.json'), JSON.stringify(manifest));
  const out = createWriteStream(join(tmp, 'clicks.csv'));
  out.write('event,email,link\n');
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  let buf = '';
  for (let i = 0; i < ROWS; i++) {
    const r = rnd();
    const uc = r < 0.02 ? `link-${1 + Math.floor(rnd() * 9)}-a` : CTAS[Math.floor(rnd() * 3)][rnd() < 0.48 ? 0 : 1];
    buf += `click,r${Math.floor(rnd() * 200_000)}@bench.example,${uc.startsWith('link') ? `https://shop.example/x?utm_content=${uc}` : U(uc)}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

function child(code) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr.slice(0, 2000)}`);
  return { wall, ...JSON.parse(r.stdout.trim().split('\n').pop()) };
}

const rss = `JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024 })`;
const IMPORT = `
import { readClickExport } from './dist/src/results/read.js';
import { analyze, readManifest } from './dist/src/results/analyze.js';
import { recordResults } from './dist/src/results/history.js';
const manifest = await readManifest(${JSON.stringify(join(tmp, 'variants.json'))});
const read = await readClickExport(${JSON.stringify(join(tmp, 'clicks.csv'))});
const report = analyze(manifest, read, { sent: new Map(), delivered: new Map([['*', 500000]]), opens: new Map() });
await recordResults(${JSON.stringify(join(tmp, 'import.db'))}, { manifest, report });
if (read.rows !== ${ROWS}) throw new Error('rows read: ' + read.rows);
console.log(${rss.replace('})', ', unmatched: report.unmatched.length })')});
`;
const BASELINE = `
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
let n = 0;
await new Promise((resolve, reject) => Papa.parse(createReadStream(${JSON.stringify(join(tmp, 'clicks.csv'))}, { encoding: 'utf8', highWaterMark: 1 << 16 }), { skipEmptyLines: true, step: () => n++, complete: resolve, error: reject }));
if (n !== ${ROWS} + 1) throw new Error('rows: ' + n); // and the header
console.log(${rss});
`;

async function seedHistory(file) {
  const { createRequire } = await import('node:module');
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const { recordResults } = await import('../dist/src/results/history.js');
  const { analyze } = await import('../dist/src/results/analyze.js');
  const manifest = JSON.parse((await import('node:fs')).readFileSync(join(tmp, 'variants.json'), 'utf8'));
  const empty = { format: 'generic', counts: [], events: { delivered: new Map(), opens: new Map() }, rows: 0 };
  await recordResults(file, { manifest, report: analyze(manifest, empty, { sent: new Map([['*', 1]]), delivered: new Map(), opens: new Map() }), campaign: 'seed' });
  const db = new Database(file);
  const labels = ['Get my guide', 'Learn more', 'Download now', 'Shop now', 'Read more', 'Start my trial', 'Sign up free', 'Book a demo'];
  const colors = ['#0a7f3f', '#2454d6', '#d62454', '#111111', '#ff7a00'];
  const types = ['download', 'cart', 'content', 'trial', 'signup'];
  const langs = ['en', 'de', 'fr'];
  let s = 7;
  const rnd = (n) => ((s = (s * 1103515245 + 12345) % 2147483648) % n);
  db.transaction(() => {
    const c = db.prepare('INSERT INTO campaigns (name, imported_at) VALUES (?, ?)');
    const v = db.prepare('INSERT INTO variants (campaign_id, name, recipients, opens) VALUES (?, ?, ?, ?)');
    const k = db.prepare('INSERT INTO ctas (variant_id, position, label, language, type, color, fold, is_primary, tested, utm_content, clicks, unique_clicks, won) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < CAMPAIGNS; i++) {
      const cid = c.run(`campaign-${i}`, '2026-01-01T00:00:00Z').lastInsertRowid;
      const lang = langs[rnd(3)];
      for (const name of ['a', 'b']) {
        const n = 1000 + rnd(50000);
        const vid = v.run(cid, name, n, Math.floor(n / 3)).lastInsertRowid;
        for (let p = 1; p <= 3; p++) {
          const clicks = rnd(Math.floor(n / 10));
          k.run(vid, p, labels[rnd(labels.length)], lang, types[rnd(types.length)], colors[rnd(colors.length)], p === 1 ? 'above' : 'below', p === 1 ? 1 : 0, p === 1 ? 1 : 0, `cta-${p}-${name}`, clicks, Math.floor(clicks * 0.8), p === 1 ? rnd(2) : null);
        }
      }
    }
  })();
  const { rebuildSummary } = await import('../dist/src/results/history.js');
  rebuildSummary(db);
  db.close();
}

try {
  console.log(`results bench: ${ROWS.toLocaleString('en')} click rows, ${CAMPAIGNS.toLocaleString('en')} campaigns, median of ${RUNS} runs`);
  await generate();
  const imports = [];
  const bases = [];
  for (let i = 0; i < RUNS; i++) {
    bases.push(child(BASELINE));
    imports.push(child(IMPORT));
  }
  const imp = median(imports.map((r) => r.wall));
  const base = median(bases.map((r) => r.wall));
  const peak = Math.max(...imports.map((r) => r.rssMB));
  console.log(`import ${ROWS} rows (read, join, tests, --history): ${imp.toFixed(0)} ms wall, peak RSS ${peak.toFixed(0)} MB; baseline Papa Parse alone ${base.toFixed(0)} ms (${Math.max(...bases.map((r) => r.rssMB)).toFixed(0)} MB): ${(imp / base).toFixed(2)}× — goal ≤ 10 s and < 300 MB: ${imp <= 10_000 && peak < 300 ? 'met' : 'NOT MET'}`);

  const dbFile = join(tmp, 'history.db');
  await seedHistory(dbFile);
  const { readHistory } = await import('../dist/src/results/history.js');
  const { createRequire } = await import('node:module');
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const q = [];
  const scan = [];
  let rows = 0;
  for (let i = 0; i < Math.max(RUNS, 5); i++) {
    let t0 = performance.now();
    rows = readHistory(dbFile).length;
    q.push(performance.now() - t0);
    t0 = performance.now();
    const db = new Database(dbFile, { readonly: true });
    db.prepare('SELECT count(*) AS n, sum(clicks) AS s FROM ctas').get();
    db.close();
    scan.push(performance.now() - t0);
  }
  const qm = median(q);
  const sm = median(scan);
  console.log(`history summary over ${CAMPAIGNS} campaigns (${rows} rows out): ${qm.toFixed(1)} ms; baseline full scan ${sm.toFixed(1)} ms: ${(qm / sm).toFixed(1)}× — goal < 100 ms: ${qm < 100 ? 'met' : 'NOT MET'}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
