/**
 * The world set (eval/labels-world, policy in its README.md): real public templates in many
 * natural and template languages, kept in the repository. Reuses the real-set scorer
 * (test/eval-real.ts) and adds per-language figures and the count of findings whose suggested
 * wording mixes writing systems. The same scorer reads any set laid out the same way
 * (`eval/labels-<set>/`: templates/, labels/, MANIFEST.tsv), e.g. the held-out field set.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../src/engine/types.js';
import { evaluate, formatRow, precision, readLabels, recall, type Counts, type EvalResult, type Label } from './eval-real.js';

/** A labelled set in eval/labels-<name>/: `world` (tuned on) or `field`, `field2`, `field3` (held out). */
export type EvalSet = 'world' | 'field' | 'field2' | 'field3' | 'field4';
const setDir = (set: EvalSet) => fileURLToPath(new URL(`../eval/labels-${set}/`, import.meta.url));

export interface WorldLabel extends Label {
  naturalLanguage: string;
  templateLanguage: string;
  source: { repo: string; commit: string; path: string; license: string };
}

export interface WorldResult extends EvalResult {
  perLanguage: Record<string, Counts & { files: number }>;
  perTemplateLanguage: Record<string, Counts & { files: number }>;
  /** Findings (any rule) whose suggested wording mixes scripts, e.g. `"Shop احصل على العرض"`. */
  mixedScript: string[];
  /** html-lang findings that suggest lang="en" on copy in another language. */
  englishLangOnOther: string[];
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  // Japanese mixes kanji and kana by design: one CJK family.
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Devanagari', /\p{Script=Devanagari}/u],
];

// Template expressions and URLs are not wording.
const NOT_WORDING = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\*\|[\s\S]*?\|\*|[$#]\{[^}]*\}|%%?[\w.=@()[\]-]+%?%|<%[\s\S]*?%>|\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;

/** The writing systems the letters of `text` belong to (template tags and URLs left out). */
export function scriptsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const ch of text.replace(NOT_WORDING, ' ')) {
    if (!/\p{L}/u.test(ch)) continue;
    for (const [name, re] of SCRIPTS) if (re.test(ch)) out.add(name);
  }
  return out;
}

export const mixesScripts = (text: string) => scriptsOf(text).size > 1;

/** The wording a finding proposes: quoted strings of its suggestions and its message's example. */
export function suggestedWording(m: LintMessage): string[] {
  const quoted = (s: string, re: RegExp) => [...s.matchAll(re)].map((x) => x[1]);
  return [
    ...(m.suggestions ?? []).flatMap((s) => quoted(s.desc, /"([^"]+)"/g)),
    ...quoted(m.message, /(?:e\.g\.|Try|such as|sentence case \()\s*"([^"]+)"/g),
  ];
}

async function readWorldLabels(set: EvalSet = 'world'): Promise<WorldLabel[]> {
  return (await readLabels(join(setDir(set), 'labels'))) as WorldLabel[];
}

