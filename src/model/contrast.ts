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
import { isInside } from '../tree.js';

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


interface RunIndex {
  /** Runs with a source position, by the start of their element; `at[i]` is the run's index in the list. */
  starts: number[];
  placed: TextRun[];
  at: number[];
  /** Runs whose element has no source position: always tested. */
  unplaced: number[];
}
const runIndexes = new WeakMap<readonly TextRun[], RunIndex>();

/**
 * The runs of `runs` whose element is `element` or inside it, in list order. Found by source
 * position (a binary search, then the tree check), so asking it for every button of a long
 * email costs the runs inside each button, not every run of the email each time.
 */
export function runsInside(runs: readonly TextRun[], element: Element): TextRun[] {
  const from = element.startIndex;
  const to = element.endIndex;
  if (from == null || to == null) return runs.filter((r) => isInside(r.element, element));
  let ix = runIndexes.get(runs);
  if (!ix) {
    const placed: number[] = [];
    const unplaced: number[] = [];
    runs.forEach((r, i) => (r.element.startIndex == null ? unplaced : placed).push(i));
    placed.sort((a, b) => runs[a].element.startIndex! - runs[b].element.startIndex! || a - b);
    ix = { starts: placed.map((i) => runs[i].element.startIndex!), placed: placed.map((i) => runs[i]), at: placed, unplaced };
    runIndexes.set(runs, ix);
  }
  let lo = 0;
  let hi = ix.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.starts[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  const found: number[] = [];
  for (let k = lo; k < ix.starts.length && ix.starts[k] <= to; k++) if (isInside(ix.placed[k].element, element)) found.push(ix.at[k]);
  for (const i of ix.unplaced) if (isInside(runs[i].element, element)) found.push(i);
  return found.sort((a, b) => a - b).map((i) => runs[i]);
}
