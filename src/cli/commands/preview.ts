/**
 * `inboxlint preview <file> [--port N] [--open]`: a live preview on 127.0.0.1 with the findings
 * beside the email (src/preview/server.ts). Runs until Ctrl-C (SIGINT) or SIGTERM, then closes
 * the server and the watcher and exits 0.
 */
import { spawn } from 'node:child_process';
import type { CommandFactory } from './index.js';
import { kindOf } from '../../input/index.js';
import { InboxlintError, InputError } from '../../errors.js';
import { PRESEND_OPTIONS, presendSessionOptions, type PresendArgs } from './lint.js';

/** Opens `url` in the default browser; a failure is reported, never fatal. */
export function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`inboxlint: could not open a browser (${cmd}); open ${url} yourself\n`));
    child.unref();
  } catch {
    process.stderr.write(`inboxlint: could not open a browser; open ${url} yourself\n`);
  }
}

export const previewCommand: CommandFactory = () => ({
  command: 'preview <file>',
  describe: 'Live preview of one template on 127.0.0.1: phone and desktop views with the findings, CTAs and links beside them',
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'The email file (.html, .htm, .mjml, .eml)' })
      .option('port', { type: 'number', default: 0, describe: 'Port on 127.0.0.1 (0: a free one)' })
      .option('open', { type: 'boolean', default: false, describe: 'Open the preview in the default browser' })
      .option('config', { alias: 'c', type: 'string', describe: 'Use this config file (skips discovery)' })
      .option('editor-url', {
        type: 'string',
        describe: 'Pattern of each finding\'s "open in editor" link: {file} {line} {column} (default vscode://file{file}:{line}:{column}; env INBOXLINT_EDITOR_URL)',
      })
      .option('clicks', { type: 'string', describe: 'Click map: a results report (inboxlint results … --json > results.json); each CTA\'s share of clicks on its box' })
      .options(PRESEND_OPTIONS),
  handler: async (argv) => {
    const file = argv.file as string;
    const port = argv.port as number;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InboxlintError(`--port: expected an integer from 0 to 65535, got ${argv.port}`);
    if (!kindOf(file)) throw new InputError('not an email file (expected .html, .htm, .mjml or .eml)', { filePath: file });
    const { stat } = await import('node:fs/promises');
    const s = await stat(file).catch(() => undefined);
    if (!s) throw new InputError('no such file', { filePath: file });
    if (!s.isFile()) throw new InputError('is not a file', { filePath: file });
    const { startPreview } = await import('../../preview/server.js');
    let server;
    try {
      const editorUrl = (argv['editor-url'] as string | undefined) ?? process.env.INBOXLINT_EDITOR_URL;
      if (editorUrl !== undefined && !editorUrl.includes('{file}')) throw new InboxlintError(`--editor-url: expected a pattern with {file} (and {line}, {column}), got "${editorUrl}"`);
      const clicks = argv.clicks ? await (await import('../../results/click-map.js')).readClickTable(argv.clicks as string) : undefined;
      server = await startPreview(file, { port, ...(clicks ? { clicks } : {}), ...(argv.config ? { configFile: argv.config as string } : {}), ...(await presendSessionOptions(argv as PresendArgs)), ...(editorUrl ? { editorUrl } : {}) });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EADDRINUSE') throw new InboxlintError(`--port ${port}: the port is in use on 127.0.0.1`);
      if (e.code === 'EACCES') throw new InboxlintError(`--port ${port}: not allowed to listen on this port`);
      throw err;
    }
    const first = server.state();
    process.stdout.write(`inboxlint preview: ${server.url}  (watching ${file}; Ctrl-C to stop)\n`);
    if (first.error) process.stderr.write(`inboxlint: ${first.error.filePath}${first.error.line ? `:${first.error.line}` : ''}: ${first.error.message}\n`);
    if (argv.open) openInBrowser(server.url);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close().then(done, done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    process.stdout.write('inboxlint preview: stopped\n');
  },
});
