/**
 * The one home of helpers a rule may use, built-in or a plugin's (the package exports them):
 * how a finding is worded and placed, not what the email is (that is the model's).
 *
 * - text: `graphemes`, `graphemeLength`, `graphemeSlice` (what the reader sees, not UTF-16
 *   units), `truncate` for quoting text in messages;
 * - where to report: `documentStartRange`, `afterTagName`, `ctaReportRange`;
 * - CTA wording: `ctaName`, `exampleClause`, `howKnown` (measured or estimated);
 * - views: `checkRunsPerView`, `phoneOnlyRuns`, `PHONE_NOTE` (a finding that holds only on the phone);
 * - contrast: `contrastFailure` (the WCAG pass/fail of a text run and its message data), `describeColor`;
 * - mail type: `mailTypeBasis` (how a finding says the mail type was inferred).
 *
 * HTML escaping for a suggested edit is `escapeHtml` (src/escape.ts, a leaf every layer uses).
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './model/document.js';
import type { MailTypeInfo } from './model/mail-type.js';
import type { Range } from './model/location.js';
import type { Cta } from './model/cta/index.js';
import type { ResolvedColor, TextRun } from './style/service.js';
import { VIEWPORTS } from './style/views.js';
import { contrastRatio, formatColor, formatRatio, isLargeText, requiredRatio, toHex, truncateRatio, type WcagLevel } from './css/color.js';

// Built on first use: the process's first segmenter loads ICU's break data (15–35 ms), and most text is ASCII.
let segmenter: Intl.Segmenter | undefined;
const segment = (s: string) => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(s);

/**
 * Characters segmented at a time: V8's segment iterator costs time in the whole string's length
 * per step. Windows start small (most callers stop after a few dozen characters) and grow.
 */
const FIRST_WINDOW = 64;
const MAX_WINDOW = 1024;

/**
 * The user-perceived characters of `s`, in order, in time linear in its length. Each window is
 * segmented on its own and its last segment is carried into the next window, since a cluster
 * (an emoji with modifiers, a flag) can straddle the window's end.
 */
export function* graphemes(s: string): Generator<string> {
  // ASCII without CR LF (the one ASCII pair that is one cluster): each unit is a cluster.
  if (!/[^\x00-\x7f]|\r\n/.test(s)) {
    for (let i = 0; i < s.length; i++) yield s[i];
    return;
  }
  let from = 0;
  let size = FIRST_WINDOW;
  while (from < s.length) {
    let end = Math.min(s.length, from + size);
    size = Math.min(MAX_WINDOW, size * 2);
    // Never cut a surrogate pair: half an emoji would end the cluster before it.
    if (end < s.length && /[\ud800-\udbff]/.test(s[end - 1])) end--;
    const window = s.slice(from, end);
    if (end === s.length) {
      for (const seg of segment(window)) yield seg.segment;
      return;
    }
    let last: { segment: string; index: number } | undefined;
    for (const seg of segment(window)) {
      if (last) yield last.segment;
      last = seg;
    }
    if (last && last.index > 0) {
      from += last.index;
    } else {
      // A window that is one huge cluster (a base with endless combining marks) still moves on.
      yield window;
      from = end;
    }
  }
}

/** Number of user-perceived characters (an emoji with modifiers counts as 1). */
export function graphemeLength(s: string): number {
  // Printable ASCII, tabs and line feeds are one character each: no need to segment.
  if (!/[^\t\n\x20-\x7e]/.test(s)) return s.length;
  let n = 0;
  for (const _ of graphemes(s)) n++;
  return n;
}

/** The first `n` graphemes of `s`. */
export function graphemeSlice(s: string, n: number): string {
  let out = '';
  let i = 0;
  for (const segment of graphemes(s)) {
    if (i++ >= n) break;
    out += segment;
  }
  return out;
}

/**
 * `s` cut to `max` graphemes with an ellipsis when longer. Segments at most `max + 1`
 * graphemes (a text run can be a whole page long), and none when `s` has at most `max` UTF-16
 * units (a grapheme is at least one unit).
 */
export function truncate(s: string, max = 60): string {
  if (s.length <= max) return s;
  // Its first max + 1 units ASCII without CR LF: max + 1 clusters at least, the first max - 1 of them single units.
  if (max >= 1 && !/[^\x00-\x7f]|\r\n/.test(s.slice(0, max + 1))) return `${s.slice(0, max - 1).trimEnd()}…`;
  let n = 0;
  for (const _ of graphemes(s)) if (++n > max) return `${graphemeSlice(s, max - 1).trimEnd()}…`;
  return s;
}

