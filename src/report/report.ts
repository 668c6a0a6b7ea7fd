/**
 * `inboxlint report`: one self-contained HTML file for a set of templates — a summary table
 * (errors, warnings, primary CTA, above the fold or not) and per template the annotated phone
 * and desktop screenshots, the findings with their suggestions, and the CTA and link tables
 * with micro-conversion types and tracked URLs. Screenshots are inlined as data: URIs and the
 * styles are inline, so the file makes no request at all (its CSP says so too) and can be
 * mailed, archived as a CI artifact or printed.
 *
 * Geometry is measured: each template is loaded once per view (src/render/load.ts), the
 * findings are made on those boxes, and the same loads are photographed and annotated, in one
 * browser for the run.
 */
import { clientsBlock } from './clients.js';
import { relative } from 'node:path';
import { Session, type SessionOptions } from '../session.js';
import { analyzeFile, type Snapshot, type SnapshotError } from '../snapshot.js';
import type { ResolveOptions } from '../config/resolve.js';
import type { Renderer } from '../render/renderer.js';
import type { TemplateLoad } from '../render/load.js';
import { InboxlintError } from '../errors.js';
import type { EmailDocument } from '../model/document.js';
import { escapeHtml as esc } from '../escape.js';
import { REPORT_CSS } from './style.js';
import { ruleById } from '../../rules/index.js';

export interface ReportOptions extends ResolveOptions, Pick<SessionOptions, 'checkLinks' | 'allowPrivate' | 'spam' | 'rendered'> {
  /** Chromium executable (else INBOXLINT_CHROMIUM, Playwright's, the system's, the npm package's). */
  chromium?: string;
  /**
   * The renderer to use, from its owner (e.g. a session's `renderer()`), who closes it; without
   * one a browser is launched for the run and closed.
   */
  renderer?: () => Promise<Renderer>;
  /** The report's date (default now). */
  date?: Date;
  /** Clicks per utm_content (`report --clicks`): each CTA's share, on the pictures and its card (the click map). */
  clicks?: ReadonlyMap<string, number>;
}

/** An annotated screenshot (from src/render's renderTemplate), inlined. */
export interface Screenshot {
  viewport: string;
  /** `data:image/png;base64,…` */
  dataUri: string;
  /** Size in CSS px. */
  width: number;
  height: number;
  bytes: number;
}

export interface ReportEntry {
  filePath: string;
  snapshot?: Snapshot;
  error?: SnapshotError;
  shots: Screenshot[];
  /** The phone picture of each CTA with its surroundings, by CTA number (`data:` PNG URIs). */
  ctaShots?: Record<number, string>;
}

// — Score ———————————————————————————————————————————————————————————————————————

/** What one finding costs, and the most one rule can cost a template. */
const SCORE_WEIGHTS = { error: 10, warning: 3, perRule: 20 } as const;

/**
 * A template's score out of 100: `100 − Σ over rules of min(20, 10 × errors + 3 × warnings)`,
 * never below 0. Each rule costs at most 20 points, so twenty copies of one problem weigh like
 * two errors, and three different problems weigh more than one repeated.
 */
export function templateScore(s: Pick<Snapshot, 'findings'>): number {
  return Math.max(0, 100 - ruleCosts(s).reduce((n, r) => n + r.cost, 0));
}

export interface RuleCost {
  ruleId: string;
  errors: number;
  warnings: number;
  /** Points this rule takes off the score (what fixing it gains). */
  cost: number;
}

/** Per rule: its findings and what they cost, the costliest first (errors before warnings on a tie). */
export function ruleCosts(s: Pick<Snapshot, 'findings'>): RuleCost[] {
  const by = new Map<string, RuleCost>();
  for (const f of s.findings) {
    const id = f.ruleId ?? 'inboxlint';
    const r = by.get(id) ?? { ruleId: id, errors: 0, warnings: 0, cost: 0 };
    if (f.severity === 'error') r.errors++;
    else r.warnings++;
    by.set(id, r);
  }
  for (const r of by.values()) r.cost = Math.min(SCORE_WEIGHTS.perRule, SCORE_WEIGHTS.error * r.errors + SCORE_WEIGHTS.warning * r.warnings);
  return [...by.values()].sort((a, b) => b.cost - a.cost || b.errors - a.errors || a.ruleId.localeCompare(b.ruleId));
}

