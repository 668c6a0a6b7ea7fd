/** `inboxlint lsp --stdio`: the language server for editors (src/lsp/server.ts). */
import type { CommandFactory } from './index.js';

export const lspCommand: CommandFactory = () => ({
  command: 'lsp',
  describe: 'Run the language server (diagnostics, fixes, hovers) for editors, over stdio',
  builder: (y) =>
    y
      .option('stdio', { type: 'boolean', default: true, describe: 'Speak LSP over stdin/stdout (the only transport)' })
      .option('debounce', { type: 'number', describe: 'Milliseconds of quiet after a change before linting again (default 150)' }),
  handler: async (argv) => {
    const { startServer } = await import('../../lsp/server.js');
    const { createConnection, ProposedFeatures } = await import('vscode-languageserver/node');
    // Nothing but LSP may reach stdout: the connection owns it.
    console.log = console.info = (...a: unknown[]) => process.stderr.write(`${a.map(String).join(' ')}\n`);
    await startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout), {
      ...(typeof argv.debounce === 'number' ? { debounceMs: argv.debounce } : {}),
    });
    process.exit(0);
  },
});
