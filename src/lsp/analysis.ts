/**
 * What the language server says about one document, computed through a Session (no LSP types
 * here): the findings with their spans in the file being edited and their edits as offsets in
 * its text, the CTAs and links the model found, the hover text of a link, the edits of inline
 * directives and of "fix all".
 */
import { extname } from 'node:path';
import { parseMjmlSource } from '../input/mjml-source.js';
import type { InputKind } from '../model/document.js';
import type { Span } from '../model/location.js';
import type { FileOutcome, Session } from '../session.js';
import { docsUrlOf } from '../rule.js';
import { fixesApplyTo } from '../engine/linter.js';
import { fixUntilStable } from '../engine/fix.js';
import { ConfigError, InboxlintError } from '../errors.js';

/** utm_campaign of the URLs a hover shows when the config names no campaign. */
export const PLACEHOLDER_CAMPAIGN = 'your-campaign';
import { inspectDocument, type InspectCta, type InspectLink } from '../inspect.js';
import { VIEWPORTS } from '../model/geometry.js';
import { belowFold, DEFAULT_FOLDS, foldsFromRules, type Folds } from '../model/fold.js';
import type { ManifestEntry } from '../rewrite/manifest.js';

/** An edit as offsets in the document's text. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
  desc: string;
}

export interface Finding {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  /** 1-based, in the file being edited (MJML source lines, .eml file lines). */
  span: Span;
  docsUrl?: string;
  fix?: OffsetEdit;
  suggestions: OffsetEdit[];
}

export interface LinkInfo extends InspectLink {
  span: Span;
  /** Index in the document's links (the track manifest's `index`). */
  linkIndex: number;
}

export interface CtaInfo extends InspectCta {
  span: Span;
}

export interface Analysis {
  filePath: string;
  kind: InputKind;
  /** The text that was linted: actions are offered only while the editor still holds it. */
  text: string;
  findings: Finding[];
  ctas: CtaInfo[];
  links: LinkInfo[];
  /** Fold lines in px (the file's cta-above-fold options, else the defaults). */
  fold: { mobile: number; desktop: number };
  /** What `track` would write for each link, by link index (filled on first hover). */
  tracked?: Map<number, ManifestEntry>;
  /** True when the config names no campaign and the tracked URLs use PLACEHOLDER_CAMPAIGN. */
  trackPlaceholder?: boolean;
  /** Why the document could not be linted (the finding says it too). */
  error?: string;
  outcome: FileOutcome;
  session: Session;
}

/** The input kind of a document, from its file name and the editor's language id. */
export function kindOf(filePath: string, languageId?: string): InputKind {
  const ext = extname(filePath).toLowerCase();
  if (ext === '.mjml' || languageId === 'mjml') return 'mjml';
  if (ext === '.eml' || languageId === 'eml') return 'eml';
  return 'html';
}

const offsetEdit = (e: { range: { start: number; end: number }; text: string }, desc: string): OffsetEdit => ({
  start: e.range.start,
  end: e.range.end,
  text: e.text,
  desc,
});

const foldOf = (outcome: FileOutcome): Folds => foldsFromRules(outcome.config?.rules);

