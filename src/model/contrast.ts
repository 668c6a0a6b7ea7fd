/**
 * What the contrast rules check: which elements are buttons (the CTA model's, or its button test
 * on every link when it finds none), the text runs inside one, and whether a border draws a
 * button. The pass/fail decision of a run and its wording in messages are the rules' own
 * (`contrastFailure`, `describeColor` in src/rule-utils.ts).
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import { contrastRatio, over, parseColor, truncateRatio, type Rgba } from '../css/color.js';
import type { TextRun } from '../style/service.js';
import { buttonStyle } from './cta/index.js';
import { checkDeadline } from '../deadline.js';
import { isInside } from '../tree.js';

/** A button to check: the element painting its fill and its label text. */
export interface ButtonTarget {
  /** The element that paints the button fill (the bulletproof `<td>` or the `<a>`). */
  element: Element;
  label: string;
  /** The other steps of a rating scale: one survey action, checked through its first step, never as body text. */
  also?: Element[];
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
  if (doc.ctas.length) return ctas.map((c) => ({ element: c.element, label: c.label, ...(c.survey ? { also: c.survey.elements } : {}) }));
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

const BOX_INDEX = [[0, 0, 0, 0], [0, 1, 0, 1], [0, 1, 2, 1], [0, 1, 2, 3]];

/** The colour of one side's border as declared (`border`, `border-top`, `border-color`, `border-top-color`), or currentcolor. */
function borderColor(style: ReadonlyMap<string, string>, side: 'top' | 'right' | 'bottom' | 'left', i: number): Rgba | 'currentcolor' | undefined {
  const fromTokens = (v: string | undefined) => {
    if (!v) return undefined;
    for (const part of v.trim().split(/\s+(?![^(]*\))/)) {
      const c = parseColor(part);
      if (c) return c;
    }
    return undefined;
  };
  const sideColor = style.get(`border-${side}-color`);
  if (sideColor) return parseColor(sideColor.trim());
  const colors = style.get('border-color')?.trim().split(/\s+(?![^(]*\))/);
  // CSS box order: one value for all sides, two for top/bottom and left/right, and so on.
  if (colors?.length) return parseColor(colors[BOX_INDEX[Math.min(colors.length, 4) - 1][i]]);
  return fromTokens(style.get(`border-${side}`)) ?? fromTokens(style.get('border')) ?? 'currentcolor';
}

/**
 * An outline button: `el` (the element painting the button) has a border of at least 2 px on
 * every side whose colour contrasts at least 3:1 with `around`. WCAG 1.4.11 asks that a control be
 * identifiable; its fill, its border or its label can do that, so such a button stands out
 * whatever its fill.
 */
export function borderDrawsButton(doc: EmailDocument, el: Element, around: Rgba): boolean {
  const style = doc.styles.cascaded(el);
  const widths = doc.styles.used(el).border;
  if (widths.some((w) => w < 2)) return false;
  if (/\b(none|hidden)\b/i.test(`${style.get('border-style') ?? ''} ${style.get('border') ?? ''}`)) return false;
  const text = doc.styles.computed(el).color;
  return (['top', 'right', 'bottom', 'left'] as const).every((side, i) => {
    const c = borderColor(style, side, i);
    if (!c) return false;
    const color = c === 'currentcolor' ? text : c;
    return color.a > 0 && truncateRatio(contrastRatio(over(color, around), around)) >= 3;
  });
}
