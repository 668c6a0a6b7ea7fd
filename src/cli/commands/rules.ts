/** `inboxlint rules` lists every rule; `inboxlint rules <id>` prints its documentation. */
import type { Argv } from 'yargs';
import type { CommandFactory } from './index.js';
import { allRules, ruleById } from '../../../rules/index.js';
import { ruleReadme } from '../../docs.js';
import { closestIds } from '../../config/load.js';
import { InboxlintError } from '../../errors.js';
import { CATEGORY_TITLES } from '../../rule.js';

export function rulesTable(): string {
  // Grouped by category in the README table's order (CATEGORY_TITLES), by id within one.
  const order = Object.keys(CATEGORY_TITLES);
  const rows = [...allRules]
    .sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.id.localeCompare(b.id))
    .map((r) => [r.id, r.category, r.severity, r.recommended ? '✓' : '', r.description]);
  const head = ['rule', 'category', 'severity', 'rec.', 'description'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [
    line(head),
    ...rows.map(line),
    '',
    `${rows.length} rules; ✓ = in inboxlint:recommended. \`inboxlint rules <id>\` shows a rule's documentation.`,
  ].join('\n');
}

export const rulesCommand: CommandFactory = () => ({
  command: 'rules [id]',
  describe: 'List the rules, or show one rule’s documentation',
  builder: (y: Argv) => y.positional('id', { type: 'string', describe: 'A rule id' }),
  handler: (argv) => {
    if (!argv.id) {
      process.stdout.write(`${rulesTable()}\n`);
      return;
    }
    const id = String(argv.id);
    const rule = ruleById.get(id);
    if (!rule) {
      const near = closestIds(id, ruleById.keys());
      throw new InboxlintError(
        `unknown rule "${id}"${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : ''} (\`inboxlint rules\` lists them)`,
      );
    }
    process.stdout.write(`${ruleReadme(rule).trimEnd()}\n`);
  },
});
