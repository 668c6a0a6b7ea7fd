/**
 * The report's "Mail clients" block for one template: the client × feature matrix (counts per
 * client, one row per feature some chosen client lacks) and, per button, the clients where it
 * degrades. Self-contained: its own small style, every template-derived string escaped.
 */
import type { Snapshot } from '../snapshot.js';
import { escapeHtml as esc } from '../escape.js';

const MARK: Record<string, [string, string]> = {
  n: ['✗', 'not supported'],
  a: ['◐', 'partly supported'],
  d: ['↘', 'degrades to a fallback'],
  u: ['?', 'unknown'],
};

export const CLIENTS_STYLE =
  '.clients-m{border-collapse:collapse;font-size:12px;margin:6px 0 12px}.clients-m th,.clients-m td{border:1px solid #d9dde3;padding:3px 6px;text-align:center}' +
  '.clients-m th.f,.clients-m td.f{text-align:left}.clients-m .n{color:#b42318;font-weight:700}.clients-m .a{color:#b54708}.clients-m .d{color:#475467}.clients-m .u{color:#98a2b3}';

/** The block, or '' when the snapshot has no client matrix. */
export function clientsBlock(s: Snapshot): string {
  const m = s.clients;
  if (!m) return '';
  const head = `<tr><th class="f">Feature (lines)</th>${m.clients.map((c) => `<th title="${esc(c.id)}">${esc(c.name)}</th>`).join('')}</tr>`;
  const counts = `<tr><td class="f muted small">not supported / partly / degrades</td>${m.clients.map((c) => `<td class="small">${c.broken} / ${c.partial} / ${c.degrades}</td>`).join('')}</tr>`;
  const rows = m.features.map((f) => {
    const lines = f.lines.length > 6 ? `${f.lines.slice(0, 6).join(', ')}, …` : f.lines.join(', ');
    const cells = m.clients.map((c) => {
      const v = f.cells[c.id];
      return v ? `<td class="${v}" title="${esc(MARK[v][1])}">${MARK[v][0]}</td>` : '<td></td>';
    });
    // The caniemail page as text: the report references nothing outside itself.
    return `<tr><td class="f" title="${esc(f.url)}">${esc(f.title)} <span class="muted small">(${esc(lines)})</span></td>${cells.join('')}</tr>`;
  });
  const table = m.features.length
    ? `<table class="clients-m"><thead>${head}</thead><tbody>${counts}${rows.join('')}</tbody></table>`
    : '<p class="muted">Every chosen client supports every feature this template uses.</p>';
  const buttons = m.buttons.length
    ? `<ul class="small">${m.buttons
        .map((b) => `<li>${b.primary ? '★ ' : ''}${esc(b.label || '(no label)')} <span class="muted">line ${b.line}</span>: ${b.degrades.length ? b.degrades.map((d) => `in ${esc(d.clients.join(', '))} it ${esc(d.text)}`).join('; ') : 'the same button in every chosen client'}</li>`)
        .join('')}</ul>`
    : '';
  return `<h3>Mail clients <span class="muted small">(caniemail data of ${esc(m.data)}; ✗ not supported, ◐ partly, ↘ degrades to a fallback)</span></h3><style>${CLIENTS_STYLE}</style>${table}${buttons}`;
}
