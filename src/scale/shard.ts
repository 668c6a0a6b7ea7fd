/**
 * `--shard i/n`: a deterministic slice of the files, so a CI matrix of n machines lints each
 * file exactly once. Files are ordered by their path relative to the working directory (with
 * "/" separators, so every OS and checkout location agrees) and dealt out in turn: the k-th goes
 * to shard (k mod n) + 1. The slice keeps the files' original order.
 */
import { relative, sep } from 'node:path';
import { ConfigError } from '../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ConfigError(`--shard: expected i/n with 1 ≤ i ≤ n (e.g. --shard 2/4), got ${JSON.stringify(value)}`);
  }
  return { index, count };
}

export function shardFiles<T extends { path: string }>(files: readonly T[], shard: Shard, cwd: string): T[] {
  if (shard.count === 1) return [...files];
  const key = (f: T) => relative(cwd, f.path).split(sep).join('/');
  const order = files.map((f, i) => ({ k: key(f), i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  const keep = new Set<number>();
  order.forEach((o, k) => {
    if (k % shard.count === shard.index - 1) keep.add(o.i);
  });
  return files.filter((_f, i) => keep.has(i));
}
