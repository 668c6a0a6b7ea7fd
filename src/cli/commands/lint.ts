/**
 * `inboxlint lint <files|dirs|globs…>` (also the default command). Exit codes are a contract:
 * 0 clean (warnings within --max-warnings), 1 errors or too many warnings, 2 usage, config or
 * input errors. Files that cannot be read are reported on stderr and in the machine formats;
 * the other files are still linted and printed.
 */
import { extname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandFactory } from './index.js';
import { displayPath } from '../../config/load.js';
import { createSession, type FileOutcome, type Session, type SessionOptions } from '../../session.js';
import type { ExpandedFile } from '../../input/files.js';
import { writeFileAtomic } from '../files.js';
import { FORMAT_NAMES, type FormatterContext } from '../../formatters/index.js';
import { loadFormatter } from '../../formatters/load.js';
import { terminalHeight, terminalWidth } from '../../formatters/wrap.js';
import { useColor } from '../color.js';
import { editableBytes, fixOutcomes, writeEdited } from '../fix.js';
import { readStdinAs } from '../stdin.js';
import { printableConfig } from '../print-config.js';
import { countResult, type LintResult } from '../../engine/types.js';
import { applyEdits, type TextEdit } from '../../engine/edits.js';
import { InboxlintError } from '../../errors.js';
import type { AnyRule } from '../../rule.js';
import type { EmailDocument } from '../../model/document.js';
import { scaleFlags, scaleOptions, type ScaleArgs } from '../../scale/flags.js';
import { lintScaled } from '../../scale/run.js';
import { streamingFormat } from '../../scale/stream.js';

export interface LintArgs extends ScaleArgs {
  files?: string[];
  'ignore-pattern'?: string | string[];
  format: string;
  'output-file'?: string;
  rule?: string | string[];
  config?: string;
  subject?: string;
  preheader?: string;
  'mail-type'?: 'marketing' | 'transactional';
  clients?: string | string[];
  'max-warnings'?: number;
  'max-file-time'?: number;
  'max-file-size'?: number;
  quiet?: boolean;
  suggestions?: boolean;
  'apply-suggestions'?: boolean;
  color?: boolean;
  render?: boolean;
  chromium?: string;
  fix?: boolean;
  'fix-dry-run'?: boolean;
  stdin?: boolean;
  'stdin-filename'?: string;
  'print-config'?: string;
  images?: string;
  'check-links'?: boolean;
  'allow-private'?: boolean;
  spam?: boolean;
  rendered?: boolean;
}

