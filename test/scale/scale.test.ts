/**
 * Speed and scale on real inputs: --jobs (worker threads, results and order identical to an
 * in-process run, plugins loaded by module path in each worker), --cache (reuse, and each
 * invalidation), --shard (deterministic, disjoint slices), progress (terminal only) and the
 * streamed formats. Workers run the compiled code, so the run itself is imported from dist/
 * (built by the global setup).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLEAN, WITH_ERROR, WITH_WARNING } from '../cli-fixtures.js';
import { CORPUS_DIR, corpusPresent } from '../corpus.js';

type Run = typeof import('../../src/scale/run.js');
type Cache = typeof import('../../src/scale/cache.js');
type Files = typeof import('../../src/cli/files.js');
type SessionMod = typeof import('../../src/session.js');
const dist = (p: string) => pathToFileURL(fileURLToPath(new URL(`../../dist/src/${p}`, import.meta.url))).href;
const BIN = fileURLToPath(new URL('../../bin/inboxlint.js', import.meta.url));
// Real templates of two kinds: 66 Postmark templates (HTML and MJML) and 43 messages (.eml, some with no HTML part).
const CORPUS_DIRS = ['ActiveCampaign__postmark-templates', 'apache__spamassassin'].map((d) => join(CORPUS_DIR, d));

// The cache's signing key lives here (not in the user's ~/.cache), for the CLI and in-process runs.
const KEY_HOME = mkdtempSync(join(tmpdir(), 'inboxlint-scale-key-'));
process.env.XDG_CACHE_HOME = KEY_HOME;
afterAll(() => rmSync(KEY_HOME, { recursive: true, force: true }));

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '', XDG_CACHE_HOME: KEY_HOME } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
let run: Run;
let cacheMod: Cache;
let files: Files;
let sessionMod: SessionMod;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'inboxlint-scale-'));
  run = await import(dist('scale/run.js'));
  cacheMod = await import(dist('scale/cache.js'));
  files = await import(dist('cli/files.js'));
  sessionMod = await import(dist('session.js'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function project(contents: Record<string, string>): string {
  const root = mkdtempSync(join(tmp, 'p-'));
  for (const [name, text] of Object.entries(contents)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** Lints `inputs` through the scale layer; returns the reports in emitted order and the run's stats. */
async function scaled(inputs: string[], cwd: string, opts: { jobs?: number; cacheLocation?: string } = {}) {
  const session = await sessionMod.createSession({ cwd });
  try {
    const expanded = await files.expandInputs(inputs, cwd);
    const reports: unknown[] = [];
    const stats = await run.lintScaled(expanded, session, {}, { jobs: opts.jobs ?? 1, cacheLocation: opts.cacheLocation }, (r) => {
      reports.push(r);
    });
    return { reports, stats };
  } finally {
    await session.close();
  }
}

