/** The lint command's scale flags (--jobs, --cache, --cache-location, --shard, --progress) and their checks. */
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { InboxlintError } from '../errors.js';
import { DEFAULT_CACHE_FILE } from './cache.js';
import { parseShard } from './shard.js';
import type { ScaleOptions } from './run.js';

export interface ScaleArgs {
  jobs?: number;
  cache?: boolean;
  'cache-location'?: string;
  shard?: string;
  progress?: boolean;
}

export function scaleFlags<T>(y: Argv<T>) {
  return y
    .option('jobs', { alias: 'j', type: 'number', describe: 'Worker threads (default: the core count; 1 lints in-process)' })
    .option('cache', { type: 'boolean', describe: `Skip files unchanged since the last run (content, config, plugins, inboxlint version); kept in ${DEFAULT_CACHE_FILE}` })
    .option('cache-location', { type: 'string', describe: `The cache file, or a directory for ${DEFAULT_CACHE_FILE} (with --cache)` })
    .option('shard', { type: 'string', describe: 'Lint only slice i of n (e.g. 2/4): a deterministic split for CI matrices' })
    .option('progress', { type: 'boolean', default: true, describe: 'Show progress on a terminal\'s stderr (--no-progress: never)' });
}

/** The run's ScaleOptions from the flags (throws InboxlintError on bad values: exit 2). */
export function scaleOptions(argv: ScaleArgs, cwd: string, write: (s: string) => void): ScaleOptions {
  const jobs = argv.jobs;
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new InboxlintError(`--jobs: expected an integer ≥ 1, got ${JSON.stringify(jobs)}`);
  if (argv['cache-location'] !== undefined && !argv.cache) throw new InboxlintError('--cache-location is only used with --cache');
  const out: ScaleOptions = { write };
  if (jobs !== undefined) out.jobs = jobs;
  if (argv.cache) {
    const where = argv['cache-location'] ?? DEFAULT_CACHE_FILE;
    // A trailing separator names a directory (that may not exist yet) for the cache file.
    out.cacheLocation = /[\\/]$/.test(where) ? join(resolve(cwd, where), DEFAULT_CACHE_FILE) : resolve(cwd, where);
  }
  if (argv.shard !== undefined) out.shard = parseShard(String(argv.shard));
  if (argv.progress !== false && process.stderr.isTTY) out.progress = process.stderr;
  return out;
}
