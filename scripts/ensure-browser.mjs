#!/usr/bin/env node
// Makes sure a Chromium is available for the browser tests (run by `npm test` before vitest).
// Order: $INBOXLINT_CHROMIUM, Playwright's own Chromium, a system Chrome/Chromium. On a Debian
// machine where we are root and none is found, installs Debian's `chromium` and `fonts-liberation`.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = [
  process.env.INBOXLINT_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

async function playwrightOwn() {
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

const found = candidates.find((p) => existsSync(p)) ?? (await playwrightOwn());
if (found) process.exit(0);

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
    'or `npx playwright install chromium`) or set INBOXLINT_CHROMIUM to its path.',
);
process.exit(1);
