/**
 * The Session: the one long-lived object that the CLI, the node API and the long-running
 * hosts (render, preview, workers, an editor server) run through. It owns
 * - config resolution: a ConfigResolver, rebuilt when a config file it read (or looked for)
 *   changes, appears or goes (mtime and size, checked at the start of each call);
 * - the rule registry: the built-in rules plus the rules of the plugins configs name (or
 *   `options.plugins`), rebuilt with the resolver;
 * - a browser, started on first use (`renderer()`, playwright-core imported lazily) and
 *   closed once by `close()`;
 * - caches: the MJML compile cache. Nothing here outlives a config change in module state.
 *
 * `SessionOptions` is plain data (plugins by module path), so a worker thread can rebuild the
 * same session from `session.options`.
 */
import { resolve } from 'node:path';
import type { EmailDocument, InputKind } from './model/document.js';
import type { AnyRule } from './rule.js';
import { lintDocument } from './engine/linter.js';
import { allRules } from '../rules/index.js';
import { countResult, type LintResult } from './engine/types.js';
import { DEFAULT_MAX_FILE_SIZE, documentFromText, loadFile, type LoadOptions } from './input/index.js';
import { expandInputs, type ExpandedFile, type ExpandOptions } from './input/files.js';
import { MjmlCache } from './input/mjml-cache.js';
import { ConfigError, InboxlintError, InputError } from './errors.js';
import { ConfigResolver, type ResolveOptions } from './config/resolve.js';
import { displayPath } from './config/load.js';
import type { FileConfig } from './config/types.js';
import { inspectDocument, type InspectResult } from './inspect.js';
import { resolveTrackOptions, track as trackFile, type TrackInput, type TrackOptions, type TrackResult } from './rewrite/track.js';
import type { Renderer } from './render/renderer.js';
import { DEFAULT_MAX_FILE_TIME, budgetError, startBudget, withinBudget } from './engine/budget.js';
import { DeadlineError } from './deadline.js';
import { preparePresend, type PresendOptions } from './presend/index.js';

/** What a session is built from: plain, serialisable data. */
export interface SessionOptions extends Omit<ResolveOptions, 'ruleSet'> {
  /** Report inline directives that suppressed nothing (default true). */
  reportUnusedDirectives?: boolean;
  /** Measure CTA geometry in Chromium before linting and inspecting (one browser per session). */
  render?: boolean;
  /** The Chromium executable (else INBOXLINT_CHROMIUM, Playwright's browser, the system's, the npm package's). */
  chromium?: string;
  /** With `render`: `off` also measures each template with images blocked (cta-image-only checks the primary CTA). */
  images?: 'off';
  /** How long one page may take to render, in ms (default 15,000). */
  renderTimeout?: number;
  /** MJML compile cache folder (null: memory only; default: see src/input/mjml-cache.ts). */
  cacheDir?: string | null;
  /** Per-file time budget in ms (default 10,000; 0: none): a file past it gets a fatal finding (src/engine/budget.ts). Beats the config's `maxFileTime`. */
  maxFileTime?: number;
  /** Files larger than this many bytes are refused with an input error (default 5 MB; 0: no limit). Beats the config's `maxFileSize`. */
  maxFileSize?: number;
  /** The pre-send check (src/presend): check every link and image URL over the network (`--check-links`). */
  checkLinks?: boolean;
  /** With `checkLinks`: allow private, loopback and link-local addresses (a flag only, never a config key). */
  allowPrivate?: boolean;
  /** The pre-send check: score each message with a local SpamAssassin (`--spam`). */
  spam?: boolean;
  /** HTML inputs are rendered messages about to be sent, not templates (`--rendered`; an .eml always is). */
  rendered?: boolean;
}

/** A file's size and time limits, as `Session.limitsFor` settles them. */
export interface FileLimits {
  maxFileSize: number;
  maxFileTime: number;
}

/** Per-call options of `lint()` / `lintText()` / `inspect()`. */
export interface RunOptions {
  /**
   * Runs on each document after it loads and before it is linted (the session's `render` sets
   * one). It may return the document to lint instead (`doc.withFacts({ measured })`).
   */
  prepare?: (doc: EmailDocument) => Promise<EmailDocument | void>;
}

