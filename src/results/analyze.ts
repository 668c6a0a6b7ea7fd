/**
 * Joining click counts to the variants (or track) manifest and judging the variants: clicks,
 * unique clicks, CTR and click-to-open per CTA and variant, per micro-conversion type and per
 * fold position, with the tests of src/results/stats.ts. The join key is utm_content (each
 * CTA of each variant has its own), else the tracked URL. Clicks that match no CTA are listed.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { ReadResult } from './read.js';
import { chiSquare, holm, probabilityToBeat, sampleSizePerGroup, twoProportionZ, wilson, type Proportion } from './stats.js';

/** One CTA of one variant, as the manifest lists it. */
export interface ManifestCta {
  variant: string;
  cta: number;
  label: string;
  color: string;
  type: string;
  fold: 'above' | 'below' | '';
  primary: boolean;
  tested: boolean;
  url: string;
  utmContent: string;
  subject: string;
  language: string;
  /** The variant file, when the manifest names it. */
  file: string;
}

/** Reads a `variants` manifest (variants.json / variants.csv) or a `track --manifest` JSON/CSV. */
export async function readManifest(filePath: string): Promise<ManifestCta[]> {
  const text = await readFile(filePath, 'utf8').catch(() => {
    throw new InputError('no such file', { filePath });
  });
  let rows: Array<Record<string, unknown>>;
  if (extname(filePath).toLowerCase() === '.csv') {
    const { parse } = await import('csv-parse/sync');
    try {
      rows = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Array<Record<string, unknown>>;
    } catch (err) {
      throw new InputError(`malformed CSV: ${(err as Error).message}`, { filePath, line: (err as { lines?: number }).lines });
    }
  } else {
    try {
      rows = JSON.parse(text) as Array<Record<string, unknown>>;
    } catch (err) {
      throw new InputError(`bad JSON: ${(err as Error).message}`, { filePath });
    }
    if (!Array.isArray(rows)) throw new InputError('expected a JSON array (variants.json, or a track manifest)', { filePath });
  }
  const out: ManifestCta[] = [];
  for (const r of rows) {
    const bool = (v: unknown) => v === true || v === 'true';
    if ('ctaIndex' in r) {
      // A track manifest: one variant (`a`: its utm_content cannot tell a variant from a label); CTAs only, not the VML twins.
      if (r.ctaIndex === null || r.ctaIndex === '' || bool(r.vml)) continue;
      const uc = String(r.utmContent ?? '');
      out.push({ variant: 'a', cta: Number(r.ctaIndex) + 1, label: String(r.ctaLabel ?? ''), color: '', type: String(r.type ?? 'other'), fold: '', primary: bool(r.primary), tested: false, url: String(r.tracked ?? r.original ?? ''), utmContent: uc, subject: '', language: '', file: String(r.file ?? '') });
    } else if ('variant' in r && 'cta' in r) {
      out.push({ variant: String(r.variant), cta: Number(r.cta), label: String(r.label ?? ''), color: String(r.color ?? ''), type: String(r.type ?? 'other'), fold: (r.fold as ManifestCta['fold']) ?? '', primary: bool(r.primary), tested: bool(r.tested), url: String(r.url ?? ''), utmContent: String(r.utmContent ?? ''), subject: String(r.subject ?? ''), language: String(r.language ?? ''), file: String(r.file ?? '') });
    } else throw new InputError('not a variants or track manifest (rows need variant and cta, or ctaIndex)', { filePath });
  }
  if (!out.length) throw new InputError('lists no CTA', { filePath });
  // A variant file is named relative to the manifest's folder (variants writes it so), else to the working folder.
  for (const m of out) {
    if (!m.file || isAbsolute(m.file)) continue;
    const near = resolve(dirname(filePath), m.file);
    if (existsSync(near)) m.file = near;
  }
  return out;
}

/** Sent / delivered / opens per variant (`*` for all). */
export interface Audience {
  sent: Map<string, number>;
  delivered: Map<string, number>;
  opens: Map<string, number>;
}

export interface VariantStats {
  variant: string;
  /** This variant's CTA's utm_content (the join key; render, report and preview --clicks map it back to the CTA). */
  utmContent: string;
  label: string;
  color: string;
  clicks: number;
  unique: number | null;
  /** The denominator: delivered, else sent. */
  recipients: number | null;
  opens: number | null;
  /** Unique clicks (else clicks) / recipients. */
  ctr: number | null;
  ctrInterval: [number, number] | null;
  /** Unique clicks (else clicks) / opens. */
  clickToOpen: number | null;
  /** P(this variant's CTR > the control's), Beta-Binomial. */
  probabilityToBeatControl: number | null;
}

