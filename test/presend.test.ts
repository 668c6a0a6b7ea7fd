/**
 * The pre-send check end to end: the live link check against servers this test starts on
 * loopback (with --allow-private, the only way they may be reached), the refusal of private
 * addresses without it, leftover merge tags in rendered messages, image weight from the
 * template's folder, and the local spam score with the real SpamAssassin (CI installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { checkLinks, isPrivateAddress } from '../src/presend/links.js';
import { parseReport, spamAssassinVersion } from '../src/presend/spam.js';
import { CLEAN, tempProjects } from './cli-fixtures.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'inboxlint.js');
const project = tempProjects('inboxlint-presend-');
/** Runs the CLI without blocking this process (the loopback server answers from here). */
function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = { ...process.env, INBOXLINT_CACHE: '0' }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let server: Server;
let base = '';
const requests: Array<{ method: string; url: string; cookie?: string; ua?: string }> = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method!, url: req.url!, cookie: req.headers.cookie, ua: req.headers['user-agent'] });
    const u = req.url!;
    if (u === '/ok') return res.writeHead(200, { 'set-cookie': 'a=b' }).end('fine');
    if (u === '/gone') return res.writeHead(404).end();
    if (u === '/no-head') return res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (u === '/forbidden') return res.writeHead(403).end();
    if (u === '/linkedin') return res.writeHead(999).end();
    if (u === '/moved') return res.writeHead(301, { location: '/ok' }).end();
    if (u.startsWith('/loop')) return res.writeHead(302, { location: `/loop${u.length}` }).end();
    if (u === '/img.png') return res.writeHead(200, { 'content-length': '300000', 'content-type': 'image/png' }).end(req.method === 'HEAD' ? undefined : Buffer.alloc(300000));
    if (u === '/slow') return setTimeout(() => res.writeHead(200).end(), 3000);
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the link check', () => {
  it('judges answers: ok, broken, HEAD refused then GET, could-not-verify, redirects', async () => {
    const urls = ['ok', 'gone', 'no-head', 'forbidden', 'linkedin', 'moved', 'loop', 'boom'].map((p) => `${base}/${p}`);
    const r = await checkLinks(urls, { allowPrivate: true, cacheDir: null });
    const v = (p: string) => r.get(`${base}/${p}`)!;
    expect(v('ok')).toMatchObject({ verdict: 'ok', status: 200 });
    expect(v('gone')).toMatchObject({ verdict: 'broken', status: 404, reason: '404 Not Found' });
    expect(v('no-head')).toMatchObject({ verdict: 'ok', status: 200 });
    expect(v('forbidden').verdict).toBe('unverified');
    expect(v('linkedin').verdict).toBe('unverified');
    expect(v('moved')).toMatchObject({ verdict: 'ok', chain: [{ url: `${base}/ok`, status: 301 }] });
    expect(v('loop')).toMatchObject({ verdict: 'broken', reason: 'more than 5 redirects' });
    expect(v('loop').chain).toHaveLength(5);
    expect(v('boom')).toMatchObject({ verdict: 'broken', status: 500 });
    // No cookies sent back, a clear User-Agent, a GET only where HEAD failed.
    expect(requests.every((q) => q.cookie === undefined && /^inboxlint\//.test(q.ua ?? ''))).toBe(true);
    expect(requests.filter((q) => q.url === '/ok' && q.method === 'GET')).toEqual([]);
  });

  it('refuses loopback and private addresses without --allow-private (IP literals and names that resolve to them), asking nothing', async () => {
    const before = requests.length;
    const r = await checkLinks([`${base}/ok`, 'http://localhost:9/x', 'http://10.1.2.3/x', 'http://[::1]:9/x'], { cacheDir: null });
    for (const s of r.values()) expect(s).toMatchObject({ verdict: 'refused' });
    expect(requests.length).toBe(before);
    expect(isPrivateAddress('169.254.169.254')).toBe(true);
    expect(isPrivateAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
  });

  it('keeps to 5 s a request and to the run budget', async () => {
    const t0 = Date.now();
    const r = await checkLinks([`${base}/slow`], { allowPrivate: true, cacheDir: null, timeoutMs: 500 });
    expect(r.get(`${base}/slow`)).toMatchObject({ verdict: 'unverified', reason: 'timed out' });
    expect(Date.now() - t0).toBeLessThan(2500);
    const none = await checkLinks([`${base}/ok`], { allowPrivate: true, cacheDir: null, budgetMs: -1 });
    expect(none.get(`${base}/ok`)!.reason).toMatch(/budget/);
  });

  it('keeps verdicts in an on-disk cache for the TTL', async () => {
    const dir = project({});
    await checkLinks([`${base}/gone`], { allowPrivate: true, cacheDir: dir });
    const n = requests.length;
    const again = await checkLinks([`${base}/gone`], { allowPrivate: true, cacheDir: dir });
    expect(again.get(`${base}/gone`)).toMatchObject({ verdict: 'broken', cached: true });
    expect(requests.length).toBe(n);
    const expired = await checkLinks([`${base}/gone`], { allowPrivate: true, cacheDir: dir, ttlMs: 0 });
    expect(expired.get(`${base}/gone`)!.cached).toBeUndefined();
  });

  it('lint --check-links reports broken links and images at their lines, merge-tag URLs unchecked (CLI)', async () => {
    const html = CLEAN.replace('https://shop.example/spring', `${base}/gone`)
      .replace('https://shop.example/unsubscribe', `${base}/forbidden`)
      .replace('<p>Hello there', `<img src="${base}/img.png" width="600" height="300" alt="Linen">\n<p>Hello there <a href="{{shop_url}}/x">our shop</a>`);
    const dir = project({ 'a.html': html });
    const r = await run(['lint', 'a.html', '--check-links', '--allow-private', '-f', 'json'], dir);
    expect(r.status).toBe(1);
    const msgs = JSON.parse(r.stdout)[0].messages.filter((m: { ruleId: string }) => ['link-live', 'image-weight'].includes(m.ruleId));
    const line = (needle: string) => html.slice(0, html.indexOf(needle)).split('\n').length;
    expect(msgs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'link-live', severity: 2, line: line('/gone'), message: expect.stringContaining('is broken: 404 Not Found') }),
        expect.objectContaining({ ruleId: 'link-live', severity: 1, line: line('/forbidden'), message: expect.stringContaining('could not be verified: 403') }),
        expect.objectContaining({ ruleId: 'image-weight', line: line('img.png'), message: expect.stringContaining('weighs 300 KB') }),
      ]),
    );
    expect(msgs.some((m: { message: string }) => m.message.includes('shop_url'))).toBe(false);
    // Without the flag: offline, nothing asked.
    const before = requests.length;
    const offline = await run(['lint', 'a.html', '-f', 'json'], dir);
    expect(JSON.parse(offline.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'link-live')).toEqual([]);
    expect(requests.length).toBe(before);
    // Without --allow-private the loopback server is refused, not asked.
    const refused = await run(['lint', 'a.html', '--check-links', '-f', 'json'], dir);
    expect(JSON.parse(refused.stdout)[0].messages.find((m: { ruleId: string }) => m.ruleId === 'link-live').message).toMatch(/private address 127\.0\.0\.1 refused/);
    expect(requests.length).toBe(before);
  });
});

