/**
 * The preview page: a static shell, its stylesheet and its script. The shell holds no template
 * text (only the escaped file name in <title>); the script fetches `/api/state` and builds every
 * node with `textContent`, so nothing from a template can become markup in the page.
 *
 * The script is `client` below, type-checked with the DOM library and served as its source
 * text: it must not use anything outside its own body.
 */
import { escapeHtml } from '../escape.js';
import { collectBoxes, collectPageSize } from '../render/collect.js';

export function pageHtml(fileName: string): string {
  const view = (vp: string, label: string) =>
    `<section class="view" data-vp="${vp}">
      <div class="view-head"><span class="view-name">${label}</span><span class="view-note"></span></div>
      <div class="pane"><div class="fit"><div class="stage"><iframe sandbox="allow-same-origin" referrerpolicy="no-referrer" title="${label}"></iframe><div class="overlay"></div></div></div></div>
    </section>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(fileName)} · inboxlint preview</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="bar">
  <div class="title"><span class="brand">inboxlint</span><span id="file" class="file"></span><span id="kind" class="chip"></span><span id="counts" class="counts"></span></div>
  <div class="controls">
    <div class="seg" id="show" role="group" aria-label="Views"><button type="button" data-v="mobile" aria-pressed="false">Phone</button><button type="button" data-v="desktop" aria-pressed="false">Desktop</button><button type="button" data-v="both" aria-pressed="true">Both</button></div>
    <div class="seg" id="scheme" role="group" aria-label="Colour scheme"><button type="button" data-v="light" aria-pressed="true">Light</button><button type="button" data-v="dark" aria-pressed="false">Dark</button></div>
    <div class="seg" id="images" role="group" aria-label="Images"><button type="button" data-v="on" aria-pressed="true">Images on</button><button type="button" data-v="off" aria-pressed="false">Images off</button></div>
    <span id="live" class="live">connecting…</span>
    <button type="button" id="side-toggle" class="toggle" aria-expanded="true" aria-controls="side" title="Show or hide the findings">Findings ▸</button>
  </div>
</header>
<div id="error" class="banner" role="alert" hidden></div>
<main>
  <div class="views">
    ${view('mobile', 'Phone · 375 px')}
    ${view('desktop', 'Desktop · 600 px')}
  </div>
  <aside class="side" id="side">
    <dl id="meta" class="meta"></dl>
    <nav class="tabs" role="tablist">
      <button type="button" role="tab" data-tab="findings" aria-selected="true">Findings <span class="n" id="n-findings"></span></button>
      <button type="button" role="tab" data-tab="ctas" aria-selected="false">CTAs &amp; links <span class="n" id="n-ctas"></span></button>
    </nav>
    <div id="panel-findings" class="panel"></div>
    <div id="panel-ctas" class="panel" hidden></div>
    <div id="source" class="source" hidden></div>
  </aside>
</main>
</body>
</html>
`;
}

