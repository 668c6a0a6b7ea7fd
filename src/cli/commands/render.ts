/**
 * `inboxlint render <files…> --out DIR`: pictures of each template as its readers see it, per
 * view (`--viewport`, default mobile and desktop) and variant (`--dark`, `--images off`):
 * `<name>.<view>[.dark|.images-off].png` (full length), `.fold.png` (above the fold),
 * `.annotated.png` (fold line, numbered CTAs, finding markers and legend beside the email) and
 * `.layout.json`, and an `index.html` showing every annotated picture of the run with its legend.
 * Exit codes: 0 rendered, 2 usage or input errors (a file that fails is named and the others
 * are still rendered). Findings do not fail a render: `lint` is the gate.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandFactory } from './index.js';
import { displayPath } from '../../config/load.js';
import { Session } from '../../session.js';
import { writeFileAtomic, type ExpandedFile } from '../files.js';
import { InboxlintError, InputError } from '../../errors.js';
import { errnoWords } from '../../paths.js';
import { parseViews, viewsFromFlags, type ViewSpec } from '../../render/view-spec.js';
import { foldsFromRules } from '../../model/fold.js';
import type { RenderResult, RenderOptions } from '../../render/render.js';
import type { TemplateLoad } from '../../render/load.js';
import type { GalleryTemplate } from '../../render/gallery.js';
import { inputErrorLine, MAX_FILE_SIZE_OPTION, reportInputProblem, reportSkip, sessionOptionsFrom } from './lint.js';

export interface RenderArgs {
  files?: string[];
  'max-file-size'?: number;
  out: string;
  viewport?: string | string[];
  dark?: boolean;
  images?: string | string[];
  jobs?: number;
  timeout?: number;
  chromium?: string;
  config?: string;
  rule?: string | string[];
  'ignore-pattern'?: string | string[];
  subject?: string;
  preheader?: string;
  'mail-type'?: 'marketing' | 'transactional';
  clicks?: string;
}

/** Output names: the file's base name, or its path under the working directory when two share one. */
export function outputNames(files: readonly string[], cwd: string): Map<string, string> {
  const stem = (f: string) => basename(f, extname(f));
  const count = new Map<string, number>();
  for (const f of files) count.set(stem(f), (count.get(stem(f)) ?? 0) + 1);
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const f of files) {
    let name = stem(f);
    if (count.get(name)! > 1) {
      const rel = relative(cwd, f);
      name = !rel.startsWith('..') && !rel.startsWith(sep) ? join(dirname(rel), stem(f)) : name;
    }
    for (let i = 2; used.has(name); i++) name = `${stem(f)}-${i}`;
    used.add(name);
    out.set(f, name);
  }
  return out;
}

/** Writes one template's pictures and layouts atomically; returns the written paths. */
export async function writeRender(result: RenderResult, outDir: string, name: string): Promise<string[]> {
  const written: string[] = [];
  const base = join(outDir, name);
  await mkdir(dirname(base), { recursive: true }).catch((err: unknown) => {
    throw new InputError(`cannot create the folder for the pictures (${errnoWords(err)}${(err as NodeJS.ErrnoException).code === 'EEXIST' ? ': a file is in the way' : ''})`, { filePath: dirname(base) });
  });
  for (const v of result.views) {
    const files: Array<[string, Uint8Array | string | undefined]> = [
      [`${base}.${v.id}.png`, v.png],
      [`${base}.${v.id}.fold.png`, v.fold],
      [`${base}.${v.id}.annotated.png`, v.annotated],
      [`${base}.${v.id}.layout.json`, `${JSON.stringify(v.layout, null, 2)}\n`],
    ];
    for (const [path, data] of files) {
      if (data === undefined) continue;
      await writeFileAtomic(path, data);
      written.push(path);
    }
  }
  return written;
}

async function pool<T>(items: readonly T[], jobs: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
}

function imagesFlag(v: string | string[] | undefined): { imagesOff: boolean; images: 'placeholder' | 'remote' } {
  const list = ([] as string[]).concat(v ?? []);
  for (const x of list) if (x !== 'off' && x !== 'remote') throw new InboxlintError(`--images: expected off or remote, got "${x}"`);
  return { imagesOff: list.includes('off'), images: list.includes('remote') ? 'remote' : 'placeholder' };
}