const grade = (score: number) => (score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor');

export interface Report {
  html: string;
  entries: ReportEntry[];
}

/**
 * Lints each file with its geometry measured in Chromium, then has src/render draw the
 * annotated phone and desktop pictures of exactly those findings; one browser for the run.
 */
export async function buildReport(files: readonly string[], options: ReportOptions = {}): Promise<Report> {
  const { chromium, renderer: lent, date, checkLinks, allowPrivate, spam, rendered, clicks, ...resolve } = options;
  const render = await import('../render/render.js');
  const clickMap = clicks ? await import('../results/click-map.js') : undefined;
  // One session for the run; its browser (or the lent one) starts first, so a missing browser fails before any work.
  const session = new Session({ ...resolve, chromium, checkLinks, allowPrivate, spam, rendered });
  const renderer: Renderer = lent ? await lent() : await session.renderer();
  const entries: ReportEntry[] = [];
  try {
    for (const file of files) entries.push(await reportEntry(file, session, renderer, render, clicks && clickMap ? (doc) => clickMap.ctaClickNotes(doc, clicks) : undefined));
  } finally {
    await session.close();
  }
  return { html: reportHtml(entries, { cwd: resolve.cwd ?? process.cwd(), date: date ?? new Date() }), entries };
}

/**
 * One template's entry: the template is loaded once per view, linted on those boxes (the
 * analysis), and the same loads are photographed and annotated with its findings.
 */
async function reportEntry(
  file: string,
  session: Session,
  renderer: Renderer,
  render: typeof import('../render/render.js'),
  notesOf?: (doc: EmailDocument) => Map<number, string>,
): Promise<ReportEntry> {
  let load: TemplateLoad | undefined;
  const prepare = async (doc: EmailDocument) => {
    load = await render.openTemplate(doc, { renderer });
    return doc.withFacts({ measured: await load.measure() });
  };
  try {
    const a = await analyzeFile(file, { session, prepare });
    const entry: ReportEntry = { filePath: a.snapshot?.filePath ?? a.error?.filePath ?? file, shots: [] };
    if (a.snapshot) entry.snapshot = a.snapshot;
    if (a.error) entry.error = a.error;
    if (a.doc && a.snapshot && load) {
      try {
        const ctaNotes = notesOf?.(a.doc);
        for (const c of a.snapshot.ctas) if (ctaNotes?.has(c.n)) c.clicks = ctaNotes.get(c.n);
        const { views } = await render.drawTemplate(load, a.doc, a.messages ?? [], { renderer, folds: a.snapshot.folds, outputs: ['annotated', 'ctas'], ctaNotes });
        const phone = views.find((v) => v.view.name === 'mobile');
        if (phone?.ctaCrops) entry.ctaShots = Object.fromEntries([...phone.ctaCrops].map(([n, png]) => [n, `data:image/png;base64,${png.toString('base64')}`]));
        for (const v of views) {
          if (!v.annotated) continue;
          entry.shots.push({
            viewport: v.view.name,
            dataUri: `data:image/png;base64,${v.annotated.toString('base64')}`,
            width: v.layout.annotated?.width ?? v.view.width,
            height: v.layout.annotated?.height ?? v.layout.scrollHeight,
            bytes: v.annotated.length,
          });
        }
      } catch (err) {
        if (!(err instanceof InboxlintError)) throw err;
        entry.error = { message: err.message, filePath: entry.filePath };
      }
    }
    return entry;
  } finally {
    await (load as TemplateLoad | undefined)?.close();
  }
}

// — HTML ———————————————————————————————————————————————————————————————————————

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function display(filePath: string, cwd: string): string {
  const r = relative(cwd, filePath);
  return r && !r.startsWith('..') ? r : filePath;
}

function countBadges(s: Snapshot): string {
  const out: string[] = [];
  if (s.errorCount) out.push(`<span class="count error">${plural(s.errorCount, 'error')}</span>`);
  if (s.warningCount) out.push(`<span class="count warning">${plural(s.warningCount, 'warning')}</span>`);
  if (!out.length) out.push('<span class="count clean">clean</span>');
  return out.join(' ');
}

function foldCell(s: Snapshot): string {
  const p = s.ctas.find((c) => c.primary);
  if (!p) return '<span class="muted">no primary CTA</span>';
  const how = p.measured ? 'measured' : 'estimated';
  const where = `${p.verdict} (${how})`;
  return p.aboveFold
    ? `<span class="yes">✓ above the fold</span><div class="muted small">${esc(where)}</div>`
    : `<span class="no">✗ below the fold</span><div class="muted small">${esc(where)}</div>`;
}

function summary(entries: readonly ReportEntry[], cwd: string): string {
  const rows = entries.map((e, i) => {
    const name = `<a href="#t${i + 1}">${esc(display(e.filePath, cwd))}</a>`;
    if (!e.snapshot) return `<tr><td>${name}</td><td colspan="5" class="fatal">${esc(e.error?.message ?? 'not linted')}</td></tr>`;
    const s = e.snapshot;
    const p = s.ctas.find((c) => c.primary);
    const score = templateScore(s);
    return `<tr><td>${name}</td><td class="n"><span class="score ${grade(score)}">${score}</span></td><td class="n ${s.errorCount ? 'error' : ''}">${s.errorCount}</td><td class="n ${s.warningCount ? 'warning' : ''}">${s.warningCount}</td>` +
      `<td>${p ? `${esc(p.label || '(no label)')} <span class="type">${esc(p.type)}</span>` : '<span class="muted">none</span>'}</td><td>${foldCell(s)}</td></tr>`;
  });
  return `<table class="summary"><thead><tr><th>Template</th><th class="n">Score</th><th class="n">Errors</th><th class="n">Warnings</th><th>Primary CTA</th><th>Above the fold</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function shotFigure(s: Screenshot): string {
  const label = s.viewport === 'mobile' ? 'Phone · 375 px' : 'Desktop · 600 px';
  return `<figure class="shot ${s.viewport}"><figcaption>${label}</figcaption>` +
    `<img src="${s.dataUri}" width="${s.width}" height="${s.height}" alt="${esc(`${label} screenshot`)}"></figure>`;
}

/** The findings grouped by rule (costliest first), each group with its count and every finding's line, message and suggestions. */
function findingsByRule(s: Snapshot): string {
  if (!s.findings.length) return '<p class="muted">No findings.</p>';
  const groups = ruleCosts(s).map((r) => {
    const items = s.findings.filter((f) => (f.ruleId ?? 'inboxlint') === r.ruleId);
    const counts = [r.errors ? `<span class="count error">${plural(r.errors, 'error')}</span>` : '', r.warnings ? `<span class="count warning">${plural(r.warnings, 'warning')}</span>` : ''].join(' ');
    const list = items.map((f) => {
      const sugg = f.suggestions.length ? `<ul class="sugg">${f.suggestions.map((x) => `<li>${esc(x.desc)}</li>`).join('')}</ul>` : '';
      return `<li class="finding ${f.severity}"><span class="loc">line ${f.line}</span> ${esc(f.message)}${sugg}</li>`;
    });
    return `<details class="rule-group" open><summary><code>${esc(r.ruleId)}</code> <b>× ${items.length}</b> ${counts} <span class="muted small">−${r.cost} points</span></summary><ol class="findings">${list.join('')}</ol></details>`;
  });
  return groups.join('');
}

/** The three rules whose fixing gains the most points, with what to do. */
function topFixes(s: Snapshot): string {
  const top = ruleCosts(s).slice(0, 3);
  if (!top.length) return '';
  const items = top.map((r) => {
    const rule = ruleById.get(r.ruleId);
    const first = s.findings.find((f) => (f.ruleId ?? 'inboxlint') === r.ruleId)!;
    const n = r.errors + r.warnings;
    return `<li><div class="fix-head"><code>${esc(r.ruleId)}</code> <span class="muted small">${plural(n, 'finding')} · +${r.cost} points</span></div>` +
      `<div>${esc(rule?.description ?? first.message)}</div>${rule?.guidance ? `<div class="muted small">${esc(rule.guidance)}</div>` : ''}` +
      `<div class="small example">e.g. line ${first.line}: ${esc(first.message)}</div></li>`;
  });
  return `<ol class="top-fixes">${items.join('')}</ol>`;
}

function urlBlock(tracked: string | null, skip: string | null): string {
  if (tracked) return `<div class="url tracked">${esc(tracked)}</div>`;
  return `<div class="muted small">not tracked${skip ? `: ${esc(skip)}` : ''}</div>`;
}

/** A card per CTA: its picture on the phone, label, micro-conversion, fold verdict and tracked URL. */
function ctaCards(s: Snapshot, shots: Record<number, string> = {}): string {
  if (!s.ctas.length) return '<p class="muted">No calls to action found.</p>';
  const cards = s.ctas.map((c) => {
    const pic = shots[c.n] ? `<img src="${shots[c.n]}" alt="${esc(`CTA ${c.n} on the phone`)}">` : '<div class="muted small no-pic">not drawn on the phone</div>';
    return `<div class="cta-card${c.primary ? ' primary' : ''}"><div class="cta-pic">${pic}</div><div class="cta-body">` +
      `<div><span class="num ${c.primary ? 'primary' : ''}">${c.n}</span> <b>${esc(c.label || '(no label)')}</b>${c.primary ? ' <span class="muted small">primary</span>' : ''} <span class="type">${esc(c.type)}</span></div>` +
      `<div class="small ${c.aboveFold ? 'yes' : 'no'}">${esc(c.verdict)}</div>` +
      (c.clicks ? `<div class="small"><b>${esc(c.clicks)}</b></div>` : '') +
      `<div class="url">${esc(c.href || '(empty)')}</div>${urlBlock(c.tracked, c.skipReason)}</div></div>`;
  });
  return `<div class="cta-cards">${cards.join('')}</div>`;
}

function ctaTable(s: Snapshot): string {
  if (!s.ctas.length) return '<p class="muted">No calls to action found.</p>';
  const rows = s.ctas.map(
    (c) =>
      `<tr><td><span class="num ${c.primary ? 'primary' : ''}">${c.n}</span></td><td>${esc(c.label || '(no label)')}${c.primary ? '<div class="muted small">primary</div>' : ''}</td>` +
      `<td><span class="type">${esc(c.type)}</span><div class="muted small">${esc(c.kind)}</div></td>` +
      `<td><div class="url">${esc(c.href || '(empty)')}</div>${urlBlock(c.tracked, c.skipReason)}</td>` +
      `<td class="small">${c.top.mobile} / ${c.top.desktop} px<div class="muted">${c.measured ? 'measured' : 'estimated'}</div></td></tr>`,
  );
  return `<table class="ctas"><thead><tr><th>#</th><th>Label</th><th>Micro-conversion</th><th>Destination → tracked URL</th><th>Top (phone / desktop)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function linkTable(s: Snapshot): string {
  if (!s.links.length) return '<p class="muted">No links.</p>';
  const rows = s.links.map(
    (l) =>
      `<tr><td>${esc(l.text || '(no text)')}</td><td>${l.cta ? `<span class="num">${l.cta}</span>` : `<span class="muted small">${esc(l.whyNotCta ?? '')}</span>`}</td>` +
      `<td><span class="type">${esc(l.type)}</span></td><td><div class="url">${esc(l.href || '(empty)')}</div>${urlBlock(l.tracked, l.skipReason)}</td><td class="small">${l.line}</td></tr>`,
  );
  return `<table class="links"><thead><tr><th>Text</th><th>CTA</th><th>Type</th><th>Destination → tracked URL</th><th>Line</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function templateSection(e: ReportEntry, i: number, cwd: string): string {
  const name = esc(display(e.filePath, cwd));
  if (!e.snapshot) {
    return `<section class="template" id="t${i + 1}"><h2><span class="idx">${i + 1}</span>${name}</h2><div class="fatal-box">${esc(e.error?.message ?? 'not linted')}</div></section>`;
  }
  const s = e.snapshot;
  const meta =
    `<dl class="meta"><dt>Subject</dt><dd>${s.subject ? esc(s.subject) : '<span class="muted">none found</span>'}</dd>` +
    `<dt>Preheader</dt><dd>${s.preheader ? esc(s.preheader) : '<span class="muted">none found</span>'}</dd>` +
    `<dt>Type</dt><dd>${esc(s.kind.toUpperCase())}${s.note ? ` <span class="muted small">(${esc(s.note)})</span>` : ''}</dd></dl>`;
  const problem = e.error ? `<div class="fatal-box">${esc(e.error.message)}</div>` : '';
  const legend =
    '<p class="legend">On the pictures: the fold line, each CTA framed with its number in the margin (★ the primary), and numbered markers beside the elements with findings, ' +
    'explained in the legend on the right (dashed red: error, amber: warning). Remote images are not fetched: grey placeholders of their declared size.</p>';
  const score = templateScore(s);
  return `<section class="template" id="t${i + 1}">
<h2><span class="idx">${i + 1}</span>${name} ${countBadges(s)} <span class="score big ${grade(score)}" title="100 − per rule min(20, 10 × errors + 3 × warnings)">${score}<small>/100</small></span></h2>
${meta}${problem}
${s.findings.length ? `<h3>The three fixes that matter most</h3>${topFixes(s)}` : ''}
<h3>Calls to action</h3>${ctaCards(s, e.ctaShots)}
<div class="shots">${e.shots.map(shotFigure).join('')}</div>${e.shots.length ? legend : ''}
<h3>Findings by rule</h3>${findingsByRule(s)}
<details class="cta-table" open><summary>CTA table</summary>${ctaTable(s)}</details>
${clientsBlock(s)}
<h3>Links</h3>${linkTable(s)}${s.trackNote ? `<p class="muted small">Tracked URLs: ${esc(s.trackNote)}.</p>` : ''}
</section>`;
}

/** The report page. Every template-derived string goes through `esc`. */
export function reportHtml(entries: readonly ReportEntry[], ctx: { cwd: string; date: Date }): string {
  const ok = entries.filter((e) => e.snapshot);
  const errors = ok.reduce((n, e) => n + e.snapshot!.errorCount, 0);
  const warnings = ok.reduce((n, e) => n + e.snapshot!.warningCount, 0);
  const below = ok.filter((e) => e.snapshot!.ctas.some((c) => c.primary && !c.aboveFold)).length;
  const average = ok.length ? Math.round(ok.reduce((n, e) => n + templateScore(e.snapshot!), 0) / ok.length) : null;
  const stamp = ctx.date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>inboxlint report · ${plural(entries.length, 'template')}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
  <div><div class="brand">inboxlint</div><h1>Email report</h1><p class="muted">${esc(stamp)} · ${plural(entries.length, 'template')}</p></div>
  <div class="totals">
    ${average === null ? '' : `<div class="tot"><b class="score-text ${grade(average)}">${average}</b><span>average score</span></div>`}
    <div class="tot ${errors ? 'error' : ''}"><b>${errors}</b><span>errors</span></div>
    <div class="tot ${warnings ? 'warning' : ''}"><b>${warnings}</b><span>warnings</span></div>
    <div class="tot ${below ? 'error' : ''}"><b>${below}</b><span>primary CTA below the fold</span></div>
  </div>
</header>
<main>
<h2 class="section">Summary</h2>
${summary(entries, ctx.cwd)}
${entries.map((e, i) => templateSection(e, i, ctx.cwd)).join('\n')}
</main>
<footer class="muted small">Score: 100 − the sum over rules of min(${SCORE_WEIGHTS.perRule}, ${SCORE_WEIGHTS.error} × errors + ${SCORE_WEIGHTS.warning} × warnings); 90 and up is good, 70 and up fair. Screenshots rendered in headless Chromium with scripts off and no network; positions measured in that render. Thresholds and their sources: <code>inboxlint rules &lt;id&gt;</code>.</footer>
</body>
</html>
`;
}
