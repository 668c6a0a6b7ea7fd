/**
 * The node API: `lint(paths | globs | {text}, options)` → ESLint-shaped results. Per-file
 * input problems (missing, binary, empty, undecodable) become a result with one fatal message;
 * a bad configuration throws ConfigError before anything is linted.
 */
import { resolve } from 'node:path';
import type { EmailDocument } from './model/document.js';
import type { InputKind } from './rule.js';
import { lintDocument } from './engine/linter.js';
import { countResult, type LintResult } from './engine/types.js';
import { documentFromText, loadFile, type LoadOptions } from './load.js';
import { ConfigError, InboxlintError } from './errors.js';
import { ConfigResolver, type ResolveOptions } from './config/resolve.js';
import { displayPath } from './config/load.js';
import type { FileConfig } from './config/types.js';
import { expandInputs, type ExpandedFile } from './cli/files.js';

export type LintInput = string | readonly string[] | { text: string; filePath?: string; kind?: InputKind };

export interface LintOptions extends ResolveOptions {
  /** Report inline directives that suppressed nothing (default true). */
  reportUnusedDirectives?: boolean;
  /**
   * Measure CTA geometry in Chromium before linting (`doc.extra.measured`), one browser for the
   * whole run. Throws when no browser can be found; a file that does not render gets a fatal message.
   */
  render?: boolean;
  /** The Chromium executable for `render` (else INBOXLINT_CHROMIUM, Playwright's browser, the system's). */
  chromium?: string;
  /** With `render`: `off` also measures each template with images blocked (cta-image-only checks the primary CTA). */
  images?: 'off';
  /** Runs on each document after it loads and before it is linted (`render` sets it). */
  prepare?: (doc: EmailDocument) => Promise<void>;
}

/** One linted file with what produced its result (the CLI needs the document for --apply-suggestions). */
export interface FileOutcome {
  filePath: string;
  result: LintResult;
  doc?: EmailDocument;
  /** Set when the file could not be read or parsed. */
  inputError?: InboxlintError;
  config?: FileConfig;
}

/** A result holding one fatal message (ruleId null), as ESLint reports a file it could not parse. */
export function fatalResult(filePath: string, err: InboxlintError): LintResult {
  const line = err.line ?? 1;
  const column = err.column ?? 1;
  return countResult(filePath, [
    { ruleId: null, severity: 2, fatal: true, message: err.message, line, column, endLine: line, endColumn: column, range: { start: 0, end: 0 } },
  ]);
}

function loadOptions(c: FileConfig): LoadOptions {
  const o: LoadOptions = {};
  if (c.subject !== undefined) Object.assign(o, { subject: c.subject, subjectSource: c.subjectSource });
  if (c.preheader !== undefined) Object.assign(o, { preheader: c.preheader, preheaderSource: c.preheaderSource });
  if (c.mailType) o.mailType = c.mailType;
  return o;
}

async function lintOne(
  filePath: string,
  resolver: ConfigResolver,
  options: LintOptions,
  load: (o: LoadOptions) => Promise<EmailDocument>,
): Promise<FileOutcome> {
  const config = await resolver.resolve(filePath);
  let doc: EmailDocument;
  try {
    doc = await load(loadOptions(config));
  } catch (err) {
    if (!(err instanceof InboxlintError) || err instanceof ConfigError) throw err;
    return { filePath, result: fatalResult(filePath, err), inputError: err, config };
  }
  if (options.prepare) {
    try {
      await options.prepare(doc);
    } catch (err) {
      if (!(err instanceof InboxlintError) || err instanceof ConfigError) throw err;
      return { filePath, result: fatalResult(filePath, err), inputError: err, config };
    }
  }
  const result = lintDocument(doc, { rules: config.rules, reportUnusedDirectives: options.reportUnusedDirectives, ruleSet: options.ruleSet });
  if (typeof doc.extra.note === 'string') result.note = doc.extra.note;
  return { filePath, result, doc, config };
}

/** Lints expanded files; ignored files named explicitly get a warning, as in ESLint. */
export async function lintFiles(files: readonly ExpandedFile[], resolver: ConfigResolver, options: LintOptions = {}): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const f of files) {
    if (await resolver.isIgnored(f.path)) {
      if (!f.explicit) continue;
      const cfg = await resolver.configFor(f.path);
      const where = cfg.path ? ` in ${displayPath(cfg.path, resolver.cwd)}` : '';
      out.push({
        filePath: f.path,
        result: countResult(f.path, [
          { ruleId: null, severity: 1, message: `File ignored because of a matching ignore pattern${where}.`, line: 0, column: 0, endLine: 0, endColumn: 0, range: { start: 0, end: 0 } },
        ]),
      });
      continue;
    }
    out.push(await lintOne(f.path, resolver, options, (o) => loadFile(f.path, o)));
  }
  return out;
}

/** Lints in-memory text. Without `filePath`, config is discovered from `cwd`. */
export async function lintText(
  input: { text: string; filePath?: string; kind?: InputKind },
  resolver: ConfigResolver,
  options: LintOptions = {},
): Promise<FileOutcome> {
  const filePath = resolve(resolver.cwd, input.filePath ?? '<text>');
  return lintOne(filePath, resolver, options, (o) => documentFromText(filePath, input.text, { ...o, kind: input.kind }));
}

/**
 * Runs `fn` with `options.prepare` measuring each document when `options.render` is set: one
 * browser, launched first (so a missing browser fails before any file is read) and always closed.
 */
export async function withRender<T>(options: LintOptions, fn: (options: LintOptions) => Promise<T>): Promise<T> {
  if (!options.render || options.prepare) return fn(options);
  const { Renderer } = await import('./render/measure.js');
  const renderer = await Renderer.create({ executablePath: options.chromium, images: options.images });
  try {
    return await fn({ ...options, prepare: (doc) => renderer.prepare(doc) });
  } finally {
    await renderer.close();
  }
}

/** Lints files, directories, globs or in-memory text. */
export async function lint(input: LintInput, options: LintOptions = {}): Promise<LintResult[]> {
  const resolver = await new ConfigResolver(options).init();
  return withRender(options, async (opts) => {
    if (typeof input === 'object' && !Array.isArray(input) && 'text' in input) {
      return [(await lintText(input as { text: string; filePath?: string; kind?: InputKind }, resolver, opts)).result];
    }
    const patterns = typeof input === 'string' ? [input] : (input as readonly string[]);
    const files = await expandInputs(patterns, resolver.cwd);
    return (await lintFiles(files, resolver, opts)).map((o) => o.result);
  });
}
