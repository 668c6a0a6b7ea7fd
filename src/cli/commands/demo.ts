/**
 * `inboxlint demo`: lints the bundled demo email (resolved from the installed package, not the
 * cwd) and says what to try next. It is a demonstration: it exits 0 even with findings.
 * Built as a list of steps so later features (tracking, rendering) can add theirs.
 */
import { join } from 'node:path';
import type { CommandFactory } from './index.js';
import { packageRoot } from '../../config/package.js';
import { withSession } from '../../session.js';
import { expandInputs } from '../files.js';
import { stylish } from '../../formatters/stylish.js';
import { displayPath } from '../../config/load.js';
import type { AnyRule } from '../../rule.js';
import { useColor } from '../color.js';
import { terminalWidth } from '../../formatters/wrap.js';
import { renderStep } from './demo-render.js';
import { resultsStep } from './demo-results.js';

export interface DemoContext {
  /** Absolute paths of the demo emails. */
  files: string[];
  /** fixtures/demo in the installed package. */
  dir: string;
  color: boolean;
  out: (s: string) => void;
}

export interface DemoStep {
  title: string;
  run(ctx: DemoContext): Promise<void>;
}

export const demoDir = () => join(packageRoot(), 'fixtures', 'demo');

const lintStep: DemoStep = {
  title: 'Lint the demo email with inboxlint:recommended',
  async run(ctx) {
    const rulesMeta: Record<string, AnyRule> = {};
    const outcomes = await withSession({ cwd: process.cwd(), config: { extends: 'inboxlint:recommended' } }, async (session) => {
      for (const r of session.rules) rulesMeta[r.id] = r;
      return session.lintFiles(ctx.files.map((path) => ({ path, explicit: true })));
    });
    const text = stylish(
      outcomes.map((o) => o.result),
      { cwd: ctx.dir, rulesMeta, color: ctx.color, showSuggestions: true, width: terminalWidth() },
    );
    ctx.out(text || '  no problems found\n');
  },
};

const trackStep: DemoStep = {
  title: 'Track every link (in memory: nothing is written)',
  async run(ctx) {
    const { track } = await import('../../rewrite/track.js');
    for (const file of ctx.files) {
      const r = await track(file, { campaign: 'dashboards-3-launch', source: 'northwind-news' });
      const rows = r.manifest.map((m) => [
        String(m.index + 1),
        m.vml ? 'VML' : m.tag,
        m.skipReason ? `skipped: ${m.skipReason}` : m.changed ? 'tracked' : 'already tracked',
        m.ctaIndex !== null ? `${m.primary ? 'primary ' : ''}CTA ${m.ctaLabel ? `"${m.ctaLabel}"` : '(no label)'} (${m.type})` : m.type,
        m.tracked ?? m.original,
      ]);
      const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
      for (const row of rows) ctx.out(`  ${row.slice(0, 4).map((c, i) => c.padEnd(widths[i])).join('  ')}  ${row[4]}\n`);
      const tracked = r.manifest.filter((m) => !m.skipReason).length;
      ctx.out(`  ${tracked} of ${r.manifest.length} links tracked; the Outlook VML button gets the same URL as its HTML twin.\n`);
      ctx.out(`  Try: inboxlint track ${displayPath(file, process.cwd())} --campaign spring --manifest links.csv --out tracked.html\n`);
    }
  },
};

/** The demo's steps, in order. Other features append theirs. */
export const demoSteps: DemoStep[] = [lintStep, trackStep, renderStep, resultsStep];

export const demoCommand: CommandFactory = () => ({
  command: 'demo',
  describe: 'Lint the bundled demo email to see what inboxlint reports',
  builder: (y) => y.option('color', { type: 'boolean', describe: 'Force colours on (--color) or off (--no-color)' }),
  handler: async (argv) => {
    const dir = demoDir();
    const files = (await expandInputs([dir], dir)).map((f) => f.path);
    const ctx: DemoContext = {
      files,
      dir,
      color: useColor(argv.color as boolean | undefined),
      out: (s) => process.stdout.write(s),
    };
    for (const [i, step] of demoSteps.entries()) {
      ctx.out(`\n${i + 1}. ${step.title}: ${files.map((f) => displayPath(f, dir)).join(', ')}\n`);
      await step.run(ctx);
    }
    ctx.out(
      `\nNext: run \`inboxlint your-email.html\`, \`inboxlint rules <id>\` to read about a rule, or \`inboxlint init\` to write a config.\n`,
    );
  },
});
