/**
 * Rule metadata and generated docs: ids are kebab-case and match their folder, every rule
 * explains itself with a rationale and sources, messages used by examples exist, and every
 * README.md equals what `npm run docs` would write.
 */
import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { allRules } from '../rules/index.js';
import { ruleReadme, readmePath, projectReadmePath, rulesTableMarkdown, withRulesTable, RULES_TABLE_START, RULES_TABLE_END } from '../src/docs.js';
import { CATEGORY_TITLES } from '../src/rule.js';

const rulesDir = new URL('../rules/', import.meta.url);

describe('rule registry', () => {
  it('has unique ids', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe.each(allRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  it('has a kebab-case id equal to its folder name', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(existsSync(new URL(`${id}/index.ts`, rulesDir))).toBe(true);
  });

  it('has a description, rationale, guidance and at least one source', () => {
    expect(rule.description.trim()).not.toBe('');
    expect(rule.rationale.trim()).not.toBe('');
    expect(rule.guidance.trim()).not.toBe('');
    expect(rule.sources.length).toBeGreaterThan(0);
    for (const s of rule.sources) expect(s.trim()).not.toBe('');
  });

  it('has messages, and every example messageId is one of them', () => {
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    for (const ex of rule.examples.invalid) if (ex.messageId) expect(Object.keys(rule.messages)).toContain(ex.messageId);
  });

  it('has a README.md that matches the rule (run `npm run docs` to regenerate)', async () => {
    const have = await readFile(readmePath(id), 'utf8').catch(() => '(missing)');
    expect(have, `rules/${id}/README.md is out of date: run \`npm run build && npm run docs\``).toBe(ruleReadme(rule));
  });
});

describe('ruleReadme', () => {
  it('is deterministic and has the documented sections', () => {
    const rule = allRules[0];
    const a = ruleReadme(rule);
    expect(ruleReadme(rule)).toBe(a);
    expect(a.startsWith('<!--')).toBe(true);
    for (const h of [`# ${rule.id}`, '## Why', '## What to do', '## Options', '## Examples', '### Invalid', '### Valid']) expect(a).toContain(`\n${h}\n`);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });
});

describe('the README rule table', () => {
  it('is the table generated from each rule\'s category (run `npm run build && npm run docs` to regenerate)', async () => {
    const readme = await readFile(projectReadmePath(), 'utf8');
    expect(readme).toContain(RULES_TABLE_START);
    expect(readme).toContain(RULES_TABLE_END);
    expect(withRulesTable(readme), 'README.md rule table is out of date: run `npm run build && npm run docs`').toBe(readme);
  });

  it('lists every rule once, in the row of its category', () => {
    const table = rulesTableMarkdown();
    for (const r of allRules) {
      const rows = table.split('\n').filter((l) => l.includes(`\`${r.id}\``));
      expect(rows, r.id).toHaveLength(1);
      expect(rows[0].startsWith(`| ${CATEGORY_TITLES[r.category]} (\`${r.category}\`) |`), r.id).toBe(true);
    }
  });

  it('follows a change of category', () => {
    const moved = allRules.map((r) => (r.id === 'min-font-size' ? { ...r, category: 'contrast' as const } : r));
    const row = rulesTableMarkdown(moved).split('\n').find((l) => l.startsWith('| Contrast'));
    expect(row).toContain('`min-font-size`');
    expect(rulesTableMarkdown(moved).split('\n').find((l) => l.startsWith('| Accessibility'))).not.toContain('`min-font-size`');
  });
});