/** Every template has a label and every label its template (relative paths, '/'-separated). */
async function worldFiles(set: EvalSet = 'world'): Promise<{ templates: string[]; labels: string[] }> {
  const list = async (dir: string): Promise<string[]> => {
    const out: string[] = [];
    const walk = async (d: string): Promise<void> => {
      for (const e of await readdir(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else out.push(relative(dir, p).split(sep).join('/'));
      }
    };
    await walk(dir);
    return out.sort();
  };
  return { templates: await list(join(setDir(set), 'templates')), labels: (await list(join(setDir(set), 'labels'))).map((f) => f.replace(/\.json$/, '')) };
}

async function manifestFiles(set: EvalSet = 'world'): Promise<string[]> {
  const rows = (await readFile(join(setDir(set), 'MANIFEST.tsv'), 'utf8')).trim().split('\n').slice(1);
  return rows.map((r) => r.split('\t')[0]).sort();
}

async function evaluateWorld(labels: WorldLabel[], set: EvalSet = 'world'): Promise<WorldResult> {
  const perLanguage: WorldResult['perLanguage'] = {};
  const perTemplateLanguage: WorldResult['perTemplateLanguage'] = {};
  const mixedScript: string[] = [];
  const englishLangOnOther: string[] = [];
  const add = (into: Record<string, Counts & { files: number }>, key: string, c: Counts) => {
    const t = (into[key] ??= { tp: 0, fp: 0, fn: 0, files: 0 });
    t.tp += c.tp;
    t.fp += c.fp;
    t.fn += c.fn;
    t.files++;
  };
  const result = await evaluate(labels, {
    corpusDir: join(setDir(set), 'templates'),
    onFile: (label, messages, counts) => {
      const l = label as WorldLabel;
      add(perLanguage, l.naturalLanguage, counts);
      add(perTemplateLanguage, l.templateLanguage, counts);
      for (const m of messages) {
        if (!m.ruleId) continue;
        const mixed = suggestedWording(m).find(mixesScripts);
        if (mixed !== undefined) mixedScript.push(`${l.file}:${m.line} ${m.ruleId} "${mixed}"`);
        if (m.ruleId === 'html-lang' && !['en', 'und'].includes(l.naturalLanguage) && /lang="en"/.test(m.message))
          englishLangOnOther.push(`${l.file}:${m.line} (${l.naturalLanguage})`);
      }
    },
  });
  return { ...result, perLanguage, perTemplateLanguage, mixedScript, englishLangOnOther };
}

const row = formatRow;
const header = (first: string) => `${first.padEnd(22)}   tp   fp   fn   precision recall`;

function formatWorldReport(r: WorldResult, set: EvalSet = 'world'): string {
  const keyed = (title: string, m: Record<string, Counts & { files: number }>) => [
    header(title) + '  files',
    ...Object.keys(m).sort().map((k) => row(k, m[k], `  ${String(m[k].files).padStart(5)}`)),
  ];
  return [
    `${set} set: ${r.files} labelled templates`,
    header('rule'),
    ...Object.keys(r.perRule).sort().map((id) => row(id, r.perRule[id])),
    row('overall', r.overall),
    row('CTA detection', r.cta),
    `primary CTA right: ${r.cta.primaryOk}/${r.cta.primaryFiles}`,
    '',
    ...keyed('natural language', r.perLanguage),
    '',
    ...keyed('template language', r.perTemplateLanguage),
    '',
    `findings whose suggestion mixes scripts: ${r.mixedScript.length}`,
    `html-lang suggesting lang="en" on copy in another language: ${r.englishLangOnOther.length}`,
  ].join('\n');
}

/** What a set's gate test holds it to. */
export interface SetFloors {
  templates: number;
  naturalLanguages: number;
  templateLanguages: number;
  overall: { precision: number; recall: number };
  cta: { precision: number; recall: number };
  /** Most findings with a mixed-script suggestion allowed (goal 0). */
  mixedScript: number;
}

/** Every template of the set has a label and a manifest row, with its source and licence. */
export async function expectCompleteSet(set: EvalSet, floors: SetFloors): Promise<void> {
  const { templates, labels } = await worldFiles(set);
  expect(templates.length).toBeGreaterThanOrEqual(floors.templates);
  expect(labels).toEqual(templates);
  expect(await manifestFiles(set)).toEqual(templates);
  const all = await readWorldLabels(set);
  for (const l of all) {
    expect(l.source.commit, l.file).toMatch(/^[0-9a-f]{40}$/);
    expect(l.source.license, l.file).toBeTruthy();
    expect(`${l.source.repo.replace('/', '+')}/${l.source.path}`).toBe(l.file);
  }
  expect(new Set(all.map((l) => l.naturalLanguage).filter((x) => x !== 'und')).size).toBeGreaterThanOrEqual(floors.naturalLanguages);
  expect(new Set(all.map((l) => l.templateLanguage).filter((x) => x !== 'none')).size).toBeGreaterThanOrEqual(floors.templateLanguages);
}

/** Lints every template of the set, prints its report and holds it to the floors. */
export async function expectAboveFloors(set: EvalSet, floors: SetFloors): Promise<WorldResult> {
  const r = await evaluateWorld(await readWorldLabels(set), set);
  console.log(formatWorldReport(r, set));
  if (r.misses.length) console.log(`Mismatches:\n  ${r.misses.join('\n  ')}`);
  if (r.mixedScript.length) console.log(`Mixed-script suggestions:\n  ${r.mixedScript.join('\n  ')}`);
  if (r.englishLangOnOther.length) console.log(`html-lang suggesting lang="en" on other languages:\n  ${r.englishLangOnOther.join('\n  ')}`);
  expect(r.errors).toEqual([]);
  expect(precision(r.overall)).toBeGreaterThanOrEqual(floors.overall.precision);
  expect(recall(r.overall)).toBeGreaterThanOrEqual(floors.overall.recall);
  expect(precision(r.cta)).toBeGreaterThanOrEqual(floors.cta.precision);
  expect(recall(r.cta)).toBeGreaterThanOrEqual(floors.cta.recall);
  expect(r.mixedScript.length).toBeLessThanOrEqual(floors.mixedScript);
  return r;
}

/** A set's gate: every template has its label, manifest row and licence; linting them all stays above the floors. */
export function describeSet(title: string, set: EvalSet, floors: SetFloors): void {
  describe(title, () => {
    it('has every template, label and manifest row, with its source and licence', async () => {
      await expectCompleteSet(set, floors);
    });

    it('lints every template and stays above the floors', async () => {
      await expectAboveFloors(set, floors);
    }, 300_000);
  });
}
