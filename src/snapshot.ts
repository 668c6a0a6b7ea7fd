/**
 * A snapshot of one template for the preview page and the report: its findings (with the
 * element each points at), its CTAs and links with their micro-conversion types and tracked
 * URLs, the fold lines, and the files it depends on (for the watcher). Plain JSON: the preview
 * page receives it as is and puts every string in with `textContent`, the report escapes it.
 *
 * Elements are named by their source start offset, the same `data-il` attribute the render copy
 * (src/render/page.ts) puts on every start tag, so the browser finds the element of a finding
 * or a CTA in the rendered email without any guessing.
 */
import { readInputBytes } from './input/bytes.js';
import { clientMatrix, type ClientMatrix } from './model/client-support.js';
import { caniemailInfo, clientName, resolveClients } from './model/clients.js';
import { buttonOutcomeText } from '../rules/client-support/words.js';
import { dirname, join, resolve } from 'node:path';
import type { EmailDocument } from './model/document.js';
import type { LintMessage } from './engine/types.js';
import { Session, type FileOutcome, type RunOptions, type SessionOptions } from './session.js';
import { CONFIG_FILE_NAMES } from './config/load.js';
import { InboxlintError } from './errors.js';
import { inspectDocument } from './inspect.js';
import { resolveTrackOptions, trackDocument, type ManifestEntry } from './rewrite/track.js';
import { VIEWPORTS, type Viewport } from './model/geometry.js';
import { belowFold, foldsFromRules, type Folds } from './model/fold.js';
import { mjmlOf, type MjmlInclude } from './input/mjml.js';
import { EML_NOTE } from './input/eml.js';
import { findingElement } from './model/measured.js';
import { startBudget, withinBudget } from './engine/budget.js';

export interface SnapshotFinding {
  /** 1-based number in list order (errors first, then by line), as the markers show it. */
  n: number;
  ruleId: string | null;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  column: number;
  suggestions: Array<{ desc: string; text: string }>;
  /** `data-il` offset of the element the finding points at, or null (whole document, `<head>`). */
  target: number | null;
}

export interface SnapshotCta {
  n: number;
  label: string;
  href: string;
  kind: string;
  primary: boolean;
  type: string;
  line: number;
  /** Top edge per viewport (px) and whether it was measured in a render. */
  top: Record<Viewport, number>;
  measured: boolean;
  aboveFold: boolean;
  /** The fold verdict in words, naming each view that fails ("below the fold — phone: top at 512 px, fold 500 px"). */
  verdict: string;
  tracked: string | null;
  skipReason: string | null;
  target: number | null;
  /** Its share of the template's CTA clicks ("38 % of clicks (281)"), with `--clicks` (src/results/click-map.ts). */
  clicks?: string;
}

export interface SnapshotLink {
  text: string;
  href: string;
  line: number;
  /** The CTA number (1-based) when the link is a CTA, else null with `whyNotCta`. */
  cta: number | null;
  whyNotCta: string | null;
  type: string;
  tracked: string | null;
  skipReason: string | null;
  target: number | null;
}

export interface Snapshot {
  filePath: string;
  kind: string;
  subject: string | null;
  preheader: string | null;
  errorCount: number;
  warningCount: number;
  findings: SnapshotFinding[];
  ctas: SnapshotCta[];
  links: SnapshotLink[];
  /** Fold per viewport in CSS px (the `cta-above-fold` options of the applied config). */
  folds: Record<Viewport, number>;
  widths: Record<Viewport, number>;
  /** True when the template has its own dark-mode rules. */
  declaresDark: boolean;
  /** Lines the findings' line numbers count in: the MJML source, the .eml file as written, else the linted HTML. */
  source: string[];
  /** The mail clients (the `client-support` rule's clients in the config, else `major`) × the features the template uses that some lack, and what each button becomes. */
  clients?: SnapshotClients | null;
  /** Why tracked URLs are missing, when the track options could not be used. */
  trackNote: string | null;
  /** e.g. "lines refer to the MJML source". */
  note: string | null;
}

/** A problem that kept the template from being linted, shown instead of (or over) the views. */
export interface SnapshotError {
  message: string;
  filePath: string;
  line?: number;
}

export interface Analysis {
  snapshot?: Snapshot;
  /** The document (kept server-side for the views), when it loaded. */
  doc?: EmailDocument;
  /** The lint messages the snapshot was built from. */
  messages?: LintMessage[];
  error?: SnapshotError;
  /** Files whose change should refresh the analysis (template, includes, config). */
  dependencies: string[];
}

