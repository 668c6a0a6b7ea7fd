/**
 * Finding and launching Chromium. Email HTML is untrusted input: every context made here runs
 * offline, with JavaScript disabled and every request routed (aborted unless a handler answers
 * it from this process). Request routing does not see everything a page may open (a
 * `<link rel="prefetch">`, the connection a navigation of an `<iframe>` or `<object>` starts
 * before it is routed), so the browser itself resolves no host name or address at all
 * (`--host-resolver-rules`): nothing a template names reaches the network. Remote images, when
 * asked for, are fetched by this process (remote.ts), never by the browser. playwright-core
 * costs ~370 ms to import, so it is loaded only when a browser is actually wanted.
 *
 * Which browser (findBrowser): `--chromium` / the `chromium` option, INBOXLINT_CHROMIUM,
 * Playwright's own browser, a system Chrome/Chromium, and last the registry browser that
 * `npm install` brought (the optional dependency `@sparticuz/chromium`, Linux x64; bundled.ts).
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Route } from 'playwright-core';
import { InboxlintError } from '../errors.js';
import { BUNDLED_PACKAGE, bundledBrowser, bundledEnv, bundledSupported, unpackBundled, type BundledBrowser } from './bundled.js';

export const LAUNCH_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No host name or IP address resolves: no connection leaves the browser, routed or not.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

export { BUNDLED_PACKAGE } from './bundled.js';

/** The order findBrowser tries, in words (doctor prints it). */
export const BROWSER_ORDER = `--chromium, INBOXLINT_CHROMIUM, Playwright's browser, a system Chrome/Chromium, the npm package ${BUNDLED_PACKAGE} (Linux x64)`;

/** System browsers, in the order they are tried after an explicit path and Playwright's own. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export interface FindBrowserOptions {
  /** An explicit executable (flag or config); wins over everything else. */
  executablePath?: string;
  /** Environment to read `INBOXLINT_CHROMIUM` from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** File-existence check (tests replace it). */
  exists?: (path: string) => boolean;
  /** Playwright's own browser path; `null` when playwright-core is not to be asked. */
  playwrightPath?: string | null;
  /** The registry browser (tests replace it); `null` when it is not to be used. */
  bundled?: BundledBrowser | null;
}

export interface FoundBrowser {
  executablePath: string;
  /** `package`: the registry browser (`@sparticuz/chromium`), unpacked on first launch. */
  source: 'option' | 'env' | 'playwright' | 'system' | 'package';
  /** For `package`: the package's version and whether it is unpacked yet. */
  bundled?: BundledBrowser;
}

async function playwrightExecutable(): Promise<string | undefined> {
  try {
    const { chromium } = await import('playwright-core');
    return chromium.executablePath() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a Chromium executable: an explicit path (option, then `INBOXLINT_CHROMIUM`), Playwright's
 * own browser if it is installed, then the standard system locations, then the registry browser
 * (not unpacked here: launchBrowser does that). Throws an InboxlintError listing every place it
 * looked when none is found.
 */
export async function findBrowser(opts: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const exists = opts.exists ?? existsSync;
  const env = opts.env ?? process.env;
  const looked: string[] = [];
  // An explicit path that does not exist is a mistake to report, not to silently skip.
  if (opts.executablePath) {
    if (exists(opts.executablePath)) return { executablePath: opts.executablePath, source: 'option' };
    throw new InboxlintError(`Chromium not found at ${opts.executablePath} (given as the browser path)`);
  }
  const fromEnv = env.INBOXLINT_CHROMIUM;
  if (fromEnv) {
    if (exists(fromEnv)) return { executablePath: fromEnv, source: 'env' };
    throw new InboxlintError(`Chromium not found at ${fromEnv} (from INBOXLINT_CHROMIUM)`);
  }
  looked.push('the browser path option and INBOXLINT_CHROMIUM (not set)');
  const pw = opts.playwrightPath === undefined ? await playwrightExecutable() : opts.playwrightPath ?? undefined;
  if (pw && exists(pw)) return { executablePath: pw, source: 'playwright' };
  looked.push(pw ? `Playwright's browser (${pw})` : "Playwright's browser (not installed)");
  for (const p of SYSTEM_CHROMIUM_PATHS) {
    if (exists(p)) return { executablePath: p, source: 'system' };
    looked.push(p);
  }
  const bundled = opts.bundled === undefined ? bundledBrowser({ env }) : opts.bundled ?? undefined;
  if (bundled) return { executablePath: bundled.executablePath, source: 'package', bundled };
  looked.push(bundledSupported() ? `the npm package ${BUNDLED_PACKAGE} (not installed)` : `the npm package ${BUNDLED_PACKAGE} (Linux x64 only)`);
  throw new InboxlintError(
    `No Chromium found. Looked in: ${looked.join('; ')}. Install Chromium (e.g. \`apt-get install chromium\` or ` +
      `\`npx playwright install chromium\`; on Linux x64 \`npm install ${BUNDLED_PACKAGE}\`) or set INBOXLINT_CHROMIUM to its executable.`,
  );
}

export interface LaunchOptions extends FindBrowserOptions {
  /** Per-operation timeout in ms (default 30 s). */
  timeout?: number;
  /**
   * A browser that views inboxlint's own pages (the preview server on loopback), never a
   * template's copy: it resolves addresses. Every browser that renders templates leaves it off.
   */
  viewer?: boolean;
}

/** Launches headless Chromium with the safe arguments. Close it with `browser.close()`. */
export async function launchBrowser(opts: LaunchOptions = {}): Promise<Browser> {
  const found = await findBrowser(opts);
  let executablePath = found.executablePath;
  let env: Record<string, string> | undefined;
  if (found.bundled) {
    try {
      executablePath = await unpackBundled(found.bundled, opts.env);
    } catch (err) {
      throw new InboxlintError(`Could not prepare the browser of ${BUNDLED_PACKAGE}: ${(err as Error).message}`);
    }
    env = bundledEnv(executablePath);
  }
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({
      executablePath,
      args: opts.viewer ? LAUNCH_ARGS.filter((a) => !a.startsWith('--host-resolver-rules')) : [...LAUNCH_ARGS],
      headless: true,
      timeout: opts.timeout ?? 30_000,
      env,
    });
  } catch (err) {
    throw new InboxlintError(`Could not launch Chromium at ${executablePath}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/**
 * A fresh context for one template: offline, JavaScript disabled, no service workers or
 * downloads, and every request handed to `handle` (default: aborted). The template's own HTML
 * is set with `page.setContent`, which needs no request. Every context the project opens is
 * made here.
 */
export async function safeContext(
  browser: Browser,
  options: BrowserContextOptions = {},
  handle: (route: Route) => Promise<void> = (route) => route.abort('blockedbyclient'),
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, offline: true, javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false });
  await context.route('**/*', handle);
  return context;
}
