/**
 * `inboxlint preview` end to end: the real server (port 0, always closed), the real watcher and
 * the page in real Chromium through playwright-core.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtemp, readFile, writeFile, rename, rm, symlink, mkdir, copyFile } from 'node:fs/promises';
import { tmpdir, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { connect } from 'node:net';
import type { Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../src/preview/server.js';
import { sharedBrowser } from './shared-browser.js';

const FIXTURE = new URL('../fixtures/cta/trial-click-here.html', import.meta.url);
// The viewer's browser: it opens the preview server on loopback (templates are never rendered in it).
const shared = sharedBrowser('the preview tests', { viewer: true });

let dir: string;
let file: string;
let original: string;
let server: PreviewServer | undefined;
let page: Page | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inboxlint-preview-'));
  file = join(dir, 'email.html');
  original = await readFile(FIXTURE, 'utf8');
  await writeFile(file, original);
});

afterEach(async () => {
  // The server first, while the page still holds its event stream open: close() must not wait on it.
  await server?.close();
  server = undefined;
  await page?.context().close();
  page = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** A raw GET (the path is sent as given: no URL normalisation). */
function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

async function open(width = 1500, options: Parameters<typeof startPreview>[1] = {}): Promise<Page | undefined> {
  const browser = shared.need();
  if (!browser) return undefined;
  server = await startPreview(file, options);
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-version]');
  return page;
}

/**
 * Waits until `check(arg)` holds in the page; returns the ms taken. A function, not a string:
 * the page's CSP has no 'unsafe-eval'.
 */
async function waitForPage<A>(p: Page, check: (arg: A) => boolean, arg: A, timeout = 1000): Promise<number> {
  const t0 = Date.now();
  await p.waitForFunction(check as (arg: unknown) => boolean, arg as unknown, { timeout, polling: 20 });
  return Date.now() - t0;
}
const metaHas = (s: string) => (document.querySelector('#meta') as HTMLElement).innerText.includes(s);
const errorHas = (s: string) => !(document.querySelector('#error') as HTMLElement).hidden && (document.querySelector('#error') as HTMLElement).innerText.includes(s);
const noError = () => (document.querySelector('#error') as HTMLElement).hidden === true;
const clearOf = (s: string) => (document.querySelector('#error') as HTMLElement).hidden && !(document.querySelector('#panel-findings') as HTMLElement).innerText.includes(s);

