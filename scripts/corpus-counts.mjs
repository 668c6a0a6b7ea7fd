#!/usr/bin/env node
// Findings per rule on the whole real-template corpus (../shared/corpus), for before/after
// comparisons of model changes. Needs a build (`npm run build`).
// Usage: node scripts/corpus-counts.mjs [corpusDir] [--json out.json] [--compare before.json]
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lint } from '../dist/src/index.js';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const jsonOut = opt('--json');
const compare = opt('--compare');
const corpus = resolve(args[0] ?? new URL('../../shared/corpus', import.meta.url).pathname);

const manifest = (await readFile(join(corpus, 'MANIFEST.tsv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split('\t'));
const counts = {};
let files = 0;
let fatal = 0;
for (const [, , path] of manifest) {
  const [result] = await lint(join(corpus, path), { reportUnusedDirectives: false });
  files++;
  for (const m of result.messages) {
    if (m.fatal) { fatal++; continue; }
    const id = m.ruleId ?? '(none)';
    counts[id] ??= { findings: 0, files: 0 };
    counts[id].findings++;
  }
  for (const id of new Set(result.messages.filter((m) => !m.fatal).map((m) => m.ruleId ?? '(none)'))) counts[id].files++;
}
const before = compare ? JSON.parse(await readFile(compare, 'utf8')).counts : undefined;
const ids = [...new Set([...Object.keys(counts), ...Object.keys(before ?? {})])].sort();
const rows = [['rule', 'findings', 'files', ...(before ? ['before', 'change'] : [])]];
for (const id of ids) {
  const now = counts[id]?.findings ?? 0;
  const row = [id, String(now), String(counts[id]?.files ?? 0)];
  if (before) {
    const was = before[id]?.findings ?? 0;
    row.push(String(was), was ? `${(((now - was) / was) * 100).toFixed(0)}%` : now ? 'new' : '');
  }
  rows.push(row);
}
const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => (i ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  '));
console.log(`${files} files, ${fatal} fatal`);
if (jsonOut) await writeFile(jsonOut, JSON.stringify({ files, fatal, counts }, null, 2) + '\n');
