/**
 * A lint run at scale: `--shard` picks the slice, `--cache` answers unchanged files, `--jobs`
 * spreads the rest over worker threads, and the reports come out in file order (identical to an
 * in-process run) while a progress line on a terminal's stderr says how far it is.
 */
import { relative } from 'node:path';
import type { ExpandedFile } from '../input/files.js';
import { readInputBytes } from '../input/bytes.js';
import type { RunOptions, Session } from '../session.js';
import { createLinter, type FileReport, type LintSetup } from './setup.js';
import { LintCache, configVersion, inboxlintVersion, pluginVersions } from './cache.js';
import { createPool, defaultJobs, inOrder, workerCount, type LintPool } from './pool.js';
import { shardFiles, type Shard } from './shard.js';
import { Progress, type ProgressStream } from './progress.js';

export interface ScaleOptions {
  /** Worker threads (default: the core count); 1 lints in-process. */
  jobs?: number;
  /** The cache file or directory (`--cache`); undefined: no cache. */
  cacheLocation?: string;
  shard?: Shard;
  /** Where the progress line goes (a terminal's stderr); undefined: none. */
  progress?: ProgressStream;
  /** Writes streamed output (the progress line is cleared first). */
  write?: (text: string) => void;
}

export interface RunStats {
  files: number;
  workers: number;
  cacheHits: number;
}

/**
 * Lints `files` and calls `onReport` for each report in file order; what it returns is written
 * with `options.write`. `lintOptions.prepare` (a browser) keeps the run in this process.
 */
export async function lintScaled(
  allFiles: readonly ExpandedFile[],
  session: Session,
  lintOptions: RunOptions,
  options: ScaleOptions,
  onReport: (report: FileReport) => string | void,
): Promise<RunStats> {
  const setup: LintSetup = { ...session.options, cwd: session.cwd };
  const resolver = await session.resolver();
  const files = options.shard ? shardFiles(allFiles, options.shard, setup.cwd) : [...allFiles];
  const cache = options.cacheLocation
    ? await LintCache.open(options.cacheLocation, {
        inboxlint: inboxlintVersion(),
        options: { render: !!lintOptions.prepare },
      })
    : undefined;

  // The cache key of each file (read once here); a hit needs no linting at all.
  const keys: (string | undefined)[] = [];
  const cached: (FileReport | undefined)[] = [];
  if (cache) {
    for (const f of files) {
      let key: string | undefined;
      if (!(await resolver.isIgnored(f.path))) {
        const config = await resolver.resolve(f.path);
        const bytes = await readInputBytes(f.path, session.limitsFor(config).maxFileSize).catch(() => undefined); // not a FIFO: that would block
        if (bytes) {
          // The plugins loaded so far (a superset of this file's) and the config file itself: a
          // plugin's code, or a JS config's plugin object, can change while the rules read the same.
          const plugins = [...resolver.ctx.plugins.values()].flatMap((p) => (typeof p.origin === 'string' ? [p.origin] : []));
          key = LintCache.key(bytes, config, [...pluginVersions(plugins, setup.cwd), ...configVersion(config.configPath)]);
        }
      }
      keys.push(key);
      const hit = key ? cache.get(f.path, key) : undefined;
      cached.push(hit ? { filePath: f.path, result: hit } : undefined);
    }
  }
  const toLint = files.length - cached.filter(Boolean).length;
  const workers = lintOptions.prepare ? 0 : workerCount(options.jobs ?? defaultJobs(), toLint);

  // Workers load the plugins their configs name; the main thread resolves each file's config
  // too (cached per folder), so the run's rule list describes plugin rules for the formatters.
  if (workers && !cache) for (const f of files) await resolver.resolve(f.path);
  const local = createLinter(setup, { session, prepare: lintOptions.prepare });
  let pool: LintPool | undefined;
  const progress = options.progress ? Progress.forStream(files.length, options.progress, true) : undefined;
  try {
    if (workers) pool = await createPool(setup, workers);
    const lintOne = async (f: ExpandedFile, i: number): Promise<FileReport[]> => {
      const hit = cached[i];
      if (hit) return [hit];
      const reports = pool ? await pool.lint(f, session.limitsFor(await resolver.resolve(f.path)).maxFileTime) : await local.lint(f);
      if (cache) {
        const r = reports[0];
        if (keys[i] && r && !r.inputError) cache.set(f.path, keys[i]!, r.result);
        else cache.delete(f.path);
      }
      return reports;
    };
    await inOrder(files, workers ? workers * 4 : 1, lintOne, (reports, i) => {
      for (const r of reports) {
        const text = onReport(r);
        if (text) {
          progress?.clear();
          options.write?.(text);
        }
      }
      progress?.tick(relative(setup.cwd, files[i].path));
    });
  } finally {
    progress?.end();
    await pool?.close();
  }
  await cache?.save();
  return { files: files.length, workers, cacheHits: cache?.hits ?? 0 };
}
