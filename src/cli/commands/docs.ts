/**
 * `inboxlint docs [--check]` (hidden, for maintainers): regenerates rules/<id>/README.md from
 * the rule definitions and the README's rule table (grouped by category), or with --check lists
 * what is out of date and exits 1.
 */
import type { CommandFactory } from './index.js';
import { writeReadmeRulesTable, writeRuleDocs } from '../../docs.js';

export const docsCommand: CommandFactory = (setExit) => ({
  command: 'docs',
  describe: false,
  builder: (y) =>
    y.option('check', { type: 'boolean', default: false, describe: 'List out-of-date rule READMEs and exit 1 instead of writing them' }),
  handler: async (argv) => {
    const check = argv.check === true;
    const ids = await writeRuleDocs(check);
    const table = await writeReadmeRulesTable(check);
    const files = [...ids.map((id) => `rules/${id}/README.md`), ...(table ? ['README.md (the rule table)'] : [])];
    if (check) {
      if (files.length) {
        process.stdout.write(`Out of date: ${files.join(', ')}\nRun \`npm run docs\` to regenerate them.\n`);
        setExit(1);
      } else process.stdout.write('Rule READMEs are up to date.\n');
      return;
    }
    process.stdout.write(files.length ? `Wrote ${files.join(', ')}\n` : 'Rule READMEs are up to date.\n');
  },
});
