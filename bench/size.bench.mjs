/**
 * One point of the size curve (run by bench/run.js in its own process, so a size that runs away
 * is stopped by a timeout): a template of about `bytes` bytes made by repeating the <body>
 * content of a real template, linted with the recommended rules and parsed bare; prints JSON
 * with the cost of each per MB.
 *
 *   node bench/size.bench.mjs <template.html> <bytes>
 *
 * Or one point of the many-small-tables series (the reliability issue's template: `n` copies of
 * a one-link table): lint time, the model's loop steps (src/deadline.ts checks, a count that
 * does not depend on the machine's load) and the peak RSS of this process.
 *
 *   node bench/size.bench.mjs --tables <n>
 */
import { readFileSync } from 'node:fs';
import { lintText, parseText } from './lint.bench.mjs';
import { now } from './corpus.mjs';
import { deadlineChecks } from '../dist/src/deadline.js';

if (process.argv[2] === '--tables') {
  const n = Number(process.argv[3]);
  const text = `<!doctype html><html><body>${'<table><tr><td><a href="https://example.com/p">Item</a></td></tr></table>\n'.repeat(n)}</body></html>`;
  const t0 = now();
  const steps0 = deadlineChecks();
  lintText('tables.html', text);
  const lintMs = now() - t0;
  const steps = deadlineChecks() - steps0;
  process.stdout.write(JSON.stringify({ tables: n, bytes: Buffer.byteLength(text), lintMs, steps, rssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const [seed, target] = [process.argv[2], Number(process.argv[3])];
const text = readFileSync(seed, 'utf8');
const open = /<body[^>]*>/i.exec(text);
const close = text.toLowerCase().lastIndexOf('</body>');
if (!open || close < 0) throw new Error(`${seed}: no <body>…</body> to repeat`);
const before = text.slice(0, open.index + open[0].length);
const inner = text.slice(open.index + open[0].length, close);
const after = text.slice(close);
const copies = Math.max(1, Math.round((target - before.length - after.length) / inner.length));
const big = before + inner.repeat(copies) + after;
const bytes = Buffer.byteLength(big);

// Small inputs run several times so each point measures about 1 MB of work (after a warm-up).
const reps = Math.max(1, Math.round(1e6 / bytes));
const time = (fn) => {
  fn();
  const t0 = now();
  for (let i = 0; i < reps; i++) fn();
  return (now() - t0) / reps;
};
const parseMs = time(() => parseText(big));
const lintMs = reps > 1 ? time(() => lintText(seed, big)) : (() => { const t0 = now(); lintText(seed, big); return now() - t0; })();
const mb = bytes / 1048576;
process.stdout.write(JSON.stringify({ bytes, copies, lintMs, parseMs, lintMsPerMB: lintMs / mb, parseMsPerMB: parseMs / mb }));
