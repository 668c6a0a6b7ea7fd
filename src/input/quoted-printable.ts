/**
 * Quoted-printable (RFC 2045 §6.7), walked once for both of its uses: decoding a part, and
 * mapping each decoded byte back to where it stands in the message (eml-map.ts).
 */

/**
 * Calls `emit(byte, at)` for every byte that `text[from, to)` decodes to, with the offset of
 * the character it came from: `=XX` is one byte at the `=`, a soft line break (`=` then
 * optional blanks and a line end) is nothing, a trailing lone `=` is dropped, and any other
 * `=` stands for itself.
 */
export function walkQuotedPrintable(text: string, from: number, to: number, emit: (byte: number, at: number) => void): void {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 61 /* = */) {
      const h = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(h)) {
        emit(parseInt(h, 16), i);
        i += 2;
        continue;
      }
      const m = /^[ \t]*\r?\n/.exec(text.slice(i + 1, i + 80));
      if (m) {
        i += m[0].length;
        continue;
      }
      if (i + 1 >= to) continue;
    }
    emit(c & 0xff, i);
  }
}