export type LintInput = string | readonly string[] | TextInput;
export interface TextInput {
  text: string;
  filePath?: string;
  kind?: InputKind;
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

/** The loader's options for a file's resolved config. */
export function loadOptionsOf(c: FileConfig): LoadOptions {
  const o: LoadOptions = {};
  if (c.subject !== undefined) Object.assign(o, { subject: c.subject, subjectSource: c.subjectSource });
  if (c.preheader !== undefined) Object.assign(o, { preheader: c.preheader, preheaderSource: c.preheaderSource });
  if (c.mailType) o.mailType = c.mailType;
  return o;
}

const isText = (input: unknown): input is TextInput =>
  typeof input === 'object' && input !== null && !Array.isArray(input) && typeof (input as TextInput).text === 'string';

export class Session {
  /** The options the session was built from (plain data: pass them to a worker to rebuild it). */
  readonly options: Readonly<SessionOptions>;
  readonly cwd: string;
  readonly mjmlCache: MjmlCache;
  private resolverP?: Promise<ConfigResolver>;
  private current?: ConfigResolver;
  private rendererP?: Promise<Renderer>;
  private closed = false;
  /** Built-in rule set override (tests and embedders; not serialisable, so not in `options`). */
  private readonly ruleSet?: readonly AnyRule[];

  constructor(options: SessionOptions = {}, ruleSet?: readonly AnyRule[]) {
    this.options = { ...options };
    this.cwd = resolve(options.cwd ?? process.cwd());
    this.mjmlCache = new MjmlCache(options.cacheDir);
    this.ruleSet = ruleSet;
  }

  private check(): void {
    if (this.closed) throw new InboxlintError('this session is closed');
  }

  /**
   * The config resolver, rebuilt when a config file it read has changed. Validates everything
   * that does not depend on a file, so a bad config or `--rule` fails before any linting.
   */
  async resolver(): Promise<ConfigResolver> {
    this.check();
    if (this.current?.isStale()) {
      this.current = undefined;
      this.resolverP = undefined;
    }
    if (!this.resolverP) {
      const { reportUnusedDirectives: _r, maxFileTime: _m, maxFileSize: _s, render: _x, chromium: _c, images: _i, renderTimeout: _t, cacheDir: _d, checkLinks: _l, allowPrivate: _p, spam: _sp, rendered: _rd, ...resolveOptions } = this.options;
      const p = new ConfigResolver({ ...resolveOptions, cwd: this.cwd, ruleSet: this.ruleSet }).init();
      this.resolverP = p;
      p.then(
        (r) => (this.current = r),
        () => (this.resolverP = undefined),
      );
    }
    return this.resolverP;
  }

  /** Every rule known: the built-ins and the rules of the plugins loaded so far (`ns/rule`). */
  get rules(): readonly AnyRule[] {
    return this.current?.rules ?? this.ruleSet ?? allRules;
  }

  /** Loads the configuration (and its plugins) for `cwd`; after it, `rules` lists the plugins' rules too. */
  async init(): Promise<this> {
    await this.resolver();
    return this;
  }

  /** Everything the engine and loader need for `filePath` (relative to `cwd`). */
  async configFor(filePath: string): Promise<FileConfig> {
    return (await this.resolver()).resolve(resolve(this.cwd, filePath));
  }

  /** A file's limits: the session's options (the flags) beat its config, then the defaults (5 MB, 10,000 ms; 0: none). */
  limitsFor(config: FileConfig): FileLimits {
    return {
      maxFileSize: this.options.maxFileSize ?? config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
      maxFileTime: this.options.maxFileTime ?? config.maxFileTime ?? DEFAULT_MAX_FILE_TIME,
    };
  }

  /** What the pre-send step does for a file with this config (nothing leaves the machine unless asked). */
  presendOptions(config: FileConfig): PresendOptions {
    const headers = config.presend as { from?: string; to?: string } | undefined;
    return {
      checkLinks: !!this.options.checkLinks,
      links: { allowPrivate: !!this.options.allowPrivate, ...(this.options.cacheDir === null ? { cacheDir: null } : {}) },
      spam: !!this.options.spam,
      imageSizes: (config.rules['image-weight']?.severity ?? 'off') !== 'off',
      ...(headers ? { headers } : {}),
    };
  }