export interface AnalyzeOptions extends SessionOptions {
  /** Runs between loading and linting (a render measuring the geometry, for the report). */
  prepare?: RunOptions['prepare'];
  /** The session to lint in (its config is re-read when a config file changes); else one for this call. */
  session?: Session;
}

/**
 * The element a finding points at, as the `data-il` offset of the render copy (see
 * `findingElement`); null for whole-document findings and what sits in `<head>`.
 */
function findingTarget(doc: EmailDocument, m: LintMessage): number | null {
  if (m.fatal) return null;
  return findingElement(doc, m.range)?.startIndex ?? null;
}

const VIEW_NAMES: Record<Viewport, string> = { mobile: 'phone', desktop: 'desktop' };

/**
 * "above the fold (phone: top at 120 px, fold 500 px; desktop: …)" or "below the fold — phone:
 * top at 512 px, fold 500 px", naming only the views that fail.
 */
function foldVerdict(top: Record<Viewport, number>, folds: Record<Viewport, number>): string {
  const vps: Viewport[] = ['mobile', 'desktop'];
  const say = (v: Viewport) => `${VIEW_NAMES[v]}: top at ${Math.round(top[v])} px, fold ${folds[v]} px`;
  const failing = vps.filter((v) => belowFold(top[v], folds[v]));
  return failing.length ? `below the fold — ${failing.map(say).join('; ')}` : `above the fold (${vps.map(say).join('; ')})`;
}

const foldsOf = (outcome: FileOutcome): Folds => foldsFromRules(outcome.config?.rules);

function includePaths(incs: readonly MjmlInclude[], out: string[] = []): string[] {
  for (const i of incs) {
    out.push(i.resolved);
    includePaths(i.children, out);
  }
  return out;
}

/** The files a template's result depends on: itself, its `mj-include`s, its config (or where one could appear). */
function dependenciesOf(filePath: string, outcome?: FileOutcome): string[] {
  const deps = new Set<string>([filePath]);
  const dir = dirname(filePath);
  for (const name of CONFIG_FILE_NAMES) deps.add(join(dir, name));
  if (outcome?.config?.configPath) deps.add(outcome.config.configPath);
  const mjml = outcome?.doc ? mjmlOf(outcome.doc) : undefined;
  if (mjml) for (const p of includePaths(mjml.includes)) deps.add(p);
  return [...deps];
}

function trackManifest(doc: EmailDocument, outcome: FileOutcome): { manifest: ManifestEntry[]; note: string | null } {
  const fromConfig = outcome.config?.track;
  const options = fromConfig && typeof fromConfig.campaign === 'string' ? fromConfig : { ...(fromConfig ?? {}), campaign: 'preview' };
  try {
    const note = fromConfig?.campaign ? null : 'campaign "preview" (set "track" in the config for your own)';
    return { manifest: trackDocument(doc, resolveTrackOptions(options, "track")).manifest, note };
  } catch (err) {
    if (err instanceof InboxlintError) return { manifest: [], note: `tracked URLs unavailable: ${err.message}` };
    throw err;
  }
}

/** Builds the snapshot of a linted document. */
export function snapshotOf(outcome: FileOutcome, doc: EmailDocument, sourceText: string): Snapshot {
  const r = outcome.result;
  const insp = inspectDocument(doc);
  const folds = foldsOf(outcome);
  const { manifest, note: trackNote } = trackManifest(doc, outcome);
  const byLink = new Map<number, ManifestEntry>();
  for (const e of manifest) byLink.set(e.index, e);
  // Numbered in the order they are listed: errors first, then by line.
  const ordered = [...r.messages].sort((a, b) => b.severity - a.severity || a.line - b.line || a.column - b.column);
  const findings = ordered.map(
    (m, i): SnapshotFinding => ({
      n: i + 1,
      ruleId: m.ruleId,
      severity: m.severity === 2 ? 'error' : 'warning',
      message: m.message,
      line: m.line,
      column: m.column,
      suggestions: (m.suggestions ?? []).map((s) => ({ desc: s.desc, text: s.fix.text })),
      target: findingTarget(doc, m),
    }),
  );
  const ctas = doc.ctas.map((c, i): SnapshotCta => {
    const ic = insp.ctas[i];
    const entry = c.link ? byLink.get(c.link.index) : c.vml ? byLink.get(c.vml.index) : undefined;
    const top = { mobile: ic.position.mobile.top, desktop: ic.position.desktop.top };
    return {
      n: c.index + 1,
      label: c.label,
      href: c.href,
      kind: c.kind,
      primary: c.primary,
      type: c.type,
      line: ic.line,
      top,
      measured: ic.position.mobile.measured,
      aboveFold: top.mobile <= folds.mobile && top.desktop <= folds.desktop,
      verdict: foldVerdict(top, folds),
      tracked: entry?.tracked ?? null,
      skipReason: entry?.skipReason ?? null,
      target: c.element.startIndex ?? null,
    };
  });
  const links = doc.links.map((l, i): SnapshotLink => {
    const il = insp.links[i];
    const entry = byLink.get(l.index);
    return {
      text: l.text,
      href: l.href,
      line: il.line,
      cta: il.ctaIndex === null ? null : il.ctaIndex + 1,
      whyNotCta: il.whyNotCta,
      type: il.type,
      tracked: entry?.tracked ?? null,
      skipReason: entry?.skipReason ?? null,
      target: l.isVml ? null : (l.element.startIndex ?? null),
    };
  });
  return {
    filePath: outcome.filePath,
    kind: doc.kind,
    subject: insp.subject.text,
    preheader: insp.preheader.text,
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    findings,
    ctas,
    links,
    folds,
    widths: { mobile: VIEWPORTS.mobile.width, desktop: VIEWPORTS.desktop.width },
    declaresDark: doc.darkTextRuns !== null,
    source: sourceText.split(/\r\n|\r|\n/),
    clients: clientsOf(outcome, doc),
    trackNote,
    note: r.note ?? null,
  };
}

