/**
 * One point of the size curve (run by bench/run.js in its own process, so a size that runs away
 * is stopped by a timeout): a template of about `bytes` bytes made by repeating the <body>
 * content of a real template, linted with the recommended rules and parsed bare; prints JSON
 * with the cost of each per MB.
 *
 *   node bench/size.bench.mjs <template.html> <bytes>
 */
import { readFileSync } from 'node:fs';
import { lintText, parseText } from './lint.bench.mjs';
import { now } from './corpus.mjs';

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
