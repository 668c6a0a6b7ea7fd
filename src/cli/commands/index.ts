/**
 * The CLI's commands, one module each. A command module exports a factory that receives
 * `setExit(code)` (the process exits with the highest code set) and returns a yargs command.
 *
 * Modules load lazily: a run imports only the command it runs (and `lint`, the default
 * command), so `inboxlint lint one.html` does not pay for render, report or docs at start.
 * Help and shell completion, which list every command, load them all.
 */
import type { CommandModule } from 'yargs';

export type CommandFactory = (setExit: (code: number) => void) => CommandModule<any, any>;

interface CommandEntry {
  name: string;
  load: () => Promise<CommandFactory>;
}

/** In the order `--help` lists them; `lint` first (the default command). */
const ENTRIES: CommandEntry[] = [
  { name: 'lint', load: async () => (await import('./lint.js')).lintCommand },
  { name: 'rules', load: async () => (await import('./rules.js')).rulesCommand },
  { name: 'init', load: async () => (await import('./init.js')).initCommand },
  { name: 'demo', load: async () => (await import('./demo.js')).demoCommand },
  { name: 'docs', load: async () => (await import('./docs.js')).docsCommand },
  { name: 'track', load: async () => (await import('./track.js')).trackCommand },
  { name: 'inspect', load: async () => (await import('./inspect.js')).inspectCommand },
  { name: 'doctor', load: async () => (await import('./doctor.js')).doctorCommand },
  { name: 'preview', load: async () => (await import('./preview.js')).previewCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'render', load: async () => (await import('./render.js')).renderCommand },
  { name: 'lsp', load: async () => (await import('./lsp.js')).lspCommand },
  { name: 'spam', load: async () => (await import('./spam.js')).spamCommand },
  { name: 'variants', load: async () => (await import('./variants.js')).variantsCommand },
  { name: 'results', load: async () => (await import('./results.js')).resultsCommand },
  { name: 'history', load: async () => (await import('./history.js')).historyCommand },
];

const LIST_ALL = new Set(['--help', '-h', 'completion', '--get-yargs-completions']);

/**
 * The command factories a run of `argv` needs: `lint` and every command named in it (a token
 * equal to a command's name, wherever it stands), or all of them for help and completion.
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandFactory[]> {
  // `inboxlint --version` alone prints the version before any command runs: no command to load.
  if (argv.length === 1 && argv[0] === '--version') return [];
  const all = argv.some((a) => LIST_ALL.has(a));
  const wanted = ENTRIES.filter((e) => all || e.name === 'lint' || argv.includes(e.name));
  return Promise.all(wanted.map((e) => e.load()));
}
