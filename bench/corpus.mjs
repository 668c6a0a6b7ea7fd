/** Shared by the benchmarks: the corpus HTML texts (read once, untimed) and the --runs flag. */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';

/** The shared corpus of real templates, beside this repository. */
export const corpus = fileURLToPath(new URL('../../shared/corpus', import.meta.url));

/** Every non-empty .html file of the corpus as {file, text}; exits when the corpus is absent (fails in CI). */
export async function corpusHtml(name) {
  if (!existsSync(corpus)) {
    console.error(`${name} bench: the corpus folder ${corpus} is absent`);
    process.exit(process.env.CI ? 1 : 0);
  }
  const files = (await glob('**/*.html', { cwd: corpus, absolute: true })).sort();
  const inputs = [];
  for (const file of files) {
    const text = (await readFile(file)).toString('utf8');
    if (text.trim()) inputs.push({ file, text });
  }
  return inputs;
}

/** The value of `--runs N`, or `fallback`. */
export function runsFlag(fallback) {
  const i = process.argv.indexOf('--runs');
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/**
 * Runs each of `fns` once (warm-up), then `runs` rounds in which every fn runs once in turn
 * (alternating, so each sees the same machine state); returns each fn's median time in ms.
 * Time is the process's CPU time (user + system), not the wall clock: on a shared machine the
 * wall clock mostly measures the wait for a free core. BENCH_CLOCK=wall measures wall time.
 */
export function medians(runs, fns) {
  const names = Object.keys(fns);
  for (const n of names) fns[n]();
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < runs; i++) {
    for (const n of names) {
      const t0 = now();
      fns[n]();
      times[n].push(now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n])]));
}

/** Milliseconds on the benchmarks' clock (see medians). */
export function now() {
  if (process.env.BENCH_CLOCK === 'wall') return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
