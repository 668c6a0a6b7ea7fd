#!/usr/bin/env node
// Packages the VS Code extension with inboxlint bundled: packs this repository (npm pack),
// installs it and vscode-languageclient into a staging copy of editors/vscode, runs
// `vsce package`, and checks that the .vsix holds the extension and the bundled server.
//   node editors/vscode/package.mjs [--out file.vsix]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '..', '..');
const VSCE = '@vscode/vsce@3.9.1'; // 4.x needs Node 22
const outFlag = process.argv.indexOf('--out');
const meta = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const out = resolve(outFlag > 0 ? process.argv[outFlag + 1] : join(here, `${meta.name}-${meta.version}.vsix`));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const tmp = mkdtempSync(join(tmpdir(), 'inboxlint-vsix-'));
try {
  const tgz = run('npm', ['pack', '--silent', '--pack-destination', tmp], root).trim().split('\n').pop();
  const stage = join(tmp, 'extension');
  cpSync(here, stage, { recursive: true, filter: (src) => !/node_modules|\.vsix$/.test(src) });
  const pkg = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  pkg.dependencies = { ...pkg.dependencies, inboxlint: `file:${join(tmp, tgz)}` };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2));
  run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], stage);
  run('npx', ['--yes', VSCE, 'package', '--out', out], stage);
  const listing = run('unzip', ['-l', out], tmp);
  for (const need of ['extension/extension.js', 'extension/server-path.js', 'extension/node_modules/inboxlint/bin/inboxlint.js', 'extension/node_modules/inboxlint/dist/src/lsp/server.js', 'extension/node_modules/vscode-languageclient/']) {
    if (!listing.includes(need)) throw new Error(`${out} lacks ${need}`);
  }
  console.log(`packaged ${out}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