describe('leftover merge tags and image weight', () => {
  it('an .eml with {{first_name}} in the text and the subject fails; the same HTML as a template passes; --rendered makes HTML a message', async () => {
    const body = CLEAN.replace('Hello there', 'Hello *|FNAME|*');
    const eml = `From: Shop <news@shop.example>\nTo: a@example.com\nSubject: Hi {{first_name}}, spring is here\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n${body}`;
    const dir = project({ 'm.eml': eml, 't.html': body });
    const m = JSON.parse((await run(['lint', 'm.eml', '-f', 'json'], dir)).stdout)[0].messages.filter((x: { ruleId: string }) => x.ruleId === 'merge-tag-leftover');
    expect(m.map((x: { line: number; message: string }) => [x.line, x.message.slice(0, 40)])).toEqual([
      [3, 'Unrendered merge tag {{first_name}} in t'],
      [eml.split('\n').findIndex((l) => l.includes('*|FNAME|*')) + 1, 'Unrendered merge tag *|FNAME|* in the te'],
    ]);
    const template = JSON.parse((await run(['lint', 't.html', '-f', 'json'], dir)).stdout)[0].messages;
    expect(template.filter((x: { ruleId: string }) => x.ruleId === 'merge-tag-leftover')).toEqual([]);
    const rendered = JSON.parse((await run(['lint', 't.html', '--rendered', '-f', 'json'], dir)).stdout)[0].messages;
    expect(rendered.filter((x: { ruleId: string }) => x.ruleId === 'merge-tag-leftover')).toHaveLength(1);
  });

  it('weighs local images in the template folder, never outside it', async () => {
    const html = CLEAN.replace('<p>Hello there', '<img src="img/hero.jpg" width="600" height="300" alt="Linen"><img src="../secret.bin" width="1" height="1" alt="">\n<p>Hello there');
    const dir = project({ 'mail/a.html': html, 'mail/img/hero.jpg': Buffer.alloc(250_000), 'secret.bin': Buffer.alloc(900_000) });
    const msgs = JSON.parse((await run(['lint', 'mail/a.html', '-f', 'json'], dir)).stdout)[0].messages.filter((x: { ruleId: string }) => x.ruleId === 'image-weight');
    expect(msgs.map((x: { messageId: string; message: string }) => x.message)).toEqual([expect.stringContaining('img/hero.jpg weighs 250 KB (over 200 KB)')]);
  });
});

