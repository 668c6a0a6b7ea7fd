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
import type { Range } from '../model/location.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids; empty means all rules. */
  rules: string[];
  reason?: string;
  range: Range;
  /** 1-based line (in the linted text) of the comment's start / end. */
  line: number;
  endLine: number;
  /** Per-rule (or '*') use count, for unused-directive reports. */
  used: Set<string>;
}

const RE = /^\s*inboxlint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*$/;

export function parseDirectives(doc: EmailDocument): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = RE.exec(c.data);
    if (!m) continue;
    let list = m[2] ?? '';
    let reason: string | undefined;
    const sep = list.indexOf('--');
    if (sep >= 0) {
      reason = list.slice(sep + 2).trim() || undefined;
      list = list.slice(0, sep);
    }
    const range = doc.range(c);
    out.push({
      kind: m[1] as DirectiveKind,
      rules: list.split(/[\s,]+/).filter(Boolean),
      reason,
      range,
      line: doc.lines.position(range.start).line,
      endLine: doc.lines.position(range.end).line,
      used: new Set(),
    });
  }
  return out;
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
    if (d.range.start > offset) break;
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
