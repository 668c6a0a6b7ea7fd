/**
 * `inboxlint inspect <file…> [--json]`: prints what inboxlint understood about each email —
 * subject, preheader, calls to action (primary, kind, type, position) and links (why not a
 * CTA, whether tracked). `--json` prints the public JSON shape (see src/inspect.ts).
 */
import type { CommandFactory } from './index.js';
import { formatInspect, type InspectResult } from '../../inspect.js';
import { withSession } from '../../session.js';
import { expandInputs } from '../files.js';
import { InboxlintError, InputError } from '../../errors.js';
import { MAX_FILE_SIZE_OPTION, maxFileSizeFlag, reportSkip } from './lint.js';

export const inspectCommand: CommandFactory = (setExit) => ({
  command: 'inspect <files..>',
  describe: 'Show what inboxlint understood: subject, preheader, CTAs (primary, type, position) and links',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'Email files (HTML, MJML, .eml), folders or globs' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON (a stable, documented shape)' })
      .option('subject', { type: 'string', describe: 'The subject line (when the file does not hold it)' })
      .option('preheader', { type: 'string', describe: 'The preheader text (when the file does not hold it)' })
      .option('render', { type: 'boolean', describe: 'Measure CTA positions in headless Chromium instead of estimating them' })
      .option('chromium', { type: 'string', describe: 'Chromium executable for --render' })
      .option('max-file-size', MAX_FILE_SIZE_OPTION),
  handler: async (argv) => {
    const patterns = argv.files as string[];
    const files = await expandInputs(patterns, process.cwd(), { onSkip: reportSkip() });
    if (!files.length) throw new InputError(`no email files match ${patterns.map((p) => JSON.stringify(p)).join(', ')}`);
    const options = {
      ...(argv.subject !== undefined ? { subject: argv.subject as string, subjectSource: 'option' as const } : {}),
      ...(argv.preheader !== undefined ? { preheader: argv.preheader as string, preheaderSource: 'option' as const } : {}),
    };
    if (argv.chromium !== undefined && !argv.render) throw new InboxlintError('--chromium is only used with --render');
    // One browser for all the files; a file that cannot be read or rendered is named, and the others go on.
    const results: InspectResult[] = [];
    const sessionOptions = { render: argv.render as boolean | undefined, chromium: argv.chromium as string | undefined, maxFileSize: maxFileSizeFlag(argv['max-file-size'] as number | undefined) };
    await withSession(sessionOptions, async (session) => {
      for (const f of files) {
        try {
          results.push(...(await session.inspect(f.path, options)));
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          process.stderr.write(`inboxlint: ${err.describe()}\n`);
          setExit(2);
        }
      }
    });
    process.stdout.write(argv.json ? `${JSON.stringify(results, null, 2)}\n` : formatInspect(results));
  },
});
