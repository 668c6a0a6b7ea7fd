/**
 * Smaller broken promises, end to end through the CLI, each with its bound: `preview --port`
 * on a taken port exits 2; an `mj-include` of a named pipe is refused instead of blocking;
 * `--cache` ignores and rewrites malformed entries and never trusts a forged or stale one;
 * 200 preview clients that never read do not grow the server's memory with each save;
 * `render --viewport WxH` adds a view to mobile and desktop.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAN, WITH_ERROR, tempProjects } from './cli-fixtures.js';
import { viewsFromFlags } from '../src/render/view-spec.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const NO_STACK = /\n\s+at .+:\d+/;
const project = tempProjects('inboxlint-hostile-pc-');
/** The cache's signing key lives here, not in the user's ~/.cache. */
const KEY_HOME = mkdtempSync(join(tmpdir(), 'inboxlint-hostile-key-'));
afterAll(() => rmSync(KEY_HOME, { recursive: true, force: true }));
/** Start-up and teardown of a child process on a loaded machine, on top of each bound. */
const SLACK = 10_000;

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '', INBOXLINT_CACHE: '0', XDG_CACHE_HOME: KEY_HOME, INBOXLINT_CACHE_KEY: '', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr), ms: Date.now() - started };
}

describe('preview --port', () => {
  it('a port in use: the error is printed and the command exits 2, promptly', async () => {
    const root = project({ 'a.html': CLEAN });
    const taken: Server = createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const port = (taken.address() as { port: number }).port;
    try {
      const r = run(['preview', 'a.html', '--port', String(port)], root);
      expect(r.signal, 'preview never exited').toBeNull();
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`inboxlint: --port ${port}: the port is in use on 127.0.0.1\n`);
      expect(r.ms).toBeLessThan(SLACK);
    } finally {
      taken.close();
    }
  });
});

describe('mj-include of a named pipe', () => {
  const including = (path: string) =>
    `<mjml>\n<mj-body>\n<mj-section><mj-column><mj-text>Spring linen</mj-text>\n<mj-include path="${path}" />\n</mj-column></mj-section>\n</mj-body>\n</mjml>\n`;

  it('is refused naming the template and the line, also when the path is URL-encoded; the other files are linted', () => {
    const root = project({ 'a.mjml': including('./part.mjml'), 'b.mjml': including('%2570art.mjml'), 'c.mjml': including('part%252Emjml'), 'good.html': WITH_ERROR });
    execFileSync('mkfifo', [join(root, 'part.mjml')]);
    const r = run(['lint', 'a.mjml', 'b.mjml', 'c.mjml', 'good.html'], root);
    expect(r.signal, 'the lint blocked on the pipe').toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inboxlint: a.mjml:4: mj-include "./part.mjml" is a named pipe (FIFO)');
    expect(r.stderr).toContain('inboxlint: b.mjml:4: mj-include "%2570art.mjml" is a named pipe (FIFO)');
    expect(r.stderr).toContain('inboxlint: c.mjml:4: mj-include "part%252Emjml" is a named pipe (FIFO)');
    expect(r.stdout).toContain('img-alt');
    expect(r.stderr).not.toMatch(NO_STACK);
    expect(r.ms).toBeLessThan(SLACK);
  });

  it('inspect and track --compile refuse it too; track --compile of a template that is a pipe is refused', () => {
    const root = project({ 'a.mjml': including('part.mjml') });
    execFileSync('mkfifo', [join(root, 'part.mjml')]);
    execFileSync('mkfifo', [join(root, 'pipe.mjml')]);
    for (const [args, says] of [
      [['inspect', 'a.mjml'], /a\.mjml:4:1: mj-include "part\.mjml" is a named pipe \(FIFO\)/],
      [['track', 'a.mjml', '--campaign', 'x', '--compile'], /a\.mjml:4:1: mj-include "part\.mjml" is a named pipe \(FIFO\)/],
      [['track', 'pipe.mjml', '--campaign', 'x', '--compile'], /pipe\.mjml: is a named pipe \(FIFO\), not an email file/],
    ] as const) {
      const r = run([...args], root);
      expect(r.signal, `${args.join(' ')} blocked`).toBeNull();
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(says);
      expect(r.ms).toBeLessThan(SLACK);
    }
  });
});

