/**
 * src/input: the MJML cache folder does not depend on the working directory, a session's cache
 * is its own, and linting one HTML file loads neither mjml nor playwright-core.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultMjmlCacheDir, MjmlCache } from '../src/input/mjml-cache.js';
import { createSession } from '../src/session.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/inboxlint.js');

describe('MJML cache folder', () => {
  it('is found from the package, never from the working directory', () => {
    const env = { HOME: '/home/u' };
    // Installed: the node_modules that holds the package.
    expect(defaultMjmlCacheDir(env, '/srv/app/node_modules/inboxlint/dist/src/input')).toBe('/srv/app/node_modules/.cache/inboxlint/mjml');
    // This checkout: its own node_modules.
    expect(defaultMjmlCacheDir(env, join(ROOT, 'src/input'))).toBe(join(ROOT, 'node_modules/.cache/inboxlint/mjml'));
    // Neither: the XDG cache folder.
    const bare = mkdtempSync(join(tmpdir(), 'inboxlint-bare-'));
    try {
      expect(defaultMjmlCacheDir({ HOME: '/home/u' }, bare)).toBe('/home/u/.cache/inboxlint/mjml');
      expect(defaultMjmlCacheDir({ XDG_CACHE_HOME: '/x' }, bare)).toBe('/x/inboxlint/mjml');
    } finally {
      rmSync(bare, { recursive: true });
    }
    expect(defaultMjmlCacheDir({ INBOXLINT_CACHE_DIR: '/c' }, bare)).toBe('/c/mjml');
    expect(defaultMjmlCacheDir({ INBOXLINT_CACHE: '0' }, bare)).toBeNull();
    const before = process.cwd();
    try {
      process.chdir(tmpdir());
      expect(new MjmlCache().dir).toBe(defaultMjmlCacheDir());
      expect(defaultMjmlCacheDir()).toBe(join(ROOT, 'node_modules/.cache/inboxlint/mjml'));
    } finally {
      process.chdir(before);
    }
  });

  it('a session compiles through its own cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-session-cache-'));
    try {
      const s = await createSession({ cwd: dir, cacheDir: null });
      const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>';
      await s.lintText(mjml, { filePath: 'a.mjml' });
      expect(s.mjmlCache.stats.misses).toBe(2); // the real and the marked compile
      await s.lintText(mjml, { filePath: 'a.mjml' });
      expect(s.mjmlCache.stats.hits).toBe(2);
      await s.close();
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('lazy heavy modules', () => {
  const loaded = (file: string) => {
    // NODE_DEBUG=module logs every CommonJS module load (mjml and playwright-core are CommonJS).
    const r = spawnSync(process.execPath, [BIN, 'lint', file, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
    return { mjml: /node_modules\/mjml(-core)?\//.test(r.stderr), playwright: /node_modules\/playwright-core\//.test(r.stderr) };
  };

  it('`inboxlint lint` of one HTML file imports neither mjml nor playwright-core; an .mjml file imports mjml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-lazy-'));
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.html'), '<!DOCTYPE html><html lang="en"><head><title>Hi</title></head><body><p>Hi</p></body></html>');
      writeFileSync(join(dir, 'a.mjml'), '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>');
      expect(loaded(join(dir, 'a.html'))).toEqual({ mjml: false, playwright: false });
      expect(loaded(join(dir, 'a.mjml')).mjml).toBe(true);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
