/**
 * `inboxlint lint <files|dirs|globs…>` (also the default command). Exit codes are a contract:
 * 0 clean (warnings within --max-warnings), 1 errors or too many warnings, 2 usage, config or
 * input errors. Files that cannot be read are reported on stderr and in the machine formats;
 * the other files are still linted and printed.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandFactory } from './index.js';
import { ConfigResolver } from '../../config/resolve.js';
import { displayPath } from '../../config/load.js';
import { lintFiles, withRender, type FileOutcome, type LintOptions } from '../../api.js';
import { expandInputs, writeFileAtomic } from '../files.js';
import { FORMAT_NAMES, getFormatter, type FormatterContext } from '../../formatters/index.js';
import { countResult, type LintResult } from '../../engine/types.js';
import { applyEdits, type TextEdit } from '../../engine/edits.js';
import { InboxlintError } from '../../errors.js';
import type { AnyRule } from '../../rule.js';

export interface LintArgs {
  files?: string[];
  format: string;
  'output-file'?: string;
  rule?: string | string[];
  config?: string;
  subject?: string;
  preheader?: string;
  'mail-type'?: 'marketing' | 'transactional';
  'max-warnings'?: number;
  quiet?: boolean;
  suggestions?: boolean;
  'apply-suggestions'?: boolean;
  color?: boolean;
  render?: boolean;
  chromium?: string;
  images?: string;
}

export function lintOptions<T>(y: Argv<T>) {
  return y
    .positional('files', { type: 'string', array: true, describe: 'Email files (.html, .htm, .mjml, .eml), directories or globs' })
    .option('format', { alias: 'f', type: 'string', choices: FORMAT_NAMES, default: 'stylish', describe: 'Output format' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file (atomically) instead of stdout' })
    // Not `array: true`: that would swallow the file names after `--rule x=off`; repeats still collect into an array.
    .option('rule', { type: 'string', describe: 'Set a rule: id=off|warn|error, or id=warn:{"option":value} (repeatable)' })
    .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (skips discovery)' })
    .option('subject', { type: 'string', describe: 'The subject line (beats config and <title>)' })
    .option('preheader', { type: 'string', describe: 'The preheader text (beats config and the hidden preheader)' })
    .option('mail-type', { type: 'string', choices: ['marketing', 'transactional'], describe: 'Kind of email' })
    .option('max-warnings', { type: 'number', describe: 'Fail (exit 1) when there are more warnings than this' })
    .option('quiet', { type: 'boolean', describe: 'Report errors only' })
    .option('suggestions', { type: 'boolean', describe: 'Print the suggestions of each finding' })
    .option('apply-suggestions', { type: 'boolean', describe: 'Apply the first suggestion of each finding to .html files (text edits)' })
    .option('color', { type: 'boolean', describe: 'Force colours on (--color) or off (--no-color)' })
    .option('render', { type: 'boolean', describe: 'Measure CTA positions and sizes in headless Chromium instead of estimating them' })
    .option('chromium', { type: 'string', describe: 'Chromium executable for --render (else INBOXLINT_CHROMIUM, Playwright\'s, the system\'s)' })
    .option('images', { type: 'string', choices: ['off'], describe: 'With --render: also measure with images blocked (cta-image-only checks the primary CTA)' });
}

function errorsOnly(r: LintResult): LintResult {
  const out = countResult(r.filePath, r.messages.filter((m) => m.severity === 2), r.suppressedMessages);
  if (r.source !== undefined) out.source = r.source;
  if (r.note !== undefined) out.note = r.note;
  return out;
}

export function inputErrorLine(o: FileOutcome, cwd: string): string {
  const e = o.inputError!;
  return `inboxlint: ${displayPath(o.filePath, cwd)}${e.line ? `:${e.line}` : ''}: ${e.message}\n`;
}

/**
 * Applies the first suggestion of each finding (non-overlapping) to .html files, writes each
 * changed file atomically and returns the changed paths. Never silent: every skip is said.
 */
