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

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`inboxlint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
