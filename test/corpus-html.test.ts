/**
 * Every .html template of the shared corpus lints with every built-in rule on (at its default
 * severity) without an exception and without a fatal message (a crashing rule shows up as one).
 * Prints the findings per rule and the time taken. The corpus lives outside the repo
 * (../shared/corpus); it is skipped only where it is absent and not in CI.
 */
import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { allRules } from '../rules/index.js';
import { documentFromText, decodeText } from '../src/input/index.js';
import { lintDocument, type RuleSetting } from '../src/engine/linter.js';
import { CORPUS_DIR as corpus, corpusPresent } from './corpus.js';

const present = corpusPresent('corpus-html');

describe.runIf(present)('corpus: every .html template', () => {
  it('lints with all rules on, with no exception and no fatal message', { timeout: 120_000 }, async () => {
    const files = (await glob('**/*.html', { cwd: corpus, absolute: true })).sort();
    expect(files.length).toBeGreaterThanOrEqual(400);

    const rules: Record<string, RuleSetting> = Object.fromEntries(allRules.map((r) => [r.id, { severity: r.severity }]));
    const counts = new Map<string, { files: number; findings: number; errors: number }>(
      allRules.map((r) => [r.id, { files: 0, findings: 0, errors: 0 }]),
    );
    const failures: string[] = [];
    const started = performance.now();

    for (const file of files) {
      const rel = file.slice(corpus.length + 1);
      try {
        const text = decodeText(await readFile(file), file);
        if (!text.trim()) continue;
        const doc = await documentFromText(file, text);
        const result = lintDocument(doc, { rules, reportUnusedDirectives: false });
        const seen = new Set<string>();
        for (const m of result.messages) {
          if (m.fatal) failures.push(`${rel}: ${m.message}`);
          if (!m.ruleId) continue;
          const c = counts.get(m.ruleId)!;
          c.findings++;
          if (m.severity === 2) c.errors++;
          if (!seen.has(m.ruleId)) {
            seen.add(m.ruleId);
            c.files++;
          }
        }
      } catch (err) {
        failures.push(`${rel}: ${(err as Error)?.stack ?? String(err)}`);
      }
    }

    const ms = performance.now() - started;
    const rows = [...counts].sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]));
    const w = Math.max(...rows.map(([id]) => id.length));
    console.log(
      [
        `corpus-html: ${files.length} files, ${allRules.length} rules, ${(ms / 1000).toFixed(1)} s`,
        `${'rule'.padEnd(w)}  findings  errors  files`,
        ...rows.map(([id, c]) => `${id.padEnd(w)}  ${String(c.findings).padStart(8)}  ${String(c.errors).padStart(6)}  ${String(c.files).padStart(5)}`),
      ].join('\n'),
    );
    expect(failures).toEqual([]);
  });
});