async function applySuggestions(outcomes: FileOutcome[], cwd: string, say: (s: string) => void): Promise<string[]> {
  const changed: string[] = [];
  for (const o of outcomes) {
    const withSuggestion = o.result.messages.filter((m) => m.suggestions?.length);
    if (!o.doc || !withSuggestion.length) continue;
    const shown = displayPath(o.filePath, cwd);
    if (o.doc.kind !== 'html') {
      say(`${shown}: --apply-suggestions is not supported for ${extname(o.filePath) || o.doc.kind} files; ${withSuggestion.length} suggestion(s) not applied\n`);
      continue;
    }
    const bytes = await readFile(o.filePath);
    if (!Buffer.from(o.doc.text, 'utf8').equals(bytes)) {
      say(`${shown}: suggestions not applied: the file is not UTF-8, so it cannot be edited byte-safely\n`);
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
    await writeFileAtomic(o.filePath, text);
    for (const a of applied) say(a);
    changed.push(o.filePath);
  }
  return changed;
}

/** The config resolver for the config flags (`--config`, `--rule`, `--subject`, `--preheader`, `--mail-type`). */
export function resolverFor(argv: Pick<LintArgs, 'config' | 'rule' | 'subject' | 'preheader' | 'mail-type'>, cwd: string): Promise<ConfigResolver> {
  return new ConfigResolver({
    cwd,
    configFile: argv.config,
    rules: argv.rule === undefined ? undefined : ([] as string[]).concat(argv.rule),
    subject: argv.subject,
    preheader: argv.preheader,
    mailType: argv['mail-type'],
  }).init();
}

export async function runLint(argv: LintArgs, setExit: (code: number) => void): Promise<void> {
  const cwd = process.cwd();
  if (!argv.files?.length) throw new InboxlintError('no files given: inboxlint lint <files|dirs|globs…> (or try `inboxlint demo`)');
  const format = getFormatter(argv.format);
  if (!format) throw new InboxlintError(`--format: expected one of ${FORMAT_NAMES.join(', ')}, got "${argv.format}"`);
  const maxWarnings = argv['max-warnings'];
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new InboxlintError(`--max-warnings: expected an integer ≥ 0, got ${JSON.stringify(maxWarnings)}`);
  }
  const resolver = await resolverFor(argv, cwd);
  const files = await expandInputs(argv.files, cwd);
  if (argv.chromium !== undefined && !argv.render) throw new InboxlintError('--chromium is only used with --render');
  if (argv.images !== undefined && !argv.render) throw new InboxlintError('--images is only used with --render');
  // One browser for the whole run (re-lints after --apply-suggestions included), closed also on errors.
  await withRender({ render: argv.render, chromium: argv.chromium, images: argv.images === 'off' ? 'off' : undefined }, (opts) => lintAndReport(argv, setExit, cwd, resolver, files, opts));
}

async function lintAndReport(
  argv: LintArgs,
  setExit: (code: number) => void,
  cwd: string,
  resolver: ConfigResolver,
  files: Awaited<ReturnType<typeof expandInputs>>,
  lintOpts: LintOptions,
): Promise<void> {
  const maxWarnings = argv['max-warnings'];
  const format = getFormatter(argv.format)!;
  let outcomes = await lintFiles(files, resolver, lintOpts);

  const toStdout = !argv['output-file'];
  const say = (s: string) => (toStdout && argv.format === 'stylish' ? process.stdout : process.stderr).write(s);
  if (argv['apply-suggestions']) {
    if (argv.quiet) outcomes = outcomes.map((o) => ({ ...o, result: errorsOnly(o.result) }));
    const changed = new Set(await applySuggestions(outcomes, cwd, say));
    if (changed.size) {
      // Report what remains after the edits, as `eslint --fix` does.
      const again = await lintFiles(files.filter((f) => changed.has(f.path)), resolver, lintOpts);
      const byPath = new Map(again.map((o) => [o.filePath, o]));
      outcomes = outcomes.map((o) => byPath.get(o.filePath) ?? o);
    }
  }

  for (const o of outcomes) {
    if (o.inputError) {
      process.stderr.write(inputErrorLine(o, cwd));
      setExit(2);
    }
  }
  const results = outcomes.map((o) => (argv.quiet ? errorsOnly(o.result) : o.result));
  const rulesMeta: Record<string, AnyRule> = {};
  for (const r of resolver.ctx.ruleSet) rulesMeta[r.id] = r;
  const context: FormatterContext = {
    cwd,
    rulesMeta,
    color: toStdout ? (argv.color ?? (!!process.stdout.isTTY && !process.env.NO_COLOR)) : argv.color === true,
    showSuggestions: !!argv.suggestions,
    inputErrorsReported: true,
  };
  const output = format(results, context);
  if (argv['output-file']) await writeFileAtomic(resolve(cwd, argv['output-file']), output);
  else if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) setExit(1);
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`inboxlint found too many warnings (maximum: ${maxWarnings}).\n`);
    setExit(1);
  }
}

export const lintCommand: CommandFactory = (setExit) => ({
  command: ['lint [files..]', '$0 [files..]'],
  describe: 'Lint email templates (the default command)',
  builder: (y: Argv) => lintOptions(y),
  handler: (argv) => runLint(argv as unknown as LintArgs, setExit),
});
