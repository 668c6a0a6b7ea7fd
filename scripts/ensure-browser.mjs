#!/usr/bin/env node
// Makes sure a Chromium is there for the browser tests (run by `npm test` before vitest), found
// the way `--render` finds one (src/render/browser.ts, built into dist/ by `npm ci`):
// $INBOXLINT_CHROMIUM, Playwright's own Chromium, a system Chrome/Chromium, then the browser of
// the optional dependency @sparticuz/chromium (Linux x64), which it unpacks here once, so the
// test files do not all unpack it at the same time. It launches the browser once to be sure.
// Where none is found and we are root on Debian, installs Debian's `chromium` and `fonts-liberation`.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = new URL('../dist/src/render/browser.js', import.meta.url);
if (!existsSync(fileURLToPath(built))) execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
const { findBrowser, launchBrowser, BUNDLED_PACKAGE } = await import(built.href);

let found;
try {
  found = await findBrowser();
} catch (err) {
  // A wrong $INBOXLINT_CHROMIUM is a mistake to report, not a reason to install another browser.
  if (process.env.INBOXLINT_CHROMIUM) {
    console.error(`inboxlint tests: ${err.message}`);
    process.exit(1);
  }
}
if (found) {
  const t0 = Date.now();
  try {
    const browser = await launchBrowser();
    const version = browser.version();
    await browser.close();
    if (found.source === 'package') {
      const how = found.bundled.unpacked ? 'unpacked before' : `unpacked and launched in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
      console.log(`inboxlint tests: Chromium ${version} from the npm package ${BUNDLED_PACKAGE} (no system browser found; ${how})`);
    }
    process.exit(0);
  } catch (err) {
    console.error(`inboxlint tests: ${err.message}`);
    process.exit(1);
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log('inboxlint tests: no Chromium found; installing Debian chromium and fonts-liberation with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], { stdio: 'inherit', env });
  process.exit(existsSync('/usr/bin/chromium') ? 0 : 1);
}
console.error(
  'inboxlint tests need Chromium for the browser tests. Install one (Debian: apt-get install chromium fonts-liberation;\n' +
    `\`npx playwright install chromium\`; on Linux x64 \`npm install ${BUNDLED_PACKAGE}\`) or set INBOXLINT_CHROMIUM to its path.`,
);
process.exit(1);
