/**
 * The real-template evaluation: hand labels in eval/labels/<corpus path>.json (policy in
 * eval/POLICY.md) against what inboxlint reports on ../shared/corpus. Precision and recall per
 * rule (only on the files whose `rules` list names the rule) and for CTA detection.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint } from '../src/api.js';
import { loadFile } from '../src/input/index.js';
import type { LintMessage } from '../src/engine/types.js';
import { CORPUS_DIR } from './corpus.js';

export const labelsDir = fileURLToPath(new URL('../eval/labels/', import.meta.url));

export interface ExpectedFinding {
  /** A rule id, or several when the policy accepts either (one defect, one finding). */
  rule: string | string[];
  line?: number;
  /** Any of these lines (a finding whose line the contract leaves open: the tag or its text). */
  lines?: number[];
  messageId?: string;
  /** A finding here is neither a hit nor a false positive (a judgement the label does not make). */
  optional?: boolean;
  note?: string;
}
export interface LabelCta {
  label: string;
  href: string;
  primary?: boolean;
  /** Neither a hit nor a false positive when detected (placeholder destinations, judgement calls). */
  optional?: boolean;
}
export interface Label {
  file: string;
  mailType: 'marketing' | 'transactional';
  rules: string[];
  ctas: LabelCta[] | null;
  expected: ExpectedFinding[];
  traps: ExpectedFinding[];
}

export interface Counts { tp: number; fp: number; fn: number }
export interface EvalResult {
  files: number;
  perRule: Record<string, Counts>;
  overall: Counts;
  cta: Counts & { primaryOk: number; primaryFiles: number };
  errors: string[];
  /** Human-readable mismatches for the report. */
  misses: string[];
}

export async function readLabels(root: string = labelsDir): Promise<Label[]> {
  const out: Label[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.json')) {
        const label = JSON.parse(await readFile(p, 'utf8')) as Label;
        if (`${label.file}.json` !== relative(root, p).split(sep).join('/')) throw new Error(`${p}: "file" does not match the label's path`);
        out.push(label);
      }
    }
  };
  await walk(root);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const rulesOf = (e: ExpectedFinding) => (Array.isArray(e.rule) ? e.rule : [e.rule]);
export const ratio = (a: number, b: number) => (b ? a / b : 1);
export const precision = (c: Counts) => ratio(c.tp, c.tp + c.fp);
export const recall = (c: Counts) => ratio(c.tp, c.tp + c.fn);

/** Findings of an element rule count once per line (one element, one finding). */
function dedupe(messages: LintMessage[]): LintMessage[] {
  const seen = new Set<string>();
  return messages.filter((m) => {
    const k = `${m.ruleId}:${m.line}:${m.messageId ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface EvalOptions {
  /** Where the labelled files are (default ../shared/corpus). */
  corpusDir?: string;
  /** Called once per linted file with its findings and its own counts (all scoped rules). */
  onFile?: (label: Label, messages: LintMessage[], counts: Counts) => void;
}

const lineMatches = (e: ExpectedFinding, line: number) => (e.lines ? e.lines.includes(line) : e.line === undefined || e.line === line);

export async function evaluate(labels: Label[], options: EvalOptions = {}): Promise<EvalResult> {
  const perRule: Record<string, Counts> = {};
  const cta = { tp: 0, fp: 0, fn: 0, primaryOk: 0, primaryFiles: 0 };
  const errors: string[] = [];
  const misses: string[] = [];
  for (const label of labels) {
    const path = join(options.corpusDir ?? CORPUS_DIR, label.file);
    const [result] = await lint(path, { reportUnusedDirectives: false });
    const fatal = result.messages.find((m) => m.fatal);
    if (fatal) {
      errors.push(`${label.file}: ${fatal.message}`);
      continue;
    }
    const scoped = new Set(label.rules);
    const findings = dedupe(result.messages.filter((m) => m.ruleId && scoped.has(m.ruleId)));
    const used = new Set<LintMessage>();
    const file = { tp: 0, fp: 0, fn: 0 };
    for (const rule of label.rules) perRule[rule] ??= { tp: 0, fp: 0, fn: 0 };
    for (const e of label.expected) {
      const hit = findings.find(
        (m) => !used.has(m) && rulesOf(e).includes(m.ruleId!) && lineMatches(e, m.line) && (e.messageId === undefined || m.messageId === e.messageId),
      );
      if (hit) {
        used.add(hit);
        if (!e.optional) {
          perRule[hit.ruleId!].tp++;
          file.tp++;
        }
      } else if (!e.optional) {
        perRule[rulesOf(e)[0]].fn++;
        file.fn++;
        misses.push(`FN ${label.file}: ${rulesOf(e).join('|')}${e.line ? ` line ${e.line}` : e.lines ? ` line ${e.lines.join('|')}` : ''}${e.messageId ? ` (${e.messageId})` : ''}${e.note ? ` — ${e.note}` : ''}`);
      }
    }
    for (const m of findings) {
      if (used.has(m)) continue;
      perRule[m.ruleId!].fp++;
      file.fp++;
      misses.push(`FP ${label.file}:${m.line}: ${m.ruleId} ${m.message.slice(0, 140)}`);
    }
    options.onFile?.(label, result.messages, file);

    if (label.ctas) {
      const doc = await loadFile(path);
      const found = doc.ctas.map((c) => ({ label: c.label, href: c.href, primary: c.primary }));
      const pool = label.ctas.filter((c) => !c.optional);
      const optional = label.ctas.filter((c) => c.optional);
      const take = (list: LabelCta[], c: { label: string; href: string }) => {
        const i = list.findIndex((x) => norm(x.label) === norm(c.label) && x.href.trim() === c.href.trim());
        if (i >= 0) list.splice(i, 1);
        return i >= 0;
      };
      for (const c of found) {
        if (take(pool, c)) cta.tp++;
        else if (!take(optional, c)) {
          cta.fp++;
          misses.push(`CTA FP ${label.file}: "${c.label}" → ${c.href}`);
        }
      }
      cta.fn += pool.length;
      for (const c of pool) misses.push(`CTA FN ${label.file}: "${c.label}" → ${c.href}`);
      const want = label.ctas.find((c) => c.primary);
      const got = found.find((c) => c.primary);
      cta.primaryFiles++;
      // An optional primary (a judgement call) may be found or not; another CTA as primary is wrong.
      if ((!want && !got) || (want && got && norm(want.label) === norm(got.label)) || (want?.optional && !got)) cta.primaryOk++;
      else misses.push(`CTA primary ${label.file}: "${got?.label ?? '-'}" vs "${want?.label ?? '-'}"`);
    }
  }
  const overall = Object.values(perRule).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { files: labels.length, perRule, overall, cta, errors, misses };
}

/** One table row: name, tp, fp, fn, precision, recall (and anything after). */
export const formatRow = (name: string, c: Counts, extra = '') =>
  `${name.padEnd(22)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}   ${precision(c).toFixed(3)}   ${recall(c).toFixed(3)}${extra}`;

export function formatReport(r: EvalResult): string {
  const row = formatRow;
  return [
    `real-template set: ${r.files} labelled templates`,
    `${'rule'.padEnd(22)}   tp   fp   fn   precision recall`,
    ...Object.keys(r.perRule).sort().map((id) => row(id, r.perRule[id])),
    row('overall', r.overall),
    row('CTA detection', r.cta),
    `primary CTA right: ${r.cta.primaryOk}/${r.cta.primaryFiles}`,
  ].join('\n');
}
