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
import type { LintMessage } from '../src/engine/types.js';
import { evaluate, formatRow, readLabels, type Counts, type EvalResult, type Label } from './eval-real.js';

/** A labelled set in eval/labels-<name>/: `world` (tuned on) or `field` (held out). */
export type EvalSet = 'world' | 'field';
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

export async function readWorldLabels(set: EvalSet = 'world'): Promise<WorldLabel[]> {
  return (await readLabels(join(setDir(set), 'labels'))) as WorldLabel[];
}

/** Every template has a label and every label its template (relative paths, '/'-separated). */
export async function worldFiles(set: EvalSet = 'world'): Promise<{ templates: string[]; labels: string[] }> {
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

export async function manifestFiles(set: EvalSet = 'world'): Promise<string[]> {
  const rows = (await readFile(join(setDir(set), 'MANIFEST.tsv'), 'utf8')).trim().split('\n').slice(1);
  return rows.map((r) => r.split('\t')[0]).sort();
}

export async function evaluateWorld(labels: WorldLabel[], set: EvalSet = 'world'): Promise<WorldResult> {
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

export function formatWorldReport(r: WorldResult, set: EvalSet = 'world'): string {
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
