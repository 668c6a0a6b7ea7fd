/** Whitespace as a reader sees it: collapsed, with the invisible spacer characters removed. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff\u034f\u00ad]+/g, ' ').trim();
}
