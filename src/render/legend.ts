/**
 * What an annotated picture says, decided before anything is drawn (pure, no browser):
 *
 * - which findings belong to a view's picture, by the finding's `condition` (set by the rule):
 *   the light picture carries every finding except the dark scheme's own, the dark picture only
 *   those (`dark`: contrast in the template's dark-mode colours, or none declared), and the
 *   images-off picture what blocking images changes (`images-off`: img-alt, cta-image-only);
 * - the legend: findings of one rule and severity grouped into one numbered entry (with its
 *   count and lines), document-level entries (`html-lang`, `viewport-meta`, a finding whose
 *   element is not drawn at this view) first, for the header strip, then the others in the order
 *   their elements appear from the top;
 * - the markers: one per drawn element (the numbers of the entries on it), placed in the margin
 *   beside the email at the height of the element, pushed down past the marker above.
 */
import type { Box } from '../model/geometry.js';
import type { Condition } from '../rule.js';

export interface LegendEntry {
  /** The number on the picture. */
  n: number;
  ruleId: string;
  severity: 'error' | 'warning';
  /** The first finding's message (the others of the group say the same of other elements). */
  message: string;
  count: number;
  /** Source lines of the findings, ascending, each once. */
  lines: number[];
  /** Shown in the header strip: about the whole document, or its element is not drawn at this view. */
  document: boolean;
}

/** The variant of a picture, as far as which findings it carries. */
export interface PictureVariant {
  dark: boolean;
  images: string;
}

/** True when a finding belongs on the picture of `variant` (see the top of this file). */
export function findingOfVariant(m: { condition?: Condition }, variant: PictureVariant): boolean {
  if (variant.dark) return m.condition === 'dark';
  if (variant.images === 'off') return m.condition === 'images-off';
  return m.condition !== 'dark';
}

export interface PlacedFinding {
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  line: number;
  /** Null: a document-level finding (or one whose element is not drawn here). */
  box: Box | null;
}

/**
 * Groups findings into legend entries and numbers them (document-level first, then by the top
 * of their first element). Returns the entries and each finding's entry number, in input order.
 */
export function buildLegend(findings: readonly PlacedFinding[]): { entries: LegendEntry[]; numbers: number[] } {
  const groups = new Map<string, { entry: Omit<LegendEntry, 'n'>; top: number; members: number[] }>();
  findings.forEach((f, i) => {
    const doc = !f.box;
    const key = `${f.ruleId}\u0000${f.severity}\u0000${doc}`;
    let g = groups.get(key);
    if (!g) {
      g = { entry: { ruleId: f.ruleId, severity: f.severity, message: f.message, count: 0, lines: [], document: doc }, top: f.box?.top ?? -1, members: [] };
      groups.set(key, g);
    }
    g.entry.count++;
    if (!g.entry.lines.includes(f.line)) g.entry.lines.push(f.line);
    if (f.box) g.top = Math.min(g.top, f.box.top);
    g.members.push(i);
  });
  const ordered = [...groups.values()].sort(
    (a, b) => Number(b.entry.document) - Number(a.entry.document) || a.top - b.top || (a.entry.severity === b.entry.severity ? 0 : a.entry.severity === 'error' ? -1 : 1) || a.entry.ruleId.localeCompare(b.entry.ruleId),
  );
  const numbers = new Array<number>(findings.length);
  const entries = ordered.map((g, k) => {
    for (const i of g.members) numbers[i] = k + 1;
    g.entry.lines.sort((x, y) => x - y);
    return { n: k + 1, ...g.entry };
  });
  return { entries, numbers };
}

/** "line 12" or "lines 12, 40, 77 +5". */
export function linesText(lines: readonly number[], max = 4): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const shown = lines.slice(0, max).join(', ');
  return `lines ${shown}${lines.length > max ? ` +${lines.length - max}` : ''}`;
}

export interface Marker {
  /** The entry numbers it stands for. */
  numbers: number[];
  error: boolean;
  /** The height it points at, in the picture's CSS px (the email's coordinates). */
  want: number;
  /** The element boxes its leader lines go to. */
  targets: Box[];
}

/** Height of a marker or pill in CSS px, and the gap kept between two. */
export const MARKER_HEIGHT = 18;
const GAP = 3;

/**
 * Places items at the height they point at (their `want`, the centre), each below the one
 * before it and clear of the `blocked` bands (e.g. the fold label). Returns their tops.
 */
export function stack(wants: readonly number[], height = MARKER_HEIGHT, blocked: ReadonlyArray<{ top: number; bottom: number }> = []): number[] {
  const order = wants.map((w, i) => [w, i] as const).sort((a, b) => a[0] - b[0]);
  const tops = new Array<number>(wants.length);
  let floor = 0;
  for (const [want, i] of order) {
    let top = Math.max(floor, want - height / 2);
    for (let moved = true; moved; ) {
      moved = false;
      for (const b of blocked) {
        if (top < b.bottom + GAP && top + height + GAP > b.top) {
          top = b.bottom + GAP;
          moved = true;
        }
      }
    }
    tops[i] = top;
    floor = top + height + GAP;
  }
  return tops;
}

/** Where a leader line aims on a box: near its top, so tall elements are marked where they start. */
export const aimOf = (b: Box) => b.top + Math.min(b.height, MARKER_HEIGHT + 6) / 2;

/**
 * The finding markers of a picture: one per drawn element (its entry numbers), elements with
 * the same numbers less than a marker apart sharing one (on the same half of the picture when
 * `halfway` is given, since each half has its own margin).
 */
export function findingMarkers(findings: readonly PlacedFinding[], numbers: readonly number[], halfway = Infinity): Marker[] {
  const byBox = new Map<string, { box: Box; numbers: Set<number>; error: boolean }>();
  findings.forEach((f, i) => {
    if (!f.box) return;
    const key = `${f.box.top}/${f.box.left}/${f.box.width}/${f.box.height}`;
    const m = byBox.get(key) ?? { box: f.box, numbers: new Set<number>(), error: false };
    m.numbers.add(numbers[i]);
    m.error ||= f.severity === 'error';
    byBox.set(key, m);
  });
  const sorted = [...byBox.values()].sort((a, b) => aimOf(a.box) - aimOf(b.box));
  const merged: Marker[] = [];
  const leftOf = (b: Box) => b.left + b.width / 2 < halfway;
  const last: Partial<Record<'l' | 'r', Marker>> = {};
  for (const m of sorted) {
    const nums = [...m.numbers].sort((a, b) => a - b);
    const side = leftOf(m.box) ? 'l' : 'r';
    const prev = last[side];
    if (prev && prev.numbers.join() === nums.join() && aimOf(m.box) - prev.want < MARKER_HEIGHT) {
      prev.targets.push(m.box);
      prev.error ||= m.error;
      continue;
    }
    const made = { numbers: nums, error: m.error, targets: [m.box], want: aimOf(m.box) };
    merged.push(made);
    last[side] = made;
  }
  return merged;
}

/** A marker's text: its numbers, at most three. */
export function markerText(numbers: readonly number[]): string {
  return numbers.length > 3 ? `${numbers.slice(0, 3).join('·')}+` : numbers.join('·');
}