export function lintOptions<T>(y: Argv<T>) {
  return y
    .positional('files', { type: 'string', array: true, describe: 'Email files (.html, .htm, .mjml, .eml), directories or globs' })
    .option('format', {
      alias: 'f',
      type: 'string',
      default: 'stylish',
      describe: `Output format: ${FORMAT_NAMES.join(', ')}, or a formatter module's path or package name (ESLint formatters work)`,
    })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file (atomically) instead of stdout' })
    // Not `array: true`: that would swallow the file names after `--rule x=off`; repeats still collect into an array.
    .option('rule', { type: 'string', describe: 'Set a rule: id=off|warn|error, or id=warn:{"option":value} (repeatable)' })
    .option('ignore-pattern', { type: 'string', describe: 'Skip files matching this glob, relative to the working directory, as config "ignores" does (repeatable)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (skips discovery)' })
    .option('subject', { type: 'string', describe: 'The subject line (beats config and <title>)' })
    .option('preheader', { type: 'string', describe: 'The preheader text (beats config and the hidden preheader)' })
    .option('mail-type', { type: 'string', choices: ['marketing', 'transactional'], describe: 'Kind of email' })
    .option('clients', { type: 'string', describe: 'Mail clients client-support judges (turns it on): major, all, outlook, a family or client ids, comma-separated' })
    .option('max-warnings', { type: 'number', describe: 'Fail (exit 1) when there are more warnings than this' })
    .option('max-file-time', { type: 'number', describe: 'Time budget per file in ms (default 10000, 0: none): a file past it gets a fatal finding' })
    .option('max-file-size', MAX_FILE_SIZE_OPTION)
    .option('quiet', { type: 'boolean', describe: 'Report errors only' })
    .option('suggestions', { type: 'boolean', describe: 'Print the suggestions of each finding' })
    .option('apply-suggestions', { type: 'boolean', describe: 'Apply the first suggestion of each finding to .html files (text edits)' })
    .option('color', { type: 'boolean', describe: 'Force colours on (--color) or off (--no-color)' })
    .option('render', { type: 'boolean', describe: 'Measure CTA positions and sizes in headless Chromium instead of estimating them' })
    .option('chromium', { type: 'string', describe: 'Chromium executable for --render (else INBOXLINT_CHROMIUM, Playwright\'s, the system\'s, the npm package\'s)' })
    .option('fix', { type: 'boolean', describe: 'Apply the rules\' safe fixes to .html files (atomically), then report what remains' })
    .option('fix-dry-run', { type: 'boolean', describe: 'Compute the fixes without writing; -f json shows the fixed text as "output"' })
    .option('stdin', { type: 'boolean', describe: 'Lint standard input' })
    .option('stdin-filename', { type: 'string', describe: 'With --stdin: lint it as this file (kind from the name, config from its folder)' })
    .option('print-config', { type: 'string', describe: 'Print the configuration in effect for this file (JSON) and exit' })
    .conflicts('fix', 'fix-dry-run')
    .conflicts('fix-dry-run', 'apply-suggestions')
    .option('images', { type: 'string', choices: ['off'], describe: 'With --render: also measure with images blocked (cta-image-only checks the primary CTA)' })
    .options(PRESEND_OPTIONS);
}

/** The pre-send flags, shared by lint, preview and report. */
export const PRESEND_OPTIONS = {
  'check-links': { type: 'boolean', describe: 'Pre-send: check every link and image URL over the network (link-live); HEAD then GET, redirects followed, 5 s each' },
  'allow-private': { type: 'boolean', describe: 'With --check-links: also check private, loopback and link-local addresses' },
  spam: { type: 'boolean', describe: 'Pre-send: score each message with a local SpamAssassin, offline (spam-score)' },
  rendered: { type: 'boolean', describe: 'The HTML files are rendered messages about to be sent: leftover merge tags are errors (merge-tag-leftover)' },
} as const;

/** The session options of the pre-send flags; checks that SpamAssassin is there before any file is read. */
export interface PresendArgs {
  'check-links'?: boolean;
  'allow-private'?: boolean;
  spam?: boolean;
  rendered?: boolean;
}

export async function presendSessionOptions(argv: PresendArgs): Promise<SessionOptions> {
  if (argv['allow-private'] && !argv['check-links']) throw new InboxlintError('--allow-private is only used with --check-links');
  if (argv.spam) {
    const { spamAssassinVersion, HOW_TO_INSTALL } = await import('../../presend/spam.js');
    if (!(await spamAssassinVersion())) throw new InboxlintError(`--spam: ${HOW_TO_INSTALL}`);
  }
  return {
    ...(argv['check-links'] ? { checkLinks: true } : {}),
    ...(argv['allow-private'] ? { allowPrivate: true } : {}),
    ...(argv.spam ? { spam: true } : {}),
    ...(argv.rendered ? { rendered: true } : {}),
  };
}

function errorsOnly(r: LintResult): LintResult {
  const out = countResult(r.filePath, r.messages.filter((m) => m.severity === 2), r.suppressedMessages);
  if (r.source !== undefined) out.source = r.source;
  if (r.output !== undefined) out.output = r.output;
  if (r.note !== undefined) out.note = r.note;
  return out;
}

export function inputErrorLine(o: { filePath: string; inputError?: { message: string; line?: number } }, cwd: string): string {
  const e = o.inputError!;
  return `inboxlint: ${displayPath(o.filePath, cwd)}${e.line ? `:${e.line}` : ''}: ${e.message}\n`;
}

/**
 * Applies the first suggestion of each finding (non-overlapping) to .html files, writes each
 * changed file atomically and returns the changed paths. Never silent: every skip is said.
 */
