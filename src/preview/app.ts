/**
 * The preview page's script (runs in the viewer's browser; served by server.ts as the build's
 * output, `/assets/preview/app.js`, a module that imports `/assets/render/collect.js`). It
 * fetches `/api/state`, builds every node with `textContent` (nothing from a template becomes
 * markup), draws the fold, CTA boxes and the selected finding over each view, and measures the
 * views with the render's own in-page function (src/render/collect.ts `collectBoxes`), posting
 * the boxes back so the verdicts are about what the views show. Its types are the server's
 * (type-only imports: nothing of the server reaches the browser).
 */
import { collectBoxes, collectPageSize } from '../render/collect.js';
import type { Viewport } from '../model/geometry.js';
import type { PreviewState } from './server.js';
import type { SnapshotFinding } from '../snapshot.js';

type Vp = Viewport;
type State = PreviewState;
type Finding = SnapshotFinding;
type Snap = NonNullable<State['snapshot']>;

const VPS: Vp[] = ['mobile', 'desktop'];
let state: State | null = null;
let scheme = 'light';
let images = 'on';
let show = 'both';
let loadToken = 0;
const WIDTHS: Record<Vp, number> = { mobile: 375, desktop: 600 };
let selected: { target: number | null; line: number; key: string } | null = null;
let framesFor = -1;
const byId = (id: string) => document.getElementById(id) as HTMLElement;
const view = (vp: Vp) => document.querySelector(`.view[data-vp="${vp}"]`) as HTMLElement;
const frameOf = (vp: Vp) => view(vp).querySelector('iframe') as HTMLIFrameElement;
const overlayOf = (vp: Vp) => view(vp).querySelector('.overlay') as HTMLElement;
let scale = 1;

/**
 * Scales the shown views to fit beside the sidebar (never above 1:1). A view not shown stays
 * laid out off screen, so both are always measured.
 */
function fit(): void {
  const views = document.querySelector('.views') as HTMLElement;
  const shown = VPS.filter((vp) => show === 'both' || show === vp);
  const style = getComputedStyle(views);
  const gap = parseFloat(style.columnGap) || 0;
  const scrollbar = 16;
  const avail = views.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - gap * (shown.length - 1) - scrollbar * shown.length;
  const natural = shown.reduce((n, vp) => n + WIDTHS[vp], 0);
  scale = Math.max(0.2, Math.min(1, avail / natural));
  for (const vp of VPS) {
    const v = view(vp);
    v.classList.toggle('off', !shown.includes(vp));
    const frame = frameOf(vp);
    const h = parseFloat(frame.style.height) || (vp === 'mobile' ? 667 : 800);
    const fitBox = v.querySelector('.fit') as HTMLElement;
    const stage = v.querySelector('.stage') as HTMLElement;
    stage.style.width = `${WIDTHS[vp]}px`;
    stage.style.transform = `scale(${scale})`;
    fitBox.style.width = `${WIDTHS[vp] * scale}px`;
    fitBox.style.height = `${h * scale}px`;
    v.style.width = `${WIDTHS[vp] * scale + scrollbar}px`;
    (v.querySelector('.view-name') as HTMLElement).dataset.scale = scale < 0.995 ? ` · ${Math.round(scale * 100)}%` : '';
  }
  document.body.dataset.scale = scale.toFixed(3);
}

/** The editor link of a finding: the configured pattern with `{file}` (absolute, `/`-separated, leading `/`), `{line}`, `{column}`. */
function editorHref(file: string, line: number, column: number): string {
  const pattern = state?.editorUrl ?? 'vscode://file{file}:{line}:{column}';
  const path = file.split(String.fromCharCode(92)).join('/');
  const abs = encodeURI(path.startsWith('/') ? path : `/${path}`);
  return pattern.split('{file}').join(abs).split('{line}').join(String(line)).split('{column}').join(String(column));
}