  /** The browser, started on first use; the same one until `close()`. */
  renderer(): Promise<Renderer> {
    this.check();
    if (!this.rendererP) {
      const p = import('./render/renderer.js').then(({ Renderer }) => Renderer.create({ executablePath: this.options.chromium, images: this.options.images, timeout: this.options.renderTimeout }));
      this.rendererP = p;
      p.catch(() => {
        if (this.rendererP === p) this.rendererP = undefined;
      });
    }
    return this.rendererP;
  }

  /** The `prepare` step for this call: the caller's, else the renderer's when `render` is on (started first). */
  private async prepareStep(run: RunOptions): Promise<RunOptions['prepare']> {
    if (run.prepare) return run.prepare;
    if (!this.options.render) return undefined;
    const renderer = await this.renderer();
    return (doc) => renderer.prepare(doc);
  }

  private async lintOne(
    filePath: string,
    resolver: ConfigResolver,
    prepare: RunOptions['prepare'],
    load: (o: LoadOptions) => Promise<EmailDocument>,
  ): Promise<FileOutcome> {
    const config = await resolver.resolve(filePath);
    const limits = this.limitsFor(config);
    // The budget covers loading (and a render's measuring) and the rules; the config is the run's.
    const budget = startBudget(limits.maxFileTime);
    let doc: EmailDocument;
    try {
      doc = await load({ ...loadOptionsOf(config), ...(this.options.rendered ? { rendered: true } : {}), mjmlCache: this.mjmlCache, maxFileSize: limits.maxFileSize });
      if (prepare) doc = (await prepare(doc)) ?? doc;
      doc = await preparePresend(doc, this.presendOptions(config));
    } catch (err) {
      if (!(err instanceof InboxlintError) || err instanceof ConfigError) throw err;
      return { filePath, result: fatalResult(filePath, err), inputError: err, config };
    }
    const result = lintDocument(doc, { rules: config.rules, reportUnusedDirectives: this.options.reportUnusedDirectives, ruleSet: resolver.rules, budget });
    if (doc.facts.note) result.note = doc.facts.note;
    return { filePath, result, doc, config };
  }

  /** Lints expanded files; ignored files named explicitly get a warning, as in ESLint. */
  async lintFiles(files: readonly ExpandedFile[], run: RunOptions = {}): Promise<FileOutcome[]> {
    const resolver = await this.resolver();
    const prepare = await this.prepareStep(run);
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
      out.push(await this.lintOne(f.path, resolver, prepare, (o) => loadFile(f.path, o)));
    }
    return out;
  }

  /** Expands files, directories and globs (relative to `cwd`) as the CLI does. */
  expand(patterns: readonly string[], options: ExpandOptions = {}): Promise<ExpandedFile[]> {
    return expandInputs(patterns, this.cwd, options);
  }

  /** Lints in-memory text. Without `filePath`, config is discovered from `cwd`. */
  async lintTextOutcome(input: TextInput, run: RunOptions = {}): Promise<FileOutcome> {
    const resolver = await this.resolver();
    const prepare = await this.prepareStep(run);
    const filePath = resolve(this.cwd, input.filePath ?? '<text>');
    return this.lintOne(filePath, resolver, prepare, (o) => documentFromText(filePath, input.text, { ...o, kind: input.kind }));
  }

  /** Lints in-memory text → one ESLint-shaped result. */
  async lintText(text: string, options: { filePath?: string; kind?: InputKind } & RunOptions = {}): Promise<LintResult> {
    const { prepare, ...where } = options;
    return (await this.lintTextOutcome({ text, ...where }, { prepare })).result;
  }

  /** Lints files, directories, globs (relative to `cwd`) or `{ text }` → ESLint-shaped results. */
  async lint(input: LintInput, run: RunOptions = {}): Promise<LintResult[]> {
    if (isText(input)) return [(await this.lintTextOutcome(input, run)).result];
    const patterns = typeof input === 'string' ? [input] : (input as readonly string[]);
    await this.resolver(); // a bad config fails before the inputs are expanded
    return (await this.lintFiles(await this.expand(patterns), run)).map((o) => o.result);
  }