export async function runRender(argv: RenderArgs, setExit: (code: number) => void, say: (s: string) => void = (s) => process.stdout.write(s)): Promise<void> {
  const cwd = process.cwd();
  if (!argv.files?.length) throw new InboxlintError('no files given: inboxlint render <files|dirs|globs…> --out DIR');
  const jobs = argv.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 32) throw new InboxlintError(`--jobs: expected an integer from 1 to 32, got ${JSON.stringify(argv.jobs)}`);
  const timeout = argv.timeout ?? 15_000;
  if (!Number.isFinite(timeout) || timeout < 100) throw new InboxlintError(`--timeout: expected milliseconds ≥ 100, got ${JSON.stringify(argv.timeout)}`);
  const { imagesOff, images } = imagesFlag(argv.images);
  const viewSpecs = viewsFromFlags(([] as string[]).concat(argv.viewport ?? []));
  parseViews(viewSpecs); // a bad --viewport is a usage error before anything starts
  // One session for the batch: config, rules and plugins, and its one browser (started first,
  // so a missing browser fails before any file is read).
  const session = new Session({ ...sessionOptionsFrom(argv, cwd), chromium: argv.chromium, renderTimeout: timeout });
  try {
    const files = await session.expand(argv.files ?? [], { onError: reportInputProblem(setExit), onSkip: reportSkip(cwd) });
    const clicks = argv.clicks ? await (await import('../../results/click-map.js')).readClickTable(argv.clicks) : undefined;
    await session.renderer();
    const failed = await runRenderFiles(files, { out: resolve(cwd, argv.out), session, views: viewSpecs, dark: argv.dark, imagesOff, images, timeout, jobs, say, clicks });
    if (failed) setExit(2);
  } finally {
    await session.close();
  }
}

export interface RenderFilesOptions {
  out: string;
  /** The session: config for the findings drawn, and the browser. */
  session: Session;
  views?: readonly string[];
  dark?: boolean;
  imagesOff?: boolean;
  images?: 'placeholder' | 'remote';
  timeout?: number;
  jobs?: number;
  say?: (s: string) => void;
  /** Clicks per utm_content (`--clicks`): each CTA's share drawn on the annotated pictures (the click map). */
  clicks?: ReadonlyMap<string, number>;
}

/**
 * Lints and renders files (paths or expanded inputs) into `opts.out`; a file that fails is
 * reported on stderr by name and the others go on. Returns the number of files that failed.
 */
export async function runRenderFiles(inputs: readonly (string | ExpandedFile)[], opts: RenderFilesOptions): Promise<number> {
  const cwd = process.cwd();
  const say = opts.say ?? ((s: string) => process.stdout.write(s));
  const files = inputs.map((f) => (typeof f === 'string' ? { path: f, explicit: true } : f));
  const resolver = await opts.session.resolver();
  const renderer = await opts.session.renderer();
  const names = outputNames(files.map((f) => f.path), cwd);
  const { openTemplate, drawTemplate, NO_FONT_NOTE } = await import('../../render/render.js');
  // The click map's code (and the export parser behind it) only when --clicks asks for it.
  const clickMap = opts.clicks ? await import('../../results/click-map.js') : undefined;
  const gallery = new Map<string, GalleryTemplate>();
  let failed = 0;
  await pool(files, opts.jobs ?? 1, async (f: ExpandedFile) => {
    // One load and ONE lint per template: the session's prepare step opens the template and
    // measures the rules' views, lintFiles lints the measured document (config, plugins, inline
    // directives, pre-send facts, time budget), and those same loads draw exactly those findings.
    let load: TemplateLoad | undefined;
    let ro: RenderOptions | undefined;
    let result: RenderResult;
    let findings: number;
    try {
      const [o] = await opts.session.lintFiles([f], {
        prepare: async (doc) => {
          const config = await resolver.resolve(doc.filePath);
          const views: ViewSpec[] = parseViews(opts.views ?? [], foldsFromRules(config.rules));
          ro = { renderer, views, dark: opts.dark, imagesOff: opts.imagesOff, images: opts.images, timeout: opts.timeout };
          load = await openTemplate(doc, ro);
          return doc.withFacts({ measured: await load.measure(opts.images ?? 'placeholder', !!opts.imagesOff) });
        },
      });
      if (!o) return;
      if (o.inputError) {
        process.stderr.write(inputErrorLine(o, cwd));
        failed++;
        return;
      }
      if (!load || !ro || !o.doc) {
        // Ignored by the config (lintFiles says so in a warning message).
        say(`${displayPath(f.path, cwd)}: ${o.result.messages[0]?.message ?? 'not rendered'}\n`);
        return;
      }
      const ctaNotes = opts.clicks && clickMap ? clickMap.ctaClickNotes(o.doc, opts.clicks) : undefined;
      if (ctaNotes && !ctaNotes.size) say(`${displayPath(o.doc.filePath, cwd)}: none of its CTAs carries a utm_content of --clicks (render the files variants or track wrote): no click map\n`);
      try {
        result = await drawTemplate(load, o.doc, o.result.messages, { ...ro, ctaNotes });
        findings = o.result.messages.filter((m) => m.ruleId).length;
      } catch (err) {
        if (!(err instanceof InboxlintError)) throw err;
        process.stderr.write(inputErrorLine({ filePath: f.path, inputError: err }, cwd));
        failed++;
        return;
      }
    } finally {
      await (load as TemplateLoad | undefined)?.close();
    }
    let written: string[];
    try {
      written = await writeRender(result, opts.out, names.get(f.path)!);
    } catch (err) {
      // A picture that cannot be written (a file in the way, a link out of the folder…) is this file's failure.
      if (!(err instanceof InboxlintError)) throw err;
      process.stderr.write(`inboxlint: ${displayPath(f.path, cwd)}: not rendered: ${displayPath(err.filePath ?? opts.out, cwd)}: ${err.message}\n`);
      failed++;
      return;
    }
    gallery.set(f.path, {
      name: displayPath(f.path, cwd),
      views: result.views.filter((v) => v.annotated).map((v) => ({ id: v.id, picture: `${names.get(f.path)!.split(sep).join('/')}.${v.id}.annotated.png`, layout: v.layout })),
    });
    const annotated = written.filter((p) => p.endsWith('.annotated.png')).map((p) => displayPath(p, cwd));
    const n = findings;
    say(`${displayPath(f.path, cwd)}: ${result.views.length} view${result.views.length === 1 ? '' : 's'}, ${n} finding${n === 1 ? '' : 's'} → ${annotated.join(', ')}\n`);
    const fonts = result.views.flatMap((v) => v.layout.notes).find((note) => note.startsWith(NO_FONT_NOTE));
    if (fonts) say(`  ${fonts}\n`);
  });
  const rendered = files.map((f) => gallery.get(f.path)).filter((t): t is GalleryTemplate => !!t);
  if (rendered.length) {
    const { galleryHtml } = await import('../../render/gallery.js');
    await mkdir(opts.out, { recursive: true });
    await writeFileAtomic(join(opts.out, 'index.html'), galleryHtml(rendered));
    say(`${displayPath(join(opts.out, 'index.html'), cwd)}: every picture with its legend\n`);
  }
  return failed;
}

