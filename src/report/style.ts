/** The report's stylesheet (inlined into the report: it makes no request). Screen and print. */
export const REPORT_CSS = `
:root { --ink:#1c2230; --muted:#5b6472; --line:#e3e7ee; --bg:#f4f6f9; --card:#fff; --accent:#2f5bea;
  --err:#c62828; --err-bg:#fdecec; --warn:#9a6700; --warn-bg:#fff4d6; --ok:#1a7f37; --primary:#e8590c; }
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0 auto; max-width: 1180px; padding: 28px 32px 48px; color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Liberation Sans", Arial, sans-serif; }
code, .url { font-family: ui-monospace, "SFMono-Regular", "Liberation Mono", Menlo, monospace; }
code { font-size: 13px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.muted { color: var(--muted); }
.small { font-size: 12px; }
.top { display: flex; justify-content: space-between; align-items: flex-end; gap: 24px; padding-bottom: 18px; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
.brand { font-weight: 700; color: var(--accent); letter-spacing: .3px; }
h1 { margin: 2px 0 2px; font-size: 28px; line-height: 1.2; }
.top p { margin: 0; }
.totals { display: flex; gap: 12px; }
.tot { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 16px; min-width: 110px; }
.tot b { display: block; font-size: 24px; line-height: 1.1; }
.tot span { font-size: 12px; color: var(--muted); }
.tot.error b { color: var(--err); }
.tot.warning b { color: var(--warn); }
h2.section { font-size: 13px; text-transform: uppercase; letter-spacing: .7px; color: var(--muted); margin: 26px 0 10px; }
table { width: 100%; border-collapse: collapse; background: var(--card); border-radius: 10px; overflow: hidden; box-shadow: 0 0 0 1px var(--line); font-size: 13.5px; }
th { text-align: left; font-size: 11px; text-transform: uppercase; letter-spacing: .5px; color: var(--muted); font-weight: 600; padding: 9px 12px; background: #fafbfc; border-bottom: 1px solid var(--line); }
td { padding: 9px 12px; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
tr:last-child td { border-bottom: 0; }
.summary td:first-child { min-width: 140px; overflow-wrap: break-word; word-break: normal; }
th.n, td.n { text-align: right; width: 80px; font-variant-numeric: tabular-nums; }
td.n.error { color: var(--err); font-weight: 700; }
td.n.warning { color: var(--warn); font-weight: 700; }
td.fatal, .fatal-box { color: var(--err); }
.fatal-box { background: var(--err-bg); border: 1px solid #f3b8b8; border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
.yes { color: var(--ok); font-weight: 600; }
.no { color: var(--err); font-weight: 600; }
.template { background: var(--card); border-radius: 14px; box-shadow: 0 1px 3px rgba(20,30,50,.08), 0 0 0 1px var(--line); padding: 22px 26px 26px; margin: 28px 0; }
.template h2 { margin: 0 0 12px; font-size: 20px; display: flex; align-items: center; gap: 10px; flex-wrap: wrap; overflow-wrap: anywhere; }
.idx { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 50%; background: var(--ink); color: #fff; font-size: 13px; }
.count { font-size: 12px; font-weight: 600; border-radius: 10px; padding: 2px 9px; }
.count.error { background: var(--err-bg); color: var(--err); }
.count.warning { background: var(--warn-bg); color: var(--warn); }
.count.clean { background: #e6f4ea; color: var(--ok); }
.meta { display: grid; grid-template-columns: 90px 1fr; gap: 3px 12px; margin: 0 0 16px; font-size: 14px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.shots { display: flex; flex-direction: column; gap: 22px; align-items: flex-start; padding: 4px 2px 8px; }
.shot { margin: 0; flex: none; }
.shot figcaption { font-size: 12px; font-weight: 600; color: var(--muted); margin-bottom: 6px; }
.shot img { display: block; height: auto; border-radius: 8px; box-shadow: 0 0 0 1px var(--line), 0 2px 8px rgba(20,30,50,.1); background: #fff; }
.shot { max-width: 100%; }
.shot img { max-width: 100%; }
.legend { font-size: 12px; color: var(--muted); margin: 6px 0 4px; display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .6px; color: var(--muted); margin: 22px 0 8px; }
.findings { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 8px; }
.finding { border: 1px solid var(--line); border-left: 4px solid var(--warn); border-radius: 8px; padding: 9px 12px; break-inside: avoid; }
.finding.error { border-left-color: var(--err); }
.finding p { margin: 4px 0 0; }
.f-head { display: flex; align-items: center; gap: 8px; font-size: 12px; }
.f-head .loc { margin-left: auto; color: var(--muted); }
.sev { font-weight: 700; text-transform: uppercase; font-size: 10px; letter-spacing: .5px; padding: 1px 6px; border-radius: 4px; }
.sev.error { background: var(--err-bg); color: var(--err); }
.sev.warning { background: var(--warn-bg); color: var(--warn); }
.sugg { margin: 6px 0 0; padding: 0; list-style: none; font-size: 13px; }
.sugg li { padding: 2px 0 0 18px; position: relative; color: #24466b; }
.sugg li::before { content: "→"; position: absolute; left: 2px; color: var(--accent); }
.url { font-size: 11.5px; color: #24466b; word-break: break-all; }
.url.tracked { color: var(--ok); margin-top: 2px; }
.type { font-size: 11px; padding: 1px 7px; border-radius: 4px; background: #eef2ff; color: #3b4bb8; white-space: nowrap; }
.num { display: inline-block; min-width: 22px; text-align: center; font-weight: 700; font-size: 11px; color: #fff; background: var(--accent); border-radius: 4px; padding: 1px 5px; }
.num.primary { background: var(--primary); }
footer { margin-top: 30px; }
.score { display: inline-block; min-width: 34px; text-align: center; font-weight: 700; border-radius: 6px; padding: 1px 6px; color: #fff; }
.score.good, .score-text.good { background: var(--ok); } .score.fair { background: #b7791f; } .score.poor { background: var(--err); }
.score-text.good { background: none; color: var(--ok); } .score-text.fair { color: #b7791f; } .score-text.poor { color: var(--err); }
.score.big { font-size: 18px; padding: 2px 10px; margin-left: auto; }
.score.big small { font-size: 11px; font-weight: 500; opacity: .85; }
.top-fixes { margin: 0; padding-left: 22px; display: grid; gap: 8px; }
.top-fixes li { padding: 8px 12px; border: 1px solid var(--line); border-radius: 8px; background: #fbfcfe; }
.top-fixes .fix-head { margin-bottom: 2px; }
.top-fixes .example { color: #24466b; margin-top: 3px; }
.rule-group { border: 1px solid var(--line); border-radius: 8px; margin: 6px 0; padding: 6px 12px; }
.rule-group summary { cursor: pointer; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.rule-group .findings { display: block; margin-top: 6px; }
.rule-group .finding { margin: 4px 0; font-size: 13.5px; }
.rule-group .finding .loc { color: var(--muted); font-size: 12px; margin-right: 6px; }
.cta-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.cta-card { border: 1px solid var(--line); border-radius: 10px; overflow: hidden; background: #fff; break-inside: avoid; }
.cta-card.primary { border-color: var(--primary); box-shadow: 0 0 0 1px var(--primary); }
.cta-pic { background: #f0f2f6; display: grid; place-items: center; padding: 8px; min-height: 60px; }
.cta-pic img { max-width: 100%; height: auto; max-height: 160px; border-radius: 4px; box-shadow: 0 0 0 1px var(--line); }
.cta-pic .no-pic { padding: 14px; }
.cta-body { padding: 10px 12px; display: grid; gap: 4px; }
.cta-table > summary { cursor: pointer; font-size: 12px; color: var(--muted); margin: 10px 0 6px; }
@media print {
  html { background: #fff; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  @page { margin: 14mm 12mm; }
  .template { box-shadow: none; border: 0; padding: 0; margin: 0; break-before: page; }
  table { box-shadow: none; border: 1px solid var(--line); }
  tr, .finding, .shot { break-inside: avoid; }
  .shots { overflow: visible; flex-wrap: wrap; }
  .shot img { max-width: 100%; max-height: 245mm; object-fit: contain; object-position: left top; }
  .findings { grid-template-columns: 1fr; }
  .cta-cards { grid-template-columns: repeat(2, 1fr); }
  .rule-group, .top-fixes li, .cta-card, .summary tr { break-inside: avoid; }
  h3 { break-after: avoid; }
  .cta-table { display: none; }
  .url { font-size: 9pt; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