/** Sends the boxes measured in both views, so the verdicts are about what they show. */
async function postMeasured(token: number): Promise<void> {
  if (!state || token !== loadToken) return;
  const viewports: Record<string, number[][]> = {};
  const pages: Record<string, number[]> = {};
  for (const vp of VPS) {
    const doc = frameOf(vp).contentDocument;
    if (!doc || !doc.documentElement) return;
    viewports[vp] = collectBoxes(doc);
    pages[vp] = collectPageSize(doc);
  }
  const body = JSON.stringify({ docVersion: state.docVersion, scheme, images, viewports, pages });
  await fetch('/api/measured', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }).catch(() => undefined);
}

function el(tag: string, cls?: string | null, ...kids: Array<Node | string | null | undefined | false>): HTMLElement {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const k of kids) if (k !== null && k !== undefined && k !== false) e.append(typeof k === 'string' ? document.createTextNode(k) : k);
  return e;
}

/** The box of the element with `data-il="target"` in a view, measured as the render measures it (null: not displayed). */
function box(doc: Document, target: number): { top: number; left: number; width: number; height: number } | null {
  const [row] = collectBoxes(doc, target);
  return row ? { top: row[1], left: row[2], width: row[3], height: row[4] } : null;
}

function place(e: HTMLElement, b: { top: number; left: number; width: number; height: number }, pad = 0): HTMLElement {
  e.style.top = `${b.top - pad}px`;
  e.style.left = `${b.left - pad}px`;
  e.style.width = `${b.width + 2 * pad}px`;
  e.style.height = `${b.height + 2 * pad}px`;
  return e;
}

function drawOverlay(vp: Vp): void {
  const snap = state?.snapshot;
  const frame = frameOf(vp);
  const doc = frame.contentDocument;
  const layer = overlayOf(vp);
  layer.replaceChildren();
  if (!snap || !doc || !doc.documentElement) return;
  const h = Math.max(doc.documentElement.scrollHeight, doc.body ? doc.body.scrollHeight : 0, vp === 'mobile' ? 667 : 800);
  frame.style.height = `${h}px`;
  fit();
  const fold = el('div', 'fold', el('span', null, `fold · ${snap.folds[vp]} px`));
  fold.style.top = `${snap.folds[vp]}px`;
  layer.append(fold);
  for (const c of snap.ctas) {
    if (c.target === null) continue;
    const b = box(doc, c.target);
    if (!b) continue;
    layer.append(place(el('div', c.primary ? 'ctabox primary' : 'ctabox', el('b', null, (c.primary ? `${c.n} ★ primary` : String(c.n)) + (c.clicks ? ` · ${c.clicks}` : ''))), b, 2));
  }
  let note = '';
  if (selected && selected.target !== null) {
    const b = box(doc, selected.target);
    if (b) layer.append(place(el('div', 'hl'), b, 3));
    else note = 'not displayed at this width';
  } else if (selected) note = 'applies to the whole email';
  (view(vp).querySelector('.view-note') as HTMLElement).textContent = note;
}

function scrollToSelected(): void {
  if (!selected || selected.target === null) return;
  for (const vp of VPS) {
    const doc = frameOf(vp).contentDocument;
    const b = doc && box(doc, selected.target);
    if (b) (view(vp).querySelector('.pane') as HTMLElement).scrollTo({ top: Math.max(0, (b.top - 120) * scale), behavior: 'smooth' });
  }
}

function loadFrames(): void {
  if (!state) return;
  framesFor = state.docVersion;
  const token = ++loadToken;
  const settled = new Set<Vp>();
  for (const vp of VPS) {
    const f = frameOf(vp);
    f.onload = () => {
      const doc = f.contentDocument;
      // Links in the email do not navigate the view away.
      doc?.addEventListener('click', (ev) => ev.preventDefault(), true);
      doc?.addEventListener('submit', (ev) => ev.preventDefault(), true);
      drawOverlay(vp);
      // Late layout (fonts, images) moves boxes: draw again once it settles, then measure.
      setTimeout(() => {
        drawOverlay(vp);
        settled.add(vp);
        if (settled.size === VPS.length) void postMeasured(token);
      }, 250);
    };
    f.src = `/frame/${vp}?scheme=${scheme}&images=${images}&v=${state.docVersion}`;
  }
}

