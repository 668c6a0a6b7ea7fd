/**
 * Advance widths of text in the email's default sans-serif: the Helvetica metrics that Arial and
 * Liberation Sans share (Adobe's Helvetica and Helvetica-Bold AFM files, 1/1000 em; Liberation
 * Sans is metric-compatible with Arial), so the static layout wraps a line near where a browser
 * does. Characters outside the table count as an average glyph (0.556 em, the digit width).
 */

// Printable ASCII from ' ' (32) to '~' (126).
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' ' … '/'
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // '0' … '?'
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // '@' … 'O'
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // 'P' … '_'
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // '`' … 'o'
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // 'p' … '~'
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const OTHER = 556;

export interface TextFont {
  fontSize: number;
  bold: boolean;
  /** text-transform: uppercase */
  upper: boolean;
}

/** Width in px of `text` (white space already collapsed) set in `font`. */
export function textWidth(text: string, font: TextFont): number {
  const table = font.bold ? BOLD : REGULAR;
  const s = font.upper ? text.toUpperCase() : text;
  let units = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    units += c >= 32 && c <= 126 ? table[c - 32] : c === 160 ? table[0] : OTHER;
  }
  return (units * font.fontSize) / 1000;
}
