/**
 * `inboxlint track <file…> --campaign NAME …`: adds tracking parameters to every trackable
 * link, changing nothing but href values. Options come from the nearest config's `track:`
 * section, overridden by flags. Every file is processed before anything is written, so an
 * error in one file writes nothing; writes are atomic (temp file in the same folder + rename).
 */
import { readInputBytes } from '../../input/bytes.js';
import { resolve } from 'node:path';
import type { CommandFactory } from './index.js';
import { ConfigError } from '../../errors.js';
import { createSession } from '../../session.js';
import { MAX_FILE_SIZE_OPTION, maxFileSizeFlag } from './lint.js';
import { resolveTrackOptions, track, type TrackResult } from '../../rewrite/track.js';
import { writeFileAtomic } from '../../write.js';
import { writeEdited } from '../fix.js';
import { budgetError, startBudget } from '../../engine/budget.js';
import { DeadlineError } from '../../deadline.js';
import { formatManifest, manifestFormat, type ManifestEntry } from '../../rewrite/manifest.js';
import { terminalWidth, wrapText } from '../../formatters/wrap.js';

interface TrackArgs {
  files: string[];
  'max-file-size'?: number;
  campaign?: string;
  source?: string;
  medium?: string;
  content?: string;
  term?: string;
  variant?: string;
  param?: string[];
  domain?: string[];
  exclude?: string[];
  overwrite?: boolean;
  openPixel?: string;
  out?: string;
  write?: boolean;
  manifest?: string;
  dryRun?: boolean;
  config?: string;
  compile?: boolean;
}

function fromFlags(a: TrackArgs): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => {
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) o[k] = v;
  };
  set('campaign', a.campaign);
  set('source', a.source);
  set('medium', a.medium);
  set('content', a.content);
  set('term', a.term);
  set('variant', a.variant);
  set('params', a.param);
  set('domains', a.domain);
  set('exclude', a.exclude);
  set('overwrite', a.overwrite);
  set('openPixel', a.openPixel);
  return o;
}

/**
 * A summary line wrapped to the terminal's width (or $COLUMNS), continuation lines indented; kept
 * whole when neither is known (a log keeps one line per file, for grep).
 */
function fitted(line: string): string {
  if (!process.stderr.isTTY && !process.env.COLUMNS) return line;
  const width = terminalWidth(process.stderr);
  const [first, ...rest] = wrapText(line, width);
  return [first, ...wrapText(rest.join(' '), width - 2).filter(Boolean).map((l) => `  ${l}`)].join('\n');
}

function summary(r: TrackResult): string {
  const m = r.manifest;
  const tracked = m.filter((e) => e.tracked !== null);
  const changed = tracked.filter((e) => e.changed).length;
  const reasons = new Map<string, number>();
  for (const e of m) if (e.skipReason) reasons.set(e.skipReason, (reasons.get(e.skipReason) ?? 0) + 1);
  const skipped = [...reasons.entries()].map(([k, n]) => `${k} ${n}`).join(', ');
  return `${r.filePath}: ${m.length} link(s): ${tracked.length} tracked (${changed} changed, ${tracked.length - changed} already tracked), ${m.length - tracked.length} skipped${skipped ? ` (${skipped})` : ''}`;
}

const toList = (v: unknown): string[] | undefined => (v === undefined ? undefined : (Array.isArray(v) ? v : [v]).map(String));