describe('preview page', () => {
  it('loads and lists the fixture findings, CTAs and links', async () => {
    const p = await open();
    if (!p) return;
    const state = server!.state();
    expect(state.snapshot!.findings.length).toBeGreaterThan(0);
    const items = p.locator('.finding');
    await expect.poll(() => items.count()).toBe(state.snapshot!.findings.length);
    const text = await p.locator('#panel-findings').innerText();
    expect(text).toContain('cta-vague-text');
    expect(text).toContain('Click here');
    // The CTA and link table, with the tracked URL preview.
    await p.click('[data-tab="ctas"]');
    const ctas = await p.locator('#panel-ctas').innerText();
    expect(ctas).toContain('https://example.com/trial');
    expect(ctas).toMatch(/https:\/\/example\.com\/trial\?utm_medium=email&utm_campaign=preview&utm_content=cta-1-click-here/);
    // Both views render the email, with the fold and the numbered primary CTA drawn over it.
    for (const vp of ['mobile', 'desktop']) {
      const frame = p.frameLocator(`.view[data-vp="${vp}"] iframe`);
      await expect.poll(() => frame.locator('a[href="https://example.com/trial"]').innerText()).toBe('Click here');
      await expect.poll(() => p.locator(`.view[data-vp="${vp}"] .overlay .ctabox.primary`).count()).toBe(1);
      expect(await p.locator(`.view[data-vp="${vp}"] .overlay .fold`).count()).toBe(1);
    }
    const widths = await p.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.contentWindow!.innerWidth));
    expect(widths).toEqual([375, 600]);
  });

  it('highlights the element of a clicked finding in both views and shows its source line', async () => {
    const p = await open();
    if (!p) return;
    await expect.poll(() => p.locator('.view[data-vp="desktop"] .overlay .ctabox').count()).toBe(1);
    await p.locator('.finding', { hasText: 'cta-vague-text' }).first().click();
    for (const vp of ['mobile', 'desktop']) {
      const hl = p.locator(`.view[data-vp="${vp}"] .overlay .hl`);
      await expect.poll(() => hl.count()).toBe(1);
      // The highlight sits on the "Click here" link inside the email. The overlay is redrawn when
      // late layout settles, so the two boxes are read together until they agree (or time out).
      const link = p.frameLocator(`.view[data-vp="${vp}"] iframe`).locator('a[href="https://example.com/trial"]');
      const offset = async () => {
        const [h, a] = await Promise.all([hl.boundingBox({ timeout: 2000 }).catch(() => null), link.boundingBox({ timeout: 2000 }).catch(() => null)]);
        if (!h || !a) return Infinity;
        return Math.max(Math.abs(h.x + h.width / 2 - (a.x + a.width / 2)), Math.abs(h.y + h.height / 2 - (a.y + a.height / 2)));
      };
      await expect.poll(offset, { timeout: 15_000 }).toBeLessThan(40);
    }
    const src = p.locator('#source');
    await expect.poll(() => src.isVisible()).toBe(true);
    expect(await src.locator('.ln.at').innerText()).toContain('Click here</a>');
  });

  it('updates within a second of an in-place write and of a write-then-rename', async () => {
    const p = await open();
    if (!p) return;
    await writeFile(file, original.replace('>Click here<', '>Start your free trial<'));
    const inPlace = await waitForPage(p, metaHas, 'Start your free trial');
    const tmp = join(dir, '.email.html.swp');
    await writeFile(tmp, original.replace('>Click here<', '>Activate my account<'));
    await rename(tmp, file);
    const renamed = await waitForPage(p, metaHas, 'Activate my account');
    // And the views follow.
    await expect.poll(() => p.frameLocator('.view[data-vp="mobile"] iframe').locator('a[href="https://example.com/trial"]').innerText()).toBe('Activate my account');
    console.log(`preview reload: in-place write ${inPlace} ms, write-then-rename ${renamed} ms`);
    expect(inPlace).toBeLessThan(1000);
    expect(renamed).toBeLessThan(1000);
  });

  it('shows a broken save as an error and recovers on the next good one; the config is watched too', async () => {
    const p = await open();
    if (!p) return;
    await writeFile(file, '');
    await waitForPage(p, errorHas, 'file is empty', 2000);
    expect(await p.locator('#error').innerText()).toContain('email.html');
    // The last good render stays, dimmed.
    expect(await p.locator('.finding').count()).toBeGreaterThan(0);
    await writeFile(file, original);
    await waitForPage(p, noError, null, 2000);
    // A bad config is an error in the page too; a good one applies.
    const config = join(dir, 'inboxlint.config.json');
    await writeFile(config, '{ "rules": { "cta-vague-text": ');
    await waitForPage(p, errorHas, 'inboxlint.config.json', 2000);
    await writeFile(config, JSON.stringify({ rules: { 'cta-vague-text': 'off' } }));
    await waitForPage(p, clearOf, 'cta-vague-text', 2000);
  });

  it('shows template text with <script> in it as text, and runs no script of the template', async () => {
    await writeFile(
      file,
      original
        .replace('<title>Newsletter</title>', '<title>Deal <script>window.__pwned = 1</script></title>')
        .replace('>Click here<', '>&lt;script&gt;window.__pwned = 2&lt;/script&gt;<')
        .replace('</body>', '<script>parent.__framePwned = 1; window.__framePwned = 1</script></body>'),
    );
    const p = await open();
    if (!p) return;
    const meta = await p.locator('#meta').innerText();
    expect(meta).toContain('Deal <script>window.__pwned = 1</script>');
    await p.click('[data-tab="ctas"]');
    expect(await p.locator('#panel-ctas').innerText()).toContain('<script>window.__pwned = 2</script>');
    await p.waitForTimeout(300);
    const ran = await p.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const f = document.querySelector('iframe')!.contentWindow as unknown as Record<string, unknown>;
      return { pwned: w.__pwned, parent: w.__framePwned, frame: f.__framePwned, scripts: document.querySelectorAll('body script').length };
    });
    expect(ran).toEqual({ pwned: undefined, parent: undefined, frame: undefined, scripts: 0 });
  });
});

