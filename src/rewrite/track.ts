/**
 * The link rewriter: adds tracking parameters (utm_*) to the links of an email as TextEdits
 * on the href VALUE ranges of the original text, so every byte outside them stays as it was.
 *
 * Layers, each reusable on its own:
 *   planHref(raw, ctx, options)      one raw href value → tracked value or skip reason (pure;
 *                                    the MJML and .eml inputs call this on their own sources)
 *   trackDocument(doc, options)      every link of an EmailDocument → edits + manifest + warnings
 *   track(input, options)            a file or text → output text + manifest (node API / CLI)
 *   classifyTrackability(link, …)    would this link be tracked, and if not why (for inspect/rules)
 *
 * Running it twice gives the same text as running it once: the second run finds the
 * parameters present and keeps them.
 */
import { basename, extname } from 'node:path';
import { decodeHTMLAttribute } from 'entities';
import type { Element } from 'domhandler';
import type { EmailDocument } from '../model/document.js';
import { classifyRole, schemeOf, type Link, type LinkRole } from '../model/links.js';
import { findMergeTags, isWhollyMergeTag, type MergeTag } from '../model/merge-tags.js';
import type { Cta } from '../model/cta.js';
import { applyEdits, type TextEdit } from '../engine/edits.js';
import { ConfigError, InputError } from '../errors.js';
import { documentFromText, looksBinary, readInputBytes, kindOf, utf16Bom } from '../input/index.js';
import type { InputKind } from '../rule.js';
import { hostOf, parseRawUrl, setParams, slugify } from './url.js';
import type { ManifestEntry } from './manifest.js';

export type { ManifestEntry } from './manifest.js';

/** Gmail clips messages whose HTML is larger than this (bytes); see email-guidance §3.1. */
export const GMAIL_CLIP_BYTES = 102_000;

export interface TrackOptions {
  /** utm_campaign (required). */
  campaign: string;
  /** utm_source (e.g. your newsletter's name). Google Analytics needs it to attribute a campaign. */
  source?: string;
  /** utm_medium (default `email`, which GA4 files under the Email channel). */
  medium?: string;
  /**
   * utm_content: `auto` (default: `cta-1-download-the-guide` for CTAs, `link-7` for others),
   * `none` (no utm_content), or a template using `{cta}`, `{index}`, `{type}`, `{file}`.
   */
  content?: string;
  /** utm_term. */
  term?: string;
  /** Extra parameters, in order: `{key: value}`, or `['key=value', …]`, or `[[key, value], …]`. */
  params?: Record<string, string> | ReadonlyArray<string | readonly [string, string]>;
  /** Only track links to these domains (and their subdomains). */
  domains?: readonly string[];
  /**
   * Never track hrefs matching these patterns. A pattern with `*` is a glob over the whole
   * decoded href (`*` = any characters, case-insensitive); any other pattern is a
   * case-insensitive substring.
   */
  exclude?: readonly string[];
  /** Replace existing values of the parameters we set (in place). Default: keep them. */
  overwrite?: boolean;
  /** Add a 1×1 open-tracking image with this src just before `</body>` (once). */
  openPixel?: string;
  /** Separator for URLs that have none of their own: `&amp;` (default when the document shows no preference) or `&`. */
  separator?: '&' | '&amp;';
}

export interface ResolvedTrackOptions {
  readonly resolved: true;
  campaign: string;
  source?: string;
  medium: string;
  content: string;
  term?: string;
  custom: Array<[string, string]>;
  domains: string[];
  exclude: Array<{ pattern: string; test: (href: string) => boolean }>;
  overwrite: boolean;
  openPixel?: string;
  separator?: '&' | '&amp;';
}

