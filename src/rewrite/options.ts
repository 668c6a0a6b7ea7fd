/**
 * Tracking options: what the CLI flags, the config's `track:` section and the node API give,
 * validated and normalised once (`resolveTrackOptions`), with a ConfigError naming the key.
 */
import { ConfigError } from '../errors.js';

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
  /**
   * An A/B variant's letter or name (`b`): `auto` content becomes `cta-1-b-get-my-guide` and
   * `link-3-b`, and content templates may use `{variant}`. Unset: no variant.
   */
  variant?: string;
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
  variant?: string;
  custom: Array<[string, string]>;
  domains: string[];
  exclude: Array<{ pattern: string; test: (href: string) => boolean }>;
  overwrite: boolean;
  openPixel?: string;
  separator?: '&' | '&amp;';
}


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
  const known = new Set(['campaign', 'source', 'medium', 'content', 'term', 'variant', 'params', 'domains', 'exclude', 'overwrite', 'openPixel', 'separator']);
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
      .replace(/[/:][^]*$/, ''),
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
  const variant = str(o.variant, 'variant', where)?.trim() || undefined;
  if (variant !== undefined && !/^[a-z0-9][a-z0-9_-]*$/i.test(variant)) throw new ConfigError(`${where}.variant: expected a short name of letters, digits, - or _ (e.g. b), got ${JSON.stringify(variant)}`);
  if (!content.trim()) throw new ConfigError(`${where}.content: must not be empty (use "none" for no utm_content)`);
  return {
    resolved: true,
    campaign: str(o.campaign, 'campaign', where, true)!,
    source: str(o.source, 'source', where) || undefined,
    medium,
    content,
    term: str(o.term, 'term', where) || undefined,
    variant,
    custom,
    domains,
    exclude,
    overwrite: o.overwrite === true,
    openPixel: openPixel?.trim(),
    separator: separator as ResolvedTrackOptions['separator'],
  };
}

