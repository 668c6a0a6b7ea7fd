/**
 * The import graph of src/ and rules/, checked with dependency-cruiser against
 * `.dependency-cruiser.cjs`:
 *  - layering over the TypeScript sources (type-only imports included: a layer that needs a
 *    type from above is upside down too);
 *  - run-time cycles over the compiled JavaScript in dist/ (built by test/global-setup.ts), which
 *    is exactly what node loads: type-only imports are erased there, dynamic `import()` is kept.
 * Every violation is printed; there must be none.
 */
import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { cruise, type ICruiseOptions, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as { forbidden: IForbiddenRuleType[]; options: ICruiseOptions };

/** `dist/src/x.js` → `src/x.ts`. */
const sourceOf = (p: string) => p.replace(/^dist\//, '').replace(/\.js$/, '.ts');

function describeViolation(v: IViolation, toSource: (p: string) => string = (p) => p): { key: string; text: string } {
  const key = `${v.rule.name}: ${toSource(v.from)} → ${toSource(v.to)}`;
  const cycle = v.cycle?.length ? `  (cycle: ${[toSource(v.from), ...v.cycle.map((c) => toSource(c.name))].join(' → ')})` : '';
  return { key, text: `${key}${cycle}` };
}

async function violations(): Promise<Array<{ key: string; text: string }>> {
  const layering = config.forbidden.filter((r) => r.name !== 'no-circular');
  const cycles = config.forbidden.filter((r) => r.name === 'no-circular');
  expect(layering.length).toBeGreaterThan(5);
  expect(cycles).toHaveLength(1);
  const prev = process.cwd();
  process.chdir(root);
  try {
    const sources = await cruise(['src', 'rules'], { ...config.options, validate: true, ruleSet: { forbidden: layering } });
    const srcFiles = (await glob(['src/**/*.ts', 'rules/**/*.ts'], { cwd: root, ignore: ['**/*.test.ts', '**/*.d.ts'] })).sort();
    // Only outputs of current sources: dist/ may hold files of sources deleted since.
    const built = srcFiles.map((f) => `dist/${f.replace(/\.ts$/, '.js')}`).filter((f) => existsSync(`${root}/${f}`));
    expect(built.length).toBe(srcFiles.length);
    const compiled = await cruise(built, {
      validate: true,
      ruleSet: { forbidden: cycles },
      includeOnly: '^dist/(src|rules)/',
      doNotFollow: { path: 'node_modules' },
    });
    const srcOut = sources.output;
    const distOut = compiled.output;
    if (typeof srcOut === 'string' || typeof distOut === 'string') throw new Error('dependency-cruiser returned text, expected a result object');
    // The cruise saw the whole tree (a resolver problem would show as a tiny graph).
    expect(srcOut.summary.totalCruised).toBeGreaterThan(100);
    expect(srcOut.modules.some((m) => m.source === 'src/model/document.ts' && m.dependencies.some((d) => d.resolved === 'src/model/location.ts'))).toBe(true);
    return [...srcOut.summary.violations.map((v) => describeViolation(v)), ...distOut.summary.violations.map((v) => describeViolation(v, sourceOf))];
  } finally {
    process.chdir(prev);
  }
}

describe('import graph', () => {
  it('has no cycles and no upward imports', async () => {
    const found = await violations();
    if (found.length) console.log(`import graph: ${found.length} violation(s):\n${found.map((v) => `  ${v.text}`).join('\n')}`);
    expect(found.map((v) => v.text), 'import-graph violations (fix them; see .dependency-cruiser.cjs for the layers)').toEqual([]);
  });

  it('the configuration catches an upward import, a type-only upward import and a cycle', async () => {
    // A tiny tree with the project's folder names: model → engine (upward), a type from rule.ts (upward), a ⇄ b (cycle).
    const dir = await mkdtemp(join(tmpdir(), 'inboxlint-graph-'));
    const put = async (file: string, text: string) => {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text);
    };
    try {
      await put('src/engine/linter.ts', 'export const lint = 1;\n');
      await put('src/rule.ts', 'export type Kind = string;\n');
      await put('src/model/a.ts', "import { lint } from '../engine/linter.js';\nimport type { Kind } from '../rule.js';\nimport { b } from './b.js';\nexport const a: Kind = String(lint + b);\n");
      await put('src/model/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
      await put('src/rewrite/plan.ts', "import { a } from '../model/a.js';\nexport const p = a;\n");
      await put('rules/x/index.ts', "import { p } from '../../src/rewrite/plan.js';\nexport default p;\n");
      // preview and report share only what lies below them: report → preview is refused, preview → preview is fine.
      await put('src/preview/frame.ts', 'export const f = 1;\n');
      await put('src/preview/server.ts', "import { f } from './frame.js';\nexport const s = f;\n");
      await put('src/report/report.ts', "import { f } from '../preview/frame.js';\nexport const r = f;\n");
      const prev = process.cwd();
      process.chdir(dir);
      let out;
      try {
        out = (await cruise(['src', 'rules'], { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } })).output;
      } finally {
        process.chdir(prev);
      }
      if (typeof out === 'string') throw new Error('expected a result object');
      const keys = out.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
      expect(keys).toEqual(
        expect.arrayContaining(['layer-model: src/model/a.ts → src/engine/linter.ts', 'layer-model: src/model/a.ts → src/rule.ts', 'apps-apart: src/report/report.ts → src/preview/frame.ts']),
      );
      expect(keys.some((k) => k.startsWith('no-circular: src/model/'))).toBe(true);
      // rules/ may use the pure link planner.
      expect(keys.filter((k) => k.includes('rules/x'))).toEqual([]);
      expect(keys.filter((k) => k.includes('src/preview/server.ts'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
