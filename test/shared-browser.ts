/**
 * One real Chromium per test file: launched in beforeAll, closed in afterAll. `need()` returns it
 * when it is there; in CI a missing browser fails the test instead of skipping it.
 */
import { beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, type LaunchOptions } from '../src/render/browser.js';
import { Renderer } from '../src/render/renderer.js';

export function sharedBrowser(what: string, options: LaunchOptions = {}): { readonly browser: Browser | undefined; need(): Browser | undefined } {
  let browser: Browser | undefined;
  let noBrowser: string | undefined;
  beforeAll(async () => {
    try {
      browser = await launchBrowser(options);
    } catch (err) {
      noBrowser = (err as Error).message;
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      return browser;
    },
    need() {
      if (browser) return browser;
      if (process.env.CI) throw new Error(`${what} needs Chromium in CI: ${noBrowser}`);
      console.warn(`SKIPPED (no browser): ${noBrowser}`);
      return undefined;
    },
  };
}

/**
 * A measuring Renderer on the file's shared browser (see sharedBrowser): `need()` returns it when
 * there is a browser; in CI a missing browser fails the test instead of skipping it.
 */
export function sharedRenderer(what: string): { need(): Renderer | undefined } {
  const shared = sharedBrowser(what);
  let renderer: Renderer | undefined;
  beforeAll(async () => {
    if (shared.browser) renderer = await Renderer.create({ browser: shared.browser });
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
  });
  return {
    need() {
      return shared.need() ? renderer : undefined;
    },
  };
}
