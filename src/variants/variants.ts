/**
 * A/B variants of one template: variant `a` is the template as it is (the control), then
 * `b`, `c`… one per value given, each changing one CTA's label and/or fill colour (and the
 * subject the manifest records). Each variant is tracked with its own utm_content
 * (`cta-1-b-get-my-guide`, `link-3-b`), linted, and listed in a manifest an ESP import reads.
 * Nothing is written here: the caller writes `outputs` (src/cli/commands/variants.ts).
 */
import { basename, extname, join, relative } from 'node:path';
import { mkdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../write.js';
import type { Session } from '../session.js';
import type { LintResult } from '../engine/types.js';
import type { EmailDocument } from '../model/document.js';
import type { Cta } from '../model/cta/index.js';
import { applyEdits } from '../engine/edits.js';
import { documentFromText, kindOf } from '../input/index.js';
import { csvField } from '../rewrite/manifest.js';
import { labelLanguage } from '../model/language.js';
import { belowFold, DEFAULT_FOLDS } from '../model/fold.js';
import { parseColor, toHex, type Rgba } from '../css/color.js';
import { ConfigError, InputError } from '../errors.js';
import { ctaEdits, ctaFill, ctaTitle, mjmlCtaEdits, type CtaChange } from './edit.js';

export interface VariantsOptions {
  /** 1-based CTA number (as `inspect` lists them). */
  cta: number;
  /** New labels, one per variant (a list of one applies to every variant). */
  texts?: readonly string[];
  /** New fill colours (any CSS colour). */
  colors?: readonly string[];
  /** Subjects, one per variant; with the control, the first is the control's. */
  subjects?: readonly string[];
  /** Leave out the control (`a`). */
  noControl?: boolean;
  /** Folder the variant files go to. */
  outDir: string;
  /** Tracking options (campaign, source …) over the config's `track` section. */
  track: Record<string, unknown>;
}

export interface VariantManifestRow {
  variant: string;
  file: string;
  /** 1-based CTA number. */
  cta: number;
  /** True for the CTA the variants change. */
  tested: boolean;
  label: string;
  /** The fill, `#rrggbb`, or empty when the CTA paints none. */
  color: string;
  subject: string;
  type: string;
  primary: boolean;
  /** Above or below the fold on a 375 px phone (cta-above-fold's default, src/model/fold.ts), from the layout estimate. */
  fold: 'above' | 'below';
  url: string;
  utmContent: string;
  /** The CTA language the model reads (`en`, `de` …), or empty. */
  language: string;
}

export interface Variant {
  name: string;
  /** Where the variant is written. */
  file: string;
  /** The variant's bytes (latin1 text for .eml, else UTF-8). */
  output: string;
  encoding: 'utf8' | 'latin1';
  label: string;
  color: string;
  subject?: string;
  lint: LintResult;
  warnings: string[];
}

export interface VariantsResult {
  variants: Variant[];
  manifest: VariantManifestRow[];
}

const NAMES = 'abcdefghijklmnopqrstuvwxyz';

/** The variant lists, index-aligned: a list of one applies to every variant; unequal lengths are a usage error. */
export function alignLists(lists: Record<string, readonly string[] | undefined>): { count: number; at: (key: string, i: number) => string | undefined } {
  const given = Object.entries(lists).filter(([, v]) => v && v.length) as Array<[string, readonly string[]]>;
  const count = Math.max(0, ...given.map(([, v]) => v.length));
  const bad = given.filter(([, v]) => v.length !== 1 && v.length !== count);
  if (bad.length) throw new ConfigError(`variants: ${given.map(([k, v]) => `--${k} given ${v.length} time(s)`).join(', ')}: give each list once per variant, or once for all`);
  return { count, at: (key, i) => {
    const v = lists[key];
    if (!v || !v.length) return undefined;
    return v.length === 1 ? v[0] : v[i];
  } };
}

function pickCta(doc: EmailDocument, n: number): Cta {
  const ctas = doc.ctas;
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--cta ${n}: expected a CTA number from 1 (inboxlint inspect lists them)`);
  const cta = ctas.find((c) => c.index === n - 1);
  if (!cta) throw new InputError(`has ${ctas.length} CTA(s), no CTA ${n} (inboxlint inspect lists them)`, { filePath: doc.filePath });
  return cta;
}

/** RFC 2047 encoded-word (UTF-8, base64) for a header value that is not ASCII. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** An .eml message with its Subject header replaced (or added before the first header). */
async function withSubject(raw: string, subject: string): Promise<string> {
  const { parseMime } = await import('../input/eml.js');
  const root = parseMime(raw);
  const h = root.headers.find((x) => x.name === 'subject');
  const line = `Subject: ${encodeHeader(subject.replace(/[\r\n]+/g, ' '))}`;
  if (h) return raw.slice(0, h.start) + line + raw.slice(h.end);
  const eol = raw.includes('\r\n') ? '\r\n' : '\n';
  return line + eol + raw;
}

/** Builds every variant of `filePath` (nothing written). */
export async function buildVariants(session: Session, filePath: string, options: VariantsOptions): Promise<VariantsResult> {
  const kind = kindOf(filePath) ?? 'html';
  const lists = alignLists({ text: options.texts, color: options.colors, subject: options.subjects });
  if (lists.count > NAMES.length - 1) throw new ConfigError(`variants: at most ${NAMES.length - 1} variants (b to z)`);
  if (!(options.texts?.length || options.colors?.length)) throw new ConfigError('variants: give --text and/or --color, once per variant');
  for (const c of options.colors ?? []) {
    const p = parseColor(c);
    if (!p || p === 'currentcolor' || p.a !== 1) throw new ConfigError(`--color ${JSON.stringify(c)}: expected an opaque CSS colour (#0a7f3f, rgb(10,127,63), green)`);
  }

  const bytes = await readFile(filePath).catch((err: NodeJS.ErrnoException) => {
    throw new InputError(err.code === 'ENOENT' ? 'no such file' : `cannot read: ${err.message}`, { filePath });
  });
  const encoding: 'utf8' | 'latin1' = kind === 'eml' ? 'latin1' : 'utf8';
  const source = bytes.toString(encoding);
  const doc = await documentFromText(filePath, source, { kind, mjmlCache: session.mjmlCache });
  const cta = pickCta(doc, options.cta);

  const base = basename(filePath, extname(filePath));
  const ext = extname(filePath);
  const specs: Array<{ name: string; change: CtaChange; subject?: string }> = [];
  // The control keeps its CTA; a subject given once applies to it too.
  if (!options.noControl) specs.push({ name: 'a', change: {}, subject: options.subjects?.length === 1 ? options.subjects[0] : undefined });
  for (let i = 0; i < lists.count; i++) {
    const text = lists.at('text', i);
    const color = lists.at('color', i);
    if (text !== undefined && !text.trim()) throw new ConfigError('--text: a label must not be empty');
    const change: CtaChange = { ...(text !== undefined ? { text } : {}), ...(color ? { color: parseColor(color) as Rgba } : {}) };
    specs.push({ name: NAMES[i + 1], change, subject: lists.at('subject', i) });
  }

  const variants: Variant[] = [];
  const manifest: VariantManifestRow[] = [];
  for (const spec of specs) {
    let text = source;
    const warnings: string[] = [];
    if (spec.change.text !== undefined || spec.change.color) {
      if (kind === 'mjml') text = applyEdits(source, mjmlCtaEdits(doc, source, cta, spec.change));
      else if (kind === 'eml') {
        const { htmlPartOf } = await import('../input/eml.js');
        const { editHtmlPart } = await import('../rewrite/track-eml.js');
        const info = htmlPartOf(source);
        if (!info) throw new InputError('no text/html part', { filePath });
        text = editHtmlPart(filePath, source, info, ctaEdits(doc, cta, spec.change), warnings);
      } else text = applyEdits(source, ctaEdits(doc, cta, spec.change));
    }
    if (kind === 'eml' && spec.subject !== undefined) text = await withSubject(text, spec.subject);
    const file = join(options.outDir, `${base}.${spec.name}${ext}`);
    const tracked = await session.track({ text, filePath: file }, { ...options.track, variant: spec.name });
    warnings.push(...tracked.warnings);
    const outcome = await session.lintTextOutcome({ text: tracked.output, filePath: file, kind });
    const vdoc = outcome.doc;
    const vcta = vdoc?.ctas.find((c) => c.index === cta.index);
    const fillOf = (c: Cta | undefined) => {
      const f = c && vdoc ? ctaFill(vdoc, c) : null;
      return f ? toHex(f) : '';
    };
    variants.push({ name: spec.name, file, output: tracked.output, encoding: tracked.encoding, label: vcta?.label ?? spec.change.text ?? cta.label, color: fillOf(vcta), subject: spec.subject, lint: outcome.result, warnings });
    if (vcta && spec.change.text !== undefined && vcta.label !== spec.change.text.replace(/\s+/g, ' ').trim()) {
      warnings.push(`${ctaTitle(vcta)}: the model reads the new label as ${JSON.stringify(vcta.label)}`);
    }
    for (const e of tracked.manifest) {
      if (e.ctaIndex === null || e.vml) continue;
      const c = vdoc?.ctas.find((x) => x.index === e.ctaIndex);
      manifest.push({
        variant: spec.name,
        file,
        cta: e.ctaIndex + 1,
        tested: e.ctaIndex === cta.index,
        label: e.ctaLabel ?? '',
        color: fillOf(c),
        subject: spec.subject ?? '',
        type: e.type,
        primary: e.primary,
        fold: c && belowFold(c.boxes.mobile.top, DEFAULT_FOLDS.mobile) ? 'below' : 'above',
        url: e.tracked ?? e.original,
        utmContent: e.utmContent ?? '',
        language: vdoc && c ? (labelLanguage(vdoc, c.label, c.labelElement).lang ?? '') : '',
      });
    }
  }
  return { variants, manifest };
}

const COLUMNS: ReadonlyArray<keyof VariantManifestRow> = ['variant', 'file', 'cta', 'tested', 'label', 'color', 'subject', 'type', 'primary', 'fold', 'url', 'utmContent', 'language'];

/** RFC 4180 CSV (header row, CRLF), the columns of `VariantManifestRow`. */
export function variantManifestCsv(rows: readonly VariantManifestRow[]): string {
  const out = [COLUMNS.join(',')];
  for (const r of rows) out.push(COLUMNS.map((c) => csvField(r[c])).join(','));
  return `${out.join('\r\n')}\r\n`;
}

/**
 * Writes the variant files and the manifest (variants.csv, variants.json) to `outDir`, each file
 * atomically; the manifest names the files relative to its own folder (results finds them there).
 * Returns the manifest rows as written.
 */
export async function writeVariants(result: VariantsResult, outDir: string): Promise<VariantManifestRow[]> {
  await mkdir(outDir, { recursive: true });
  for (const v of result.variants) await writeFileAtomic(v.file, Buffer.from(v.output, v.encoding));
  const rows = result.manifest.map((r) => ({ ...r, file: relative(outDir, r.file) }));
  await writeFileAtomic(join(outDir, 'variants.csv'), variantManifestCsv(rows));
  await writeFileAtomic(join(outDir, 'variants.json'), `${JSON.stringify(rows, null, 2)}\n`);
  return rows;
}
