/**
 * The HTML pass: every link of an EmailDocument → a plan (plan.ts) → TextEdits on the href
 * VALUE ranges of the original text, plus the manifest and warnings. An Outlook VML button
 * gets its HTML twin's decision (the model's pairing, src/model/vml.ts); the CTA model names
 * the links for utm_content.
 */
import { decodeHTMLAttribute } from 'entities';
import type { Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import { baseHrefOf, type Link } from '../model/links.js';
import type { Cta } from '../model/cta/index.js';
import { findMergeTags } from '../model/merge-tags.js';
import { vmlTwins } from '../model/vml.js';
import type { TextEdit } from '../engine/edits.js';
import { resolveTrackOptions, type ResolvedTrackOptions, type TrackOptions } from './options.js';
import { planHref, skipReasonOf, type HrefContext, type HrefPlan, type SkipReason } from './plan.js';
import type { ManifestEntry } from './manifest.js';

/** Gmail clips messages whose HTML is larger than this (bytes); see email-guidance §3.1. */
export const GMAIL_CLIP_BYTES = 102_000;

export interface TrackDocumentResult {
  edits: TextEdit[];
  manifest: ManifestEntry[];
  warnings: string[];
  /** Byte size of the text after the edits. */
  outputBytes: number;
}

/** Per-link click-tracking opt-outs: SendGrid `clicktracking=off`, SparkPost `data-msys-*`, Postmark `data-pm-no-track`, ours. */
function optedOut(el: Element): boolean {
  const a = el.attribs ?? {};
  const v = (k: string) => (a[k] ?? '').trim().toLowerCase();
  return v('clicktracking') === 'off' || v('data-msys-clicktrack') === '0' || 'data-msys-unsubscribe' in a || v('data-inboxlint-track') === 'off' || 'data-pm-no-track' in a;
}

/** The document's separator style: `&amp;` or `&`, whichever its hrefs use more (undefined when none). */
export function documentSeparator(links: readonly Link[]): '&' | '&amp;' | undefined {
  let amp = 0;
  let raw = 0;
  for (const l of links) {
    if (!l.raw.includes('&')) continue;
    amp += l.raw.split('&amp;').length - 1;
    raw += (l.raw.match(/&(?![A-Za-z][A-Za-z0-9]*;|#\d+;|#x[0-9a-f]+;)/gi) ?? []).length;
  }
  if (!amp && !raw) return undefined;
  return raw > amp ? '&' : '&amp;';
}

interface LinkInfo {
  link: Link;
  /** For a VML link: its HTML `<a>` twin. */
  twin?: Link;
  /** For an `<a>`: the VML button paired with it. */
  vml?: Link;
  cta?: Cta;
  number: number;
}

function linkInfos(doc: EmailDocument, needCtas: boolean): LinkInfo[] {
  const links = doc.links;
  // The model's verdict (errors, the time budget's included, reach the caller).
  const ctaOf = (l: Link): Cta | undefined => (needCtas ? doc.ctaVerdict(l).cta : undefined);
  const twins = vmlTwins(doc);
  const vmlOf = new Map<Link, Link>();
  for (const [v, a] of twins) vmlOf.set(a, v);
  let n = 0;
  const numbers = new Map<Link, number>();
  for (const l of links) if (!twins.has(l)) numbers.set(l, n++);
  return links.map((link) => {
    const twin = twins.get(link);
    // Twins share one CTA: the `<a>`'s, else the VML button's.
    const a = twin ?? link;
    const v = twin ? link : vmlOf.get(link);
    const cta = ctaOf(a) ?? (v ? ctaOf(v) : undefined);
    return { link, twin, vml: vmlOf.get(link), cta, number: numbers.get(a) ?? 0 };
  });
}

function contextFor(doc: EmailDocument, info: LinkInfo, base: string | undefined, separator: string | undefined, withType = true): HrefContext {
  const main = info.twin ?? info.link;
  return {
    index: info.number,
    ctaLabel: info.cta?.label,
    ctaIndex: info.cta?.index,
    // Only a `{type}` content template reads it.
    type: withType ? (info.cta?.type ?? main.type) : undefined,
    file: doc.filePath,
    text: main.text,
    // An unsubscribe/preference/view-online label on either twin keeps both untracked.
    role: main.role ?? (info.twin ? info.link.role : info.vml?.role) ?? null,
    quote: info.link.quote,
    baseHref: base,
    separator,
    optOut: optedOut(main.element) || optedOut(info.link.element) || (info.vml ? optedOut(info.vml.element) : false),
  };
}

/** Per-document link infos by link, and the base href, for classifyTrackability (inspect asks once per link). */
const infoCache = new WeakMap<EmailDocument, { byLink: Map<Link, LinkInfo>; base: string | undefined }>();

/**
 * Would this link be tracked (with these options), and if not, why. Without options: the
 * link's own trackability (no domain or exclude filters). With `doc`, a VML button gets its
 * `<a>` twin's decision, as in trackDocument.
 */
export function classifyTrackability(
  link: Link,
  options?: Partial<Pick<TrackOptions, 'domains' | 'exclude'>>,
  doc?: EmailDocument,
): { trackable: boolean; skipReason: SkipReason | null } {
  const filters = resolveTrackOptions({ campaign: 'x', domains: options?.domains, exclude: options?.exclude });
  let reason: SkipReason | null;
  let cached = doc && infoCache.get(doc);
  if (doc && !cached) infoCache.set(doc, (cached = { byLink: new Map(linkInfos(doc, true).map((i) => [i.link, i])), base: baseHrefOf(doc) }));
  const info = cached?.byLink.get(link);
  if (doc && cached && info) {
    // The same decision trackDocument makes, twin included.
    const twinInfo = info.twin ? cached.byLink.get(info.twin) : undefined;
    const own = contextFor(doc, twinInfo ?? info, cached.base, undefined);
    reason = twinInfo ? skipReasonOf(info.twin!.raw, own, filters) : skipReasonOf(link.raw, own, filters);
  } else reason = skipReasonOf(link.raw, { text: link.text, role: link.role }, filters);
  return { trackable: reason === null, skipReason: reason };
}

function escapeAttr(url: string): string {
  // Escape `&` and `"` for a double-quoted attribute, leaving merge tags alone.
  const tags = findMergeTags(url);
  let out = '';
  let pos = 0;
  const esc = (s: string) => s.replace(/&(?!(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9a-f]+);)/gi, '&amp;').replace(/"/g, '&quot;');
  for (const t of tags) {
    out += esc(url.slice(pos, t.range.start)) + t.text;
    pos = t.range.end;
  }
  return out + esc(url.slice(pos));
}

/** The markup of the open-tracking pixel. */
export function openPixelMarkup(url: string): string {
  return `<img src="${escapeAttr(url)}" width="1" height="1" alt="" border="0" style="display:block;width:1px;height:1px;border:0;" />`;
}

function pixelEdit(doc: EmailDocument, url: string, warnings: string[]): TextEdit | null {
  const decoded = decodeHTMLAttribute(url);
  // Present already: as an <img>, or as our exact markup where the parser cannot see it (after junk like `<?`).
  if (doc.text.includes(openPixelMarkup(url)) || doc.elements.some((e) => e.name === 'img' && (e.attribs.src === decoded || e.attribs.src === url))) return null;
  const text = doc.text;
  const body = doc.body;
  let at = -1;
  if (body && body.endIndex != null) {
    const lt = text.lastIndexOf('<', body.endIndex);
    if (lt >= 0 && /^<\/body\s*>$/i.test(text.slice(lt, body.endIndex + 1))) at = lt;
  }
  if (at < 0) {
    warnings.push('no </body> tag: the open pixel is added at the end of the document');
    at = text.length;
  }
  return { range: { start: at, end: at }, text: openPixelMarkup(url) };
}

function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Plans the tracking of every link in `doc`. Reads the model once; one plan per href. */
export function trackDocument(doc: EmailDocument, options: TrackOptions | ResolvedTrackOptions): TrackDocumentResult {
  const opts = resolveTrackOptions(options);
  const base = baseHrefOf(doc);
  // The CTA model (layout estimate) is most of the cost: run it up front only when a link can be
  // tracked AND utm_content needs CTA labels or types; otherwise the manifest's CTA fields run it
  // on first read (JSON/CSV writers, inspect), and a plain rewrite never pays for it.
  const anyTrackable = doc.links.some((l) => skipReasonOf(l.raw, { text: l.text, role: l.role, baseHref: base }, opts) === null);
  const needCtas = anyTrackable && (opts.content === 'auto' || /\{(?:cta|type)\}/.test(opts.content));
  const needType = opts.content.includes('{type}');
  const infos = linkInfos(doc, needCtas);
  let withCtas: LinkInfo[] | undefined = needCtas ? infos : undefined;
  const ctaAt = (i: number): Cta | undefined => (withCtas ??= linkInfos(doc, true))[i].cta;
  const sep = opts.separator ?? documentSeparator(doc.links);
  const edits: TextEdit[] = [];
  const warnings: string[] = [];
  const manifest: ManifestEntry[] = [];
  const plans = new Map<Link, HrefPlan>();

  // HTML links first, so a VML twin can share its `<a>`'s decision.
  const order = [...infos.filter((i) => !i.twin), ...infos.filter((i) => i.twin)];
  for (const info of order) {
    const { link } = info;
    const ctx = contextFor(doc, info, base, sep, needType);
    let plan: HrefPlan;
    const twinPlan = info.twin ? plans.get(info.twin) : undefined;
    if (twinPlan && twinPlan.kind === 'skipped') plan = twinPlan;
    else plan = planHref(link.raw, ctx, opts);
    plans.set(link, plan);
  }

  let delta = 0;
  infos.forEach((info, i) => {
    const { link } = info;
    const plan = plans.get(link)!;
    const changed = plan.kind === 'tracked' && plan.value !== link.raw;
    if (changed) {
      edits.push({ range: link.valueRange, text: plan.value });
      delta += byteLen(plan.value) - byteLen(link.raw);
    }
    manifest.push({
      file: doc.filePath,
      index: link.index,
      // Read by the manifest's writers, not by the rewrite: the line index is made on first read.
      get line() {
        return doc.span(link.valueRange).line;
      },
      get column() {
        return doc.span(link.valueRange).column;
      },
      tag: link.tag,
      vml: link.isVml,
      twin: info.twin ? info.twin.index : null,
      original: link.href,
      tracked: plan.kind === 'tracked' ? decodeHTMLAttribute(plan.value).trim() : null,
      changed,
      skipReason: plan.kind === 'skipped' ? plan.reason : null,
      get ctaLabel() {
        return ctaAt(i)?.label ?? null;
      },
      get ctaIndex() {
        return ctaAt(i)?.index ?? null;
      },
      get ctaNumber() {
        const c = ctaAt(i);
        return c ? c.index + 1 : null;
      },
      get primary() {
        return ctaAt(i)?.primary ?? false;
      },
      get type() {
        return ctaAt(i)?.type ?? (info.twin ?? link).type;
      },
      utmContent: plan.kind === 'tracked' ? plan.utmContent : null,
      added: plan.kind === 'tracked' ? plan.added : [],
      kept: plan.kind === 'tracked' ? plan.kept : [],
      replaced: plan.kind === 'tracked' ? plan.replaced : [],
    });
  });

  if (opts.openPixel) {
    const e = pixelEdit(doc, opts.openPixel, warnings);
    if (e) {
      edits.push(e);
      delta += byteLen(e.text);
      const before = byteLen(doc.text.slice(0, e.range.start)) + delta - byteLen(e.text);
      if (before > GMAIL_CLIP_BYTES) {
        warnings.push(`the open pixel sits after byte ${GMAIL_CLIP_BYTES.toLocaleString('en')}: Gmail clips there, so opens will be under-counted`);
      }
    }
  }
  const outputBytes = doc.byteSize + delta;
  if (outputBytes > GMAIL_CLIP_BYTES) {
    warnings.push(
      `output is ${outputBytes.toLocaleString('en')} bytes (input ${doc.byteSize.toLocaleString('en')}): Gmail clips messages over ~${GMAIL_CLIP_BYTES.toLocaleString('en')} bytes`,
    );
  }
  return { edits, manifest, warnings, outputBytes };
}
