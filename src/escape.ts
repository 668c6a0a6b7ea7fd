/**
 * HTML escaping, the one copy: text nodes and double- or single-quoted attribute values in the
 * pages this project writes (render, report, preview) and in the label edits rules suggest.
 * A leaf: it imports nothing.
 */
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `s` with `& < > " '` escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => MAP[c]);
}