export const trackCommand: CommandFactory = (setExit) => ({
  command: 'track <files..>',
  describe: 'Add tracking parameters (utm_*) to the links of HTML emails, changing nothing but href values',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'HTML email files' })
      .option('campaign', { type: 'string', describe: 'utm_campaign (required here or in the config\'s track section)' })
      .option('source', { type: 'string', describe: 'utm_source, e.g. your newsletter\'s name' })
      .option('medium', { type: 'string', describe: 'utm_medium [default: email]' })
      .option('content', { type: 'string', describe: 'utm_content: auto (cta-1-<label> / link-N), none, or a template with {cta} {index} {type} {file} [default: auto]' })
      .option('term', { type: 'string', describe: 'utm_term' })
      .option('variant', { type: 'string', describe: 'A/B variant name (b): auto utm_content becomes cta-1-b-<label> / link-N-b; {variant} in a content template' })
      .option('param', { type: 'string', array: true, describe: 'Extra parameter key=value (repeatable; kept in the given order)' })
      .option('domain', { type: 'string', array: true, describe: 'Only track links to these domains (and subdomains)' })
      .option('exclude', { type: 'string', array: true, describe: 'Skip hrefs containing this text, or matching this glob when it has * (case-insensitive)' })
      .option('overwrite', { type: 'boolean', describe: 'Replace existing values of the parameters we set (default: keep them)' })
      .option('open-pixel', { type: 'string', describe: 'Add a 1x1 open-tracking image with this URL before </body> (opens are inflated by Apple Mail Privacy Protection; clicks are the reliable signal)' })
      .option('out', { type: 'string', describe: 'Write the result to this file (one input only)' })
      .option('write', { type: 'boolean', describe: 'Replace each input file (atomically)' })
      .option('manifest', { type: 'string', describe: 'Write a manifest of every link to links.json or links.csv' })
      .option('dry-run', { type: 'boolean', describe: 'Write nothing: print a summary (stderr) and the manifest (stdout)' })
      .option('compile', { type: 'boolean', describe: 'For .mjml inputs: track the MJML source, then output the HTML mjml compiles from it' })
      .option('config', { type: 'string', describe: 'Config file to use instead of the nearest inboxlint.config.*' })
      .option('max-file-size', MAX_FILE_SIZE_OPTION)
      .conflicts('out', 'write'),
  handler: async (raw) => {
    const argv = raw as unknown as TrackArgs;
    const files = argv.files ?? [];
    const a: TrackArgs = { ...argv, param: toList(argv.param), domain: toList(argv.domain), exclude: toList(argv.exclude) };
    if (!files.length) throw new ConfigError('track: give at least one file');
    if (a.out && files.length > 1) throw new ConfigError('--out takes one input file; use --write for several');
    if (files.length > 1 && !a.write && !a.dryRun) throw new ConfigError('several files: use --write to rewrite them in place (or --dry-run)');
    if (a.compile && a.write) throw new ConfigError('--compile writes HTML: use --out (or stdout), not --write, so the .mjml source is not replaced');
    const notMjml = a.compile ? files.find((f) => !/\.mjml$/i.test(f)) : undefined;
    if (notMjml) throw new ConfigError('--compile applies to .mjml inputs only', { filePath: notMjml });
    const mformat = a.manifest ? manifestFormat(a.manifest) : undefined;
    if (a.manifest && !mformat) throw new ConfigError(`--manifest ${a.manifest}: expected a .json or .csv file name`);

    const maxFileSize = maxFileSizeFlag(argv['max-file-size']);
    const session = await createSession({ configFile: a.config, ...(maxFileSize === undefined ? {} : { maxFileSize }) });
    const flags = fromFlags(a);
    const results: TrackResult[] = [];
    const noSource: string[] = [];
    // With --write, the bytes each file had when it was tracked: one edited since is not overwritten.
    const read = new Map<string, Buffer>();
    for (const file of files) {
      if (a.write) {
        const bytes = await readInputBytes(file, 0).catch(() => undefined); // track names what is wrong with the file
        if (bytes) read.set(file, bytes);
      }
      const cfg = await session.configFor(resolve(file));
      const fromConfig = cfg.track ?? {};
      let options;
      try {
        options = resolveTrackOptions({ ...fromConfig, ...flags }, 'track');
      } catch (err) {
        // Name the config file when the bad key came from it.
        const key = err instanceof ConfigError ? /^track\.(\w+)/.exec(err.message)?.[1] : undefined;
        if (key && key in fromConfig && !(key in flags) && cfg.configPath) throw new ConfigError(err instanceof Error ? err.message : String(err), { filePath: cfg.configPath });
        throw err;
      }
      if (!options.source) noSource.push(file);
      if (a.compile) {
        const { trackMjmlCompiled } = await import('../../rewrite/track-mjml.js');
        results.push(await trackMjmlCompiled(file, undefined, options, session.limitsFor(cfg).maxFileSize));
      } else {
        // Under the file's time budget, as lint is (a DeadlineError becomes an error naming the file).
        const limits = session.limitsFor(cfg);
        const budget = startBudget(limits.maxFileTime);
        const tracked = await track(file, options, limits.maxFileSize, budget.deadline).catch((err: unknown) => {
          throw err instanceof DeadlineError ? budgetError(budget.ms, file, 'tracking this file') : err;
        });
        results.push(tracked);
      }
    }
    await session.close();

    const manifest: ManifestEntry[] = results.flatMap((r) => r.manifest);
    for (const r of results) for (const w of r.warnings) process.stderr.write(`inboxlint: ${r.filePath}: warning: ${w}\n`);
    if (noSource.length && manifest.some((e) => e.changed)) {
      process.stderr.write(`inboxlint: warning: no utm_source (--source or track.source): Google Analytics needs it to attribute the campaign\n`);
    }

    if (a.dryRun) {
      for (const r of results) process.stderr.write(`${fitted(`${summary(r)}${r.changed ? '' : ' — no change'}`)}\n`);
      process.stdout.write(formatManifest(manifest, mformat ?? 'json'));
      return;
    }
    const notWritten = new Set<TrackResult>();
    if (a.write) {
      for (const r of results) {
        if (!r.changed) continue;
        const bytes = read.get(r.filePath);
        if (bytes) await writeEdited(r.filePath, Buffer.from(r.output, r.encoding), bytes, r.filePath, (line) => {
          process.stderr.write(line);
          notWritten.add(r);
          setExit(2);
        });
      }
    } else if (a.out) {
      await writeFileAtomic(a.out, Buffer.from(results[0].output, results[0].encoding));
    } else {
      process.stdout.write(Buffer.from(results[0].output, results[0].encoding));
    }
    if (a.manifest) await writeFileAtomic(a.manifest, formatManifest(manifest, mformat!));
    if (a.write || a.out) for (const r of results) if (!notWritten.has(r)) process.stderr.write(`${fitted(summary(r))}\n`);
  },
});
