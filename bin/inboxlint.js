#!/usr/bin/env node
// The CLI entry point: runs the compiled CLI (built by `npm ci` / `npm run build`): its bundle
// (dist/cli, scripts/bundle-cli.mjs: a faster start) when the build made one, else dist/src.
import { statSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+: V8's compile cache for the modules loaded below (Node 20 has none; a no-op there).
try {
  module.enableCompileCache?.();
} catch {
  // A cache folder that cannot be written only costs speed.
}
/**
 * The bundle, unless it is missing or, in a working tree, older than dist/src (a `tsc` run since
 * the last bundling). An installed package (under node_modules) is never rebuilt in place, and
 * unpacking it does not keep the build's file times.
 */
function entry() {
  const bundle = new URL('../dist/cli/main.js', import.meta.url);
  const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
  try {
    const installed = /[\\/]node_modules[\\/]/.test(fileURLToPath(import.meta.url));
    if (installed ? statSync(bundle).isFile() : statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs) return bundle.href;
  } catch {
    // No bundle (or no dist/src): the compiled modules.
  }
  return compiled.href;
}
const { main } = await import(entry());

// `inboxlint … | head` closes stdout early: stop quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Once the command has its result, the process ends: a handle left open by a config or plugin
// (a timer, a socket) must not keep a CI job running. Output still being written is waited for.
function endSoon() {
  setTimeout(() => {
    if (process.stdout.writableLength || process.stderr.writableLength) endSoon();
    else process.exit();
  }, 1000).unref();
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; endSoon(); },
  (err) => {
    process.stderr.write(`inboxlint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
    endSoon();
  },
);