function showSource(line: number, title: string): void {
  const src = byId('source');
  const lines = state?.snapshot?.source ?? [];
  if (!line || !lines.length) {
    src.hidden = true;
    return;
  }
  const from = Math.max(1, line - 4);
  const to = Math.min(lines.length, line + 4);
  const pre = el('pre');
  for (let i = from; i <= to; i++) pre.append(el('span', i === line ? 'ln at' : 'ln', el('i', null, String(i)), lines[i - 1] ?? ''));
  src.replaceChildren(el('div', 'src-head', title), pre);
  src.hidden = false;
}

function select(target: number | null, line: number, key: string, title: string): void {
  selected = { target, line, key };
  document.querySelectorAll('.selected').forEach((e) => e.classList.remove('selected'));
  document.querySelectorAll(`[data-key="${CSS.escape(key)}"]`).forEach((e) => e.classList.add('selected'));
  for (const vp of VPS) drawOverlay(vp);
  scrollToSelected();
  showSource(line, title);
}

function openLink(file: string, line: number, column: number): HTMLElement {
  const a = el('a', 'open', 'open in editor') as HTMLAnchorElement;
  a.href = editorHref(file, line, column);
  a.title = a.href;
  a.addEventListener('click', (ev) => ev.stopPropagation());
  return a;
}

function findingKey(f: Finding): string {
  return `f:${f.ruleId}:${f.line}:${f.column}:${f.message}`;
}

function renderFindings(snap: Snap): void {
  const panel = byId('panel-findings');
  const list = el('ul', 'findings');
  const sorted = snap.findings;
  for (const f of sorted) {
    const key = findingKey(f);
    const item = el(
      'li',
      `finding ${f.severity}`,
      el('div', 'f-head', el('span', `sev ${f.severity}`, f.severity), el('code', 'rule', f.ruleId ?? 'inboxlint'), el('span', 'loc', `line ${f.line}`, openLink(snap.filePath, f.line, f.column))),
      el('p', 'msg', f.message),
      f.suggestions.length ? el('ul', 'sugg', ...f.suggestions.map((s) => el('li', null, s.desc))) : null,
    );
    item.dataset.key = key;
    item.tabIndex = 0;
    const pick = () => select(f.target, f.line, key, `${f.ruleId ?? 'inboxlint'} · line ${f.line}`);
    item.addEventListener('click', pick);
    item.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        pick();
      }
    });
    list.append(item);
  }
  panel.replaceChildren(snap.findings.length ? list : el('p', 'empty', 'No findings. Nice.'));
  if (snap.note) panel.append(el('p', 'note', `Lines: ${snap.note}.`));
  byId('n-findings').textContent = String(snap.findings.length);
}

function urlCell(tracked: string | null, skip: string | null): HTMLElement {
  if (tracked) return el('td', null, el('span', 'url tracked', tracked));
  return el('td', null, el('span', 'skip', skip ? `not tracked: ${skip}` : 'not tracked'));
}

