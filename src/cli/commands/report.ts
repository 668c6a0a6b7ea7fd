/**
 * `inboxlint report <file…|dir> [--out report.html]`: one self-contained HTML report of the
 * templates (src/report/report.ts), written atomically. Exit 0 when written (the report is
 * an artifact, not a gate: `lint` is the gate), 2 for usage, input or browser problems.
 */
import { resolve } from 'node:path';
import type { CommandFactory } from './index.js';
import { expandInputs, writeFileAtomic } from '../files.js';
import { InputError } from '../../errors.js';
import { PRESEND_OPTIONS, presendSessionOptions, reportSkip, type PresendArgs } from './lint.js';

export const reportCommand: CommandFactory = () => ({
  command: 'report <files..>',
  describe: 'Write one self-contained HTML report: annotated phone and desktop screenshots, findings, CTAs and tracked links',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'Email files (HTML, MJML, .eml), folders or globs' })
      .option('out', { alias: 'o', type: 'string', default: 'inboxlint-report.html', describe: 'The report file (written atomically)' })
      .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (skips discovery)' })
      .option('chromium', { type: 'string', describe: "Chromium executable (else INBOXLINT_CHROMIUM, Playwright's, the system's, the npm package's)" })
      .option('clicks', { type: 'string', describe: 'Click map: a results report (inboxlint results … --json > results.json); each CTA\'s share of clicks on the pictures and its card' })
      .options(PRESEND_OPTIONS),
  handler: async (argv) => {
    const patterns = argv.files as string[];
    const files = await expandInputs(patterns, process.cwd(), { onSkip: reportSkip() });
    if (!files.length) throw new InputError(`no email files match ${patterns.map((p) => JSON.stringify(p)).join(', ')}`);
    const { buildReport } = await import('../../report/report.js');
    const clicks = argv.clicks ? await (await import('../../results/click-map.js')).readClickTable(argv.clicks as string) : undefined;
    const out = resolve(argv.out as string);
    const html = await buildReport(
      files.map((f) => f.path),
      { chromium: argv.chromium as string | undefined, clicks, ...(argv.config ? { configFile: argv.config as string } : {}), cwd: process.cwd(), ...(await presendSessionOptions(argv as PresendArgs)) },
    );
    await writeFileAtomic(out, html.html);
    process.stdout.write(`inboxlint report: ${out} (${files.length} template${files.length === 1 ? '' : 's'}, ${(Buffer.byteLength(html.html) / 1024).toFixed(0)} KB)\n`);
  },
});
