/**
 * What each chosen mail client makes of a template: the features it uses (client-features.ts)
 * judged against caniemail's data (clients.ts), per feature and client, and what the reader of
 * each client actually gets of every button (the CTA model; `cta-outlook-mismatch` reads the
 * same Outlook cell fallback).
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import type { Cta } from './cta/index.js';
import { featureUses, mediaFeatures, type FeatureUse } from './client-features.js';
import { caniemailData, clientName, collapsedSupport, featureBySlug, supportOf, type ClientChoice, type FeatureData, type SupportAnswer } from './clients.js';
import { parseLength } from '../css/declarations.js';

export type ClientStatus = 'broken' | 'partial' | 'degrades' | 'unknown';

export interface ClientVerdict {
  client: string;
  status: ClientStatus;
  answer: SupportAnswer;
  /** For `degrades`: what the reader gets instead. */
  fallback?: string;
  /** The uses this client reads. */
  uses: FeatureUse[];
}

export interface FeatureVerdict {
  feature: FeatureData;
  /** Every use of the feature in the document. */
  uses: FeatureUse[];
  /** Clients that do not fully support it (supported ones are left out). */
  clients: ClientVerdict[];
}

/**
 * Progressive enhancements: a client without them shows what the template gives everyone else
 * (the styles outside the query, the font stack, no animation), so they degrade, never break.
 */
const ENHANCEMENTS: Array<[RegExp, string]> = [
  [/^css-at-media(-device-pixel-ratio|-orientation|-hover|-prefers-reduced-motion)?$/, 'the styles outside the media query'],
  [/^css-at-supports$/, 'the styles outside @supports'],
  [/^(css-at-media-prefers-color-scheme|css-color-scheme|html-meta-color-scheme)$/, 'the light design (or its own dark mode)'],
  [/^(css-at-font-face|css-at-import)$/, 'the next fonts of the font stack'],
  [/^(css-at-keyframes|css-animation|css-transition)$/, 'no animation'],
  [/^css-pseudo-class-(hover|focus|active|visited|focus-visible|focus-within)$/, 'no hover or focus effect'],
  [/^css-cursor$/, 'the default pointer'],
];

const MSO = 'outlook.windows';

function reads(use: FeatureUse, client: string, ci: number, mediaOk: (ci: number, cond: string) => boolean): boolean {
  const r = use.reach;
  if (r.sheet && !mediaOk(ci, '')) return false;
  if (r.mso === 'only' && client !== MSO) return false;
  if (r.mso === 'not' && client === MSO) return false;
  if (r.only && !r.only.some((p) => (p.endsWith('.') ? client.startsWith(p) : client === p))) return false;
  if (r.media) return r.media.every((cond) => mediaOk(ci, cond));
  return true;
}

const verdicts = new WeakMap<EmailDocument, Map<string, FeatureVerdict[]>>();

/**
 * Every feature the template uses that some chosen client does not support, in source order of
 * the first use; with `partial`, also those a client supports in part or unknown.
 */