async function applySuggestions(outcomes: FileOutcome[], cwd: string, say: (s: string) => void, writeFailed: (line: string) => void): Promise<string[]> {
  const changed: string[] = [];
  for (const o of outcomes) {
    const withSuggestion = o.result.messages.filter((m) => m.suggestions?.length);
    if (!o.doc || !withSuggestion.length) continue;
    const shown = displayPath(o.filePath, cwd);
    if (o.doc.kind !== 'html') {
      say(`${shown}: --apply-suggestions is not supported for ${extname(o.filePath) || o.doc.kind} files; ${withSuggestion.length} suggestion(s) not applied\n`);
      continue;
    }
    const got = await editableBytes(o.filePath, o.doc.text, 'suggestions');
    if ('why' in got) {
      say(`${shown}: ${got.why}\n`);
      continue;
    }
    const edits: TextEdit[] = [];
    const applied: string[] = [];
    const sorted = [...withSuggestion].sort((a, b) => a.suggestions![0].fix.range.start - b.suggestions![0].fix.range.start);
    let end = -1;
    for (const m of sorted) {
      const s = m.suggestions![0];
      if (s.fix.range.start < end) {
        say(`${shown}:${m.line}:${m.column}: skipped (overlaps an earlier suggestion): ${s.desc}\n`);
        continue;
      }
      edits.push(s.fix);
      end = s.fix.range.end;
      applied.push(`${shown}:${m.line}:${m.column}: applied: ${s.desc}${m.ruleId ? ` (${m.ruleId})` : ''}\n`);
    }
    const text = applyEdits(o.doc.text, edits);
    if (text === o.doc.text) continue;
    if (!(await writeEdited(o.filePath, text, got.bytes, shown, writeFailed))) continue;
    for (const a of applied) say(a);
    changed.push(o.filePath);
  }
  return changed;
}


/** A pattern that matches nothing or a folder that cannot be read: named on stderr, exit 2, and the other inputs go on. */
export function reportInputProblem(setExit: (code: number) => void): (err: InboxlintError) => void {
  return (err) => {
    process.stderr.write(`inboxlint: ${err.describe()}\n`);
    setExit(2);
  };
}

/** Says on stderr which found file was left out and why (an MJML partial); the run goes on. */
export function reportSkip(cwd = process.cwd()): (file: string, why: string) => void {
  return (file, why) => void process.stderr.write(`inboxlint: ${displayPath(file, cwd)}: skipped: ${why}\n`);
}

/** `--max-file-size`, shared by the commands that read files (lint, render, inspect, track). */
export const MAX_FILE_SIZE_OPTION = { type: 'number', describe: 'Skip files larger than this many bytes with an error naming them (default 5242880, 0: no limit)' } as const;

/** A limit flag's value, checked: a whole number ≥ 0 of `unit` (0: `zero`), or undefined when not given. */
function limitFlag(flag: string, value: number | undefined, unit: string, zero: string): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new InboxlintError(`--${flag} must be a whole number of ${unit} ≥ 0 (0: ${zero}), got ${String(value)}`);
  return value;
}

/** The `--max-file-size` value, checked (bytes), or undefined when not given. */
export const maxFileSizeFlag = (value: number | undefined) => limitFlag('max-file-size', value, 'bytes', 'no limit');

/** The session options of the config flags (`--config`, `--rule`, `--subject`, `--preheader`, `--mail-type`), shared by lint and render. */
export function sessionOptionsFrom(
  argv: Pick<LintArgs, 'config' | 'rule' | 'subject' | 'preheader' | 'mail-type'> & { 'max-file-time'?: number; 'max-file-size'?: number; clients?: string | string[]; 'ignore-pattern'?: string | string[] },
  cwd: string,
): SessionOptions {
  const clients = argv.clients === undefined ? undefined : ([] as string[]).concat(argv.clients).flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
  const maxFileTime = limitFlag('max-file-time', argv['max-file-time'], 'milliseconds', 'no budget');
  const maxFileSize = maxFileSizeFlag(argv['max-file-size']);
  return {
    ...(maxFileTime === undefined ? {} : { maxFileTime }),
    ...(maxFileSize === undefined ? {} : { maxFileSize }),
    cwd,
    configFile: argv.config,
    rules: argv.rule === undefined ? undefined : ([] as string[]).concat(argv.rule),
    subject: argv.subject,
    preheader: argv.preheader,
    mailType: argv['mail-type'],
    ...(clients ? { clients } : {}),
    ...(argv['ignore-pattern'] === undefined ? {} : { ignorePatterns: ignorePatternFlag(argv['ignore-pattern']) }),
  };
}

