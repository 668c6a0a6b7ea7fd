#!/usr/bin/env node
// The CLI entry point: runs the compiled CLI (built by `npm ci` / `npm run build`).
import { main } from '../dist/src/cli/main.js';

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
