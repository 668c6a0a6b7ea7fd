/**
 * Contrast checks shared by the contrast rules: the pass/fail decision for a run of text (WCAG
 * 2.x, ratio truncated before comparing), how a colour and its origin are worded in messages,
 * and which elements are buttons (the CTA model's, or its button test on every link when it finds none).
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import { contrastRatio, formatColor, formatRatio, isLargeText, requiredRatio, toHex, truncateRatio, type WcagLevel } from '../css/color.js';
import type { ResolvedColor, TextRun } from '../style/service.js';
import { buttonStyle } from './cta.js';
import { checkDeadline } from '../deadline.js';

/** `#8a8a8a (from .muted in <style>, line 22)`; a composited colour also says what was declared. */
export function describeColor(c: ResolvedColor): string {
  const blended = c.blended ? `; ${formatColor(c.declared)} seen through transparency or opacity` : '';
  return `${toHex(c.color)} (${c.origin.description}${blended})`;
}

/** The finding data for a run that fails, or undefined when it passes. */
export function contrastFailure(run: TextRun, level: WcagLevel): Record<string, string> | undefined {
  const ratio = contrastRatio(run.fg.color, run.bg.color);
  const required = requiredRatio(level, isLargeText(run.fontSize, run.fontWeight));
  if (truncateRatio(ratio) >= required) return undefined;
  return { ratio: formatRatio(ratio), required: String(required), fg: describeColor(run.fg), bg: describeColor(run.bg), text: run.text };
}

/** A button to check: the element painting its fill and its label text. */
export interface ButtonTarget {
  /** The element that paints the button fill (the bulletproof `<td>` or the `<a>`). */
  element: Element;
  label: string;
}

/**
 * Button-styled links when the CTA model has none (every link a role or scheme excludes, say):
 * each `<a href>` that the CTA model's button test (`buttonStyle`) calls a filled button.
 */
export function buttonStyledLinks(doc: EmailDocument): ButtonTarget[] {
  const out: ButtonTarget[] = [];
  for (const a of doc.renderedElements) {
    checkDeadline();
    if (a.name !== 'a' || a.attribs.href === undefined) continue;
    const label = doc.textOf(a);
    if (!label) continue;
    const b = buttonStyle(doc, a);
    if (b && b.prominence === 3) out.push({ element: b.element, label });
  }
  return out;
}

export function buttonTargets(doc: EmailDocument): ButtonTarget[] {
  // Table and styled-link buttons, and the HTML twin of a VML button (what web clients show).
  const ctas = doc.ctas.filter((c) => (c.kind === 'button' || (c.kind === 'vml-button' && !!c.link && !c.image)) && !doc.conditionalOf(c.element));
  if (doc.ctas.length) return ctas.map((c) => ({ element: c.element, label: c.label }));
  return buttonStyledLinks(doc);
}

