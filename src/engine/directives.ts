/**
 * Inline directives in HTML comments:
 *   <!-- inboxlint-disable rule-a, rule-b -- reason -->
 *   <!-- inboxlint-enable rule-a -->
 *   <!-- inboxlint-disable-next-line rule-a -- reason -->
 *   <!-- inboxlint-disable-line rule-a -->
 * No rule list means every rule. The engine applies them; a directive that suppresses nothing
 * is reported as unused.
 */
import type { EmailDocument } from '../model/document.js';
import { LineIndex, type Range, type Span } from '../model/location.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means all rules. */
  rules: string[];
  reason?: string;
  range: Range;
  /** Where a block directive starts to apply: its own offset, or 0 for a comment in <head>
   *  (a `disable` in the head covers the whole document, `<html lang>` included; MJML puts an
   *  `<mj-head><mj-raw>` comment at the end of the compiled head). */
  from: number;
  /** 1-based line, in the file the user edits (the MJML source for .mjml), of the comment's start / end. */
  line: number;
  endLine: number;
  /** Its span in the file the user edits (where an unused-directive warning points). */
  span: Span;
  /** Per-rule (or '*') use count, for unused-directive reports. */
  used: Set<string>;
}

const RE = /^inboxlint-(disable-next-line|disable-line|disable|enable)(?:\s([^]*))?$/;

export function parseDirectives(doc: EmailDocument): Directive[] {
  const out: Directive[] = [];
  const seen = new Map<string, number>();
  for (const c of doc.comments) {
    const m = RE.exec(c.data.trim());
    if (!m) continue;
    let list = (m[2] ?? '').trim();
    let reason: string | undefined;
    const sep = list.indexOf('--');
    if (sep >= 0) {
      reason = list.slice(sep + 2).trim() || undefined;
      list = list.slice(0, sep);
    }
    const range = doc.range(c);
    const span = commentSpan(doc, c.data, range, seen);
    out.push({
      kind: m[1] as DirectiveKind,
      rules: list.split(/[\s,]+/).filter(Boolean),
      reason,
      range,
      from: inHead(c) ? 0 : range.start,
      line: span.line,
      endLine: span.endLine,
      span,
      used: new Set(),
    });
  }
  return out;
}

/**
 * Where a directive comment is in the file the user edits. For MJML the comment is found in the
 * MJML source itself (the n-th comment with the same text), since the compiled HTML's lines are
 * not the user's; elsewhere it is the document's own span.
 */
function commentSpan(doc: EmailDocument, data: string, range: { start: number; end: number }, seen: Map<string, number>): Span {
  const source = doc.facts.mjml?.source.text;
  if (doc.kind === 'mjml' && source) {
    const needle = `<!--${data}-->`;
    const nth = seen.get(needle) ?? 0;
    seen.set(needle, nth + 1);
    let at = -1;
    for (let i = 0; i <= nth; i++) {
      at = source.indexOf(needle, at + 1);
      if (at < 0) break;
    }
    if (at >= 0) return new LineIndex(source).span({ start: at, end: at + needle.length });
  }
  return doc.span(range);
}

function inHead(node: { parent: unknown }): boolean {
  for (let p = node.parent as { name?: string; parent: unknown } | null; p; p = p.parent as typeof p) if (p.name === 'head') return true;
  return false;
}

const covers = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

/**
 * The directive that suppresses a finding of `ruleId` starting at `offset` (line `line`),
 * or undefined. Marks it used.
 */
export function suppressor(directives: readonly Directive[], ruleId: string, offset: number, line: number): Directive | undefined {
  // Line directives first.
  for (const d of directives) {
    if (d.kind === 'disable-next-line' && line === d.endLine + 1 && covers(d, ruleId)) return use(d, ruleId);
    if (d.kind === 'disable-line' && line >= d.line && line <= d.endLine && covers(d, ruleId)) return use(d, ruleId);
  }
  // Block directives: the last disable/enable before the offset that mentions this rule wins.
  let state: Directive | undefined;
  for (const d of directives) {
    if (d.from > offset) continue;
    if (d.kind === 'disable' && covers(d, ruleId)) state = d;
    else if (d.kind === 'enable' && covers(d, ruleId)) state = undefined;
  }
  return state ? use(state, ruleId) : undefined;
}

function use(d: Directive, ruleId: string): Directive {
  d.used.add(ruleId);
  return d;
}

/** Descriptions of the directives (or the rule names in them) that suppressed nothing. */
export function unusedDirectives(directives: readonly Directive[]): Array<{ directive: Directive; message: string }> {
  const out: Array<{ directive: Directive; message: string }> = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    if (d.rules.length === 0) {
      if (d.used.size === 0) out.push({ directive: d, message: `Unused inboxlint-${d.kind} directive (no problems were reported).` });
      continue;
    }
    const unused = d.rules.filter((r) => !d.used.has(r));
    if (unused.length) {
      out.push({
        directive: d,
        message: `Unused inboxlint-${d.kind} directive (no problems were reported from ${unused.map((r) => `'${r}'`).join(', ')}).`,
      });
    }
  }
  return out;
}
