/**
 * Contrast checks shared by the contrast rules: the pass/fail decision for a run of text (WCAG
 * 2.x, ratio truncated before comparing), how a colour and its origin are worded in messages,
 * and which elements are buttons (the CTA model's, or button-styled links until it finds any).
 */
import type { AnyNode, Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import { contrastRatio, formatColor, formatRatio, isLargeText, requiredRatio, toHex, truncateRatio, type WcagLevel } from './color.js';
import { computedStyleOf, type ResolvedColor, type TextRun } from './style.js';
import { parseBox } from './css.js';

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

export function contains(ancestor: Element, node: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function padded(doc: EmailDocument, el: Element): boolean {
  const box = parseBox(doc.style(el).get('padding'));
  if (box?.some((v) => v > 0)) return true;
  if (['padding-top', 'padding-left', 'padding-right', 'padding-bottom'].some((p) => (parseFloat(doc.style(el).get(p) ?? '') || 0) > 0)) return true;
  const table = el.parent?.parent?.type === 'tag' ? (el.parent.parent as Element) : undefined;
  return el.name === 'td' && Number(table?.attribs.cellpadding ?? 0) > 0;
}

/**
 * Button-styled links when the CTA model has none: an `<a href>` with a background colour and
 * padding, or the only link of a `<td>` with a background colour and padding.
 */
export function buttonStyledLinks(doc: EmailDocument): ButtonTarget[] {
  const out: ButtonTarget[] = [];
  for (const a of doc.renderedElements) {
    if (a.name !== 'a' || a.attribs.href === undefined) continue;
    const label = doc.textOf(a);
    if (!label) continue;
    if (computedStyleOf(doc, a).backgroundColor.a > 0 && padded(doc, a)) {
      out.push({ element: a, label });
      continue;
    }
    const td = a.parent?.type === 'tag' && (a.parent as Element).name === 'td' ? (a.parent as Element) : undefined;
    if (!td || computedStyleOf(doc, td).backgroundColor.a === 0 || !padded(doc, td)) continue;
    const links = doc.renderedElements.filter((e) => e.name === 'a' && contains(td, e));
    if (links.length === 1 && doc.textOf(td) === label) out.push({ element: td, label });
  }
  return out;
}

export function buttonTargets(doc: EmailDocument): ButtonTarget[] {
  const ctas = doc.ctas.filter((c) => c.kind === 'button' && !doc.conditionalOf(c.element));
  if (doc.ctas.length) return ctas.map((c) => ({ element: c.element, label: c.label }));
  return buttonStyledLinks(doc);
}