function renderCtas(snap: Snap): void {
  const panel = byId('panel-ctas');
  panel.replaceChildren();
  panel.append(el('h3', null, `Calls to action (${snap.ctas.length})`));
  if (snap.ctas.length) {
    const t = el('table', 'ctas', el('thead', null, el('tr', null, el('th', null, '#'), el('th', null, 'Label'), el('th', null, 'Type'), el('th', null, 'Destination → tracked'))));
    const body = el('tbody');
    for (const c of snap.ctas) {
      const key = `c:${c.n}`;
      const dest = el('td', null, el('div', 'url', c.href || '(empty)'), c.tracked ? el('div', 'url tracked', c.tracked) : el('div', 'skip', c.skipReason ? `not tracked: ${c.skipReason}` : 'not tracked'));
      const row = el(
        'tr',
        'row',
        el('td', null, el('span', c.primary ? 'num primary' : 'num', String(c.n))),
        el('td', null, c.label || '(no label)', el('div', 'skip', `${c.primary ? 'primary · ' : ''}${c.verdict}${c.clicks ? ` · ${c.clicks}` : ''}`)),
        el('td', null, el('span', 'type', c.type)),
        dest,
      );
      row.dataset.key = key;
      row.addEventListener('click', () => select(c.target, c.line, key, `CTA ${c.n} · line ${c.line}`));
      body.append(row);
    }
    t.append(body);
    panel.append(t);
  } else panel.append(el('p', 'empty', 'No calls to action found.'));
  panel.append(el('h3', null, `Links (${snap.links.length})`));
  if (snap.links.length) {
    const t = el('table', 'links', el('thead', null, el('tr', null, el('th', null, 'Text'), el('th', null, 'Destination'), el('th', null, 'Role'), el('th', null, 'Tracked URL'))));
    const body = el('tbody');
    snap.links.forEach((l, i) => {
      const key = `l:${i}`;
      const row = el(
        'tr',
        'row',
        el('td', null, l.text || '(no text)'),
        el('td', null, el('span', 'url', l.href || '(empty)')),
        el('td', null, l.cta ? el('span', 'num', String(l.cta)) : el('span', 'skip', l.whyNotCta ?? ''), ' ', el('span', 'type', l.type)),
        urlCell(l.tracked, l.skipReason),
      );
      row.dataset.key = key;
      row.addEventListener('click', () => select(l.target, l.line, key, `link · line ${l.line}`));
      body.append(row);
    });
    t.append(body);
    panel.append(t);
  }
  if (snap.trackNote) panel.append(el('p', 'note', `Tracked URLs: ${snap.trackNote}.`));
  renderClients(panel, snap);
  byId('n-ctas').textContent = String(snap.ctas.length);
}

/** The mail clients block: client × feature matrix with counts, and per button the clients where it degrades. */
function renderClients(panel: HTMLElement, snap: Snap): void {
  const m = snap.clients;
  if (!m) return;
  const marks: Record<string, string> = { n: '✗', a: '◐', d: '↘', u: '?' };
  panel.append(el('h3', null, `Mail clients (caniemail data of ${m.data})`));
  if (m.features.length) {
    const t = el('table', 'clients-m', el('thead', null, el('tr', null, el('th', 'f', 'Feature'), ...m.clients.map((c) => el('th', null, c.name)))));
    const body = el('tbody', null, el('tr', null, el('td', 'f skip', '✗ / ◐ / ↘'), ...m.clients.map((c) => el('td', 'skip', `${c.broken}/${c.partial}/${c.degrades}`))));
    for (const f of m.features) {
      const row = el('tr', 'row', el('td', 'f', f.title, el('span', 'skip', ` ${f.lines.slice(0, 4).join(', ')}${f.lines.length > 4 ? ', …' : ''}`)), ...m.clients.map((c) => el('td', f.cells[c.id] ?? '', marks[f.cells[c.id] ?? ''] ?? '')));
      row.addEventListener('click', () => select(null, f.lines[0], `f:${f.slug}`, `${f.title} · line ${f.lines[0]}`));
      body.append(row);
    }
    t.append(body);
    panel.append(t, el('p', 'note', '✗ not supported · ◐ partly supported · ↘ degrades to a fallback · ? unknown'));
  } else panel.append(el('p', 'empty', 'Every chosen client supports every feature this template uses.'));
  for (const b of m.buttons) {
    const what = b.degrades.length ? b.degrades.map((d) => `in ${d.clients.join(', ')} it ${d.text}`).join('; ') : 'the same button in every chosen client';
    panel.append(el('p', 'note', `${b.primary ? '★ ' : ''}${b.label || '(no label)'} (line ${b.line}): ${what}`));
  }
}

