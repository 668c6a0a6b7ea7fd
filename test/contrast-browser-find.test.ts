import { describe, it, expect } from 'vitest';
import { findBrowser, LAUNCH_ARGS, SYSTEM_CHROMIUM_PATHS } from '../src/render/browser.js';
import { InboxlintError } from '../src/errors.js';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findBrowser', () => {
  it('prefers an explicit path, then INBOXLINT_CHROMIUM, then Playwright, then the system', async () => {
    const all = only('/opt/chrome', '/env/chrome', '/pw/chrome', '/usr/bin/chromium');
    expect(await findBrowser({ executablePath: '/opt/chrome', env: { INBOXLINT_CHROMIUM: '/env/chrome' }, exists: all, playwrightPath: '/pw/chrome' })).toEqual({ executablePath: '/opt/chrome', source: 'option' });
    expect(await findBrowser({ env: { INBOXLINT_CHROMIUM: '/env/chrome' }, exists: all, playwrightPath: '/pw/chrome' })).toEqual({ executablePath: '/env/chrome', source: 'env' });
    expect(await findBrowser({ env: {}, exists: all, playwrightPath: '/pw/chrome' })).toEqual({ executablePath: '/pw/chrome', source: 'playwright' });
    expect(await findBrowser({ env: {}, exists: all, playwrightPath: '/pw/missing' })).toEqual({ executablePath: '/usr/bin/chromium', source: 'system' });
    expect(await findBrowser({ env: {}, exists: only('/usr/bin/google-chrome-stable'), playwrightPath: null })).toEqual({ executablePath: '/usr/bin/google-chrome-stable', source: 'system' });
  });

  it('says where it looked when there is no browser', async () => {
    const err = await findBrowser({ env: {}, exists: () => false, playwrightPath: '/pw/chrome', bundled: null }).catch((e) => e);
    expect(err).toBeInstanceOf(InboxlintError);
    expect(err.message).toContain("Playwright's browser (/pw/chrome)");
    for (const p of SYSTEM_CHROMIUM_PATHS) expect(err.message).toContain(p);
    expect(err.message).toContain('INBOXLINT_CHROMIUM');
  });

  it('reports an explicit path that does not exist instead of looking elsewhere', async () => {
    await expect(findBrowser({ executablePath: '/nope', exists: only('/usr/bin/chromium'), playwrightPath: null })).rejects.toThrow('Chromium not found at /nope');
    await expect(findBrowser({ env: { INBOXLINT_CHROMIUM: '/nope' }, exists: only('/usr/bin/chromium'), playwrightPath: null })).rejects.toThrow('INBOXLINT_CHROMIUM');
  });

  it('launches with the safe arguments', () => {
    expect(LAUNCH_ARGS).toEqual(['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND']);
  });
});
