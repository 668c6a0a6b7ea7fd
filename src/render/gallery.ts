/**
 * The `index.html` that `inboxlint render` writes beside the pictures: every annotated picture
 * of the run with its legend in full (the picture's own legend cuts long messages), grouped by
 * template. The page is static: no script, and its only requests are the pictures beside it.
 */
import { escapeHtml as esc } from '../escape.js';
import { linesText } from './legend.js';
import type { ViewLayout } from './render.js';

export interface GalleryTemplate {
  /** The template as the run named it (relative to the working directory when inside it). */
  name: string;
  views: Array<{ id: string; /** The annotated picture's file name, relative to index.html. */ picture: string; layout: ViewLayout }>;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:1500px;padding:24px 28px 48px;font:14px/1.45 system-ui,-apple-system,"Segoe UI","Liberation Sans",Arial,sans-serif;color:#1c2230;background:#f4f6f9}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:0 0 12px;overflow-wrap:anywhere}
.muted{color:#5b6472}
nav ol{margin:8px 0 0;padding-left:22px}
section{background:#fff;border-radius:12px;box-shadow:0 0 0 1px #e3e7ee;padding:18px 22px;margin:22px 0}
.view{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:18px;margin:14px 0 22px;align-items:start}
.view img{max-width:100%;height:auto;border:1px solid #e3e7ee;border-radius:6px;background:#fff}
h3{font-size:13px;text-transform:uppercase;letter-spacing:.5px;color:#5b6472;margin:0 0 6px}
ol.legend{list-style:none;margin:0;padding:0}
ol.legend li{padding:5px 0;border-bottom:1px solid #eceff4}
.n{display:inline-block;min-width:20px;border-radius:10px;color:#fff;font-weight:700;font-size:11px;text-align:center;padding:1px 5px;margin-right:6px}
.error{background:#d4002a}.warning{background:#e08a00}
.doc{font-size:11px;color:#5b6472;border:1px solid #d5dae3;border-radius:4px;padding:0 4px;margin-left:4px}
code{font-size:12.5px}
@media (max-width:1000px){.view{grid-template-columns:1fr}}
`;

function legendList(layout: ViewLayout): string {
  if (!layout.legend.length) return '<p class="muted">No findings on this view.</p>';
  const items = layout.legend.map(
    (e) =>
      `<li><span class="n ${e.severity}">${e.n}</span><code><b>${esc(e.ruleId)}</b></code>${e.count > 1 ? ` × ${e.count}` : ''} <span class="muted">· ${esc(linesText(e.lines, 12))}</span>` +
      `${e.document ? '<span class="doc">whole email</span>' : ''}<div>${esc(e.message)}</div></li>`,
  );
  return `<ol class="legend">${items.join('')}</ol>`;
}

/** The index page of a render run. */
export function galleryHtml(templates: readonly GalleryTemplate[], date = new Date()): string {
  const toc = templates.map((t, i) => `<li><a href="#t${i + 1}">${esc(t.name)}</a> <span class="muted">(${t.views.length} view${t.views.length === 1 ? '' : 's'})</span></li>`).join('');
  const sections = templates.map((t, i) => {
    const views = t.views.map((v) => {
      const notes = v.layout.notes.length ? `<p class="muted">${v.layout.notes.map(esc).join('; ')}</p>` : '';
      return `<div class="view" id="t${i + 1}-${esc(v.id)}"><a href="${esc(encodeURI(v.picture))}"><img src="${esc(encodeURI(v.picture))}" alt="${esc(`${t.name}, ${v.id}, annotated`)}" loading="lazy"></a>` +
        `<div><h3>${esc(v.id)}</h3>${legendList(v.layout)}${notes}</div></div>`;
    });
    return `<section id="t${i + 1}"><h2>${esc(t.name)}</h2>${views.join('')}</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<title>inboxlint render · ${templates.length} template${templates.length === 1 ? '' : 's'}</title>
<style>${CSS}</style>
</head>
<body>
<h1>inboxlint render</h1>
<p class="muted">${esc(date.toISOString().replace('T', ' ').slice(0, 16))} UTC · numbered markers beside each picture point at the elements with findings; the legend says what each number is. Dashed outlines: the elements; magenta frames: the calls to action; the red line: the fold.</p>
<nav><ol>${toc}</ol></nav>
${sections.join('\n')}
</body>
</html>
`;
}