export function clientVerdicts(doc: EmailDocument, clients: readonly ClientChoice[], partial = false): FeatureVerdict[] {
  const key = `${partial ? 'p:' : ''}${clients.map((c) => `${c.id}@${c.version ?? ''}`).join(',')}`;
  let byKey = verdicts.get(doc);
  if (!byKey) verdicts.set(doc, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;

  // Per client: does it keep <style>, and which media conditions does it read (asked once per condition).
  const media = featureBySlug('css-at-media');
  const condCache = clients.map(() => new Map<string, boolean>());
  const mediaOk = (ci: number, cond: string): boolean => {
    let ok = condCache[ci].get(cond);
    if (ok === undefined) {
      const { id, version } = clients[ci];
      // '' asks whether the client keeps <style> at all.
      const slugs = cond === '' ? ['html-style'] : ['css-at-media', ...mediaFeatures(cond)];
      ok = slugs.every((s) => {
        const f = s === 'css-at-media' ? media : featureBySlug(s);
        return !f || supportOf(f, id, version)?.support !== 'n';
      });
      condCache[ci].set(cond, ok);
    }
    return ok;
  };

  const bySlug = new Map<string, FeatureUse[]>();
  for (const u of featureUses(doc, lackedFeatures(clients, key, partial), key)) {
    const list = bySlug.get(u.slug);
    if (list) list.push(u);
    else bySlug.set(u.slug, [u]);
  }
  const out: FeatureVerdict[] = [];
  for (const [slug, uses] of bySlug) {
    const feature = featureBySlug(slug);
    if (!feature) continue;
    const enhancement = ENHANCEMENTS.find(([re]) => re.test(slug))?.[1];
    const verdictsOf: ClientVerdict[] = [];
    for (let ci = 0; ci < clients.length; ci++) {
      const choice = clients[ci];
      const answer = supportOf(feature, choice.id, choice.version);
      if (!answer || answer.support === 'y') continue;
      // A function or unit inside a property the client drops is moot there.
      const read = uses.filter((u) => reads(u, choice.id, ci, mediaOk) && !(u.within && u.within.every((w) => dropped(w, choice))));
      if (!read.length) continue;
      if (answer.support === 'u') verdictsOf.push({ client: choice.id, status: 'unknown', answer, uses: read });
      else if (answer.support === 'a') verdictsOf.push({ client: choice.id, status: 'partial', answer, uses: read });
      else {
        const fallbacks = read.map((u) => (u.fallback && (!u.fallback.clients || u.fallback.clients.includes(choice.id)) ? u.fallback.text : enhancement));
        const covered = fallbacks.every(Boolean);
        verdictsOf.push({ client: choice.id, status: covered ? 'degrades' : 'broken', answer, uses: read, ...(covered ? { fallback: [...new Set(fallbacks)].join(' or ') } : {}) });
      }
    }
    if (verdictsOf.length) out.push({ feature, uses, clients: verdictsOf });
  }
  out.sort((a, b) => a.uses[0].range.start - b.uses[0].range.start);
  byKey.set(key, out);
  return out;
}

const lacked = new Map<string, Set<string>>();

/** The features some of the clients do not support (or, with `partial`, do not fully support): the only ones worth finding. */
function lackedFeatures(clients: readonly ClientChoice[], key: string, partial: boolean): Set<string> {
  let out = lacked.get(key);
  if (out) return out;
  out = new Set();
  for (const f of caniemailData().features) {
    if (clients.some((c) => { const a = supportOf(f, c.id, c.version); return !!a && (partial ? a.support !== 'y' : a.support === 'n'); })) out.add(f.slug);
  }
  // What the judging itself asks about (media queries and <style> decide who reads a rule).
  for (const s of ['css-at-media', 'html-style']) out.add(s);
  lacked.set(key, out);
  return out;
}

function dropped(slug: string, choice: ClientChoice): boolean {
  const f = featureBySlug(slug);
  return !!f && supportOf(f, choice.id, choice.version)?.support === 'n';
}


/** "Outlook for Windows 2007–2019: not supported" for a verdict's client. */
export function versionsText(v: FeatureVerdict, client: string): string {
  return `${clientName(client)} ${collapsedSupport(v.feature, client)}`;
}

// — Buttons per client

function maxPadding(doc: EmailDocument, el: Element): number {
  return Math.max(...doc.styles.used(el).padding);
}

/** True when a cell's declarations (or a table's border attribute) draw a visible border. */
function cellBorder(s: ReadonlyMap<string, string>, el: Element): boolean {
  if (Number(el.attribs.border) > 0 && el.name === 'table') return true;
  const decl = ['border', 'border-top', 'border-right', 'border-bottom', 'border-left'].map((k) => s.get(k) ?? '').join(' ');
  const width = ['border-width', 'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width'].map((k) => s.get(k) ?? '').join(' ');
  if (/\b(none|hidden)\b|transparent/i.test(`${decl} ${s.get('border-style') ?? ''}`) && !/solid|dashed|dotted|double/i.test(decl)) return false;
  return (/\bthin\b|\bmedium\b|\bthick\b/.test(`${decl} ${width}`) || [...`${decl} ${width}`.matchAll(/(?<![\d.])[\d.]+px/g)].some((m) => /[1-9]/.test(m[0]))) && /solid|dashed|dotted|double|groove|ridge|inset|outset/i.test(`${decl} ${s.get('border-style') ?? ''}`);
}

/**
 * What Outlook for Windows draws from the `<td>` around a link: `padded` when the cell pads the
 * button (padding or mso-padding-alt: Outlook renders it whole), `shape` when the cell only
 * paints it (bgcolor, fill or a visible border: the button shows, but the <a> padding that sized
 * it collapses to the text), `none` when Outlook has nothing but the bare link.
 */
export function outlookCellFallback(doc: EmailDocument, a: Element): 'padded' | 'shape' | 'none' {
  for (let n = a.parent; n && n.type === 'tag'; n = n.parent) {
    const el = n as Element;
    if (el.name !== 'td' && el.name !== 'th') continue;
    const s = doc.styles.cascaded(el);
    if (maxPadding(doc, el) >= 4 || parseLength(s.get('mso-padding-alt')?.split(/\s+/)[0])) return 'padded';
    if (el.attribs.bgcolor || doc.styles.ownFill(el) || cellBorder(s, el)) return 'shape';
    return 'none';
  }
  return 'none';
}

/** The largest padding an element has (px; the style service's used value). */
export { maxPadding };

/**
 * What one group of clients makes of a button, as facts (the words: rules/client-support/words.ts,
 * read by the rule and the snapshot's client matrix).
 */
export interface ButtonOutcome {
  clients: string[];
  /** The caniemail features of the button's box these clients drop (`css-padding`, `css-border-radius`…), in the order declared. */
  lost: string[];
  /**
   * Outlook for Windows, a link sized by its padding: what the cell around it draws (`shape`: a
   * painted cell tight round the text; `none`: a bare text link) and the text's height in px.
   */
  outlook?: { cell: 'shape' | 'none'; height: number };
}

/** The declarations a button's box relies on, and the caniemail feature each one is. */
const BOX_PROPS: Array<[RegExp, string]> = [
  [/^padding/, 'css-padding'],
  [/^border-radius$/, 'css-border-radius'],
  [/^background-image$/, 'css-background-image'],
  [/^(width|max-width|min-width)$/, 'css-width'],
  [/^(height|min-height)$/, 'css-height'],
  [/^display$/, 'css-display'],
  [/^border(-(top|right|bottom|left))?(-(width|style|color))?$/, 'css-border'],
];

/**
 * What the reader of each chosen client gets of a button: the features its box relies on (the
 * link's and its cell's declarations) that the client drops, grouped by identical outcome.
 * Clients that render it whole are left out.
 */
export function buttonOutcomes(doc: EmailDocument, cta: Cta, clients: readonly ClientChoice[]): ButtonOutcome[] {
  if (cta.kind === 'image' || cta.kind === 'text') return [];
  const a = cta.labelElement;
  const own = doc.styles.cascaded(a);
  const byOutcome = new Map<string, ButtonOutcome>();
  for (const choice of clients) {
    let outcome: Omit<ButtonOutcome, 'clients'> | undefined;
    if (choice.id === MSO) {
      if (cta.vml) continue; // Outlook for Windows draws the VML twin
      if (doc.conditionalOf(a) || doc.styles.computed(a).msoHidden) continue;
      // Outlook-only spacers inside the link (react-email's mso-font-width / mso-text-raise) pad it there.
      const spacers = /mso-text-raise|mso-font-width/i.test(doc.text.slice(doc.range(a).start, doc.range(a).end));
      if (cta.element === a && maxPadding(doc, a) >= 4 && !spacers) {
        const cell = outlookCellFallback(doc, a);
        if (cell === 'padded') continue;
        const lost = own.has('border-radius') ? ['css-padding', 'css-border-radius'] : ['css-padding'];
        outcome = { lost, outlook: { cell, height: Math.round(lineHeightPx(doc, a)) } };
      }
    }
    if (!outcome) {
      const lost: string[] = [];
      const props = new Set([...own.keys(), ...(cta.element !== a ? doc.styles.cascaded(cta.element).keys() : [])]);
      for (const prop of props) {
        const slug = BOX_PROPS.find(([re]) => re.test(prop))?.[1];
        if (!slug) continue;
        const f = featureBySlug(slug);
        const ans = f && supportOf(f, choice.id, choice.version);
        if (ans?.support === 'n' && !lost.includes(slug)) lost.push(slug);
      }
      if (!lost.length) continue;
      outcome = { lost };
    }
    const key = JSON.stringify(outcome);
    const group = byOutcome.get(key);
    if (group) group.clients.push(choice.id);
    else byOutcome.set(key, { clients: [choice.id], ...outcome });
  }
  return [...byOutcome.values()];
}

function lineHeightPx(doc: EmailDocument, el: Element): number {
  const u = doc.styles.used(el);
  return u.lineHeightPx > 4 ? u.lineHeightPx : u.fontSize * 1.2;
}

// — The client × feature matrix (preview and report)

export type MatrixCell = 'n' | 'a' | 'd' | 'u';

export interface ClientMatrix {
  /** The caniemail data's date. */
  data: string;
  clients: Array<{ id: string; name: string; broken: number; partial: number; degrades: number }>;
  /** One row per feature some client lacks: `n` not supported, `a` partial, `d` degrades to a fallback, `u` unknown. */
  features: Array<{ slug: string; title: string; url: string; lines: number[]; cells: Record<string, MatrixCell> }>;
  /** Per button (every CTA styled as one, and the primary CTA): the clients where it degrades and how. */
  buttons: Array<{ label: string; line: number; primary: boolean; outcomes: ButtonOutcome[] }>;
}

const CELL: Record<ClientStatus, MatrixCell> = { broken: 'n', partial: 'a', degrades: 'd', unknown: 'u' };

/** The client × feature matrix of a document for the chosen clients, partial support included. */
export function clientMatrix(doc: EmailDocument, clients: readonly ClientChoice[], dataDate: string): ClientMatrix {
  const verdicts = clientVerdicts(doc, clients, true);
  const counts = new Map(clients.map((c) => [c.id, { broken: 0, partial: 0, degrades: 0 }]));
  const features = verdicts.map((v) => {
    const cells: Record<string, MatrixCell> = {};
    for (const c of v.clients) {
      cells[c.client] = CELL[c.status];
      const k = counts.get(c.client)!;
      if (c.status === 'broken') k.broken++;
      else if (c.status === 'partial') k.partial++;
      else if (c.status === 'degrades') k.degrades++;
    }
    const lines = [...new Set(v.uses.map((u) => doc.span(u.range).line))].sort((a, b) => a - b);
    return { slug: v.feature.slug, title: v.feature.title.trim(), url: v.feature.url, lines, cells };
  });
  const buttons = doc.ctas
    .filter((c) => c.kind === 'button' || c.primary)
    .map((c) => ({
      label: c.label,
      line: doc.span(c.labelRange ?? doc.startTagRange(c.labelElement)).line,
      primary: c.primary,
      outcomes: buttonOutcomes(doc, c, clients),
    }));
  return {
    data: dataDate,
    clients: clients.map((c) => ({ id: c.id, name: clientName(c.id) + (c.version ? ` ${c.version}` : ''), ...counts.get(c.id)! })),
    features,
    buttons,
  };
}