export const APP_CSS = `
:root { --ink:#1c2230; --muted:#5b6472; --line:#e3e7ee; --bg:#f4f6f9; --card:#fff; --accent:#2f5bea;
  --err:#c62828; --err-bg:#fdecec; --warn:#9a6700; --warn-bg:#fff4d6; --ok:#1a7f37; --primary:#e8590c;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif; color: var(--ink); }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; background: var(--bg); }
body { display: flex; flex-direction: column; }
button { font: inherit; cursor: pointer; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", "Liberation Mono", Menlo, monospace; font-size: 12px; }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 10px 18px;
  background: var(--card); border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.title { display: flex; align-items: center; gap: 10px; min-width: 0; }
.brand { font-weight: 700; letter-spacing: .2px; color: var(--accent); }
.file { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 40vw; }
.chip { font-size: 11px; text-transform: uppercase; letter-spacing: .5px; color: var(--muted); border: 1px solid var(--line); border-radius: 10px; padding: 1px 7px; }
.counts { display: flex; gap: 6px; }
.count { font-size: 12px; font-weight: 600; border-radius: 10px; padding: 2px 9px; }
.count.error { background: var(--err-bg); color: var(--err); }
.count.warning { background: var(--warn-bg); color: var(--warn); }
.count.clean { background: #e6f4ea; color: var(--ok); }
.controls { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.toggle { border: 1px solid var(--line); background: var(--card); border-radius: 7px; padding: 5px 11px; color: var(--ink); }
.seg { display: inline-flex; border: 1px solid var(--line); border-radius: 7px; overflow: hidden; }
.seg button { border: 0; background: var(--card); padding: 5px 11px; color: var(--muted); }
.seg button + button { border-left: 1px solid var(--line); }
.seg button[aria-pressed="true"] { background: var(--accent); color: #fff; }
.live { font-size: 12px; color: var(--muted); display: inline-flex; align-items: center; gap: 6px; }
.live::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: #b0b7c3; }
.live.on::before { background: #2da44e; }
.live.off::before { background: var(--err); }
.banner { margin: 10px 18px 0; padding: 10px 14px; border-radius: 8px; background: var(--err-bg); color: var(--err);
  border: 1px solid #f3b8b8; white-space: pre-wrap; font-weight: 500; }
.banner .where { font-family: ui-monospace, "Liberation Mono", monospace; font-size: 12px; display: block; margin-bottom: 2px; color: #8e1b1b; }
main { flex: 1; display: flex; min-height: 0; gap: 0; }
.views { flex: 1; display: flex; gap: 14px; padding: 12px 14px; min-width: 0; overflow: hidden; justify-content: center; }
.view { display: flex; flex-direction: column; min-height: 0; flex: none; }
.view.off { position: absolute; left: -10000px; top: 0; visibility: hidden; }
.view-name::after { content: attr(data-scale); font-weight: 400; }
.view-head { display: flex; justify-content: space-between; gap: 10px; font-size: 12px; color: var(--muted); font-weight: 600; padding: 0 2px 6px; }
.view-note { font-weight: 400; color: var(--warn); }
.pane { flex: 1; overflow-x: hidden; overflow-y: auto; border-radius: 10px; background: var(--card); box-shadow: 0 1px 2px rgba(20,30,50,.08), 0 0 0 1px var(--line); }
.stale .pane { opacity: .55; }
.fit { position: relative; overflow: hidden; }
.stage { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
.view[data-vp="mobile"] .stage { width: 375px; }
.view[data-vp="desktop"] .stage { width: 600px; }
iframe { display: block; border: 0; width: 100%; height: 667px; background: #fff; }
.overlay { position: absolute; inset: 0; pointer-events: none; overflow: hidden; }
.fold { position: absolute; left: 0; right: 0; border-top: 2px dashed rgba(198,40,40,.75); }
.fold span { position: absolute; right: 4px; top: 2px; font-size: 10px; font-weight: 600; color: #fff; background: rgba(198,40,40,.85); padding: 1px 5px; border-radius: 3px; }
.ctabox { position: absolute; border: 2px solid var(--accent); border-radius: 4px; box-shadow: 0 0 0 2px rgba(255,255,255,.7); }
.ctabox.primary { border-color: var(--primary); }
.ctabox b { position: absolute; left: -2px; top: -20px; font-size: 11px; line-height: 16px; padding: 1px 6px; border-radius: 4px 4px 4px 0; color: #fff; background: var(--accent); white-space: nowrap; }
.ctabox.primary b { background: var(--primary); }
.hl { position: absolute; border: 3px solid #d6336c; border-radius: 4px; background: rgba(214,51,108,.12); box-shadow: 0 0 0 4px rgba(214,51,108,.25); }
.side { width: clamp(300px, 30vw, 460px); flex: none; display: flex; flex-direction: column; min-height: 0; background: var(--card); border-left: 1px solid var(--line); }
.side-collapsed .side { display: none; }
.open { margin-left: 6px; font-size: 11px; color: var(--accent); text-decoration: none; }
.open:hover { text-decoration: underline; }
.meta .how { color: var(--muted); font-size: 12px; }
.meta { margin: 0; padding: 12px 16px; display: grid; grid-template-columns: 78px 1fr; gap: 4px 10px; border-bottom: 1px solid var(--line); font-size: 13px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.meta .none { color: var(--muted); font-style: italic; }
.tabs { display: flex; border-bottom: 1px solid var(--line); padding: 0 8px; }
.tabs button { border: 0; background: none; padding: 10px 10px 8px; color: var(--muted); border-bottom: 2px solid transparent; font-weight: 600; }
.tabs button[aria-selected="true"] { color: var(--ink); border-bottom-color: var(--accent); }
.tabs .n { font-weight: 500; color: var(--muted); }
.panel { flex: 1; overflow: auto; padding: 8px 10px 16px; }
.findings { list-style: none; margin: 0; padding: 0; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 7px; padding: 8px 10px; margin: 6px 0; cursor: pointer; background: var(--card); }
.finding.error { border-left-color: var(--err); }
.finding:hover { background: #f8f9fb; }
.finding.selected { box-shadow: 0 0 0 2px var(--accent); }
.f-head { display: flex; align-items: center; gap: 8px; font-size: 12px; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 10px; letter-spacing: .5px; padding: 1px 6px; border-radius: 4px; }
.sev.error { background: var(--err-bg); color: var(--err); }
.sev.warning { background: var(--warn-bg); color: var(--warn); }
.f-head .rule { color: var(--ink); font-weight: 600; }
.f-head .loc { margin-left: auto; color: var(--muted); }
.msg { margin: 4px 0 0; }
.sugg { margin: 6px 0 0; padding: 0; list-style: none; font-size: 13px; }
.sugg li { padding: 3px 0 0 18px; position: relative; color: #24466b; }
.sugg li::before { content: "→"; position: absolute; left: 2px; color: var(--accent); }
.empty { color: var(--muted); padding: 18px 6px; text-align: center; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .6px; color: var(--muted); margin: 14px 4px 6px; }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; }
th { text-align: left; color: var(--muted); font-weight: 600; font-size: 11px; text-transform: uppercase; letter-spacing: .4px; padding: 4px 6px; border-bottom: 1px solid var(--line); }
td { padding: 6px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
table.links { table-layout: fixed; }
table.links th:nth-child(1) { width: 22%; }
table.links th:nth-child(2) { width: 30%; }
table.links th:nth-child(3) { width: 18%; }
tr.row { cursor: pointer; }
tr.row:hover td { background: #f8f9fb; }
.url { font-family: ui-monospace, "Liberation Mono", monospace; font-size: 11px; color: #24466b; word-break: break-all; }
.url.tracked { color: var(--ok); }
.skip { color: var(--muted); font-size: 11px; }
.type { font-size: 11px; padding: 1px 6px; border-radius: 4px; background: #eef2ff; color: #3b4bb8; white-space: nowrap; }
.num { display: inline-block; min-width: 20px; text-align: center; font-weight: 700; font-size: 11px; color: #fff; background: var(--accent); border-radius: 4px; padding: 1px 4px; }
.num.primary { background: var(--primary); }
.source { border-top: 1px solid var(--line); background: #0f1522; color: #d7dce5; max-height: 38%; overflow: auto; flex: none; }
.source .src-head { padding: 6px 12px; font-size: 12px; color: #9aa4b5; background: #151d2e; position: sticky; top: 0; }
.source pre { margin: 0; padding: 6px 0 10px; font-size: 12px; line-height: 1.5; }
.source .ln { display: block; padding: 0 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.source .ln i { display: inline-block; width: 44px; color: #5f6b80; font-style: normal; user-select: none; }
.source .ln.at { background: rgba(214,51,108,.22); }
.note { font-size: 12px; color: var(--muted); margin: 8px 4px; }
.clients-m { border-collapse: collapse; font-size: 11px; } .clients-m th, .clients-m td { border: 1px solid var(--line); padding: 2px 5px; text-align: center; }
.clients-m .f { text-align: left; } .clients-m .n { color: #d92d20; font-weight: 700; } .clients-m .a { color: #dc6803; } .clients-m .d, .clients-m .u { color: var(--muted); }
`;