describe('the local spam score (SpamAssassin)', () => {
  it('reads a report table, descriptions on continuation lines included', () => {
    const r = parseReport(`body Content analysis details:   (6.1 points, 5.0 required)\n...\nContent analysis details:   (6.1 points, 5.0 required)\n\n pts rule name              description\n---- ---------------------- --------------------------------------------------\n 3.1 HTML_IMAGE_ONLY_08     BODY: HTML: images with 400-800 bytes of\n                            words\n 3.0 FOO                    Bar\n-0.0 NO_RELAYS              Informational: message was not relayed via SMTP\n`);
    expect(r).toEqual({ score: 6.1, required: 5, hits: [{ rule: 'HTML_IMAGE_ONLY_08', score: 3.1, description: 'BODY: HTML: images with 400-800 bytes of words' }, { rule: 'FOO', score: 3, description: 'Bar' }, { rule: 'NO_RELAYS', score: -0, description: 'Informational: message was not relayed via SMTP' }] });
  });

  it('scores a clean HTML message and a GTUBE message with the real SpamAssassin (inboxlint spam, lint --spam)', async () => {
    if (!(await spamAssassinVersion())) {
      if (process.env.CI) throw new Error('the spam tests need SpamAssassin in CI (.ci/run installs it)');
      console.warn('SKIPPED (no SpamAssassin): apt-get install spamassassin');
      return;
    }
    const gtube = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X';
    const dir = project({ 'clean.html': CLEAN, 'gtube.html': CLEAN.replace('Hello there, the spring collection is here.', gtube) });
    const clean = await run(['spam', 'clean.html', '--json'], dir);
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout)[0]).toMatchObject({ spam: false, threshold: 5, engine: expect.stringMatching(/spam/) });
    const bad = await run(['spam', 'gtube.html'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/gtube\.html: \d+\.\d points, threshold 5\.0: SPAM/);
    expect(bad.stdout).toMatch(/\+1000\.0\s+GTUBE/);
    const lint = await run(['lint', 'gtube.html', '--spam', '-f', 'json'], dir);
    const msgs = JSON.parse(lint.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'spam-score');
    expect(msgs[0]).toMatchObject({ severity: 2, message: expect.stringMatching(/^SpamAssassin scores this message \d+\.\d \(threshold 5\.0\)/) });
    expect(msgs.some((m: { severity: number; message: string }) => m.severity === 1 && /GTUBE \(\+1000\)/.test(m.message))).toBe(true);
  }, 180_000);

  it('says how to install SpamAssassin when it is missing (exit 2)', async () => {
    const dir = project({ 'a.html': CLEAN });
    const r = await run(['lint', 'a.html', '--spam'], dir, { ...process.env, PATH: '/nonexistent' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/SpamAssassin is not installed: on Debian or Ubuntu, `apt-get install spamassassin`/);
  });
});
