/**
 * Prominence and the primary CTA: the first CTA in document order among the most prominent kind
 * present, prominence ranked (3) filled buttons (VML buttons, filled `<td>`/`<a>`), (2) other
 * button-style CTAs (outline, padding-only, class-only), (1) image banners, (0) text links.
 */
import type { Cta } from './types.js';

/** Button-style CTAs (kind button or vml-button). */
export function isButtonStyle(c: Cta): boolean {
  return c.kind === 'button' || c.kind === 'vml-button';
}

/** Numbers the CTAs (in document order) and marks the primary one, in place: assigned, not spread (a spread would compute the lazy boxes). */
export function numberAndRank(ctas: Array<Omit<Cta, 'index' | 'primary'>>): Cta[] {
  const top = Math.max(-1, ...ctas.map((c) => c.prominence));
  const primaryAt = ctas.findIndex((c) => c.prominence === top);
  return ctas.map((c, i) => Object.assign(c, { index: i, primary: i === primaryAt }) as Cta);
}
