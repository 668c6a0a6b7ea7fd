/**
 * The CLI: yargs commands, one file each in ./commands. Exit codes (a public contract):
 *   0  no errors (and warnings within --max-warnings)
 *   1  findings that fail the run
 *   2  usage, configuration or input errors (the message names the file; no stack trace)
 */
import yargs from 'yargs';
import type { Argv, CommandModule } from 'yargs';
import { InboxlintError } from '../errors.js';
import { commandsFor } from './commands/index.js';
import { unsettled } from '../time-limit.js';

export class UsageError extends InboxlintError {}

type WithUsage = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };

/**
 * After running a named command (`inboxlint lint …`), yargs renders that command's whole help
 * text in case it is printed later (usage.cacheHelpMessage): some 60 ms of every such start.
 * Ours never is: help prints for --help, which runs no command, and `fail` throws instead.
 */
function skipHelpCache(parser: Argv): void {
  const usage = (parser as unknown as WithUsage).getInternalMethods?.().getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  let parser: Argv = yargs(argv)
    .scriptName('inboxlint')
    .usage('$0 [command] <files|dirs|globs…>')
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    // `inboxlint completion >> ~/.bashrc` (or ~/.zshrc): yargs' completion script for bash and zsh.
    .completion('completion', 'Print a shell completion script (bash, zsh): inboxlint completion >> ~/.bashrc')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  // The exit guard: when Node's event loop empties before the command has settled (it awaits a
  // promise nothing will settle, e.g. a module's never-settling top-level await), the run has
  // no result: exit 2 and say what it was waiting for, instead of ending with exit code 0.
  let settled = false;
  const guard = () => {
    if (settled) return;
    settled = true;
    const waiting = unsettled();
    process.stderr.write(
      `inboxlint: error: the command ended without a result${waiting.length ? `: still waiting for ${waiting.join(', ')}` : ''} (a promise that never settles)\n`,
    );
    process.exitCode = 2;
  };
  process.on('beforeExit', guard);
  // A config, plugin or formatter module that calls process.exit() while it loads ends the run
  // without a result too: the exit code becomes 2 (an 'exit' listener may still set it).
  const exitGuard = () => {
    const waiting = unsettled();
    if (settled || !waiting.length) return;
    settled = true;
    process.stderr.write(`inboxlint: error: the process was ended while ${waiting.join(', ')} (process.exit() in that module?)\n`);
    process.exitCode = 2;
  };
  process.on('exit', exitGuard);
  try {
    for (const make of await commandsFor(argv)) parser = parser.command(make(setExit) as CommandModule);
    skipHelpCache(parser);
    await parser.parseAsync();
    return exitCode;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`inboxlint: ${err.message}\nRun \`inboxlint --help\` for usage.\n`);
      return 2;
    }
    if (err instanceof InboxlintError) {
      process.stderr.write(`inboxlint: ${err.describe()}\n`);
      return 2;
    }
    const e = err as Error;
    process.stderr.write(`inboxlint: internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.INBOXLINT_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
    return 2;
  } finally {
    settled = true;
    process.off('beforeExit', guard);
    process.off('exit', exitGuard);
  }
}
