/**
 * Measured geometry in real Chromium (src/render/renderer.ts, src/render/load.ts): boxes of known size, positions
 * pushed down by declared image heights, placeholders for images, hidden elements left out,
 * and `lint --render` through the real CLI. One browser for the file.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Element } from 'domhandler';
import { sharedBrowser } from './shared-browser.js';
import { measureDocument } from '../src/render/renderer.js';
import { renderCopy, placeholderSize, svgDataUrl } from '../src/render/page.js';
import { EmailDocument } from '../src/model/document.js';
import { lint } from '../src/api.js';
import { InputError } from '../src/errors.js';
import type { MeasuredGeometry, Viewport } from '../src/model/geometry.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const { need } = sharedBrowser('the render tests');

const page = (body: string, head = '<meta name="viewport" content="width=device-width, initial-scale=1">') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body style="margin:0">${body}</body></html>`;

function byId(doc: EmailDocument, id: string): Element {
  const el = doc.renderedElements.find((e) => e.attribs.id === id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

function boxOf(g: MeasuredGeometry, doc: EmailDocument, id: string, vp: Viewport) {
  return g.viewports[vp]!.get(byId(doc, id).startIndex!);
}

describe('the render-only copy', () => {
  it('inserts data-il after each tag name and leaves the rest byte for byte', () => {
    const doc = new EmailDocument({ filePath: 'x.html', text: '<p class=a>Hi <b>there</b><br/></p>' });
    const copy = renderCopy(doc);
    expect(copy).toBe('<p data-il="0" class=a>Hi <b data-il="14">there</b><br data-il="26"/></p>');
    expect(copy.replace(/ data-il="\d+"/g, '')).toBe(doc.text);
  });

  it('gives images a replacement src first (the first of two attributes wins), sizes an image not fetched as it declares, and adds a viewport when there is none', () => {
    const doc = new EmailDocument({ filePath: 'x.html', text: '<html><head></head><body><img src="https://x.test/a.png" width="600" height="240"><img src=b.png width=320></body></html>' });
    const placeholder = svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    const copy = renderCopy(doc, { imageSrc: () => placeholder, viewportMeta: true });
    expect(copy).toContain('<head data-il="6"><meta name="viewport" content="width=device-width, initial-scale=1"></head>');
    const [a, b] = doc.renderedElements.filter((e) => e.name === 'img');
    expect(placeholderSize(doc, a)).toEqual({ width: 600, height: 240 });
    expect(placeholderSize(doc, b)).toEqual({ width: 320, height: 160 }); // the static 2:1 assumption
    expect(copy).toContain(`<img data-il="${a.startIndex}" src="${placeholder}" srcset="" src="https://x.test/a.png"`);
    expect(placeholder).not.toMatch(/["'\s<>]/);
  });

  it('sizes a placeholder by the used values (em in the image\'s font size, as the static layout does); a % width keeps the attribute\'s px', () => {
    const doc = new EmailDocument({
      filePath: 'x.html',
      text: '<html><body style="font-size:20px"><img src=a.png style="width:10em"><img src=b.png width="600" height="200" style="width:100%;height:auto"><img src=c.png width="120" style="width:0"><img src=d.png width="50%" height="90"></body></html>',
    });
    const [a, b, c, d] = doc.renderedElements.filter((e) => e.name === 'img');
    expect(placeholderSize(doc, a)).toEqual({ width: 200, height: 100 }); // 10 × 20 px, as CSS draws it
    expect(placeholderSize(doc, b)).toEqual({ width: 600, height: 200 });
    expect(placeholderSize(doc, c)).toEqual({ width: 120, height: 120 }); // width:0 declares nothing: the attribute
    expect(placeholderSize(doc, d)).toEqual({ width: 180, height: 90 });
  });
});

describe('measureDocument', () => {
  it('measures a 48 px-high cell around a 200 px-wide link', async () => {
    const b = need();
    if (!b) return;
    const doc = new EmailDocument({
      filePath: 'button.html',
      text: page(
        '<table role="presentation" cellpadding="0" cellspacing="0"><tr><td id="td" height="48" bgcolor="#0a7" style="height:48px;padding:0">' +
          '<a id="a" href="https://example.com/go" style="display:inline-block;width:200px;line-height:48px;font-size:16px;color:#fff;text-align:center">Go</a></td></tr></table>',
      ),
    });
    const g = await measureDocument(doc, { browser: b });
    for (const vp of ['mobile', 'desktop'] as const) {
      const td = boxOf(g, doc, 'td', vp)!;
      const a = boxOf(g, doc, 'a', vp)!;
      expect(td.measured).toBe(true);
      expect(td.height).toBeCloseTo(48, 0);
      expect(a.width).toBeCloseTo(200, 0);
      expect(a.height).toBeCloseTo(48, 0);
      expect(a.top).toBeCloseTo(0, 0);
    }
  });

  it('stretches an inline link over the image it wraps (the image takes the tap too)', async () => {
    const b = need();
    if (!b) return;
    const doc = new EmailDocument({
      filePath: 'image-link.html',
      text: page('<p style="margin:0"><a id="a" href="https://example.com/app"><img src="https://example.com/get-the-app.png" width="200" height="50" alt="Get the app" style="border:0"></a></p>'),
    });
    const a = boxOf(await measureDocument(doc, { browser: b, viewports: ['mobile'] }), doc, 'a', 'mobile')!;
    expect(a.width).toBeCloseTo(200, 0);
    expect(a.height).toBeGreaterThanOrEqual(50);
    expect(a.height).toBeLessThan(56);
  });

  it('puts a button under a hero image and a spacer at the sum of their heights', async () => {
    const b = need();
    if (!b) return;
    const doc = new EmailDocument({
      filePath: 'hero.html',
      text: page(
        '<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px">' +
          '<tr><td><img src="https://example.com/hero.jpg" width="600" height="400" alt="Sale" style="display:block;width:100%;height:auto;border:0"></td></tr>' +
          '<tr><td height="30" style="height:30px;font-size:0;line-height:0">&nbsp;</td></tr>' +
          '<tr><td id="btn" bgcolor="#0a7" style="padding:12px 20px"><a id="a" href="https://example.com/sale" style="color:#fff;font-size:16px;line-height:24px">Shop</a></td></tr></table>',
      ),
    });
    const g = await measureDocument(doc, { browser: b });
    // Desktop: 600 px pane, the image keeps 600×400. Phone: 375 px wide, height:auto keeps 3:2.
    expect(boxOf(g, doc, 'btn', 'desktop')!.top).toBeCloseTo(400 + 30, 0);
    expect(boxOf(g, doc, 'btn', 'mobile')!.top).toBeCloseTo(250 + 30, 0);
    expect(boxOf(g, doc, 'btn', 'mobile')!.width).toBeCloseTo(375, 0);
    expect(boxOf(g, doc, 'btn', 'desktop')!.height).toBeCloseTo(48, 0);
    expect(Math.abs(boxOf(g, doc, 'a', 'desktop')!.top - (430 + 12))).toBeLessThan(6);
  });

  it('lays a template without a viewport meta out at 375 px on the phone, and leaves out what is not displayed', async () => {
    const b = need();
    if (!b) return;
    const doc = new EmailDocument({
      filePath: 'plain.html',
      text:
        '<html><head><style>@media (max-width:480px){.desk{display:none!important}}</style></head><body style="margin:0">' +
        '<div id="wide">Hello</div><div id="gone" style="display:none">x</div><div id="desk" class="desk">Desktop only</div></body></html>',
    });
    const g = await measureDocument(doc, { browser: b });
    expect(boxOf(g, doc, 'wide', 'mobile')!.width).toBeCloseTo(375, 0);
    expect(boxOf(g, doc, 'wide', 'desktop')!.width).toBeCloseTo(600, 0);
    expect(boxOf(g, doc, 'gone', 'mobile')).toBeUndefined();
    expect(boxOf(g, doc, 'desk', 'mobile')).toBeUndefined();
    expect(boxOf(g, doc, 'desk', 'desktop')).toBeDefined();
  });

  it('turns a page that does not load in time into an InputError naming the file', async () => {
    const b = need();
    if (!b) return;
    const doc = new EmailDocument({ filePath: 'slow.html', text: page('<p>x</p>'.repeat(2000)) });
    const err = await measureDocument(doc, { browser: b, timeout: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/rendering the mobile view (timed out after 1 ms|failed)/);
    expect(err.filePath).toBe('slow.html');
  });
});

describe('lint with measured geometry', () => {
  it('the node API: render: true makes cta-above-fold say "measured"; a failing prepare is a fatal message', async () => {
    if (!need()) return;
    const text = page(
      '<img src="https://example.com/hero.jpg" width="600" height="900" alt="Hero" style="display:block;width:100%;height:auto">' +
        '<table><tr><td bgcolor="#0a7" style="padding:14px 24px"><a href="https://example.com/sale" style="color:#fff">Shop the sale</a></td></tr></table>',
    );
    const rules = { 'cta-above-fold': 'warn' as const };
    const [measured] = await lint({ text, filePath: 'hero.html' }, { render: true, config: { rules } });
    const fold = measured.messages.find((m) => m.ruleId === 'cta-above-fold');
    expect(fold?.message).toContain('measured in a render');
    const [estimated] = await lint({ text, filePath: 'hero.html' }, { config: { rules } });
    expect(estimated.messages.find((m) => m.ruleId === 'cta-above-fold')?.message).toContain('estimated statically');
    const [failed] = await lint({ text, filePath: 'hero.html' }, { prepare: async () => { throw new InputError('rendering at the mobile viewport timed out after 1 ms'); } });
    expect(failed.messages).toHaveLength(1);
    expect(failed.messages[0]).toMatchObject({ fatal: true, ruleId: null, message: expect.stringContaining('timed out') });
  }, 30_000);

  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

  it('the CLI: --render measures .html, .mjml and .eml inputs and cta-above-fold says so', () => {
    if (!need()) return;
    const r = cli(['lint', 'fixtures/cta-labeled/hero-below-fold.html', 'fixtures/mjml/components.mjml', 'fixtures/eml/marketing-qp.eml', '--render', '--format', 'json']);
    expect(r.stderr).toBe('');
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; message: string; fatal?: boolean }> }>;
    expect(results).toHaveLength(3);
    for (const res of results) expect(res.messages.filter((m) => m.fatal)).toEqual([]);
    const hero = results.find((x) => x.filePath.endsWith('hero-below-fold.html'))!;
    const fold = hero.messages.find((m) => m.ruleId === 'cta-above-fold');
    expect(fold?.message).toMatch(/top at 5\d\d px on a 375 px-wide phone.*\(measured in a render\)/);
    // Every geometry message of every file says it was measured.
    const geometry = results.flatMap((x) => x.messages).filter((m) => m.ruleId === 'cta-above-fold' || m.ruleId === 'cta-touch-target');
    expect(geometry.length).toBeGreaterThan(0);
    for (const m of geometry) expect(m.message).toContain('measured in a render');
  }, 30_000);

  it('the CLI: inspect --render reports measured positions in its JSON contract', () => {
    if (!need()) return;
    const plain = JSON.parse(cli(['inspect', 'fixtures/cta-labeled/hero-below-fold.html', '--json']).stdout);
    const r = cli(['inspect', 'fixtures/cta-labeled/hero-below-fold.html', '--render', '--json']);
    expect(r.status).toBe(0);
    const measured = JSON.parse(r.stdout);
    expect(plain[0].ctas.length).toBeGreaterThan(0);
    expect(measured[0].ctas.map((c: { label: string }) => c.label)).toEqual(plain[0].ctas.map((c: { label: string }) => c.label));
    for (const c of plain[0].ctas) expect([c.position.mobile.measured, c.position.desktop.measured]).toEqual([false, false]);
    for (const c of measured[0].ctas) {
      expect([c.position.mobile.measured, c.position.desktop.measured]).toEqual([true, true]);
      expect(c.position.mobile.top).toBeGreaterThan(0);
    }
  }, 30_000);

  it('the CLI: a browser that is not there is exit 2 with the place it looked, never a silent fallback', () => {
    const r = cli(['lint', 'fixtures/cta-labeled/hero-below-fold.html', '--render', '--chromium', '/nonexistent/chromium']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Chromium not found at /nonexistent/chromium');
    expect(r.stdout).toBe('');
    const env = cli(['lint', 'fixtures/cta-labeled/hero-below-fold.html', '--render'], { INBOXLINT_CHROMIUM: '/nonexistent/env-chromium' });
    expect(env.status).toBe(2);
    expect(env.stderr).toContain('INBOXLINT_CHROMIUM');
    const flag = cli(['lint', 'fixtures/cta-labeled/hero-below-fold.html', '--chromium', '/usr/bin/chromium']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain('--chromium is only used with --render');
  }, 30_000);
});
