#!/usr/bin/env node
// The client-support rule on the whole real-template corpus (../shared/corpus) in one run, beside
// caniemail() (the caniemail package) and @emailens/engine's analyzeEmail() compatibility
// warnings on the same HTML: findings per file and files with any finding. Needs a build.
// Usage: node scripts/client-support-corpus.mjs [--clients major] [--partial] [--json out.json]
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { lint } from '../dist/src/index.js';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const clients = (opt('--clients') ?? 'major').split(',');
const jsonOut = opt('--json');
const partial = args.includes('--partial');
const corpus = resolve(new URL('../../shared/corpus', import.meta.url).pathname);
const { caniemail } = await import('caniemail');
const { analyzeEmail } = await import('@emailens/engine');
// caniemail's client globs for the same clients as the `major` preset.
const CANIEMAIL_MAJOR = ['apple-mail.*', 'gmail.desktop-webmail', 'gmail.ios', 'gmail.android', 'outlook.windows', 'outlook.macos', 'outlook.outlook-com', 'outlook.ios', 'outlook.android', 'yahoo.*'];

const manifest = (await readFile(join(corpus, 'MANIFEST.tsv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split('\t'));
const rows = [];
for (const [, , path] of manifest) {
  const [result] = await lint(join(corpus, path), { config: { rules: { 'client-support': ['warn', { clients, partial }] } }, reportUnusedDirectives: false });
  const ours = result.messages.filter((m) => m.ruleId === 'client-support' && !m.fatal);
  const html = result.source ?? (await readFile(join(corpus, path), 'utf8'));
  // caniemail() keys its errors by client: count the features (distinct titles) and the raw issues.
  let cie = null;
  let cieIssues = null;
  try {
    const errors = caniemail({ clients: CANIEMAIL_MAJOR, html }).issues.errors;
    const titles = new Set();
    cieIssues = 0;
    for (const list of errors.values()) for (const i of list) titles.add(i.title), cieIssues++;
    cie = titles.size;
  } catch { cie = null; }
  let ens = null;
  try {
    ens = analyzeEmail(html).length;
  } catch { ens = null; }
  rows.push({ path, findings: ours.length, byMessage: ours.reduce((a, m) => ((a[m.messageId] = (a[m.messageId] ?? 0) + 1), a), {}), caniemail: cie, caniemailIssues: cieIssues, emailens: ens });
}
const sum = (k) => rows.reduce((a, r) => a + (r[k] ?? 0), 0);
const withAny = (k) => rows.filter((r) => r[k] > 0).length;
const median = (k) => { const v = rows.map((r) => r[k]).filter((x) => x !== null).sort((a, b) => a - b); return v[Math.floor(v.length / 2)]; };
console.log(`corpus: ${rows.length} templates; clients ${clients.join(',')}${partial ? ' (partial too)' : ''}`);
console.log('tool                      findings  files with any  median per file');
for (const [name, k] of [['inboxlint client-support', 'findings'], ['caniemail() features', 'caniemail'], ['caniemail() issues', 'caniemailIssues'], ['@emailens analyzeEmail', 'emailens']]) {
  console.log(`${name.padEnd(26)}${String(sum(k)).padStart(8)}  ${String(withAny(k)).padStart(6)} of ${rows.filter((r) => r[k] !== null).length}  ${String(median(k)).padStart(8)}`);
}
const byId = {};
for (const r of rows) for (const [id, n] of Object.entries(r.byMessage)) byId[id] = (byId[id] ?? 0) + n;
console.log('client-support by message:', JSON.stringify(byId));
if (jsonOut) await writeFile(jsonOut, JSON.stringify({ clients, partial, rows }, null, 1));
