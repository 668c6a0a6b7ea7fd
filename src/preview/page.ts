/**
 * The preview page: a static shell, its stylesheet and its script. The shell holds no template
 * text (only the escaped file name in <title>); the script fetches `/api/state` and builds every
 * node with `textContent`, so nothing from a template can become markup in the page.
 *
 * The script is app.ts, a module of its own (type-checked with the DOM library, emitted by the
 * build and served as it is).
 */
import { escapeHtml } from '../escape.js';

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
<script type="module" src="/assets/preview/app.js"></script>
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