/** Lints `text` as `filePath` through the session and gathers what the editor shows. */
export async function analyse(session: Session, input: { text: string; filePath: string; kind: InputKind }): Promise<Analysis> {
  let outcome: FileOutcome;
  try {
    outcome = await session.lintTextOutcome(input);
  } catch (err) {
    // A bad config or plugin: one finding at the top of the file naming it, instead of silence.
    if (!(err instanceof InboxlintError)) throw err;
    const message = err.filePath ? `${err.message} (${err.filePath})` : err.message;
    const span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const f: Finding = { ruleId: null, severity: 2, message, span, suggestions: [] };
    return { ...input, findings: [f], ctas: [], links: [], fold: { ...DEFAULT_FOLDS }, error: message, outcome: { filePath: input.filePath, result: { messages: [] } as never }, session };
  }
  const doc = outcome.doc;
  // Edits are offsets in the linted text: they reach the file only when that is the editor's text.
  const editable = !!doc && fixesApplyTo(doc) && doc.text === input.text;
  const rules = new Map(session.rules.map((r) => [r.id, r]));
  const findings = outcome.result.messages.map((m): Finding => {
    const rule = m.ruleId ? rules.get(m.ruleId) : undefined;
    const line = Math.max(1, m.line);
    return {
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      span: { line, column: Math.max(1, m.column), endLine: Math.max(line, m.endLine), endColumn: m.endLine < line ? Math.max(1, m.column) : Math.max(1, m.endColumn) },
      ...(rule && docsUrlOf(rule) ? { docsUrl: docsUrlOf(rule) } : {}),
      ...(editable && m.fix ? { fix: offsetEdit(m.fix, `Fix this ${m.ruleId ?? 'inboxlint'} problem`) } : {}),
      suggestions: editable ? (m.suggestions ?? []).map((s) => offsetEdit(s.fix, s.desc)) : [],
    };
  });
  const error = outcome.inputError?.message;
  if (!doc) return { ...input, findings, ctas: [], links: [], fold: foldOf(outcome), ...(error ? { error } : {}), outcome, session };
  const seen = inspectDocument(doc);
  const ctas = seen.ctas.map((c, i): CtaInfo => ({ ...c, span: doc.span(doc.ctas[i].range) }));
  const links = seen.links.map((l, i): LinkInfo => ({ ...l, span: doc.span(doc.range(doc.links[i].element)), linkIndex: i }));
  return { ...input, findings, ctas, links, fold: foldOf(outcome), outcome, session };
}

const before = (a: Span, line: number, column: number) => line < a.line || (line === a.line && column < a.column);
const after = (a: Span, line: number, column: number) => line > a.endLine || (line === a.endLine && column > a.endColumn);
const inside = (s: Span, line: number, column: number) => !before(s, line, column) && !after(s, line, column);
const size = (s: Span) => (s.endLine - s.line) * 1e6 + (s.endColumn - s.column);

/** The innermost link at a 1-based position, and what to say of it. */
export async function hoverAt(a: Analysis, line: number, column: number): Promise<{ markdown: string; span: Span } | undefined> {
  const hits = a.links.filter((l) => inside(l.span, line, column)).sort((x, y) => size(x.span) - size(y.span));
  const link = hits[0];
  if (!link) return undefined;
  const out: string[] = [];
  const cta = link.ctaIndex === null ? undefined : a.ctas.find((c) => c.index === link.ctaIndex);
  if (cta) {
    out.push(`**${cta.primary ? 'Primary CTA' : `CTA ${cta.index + 1}`}** "${cta.label || '(no label)'}" — ${cta.kind}, ${cta.type}`);
    out.push('', `Why a CTA: ${cta.reason}`);
    const where = (vp: 'mobile' | 'desktop', fold: number) => {
      const p = cta.position[vp];
      const name = vp === 'mobile' ? `phone (${VIEWPORTS.mobile.width} px)` : `desktop pane (${VIEWPORTS.desktop.width} px)`;
      return `- ${name}: top at ${p.top} px, fold ${fold} px — ${belowFold(p.top, fold) ? 'below' : 'above'} the fold (${p.measured ? 'measured' : 'estimated'})`;
    };
    out.push('', where('mobile', a.fold.mobile), where('desktop', a.fold.desktop));
  } else {
    out.push(`**Link, not a CTA**: ${link.whyNotCta ?? 'not a call to action'} — ${link.type}`);
  }
  const t = await trackedOf(a, link.linkIndex);
  if (t?.tracked) {
    out.push('', `Tracked URL: \`${t.tracked}\``);
    if (a.trackPlaceholder) out.push('', `(utm_campaign is a placeholder: set \`track.campaign\` in the config)`);
  } else out.push('', `Not tracked: ${t?.skipReason ?? link.skipReason ?? 'no tracking plan for this link'}`);
  return { markdown: out.join('\n'), span: link.span };
}

