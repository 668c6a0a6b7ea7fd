/** Word wrapping for the terminal formats: plain text in, lines of at most `width` characters out. */

/** Display width of `s`: code points, with East Asian wide characters and emoji counted as 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

/** Splits `s` at the last point where it still fits in `width` columns. */
function hardBreak(word: string, width: number): [string, string] {
  let w = 0;
  let i = 0;
  for (const ch of word) {
    const cw = displayWidth(ch);
    if (w + cw > width && i > 0) break;
    w += cw;
    i += ch.length;
  }
  // Prefer to break a URL or path after a separator in the second half of the line, so the pieces stay readable.
  const head = word.slice(0, i);
  const sep = Math.max(...['/', '-', '?', '&', '=', '_', '.'].map((c) => head.lastIndexOf(c)));
  const at = sep >= head.length / 2 && sep < word.length - 1 ? sep + 1 : i;
  return [word.slice(0, at), word.slice(at)];
}

/**
 * Wraps `text` at spaces into lines of at most `width` columns; a word longer than a line (a
 * URL) is broken where it must be. `width` below 1 is treated as 1.
 */
export function wrapText(text: string, width: number): string[] {
  width = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  for (let word of text.split(/ +/).filter(Boolean)) {
    let ww = displayWidth(word);
    if (line && lineW + 1 + ww <= width) {
      line += ` ${word}`;
      lineW += 1 + ww;
      continue;
    }
    if (line) lines.push(line);
    while (ww > width) {
      const [head, rest] = hardBreak(word, width);
      lines.push(head);
      word = rest;
      ww = displayWidth(word);
    }
    line = word;
    lineW = ww;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** The rows of a screen: the terminal's, else $LINES, else 24 (a run longer than that gets a per-rule summary). */
export function terminalHeight(stream: { isTTY?: boolean; rows?: number } = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  if (stream.isTTY && stream.rows && stream.rows > 0) return stream.rows;
  const fromEnv = Number.parseInt(env.LINES ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 24;
}

/** The width to wrap terminal output at: the terminal's, else $COLUMNS, else 80. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns;
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
}

/** `s` cut to at most `width` columns, ending in "…" when cut. */
export function cutTo(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = displayWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/**
 * A plain-text table (header, rule, rows; two spaces between columns) at most `width` columns
 * wide: the `flexible` columns (widest first) give up room, down to `min` each, and their cells
 * are cut with "…". Other columns keep their width.
 */
export function fitTable(headers: readonly string[], rows: readonly (readonly string[])[], width: number, flexible: readonly number[] = [], min = 8): string {
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  let over = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) - width;
  while (over > 0) {
    const i = flexible.filter((c) => widths[c] > min).sort((a, b) => widths[b] - widths[a])[0];
    if (i === undefined) break;
    const next = Math.max(min, ...flexible.filter((c) => c !== i).map((c) => widths[c]));
    const take = Math.max(1, Math.min(over, widths[i] - next || 1, widths[i] - min));
    widths[i] -= take;
    over -= take;
  }
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  const line = (cells: readonly string[]) => cells.map((c, i) => pad(cutTo(c, widths[i]), widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
