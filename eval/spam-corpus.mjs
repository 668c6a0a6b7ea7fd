#!/usr/bin/env node
// The local spam score on the corpus's SpamAssassin test messages (spam/ and nice/ folders):
// `inboxlint spam --json` beside SpamAssassin's own verdict (`spamassassin -L -t` run directly),
// and inboxlint's own lint findings on the same files. Prints a Markdown table.
//   node eval/spam-corpus.mjs [corpus folder]
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = join(process.argv[2] ?? join(root, '../shared/corpus'), 'apache__spamassassin/t/data');
const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith('.eml') ? [join(d, n)] : []));
const files = [...walk(join(data, 'spam')), ...walk(join(data, 'nice'))].sort();
const bin = join(root, 'bin/inboxlint.js');
const rows = [];
let agree = 0;
for (const f of files) {
  const truth = /\/spam\//.test(f) ? 'spam' : 'ham';
  const ours = JSON.parse(spawnSync(process.execPath, [bin, 'spam', f, '--json'], { encoding: 'utf8' }).stdout || '[]')[0];
  const sa = spawnSync('spamassassin', ['-L', '-t', '--cf=use_bayes 0', '--cf=bayes_auto_learn 0'], { input: readFileSync(f), encoding: 'latin1' }).stdout;
  const saScore = Number(/X-Spam-Status: \w+, score=(-?[\d.]+)/.exec(sa)?.[1]);
  const lint = JSON.parse(spawnSync(process.execPath, [bin, f, '-f', 'json'], { encoding: 'utf8' }).stdout || '[]')[0];
  const rules = lint ? [...new Set(lint.messages.map((m) => m.ruleId ?? 'fatal'))].join(', ') : '';
  if (ours && ours.score === saScore) agree++;
  rows.push(`| ${relative(data, f)} | ${truth} | ${ours ? ours.score : 'n/a'} | ${saScore} | ${ours?.spam ? 'spam' : 'ham'} | ${rules} |`);
}
console.log(`Local spam score on ${files.length} SpamAssassin test messages: inboxlint's score equals SpamAssassin's on ${agree}.\n`);
console.log('| message | folder | inboxlint spam | spamassassin -L | verdict (≥ 5.0) | inboxlint lint findings |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