export interface CtaResult {
  cta: number;
  type: string;
  fold: string;
  tested: boolean;
  variants: VariantStats[];
  test: { method: 'z-test' | 'chi-square'; statistic: number; p: number; pAdjusted: number } | null;
  /** 1 − the p-value the winner passed (Holm-adjusted; with more than two variants, also its z-test against the runner-up). */
  winner: { variant: string; label: string; confidence: number; probabilityToBeatControl: number | null } | null;
  /** More than two variants that differ: the second best and the p of the best against it (two-proportion z-test). */
  runnerUp?: { variant: string; p: number };
  /** When nothing is significant: recipients per variant still needed for 80 % power at the observed rates. */
  moreRecipientsNeeded: number | null;
}

export interface GroupResult {
  group: string;
  variant: string;
  clicks: number;
  unique: number | null;
  ctr: number | null;
}

export interface ResultsReport {
  format: string;
  rows: number;
  ctas: CtaResult[];
  byType: GroupResult[];
  byFold: GroupResult[];
  unmatched: Array<{ utmContent?: string; url?: string; clicks: number; line: number }>;
  warnings: string[];
}

const ALPHA = 0.05;

function perVariant(map: Map<string, number>, variant: string): number | null {
  return map.get(variant) ?? map.get('*') ?? null;
}

