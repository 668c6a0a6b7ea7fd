/**
 * Hostile templates against the browser, end to end through the CLI (a real child process): a
 * template full of things that would open a connection (prefetch, preconnect, iframe, object,
 * embed, a meta refresh to a URL, CSS imports and backgrounds, ping, images) pointing at a
 * loopback listener that must receive no connection at all, under every command that opens a
 * browser (`lint --render`, `inspect --render`, `report`, `render` with and without
 * `--images remote`). And a page that would navigate away is one file's business: the run goes
 * on, the other file is reported, the SARIF is written.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAN, tempProjects } from './cli-fixtures.js';
import { launchBrowser } from '../src/render/browser.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const NO_STACK = /\n\s+at .+:\d+/;

/** The CLI as a child process, without blocking this process (the listener must be able to accept). */
function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '', INBOXLINT_CACHE: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

let server: Server;
let connections = 0;
const requests: string[] = [];
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('x');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** Everything a page could reach the network with while JavaScript is off. */
function hostile(): string {
  const u = (p: string) => `${base}/${p}?repo=secret`;
  return CLEAN.replace(
    '<title>',
    `<link rel="prefetch" href="${u('prefetch')}"><link rel="preconnect" href="${u('preconnect')}"><link rel="dns-prefetch" href="${u('dns')}">` +
      `<link rel="preload" as="image" href="${u('preload')}"><link rel="stylesheet" href="${u('css')}"><link rel="icon" href="${u('icon')}">` +
      `<style>@import url(${u('import')}); @font-face { font-family: X; src: url(${u('font')}) } p { font-family: X; background: url(${u('bg')}) }</style><title>`,
  ).replace(
    '<p>Hello there',
    `<iframe src="${u('iframe')}" width="10" height="10"></iframe><object data="${u('object')}" width="10" height="10"></object><embed src="${u('embed')}">` +
      `<img src="${u('img')}" width="10" height="10" alt=""><img src="http://[::1]:1/v6.png" width="10" height="10" alt=""><video poster="${u('poster')}" src="${u('video')}"></video>` +
      `<table background="${u('tbg')}"><tr><td><a href="https://shop.example/a" ping="${u('ping')}">More</a></td></tr></table><svg width="10" height="10"><image href="${u('svg')}" width="10" height="10"/></svg>` +
      `<p>Hello there`,
  );
}
/** A page that would navigate away from itself at once (JavaScript off does not stop a refresh). */
const REFRESH = CLEAN.replace('<title>', '<meta http-equiv="refresh" content="0"><title>');
const REFRESH_URL = () => CLEAN.replace('<title>', `<meta http-equiv="Refresh" content="0; url=${base}/refresh"><title>`);

const project = tempProjects('inboxlint-hostile-net-');

let browserMissing: string | undefined;
beforeAll(async () => {
  try {
    await (await launchBrowser()).close();
  } catch (err) {
    browserMissing = (err as Error).message;
  }
}, 60_000);

function needBrowser(): boolean {
  if (!browserMissing) return true;
  if (process.env.CI) throw new Error(`the hostile network tests need Chromium in CI: ${browserMissing}`);
  console.warn(`SKIPPED (no browser): ${browserMissing}`);
  return false;
}

describe('no browser the project opens reaches the network', () => {
  const commands: Array<[string, (files: string[]) => string[]]> = [
    ['lint --render', (f) => ['lint', '--render', ...f, '-f', 'sarif', '-o', 'out.sarif']],
    ['inspect --render', (f) => ['inspect', '--render', '--json', ...f]],
    ['report', (f) => ['report', ...f, '--out', 'report.html']],
    ['render', (f) => ['render', ...f, '--out', 'pictures', '--dark', '--images', 'off']],
    ['render --images remote', (f) => ['render', ...f, '--out', 'pictures', '--images', 'remote']],
  ];
  for (const [name, args] of commands) {
    it(`${name}: the loopback listener receives no connection, and a page that would navigate away is named or rendered, never the run's end`, async () => {
      if (!needBrowser()) return;
      const p = project({ 'a.html': hostile(), 'b.html': REFRESH, 'c.html': REFRESH_URL(), 'd.html': CLEAN });
      const before = connections;
      const r = await run(args(['a.html', 'b.html', 'c.html', 'd.html']), p);
      await new Promise((ok) => setTimeout(ok, 300));
      expect(connections - before, `${name} opened connections: ${requests.join(', ')}`).toBe(0);
      expect(r.stderr).not.toMatch(NO_STACK);
      expect(r.stderr).not.toMatch(/internal error/);
      expect([0, 1]).toContain(r.code);
      // Every file got through, the last one included.
      if (name.startsWith('lint')) {
        const sarif = JSON.parse(readFileSync(join(p, 'out.sarif'), 'utf8'));
        const uris = sarif.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri);
        expect(uris).toEqual(expect.arrayContaining(['a.html', 'b.html', 'c.html', 'd.html']));
        expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
      } else if (name.startsWith('inspect')) {
        const out = JSON.parse(r.stdout) as Array<{ filePath: string; ctas: Array<{ position?: { measured?: boolean } }> }>;
        expect(out.map((x) => x.filePath.split('/').pop())).toEqual(['a.html', 'b.html', 'c.html', 'd.html']);
      } else if (name === 'report') {
        const html = readFileSync(join(p, 'report.html'), 'utf8');
        for (const f of ['a.html', 'b.html', 'c.html', 'd.html']) expect(html).toContain(f);
        expect(html).not.toMatch(/rendering .* failed/);
      } else {
        for (const f of ['a', 'b', 'c', 'd']) expect(existsSync(join(p, 'pictures', `${f}.mobile.png`)), `${f}.mobile.png`).toBe(true);
      }
    }, 150_000);
  }
});

describe('remote images come from public addresses only', () => {
  it('refuses loopback, private, link-local, shared, multicast and mapped addresses; allows public ones', async () => {
    const { publicAddress } = await import('../src/net.js');
    for (const a of ['127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', 'not-an-ip'])
      expect(publicAddress(a), a).toBe(false);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(publicAddress(a), a).toBe(true);
  });
});