export type SkipReason =
  | 'empty' // href="" or whitespace
  | 'anchor' // #… (in-page; `#` placeholders too)
  | 'relative' // nothing to attribute (and no <base href>)
  | 'no-host' // http:// placeholder
  | 'mailto'
  | 'tel'
  | 'sms'
  | 'javascript'
  | 'data'
  | 'cid'
  | 'other-scheme' // any other non-http(s) scheme (ftp:, skype:, …)
  | 'merge-tag' // the whole href is one merge tag
  | 'template-logic' // {% if %}, {{#each}} … inside the href
  | 'unclosed-merge-tag' // a merge tag the attribute's quotes cut in two (`href="{{ url "x" }}"`): the template engine reads it whole
  | 'unsubscribe'
  | 'preferences'
  | 'view-online'
  | 'system-tag' // an ESP system tag (*|FORWARD|*, %%=RedirectTo()=%%, [webversion] …)
  | 'opt-out' // clicktracking="off", data-msys-clicktrack="0", data-inboxlint-track="off"
  | 'outside-domain'
  | 'excluded'
  | 'quote-conflict'; // a merge tag in a parameter value would close the attribute's quotes

export interface HrefContext {
  /** 0-based link number: `link-N` uses index + 1. */
  index: number;
  /** Label of the CTA this link is, if it is one. */
  ctaLabel?: string;
  /** 0-based CTA position: `cta-N-…` uses ctaIndex + 1. */
  ctaIndex?: number;
  /** Micro-conversion type (`download`, `signup`, …); `other` when unknown. */
  type?: string;
  /** The file (for `{file}` in content templates). */
  file?: string;
  /** The link's visible text (unsubscribe/preference links are recognised by it too). */
  text?: string;
  /** The link's role when already known (saves recomputing it). */
  role?: LinkRole;
  /** The attribute's quote (a parameter value must not close it). Default `"`. */
  quote?: '"' | "'" | '';
  /** An absolute `<base href>`: relative links resolve against it and can be tracked. */
  baseHref?: string;
  /** Separator for a URL that has none of its own (the document's style). */
  separator?: string;
  /** The element opted out of click tracking. */
  optOut?: boolean;
}

export type HrefPlan =
  | { kind: 'tracked'; value: string; added: string[]; kept: string[]; replaced: string[]; utmContent: string | null }
  | { kind: 'skipped'; reason: SkipReason };

// — Options ———————————————————————————————————————————————————————————————

const STANDARD = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
const KEY_RE = /^[^\s&=#?"'<>]+$/;

function str(v: unknown, key: string, where: string, required = false): string | undefined {
  if (v === undefined || v === null) {
    if (required) throw new ConfigError(`${where}.${key}: required (e.g. --${key} spring-sale)`);
    return undefined;
  }
  if (typeof v !== 'string') throw new ConfigError(`${where}.${key}: expected a string, got ${JSON.stringify(v)}`);
  if (required && !v.trim()) throw new ConfigError(`${where}.${key}: must not be empty`);
  return v;
}

function strList(v: unknown, key: string, where: string): string[] {
  if (v === undefined || v === null) return [];
  const arr = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(arr) || !arr.every((x) => typeof x === 'string')) {
    throw new ConfigError(`${where}.${key}: expected a list of strings, got ${JSON.stringify(v)}`);
  }
  return arr as string[];
}

function excludeMatcher(pattern: string): (href: string) => boolean {
  const p = pattern.toLowerCase();
  if (!p.includes('*')) return (href) => href.toLowerCase().includes(p);
  const re = new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'is');
  return (href) => re.test(href);
}

