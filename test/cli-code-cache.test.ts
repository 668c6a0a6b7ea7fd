/**
 * bin/inboxlint.js runs the CLI bundle's chunks with V8's code cache (see its loadBundle): a run
 * with the cache, one that writes it and one that reads it print the same, and the cache is
 * written only into a folder nobody else can write to.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/inboxlint.js');
const FILE = join(ROOT, 'fixtures/demo/newsletter.html');

/** The folder of the cache under `dir`: one per Node version, then one per installation. */
const cacheFolder = (dir: string) => {
  const [version] = readdirSync(dir);
  const [installation] = readdirSync(join(dir, version));
  return join(dir, version, installation);
};

const lint = (env: Record<string, string>) => spawnSync(process.execPath, [BIN, 'lint', FILE, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('the CLI bundle with V8 code cache', () => {
  it('prints the same without a cache, writing it, and reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-cc-'));
    try {
      const none = lint({ NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: dir });
      expect(readdirSync(dir)).toEqual([]);
      const writing = lint({ NODE_COMPILE_CACHE: dir });
      const folder = cacheFolder(dir);
      const files = readdirSync(folder);
      expect(files.some((f) => f.startsWith('main.cjs-'))).toBe(true);
      expect(files.some((f) => f.startsWith('document-'))).toBe(true);
      expect(statSync(folder).mode & 0o077).toBe(0);
      const reading = lint({ NODE_COMPILE_CACHE: dir });
      expect(readdirSync(folder).sort()).toEqual(files.sort());
      for (const r of [none, writing, reading]) {
        expect(r.status).toBe(1);
        expect(r.stderr).toBe('');
      }
      expect(JSON.parse(writing.stdout)).toEqual(JSON.parse(none.stdout));
      expect(JSON.parse(reading.stdout)).toEqual(JSON.parse(none.stdout));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(process.getuid === undefined)('ignores a cache folder others can write to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-cc-'));
    try {
      lint({ NODE_COMPILE_CACHE: dir });
      const shared = cacheFolder(dir);
      rmSync(shared, { recursive: true });
      mkdirSync(shared);
      chmodSync(shared, 0o777);
      const r = lint({ NODE_COMPILE_CACHE: dir });
      expect(r.status).toBe(1);
      expect(readdirSync(shared)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
