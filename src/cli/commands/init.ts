/** `inboxlint init` writes a starter inboxlint.config.json in the current directory. */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { CommandFactory } from './index.js';
import { writeFileAtomic } from '../files.js';
import { InboxlintError } from '../../errors.js';

export const STARTER_CONFIG = {
  extends: 'inboxlint:recommended',
  subject: null,
  mailType: 'marketing',
  rules: {},
};

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

export const initCommand: CommandFactory = () => ({
  command: 'init',
  describe: 'Write a starter inboxlint.config.json in the current directory',
  builder: (y: Argv) => y.option('force', { type: 'boolean', describe: 'Overwrite an existing inboxlint.config.json' }),
  handler: async (argv) => {
    const file = join(process.cwd(), 'inboxlint.config.json');
    if (!argv.force && (await exists(file))) {
      throw new InboxlintError('inboxlint.config.json already exists; use `inboxlint init --force` to overwrite it');
    }
    await writeFileAtomic(file, `${JSON.stringify(STARTER_CONFIG, null, 2)}\n`);
    process.stdout.write(
      [
        'Wrote inboxlint.config.json (extends inboxlint:recommended).',
        '  "subject": your subject line (null: read from <title>, or pass --subject)',
        '  "mailType": "marketing" or "transactional"',
        '  "rules": e.g. { "subject-length": ["warn", { "max": 50 }] } — `inboxlint rules` lists them',
        'Next: inboxlint <your-email.html>',
        '',
      ].join('\n'),
    );
  },
});
