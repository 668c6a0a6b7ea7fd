/**
 * The link planner: one raw href value (as written in the source, entities not decoded) and its
 * context → the tracked value, or why it is not tracked. Pure string work: no document, no
 * file, so the HTML pass, the MJML and .eml sources and the `tracking-params` rule share it.
 */
import { basename, extname } from 'node:path';
import { decodeHTMLAttribute } from 'entities';
import { classifyRole, schemeOf, type LinkRole } from '../model/links.js';
import { findMergeTags, isWhollyMergeTag, type MergeTag } from '../model/merge-tags.js';
import { resolveTrackOptions, type ResolvedTrackOptions, type TrackOptions } from './options.js';
import { parseRawUrl, setParams, slugify } from './url.js';
import { hostOf } from '../model/host.js';

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


const SCHEME_REASON: Record<string, SkipReason> = {
  mailto: 'mailto',
  tel: 'tel',
  callto: 'tel',
  sms: 'sms',
  javascript: 'javascript',
  data: 'data',
  cid: 'cid',
};

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
  // ESP system tags (forward, archive, redirect helpers, footers): the registry's answer (merge-tags.ts).
  if (tags.some((t) => t.system)) return 'system-tag';
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
  const v = options.variant ? slugify(options.variant) : '';
  if (c === 'auto') {
    if (isCta) {
      const s = slugify(ctx.ctaLabel ?? '');
      return `cta-${ctx.ctaIndex! + 1}${v ? `-${v}` : ''}${s ? `-${s}` : ''}`;
    }
    return `link-${ctx.index + 1}${v ? `-${v}` : ''}`;
  }
  const cta = slugify((isCta ? ctx.ctaLabel : ctx.text) ?? '') || `link-${ctx.index + 1}`;
  return c
    .replace(/\{cta\}/g, cta)
    .replace(/\{index\}/g, String(ctx.index + 1))
    .replace(/\{type\}/g, ctx.type ?? 'other')
    .replace(/\{file\}/g, fileSlug(ctx.file))
    .replace(/\{variant\}/g, v);
}

/** The parameters to set, in their stable order: utm_source, utm_medium, utm_campaign, utm_term, utm_content, then custom. */
function paramsFor(ctx: HrefContext, options: ResolvedTrackOptions): Array<[string, string]> {
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
