/**
 * Link tracking: adds tracking parameters (utm_*) to the links of an email as TextEdits on the
 * href VALUE ranges of the original text, so every byte outside them stays as it was.
 *
 * The pieces, each usable on its own:
 *   options.ts   resolveTrackOptions(options)    validation and defaults (ConfigError names the key)
 *   plan.ts      planHref(raw, ctx, options)     one raw href → tracked value or skip reason (pure)
 *   html.ts      trackDocument(doc, options)     every link of an EmailDocument → edits + manifest
 *                classifyTrackability(link, …)   would this link be tracked, and if not why
 *   track-mjml.ts / track-eml.ts                 the same over an .mjml source / an .eml message
 *   manifest.ts  the manifest as JSON or CSV
 *   this file    track(input, options)           a file or text → output text + manifest (API / CLI)
 *
 * Running it twice gives the same text as running it once: the second run finds the
 * parameters present and keeps them.
 */
import { InputError } from '../errors.js';
import { applyEdits } from '../engine/edits.js';
import { documentFromText, looksBinary, readInputBytes, kindOf, utf16Bom } from '../input/index.js';
import type { InputKind } from '../model/document.js';
import { resolveTrackOptions, type ResolvedTrackOptions, type TrackOptions } from './options.js';
import { trackDocument } from './html.js';
import { withDeadline } from '../deadline.js';
import type { TrackInput, TrackResult } from './result.js';

// The public surface of link tracking, from one module (src/index.ts re-exports it).
export { resolveTrackOptions, type TrackOptions, type ResolvedTrackOptions } from './options.js';
export { planHref, contentFor, type SkipReason, type HrefContext, type HrefPlan } from './plan.js';
export { trackDocument, classifyTrackability, GMAIL_CLIP_BYTES } from './html.js';
export type { TrackInput, TrackResult } from './result.js';
export type { ManifestEntry } from './manifest.js';

/**
 * Inputs whose source is not the HTML the model reads (.mjml, .eml) need their own rewriter
 * over the source; each is loaded lazily here when it exists.
 */
const SOURCE_TRACKERS: Partial<Record<InputKind, () => Promise<(filePath: string, text: string, options: ResolvedTrackOptions) => Promise<TrackResult>>>> = {
  mjml: async () => (await import('./track-mjml.js')).trackMjml,
  eml: async () => (await import('./track-eml.js')).trackEml,
};

function decodeForTracking(bytes: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    // Not UTF-8: work on the bytes as latin1 so writing back reproduces every byte we do not change.
    return { text: bytes.toString('latin1'), encoding: 'latin1' };
  }
}

/**
 * Tracks the links of one email: a file path, or `{text, filePath?}`. Nothing is written;
 * the caller writes `output` (see the CLI for atomic writes).
 */
export async function track(input: TrackInput, options: TrackOptions | ResolvedTrackOptions, maxFileSize?: number, deadline = Infinity): Promise<TrackResult> {
  const opts = resolveTrackOptions(options);
  let filePath: string;
  let text: string;
  let encoding: 'utf8' | 'latin1' = 'utf8';
  if (typeof input === 'string') {
    filePath = input;
    const bytes = await readInputBytes(filePath, maxFileSize);
    if (bytes.length === 0) throw new InputError('file is empty', { filePath });
    if (looksBinary(bytes)) throw new InputError('looks like a binary file, not an email', { filePath });
    if (utf16Bom(bytes)) throw new InputError('is UTF-16; tracking rewrites UTF-8 (or single-byte) files only: save it as UTF-8', { filePath });
    ({ text, encoding } = decodeForTracking(bytes));
  } else if (input && typeof input.text === 'string') {
    filePath = input.filePath ?? '<text>';
    text = input.text;
  } else {
    throw new InputError('track() expects a file path or { text, filePath }');
  }
  const kind = kindOf(filePath) ?? 'html';
  if (kind !== 'html') {
    const tracker = SOURCE_TRACKERS[kind];
    if (!tracker) throw new InputError(`tracking .${kind} sources is not supported yet; track the HTML they produce`, { filePath });
    return (await tracker())(filePath, text, opts);
  }
  const doc = await documentFromText(filePath, text, { kind: 'html' });
  // Under the file's deadline (a performance.now() time): past it, a DeadlineError.
  const r = withDeadline(deadline, () => trackDocument(doc, opts));
  const output = applyEdits(doc.text, r.edits);
  const warnings = [...r.warnings];
  if (encoding === 'latin1') warnings.unshift('file is not UTF-8: it is rewritten byte for byte, link text may read oddly in the manifest');
  return { filePath, output, manifest: r.manifest, warnings, changed: output !== doc.text, encoding };
}
