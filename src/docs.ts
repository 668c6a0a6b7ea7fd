/**
 * Rule documentation: each rule's README.md is generated from its defineRule() object
 * (description, rationale, sources, guidance, options, examples), so the docs cannot drift
 * from the code. Output is deterministic: no dates, no environment.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { packageRoot } from './config/package.js';
import { CATEGORY_TITLES, type AnyRule, type Category, type OptionSchema, type RuleExample } from './rule.js';
import { allRules } from '../rules/index.js';

const GENERATED_NOTICE =
  '<!-- This file is generated from rules/{{id}}/index.ts by `npm run docs`. Edit the rule, not this file. -->';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Prose for markdown: HTML tags written in the text (`<title>`, `<a href="#">`) become inline code so they show. */
function prose(s: string): string {
  return s
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : part.replace(/<[a-zA-Z!/][^<>]*>/g, (tag) => `\`${tag}\``)))
    .join('');
}

/** A URL: up to whitespace, not ending in punctuation, a closing parenthesis kept only when it closes one in the URL. */
const URL_RE = /https?:\/\/[^\s<>"()]*\([^\s<>"()]*\)|https?:\/\/[^\s<>"]*[^\s<>".,;:)]/g;

/** A source: prose, with each URL a markdown autolink (`<https://…>`) that GitHub and terminals make clickable. */
function source(s: string): string {
  let out = '';
  let pos = 0;
  for (const m of s.matchAll(URL_RE)) {
    out += `${prose(s.slice(pos, m.index))}<${m[0]}>`;
    pos = m.index! + m[0].length;
  }
  return out + prose(s.slice(pos));
}

/** A fence longer than any backtick run in `code`, so examples containing ``` stay intact. */
function fence(code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  return '`'.repeat(longest + 1);
}

function exampleBlock(mark: string, ex: RuleExample): string {
  const lines: string[] = [];
  lines.push(`${mark} ${prose(ex.title ?? (mark === '✗' ? 'Invalid' : 'Valid'))}`);
  const context: string[] = [];
  if (ex.subject !== undefined) context.push(`subject: ${JSON.stringify(ex.subject)}`);
  if (ex.preheader !== undefined) context.push(`preheader: ${JSON.stringify(ex.preheader)}`);
  if (ex.mailType !== undefined) context.push(`mailType: ${JSON.stringify(ex.mailType)}`);
  if (ex.options !== undefined) context.push(`options: \`${JSON.stringify(ex.options)}\``);
  if (ex.messageId !== undefined) context.push(`message: \`${ex.messageId}\``);
  if (context.length) lines.push('', context.map((c) => `- ${c}`).join('\n'));
  const f = fence(ex.code);
  lines.push('', `${f}${ex.kind ?? 'html'}`, ex.code.trimEnd(), f);
  return lines.join('\n');
}

/** The README.md of a rule, generated from its definition. */
export function ruleReadme(rule: AnyRule): string {
  const out: string[] = [];
  out.push(GENERATED_NOTICE.replace('{{id}}', rule.id), '');
  out.push(`# ${rule.id}`, '');
  out.push(prose(rule.description), '');
  const applies = `${rule.fixable ? ' · **Fixable:** `--fix`' : ''}${rule.appliesTo ? ` · **Applies to:** ${rule.appliesTo.join(', ')}` : ''}`;
  out.push(
    `**Category:** ${rule.category} · **Default severity:** ${rule.severity} · **Recommended:** ${rule.recommended ? 'yes' : 'no'}${applies}`,
    '',
  );
  out.push('## Why', '', prose(rule.rationale), '');
  out.push('Sources:', '', ...rule.sources.map((s) => `- ${source(s)}`), '');
  out.push('## What to do', '', prose(rule.guidance), '');

  out.push('## Options', '');
  const options = Object.entries(rule.options as Record<string, OptionSchema>);
  if (options.length === 0) out.push('This rule has no options.', '');
  else {
    out.push('| Name | Type | Default | Description |', '| --- | --- | --- | --- |');
    for (const [name, s] of options) {
      const type = s.type === 'string' && s.enum ? s.enum.map((e) => JSON.stringify(e)).join(' \\| ') : s.type;
      out.push(`| \`${name}\` | ${cell(type)} | \`${cell(JSON.stringify(s.default))}\` | ${cell(prose(s.description))} |`);
    }
    out.push('');
  }

  out.push('## Messages', '');
  for (const [id, text] of Object.entries(rule.messages)) out.push(`- \`${id}\`: ${prose(text)}`);
  out.push('');
  if (rule.mjmlMessages && Object.keys(rule.mjmlMessages).length) {
    out.push('On MJML sources:', '');
    for (const [id, text] of Object.entries(rule.mjmlMessages)) out.push(`- \`${id}\`: ${prose(text)}`);
    out.push('');
  }

  out.push('## Examples', '');
  out.push('### Invalid', '');
  for (const ex of rule.examples.invalid) out.push(exampleBlock('✗', ex), '');
  out.push('### Valid', '');
  for (const ex of rule.examples.valid) out.push(exampleBlock('✓', ex), '');
  return `${out.join('\n').replace(/(?<!\n)\n+$/, '')}\n`;
}