describe('--cache trusts no entry as it is', () => {
  type CacheFile = { format: number; env: string; entries: Record<string, { key: string; mac: string; result: Record<string, unknown> & { messages: unknown[] } }> };
  const read = (root: string) => JSON.parse(readFileSync(join(root, '.inboxlintcache'), 'utf8')) as CacheFile;
  const write = (root: string, c: unknown) => writeFileSync(join(root, '.inboxlintcache'), JSON.stringify(c));
  /** A run after the cache was tampered with: the failing file still fails, with its finding, and the cache is rewritten sound. */
  function expectStillFails(root: string) {
    const r = run(['a.html', 'b.html', '--cache'], root);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('img-alt');
    expect(r.stderr).toBe('');
    const c = read(root);
    expect(c.format).toBe(2);
    const a = c.entries[join(root, 'a.html')];
    expect(a.result.errorCount).toBe(1);
    expect(a.mac).toMatch(/^[0-9a-f]{64}$/);
  }

  it('a forged result (messages emptied, counts zeroed, signature kept or made with another key) does not turn a failing file green', () => {
    const root = project({ 'a.html': WITH_ERROR, 'b.html': CLEAN });
    expect(run(['a.html', 'b.html', '--cache'], root).code).toBe(1);
    const pristine = read(root);
    const path = join(root, 'a.html');

    const forged = structuredClone(pristine);
    Object.assign(forged.entries[path].result, { messages: [], errorCount: 0, warningCount: 0 });
    write(root, forged);
    expectStillFails(root);

    // The same, signed as inboxlint signs, but with a key that is not this user's.
    const e = forged.entries[path];
    e.mac = createHmac('sha256', Buffer.alloc(32)).update(path).update('\0').update(e.key).update('\0').update(JSON.stringify(e.result)).digest('hex');
    write(root, forged);
    expectStillFails(root);

    // Another file's genuine, signed entry moved onto the failing file.
    const moved = structuredClone(pristine);
    moved.entries[path] = moved.entries[join(root, 'b.html')];
    write(root, moved);
    expectStillFails(root);
  });

  it('INBOXLINT_CACHE_KEY signs the entries: one signed with that key is used, one signed with another is not', () => {
    const root = project({ 'a.html': WITH_ERROR, 'b.html': CLEAN });
    const key = 'a-ci-secret-of-some-length';
    expect(run(['a.html', 'b.html', '--cache'], root, { INBOXLINT_CACHE_KEY: key }).code).toBe(1);
    const c = read(root);
    const path = join(root, 'a.html');
    const e = c.entries[path];
    Object.assign(e.result, { messages: [], errorCount: 0 });
    e.mac = createHmac('sha256', Buffer.from(key)).update(path).update('\0').update(e.key).update('\0').update(JSON.stringify(e.result)).digest('hex');
    write(root, c);
    // Whoever holds the key can write entries the cache trusts (here: this test)…
    expect(run(['a.html', 'b.html', '--cache'], root, { INBOXLINT_CACHE_KEY: key }).code).toBe(0);
    // …and nobody else.
    write(root, c);
    expect(run(['a.html', 'b.html', '--cache'], root, { INBOXLINT_CACHE_KEY: 'another-secret-of-some-length' }).code).toBe(1);
    write(root, c);
    expectStillFails(root);
  });

  it('a stale entry (the file changed since) is not used', () => {
    const root = project({ 'a.html': CLEAN, 'b.html': CLEAN });
    expect(run(['a.html', 'b.html', '--cache'], root).code).toBe(0);
    writeFileSync(join(root, 'a.html'), WITH_ERROR);
    expectStillFails(root);
  });

  it('malformed entries are ignored and rewritten, never an exit 2', () => {
    const root = project({ 'a.html': WITH_ERROR, 'b.html': CLEAN });
    expect(run(['a.html', 'b.html', '--cache'], root).code).toBe(1);
    const good = read(root);
    const path = join(root, 'a.html');
    const bad: unknown[] = [
      { ...good, entries: { [path]: null } },
      { ...good, entries: { [path]: { key: good.entries[path].key, mac: good.entries[path].mac, result: {} } } },
      { ...good, entries: { [path]: { ...good.entries[path], result: { ...good.entries[path].result, messages: 'none' } } } },
      { ...good, entries: { [path]: { ...good.entries[path], result: { ...good.entries[path].result, messages: [{ ruleId: 7 }] } } } },
      { ...good, entries: { [path]: { ...good.entries[path], key: 42 } } },
      { ...good, entries: [] },
      { ...good, entries: null },
      [],
      'text',
    ];
    for (const c of bad) {
      write(root, c);
      expectStillFails(root);
    }
  });

  it('a cache location that is a named pipe does not block the run', () => {
    const root = project({ 'a.html': WITH_ERROR });
    execFileSync('mkfifo', [join(root, 'cache.fifo')]);
    const r = run(['a.html', '--cache', '--cache-location', 'cache.fifo'], root);
    expect(r.signal, 'the run blocked on the pipe').toBeNull();
    expect(r.stdout).toContain('img-alt');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write the cache');
    expect(r.stderr).toContain('a named pipe (FIFO) that no process read within 10 s');
    expect(r.ms).toBeLessThan(10_000 + SLACK);
  });
});