/** The client matrix of a snapshot: what the model says (`clientMatrix`), each button's outcomes in words. */
export interface SnapshotClients extends Omit<ClientMatrix, 'buttons'> {
  /** Per button (every CTA styled as one, and the primary CTA): the clients (by name) where it degrades and how. */
  buttons: Array<{ label: string; line: number; primary: boolean; degrades: Array<{ clients: string[]; text: string }> }>;
}

/** The client matrix for the clients the config's `client-support` rule names (else `major`); null when it cannot be built. */
function clientsOf(outcome: FileOutcome, doc: EmailDocument): SnapshotClients | null {
  const spec = outcome.config?.rules['client-support']?.options?.clients;
  let m: ClientMatrix;
  try {
    m = clientMatrix(doc, resolveClients(Array.isArray(spec) ? (spec as string[]) : ['major']), caniemailInfo().updated);
  } catch {
    return null;
  }
  // Each button's outcomes in the words of the client-support rule.
  const buttons = m.buttons.map(({ outcomes, ...b }) => ({ ...b, degrades: outcomes.map((o) => ({ clients: o.clients.map(clientName), text: buttonOutcomeText(o) })) }));
  return { ...m, buttons };
}

/**
 * Lints one template and builds its snapshot. Never throws for a bad template or config: the
 * problem comes back as `error` (with the file and line), so a preview survives any save.
 */
export async function analyzeFile(file: string, options: AnalyzeOptions = {}): Promise<Analysis> {
  const filePath = resolve(file);
  const { prepare, session: lent, ...sessionOptions } = options;
  const session = lent ?? new Session(sessionOptions);
  let outcome: FileOutcome | undefined;
  try {
    outcome = (await session.lintFiles([{ path: filePath, explicit: true }], { prepare }))[0]!;
    if (!outcome.doc) {
      const fatal = outcome.result.messages.find((m) => m.fatal || m.ruleId === null);
      const e = outcome.inputError;
      return {
        error: { message: e?.message ?? fatal?.message ?? 'the template could not be read', filePath, ...(e?.line ? { line: e.line } : {}) },
        dependencies: dependenciesOf(filePath, outcome),
      };
    }
    // The text the findings' lines count in: the MJML source for .mjml, the message as written
    // for an .eml (unless its part could not be mapped back: then the decoded part), else the
    // linted HTML (the decoded file).
    const mapped = outcome.doc.kind === 'mjml' || (outcome.doc.kind === 'eml' && outcome.doc.facts.note !== EML_NOTE);
    const source = mapped ? (await readInputBytes(filePath, 0)).toString('utf8') : outcome.doc.text;
    // The model's answers for the page (CTAs, links, tracked URLs) under the file's time budget too.
    const budget = startBudget(outcome.config ? session.limitsFor(outcome.config).maxFileTime : undefined);
    const doc = outcome.doc;
    return {
      snapshot: withinBudget(budget, filePath, 'analysing this file', () => snapshotOf(outcome!, doc, source)),
      doc: outcome.doc,
      messages: outcome.result.messages,
      dependencies: dependenciesOf(filePath, outcome),
    };
  } catch (err) {
    if (!(err instanceof InboxlintError)) throw err;
    return {
      error: { message: err.message, filePath: err.filePath ?? filePath, ...(err.line ? { line: err.line } : {}) },
      dependencies: dependenciesOf(filePath, outcome),
    };
  } finally {
    if (!lent) await session.close();
  }
}