describe('preview layout: fits beside an editor', () => {
  /** Every shown view: its whole width inside the window, left of the sidebar, not under the header. */
  async function assertFits(p: Page, label: string): Promise<void> {
    const r = await p.evaluate(() => {
      const rect = (e: Element | null) => (e ? e.getBoundingClientRect().toJSON() : null);
      const side = document.querySelector('.side') as HTMLElement;
      return {
        width: window.innerWidth,
        height: window.innerHeight,
        scrollWidth: document.documentElement.scrollWidth,
        side: getComputedStyle(side).display === 'none' ? null : rect(side),
        bar: rect(document.querySelector('.bar')),
        controls: [...document.querySelectorAll('.controls button')].map((b) => rect(b)),
        views: [...document.querySelectorAll('.view:not(.off)')].map((v) => ({ vp: (v as HTMLElement).dataset.vp, fit: rect(v.querySelector('.fit')), pane: rect(v.querySelector('.pane')) })),
      };
    });
    expect(r.scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(r.width);
    for (const c of r.controls) expect(c!.right, `${label}: a control is cut off`).toBeLessThanOrEqual(r.width);
    for (const v of r.views) {
      expect(v.fit!.left, `${label} ${v.vp}`).toBeGreaterThanOrEqual(0);
      expect(v.fit!.right, `${label} ${v.vp}: past the pane`).toBeLessThanOrEqual(v.pane!.right + 0.5);
      expect(v.pane!.right, `${label} ${v.vp}: past the window`).toBeLessThanOrEqual(r.width);
      if (r.side) expect(v.pane!.right, `${label} ${v.vp}: under the sidebar`).toBeLessThanOrEqual(r.side.left + 0.5);
      expect(v.pane!.top).toBeGreaterThanOrEqual(r.bar!.bottom);
      expect(v.pane!.bottom, `${label} ${v.vp}: below the window`).toBeLessThanOrEqual(r.height + 0.5);
    }
    if (r.side) expect(r.side.right).toBeLessThanOrEqual(r.width + 0.5);
  }

  it('shows both views whole beside the sidebar at 960, 1440 and 1920 px; one view or none of the sidebar gives the views more room', async () => {
    for (const width of [960, 1440, 1920]) {
      const p = await open(width);
      if (!p) return;
      await expect.poll(() => p.locator('.view[data-vp="desktop"] .overlay .ctabox').count()).toBe(1);
      const both = await p.locator('.view:not(.off)').count();
      expect(both).toBe(2);
      await assertFits(p, `${width} both`);
      const scaleBoth = Number(await p.evaluate(() => document.body.dataset.scale));
      if (width >= 1440) expect(scaleBoth).toBeGreaterThan(0.85);
      else expect(scaleBoth).toBeGreaterThan(0.4);
      // Desktop only: larger (up to 1:1).
      await p.click('#show [data-v="desktop"]');
      expect(await p.locator('.view:not(.off)').count()).toBe(1);
      await assertFits(p, `${width} desktop`);
      const scaleOne = Number(await p.evaluate(() => document.body.dataset.scale));
      expect(scaleOne).toBeGreaterThanOrEqual(scaleBoth);
      // The sidebar collapses, and comes back.
      await p.click('#show [data-v="both"]');
      await p.click('#side-toggle');
      expect(await p.locator('.side').isVisible()).toBe(false);
      await assertFits(p, `${width} collapsed`);
      expect(Number(await p.evaluate(() => document.body.dataset.scale))).toBeGreaterThanOrEqual(scaleBoth);
      await p.click('#side-toggle');
      expect(await p.locator('.side').isVisible()).toBe(true);
      await server?.close();
      server = undefined;
      await p.context().close();
      page = undefined;
    }
  }, 60_000);

  it('judges the fold on the geometry its views show, naming the view that fails, and links each finding to the editor', async () => {
    // Three local images 600×10 with no declared height: the static layout assumes much taller ones.
    const { PNG } = await import('pngjs');
    const png = new PNG({ width: 600, height: 10 });
    png.data.fill(200);
    await writeFile(join(dir, 'strip.png'), PNG.sync.write(png));
    const strips = '<img src="strip.png" alt="" style="display:block;width:100%">'.repeat(3);
    const button = '<table role="presentation"><tr><td bgcolor="#0a7a55" style="padding:14px 24px"><a href="https://example.com/trial" style="color:#ffffff;font-size:16px">Start your free trial</a></td></tr></table>';
    await writeFile(file, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Trial</title></head><body style="margin:0">${strips}${button}</body></html>`);
    const p = await open(1440, { editorUrl: 'myeditor://open?file={file}&line={line}' });
    if (!p) return;
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await expect.poll(() => server!.state().measured, { timeout: 10_000 }).toEqual({ scheme: 'light', images: 'on' });
    const primary = server!.state().snapshot!.ctas.find((c) => c.primary)!;
    expect(primary.measured).toBe(true);
    expect(primary.top.mobile).toBeLessThan(60);
    expect(primary.aboveFold).toBe(true);
    await expect.poll(() => p.locator('#meta').innerText()).toMatch(/Start your free trial — above the fold \(phone: top at \d+ px, fold 500 px; desktop: top at \d+ px, fold 350 px\)/);
    expect(await p.locator('#meta').innerText()).toContain('measured in these views (light, images on)');
    // Below the fold: the verdict names each view that fails.
    await writeFile(file, (await readFile(file, 'utf8')).replace('<body style="margin:0">', '<body style="margin:0"><div style="height:420px"></div>'));
    await expect.poll(() => p.locator('#meta').innerText(), { timeout: 10_000 }).toMatch(/below the fold — desktop: top at \d+ px, fold 350 px/);
    expect(await p.locator('#meta').innerText()).not.toMatch(/phone: top/);
    await expect.poll(() => server!.state().measured).not.toBeNull();
    const f = server!.state().snapshot!.findings.find((x) => x.ruleId === 'cta-above-fold');
    expect(f?.message).toContain('measured in a render');
    // Each finding links to the editor with the configured pattern.
    const href = await p.locator('.finding .open').first().getAttribute('href');
    expect(errors).toEqual([]);
    expect(href).toMatch(new RegExp(`^myeditor://open\\?file=${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}&line=\\d+$`));
  }, 60_000);
});

describe('preview switches', () => {
  // A 1×1 PNG.
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  it("shows the template's own dark rules with Dark, whatever the viewer's setting, and blanks images with Images off", async () => {
    await writeFile(join(dir, 'dot.png'), PNG);
    await writeFile(
      file,
      original
        .replace('</head>', '<style>@media (prefers-color-scheme: dark) { .card { background-color: #111111 !important; } }</style></head>')
        .replace('<table role="presentation" width="600"', '<table class="card" role="presentation" width="600"')
        .replace('<p style="margin:0 0 16px;">', '<p style="margin:0 0 16px;"><img src="dot.png" width="1" height="1" alt="dot">'),
    );
    const p = await open();
    if (!p) return;
    const frame = p.frameLocator('.view[data-vp="mobile"] iframe');
    const bg = () => frame.locator('.card').evaluate((e) => getComputedStyle(e).backgroundColor);
    const img = () => frame.locator('img[alt="dot"]').evaluate((e) => (e as HTMLImageElement).naturalWidth);
    // The viewer's system prefers dark; the Light view still shows the light design.
    await p.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(bg).toBe('rgb(255, 255, 255)');
    // The relative image is served from the template's folder.
    await expect.poll(img).toBe(1);
    await p.click('#scheme [data-v="dark"]');
    await expect.poll(bg).toBe('rgb(17, 17, 17)');
    await p.emulateMedia({ colorScheme: 'light' });
    await p.click('#images [data-v="off"]');
    await expect.poll(img).toBe(0);
    // Dark still applies after the images switch; the CTA outlines are drawn again.
    expect(await bg()).toBe('rgb(17, 17, 17)');
    await expect.poll(() => p.locator('.view[data-vp="mobile"] .overlay .ctabox').count()).toBe(1);
  });
});

describe('preview server', () => {
  it('refuses traversal, encoded traversal and symlinks out of the folder; serves the folder', async () => {
    await writeFile(join(dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    await mkdir(join(dir, 'img'));
    await copyFile(join(dir, 'logo.png'), join(dir, 'img', 'hero.png'));
    await symlink('/etc/passwd', join(dir, 'passwd-link'));
    await symlink('/etc', join(dir, 'etc-link'));
    server = await startPreview(file);
    const { port } = server;
    for (const path of [
      '/../../etc/passwd',
      '/files/../../etc/passwd',
      '/files/..%2f..%2f..%2fetc%2fpasswd',
      '/files/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/files/%252e%252e/etc/passwd',
      '/files/passwd-link',
      '/files/etc-link/passwd',
      '/files/..\\..\\etc\\passwd',
      '/files/%00',
    ]) {
      const r = await get(port, path);
      expect([400, 403, 404], path).toContain(r.status);
      expect(r.body, path).not.toMatch(/root:/);
    }
    expect((await get(port, '/files/logo.png')).status).toBe(200);
    expect((await get(port, '/files/img/hero.png')).status).toBe(200);
    expect((await get(port, '/files/nope.png')).status).toBe(404);
  });

  it('listens on loopback only, checks the Host header and sets a restrictive CSP', async () => {
    server = await startPreview(file);
    const { port } = server;
    expect(server.url).toBe(`http://127.0.0.1:${port}/`);
    // Another interface of this machine does not answer.
    const other = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (other) {
      const refused = await new Promise<boolean>((ok) => {
        const s = connect({ host: other.address, port }, () => {
          s.destroy();
          ok(false);
        });
        s.on('error', () => ok(true));
      });
      expect(refused).toBe(true);
    }
    // A rebinding name is refused.
    expect((await get(port, '/api/state', `evil.example:${port}`)).status).toBe(403);
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const frame = await get(port, '/frame/mobile');
    expect(String(frame.headers['content-security-policy'])).toContain("script-src 'none'");
    expect(frame.body).toContain('data-il=');
    expect((await get(port, '/api/state')).body).toContain('"findings"');
  });

  it('re-lints when an mj-include changes', async () => {
    await writeFile(
      join(dir, 'main.mjml'),
      '<mjml><mj-body><mj-section><mj-column><mj-include path="./part.mjml" /></mj-column></mj-section></mj-body></mjml>\n',
    );
    await writeFile(join(dir, 'part.mjml'), '<mj-button href="https://example.com/a">Click here</mj-button>\n');
    const updates: number[] = [];
    server = await startPreview(join(dir, 'main.mjml'), { onUpdate: (s) => updates.push(s.version) });
    expect(server.state().snapshot!.ctas.map((c) => c.label)).toEqual(['Click here']);
    await writeFile(join(dir, 'part.mjml'), '<mj-button href="https://example.com/a">Download the guide</mj-button>\n');
    await expect.poll(() => server!.state().snapshot?.ctas.map((c) => c.label), { timeout: 3000, interval: 25 }).toEqual(['Download the guide']);
  });
});

describe('preview CLI', () => {
  const CLI = new URL('../bin/inboxlint.js', import.meta.url).pathname;

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`prints the URL, serves, and stops cleanly on ${signal}`, async () => {
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, [CLI, 'preview', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (c) => (out += c));
      child.stderr.on('data', (c) => (err += c));
      const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
      try {
        const t0 = Date.now();
        while (!/http:\/\/127\.0\.0\.1:\d+\//.test(out) && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 50));
        const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        expect(url, `${out}${err}`).toBeTruthy();
        const res = await get(Number(url![1]), '/');
        expect(res.status).toBe(200);
        expect(res.body).toContain('/assets/preview/app.js');
        child.kill(signal);
        expect(await exited).toBe(0);
        expect(out).toContain('stopped');
        expect(err).toBe('');
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    });
  }

  it('exits 2 naming the file when it is missing or not an email', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const run = promisify(execFile);
    for (const [arg, msg] of [
      [join(dir, 'missing.html'), 'no such file'],
      [join(dir, 'notes.txt'), 'not an email file'],
    ]) {
      const e = await run(process.execPath, [CLI, 'preview', arg]).catch((x) => x);
      expect(e.code).toBe(2);
      expect(String(e.stderr)).toContain(arg);
      expect(String(e.stderr)).toContain(msg);
      expect(String(e.stderr)).not.toMatch(/\n\s+at /);
    }
  });
});