function normUrl(u: string): string {
  return u.trim().replace(/^https?:\/\//i, '').replace(/\/(?=\?|#|$)/, '').toLowerCase();
}

/** Joins `clicks` to `manifest` and computes every statistic. */
export function analyze(manifest: readonly ManifestCta[], read: ReadResult, audience: Audience): ResultsReport {
  const warnings: string[] = [];
  const byContent = new Map<string, ManifestCta>();
  const byUrl = new Map<string, ManifestCta[]>();
  for (const m of manifest) {
    if (m.utmContent) byContent.set(m.utmContent, m);
    const k = normUrl(m.url);
    byUrl.set(k, [...(byUrl.get(k) ?? []), m]);
  }
  const got = new Map<ManifestCta, { clicks: number; unique: number | null }>();
  const unmatched: ResultsReport['unmatched'] = [];
  for (const c of read.counts) {
    let m = c.utmContent ? byContent.get(c.utmContent) : undefined;
    if (!m && !c.utmContent && c.url) {
      const candidates = byUrl.get(normUrl(c.url)) ?? [];
      if (candidates.length === 1) m = candidates[0];
    }
    if (!m) {
      unmatched.push({ ...(c.utmContent ? { utmContent: c.utmContent } : {}), ...(c.url ? { url: c.url } : {}), clicks: c.clicks, line: c.line });
      continue;
    }
    const g = got.get(m) ?? { clicks: 0, unique: 0 };
    g.clicks += c.clicks;
    g.unique = g.unique === null || c.unique === undefined ? null : g.unique + c.unique;
    got.set(m, g);
  }
  const delivered = new Map([...audience.delivered, ...read.events.delivered]);
  const opens = new Map([...audience.opens, ...read.events.opens]);
  const variantsAll = [...new Set(manifest.map((m) => m.variant))];
  const control = variantsAll.includes('a') ? 'a' : variantsAll[0];
  const missing = variantsAll.filter((v) => perVariant(delivered, v) === null && perVariant(audience.sent, v) === null);
  if (missing.length) warnings.push(`no sent or delivered count for variant(s) ${missing.join(', ')} (--delivered a=1000 or --sent 1000): CTR and tests need them`);

  const statsOf = (m: ManifestCta, controlProp: Proportion | null): VariantStats => {
    const g = got.get(m) ?? { clicks: 0, unique: 0 };
    const n = perVariant(delivered, m.variant) ?? perVariant(audience.sent, m.variant);
    const o = perVariant(opens, m.variant);
    const x = g.unique ?? g.clicks;
    const prop = n ? { x: Math.min(x, n), n } : null;
    return {
      variant: m.variant,
      utmContent: m.utmContent,
      label: m.label,
      color: m.color,
      clicks: g.clicks,
      unique: g.unique,
      recipients: n,
      opens: o,
      ctr: prop ? prop.x / prop.n : null,
      ctrInterval: prop ? wilson(prop) : null,
      clickToOpen: o ? x / o : null,
      probabilityToBeatControl: prop && controlProp && m.variant !== control ? probabilityToBeat(controlProp, prop) : null,
    };
  };

  const ctaNumbers = [...new Set(manifest.map((m) => m.cta))].sort((a, b) => a - b);
  const ctas: CtaResult[] = ctaNumbers.map((n) => {
    const rows = manifest.filter((m) => m.cta === n);
    const ctrl = rows.find((m) => m.variant === control);
    const cg = ctrl ? got.get(ctrl) ?? { clicks: 0, unique: 0 } : undefined;
    const cn = ctrl ? perVariant(delivered, ctrl.variant) ?? perVariant(audience.sent, ctrl.variant) : null;
    const controlProp = cg && cn ? { x: Math.min(cg.unique ?? cg.clicks, cn), n: cn } : null;
    const variants = rows.map((m) => statsOf(m, controlProp));
    const props = variants.filter((v) => v.recipients).map((v) => ({ x: Math.round((v.ctr ?? 0) * v.recipients!), n: v.recipients! }));
    let test: CtaResult['test'] = null;
    if (props.every((p) => p.x === 0)) {
      // No clicks in any variant: nothing to test.
    } else if (props.length === 2 && props.length === variants.length) {
      const z = twoProportionZ(props[0], props[1]);
      test = { method: 'z-test', statistic: z.z, p: z.p, pAdjusted: z.p };
    } else if (props.length > 2 && props.length === variants.length) {
      const c = chiSquare(props);
      test = { method: 'chi-square', statistic: c.chi2, p: c.p, pAdjusted: c.p };
    }
    return { cta: n, type: rows[0].type, fold: rows[0].fold, tested: rows.some((r) => r.tested), variants, test, winner: null, moreRecipientsNeeded: null };
  });

  // Holm across the CTAs that were tested.
  const tested = ctas.filter((c) => c.test);
  holm(tested.map((c) => c.test!.p)).forEach((p, i) => (tested[i].test!.pAdjusted = p));
  const propOf = (v: VariantStats): Proportion => ({ x: Math.round((v.ctr ?? 0) * v.recipients!), n: v.recipients! });
  for (const c of tested) {
    const [best, second] = [...c.variants].sort((a, b) => (b.ctr ?? 0) - (a.ctr ?? 0));
    let p = c.test!.pAdjusted;
    // More than two variants: the chi-square says they differ, not which is best; the best must
    // also beat the runner-up (a two-proportion z-test between the two, after the omnibus test).
    if (p < ALPHA && c.variants.length > 2) {
      c.runnerUp = { variant: second.variant, p: twoProportionZ(propOf(second), propOf(best)).p };
      p = Math.max(p, c.runnerUp.p);
    }
    if (p < ALPHA) {
      c.winner = { variant: best.variant, label: best.label, confidence: 1 - p, probabilityToBeatControl: best.probabilityToBeatControl };
    } else {
      // Recipients still needed: between the two best when more than two variants differ, else between the control and the variant farthest from it.
      const ctrl = c.runnerUp ? second : c.variants.find((v) => v.variant === control) ?? c.variants[0];
      const other = c.runnerUp ? best : [...c.variants].filter((v) => v !== ctrl).sort((a, b) => Math.abs((b.ctr ?? 0) - (ctrl.ctr ?? 0)) - Math.abs((a.ctr ?? 0) - (ctrl.ctr ?? 0)))[0];
      if (other && ctrl.ctr !== null && other.ctr !== null && ctrl.ctr !== other.ctr) {
        const need = sampleSizePerGroup(ctrl.ctr, other.ctr, ALPHA, 0.8);
        c.moreRecipientsNeeded = Math.max(0, need - Math.min(ctrl.recipients ?? 0, other.recipients ?? 0));
      }
    }
  }

  const group = (key: (m: ManifestCta) => string): GroupResult[] => {
    const acc = new Map<string, GroupResult>();
    for (const m of manifest) {
      const k = `${key(m) || 'unknown'}\u0000${m.variant}`;
      const g = got.get(m) ?? { clicks: 0, unique: 0 };
      const r = acc.get(k) ?? { group: key(m) || 'unknown', variant: m.variant, clicks: 0, unique: 0, ctr: null };
      r.clicks += g.clicks;
      r.unique = r.unique === null || g.unique === null ? null : r.unique + g.unique;
      acc.set(k, r);
    }
    for (const r of acc.values()) {
      const n = perVariant(delivered, r.variant) ?? perVariant(audience.sent, r.variant);
      // Clicks on several CTAs by one person count once per CTA: this is clicks per recipient.
      r.ctr = n ? r.clicks / n : null;
    }
    return [...acc.values()].sort((a, b) => a.group.localeCompare(b.group) || a.variant.localeCompare(b.variant));
  };
  if (unmatched.length) warnings.push(`${unmatched.length} clicked link(s) match no CTA of the manifest (listed under "unmatched")`);
  return { format: read.format, rows: read.rows, ctas, byType: group((m) => m.type), byFold: group((m) => m.fold), unmatched, warnings };
}