/** What `track` would write for a link, with the file's `track` config. */
async function trackedOf(a: Analysis, index: number): Promise<ManifestEntry | undefined> {
  if (!a.tracked) {
    a.tracked = new Map();
    const run = (options: Record<string, unknown>) => a.session.track({ text: a.text, filePath: a.filePath }, options);
    try {
      let r;
      try {
        r = await run({});
      } catch (err) {
        // No campaign in the config: show the URL with a placeholder campaign, and say so.
        if (!(err instanceof ConfigError && /campaign/.test(err.message))) throw err;
        r = await run({ campaign: PLACEHOLDER_CAMPAIGN });
        a.trackPlaceholder = true;
      }
      for (const e of r.manifest) a.tracked.set(e.index, e);
    } catch {
      // A text that cannot be tracked (or a bad track config): the hover says "not tracked".
    }
  }
  return a.tracked.get(index);
}

/** Offset of the start of 1-based `line` in `text`. */
function lineStart(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

/**
 * The edit that disables a finding's rule by an inline directive: `line` puts
 * `<!-- inboxlint-disable-next-line id -->` above the finding's line; `file` puts
 * `<!-- inboxlint-disable id -->` where it covers the whole document (after the doctype in HTML,
 * at the top of `<mj-head>` or `<mj-body>` in MJML). None for .eml (its HTML part is encoded).
 */
export function directiveEdit(text: string, kind: InputKind, f: Finding, scope: 'line' | 'file'): OffsetEdit | undefined {
  if (!f.ruleId || kind === 'eml') return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (scope === 'line') {
    const at = lineStart(text, f.span.line);
    const indent = /^[ \t]*/.exec(text.slice(at, at + 200))![0];
    return { start: at, end: at, text: `${indent}<!-- inboxlint-disable-next-line ${f.ruleId} -->${eol}`, desc: `Disable ${f.ruleId} for this line` };
  }
  const comment = `<!-- inboxlint-disable ${f.ruleId} -->`;
  if (kind === 'mjml') {
    const src = parseMjmlSource(text).elements;
    const root = src.find((e) => e.tag === 'mjml');
    if (!root) return undefined;
    // Only a comment inside <mj-head>'s <mj-raw> reaches the top of the compiled HTML; make one.
    const head = src.find((e) => e.tag === 'mj-head' && !e.selfClosing);
    const at = (head ?? root).startTag.end;
    const inner = `<mj-raw>${comment}</mj-raw>`;
    return { start: at, end: at, text: head ? `${eol}${inner}` : `${eol}<mj-head>${inner}</mj-head>`, desc: `Disable ${f.ruleId} for this file` };
  }
  const start = text.length - text.replace(/^\uFEFF?\s*/, '').length;
  const doctype = /^<!doctype/i.test(text.slice(start, start + 9)) ? text.indexOf('>', start) : -1;
  const at = doctype >= 0 ? doctype + 1 : 0;
  return { start: at, end: at, text: doctype >= 0 ? `${eol}${comment}` : `${comment}${eol}`, desc: `Disable ${f.ruleId} for this file` };
}

/** The text with every fix applied, pass after pass (as `lint --fix`); undefined when nothing applies. */
export async function fixAll(session: Session, a: Analysis): Promise<string | undefined> {
  if (!a.outcome.doc || !fixesApplyTo(a.outcome.doc) || a.outcome.doc.text !== a.text) return undefined;
  const fixed = await fixUntilStable(
    a.text,
    a.outcome,
    (text) => session.lintTextOutcome({ text, filePath: a.filePath, kind: a.kind }),
    (x) => (x.doc ? x.result : undefined),
  );
  return fixed.text;
}