export function renderOptions<T>(y: Argv<T>) {
  return y
    .positional('files', { type: 'string', array: true, describe: 'Email files (.html, .htm, .mjml, .eml), directories or globs' })
    .option('out', { type: 'string', demandOption: true, describe: 'Folder for the pictures and layout.json files' })
    .option('viewport', { type: 'string', describe: 'View: mobile, desktop or WIDTHxHEIGHT, e.g. 390x844 (repeatable): WxH adds a view to mobile and desktop; naming mobile or desktop keeps only those named' })
    .option('dark', { type: 'boolean', describe: 'Also render with prefers-color-scheme: dark (the template\'s own dark rules)' })
    .option('images', { type: 'string', describe: 'off: also render with images blocked (alt text shown); remote: fetch remote images (repeatable)' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'Templates rendered at once (default 1)' })
    .option('timeout', { type: 'number', describe: 'Per page, in ms (default 15000)' })
    .option('chromium', { type: 'string', describe: 'Chromium executable (else INBOXLINT_CHROMIUM, Playwright\'s, the system\'s, the npm package\'s)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (skips discovery)' })
    .option('rule', { type: 'string', describe: 'Set a rule for the findings drawn: id=off|warn|error (repeatable)' })
    .option('ignore-pattern', { type: 'string', describe: 'Skip files matching this glob, relative to the working directory (repeatable)' })
    .option('subject', { type: 'string', describe: 'The subject line' })
    .option('preheader', { type: 'string', describe: 'The preheader text' })
    .option('mail-type', { type: 'string', choices: ['marketing', 'transactional'], describe: 'Kind of email' })
    .option('clicks', { type: 'string', describe: 'Click map: a results report (inboxlint results … --json > results.json); each CTA\'s share of clicks drawn on the annotated pictures' })
    .option('max-file-size', MAX_FILE_SIZE_OPTION);
}

export const renderCommand: CommandFactory = (setExit) => ({
  command: 'render [files..]',
  describe: 'Render templates in Chromium: full, fold and annotated screenshots plus layout.json per view',
  builder: (y: Argv) => renderOptions(y),
  handler: (argv) => runRender(argv as unknown as RenderArgs, setExit),
});
