/**
 * `inboxlint spam <files..>`: the local spam score of each message (src/presend/spam.ts):
 * SpamAssassin on this machine, offline; an .eml as it is, an HTML or MJML file inside a message
 * built around it. Prints the total against the threshold and every rule that hit; exit 1 when
 * a message reaches the threshold, 2 when SpamAssassin is not installed.
 */
import type { CommandFactory } from './index.js';
import { createSession } from '../../session.js';
import { displayPath } from '../../config/load.js';
import { InboxlintError } from '../../errors.js';
import { presendFacts, DEFAULT_SPAM_THRESHOLD } from '../../model/presend-facts.js';
import { HOW_TO_INSTALL, spamAssassinVersion } from '../../presend/spam.js';
import { reportInputProblem } from './lint.js';

export const spamCommand: CommandFactory = (setExit) => ({
  command: 'spam <files..>',
  describe: 'Score messages with a local SpamAssassin, offline (nothing is sent anywhere)',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, describe: 'Email files (.eml as they are; .html, .mjml inside a message built around them)' })
      .option('threshold', { type: 'number', describe: `Score from which a message counts as spam (default: the spam-score rule's, ${DEFAULT_SPAM_THRESHOLD})` })
      .option('from', { type: 'string', describe: 'From header of the message built around an HTML file (else the config\'s presend.from)' })
      .option('to', { type: 'string', describe: 'To header of that message (else the config\'s presend.to)' })
      .option('subject', { type: 'string', describe: 'The subject line (beats config and <title>)' })
      .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (skips discovery)' })
      .option('json', { type: 'boolean', describe: 'Print the scores as JSON' }),
  handler: async (argv) => {
    const version = await spamAssassinVersion();
    if (!version) throw new InboxlintError(HOW_TO_INSTALL);
    const cwd = process.cwd();
    const threshold = argv.threshold as number | undefined;
    if (threshold !== undefined && !Number.isFinite(threshold)) throw new InboxlintError(`--threshold: expected a number, got ${String(argv.threshold)}`);
    const session = await createSession({ cwd, spam: true, configFile: argv.config as string | undefined, subject: argv.subject as string | undefined, rules: ['spam-score=error'] });
    try {
      const files = await session.expand(argv.files as string[], { onError: reportInputProblem(setExit) });
      const rows: Array<Record<string, unknown>> = [];
      for (const o of await session.lintFiles(files)) {
        const name = displayPath(o.filePath, cwd);
        let spam = o.doc ? presendFacts(o.doc)?.spam : undefined;
        // A message inboxlint cannot lint (no HTML part) is still a message: score it as it is.
        if (!o.doc && /\.eml$/i.test(o.filePath)) {
          const { readInputBytes } = await import('../../input/bytes.js');
          const { spamScore } = await import('../../presend/spam.js');
          spam = await spamScore((await readInputBytes(o.filePath, session.limitsFor(await session.configFor(o.filePath)).maxFileSize)).toString('latin1'));
        } else if (!o.doc) {
          process.stderr.write(`${name}: ${o.inputError?.message ?? 'could not be read'}\n`);
          setExit(2);
          continue;
        }
        // The flags beat the config's presend headers: score again with them when given.
        if (o.doc && (argv.from || argv.to) && o.doc.kind !== 'eml') {
          const { spamScore } = await import('../../presend/spam.js');
          const { messageFor } = await import('../../presend/message.js');
          const headers = { ...(o.config?.presend as object | undefined), ...(argv.from ? { from: argv.from as string } : {}), ...(argv.to ? { to: argv.to as string } : {}) };
          spam = await spamScore(messageFor(o.doc, headers));
        }
        if (!spam) continue;
        const limit = threshold ?? Number(o.config?.rules['spam-score']?.options?.threshold ?? DEFAULT_SPAM_THRESHOLD);
        const spammy = spam.score >= limit;
        if (spammy) setExit(1);
        rows.push({ filePath: o.filePath, score: spam.score, threshold: limit, spam: spammy, engine: spam.engine, version: spam.version, hits: spam.hits });
        if (argv.json) continue;
        const how = spam.engine === 'spamd' ? 'spamd' : 'spamassassin -L, offline';
        const built = o.doc && o.doc.kind !== 'eml' ? '; a message built around the HTML' : '';
        process.stdout.write(`${name}: ${spam.score.toFixed(1)} points, threshold ${limit.toFixed(1)}: ${spammy ? 'SPAM' : 'not spam'}  (SpamAssassin ${spam.version}, ${how}${built})\n`);
        for (const h of [...spam.hits].sort((a, b) => b.score - a.score)) {
          process.stdout.write(`  ${(h.score > 0 ? `+${h.score.toFixed(1)}` : h.score.toFixed(1)).padStart(6)}  ${h.rule.padEnd(24)} ${h.description}\n`);
        }
      }
      if (argv.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } finally {
      await session.close();
    }
  },
});