/**
 * Where a finding about the whole document goes: the `<html>` start tag, else the first
 * element's start tag, else the start of the text.
 */
export function documentStartRange(doc: EmailDocument): Range {
  const el: Element | undefined = doc.htmlElement ?? doc.renderedElements[0];
  return el ? doc.startTagRange(el) : { start: 0, end: 0 };
}

/** The offset just after a start tag's name (`<table|`), where an attribute can be inserted. */
export function afterTagName(doc: EmailDocument, el: Element): number {
  return (el.startIndex ?? 0) + 1 + el.name.length;
}

/** The label text's range when known, else the CTA link's start tag. */
export function ctaReportRange(doc: EmailDocument, cta: Cta): Range {
  return cta.labelRange ?? doc.startTagRange(cta.labelElement);
}

/** `"Shop now"` (or `image CTA (no alt)`), quoted and truncated for messages. */
export function ctaName(cta: Cta): string {
  if (!cta.label) return cta.kind === 'image' ? 'image CTA (no alt text)' : 'CTA (no label)';
  return `"${truncate(cta.label, 40)}"`;
}

/**
 * The example clause of a message: `, e.g. "Book your seat"` when a suggestion fits the CTA,
 * else nothing (a made-up label that does not fit the destination misleads more than it helps).
 */
export function exampleClause(label: string | undefined, lead = ', e.g. '): string {
  return label ? `${lead}"${label}"` : '';
}

/** "estimated" or "measured" for one or more boxes. */
export function howKnown(measured: boolean): string {
  return measured ? 'measured in a render' : 'estimated statically from the markup';
}

/*
 * Views. The rules that read the cascade (contrast, font size) check each view where it matters:
 * the 600 px pane, then the 375 px phone where a media query styles it differently. A finding
 * that holds in the pane is reported once, for the pane; one that appears only on the phone is
 * reported once, saying so (`{{where}}` in the message).
 */

/** Appended to a message (`{{where}}`) for a finding that holds only at the phone width. */
export const PHONE_NOTE = ` This applies at the ${VIEWPORTS.mobile.width} px phone width, where a media query changes it.`;

/** The phone's text runs when a media query makes the phone's cascade differ from the pane's, else none. */
export function phoneOnlyRuns(doc: EmailDocument): TextRun[] {
  return doc.styles.differsOnPhone() ? doc.phoneTextRuns : [];
}

/**
 * Runs a check over the pane's runs, then over the phone's runs whose element did not fail in
 * the pane. `check` returns true when it reported.
 */
export function checkRunsPerView(doc: EmailDocument, runs: readonly TextRun[], check: (run: TextRun, where: string) => boolean): void {
  const failed = new Set<Element>();
  for (const run of runs) if (check(run, '')) failed.add(run.element);
  for (const run of phoneOnlyRuns(doc)) if (!failed.has(run.element)) check(run, PHONE_NOTE);
}

/** `#8a8a8a (from .muted in <style>, line 22)`; a composited colour also says what was declared. */
export function describeColor(c: ResolvedColor): string {
  const blended = c.blended ? `; ${formatColor(c.declared)} seen through transparency or opacity` : '';
  return `${toHex(c.color)} (${c.origin.description}${blended})`;
}

/**
 * The finding data for a text run that fails WCAG 2.x contrast at `level` (the ratio truncated
 * before comparing, the large-text threshold for large text), or undefined when it passes.
 */
export function contrastFailure(run: TextRun, level: WcagLevel): Record<string, string> | undefined {
  const ratio = contrastRatio(run.fg.color, run.bg.color);
  const required = requiredRatio(level, isLargeText(run.fontSize, run.fontWeight));
  if (truncateRatio(ratio) >= required) return undefined;
  return { ratio: formatRatio(ratio), required: String(required), fg: describeColor(run.fg), bg: describeColor(run.bg), text: run.text };
}

/**
 * How a finding says where the mail type came from: empty when it was set; otherwise which
 * type was inferred and from what, and how to override it.
 */
export function mailTypeBasis(info: MailTypeInfo): string {
  if (!info.inferred) return '';
  const from = info.evidence.length ? `inferred from ${info.evidence.join(', ')}` : 'nothing in the content says which';
  return ` (mail type ${info.type}, ${from}; set mailType or --mail-type if that is wrong)`;
}
