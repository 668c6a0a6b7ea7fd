/**
 * Builds dist/ once before the tests (tsc, then the CLI bundle), so tests that run
 * `node bin/inboxlint.js` exercise the current sources. tsc emits even when there are type errors (type-checking is its own step),
 * so only a missing CLI entry after the build fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/.bin/tsc', import.meta.url));
  try {
    execFileSync(tsc, ['-p', '.'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    const out = String((err as { stdout?: Buffer }).stdout ?? '');
    if (out) process.stderr.write(`global-setup: tsc reported problems (the build still emitted):\n${out.slice(0, 4000)}\n`);
  }
  if (!existsSync(new URL('../dist/src/cli/main.js', import.meta.url))) {
    throw new Error('global-setup: the build did not produce dist/src/cli/main.js');
  }
  // The CLI's bundle (what bin/inboxlint.js runs), as `npm run build` makes it.
  execFileSync(process.execPath, ['scripts/bundle-cli.mjs'], { cwd: root, stdio: 'pipe' });
}
