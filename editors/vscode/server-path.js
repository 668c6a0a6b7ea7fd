// Which inboxlint the extension starts (no `vscode` import, so node can test it):
// the `inboxlint.path` setting, else the workspace's own (node_modules/inboxlint), else the
// one bundled in the extension. Returns { path, from } or undefined.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const BIN = join('node_modules', 'inboxlint', 'bin', 'inboxlint.js');

function findServer(setting, workspaceFolders, extensionDir) {
  if (setting) return existsSync(setting) ? { path: setting, from: 'the inboxlint.path setting' } : undefined;
  for (const folder of workspaceFolders) {
    const p = join(folder, BIN);
    if (existsSync(p)) return { path: p, from: `the workspace (${folder})` };
  }
  const bundled = join(extensionDir, BIN);
  return existsSync(bundled) ? { path: bundled, from: 'the copy bundled with the extension' } : undefined;
}

module.exports = { findServer };
