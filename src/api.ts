/**
 * The node API's one-shot functions: `lint()`, `inspect()`, `track()` each create a Session
 * (src/session.ts), run, and close it. Per-file input problems (missing, binary, empty,
 * undecodable) become a result with one fatal message; a bad configuration throws ConfigError
 * before anything is linted. Long-lived callers use `createSession()` directly.
 */
import type { EmailDocument } from './model/document.js';
import type { AnyRule } from './rule.js';
import type { LintResult } from './engine/types.js';
import type { LoadOptions } from './input/types.js';
import { Session, withSession, type LintInput, type SessionOptions } from './session.js';
import type { InspectInput, InspectOptions, InspectResult } from './inspect.js';
import type { TrackInput, TrackOptions, ResolvedTrackOptions, TrackResult } from './rewrite/track.js';

export { fatalResult, type FileOutcome, type LintInput } from './session.js';

export interface LintOptions extends SessionOptions {
  /** The rules to draw from (default: every built-in rule). */
  ruleSet?: readonly AnyRule[];
  /** Runs on each document after it loads and before it is linted (`render` sets one); it may return the document to lint instead. */
  prepare?: (doc: EmailDocument) => Promise<EmailDocument | void>;
}

/** Lints files, directories, globs or in-memory text. */
export async function lint(input: LintInput, options: LintOptions = {}): Promise<LintResult[]> {
  const { ruleSet, prepare, ...sessionOptions } = options;
  if (prepare) sessionOptions.render = false;
  return withSession(sessionOptions, (s) => s.lint(input, { prepare }), ruleSet);
}

/**
 * `inspect('email.html')`, `inspect(['a.html', 'b.mjml'])` or `inspect({text, filePath?})` →
 * one result per file. Input problems throw InputError.
 */
export async function inspect(input: InspectInput, options: InspectOptions = {}): Promise<InspectResult[]> {
  const { render, chromium, maxFileSize, ...load } = options;
  return withSession({ render, chromium, maxFileSize }, (s) => s.inspect(input as LintInput, load as LoadOptions));
}

/**
 * Tracks the links of one email (a file path, or `{text, filePath?}`): `options` over the
 * `track` section of the file's config. Nothing is written; the caller writes `output`.
 */
export async function track(input: TrackInput, options: TrackOptions | ResolvedTrackOptions): Promise<TrackResult> {
  return withSession({}, (s) => s.track(input, options as TrackOptions));
}

/**
 * Runs `fn` with `options.prepare` measuring each document when `options.render` is set: one
 * browser, launched first (so a missing browser fails before any file is read) and always closed.
 */
export async function withRender<T>(options: LintOptions, fn: (options: LintOptions) => Promise<T>): Promise<T> {
  if (!options.render || options.prepare) return fn(options);
  const session = new Session({ chromium: options.chromium, images: options.images });
  try {
    const renderer = await session.renderer();
    return await fn({ ...options, prepare: (doc) => renderer.prepare(doc) });
  } finally {
    await session.close();
  }
}