describe('preview: clients that never read', () => {
  /** A template whose state is over 3 MB (its source, and 600 buttons and images, each with findings). */
  const big = (word: string) =>
    `<!DOCTYPE html><html><head><title>${word}</title></head><body><!-- ${'padding '.repeat(300_000)} --><table>${Array.from(
      { length: 600 },
      (_, i) => `<tr><td><a href="https://shop.example.com/item/${i}" style="display:inline-block;padding:12px 20px;background:#0a66c2;color:#ffffff">${word} item ${i} now</a><img src="https://shop.example.com/i${i}.png"></td></tr>`,
    ).join('')}</table></body></html>`;
  const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

  it('200 of them: memory stays bounded over saves, and a client that reads still gets every update', async () => {
    const root = project({ 'big.html': big('Buy') });
    const child: ChildProcess = spawn(process.execPath, [BIN, 'preview', 'big.html', '--port', '0'], { cwd: root, env: { ...process.env, NO_COLOR: '1', INBOXLINT_CACHE: '0' } });
    const sockets: Socket[] = [];
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout!.on('data', (d) => {
          out += d;
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) ok(m[0]);
        });
        child.on('exit', () => fail(new Error('preview exited')));
      });
      const { port } = new URL(url);
      const state = await (await fetch(`${url}api/state`)).text();
      expect(state.length).toBeGreaterThan(3_000_000);
      const request = `GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`;
      // 200 clients that never read (no 'data' listener: the socket stops reading once its buffer is full).
      for (let i = 0; i < 200; i++) {
        const s = connect(Number(port), '127.0.0.1');
        s.write(request);
        sockets.push(s);
      }
      // One that reads, to know when each save has been analysed.
      const reader = connect(Number(port), '127.0.0.1');
      sockets.push(reader);
      let seen = '';
      reader.on('data', (d) => (seen += d));
      reader.write(request);
      await new Promise((r) => setTimeout(r, 1000));
      const before = rssKb(child.pid!);
      for (const [i, word] of ['Shop', 'Order'].entries()) {
        writeFileSync(join(root, 'big.html'), big(word));
        const until = Date.now() + 60_000;
        while ((seen.match(/event: update/g) ?? []).length < i + 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
        expect((seen.match(/event: update/g) ?? []).length, `save ${i + 1} was not announced`).toBeGreaterThanOrEqual(i + 1);
      }
      await new Promise((r) => setTimeout(r, 1000));
      const grown = (rssKb(child.pid!) - before) / 1024;
      // Unbounded, each save queued the 3 MB state for each of the 200 clients (beyond what the kernel's socket buffers take).
      expect(grown, `RSS grew by ${grown.toFixed(0)} MB`).toBeLessThan(150);
      // The latest state is there for the page to fetch.
      expect(await (await fetch(`${url}api/state`)).text()).toContain('Order item 599 now');
    } finally {
      for (const s of sockets) s.destroy();
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 180_000);
});

describe('render --viewport', () => {
  it('WxH adds a view to mobile and desktop; naming mobile or desktop keeps only those named', () => {
    expect(viewsFromFlags([])).toEqual(['mobile', 'desktop']);
    expect(viewsFromFlags(['390x844'])).toEqual(['mobile', 'desktop', '390x844']);
    expect(viewsFromFlags(['mobile', '390x844'])).toEqual(['mobile', '390x844']);
    expect(viewsFromFlags(['Desktop'])).toEqual(['Desktop']);
  });

  it('the CLI renders the default views plus the one asked for', () => {
    const root = project({ 'a.html': CLEAN });
    const r = run(['render', 'a.html', '--out', 'shots', '--viewport', '400x300'], root);
    expect(r.code, r.stderr).toBe(0);
    const shots = readdirSync(join(root, 'shots')).filter((f) => /^a\.[^.]+\.png$/.test(f)).sort();
    expect(shots).toEqual(['a.400x300.png', 'a.desktop.png', 'a.mobile.png']);
  }, 120_000);
});
