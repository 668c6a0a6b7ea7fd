/**
 * The browser from the npm registry (src/render/bundled.ts): last in findBrowser's order, found
 * from the installed optional dependency, unpacked once (also by two processes at the same time)
 * into the cache folder, launched with its own libraries and fonts, and rendering a template.
 * With the browser's fonts cut down to the package's Open Sans, text in scripts it has no font
 * for is named in render's layout notes. Where the package cannot run (not Linux x64) the
 * real-browser tests skip with one line; in CI (Linux x64, `npm ci` installs it) they run.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { findBrowser, launchBrowser, safeContext } from '../src/render/browser.js';
import { BUNDLED_PACKAGE, bundledBrowser, bundledEnv, bundledSupported, extractTar, unpackBundled, type BundledBrowser } from '../src/render/bundled.js';
import { collectMissingGlyphs } from '../src/render/collect.js';
import { Renderer } from '../src/render/renderer.js';
import { missingFontNote, NO_FONT_NOTE, renderTemplate } from '../src/render/render.js';
import { documentFromText } from '../src/input/index.js';
import { InboxlintError } from '../src/errors.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FAKE: BundledBrowser = { executablePath: '/cache/chromium-1.0.0-linux-x64/chromium', version: '1.0.0', packageDir: '/pkg', unpacked: false };

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'inboxlint-bundled-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the registry browser in the order of choice', () => {
  const only = (...paths: string[]) => (p: string) => paths.includes(p);
  it('comes after an explicit path, INBOXLINT_CHROMIUM, Playwright and the system, and before "none"', async () => {
    expect(await findBrowser({ env: {}, exists: only('/usr/bin/chromium'), playwrightPath: null, bundled: FAKE })).toEqual({ executablePath: '/usr/bin/chromium', source: 'system' });
    expect(await findBrowser({ env: {}, exists: only('/pw/chrome'), playwrightPath: '/pw/chrome', bundled: FAKE })).toMatchObject({ source: 'playwright' });
    expect(await findBrowser({ env: { INBOXLINT_CHROMIUM: '/env/chrome' }, exists: only('/env/chrome'), playwrightPath: null, bundled: FAKE })).toMatchObject({ source: 'env' });
    expect(await findBrowser({ env: {}, exists: () => false, playwrightPath: null, bundled: FAKE })).toEqual({ executablePath: FAKE.executablePath, source: 'package', bundled: FAKE });
    const err = await findBrowser({ env: {}, exists: () => false, playwrightPath: null, bundled: null }).catch((e) => e);
    expect(err).toBeInstanceOf(InboxlintError);
    expect(err.message).toContain(`the npm package ${BUNDLED_PACKAGE}`);
    expect(err.message).toContain(`npm install ${BUNDLED_PACKAGE}`);
  });

  it('is offered only where its build runs (Linux x64) and when the package is installed', () => {
    expect(bundledSupported('linux', 'x64')).toBe(true);
    expect(bundledSupported('linux', 'arm64')).toBe(false);
    expect(bundledSupported('darwin', 'x64')).toBe(false);
    expect(bundledBrowser({ platform: 'darwin', arch: 'arm64' })).toBeUndefined();
    expect(bundledBrowser({ platform: 'linux', arch: 'x64', packageDir: null })).toBeUndefined();
    expect(bundledBrowser({ platform: 'linux', arch: 'x64', packageDir: join(tmp, 'not-a-package') })).toBeUndefined();
  });

  it('runs with its own libraries first and its own fontconfig file', () => {
    const env = bundledEnv('/c/chromium-1-linux-x64/chromium', { LD_LIBRARY_PATH: '/usr/local/lib', HOME: '/root' });
    expect(env).toEqual({ LD_LIBRARY_PATH: '/c/chromium-1-linux-x64/lib:/usr/local/lib', FONTCONFIG_FILE: '/c/chromium-1-linux-x64/fonts.conf', HOME: '/root' });
    expect(bundledEnv('/c/x/chromium', {}).LD_LIBRARY_PATH).toBe('/c/x/lib');
  });
});

describe('extractTar', () => {
  it('extracts what GNU tar packed (files, folders, links, long names, pax names) and nothing outside its folder', async () => {
    const src = join(tmp, 'tar-src');
    const long = `${'d'.repeat(60)}/${'f'.repeat(80)}.txt`;
    mkdirSync(join(src, 'lib', dirname(long)), { recursive: true });
    writeFileSync(join(src, 'lib', 'a.so'), 'library');
    writeFileSync(join(src, 'lib', long), 'long name');
    symlinkSync('a.so', join(src, 'lib', 'a.so.1'));
    for (const format of ['gnu', 'pax']) {
      const out = join(tmp, `tar-out-${format}`);
      mkdirSync(out);
      await extractTar(execFileSync('tar', [`--format=${format}`, '-cf', '-', '-C', src, 'lib']), out);
      expect(readFileSync(join(out, 'lib', 'a.so'), 'utf8')).toBe('library');
      expect(readFileSync(join(out, 'lib', long), 'utf8')).toBe('long name');
      expect(readFileSync(join(out, 'lib', 'a.so.1'), 'utf8')).toBe('library');
    }
    const evil = join(tmp, 'evil-src');
    mkdirSync(join(evil, 'x'), { recursive: true });
    writeFileSync(join(evil, 'x', 'f'), 'x');
    const tar = execFileSync('tar', ['--format=gnu', '-cf', '-', '-C', evil, 'x/f']);
    tar.write('../f\0', 0, 'latin1'); // the entry's name, rewritten to climb out (the checksum is not checked)
    await expect(extractTar(tar, join(tmp, 'evil-out'))).rejects.toThrow('archive entry outside its folder: ../f');
  });
});

const runs = bundledSupported() && !!bundledBrowser();
if (!runs) {
  if (process.env.CI && bundledSupported()) throw new Error(`${BUNDLED_PACKAGE} is not installed: \`npm ci\` installs it on Linux x64`);
  console.log(`render-bundled: skipped, ${bundledSupported() ? `${BUNDLED_PACKAGE} is not installed` : `${BUNDLED_PACKAGE} runs on Linux x64 only`}`);
}

describe.runIf(runs)('the registry browser, unpacked and launched', () => {
  let cache: string;
  let browser: Browser | undefined;
  beforeAll(() => {
    cache = join(tmp, 'cache');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uses an unpacked browser in the temporary folder only when that folder is private to this user', () => {
    const pkg = bundledBrowser()!;
    const was = process.env.TMPDIR;
    process.env.TMPDIR = join(tmp, 'tmpdir');
    try {
      const own = join(tmp, 'tmpdir', `inboxlint-${userInfo().uid}`);
      const planted = join(own, `chromium-${pkg.version}-linux-x64`, 'chromium');
      mkdirSync(dirname(planted), { recursive: true });
      writeFileSync(planted, '#!/bin/sh\n');
      const env = { INBOXLINT_CACHE_DIR: join(tmp, 'empty-cache') };
      chmodSync(own, 0o777);
      expect(bundledBrowser({ env })).toMatchObject({ unpacked: false, executablePath: join(tmp, 'empty-cache', `chromium-${pkg.version}-linux-x64`, 'chromium') });
      chmodSync(own, 0o700);
      expect(bundledBrowser({ env })).toMatchObject({ unpacked: true, executablePath: planted });
    } finally {
      if (was === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = was;
    }
  });

  it('is unpacked into a private folder in the temporary folder when the cache folder cannot be written', { timeout: 120_000 }, async () => {
    const was = process.env.TMPDIR;
    process.env.TMPDIR = join(tmp, 'tmpdir-2');
    mkdirSync(process.env.TMPDIR);
    try {
      writeFileSync(join(tmp, 'a-file'), '');
      const env = { INBOXLINT_CACHE_DIR: join(tmp, 'a-file', 'cache') }; // under a file: cannot be made
      const b = bundledBrowser({ env })!;
      const own = join(tmp, 'tmpdir-2', `inboxlint-${userInfo().uid}`);
      expect(existsSync(own)).toBe(false);
      const path = await unpackBundled(b, env);
      expect(path).toBe(join(own, `chromium-${b.version}-linux-x64`, 'chromium'));
      expect(existsSync(path)).toBe(true);
      expect(statSync(own).mode & 0o777).toBe(0o700);
      expect(bundledBrowser({ env })).toMatchObject({ unpacked: true, executablePath: path });
    } finally {
      rmSync(join(tmp, 'tmpdir-2'), { recursive: true, force: true });
      if (was === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = was;
    }
  });

  it('is unpacked once into the cache folder, also by two processes at the same time', { timeout: 120_000 }, async () => {
    const env = { ...process.env, INBOXLINT_CACHE_DIR: cache };
    const b = bundledBrowser({ env })!;
    const pkg = JSON.parse(readFileSync(join(b.packageDir, 'package.json'), 'utf8'));
    expect(b).toMatchObject({ version: pkg.version, unpacked: false, executablePath: join(cache, `chromium-${pkg.version}-linux-x64`, 'chromium') });
    // Two node processes unpack it at once: both get the same complete browser.
    const script = `import('${join(ROOT, 'dist/src/render/bundled.js')}').then(async (m) => console.log(await m.unpackBundled(m.bundledBrowser())))`;
    const unpack = () =>
      new Promise<string>((done, fail) => {
        const p = spawn(process.execPath, ['-e', script], { env });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (out += d));
        p.on('close', (code) => (code === 0 ? done(out.trim()) : fail(new Error(out))));
      });
    const both = await Promise.all([unpack(), unpack()]);
    expect(both).toEqual([b.executablePath, b.executablePath]);
    expect(readdirSync(cache)).toEqual([`chromium-${pkg.version}-linux-x64`]);
    for (const f of ['chromium', 'fonts.conf', 'lib/libnss3.so', 'fonts/Open_Sans/OpenSans-Regular.ttf']) expect(existsSync(join(dirname(b.executablePath), f)), f).toBe(true);
    expect(bundledBrowser({ env })).toMatchObject({ unpacked: true });
    expect(await unpackBundled(bundledBrowser({ env })!, env)).toBe(b.executablePath);
  });

  it('launches as the last choice and renders a template; text it has no font for is named in the layout notes', { timeout: 120_000 }, async () => {
    const env = { INBOXLINT_CACHE_DIR: cache };
    const b = bundledBrowser({ env })!;
    // Its fonts cut down to the package's Open Sans: what a machine without fonts has.
    const conf = join(dirname(b.executablePath), 'fonts.conf');
    writeFileSync(conf, readFileSync(conf, 'utf8').replace(/\s*<include[^>]*>[^<]*<\/include>/, ''));
    browser = await launchBrowser({ env, exists: () => false, playwrightPath: null });
    expect(browser.version().split('.')[0]).toBe(b.version.split('.')[0]);

    const context = await safeContext(browser);
    const page = await context.newPage();
    await page.setContent('<body style="font-family: Arial, sans-serif"><p>Hello Привет Ελληνικά 日本語 สวัสดี 🎉<span style="display:none">隠</span>\u200b</p></body>');
    const groups = await page.evaluate(collectMissingGlyphs, 3000);
    expect(groups).toEqual([
      ['Han', 3, '日本語'],
      ['Thai', 3, 'สวด'],
      ['emoji', 1, '🎉'],
    ]);
    // A long text: 120,000 Latin characters, then 200 distinct Han characters (counted, not each drawn) and one Greek word.
    const han = Array.from({ length: 200 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    await page.setContent(`<body style="font-family: Arial"><p>${'Spring sale. '.repeat(10_000)}</p><p>${han} Ελληνικά</p></body>`);
    expect(await page.evaluate(collectMissingGlyphs, 3000)).toEqual([['Han', 200, han.slice(0, 8)]]);
    // At most 50 distinct characters: 11 of "Spring sale.", then 39 Han.
    expect(await page.evaluate(collectMissingGlyphs, 50)).toEqual([['Han', 39, han.slice(0, 8)]]);
    await context.close();

    const renderer = await Renderer.create({ browser });
    try {
      const text = (body: string) => `<!DOCTYPE html><html lang="ja"><head><title>Sale</title></head><body style="font-family:Arial">${body}<a href="https://example.com/buy" style="display:inline-block;padding:14px 28px;background:#0a5c36;color:#fff">Buy now</a></body></html>`;
      const ja = await renderTemplate(await documentFromText(join(tmp, 'ja.html'), text('<p>セール 今すぐ</p>')), [], { renderer, views: ['mobile', 'desktop'] });
      for (const v of ja.views) {
        expect(v.png!.length).toBeGreaterThan(1000);
        expect(v.layout.notes).toContain(missingFontNote([['Katakana', 2, 'セル'], ['Hiragana', 3, 'ーすぐ'], ['Han', 1, '今']]));
      }
      const latin = await renderTemplate(await documentFromText(join(tmp, 'en.html'), text('<p>Spring sale, today only</p>')), [], { renderer, views: ['mobile'] });
      expect(latin.views[0].layout.notes.filter((n) => n.startsWith(NO_FONT_NOTE))).toEqual([]);
    } finally {
      await renderer.close();
    }
  });
});

describe('missingFontNote', () => {
  it('counts the characters per script, gives examples and the Debian packages that cover them', () => {
    expect(missingFontNote([])).toBeUndefined();
    expect(missingFontNote([['Han', 2, '日本'], ['emoji', 1, '🎉']])).toBe(
      `${NO_FONT_NOTE} 3 characters of the text (Han 2, emoji 1; e.g. 日本 🎉): the pictures show them as empty boxes; install fonts for them (Debian: fonts-noto-cjk, fonts-noto-color-emoji)`,
    );
    expect(missingFontNote([['Thai', 1, 'ส']])).toContain('1 character of the text (Thai 1; e.g. ส): the pictures show it as an empty box; install fonts for them (Debian: fonts-noto-core)');
  });
});