  /**
   * What the model understood about each file (subject, preheader, CTAs, links), with the
   * subject, preheader and mail type of its config. `load` beats the config. Input problems throw.
   */
  async inspect(input: LintInput, options: LoadOptions & RunOptions = {}): Promise<InspectResult[]> {
    const { prepare: given, ...load } = options;
    const resolver = await this.resolver();
    const prepare = await this.prepareStep({ prepare: given });
    const one = async (filePath: string, read: (o: LoadOptions) => Promise<EmailDocument>) => {
      const config = await resolver.resolve(resolve(this.cwd, filePath));
      const limits = this.limitsFor(config);
      const budget = startBudget(limits.maxFileTime);
      const loaded = await read({ ...loadOptionsOf(config), ...load, mjmlCache: this.mjmlCache, maxFileSize: limits.maxFileSize });
      const doc = (await prepare?.(loaded)) ?? loaded;
      return withinBudget(budget, doc.filePath, 'inspecting this file', () => inspectDocument(doc));
    };
    if (isText(input)) {
      const path = input.filePath ?? '<text>';
      return [await one(path, (o) => documentFromText(path, input.text, { ...o, ...(input.kind ? { kind: input.kind } : {}) }))];
    }
    const paths = typeof input === 'string' ? [input] : (input as readonly string[]);
    const out: InspectResult[] = [];
    for (const p of paths) out.push(await one(p, (o) => loadFile(p, o)));
    return out;
  }

  /**
   * Tracks the links of one file (or `{ text, filePath? }`): `options` over the `track`
   * section of the file's config. Nothing is written; the caller writes `output`.
   */
  async track(input: TrackInput, options: TrackOptions | Record<string, unknown> = {}): Promise<TrackResult> {
    const filePath = typeof input === 'string' ? input : input?.filePath;
    if (typeof input !== 'string' && !isText(input)) throw new InputError('track() expects a file path or { text, filePath }');
    let fromConfig: Record<string, unknown> = {};
    let configPath: string | undefined;
    let maxFileSize = this.options.maxFileSize;
    let maxFileTime = this.options.maxFileTime ?? DEFAULT_MAX_FILE_TIME;
    if (filePath !== undefined) {
      const cfg = await this.configFor(filePath);
      fromConfig = cfg.track ?? {};
      configPath = cfg.configPath;
      ({ maxFileSize, maxFileTime } = this.limitsFor(cfg));
    }
    let resolved;
    try {
      resolved = resolveTrackOptions({ ...fromConfig, ...options }, 'track');
    } catch (err) {
      // Name the config file when the bad key came from it.
      const key = err instanceof ConfigError ? /^track\.(\w+)/.exec(err.message)?.[1] : undefined;
      if (err instanceof ConfigError && key && key in fromConfig && !(key in options) && configPath) throw new ConfigError(err.message, { filePath: configPath });
      throw err;
    }
    const budget = startBudget(maxFileTime);
    try {
      return await trackFile(input, resolved, maxFileSize, budget.deadline);
    } catch (err) {
      throw err instanceof DeadlineError ? budgetError(budget.ms, filePath ?? '<text>', 'tracking this file') : err;
    }
  }

  /** Closes the browser if one was started. Idempotent; the session cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const p = this.rendererP;
    this.rendererP = undefined;
    if (p) await p.then((r) => r.close(), () => undefined);
  }
}

/**
 * Creates a session and loads its configuration (a bad config, plugin or `rules` entry throws
 * ConfigError here). Close it when done: `await session.close()`.
 */
export async function createSession(options: SessionOptions = {}): Promise<Session> {
  return new Session(options).init();
}

/** Runs `fn` with a session built from `options`, closing it afterwards (also on errors). */
export async function withSession<T>(options: SessionOptions, fn: (session: Session) => Promise<T>, ruleSet?: readonly AnyRule[]): Promise<T> {
  const session = await new Session(options, ruleSet).init();
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