/** The render's in-page collectors, defined by the served script before `client` runs (see appScript). */
declare const collectors: { collectBoxes: typeof collectBoxes; collectPageSize: typeof collectPageSize };

/** The page script (runs in the browser). */
function client(): void {
  type Vp = 'mobile' | 'desktop';
  interface Finding { n: number; ruleId: string | null; severity: string; message: string; line: number; column: number; suggestions: { desc: string; text: string }[]; target: number | null }
  interface Cta { n: number; label: string; href: string; primary: boolean; type: string; line: number; tracked: string | null; skipReason: string | null; target: number | null; top: Record<Vp, number>; aboveFold: boolean; verdict: string; measured: boolean; clicks?: string }
  interface Link { text: string; href: string; line: number; cta: number | null; whyNotCta: string | null; type: string; tracked: string | null; skipReason: string | null; target: number | null }
  interface ClientMatrix { data: string; clients: { id: string; name: string; broken: number; partial: number; degrades: number }[]; features: { slug: string; title: string; url: string; lines: number[]; cells: Record<string, string> }[]; buttons: { label: string; line: number; primary: boolean; degrades: { clients: string[]; text: string }[] }[] }
  interface Snap { filePath: string; kind: string; subject: string | null; preheader: string | null; errorCount: number; warningCount: number; findings: Finding[]; ctas: Cta[]; links: Link[]; folds: Record<Vp, number>; declaresDark: boolean; source: string[]; trackNote: string | null; note: string | null; clients?: ClientMatrix | null }
  interface State { version: number; docVersion: number; measured: { scheme: string; images: string } | null; editorUrl: string; snapshot: Snap | null; error: { message: string; filePath: string; line?: number } | null }

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
      viewports[vp] = collectors.collectBoxes(doc);
      pages[vp] = collectors.collectPageSize(doc);
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

  function box(doc: Document, target: number): { top: number; left: number; width: number; height: number } | null {
    const e = doc.querySelector(`[data-il="${target}"]`);
    if (!e || !e.getClientRects().length) return null;
    const r = e.getBoundingClientRect();
    let { top, left, right, bottom } = r;
    if (e.firstElementChild && getComputedStyle(e).display === 'inline') {
      for (const d of Array.from(e.querySelectorAll('*'))) {
        const q = d.getBoundingClientRect();
        if (!q.width || !q.height) continue;
        top = Math.min(top, q.top);
        left = Math.min(left, q.left);
        right = Math.max(right, q.right);
        bottom = Math.max(bottom, q.bottom);
      }
    }
    const win = doc.defaultView!;
    return { top: top + win.scrollY, left: left + win.scrollX, width: right - left, height: bottom - top };
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
}

export function appScript(): string {
  // The page measures its views with the render's own collectors (src/render/collect.ts).
  return `"use strict";\nconst collectors = { collectBoxes: ${collectBoxes.toString()}, collectPageSize: ${collectPageSize.toString()} };\n(${client.toString()})();\n`;
}