/** `--ignore-pattern` values (repeatable), each a non-empty glob. */
function ignorePatternFlag(v: string | string[]): string[] {
  const list = ([] as string[]).concat(v);
  for (const p of list) if (typeof p !== 'string' || !p.trim()) throw new InboxlintError(`--ignore-pattern: expected a glob such as "legacy/**" or "*.draft.html", got ${JSON.stringify(p)}`);
  return list;
}

export async function runLint(argv: LintArgs, setExit: (code: number) => void): Promise<void> {
  const cwd = process.cwd();
  const stdin = !!argv.stdin;
  if (argv['print-config'] === undefined) {
    if (stdin && argv.files?.length) throw new InboxlintError('--stdin lints standard input: do not also name files (use --stdin-filename to name the input)');
    if (!stdin && argv['stdin-filename'] !== undefined) throw new InboxlintError('--stdin-filename is only used with --stdin');
    if (stdin && argv.fix) throw new InboxlintError('--fix cannot write to standard input; use --fix-dry-run (the fixed text is the JSON result\'s "output")');
    if (!stdin && !argv.files?.length) throw new InboxlintError('no files given: inboxlint lint <files|dirs|globs…> (or try `inboxlint demo`)');
  }
  const format = await loadFormatter(argv.format, cwd);
  const maxWarnings = argv['max-warnings'];
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new InboxlintError(`--max-warnings: expected an integer ≥ 0, got ${JSON.stringify(maxWarnings)}`);
  }
  // One session for the run: config, rules and plugins, and one browser for --render (re-lints
  // after --apply-suggestions and --fix included), closed also on errors.
  const session = await createSession({
    ...sessionOptionsFrom(argv, cwd),
    render: argv.render,
    chromium: argv.chromium,
    images: argv.images === 'off' ? 'off' : undefined,
    ...(await presendSessionOptions(argv)),
  });
  try {
    if (argv['print-config'] !== undefined) {
      process.stdout.write(`${JSON.stringify(await printableConfig(await session.resolver(), argv['print-config']), null, 2)}\n`);
      return;
    }
    const input = stdin ? await readStdinAs(argv['stdin-filename'], cwd, async (p) => session.limitsFor(await session.configFor(p)).maxFileSize) : undefined;
    const files = input ? [] : await session.expand(argv.files!, { onError: reportInputProblem(setExit), onSkip: reportSkip(cwd) });
    if (argv.chromium !== undefined && !argv.render) throw new InboxlintError('--chromium is only used with --render');
    if (argv.images !== undefined && !argv.render) throw new InboxlintError('--images is only used with --render');
    if (argv.render) await session.renderer(); // a missing browser fails before any file is read
    await lintAndReport(argv, setExit, cwd, session, files, format, input);
  } finally {
    await session.close();
  }
}