/** The markers around the generated rule table in the project's README.md. */
export const RULES_TABLE_START = '<!-- rules-table: generated from each rule\'s category by `npm run docs`; do not edit -->';
export const RULES_TABLE_END = '<!-- /rules-table -->';

/** The rules grouped by `category` (CATEGORY_TITLES order, registry order within one), as a Markdown table. */
export function rulesTableMarkdown(rules: readonly AnyRule[] = allRules): string {
  const rows = (Object.keys(CATEGORY_TITLES) as Category[])
    .map((c) => [c, rules.filter((r) => r.category === c)] as const)
    .filter(([, rs]) => rs.length)
    .map(([c, rs]) => {
      const ids = rs.map((r) => {
        const notes = [...(r.appliesTo ? [r.appliesTo.map((k) => (k === 'html' ? 'HTML' : `.${k}`)).join(', ')] : []), ...(r.recommended ? [] : ['off by default'])];
        return `\`${r.id}\`${notes.length ? ` (${notes.join('; ')})` : ''}`;
      });
      return `| ${CATEGORY_TITLES[c]} (\`${c}\`) | ${ids.join(', ')} |`;
    });
  return ['| Category | Rules |', '|---|---|', ...rows].join('\n');
}

/** `text` with the part between the rule-table markers replaced by the generated table; undefined without the markers. */
export function withRulesTable(text: string, rules: readonly AnyRule[] = allRules): string | undefined {
  const a = text.indexOf(RULES_TABLE_START);
  const b = text.indexOf(RULES_TABLE_END);
  if (a < 0 || b < a) return undefined;
  return `${text.slice(0, a + RULES_TABLE_START.length)}\n${rulesTableMarkdown(rules)}\n${text.slice(b)}`;
}

/** Path of the project's README.md (which holds the rule table). */
export function projectReadmePath(): string {
  return join(packageRoot(), 'README.md');
}

/**
 * Regenerates the rule table in the project's README.md (true when it changed); with `check`,
 * writes nothing and says whether it is out of date. A README without the markers is left alone.
 */
export async function writeReadmeRulesTable(check: boolean): Promise<boolean> {
  const path = projectReadmePath();
  const have = await readFile(path, 'utf8').catch(() => undefined);
  const want = have === undefined ? undefined : withRulesTable(have);
  if (have === undefined || want === undefined || want === have) return false;
  if (!check) await writeFile(path, want);
  return true;
}

/** Path of a rule's README.md in the source tree. */
export function readmePath(id: string): string {
  return join(packageRoot(), 'rules', id, 'README.md');
}

/**
 * Writes rules/<id>/README.md for every built-in rule and returns the ids written (changed).
 * With `check`, writes nothing and returns the ids whose README is missing or out of date.
 */
export async function writeRuleDocs(check: boolean): Promise<string[]> {
  const changed: string[] = [];
  for (const rule of allRules) {
    const path = readmePath(rule.id);
    const want = ruleReadme(rule);
    const have = await readFile(path, 'utf8').catch(() => undefined);
    if (have === want) continue;
    changed.push(rule.id);
    if (!check) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, want);
    }
  }
  return changed;
}