/** Validates options (from the CLI, the config's `track:` section or the API); ConfigError names the key. */
export function resolveTrackOptions(options: TrackOptions | ResolvedTrackOptions | unknown, where = 'track'): ResolvedTrackOptions {
  if (options && typeof options === 'object' && (options as ResolvedTrackOptions).resolved === true) return options as ResolvedTrackOptions;
  if (!options || typeof options !== 'object' || Array.isArray(options)) throw new ConfigError(`${where}: expected an object with at least { campaign }`);
  const o = options as Record<string, unknown>;
  const known = new Set(['campaign', 'source', 'medium', 'content', 'term', 'params', 'domains', 'exclude', 'overwrite', 'openPixel', 'separator']);
  for (const k of Object.keys(o)) {
    if (!known.has(k) && o[k] !== undefined) throw new ConfigError(`${where}.${k}: unknown option; expected one of ${[...known].join(', ')}`);
  }
  const custom: Array<[string, string]> = [];
  const params = o.params;
  if (params !== undefined && params !== null) {
    const add = (k: string, v: unknown, label: string) => {
      if (typeof v !== 'string') throw new ConfigError(`${where}.params: value of "${k}" must be a string, got ${JSON.stringify(v)}`);
      if (!KEY_RE.test(k)) throw new ConfigError(`${where}.params: bad parameter name ${JSON.stringify(k)} in ${label}`);
      if ((STANDARD as readonly string[]).includes(k.toLowerCase())) {
        throw new ConfigError(`${where}.params: use the ${k.slice(4)} option for ${k}, not params`);
      }
      if (custom.some(([c]) => c.toLowerCase() === k.toLowerCase())) throw new ConfigError(`${where}.params: "${k}" given twice`);
      custom.push([k, v]);
    };
    if (Array.isArray(params)) {
      for (const p of params) {
        if (typeof p === 'string') {
          const eq = p.indexOf('=');
          if (eq <= 0) throw new ConfigError(`${where}.params: expected key=value, got ${JSON.stringify(p)}`);
          add(p.slice(0, eq), p.slice(eq + 1), JSON.stringify(p));
        } else if (Array.isArray(p) && p.length === 2 && typeof p[0] === 'string') add(p[0], p[1], JSON.stringify(p));
        else throw new ConfigError(`${where}.params: expected "key=value" strings, got ${JSON.stringify(p)}`);
      }
    } else if (typeof params === 'object') {
      for (const [k, v] of Object.entries(params as Record<string, unknown>)) add(k, v, JSON.stringify(k));
    } else throw new ConfigError(`${where}.params: expected an object or a list of key=value strings`);
  }
  const domains = strList(o.domains, 'domains', where).map((d) =>
    d
      .trim()
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.\-]*:\/\//, '')
      .replace(/^\*?\./, '')
      .replace(/[/:].*$/, ''),
  );
  if (domains.some((d) => !d)) throw new ConfigError(`${where}.domains: empty domain`);
  const exclude = strList(o.exclude, 'exclude', where).map((pattern) => {
    if (!pattern) throw new ConfigError(`${where}.exclude: empty pattern`);
    return { pattern, test: excludeMatcher(pattern) };
  });
  if (o.overwrite !== undefined && typeof o.overwrite !== 'boolean') throw new ConfigError(`${where}.overwrite: expected true or false`);
  const separator = str(o.separator, 'separator', where);
  if (separator !== undefined && separator !== '&' && separator !== '&amp;') throw new ConfigError(`${where}.separator: expected "&" or "&amp;"`);
  const openPixel = str(o.openPixel, 'openPixel', where);
  if (openPixel !== undefined && !/^(?:https?:)?\/\/[^\s/]|^[{*%<[$]/i.test(openPixel.trim())) {
    throw new ConfigError(`${where}.openPixel: expected an absolute http(s) URL, got ${JSON.stringify(openPixel)}`);
  }
  const medium = str(o.medium, 'medium', where) ?? 'email';
  const content = str(o.content, 'content', where) ?? 'auto';
  if (!medium.trim()) throw new ConfigError(`${where}.medium: must not be empty`);
  if (!content.trim()) throw new ConfigError(`${where}.content: must not be empty (use "none" for no utm_content)`);
  return {
    resolved: true,
    campaign: str(o.campaign, 'campaign', where, true)!,
    source: str(o.source, 'source', where) || undefined,
    medium,
    content,
    term: str(o.term, 'term', where) || undefined,
    custom,
    domains,
    exclude,
    overwrite: o.overwrite === true,
    openPixel: openPixel?.trim(),
    separator: separator as ResolvedTrackOptions['separator'],
  };
}

// — One href ———————————————————————————————————————————————————————————————

const SCHEME_REASON: Record<string, SkipReason> = {
  mailto: 'mailto',
  tel: 'tel',
  callto: 'tel',
  sms: 'sms',
  javascript: 'javascript',
  data: 'data',
  cid: 'cid',
};

/** ESP system tags that are not destinations of their own (forward, archive, redirect helpers, footers). */
const SYSTEM_TAG = /forward|archive|webversion|web_version|view_?online|profile_center|subscription_center|manage_preferences|email_footer|list_address|redirectto|cio_link|trackingimage|opencounter|clicktracking|\bsender_|%%=\s*(?:redirectto|cloudpagesurl|microsites?url)/i;
/** Template control flow inside an href: the URL changes with data we cannot see. */
const LOGIC_TAG = /^(?:\{%-?\s*(?:if|elsif|else|endif|unless|endunless|for|endfor|case|when|endcase|capture)\b|\{\{\s*[#/^]|<%\s*(?:if|for|end|else)\b|%%\[)/i;

const TAG_OPENER = /\{\{|\{%|<%|\*\||%%[=[]|\$\{|\}\}|%\}|%>/;

/** True when a merge-tag delimiter is left over once the complete tags are taken out. */
function hasUnclosedTag(raw: string, tags: readonly MergeTag[]): boolean {
  let rest = '';
  let pos = 0;
  for (const t of tags) {
    rest += `${raw.slice(pos, t.range.start)} `;
    pos = t.range.end;
  }
  rest += raw.slice(pos);
  return TAG_OPENER.test(rest);
}

function isBlockTag(t: MergeTag): boolean {
  return LOGIC_TAG.test(t.text);
}

/** Why `raw` is not tracked, or null when it is trackable. Pure string work. */
export function skipReasonOf(raw: string, ctx: Omit<HrefContext, 'index'>, options: ResolvedTrackOptions | { domains: string[]; exclude: ResolvedTrackOptions['exclude'] }, tags: MergeTag[] = findMergeTags(raw)): SkipReason | null {
  const href = decodeHTMLAttribute(raw).trim();
  if (!href) return 'empty';
  if (ctx.optOut) return 'opt-out';
  if (href.startsWith('#')) return 'anchor';
  const scheme = schemeOf(href);
  if (scheme && scheme !== 'http' && scheme !== 'https') return SCHEME_REASON[scheme] ?? 'other-scheme';
  // Unsubscribe / preference / view-online links and ESP system tags first: the more telling reason.
  const role = ctx.role !== undefined ? ctx.role : classifyRole(href, ctx.text ?? '');
  if (role) return role;
  if (tags.some((t) => SYSTEM_TAG.test(t.text))) return 'system-tag';
  if (isWhollyMergeTag(href)) return 'merge-tag';
  if (tags.some(isBlockTag)) return 'template-logic';
  if (hasUnclosedTag(raw, tags)) return 'unclosed-merge-tag';
  let host: string | null;
  if (scheme === 'http' || scheme === 'https' || href.startsWith('//')) {
    host = hostOf(href);
    if (host === '') return 'no-host';
  } else if (scheme === '') {
    if (!ctx.baseHref) return 'relative';
    host = hostOf(ctx.baseHref);
  } else host = null; // a merge tag opens the href: `{{base_url}}/welcome`
  if (options.domains.length && (host === null || !options.domains.some((d) => host === d || host!.endsWith(`.${d}`)))) {
    return 'outside-domain';
  }
  if (options.exclude.some((e) => e.test(href))) return 'excluded';
  return null;
}

function fileSlug(file: string | undefined): string {
  if (!file) return '';
  return slugify(basename(file, extname(file)));
}

/** The utm_content value for a link, or null when the options say none. */
export function contentFor(ctx: HrefContext, options: ResolvedTrackOptions): string | null {
  const c = options.content;
  if (c === 'none') return null;
  const isCta = ctx.ctaIndex !== undefined && ctx.ctaIndex !== null;
  if (c === 'auto') {
    if (isCta) {
      const s = slugify(ctx.ctaLabel ?? '');
      return `cta-${ctx.ctaIndex! + 1}${s ? `-${s}` : ''}`;
    }
    return `link-${ctx.index + 1}`;
  }
  const cta = slugify((isCta ? ctx.ctaLabel : ctx.text) ?? '') || `link-${ctx.index + 1}`;
  return c
    .replace(/\{cta\}/g, cta)
    .replace(/\{index\}/g, String(ctx.index + 1))
    .replace(/\{type\}/g, ctx.type ?? 'other')
    .replace(/\{file\}/g, fileSlug(ctx.file));
}

/** The parameters to set, in their stable order: utm_source, utm_medium, utm_campaign, utm_term, utm_content, then custom. */
export function paramsFor(ctx: HrefContext, options: ResolvedTrackOptions): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (options.source !== undefined) out.push(['utm_source', options.source]);
  out.push(['utm_medium', options.medium]);
  out.push(['utm_campaign', options.campaign]);
  if (options.term !== undefined) out.push(['utm_term', options.term]);
  const content = contentFor(ctx, options);
  if (content !== null) out.push(['utm_content', content]);
  return out.concat(options.custom);
}

function breaksAttribute(before: string, after: string, quote: '"' | "'" | ''): boolean {
  const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
  const re = quote === '' ? /[\s"'<>`]/g : new RegExp(quote, 'g');
  return count(after, re) > count(before, re);
}

/**
 * Plans the rewrite of ONE raw href value (as written in the source, entities not decoded).
 * Pure: no document needed, so MJML attributes and .eml parts can use it as well.
 */
export function planHref(raw: string, ctx: HrefContext, options: TrackOptions | ResolvedTrackOptions): HrefPlan {
  const opts = resolveTrackOptions(options);
  const tags = findMergeTags(raw);
  const reason = skipReasonOf(raw, ctx, opts, tags);
  if (reason) return { kind: 'skipped', reason };
  const url = parseRawUrl(raw, tags);
  const r = setParams(raw, paramsFor(ctx, opts), { overwrite: opts.overwrite, separator: ctx.separator ?? opts.separator, url });
  if (r.value !== raw && breaksAttribute(raw, r.value, ctx.quote ?? '"')) return { kind: 'skipped', reason: 'quote-conflict' };
  const after = r.value === raw ? url : parseRawUrl(r.value);
  const uc = after.params.find((p) => p.key.toLowerCase() === 'utm_content');
  return { kind: 'tracked', value: r.value, added: r.added, kept: r.kept, replaced: r.replaced, utmContent: uc ? uc.value : null };
}

// — A document —————————————————————————————————————————————————————————————

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

/** The document's CTAs, or none when the CTA model fails (tracking must not stop for it). */
export function ctasOf(doc: EmailDocument): Cta[] {
  try {
    return doc.ctas;
  } catch {
    // The CTA model failing must not stop tracking; links fall back to `link-N`.
    return [];
  }
}

/** The first absolute `<base href>` of the rendered document, if any. */
export function baseHrefOf(doc: EmailDocument): string | undefined {
  for (const el of doc.renderedElements) {
    if (el.name !== 'base') continue;
    const h = el.attribs.href?.trim();
    if (h && /^https?:\/\/[^/?#]+/i.test(h)) return h;
  }
  return undefined;
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

const TWIN_DISTANCE = 4000;

/**
 * Pairs each VML link (Outlook's bulletproof button inside `<!--[if mso]>`) with its HTML `<a>`
 * twin: the CTA model's pairing when it has one, else the nearest `<a>` with the same href
 * (before or after, so both nestings work: VML beside the `<a>`, or VML wrapping it via split
 * conditionals).
 */
export function pairVmlTwins(links: readonly Link[], ctas: readonly Cta[] = []): Map<Link, Link> {
  const twins = new Map<Link, Link>();
  const taken = new Set<Link>();
  for (const c of ctas) {
    if (c.vml && c.link && c.vml.isVml && !c.link.isVml) {
      twins.set(c.vml, c.link);
      taken.add(c.link);
    }
  }
  const html = links.filter((l) => !l.isVml);
  for (const v of links) {
    if (!v.isVml || twins.has(v)) continue;
    const at = v.valueRange.start;
    const same = html.filter((a) => !taken.has(a) && a.href === v.href && Math.abs(a.valueRange.start - at) <= TWIN_DISTANCE);
    // The fallback `<a>` follows the VML in both nestings; only failing that, the nearest one before it.
    const best = same.find((a) => a.valueRange.start > at) ?? same.filter((a) => a.valueRange.start < at).pop();
    if (best) {
      twins.set(v, best);
      taken.add(best);
    }
  }
  return twins;
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
  const ctas = needCtas ? ctasOf(doc) : [];
  const ctaOf = new Map<Link, Cta>();
  for (const c of ctas) {
    if (c.link) ctaOf.set(c.link, c);
    if (c.vml) ctaOf.set(c.vml, c);
  }
  const twins = pairVmlTwins(links, ctas);
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
    const cta = ctaOf.get(a) ?? (v ? ctaOf.get(v) : undefined);
    return { link, twin, vml: vmlOf.get(link), cta, number: numbers.get(a) ?? 0 };
  });
}

function contextFor(doc: EmailDocument, info: LinkInfo, base: string | undefined, separator: string | undefined): HrefContext {
  const main = info.twin ?? info.link;
  return {
    index: info.number,
    ctaLabel: info.cta?.label,
    ctaIndex: info.cta?.index,
    type: info.cta?.type ?? main.type,
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

/** Per-document link infos for classifyTrackability (inspect asks once per link). */
const infoCache = new WeakMap<EmailDocument, LinkInfo[]>();

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
  let infos: LinkInfo[] | undefined;
  if (doc) {
    infos = infoCache.get(doc);
    if (!infos) infoCache.set(doc, (infos = linkInfos(doc, true)));
  }
  const info = infos?.find((i) => i.link === link);
  if (doc && infos && info) {
    // The same decision trackDocument makes, twin included.
    const twinInfo = info.twin ? infos.find((i) => i.link === info.twin) : undefined;
    const own = contextFor(doc, twinInfo ?? info, baseHrefOf(doc), undefined);
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
    const ctx = contextFor(doc, info, base, sep);
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
    const pos = doc.span(link.valueRange);
    const changed = plan.kind === 'tracked' && plan.value !== link.raw;
    if (changed) {
      edits.push({ range: link.valueRange, text: plan.value });
      delta += byteLen(plan.value) - byteLen(link.raw);
    }
    manifest.push({
      file: doc.filePath,
      index: link.index,
      line: pos.line,
      column: pos.column,
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

// — A file or text ———————————————————————————————————————————————————————————

export interface TrackResult {
  filePath: string;
  /** The rewritten text (for `encoding: 'latin1'`, one character per byte). */
  output: string;
  manifest: ManifestEntry[];
  warnings: string[];
  /** True when the output differs from the input. */
  changed: boolean;
  /** How to turn `output` back into bytes: `utf8`, or `latin1` for files that are not UTF-8 (their bytes are kept as they are). */
  encoding: 'utf8' | 'latin1';
}

export type TrackInput = string | { text: string; filePath?: string };

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
export async function track(input: TrackInput, options: TrackOptions | ResolvedTrackOptions): Promise<TrackResult> {
  const opts = resolveTrackOptions(options);
  let filePath: string;
  let text: string;
  let encoding: 'utf8' | 'latin1' = 'utf8';
  if (typeof input === 'string') {
    filePath = input;
    const bytes = await readInputBytes(filePath);
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
  const r = trackDocument(doc, opts);
  const output = applyEdits(doc.text, r.edits);
  const warnings = [...r.warnings];
  if (encoding === 'latin1') warnings.unshift('file is not UTF-8: it is rewritten byte for byte, link text may read oddly in the manifest');
  return { filePath, output, manifest: r.manifest, warnings, changed: output !== doc.text, encoding };
}