describe.runIf(corpusPresent('--jobs on the corpus'))('--jobs on the corpus', () => {
  it('two workers give the same reports in the same order as one process', async () => {
    const one = await scaled(CORPUS_DIRS, tmp, { jobs: 1 });
    const two = await scaled(CORPUS_DIRS, tmp, { jobs: 2 });
    expect(one.stats.workers).toBe(0);
    expect(two.stats.workers).toBe(2);
    expect(one.reports.length).toBeGreaterThan(100);
    expect(two.reports).toEqual(one.reports);
  });

  it('the CLI prints the same bytes and exits the same with -j 1 and -j 2', () => {
    const a = cli([...CORPUS_DIRS, '-f', 'json', '-j', '1'], tmp);
    const b = cli([...CORPUS_DIRS, '-f', 'json', '-j', '2'], tmp);
    expect(a.code).toBe(2); // some messages have no HTML part: reported, the rest still linted
    expect(JSON.parse(a.stdout).length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });
});

// A plugin as a package: its default export's rules, named in the config by module path.
const PLUGIN = `
export default { rules: { 'no-bargain': {
  id: 'no-bargain', description: 'No "bargain".', rationale: 'Test plugin.', sources: ['test'], guidance: 'Say something else.',
  category: 'content', severity: 'warn', recommended: true, options: {}, messages: { bargain: 'says "bargain" (plugin v{{v}})' },
  examples: { valid: [], invalid: [] },
  check({ doc, report }) {
    const i = doc.text.indexOf('bargain');
    if (i >= 0) report({ messageId: 'bargain', data: { v: VERSION }, range: { start: i, end: i + 7 } });
  },
} } };
`;
const PLUGIN_CONFIG = JSON.stringify({ extends: 'inboxlint:recommended', plugins: { bargain: './plugin/index.js' }, rules: { 'bargain/no-bargain': 'warn' } });

describe('plugins by module path', () => {
  it('every worker loads the plugin and its findings match the in-process run', async () => {
    const contents: Record<string, string> = { 'plugin/package.json': '{"name":"inboxlint-plugin-bargain","version":"1.0.0","type":"module"}', 'plugin/index.js': PLUGIN.replace('VERSION', "'1'"), 'inboxlint.config.json': PLUGIN_CONFIG };
    for (let i = 0; i < 60; i++) contents[`mail/m${String(i).padStart(2, '0')}.html`] = i % 2 ? CLEAN.replace('spring collection is here', 'spring bargain is here') : CLEAN;
    const root = project(contents);
    const one = await scaled(['mail'], root, { jobs: 1 });
    const two = await scaled(['mail'], root, { jobs: 2 });
    expect(two.stats.workers).toBe(2);
    expect(two.reports).toEqual(one.reports);
    const ids = (one.reports as { result: { messages: { ruleId: string }[] } }[]).map((r) => r.result.messages.filter((m) => m.ruleId === 'bargain/no-bargain').length);
    expect(ids.filter((n) => n === 1)).toHaveLength(30);
  });
});

describe('--cache', () => {
  const cached = (root: string) =>
    JSON.parse(readFileSync(join(root, '.inboxlintcache'), 'utf8')) as { entries: Record<string, { key: string; mac: string; result: { messages: { message: string }[] } }> };
  /** Marks every cached message, so a reused result shows in the output (and signs the entry again with the user's key, as the cache does). */
  function mark(root: string) {
    const c = cached(root);
    const key = readFileSync(join(KEY_HOME, 'inboxlint', 'cache-key'));
    for (const [path, e] of Object.entries(c.entries)) {
      for (const m of e.result.messages) m.message = `CACHED ${m.message}`;
      e.mac = createHmac('sha256', key).update(path).update('\0').update(e.key).update('\0').update(JSON.stringify(e.result)).digest('hex');
    }
    writeFileSync(join(root, '.inboxlintcache'), JSON.stringify(c));
  }

  it('reuses unchanged files and re-lints when the content or the config changes', () => {
    const root = project({ 'a.html': WITH_WARNING, 'b.html': WITH_ERROR });
    const first = cli(['.', '--cache'], root);
    expect(first.code).toBe(1);
    expect(first.stdout).not.toContain('CACHED');
    mark(root);
    const again = cli(['.', '--cache'], root);
    expect(again.stdout.match(/CACHED/g)).toHaveLength(2);
    expect(again.code).toBe(1); // counts come from the cached results too

    writeFileSync(join(root, 'a.html'), WITH_WARNING.replace('Hello there', 'Hello again'));
    const edited = cli(['.', '--cache'], root);
    expect(edited.stdout).toMatch(/a\.html\n.*link-insecure/);
    expect(edited.stdout).not.toMatch(/a\.html\n[^\n]*CACHED/);
    expect(edited.stdout).toMatch(/b\.html\n[^\n]*CACHED/);

    mark(root);
    writeFileSync(join(root, 'inboxlint.config.json'), '{"rules":{"link-insecure":"error"}}');
    const reconfigured = cli(['.', '--cache'], root);
    expect(reconfigured.stdout).not.toContain('CACHED');
    expect(reconfigured.stdout).toMatch(/error\s+.*link-insecure/);
    mark(root);
    // A --rule flag is part of the resolved config too.
    expect(cli(['.', '--cache', '--rule', 'img-alt=warn'], root).stdout).not.toContain('CACHED');
  });

  it('keeps the cache where --cache-location says, and rewrites a damaged one', () => {
    const root = project({ 'a.html': WITH_WARNING });
    expect(cli(['a.html', '--cache', '--cache-location', 'cache-dir/'], root).code).toBe(0);
    expect(existsSync(join(root, 'cache-dir', '.inboxlintcache'))).toBe(true);
    expect(cli(['a.html', '--cache', '--cache-location', 'my.cache'], root).code).toBe(0);
    writeFileSync(join(root, 'my.cache'), '{"format":1,"env":"');
    const r = cli(['a.html', '--cache', '--cache-location', 'my.cache'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('link-insecure');
    expect(JSON.parse(readFileSync(join(root, 'my.cache'), 'utf8')).format).toBe(2);
    expect(cli(['a.html', '--cache-location', 'x'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--cache-location is only used with --cache') });
  });

  it('a plugin version change invalidates (package version, or the local module file)', async () => {
    const root = project({
      'plugin/package.json': '{"name":"inboxlint-plugin-bargain","version":"1.0.0","type":"module"}',
      'plugin/index.js': PLUGIN.replace('VERSION', "'1'"),
      'a.html': CLEAN.replace('spring collection is here', 'spring bargain is here'),
      'inboxlint.config.json': PLUGIN_CONFIG,
    });
    const cacheLocation = join(root, '.inboxlintcache');
    const opts = { jobs: 1, cacheLocation };
    expect((await scaled(['a.html'], root, opts)).stats.cacheHits).toBe(0);
    expect((await scaled(['a.html'], root, opts)).stats.cacheHits).toBe(1);
    writeFileSync(join(root, 'plugin/package.json'), '{"name":"inboxlint-plugin-bargain","version":"1.1.0","type":"module"}');
    expect((await scaled(['a.html'], root, opts)).stats.cacheHits).toBe(0);
    expect((await scaled(['a.html'], root, opts)).stats.cacheHits).toBe(1);
    writeFileSync(join(root, 'plugin/index.js'), `${PLUGIN.replace('VERSION', "'1'")}\n// edited\n`);
    expect((await scaled(['a.html'], root, opts)).stats.cacheHits).toBe(0);
  });

  it('an inboxlint version change drops every entry', async () => {
    const file = join(project({}), 'c.json');
    const result = { filePath: '/x.html', messages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, suppressedMessages: [], usedDeprecatedRules: [] as [] };
    const key = cacheMod.LintCache.key(Buffer.from('<p>x</p>'), { rules: {} });
    const v1 = await cacheMod.LintCache.open(file, { inboxlint: 'inboxlint@0.1.0' });
    v1.set('/x.html', key, result);
    await v1.save();
    expect((await cacheMod.LintCache.open(file, { inboxlint: 'inboxlint@0.1.0' })).get('/x.html', key)).toEqual(result);
    expect((await cacheMod.LintCache.open(file, { inboxlint: 'inboxlint@0.2.0' })).get('/x.html', key)).toBeUndefined();
    // The version and a hash of the build (a rule changed without a new version counts too).
    expect(cacheMod.inboxlintVersion()).toMatch(new RegExp(`^inboxlint@${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version.replace(/\./g, '\\.')} [0-9a-f]{16}$`));
  });
});

describe('--shard', () => {
  it('slices are disjoint, cover every file, and do not depend on the order the files are named in', () => {
    const contents: Record<string, string> = {};
    for (let i = 0; i < 10; i++) contents[`t/m${i}.html`] = WITH_WARNING;
    const root = project(contents);
    const shown = (out: string) => out.split('\n').filter((l) => /^t\/m\d\.html$/.test(l));
    const slices = [1, 2, 3].map((i) => shown(cli(['t', '--shard', `${i}/3`], root).stdout));
    expect(slices.map((s) => s.length)).toEqual([4, 3, 3]);
    expect(slices.flat().sort()).toEqual(Object.keys(contents).sort());
    const named = Object.keys(contents).reverse();
    expect(shown(cli([...named, '--shard', '2/3'], root).stdout).sort()).toEqual([...slices[1]].sort());
    for (const bad of ['0/2', '3/2', 'a/b', '1/0']) {
      expect(cli(['t', '--shard', bad], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--shard: expected i/n') });
    }
  });
});

describe('--jobs values and streamed output', () => {
  it('rejects a --jobs that is not a positive integer', () => {
    const root = project({ 'a.html': CLEAN });
    for (const bad of ['0', '-1', '1.5']) expect(cli(['a.html', '--jobs', bad], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--jobs: expected an integer ≥ 1') });
  });

  it('stylish and github streamed to stdout are byte for byte the formatter output written with -o; no progress off a terminal', () => {
    const contents: Record<string, string> = {};
    for (let i = 0; i < 60; i++) contents[`m${String(i).padStart(2, '0')}.html`] = [CLEAN, WITH_ERROR, WITH_WARNING][i % 3];
    const root = project(contents);
    for (const f of ['stylish', 'github']) {
      const streamed = cli(['.', '-f', f, '-j', '2'], root);
      expect(cli(['.', '-f', f, '-o', `out.${f}`], root).stdout).toBe('');
      expect(streamed.stdout).toBe(readFileSync(join(root, `out.${f}`), 'utf8'));
      expect(streamed.stdout.length).toBeGreaterThan(1000);
      expect(streamed.stderr).toBe('');
    }
  });
});
