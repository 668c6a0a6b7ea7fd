/**
 * Mail clients and what they support, from caniemail's data (data/caniemail.json, a snapshot of
 * the MIT `caniemail` package refreshed by scripts/update-caniemail.mjs). Loaded on first use.
 *
 * A client is `family.platform` as caniemail names it (`outlook.windows`, `gmail.ios`). Each
 * feature lists, per client, its test results in test order; versions are compared as versions
 * ("10" after "9", "2024-05" after "2019-02"), and the data's order settles versions of different
 * kinds ("16.80" after "2016" for Outlook for Mac: an app version after a product year). By default a client is judged by its latest
 * result. Support values: `y`, `n`, `a` (partial), `u` (unknown: never a warning), each with
 * the `#n` notes attached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config/package.js';

export type Support = 'y' | 'n' | 'a' | 'u';

export interface FeatureData {
  slug: string;
  title: string;
  category: 'html' | 'css' | 'image' | 'others';
  url: string;
  keywords: string | null;
  /** client id → [version, raw support ("a #1 #2")] in the data's order. */
  stats: Record<string, Array<[string, string]>>;
  notes: Record<string, string>;
}

export interface CaniemailData {
  source: { package: string; license: string; homepage: string; api_version: string };
  /** When caniemail last updated the data (`2026-05-13 14:45:41 +0000`). */
  updated: string;
  families: Record<string, string>;
  platforms: Record<string, string>;
  features: FeatureData[];
}

let data: CaniemailData | undefined;
let bySlug: Map<string, FeatureData> | undefined;

/** The caniemail data (read once). */
export function caniemailData(): CaniemailData {
  if (!data) data = JSON.parse(readFileSync(join(packageRoot(), 'data', 'caniemail.json'), 'utf8')) as CaniemailData;
  return data;
}

export function featureBySlug(slug: string): FeatureData | undefined {
  bySlug ??= new Map(caniemailData().features.map((f) => [f.slug, f]));
  return bySlug.get(slug);
}

/** The data's date (`2026-05-13`) and source, for doctor and the output. */
export function caniemailInfo(): { updated: string; source: string; features: number } {
  const d = caniemailData();
  return { updated: d.updated.slice(0, 10), source: d.source.package, features: d.features.length };
}

// — Versions

const DATE = /^\d{4}-\d{2}$/;
/** A test month (`2019-02`), a product year (`2016`: Outlook 2016) or an app version (`16.80`): each compared within its kind only. */
const kindOf = (v: string): 'date' | 'year' | 'num' => (DATE.test(v) ? 'date' : /^(19|20)\d\d$/.test(v) ? 'year' : 'num');
const parts = (v: string): number[] => v.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : 0));