function render(): void {
  if (!state) return;
  const snap = state.snapshot;
  const err = byId('error');
  if (state.error) {
    err.replaceChildren(el('span', 'where', `${state.error.filePath}${state.error.line ? `:${state.error.line}` : ''}`), state.error.message);
    err.hidden = false;
  } else err.hidden = true;
  document.body.classList.toggle('stale', !!state.error);
  if (snap) {
    byId('file').textContent = snap.filePath.split(/[\\/]/).pop() ?? snap.filePath;
    byId('file').title = snap.filePath;
    byId('kind').textContent = snap.kind;
    const counts = byId('counts');
    counts.replaceChildren();
    if (snap.errorCount) counts.append(el('span', 'count error', `${snap.errorCount} error${snap.errorCount === 1 ? '' : 's'}`));
    if (snap.warningCount) counts.append(el('span', 'count warning', `${snap.warningCount} warning${snap.warningCount === 1 ? '' : 's'}`));
    if (!snap.errorCount && !snap.warningCount) counts.append(el('span', 'count clean', 'clean'));
    const meta = byId('meta');
    const dd = (v: string | null) => (v ? el('dd', null, v) : el('dd', 'none', 'none found'));
    const primary = snap.ctas.find((c) => c.primary);
    meta.replaceChildren(
      el('dt', null, 'Subject'), dd(snap.subject),
      el('dt', null, 'Preheader'), dd(snap.preheader),
      el('dt', null, 'Primary CTA'), dd(primary ? `${primary.label || '(no label)'} — ${primary.verdict}` : null),
    );
    if (primary) {
      const how = state.measured ? `measured in these views (${state.measured.scheme}, images ${state.measured.images})` : 'estimated from the markup; measuring the views…';
      meta.append(el('dt', null, ''), el('dd', 'how', how));
    }
    renderFindings(snap);
    renderCtas(snap);
    (document.querySelector('#scheme [data-v="dark"]') as HTMLButtonElement).title = snap.declaresDark ? "The template's own dark-mode rules" : 'This template has no dark-mode rules: it looks the same';
    if (framesFor !== state.docVersion) loadFrames();
    else for (const vp of VPS) drawOverlay(vp);
    if (selected) {
      document.querySelectorAll(`[data-key="${CSS.escape(selected.key)}"]`).forEach((e) => e.classList.add('selected'));
      showSource(selected.line, byId('source').querySelector('.src-head')?.textContent ?? '');
    }
  }
  document.body.dataset.version = String(state.version);
}

async function load(): Promise<void> {
  try {
    const res = await fetch('/api/state', { cache: 'no-store' });
    state = (await res.json()) as State;
    render();
  } catch {
    // The next event retries.
  }
}

function segmented(id: string, set: (v: string) => void): void {
  const group = byId(id);
  group.addEventListener('click', (ev) => {
    const b = (ev.target as HTMLElement).closest('button');
    if (!b) return;
    group.querySelectorAll('button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
    set(b.dataset.v ?? '');
    loadFrames();
  });
}

segmented('scheme', (v) => (scheme = v));
segmented('images', (v) => (images = v));
const showGroup = byId('show');
showGroup.addEventListener('click', (ev) => {
  const b = (ev.target as HTMLElement).closest('button');
  if (!b) return;
  showGroup.querySelectorAll('button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
  show = b.dataset.v ?? 'both';
  fit();
});
const toggle = byId('side-toggle');
toggle.addEventListener('click', () => {
  const collapsed = document.body.classList.toggle('side-collapsed');
  toggle.setAttribute('aria-expanded', String(!collapsed));
  toggle.textContent = collapsed ? '◂ Findings' : 'Findings ▸';
  fit();
});
window.addEventListener('resize', () => fit());
fit();
document.querySelector('.tabs')!.addEventListener('click', (ev) => {
  const b = (ev.target as HTMLElement).closest('button');
  if (!b) return;
  document.querySelectorAll('.tabs button').forEach((x) => x.setAttribute('aria-selected', String(x === b)));
  byId('panel-findings').hidden = b.dataset.tab !== 'findings';
  byId('panel-ctas').hidden = b.dataset.tab !== 'ctas';
});

const live = byId('live');
const events = new EventSource('/events');
events.addEventListener('open', () => {
  live.textContent = 'live';
  live.className = 'live on';
});
events.addEventListener('error', () => {
  live.textContent = 'reconnecting…';
  live.className = 'live off';
});
events.addEventListener('hello', () => void load());
events.addEventListener('update', (ev) => {
  try {
    const got = JSON.parse((ev as MessageEvent<string>).data) as State;
    // A large state comes as its version only: fetch it.
    if (!('snapshot' in got)) return void load();
    state = got;
    render();
  } catch {
    void load();
  }
});
void load();
