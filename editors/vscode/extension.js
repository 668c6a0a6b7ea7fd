// The inboxlint extension: starts `inboxlint lsp --stdio` (the workspace's, else the bundled one)
// for HTML, MJML and .eml files, and opens `inboxlint preview` for the current file.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { findServer } = require('./server-path.js');

let client;

async function activate(context) {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const setting = vscode.workspace.getConfiguration('inboxlint').get('path');
  const server = findServer(setting, folders, context.extensionPath);
  if (!server) {
    void vscode.window.showErrorMessage(setting ? `inboxlint: ${setting} (the inboxlint.path setting) does not exist.` : 'inboxlint: no inboxlint found in the workspace or the extension.');
    return;
  }
  const output = vscode.window.createOutputChannel('inboxlint');
  output.appendLine(`Starting inboxlint from ${server.from}: ${server.path}`);
  const run = { module: server.path, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'inboxlint',
    'inboxlint',
    { run, debug: run },
    {
      documentSelector: ['html', 'mjml', 'eml'].flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      outputChannel: output,
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{inboxlint.config.*,package.json}') },
    },
  );
  context.subscriptions.push(
    vscode.commands.registerCommand('inboxlint.openPreview', () => {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.uri.scheme !== 'file') {
        void vscode.window.showWarningMessage('inboxlint: save the email to a file to preview it.');
        return;
      }
      const terminal = vscode.window.createTerminal({ name: 'inboxlint preview', cwd: vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath });
      terminal.sendText(`node ${JSON.stringify(server.path)} preview --open ${JSON.stringify(doc.uri.fsPath)}`);
      terminal.show();
    }),
  );
  await client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