/** Compares two versions of the same kind part by part as numbers; undefined across kinds (a date and a version number). */
export function compareVersions(a: string, b: string): number | undefined {
  if (kindOf(a) !== kindOf(b)) return undefined;
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * Test results oldest first: the data's order, with the versions of each kind put in version
 * order within the places that kind holds (so "10" comes after "9" while a date and an app
 * version keep the order the data gives them).
 */
export function orderedResults(results: ReadonlyArray<[string, string]>): Array<[string, string]> {
  const out = [...results];
  for (const kind of ['date', 'year', 'num'] as const) {
    const slots = out.map((r, i) => (kindOf(r[0]) === kind ? i : -1)).filter((i) => i >= 0);
    const sorted = slots.map((i) => out[i]).sort((a, b) => compareVersions(a[0], b[0]) ?? 0);
    slots.forEach((slot, k) => (out[slot] = sorted[k]));
  }
  return out;
}

export interface SupportAnswer {
  support: Support;
  /** The notes the result refers to (`#1` → its text). */
  notes: string[];
  /** The version judged. */
  version: string;
}

/** Reads `a #1 #2` as the data means it. */
export function parseSupport(raw: string, notes: Record<string, string> = {}): { support: Support; notes: string[] } {
  const letter = raw.trim()[0];
  const support: Support = letter === 'y' || letter === 'n' || letter === 'a' ? letter : 'u';
  const nums = [...raw.matchAll(/#(\d+)/g)].map((m) => m[1]);
  const texts = nums.map((n) => notes[n]).filter((t): t is string => !!t);
  // "n" whose every note says it works in part ("Buggy. Replaces height by min-height") is partial support.
  if (support === 'n' && texts.length && texts.every((t) => /^(partial|buggy|supported)\b/i.test(t.trim()))) return { support: 'a', notes: texts };
  return { support, notes: texts };
}

const answers = new WeakMap<FeatureData, Map<string, SupportAnswer | null>>();

/** What a client supports of a feature: its latest result, or the newest at or before `version`. Undefined when caniemail has no result. */
export function supportOf(feature: FeatureData, client: string, version?: string): SupportAnswer | undefined {
  let byClient = answers.get(feature);
  if (!byClient) answers.set(feature, (byClient = new Map()));
  const key = version ? `${client}@${version}` : client;
  let answer = byClient.get(key);
  if (answer === undefined) byClient.set(key, (answer = answerOf(feature, client, version) ?? null));
  return answer ?? undefined;
}

function answerOf(feature: FeatureData, client: string, version?: string): SupportAnswer | undefined {
  const results = feature.stats[client];
  if (!results?.length) return undefined;
  const ordered = orderedResults(results);
  let pick = ordered[ordered.length - 1];
  if (version) {
    const upTo = ordered.filter(([v]) => (compareVersions(v, version) ?? 1) <= 0);
    if (!upTo.length) return undefined;
    pick = upTo[upTo.length - 1];
  }
  return { ...parseSupport(pick[1], feature.notes), version: pick[0] };
}

const SUPPORT_WORDS: Record<Support, string> = { y: 'supported', n: 'not supported', a: 'partly supported', u: 'support unknown' };

/** The versions of a client collapsed into runs of equal support: "2007–2019: not supported; 2021: supported". */
export function collapsedSupport(feature: FeatureData, client: string): string {
  const ordered = orderedResults(feature.stats[client] ?? []);
  const runs: Array<{ from: string; to: string; support: Support }> = [];
  for (const [v, raw] of ordered) {
    const s = parseSupport(raw).support;
    const last = runs[runs.length - 1];
    if (last && last.support === s) last.to = v;
    else runs.push({ from: v, to: v, support: s });
  }
  return runs.map((r) => `${r.from === r.to ? r.from : `${r.from}–${r.to}`}: ${SUPPORT_WORDS[r.support]}`).join('; ');
}


// — Clients

const NAMES: Record<string, string> = {
  'outlook.windows': 'Outlook for Windows',
  'outlook.windows-mail': 'Windows Mail',
  'outlook.macos': 'Outlook for Mac',
  'outlook.outlook-com': 'Outlook.com',
  'outlook.ios': 'Outlook iOS',
  'outlook.android': 'Outlook Android',
  'gmail.desktop-webmail': 'Gmail (web)',
  'gmail.mobile-webmail': 'Gmail (mobile web)',
  'gmail.ios': 'Gmail iOS',
  'gmail.android': 'Gmail Android',
  'apple-mail.macos': 'Apple Mail (macOS)',
  'apple-mail.ios': 'Apple Mail (iOS)',
  'yahoo.desktop-webmail': 'Yahoo! Mail (web)',
  'yahoo.ios': 'Yahoo! Mail iOS',
  'yahoo.android': 'Yahoo! Mail Android',
};

let clientIds: string[] | undefined;

/** Every client id the data knows, sorted. */
function allClients(): string[] {
  if (clientIds) return clientIds;
  const ids = new Set<string>();
  for (const f of caniemailData().features) for (const id of Object.keys(f.stats)) ids.add(id);
  return (clientIds = [...ids].sort());
}

/** A client's name as people say it ("Outlook for Windows", "Gmail iOS"). */
export function clientName(id: string): string {
  if (NAMES[id]) return NAMES[id];
  const [family, platform] = id.split('.');
  const d = caniemailData();
  return `${d.families[family] ?? family} (${d.platforms[platform] ?? platform})`;
}

/** The presets of `--clients` and the `clients` config key. */
const CLIENT_PRESETS: Readonly<Record<string, readonly string[]>> = {
  major: [
    'apple-mail.macos', 'apple-mail.ios',
    'gmail.desktop-webmail', 'gmail.ios', 'gmail.android',
    'outlook.windows', 'outlook.macos', 'outlook.outlook-com', 'outlook.ios', 'outlook.android',
    'yahoo.desktop-webmail', 'yahoo.ios', 'yahoo.android',
  ],
};

/** One client to judge: its id, and a version (latest when absent). */
export interface ClientChoice {
  id: string;
  version?: string;
}

/**
 * Reads a client list: presets (`major`, `all`, `outlook`), families (`gmail`: all its
 * platforms), client ids (`outlook.windows`), optionally with a version (`outlook.windows@2016`).
 * Throws an Error naming the unknown entry.
 */
const resolved = new Map<string, ClientChoice[]>();

export function resolveClients(spec: readonly string[]): ClientChoice[] {
  const key = spec.join('\n');
  let out = resolved.get(key);
  if (!out) resolved.set(key, (out = readClients(spec)));
  return out;
}

function readClients(spec: readonly string[]): ClientChoice[] {
  const known = allClients();
  const out = new Map<string, ClientChoice>();
  const add = (id: string, version?: string) => out.set(id, version ? { id, version } : { id });
  for (const raw of spec) {
    const item = raw.trim().toLowerCase();
    const [name, version] = item.split('@');
    if (name === 'all') known.forEach((id) => add(id));
    else if (CLIENT_PRESETS[name]) CLIENT_PRESETS[name].forEach((id) => add(id));
    else if (known.includes(name)) add(name, version);
    else if (known.some((id) => id.startsWith(`${name}.`))) known.filter((id) => id.startsWith(`${name}.`)).forEach((id) => add(id, version));
    else {
      throw new Error(
        `unknown mail client ${JSON.stringify(raw)}: expected major, all, a family (${[...new Set(known.map((k) => k.split('.')[0]))].slice(0, 6).join(', ')}, …) or a client id (outlook.windows, gmail.ios, …; optionally @version)`,
      );
    }
  }
  return [...out.values()];
}