async function lintAndReport(
  argv: LintArgs,
  setExit: (code: number) => void,
  cwd: string,
  session: Session,
  files: readonly ExpandedFile[],
  format: Awaited<ReturnType<typeof loadFormatter>>,
  input?: { filePath: string; text: string },
): Promise<void> {
  const maxWarnings = argv['max-warnings'];
  const toStdout = !argv['output-file'];
  const rulesMeta: Record<string, AnyRule> = {};
  for (const r of session.rules) rulesMeta[r.id] = r;
  const context: FormatterContext = {
    cwd,
    rulesMeta,
    color: toStdout ? useColor(argv.color) : argv.color === true,
    width: terminalWidth(toStdout ? process.stdout : {}),
    height: terminalHeight(toStdout ? process.stdout : {}),
    showSuggestions: !!argv.suggestions,
    inputErrorsReported: true,
  };
  // stylish and github stream to stdout file by file; the other formats are one document.
  const stream = toStdout ? streamingFormat(argv.format, context) : undefined;
  const results: LintResult[] = [];
  let errors = 0;
  let warnings = 0;
  const take = (o: { filePath: string; result: LintResult; inputError?: { message: string; line?: number } }): string => {
    if (o.inputError) {
      process.stderr.write(inputErrorLine(o, cwd));
      setExit(2);
    }
    const r = argv.quiet ? errorsOnly(o.result) : o.result;
    errors += r.errorCount;
    warnings += r.warningCount;
    if (stream) return stream.file(r);
    results.push(r);
    return '';
  };

  if (input || argv.fix || argv['fix-dry-run'] || argv['apply-suggestions']) {
    // Editing needs every document (and stdin is one text): one process, the whole run in memory.
    const say = (s: string) => (toStdout && argv.format === 'stylish' ? process.stdout : process.stderr).write(s);
    const writeFailed = (line: string) => {
      process.stderr.write(line);
      setExit(2);
    };
    let outcomes = input ? [await lintStdin(input, session, argv['stdin-filename'] !== undefined)] : await session.lintFiles(files);
    if (argv.fix || argv['fix-dry-run']) {
      outcomes = await fixOutcomes(outcomes, {
        write: !!argv.fix,
        errorsOnly: !!argv.quiet,
        texts: input ? new Map([[input.filePath, input.text]]) : undefined,
        session,
        cwd,
        say,
        writeFailed,
      });
    }
    if (argv['apply-suggestions']) {
      if (argv.quiet) outcomes = outcomes.map((o) => ({ ...o, result: errorsOnly(o.result) }));
      const changed = new Set(await applySuggestions(outcomes, cwd, say, writeFailed));
      if (changed.size) {
        // Report what remains after the edits, as `eslint --fix` does.
        const again = await session.lintFiles(files.filter((f) => changed.has(f.path)));
        const byPath = new Map(again.map((o) => [o.filePath, o]));
        outcomes = outcomes.map((o) => byPath.get(o.filePath) ?? o);
      }
    }
    for (const o of outcomes) {
      const text = take(o);
      if (text) process.stdout.write(text);
    }
  } else {
    const prepare = argv.render ? await renderPrepare(session) : undefined;
    await lintScaled(files, session, prepare ? { prepare } : {}, scaleOptions(argv, cwd, (s) => process.stdout.write(s)), take);
  }

  // Plugins load with the configs that name them, during the run: describe their rules too.
  for (const r of session.rules) rulesMeta[r.id] = r;
  if (stream) {
    const end = stream.end();
    if (end) process.stdout.write(end);
  } else {
    const output = await format(results, context);
    if (argv['output-file']) await writeFileAtomic(resolve(cwd, argv['output-file']), output);
    else if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  }

  if (errors > 0) setExit(1);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`inboxlint found too many warnings (maximum: ${maxWarnings}).\n`);
    setExit(1);
  }
}

/** Lints standard input as `input.filePath`; an ignored named file gets ESLint's warning instead. */
/** The `prepare` step of the session's browser: measures each document before it is linted. */
async function renderPrepare(session: Session): Promise<(doc: EmailDocument) => Promise<EmailDocument>> {
  const renderer = await session.renderer();
  return (doc) => renderer.prepare(doc);
}

async function lintStdin(input: { filePath: string; text: string }, session: Session, named: boolean): Promise<FileOutcome> {
  if (named && (await (await session.resolver()).isIgnored(input.filePath))) {
    const [ignored] = await session.lintFiles([{ path: input.filePath, explicit: true }]);
    return ignored;
  }
  return session.lintTextOutcome(input);
}

export const lintCommand: CommandFactory = (setExit) => ({
  command: ['lint [files..]', '$0 [files..]'],
  describe: 'Lint email templates (the default command)',
  builder: (y: Argv) => scaleFlags(lintOptions(y)),
  handler: (argv) => runLint(argv as unknown as LintArgs, setExit),
});
