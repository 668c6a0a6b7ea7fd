/**
 * `inboxlint docs [--check]` (hidden, for maintainers): regenerates rules/<id>/README.md from
 * the rule definitions, or with --check lists the READMEs that are out of date and exits 1.
 */
import type { CommandFactory } from './index.js';
import { writeRuleDocs } from '../../docs.js';

export const docsCommand: CommandFactory = (setExit) => ({
  command: 'docs',
  describe: false,
  builder: (y) =>
    y.option('check', { type: 'boolean', default: false, describe: 'List out-of-date rule READMEs and exit 1 instead of writing them' }),
  handler: async (argv) => {
    const check = argv.check === true;
    const ids = await writeRuleDocs(check);
    if (check) {
      if (ids.length) {
        process.stdout.write(`Out of date: ${ids.map((id) => `rules/${id}/README.md`).join(', ')}\nRun \`npm run docs\` to regenerate them.\n`);
        setExit(1);
      } else process.stdout.write('Rule READMEs are up to date.\n');
      return;
    }
    process.stdout.write(ids.length ? `Wrote ${ids.length} rule README(s): ${ids.join(', ')}\n` : 'Rule READMEs are up to date.\n');
  },
});
