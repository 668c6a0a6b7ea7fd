/**
 * `inboxlint render` and renderTemplate() in real Chromium: picture sizes per view, the fold
 * line and CTA frames read back from the annotated PNG at the measured positions, layout.json
 * against the measured boxes, dark rules, images off (alt text), the template folder as the
 * only place images come from, remote placeholders, a hanging page cut off at its timeout, and
 * the measured rules through `lint --render`. One browser for the file.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { sharedBrowser } from './shared-browser.js';
import { Renderer } from '../src/render/renderer.js';
import { renderTemplate, ANNOTATION_COLORS, type RenderedView } from '../src/render/render.js';
import { CTA_FRAME } from '../src/render/annotate.js';
import { EmailDocument } from '../src/model/document.js';
import { loadFile } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { lint } from '../src/api.js';
import { InputError } from '../src/errors.js';
import { Session } from '../src/session.js';
import { runRenderFiles } from '../src/cli/commands/render.js';
import { defineRule, type AnyRule } from '../src/rule.js';
import { allRules } from '../rules/index.js';

const VIEW_MOBILE_WIDTH = 375;
const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { need } = sharedBrowser('the render picture tests');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-render-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A solid-colour PNG file. */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  return PNG.sync.write(png);
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

const hex = (c: string): [number, number, number] => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
const near = (a: number[], b: number[], tol = 24) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

const page = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Spring</title>${head}</head><body style="margin:0;background:#ffffff">${body}</body></html>`;

const BUTTON = (top: number) =>
  `<div style="height:${top}px"></div><table role="presentation" style="margin-left:40px"><tr><td bgcolor="#0a7a55" style="padding:0"><a id="cta" href="https://example.com/trial" style="display:block;width:200px;height:48px;line-height:48px;color:#ffffff;text-align:center;font-family:Arial">Start your trial</a></td></tr></table>` +
  `<div style="height:900px"></div><p><a href="https://example.com/more" style="display:inline-block;padding:12px 20px;background:#224488;color:#fff">See all plans</a></p>`;

function write(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function render(file: string, opts: Partial<Parameters<typeof renderTemplate>[2]> = {}) {
  const browser = need();
  if (!browser) return undefined;
  const renderer = await Renderer.create({ browser });
  const doc = await loadFile(file);
  const result = await renderTemplate(doc, (d) => lintDocument(d, { rules: { 'cta-above-fold': { severity: 'warn' }, 'html-title': { severity: 'warn' } } }).messages, { renderer, ...opts });
  await renderer.close();
  // The findings were made on the measured document: the pictures' boxes are its boxes.
  return { doc: result.doc, loads: renderer.loads, result, view: (id: string) => result.views.find((v) => v.id === id) as RenderedView };
}

describe('renderTemplate', () => {
  it('makes a full, fold and annotated PNG per view at the view size and scale', async () => {
    const r = await render(write('sizes.html', page(BUTTON(300))), { views: ['mobile', 'desktop', '1280x800', '390x844'] });
    if (!r) return;
    expect(r.result.views.map((v) => v.id)).toEqual(['mobile', 'desktop', '1280x800', '390x844']);
    // One load per view: the rules' views (mobile, desktop) are measured, linted and photographed from the same load.
    expect(r.loads).toBe(4);
    for (const v of r.result.views) {
      const full = PNG.sync.read(v.png!);
      const fold = PNG.sync.read(v.fold!);
      const ann = PNG.sync.read(v.annotated!);
      expect(full.width).toBe(v.view.width * v.view.scale);
      expect(full.height).toBe(Math.round(v.layout.scrollHeight * v.view.scale));
      expect(fold.width).toBe(full.width);
      expect(fold.height).toBe(Math.round(v.view.fold * v.view.scale));
      // The annotated picture: the email at its offset, margins and the legend beside it.
      const a = v.layout.annotated!;
      expect(ann.width).toBe(Math.round(a.width * v.view.scale));
      expect(a.email).toMatchObject({ width: full.width / v.view.scale, height: full.height / v.view.scale });
      expect(a.width).toBeGreaterThan(a.email.x + a.email.width);
      expect(v.layout.view).toMatchObject({ name: v.view.name, width: v.view.width, height: v.view.height, dark: false, images: 'placeholder' });
    }
    expect(r.view('mobile').view).toMatchObject({ scale: 2, mobile: true, fold: 500 });
    expect(r.view('desktop').view).toMatchObject({ scale: 1, mobile: false, fold: 350 });
    expect(r.view('390x844').view).toMatchObject({ scale: 2, mobile: true, fold: Math.round((844 * 500) / 667) });
    expect(r.view('1280x800').view).toMatchObject({ scale: 1, fold: 350 });
  });

  it('crops the fold as wide as the full picture when the page scrolls sideways', async () => {
    const wide = `<!doctype html><html><body style="margin:0"><table width="640" style="width:640px"><tr><td style="height:900px;background:#eee">x</td></tr></table></body></html>`;
    const r = await render(write('wide.html', wide), { views: ['desktop'] });
    if (!r) return;
    const v = r.view('desktop');
    const full = PNG.sync.read(v.png!);
    const fold = PNG.sync.read(v.fold!);
    expect(v.layout.scrollWidth).toBeGreaterThan(v.view.width);
    expect(full.width).toBe(v.layout.scrollWidth);
    expect(fold.width).toBe(full.width);
    expect(fold.height).toBe(v.view.fold);
  });

  it('draws the fold line and a frame round each CTA where they were measured, and layout.json holds those boxes', async () => {
    const r = await render(write('frames.html', page(BUTTON(300))));
    if (!r) return;
    const cta = r.doc.ctas[0];
    for (const id of ['mobile', 'desktop']) {
      const v = r.view(id);
      const s = v.view.scale;
      const plain = PNG.sync.read(v.png!);
      const ann = PNG.sync.read(v.annotated!);
      const { x: ex, y: ey } = v.layout.annotated!.email;
      const at = (png: PNG, x: number, y: number, dx = 0, dy = 0) => pixel(png, x + dx, y + dy);
      // The email is drawn unchanged at its offset: a pixel of the plain picture is there.
      expect(at(ann, 30 * s, 30 * s, ex * s, ey * s)).toEqual(pixel(plain, 30 * s, 30 * s));
      // The fold line crosses the picture at the fold.
      expect(near(at(ann, 20 * s, v.view.fold * s - 0.5, ex * s, ey * s), hex(ANNOTATION_COLORS.fold))).toBe(true);
      expect(near(pixel(plain, 20 * s, v.view.fold * s - 0.5), hex(ANNOTATION_COLORS.fold))).toBe(false);
      // The first CTA: its frame hugs the measured box on all four sides.
      const box = v.layout.ctas[0].box!;
      expect(box).toEqual({ ...v.boxes.get(cta.element.startIndex!)!, measured: true });
      const mid = { x: (box.left + box.width / 2) * s, y: (box.top + box.height / 2) * s };
      const out = (CTA_FRAME / 2) * s;
      for (const [x, y] of [[box.left * s - out, mid.y], [(box.left + box.width) * s + out, mid.y], [mid.x, (box.top + box.height) * s + out]]) {
        expect(near(at(ann, x, y, ex * s, ey * s), hex(ANNOTATION_COLORS.cta)), `${id} frame at ${x},${y}`).toBe(true);
        expect(near(pixel(plain, x, y), hex(ANNOTATION_COLORS.cta))).toBe(false);
      }
      // Inside the frame the button itself is untouched: its green fill.
      expect(near(at(ann, box.left * s + 4 * s, mid.y, ex * s, ey * s), [0x0a, 0x7a, 0x55])).toBe(true);
      // Its pill ("CTA 1 ★") sits in the margin, at the button's height, in the CTA colour.
      const pill = v.layout.annotated!.labels.find((l) => l.kind === 'cta' && l.text === 'CTA 1 ★')!;
      expect(pill.x + pill.width).toBeLessThanOrEqual(ex);
      expect(Math.abs(pill.y + pill.height / 2 - (ey + box.top + Math.min(box.height, 24) / 2))).toBeLessThan(2);
      expect(near(pixel(ann, (pill.x + pill.width / 2) * s, (pill.y + 2) * s), hex(ANNOTATION_COLORS.cta), 30)).toBe(true);
    }
    // The base views are the render the rules read: layout.json agrees with the model's measured CTA boxes.
    const m = r.view('mobile').layout;
    expect(m.ctas.map((c) => [c.number, c.label, c.primary])).toEqual([[1, 'Start your trial', true], [2, 'See all plans', false]]);
    expect(m.ctas[0].box).toEqual(r.doc.ctas[0].boxes.mobile);
    expect(r.doc.ctas[0].boxes.mobile.measured).toBe(true);
    // 300 px of spacer, then the table's 2 px cell spacing; 40 px margin + 2.
    expect(m.ctas[0].box).toMatchObject({ top: 302, left: 42, width: 200, height: 48 });
    expect(m.ctas[0].aboveFold).toBe(true);
    expect(m.ctas[1].aboveFold).toBe(false);
  });

  it('numbers each finding in a legend, draws its marker in the margin beside its element, and keeps document-level findings in the header strip', async () => {
    // No lang and no viewport meta (document-level), a button below the fold (on an element).
    const text = page(BUTTON(700)).replace('<html lang="en">', '<html>').replace('<meta name="viewport" content="width=device-width, initial-scale=1">', '');
    const file = write('below.html', text);
    const browser = need();
    if (!browser) return;
    const renderer = await Renderer.create({ browser });
    const doc = await loadFile(file);
    const rules = { 'cta-above-fold': { severity: 'warn' as const }, 'html-lang': { severity: 'error' as const }, 'viewport-meta': { severity: 'warn' as const } };
    const result = await renderTemplate(doc, (d) => lintDocument(d, { rules }).messages, { renderer, views: ['mobile'] });
    await renderer.close();
    const v = result.views[0];
    const f = v.layout.findings.find((x) => x.ruleId === 'cta-above-fold')!;
    expect(f.message).toContain('measured in a render');
    expect(f.box).toEqual(v.layout.ctas[0].box);
    expect(f.document).toBe(false);
    // html-lang and viewport-meta: no box, in the header strip, numbered first.
    for (const id of ['html-lang', 'viewport-meta']) {
      const d = v.layout.findings.find((x) => x.ruleId === id)!;
      expect(d, id).toMatchObject({ box: null, document: true });
      expect(v.layout.legend.find((e) => e.n === d.marker)).toMatchObject({ ruleId: id, document: true, count: 1, lines: [d.line] });
    }
    expect(v.layout.legend.map((e) => e.document)).toEqual([true, true, false]);
    const entry = v.layout.legend.find((e) => e.n === f.marker)!;
    expect(entry).toMatchObject({ ruleId: 'cta-above-fold', severity: 'warning', count: 1, document: false });
    // One finding marker, in the margin nearer the button (the left: the button sits left of the
    // middle) at the button's height, in the warning colour; the button is not covered.
    const a = v.layout.annotated!;
    const markers = a.labels.filter((l) => l.kind === 'finding');
    expect(markers.map((l) => l.text)).toEqual([String(f.marker)]);
    const mk = markers[0];
    expect(mk.x + mk.width).toBeLessThanOrEqual(a.email.x);
    const ann = PNG.sync.read(v.annotated!);
    const s = v.view.scale;
    expect(near(pixel(ann, (mk.x + mk.width / 2) * s, (mk.y + 3) * s), hex(ANNOTATION_COLORS.warning), 40)).toBe(true);
    const b = f.box!;
    expect(near(pixel(ann, (a.email.x + b.left + b.width - 6) * s, (a.email.y + b.top + 7) * s), [0x0a, 0x7a, 0x55])).toBe(true);
  });

  it('groups repeated findings of one rule into one legend entry with its count and lines', async () => {
    const tables = Array.from({ length: 6 }, (_, i) => `<table><tr><td style="height:60px">Row ${i}</td></tr></table>`).join('\n');
    const file = write('tables.html', page(tables));
    const browser = need();
    if (!browser) return;
    const renderer = await Renderer.create({ browser });
    const doc = await loadFile(file);
    const result = await renderTemplate(doc, (d) => lintDocument(d, { rules: { 'table-role-presentation': { severity: 'warn' } } }).messages, { renderer, views: ['mobile'] });
    await renderer.close();
    const v = result.views[0];
    expect(v.layout.findings).toHaveLength(6);
    expect(v.layout.legend).toEqual([expect.objectContaining({ n: 1, ruleId: 'table-role-presentation', count: 6, document: false })]);
    expect(v.layout.legend[0].lines).toHaveLength(6);
    expect(new Set(v.layout.findings.map((x) => x.marker))).toEqual(new Set([1]));
  });

  it('renders the template\'s own dark rules with --dark, and nothing changes where it has none', async () => {
    const dark = '<style>@media (prefers-color-scheme: dark) { .card { background-color: #101820 !important; } .ink { color: #f0f0f0 !important; } }</style>';
    const body = '<div class="card" style="background-color:#fafafa;padding:40px"><p class="ink" style="color:#222;margin:0">Our spring collection</p></div>';
    const r = await render(write('dark.html', page(body, dark)), { dark: true, views: ['mobile'] });
    if (!r) return;
    const light = PNG.sync.read(r.view('mobile').png!);
    const night = PNG.sync.read(r.view('mobile.dark').png!);
    expect(r.view('mobile.dark').layout.view.dark).toBe(true);
    expect(near(pixel(light, 10, 10), [0xfa, 0xfa, 0xfa], 4)).toBe(true);
    expect(near(pixel(night, 10, 10), [0x10, 0x18, 0x20], 4)).toBe(true);
    // Not an inversion: the page background outside the card (white, no dark rule) stays white.
    const below = (r.view('mobile.dark').boxes.get(r.doc.renderedElements.find((e) => e.attribs.class === 'card')!.startIndex!)!.height + 20) * 2;
    expect(near(pixel(night, 10, below), [255, 255, 255], 4)).toBe(true);
    const plain = await render(write('plain.html', page(body)), { dark: true, views: ['mobile'] });
    expect(plain!.view('mobile.dark').png!.equals(plain!.view('mobile').png!)).toBe(true);
  });

  it('serves relative images from the template folder only, draws remote ones as placeholders, and shows alt text with images off', async () => {
    writeFileSync(join(dir, 'outside.png'), solidPng(40, 40, [0, 0, 255]));
    mkdirSync(join(dir, 'site/img'), { recursive: true });
    writeFileSync(join(dir, 'site/img/hero.png'), solidPng(300, 100, [255, 0, 0]));
    const body =
      '<img id="hero" src="img/hero.png" alt="Spring sale" style="display:block">' +
      '<img id="out" src="../outside.png" alt="" style="display:block">' +
      '<img id="remote" src="https://images.example.com/banner.png" width="300" height="80" alt="Banner" style="display:block">';
    const r = await render(write('site/images.html', page(body)), { views: ['desktop'], imagesOff: true });
    if (!r) return;
    // The rules read both viewports with images on and off (four loads); the desktop pictures are two of those loads.
    expect(r.loads).toBe(4);
    const id = (name: string) => r.doc.renderedElements.find((e) => e.attribs.id === name)!.startIndex!;
    const on = r.view('desktop');
    const off = r.view('desktop.images-off');
    // The local image loaded at its natural size (no size declared), red.
    expect(on.boxes.get(id('hero'))).toMatchObject({ width: 300, height: 100 });
    const png = PNG.sync.read(on.png!);
    expect(pixel(png, 150, 50)).toEqual([255, 0, 0]);
    // ../outside.png resolves inside the folder (URLs cannot climb above the template's origin): not loaded.
    // It is drawn as a placeholder (not found in the folder), as are missing local images.
    expect(on.layout.notes.join(' ')).toMatch(/1 image not found in the template's folder/);
    let blue = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 30 && png.data[i + 1] < 30 && png.data[i + 2] > 220) blue++;
    expect(blue).toBe(0);
    // The remote image is a grey placeholder of its declared size, and the layout notes it.
    const rb = on.boxes.get(id('remote'))!;
    expect(rb).toMatchObject({ width: 300, height: 80 });
    expect(near(pixel(png, rb.left + 20, rb.top + 10), hex('#e5e7eb'), 6)).toBe(true);
    expect(on.layout.notes.join(' ')).toMatch(/1 remote image not fetched/);
    // Images off: no red, and the alt text is drawn where the image was.
    const offPng = PNG.sync.read(off.png!);
    const hb = off.boxes.get(id('hero'))!;
    let dark = 0;
    let red = 0;
    for (let y = hb.top; y < hb.top + hb.height; y++) {
      for (let x = hb.left; x < hb.left + hb.width; x++) {
        const [R, G, B] = pixel(offPng, x, y);
        if (R < 120 && G < 120 && B < 120) dark++;
        if (R > 200 && G < 50) red++;
      }
    }
    expect(red).toBe(0);
    expect(dark).toBeGreaterThan(30);
    expect(off.layout.view.images).toBe('off');
  });

  it('never fetches a remote image from a loopback address, and cuts off a page at its timeout with an error naming the file', async () => {
    const browser = need();
    if (!browser) return;
    const server: Server = createServer(() => undefined); // accepts and never answers
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const port = (server.address() as { port: number }).port;
    try {
      const file = write('hang.html', page(`<img src="http://127.0.0.1:${port}/slow.png" width="10" height="10" alt="">`));
      const renderer = await Renderer.create({ browser });
      const doc = await loadFile(file);
      // Remote images are fetched from public addresses only: the loopback one is refused, so the page loads.
      const fetched = await renderTemplate(doc, [], { renderer, images: 'remote', timeout: 10_000, remoteTimeout: 20_000, views: ['mobile'], outputs: ['png'] });
      expect(fetched.views[0].png!.length).toBeGreaterThan(100);
      expect(connections).toBe(0);
      const t = Date.now();
      const err = await renderTemplate(doc, [], { renderer, timeout: 1, views: ['mobile'] }).catch((e) => e);
      expect(Date.now() - t).toBeLessThan(10_000);
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).filePath).toBe(file);
      expect((err as Error).message).toBe('rendering the mobile view timed out after 1 ms');
      // The renderer still works for the next template.
      const ok = await renderTemplate(new EmailDocument({ filePath: join(dir, 'next.html'), text: page('<p>Next</p>') }), [], { renderer, views: ['mobile'], outputs: ['png'] });
      expect(ok.views[0].png!.length).toBeGreaterThan(100);
      await renderer.close();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 30_000);
});

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
}

describe('inboxlint render (CLI)', () => {
  it('writes the pictures and layout.json per view and variant, names a file that fails and renders the others', () => {
    if (!need()) return;
    const out = join(dir, 'out');
    const bad = write('broken.html', '\u0000\u0001\u0002PK binary');
    writeFileSync(bad, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const r = cli(['render', 'fixtures/demo/newsletter.html', bad, '--out', out, '--dark', '--images', 'off', '--jobs', '2']);
    expect(r.stderr).toContain('broken.html');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('newsletter.html: 6 views');
    for (const id of ['mobile', 'desktop', 'mobile.dark', 'desktop.dark', 'mobile.images-off', 'desktop.images-off']) {
      for (const suffix of ['png', 'fold.png', 'annotated.png', 'layout.json']) expect(existsSync(join(out, `newsletter.${id}.${suffix}`)), `${id}.${suffix}`).toBe(true);
    }
    const layout = JSON.parse(readFileSync(join(out, 'newsletter.mobile.layout.json'), 'utf8'));
    expect(layout).toMatchObject({ view: { name: 'mobile', width: 375, scale: 2 }, fold: 500, scrollWidth: 375 });
    expect(layout.ctas.filter((c: { primary: boolean }) => c.primary)).toHaveLength(1);
    expect(layout.findings.length).toBeGreaterThan(0);
    expect(layout.legend.length).toBeGreaterThan(0);
    // index.html shows every annotated picture of the run with its legend.
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const id of ['mobile', 'desktop', 'mobile.dark', 'desktop.dark', 'mobile.images-off', 'desktop.images-off']) expect(index).toContain(`src="newsletter.${id}.annotated.png"`);
    expect(index).toContain(layout.legend[0].ruleId);
    expect(index).not.toContain('broken');
    expect(r.stdout).toContain('index.html: every picture with its legend');
  }, 180_000);

  it('`demo` renders the demo email and says where the pictures are; without a browser it says so and still lints', () => {
    if (!need()) return;
    const r = cli(['demo']);
    expect(r.status).toBe(0);
    const where = /The pictures are in (.+?)\. Try:/.exec(r.stdout)?.[1];
    expect(where, r.stdout).toBeTruthy();
    expect(existsSync(join(where!, 'newsletter.mobile.annotated.png'))).toBe(true);
    const none = spawnSync(process.execPath, [BIN, 'demo'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INBOXLINT_CHROMIUM: join(dir, 'no-such-chromium') } });
    expect(none.status).toBe(0);
    expect(none.stdout).toMatch(/✖ \d+ problems?/);
    expect(none.stdout).toContain('skipped: Chromium not found at');
  }, 120_000);

  it('lints each template once: the findings drawn are the findings printed (rule set, inline directives, config)', async () => {
    if (!need()) return;
    // A rule of the session's own rule set (as a plugin's), counting the lints it runs in.
    const linted: string[] = [];
    const counter = defineRule({
      id: 'lint-counter',
      description: 'Counts the lints.',
      rationale: 'Test rule.',
      sources: ['test'],
      guidance: 'None.',
      category: 'content',
      severity: 'warn',
      recommended: false,
      options: {},
      messages: { seen: 'linted' },
      examples: { valid: [], invalid: [] },
      check({ doc, report }) {
        linted.push(doc.filePath);
        const at = doc.text.indexOf('<h1');
        report({ messageId: 'seen', range: { start: at, end: at + 3 } });
      },
    });
    // b.html disables html-title inline: neither the printed nor the drawn findings hold it.
    const a = write('once/a.html', page(`<h1>Spring</h1>${BUTTON(600)}`).replace('<title>Spring</title>', ''));
    const b = write('once/b.html', `<!-- inboxlint-disable html-title -->${page(`<h1>Spring</h1>${BUTTON(600)}`).replace('<title>Spring</title>', '')}`);
    const out = join(dir, 'once-out');
    const rules = { 'lint-counter': 'warn', 'html-title': 'warn', 'cta-above-fold': 'warn' } as const;
    const session = new Session({ cwd: dir, config: { rules } }, [...allRules, counter] as AnyRule[]);
    const lines: string[] = [];
    try {
      expect(await runRenderFiles([a, b], { out, session, views: ['mobile', 'desktop'], say: (s) => lines.push(s) })).toBe(0);
    } finally {
      await session.close();
    }
    expect(linted).toEqual([a, b]); // one lint per template
    for (const name of ['a', 'b']) {
      const said = lines.find((l) => l.includes(`${name}.html:`))!;
      for (const v of ['mobile', 'desktop']) {
        const layout = JSON.parse(readFileSync(join(out, `${name}.${v}.layout.json`), 'utf8'));
        const drawn = layout.findings.map((f: { ruleId: string }) => f.ruleId).sort();
        // The count printed is the count drawn (no finding here depends on the scheme or images).
        expect(said, `${name} ${v}`).toContain(`2 views, ${drawn.length} finding`);
        expect(drawn).toContain('lint-counter');
        expect(drawn.includes('html-title')).toBe(name === 'a');
      }
    }
  }, 180_000);

  it('refuses a bad --viewport with exit 2', () => {
    const r = cli(['render', 'fixtures/demo/newsletter.html', '--out', join(dir, 'x'), '--viewport', 'huge']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--viewport: expected mobile, desktop or WIDTHxHEIGHT');
  });
});

describe('measured rules (lint --render)', () => {
  const columns = page(
    '<table role="presentation" width="600" style="width:600px"><tr><td width="300" class="col">Left: our spring collection is here.</td><td width="300" class="col">Right: free shipping on every order.</td></tr></table>',
  );
  const stacked = page(
    '<table role="presentation" width="600" style="width:100%;max-width:600px"><tr><td width="300" class="col">Left: our spring collection is here.</td><td width="300" class="col">Right: free shipping on every order.</td></tr></table>',
    '<style>@media screen and (max-width: 480px) { .col { display: block !important; width: 100% !important; } }</style>',
  );
  const wrongClass = page(
    '<table role="presentation" width="600" style="width:100%;max-width:600px"><tr><td width="300" class="col">Left: our spring collection is here.</td><td width="300" class="col">Right: free shipping on every order.</td></tr></table>',
    '<style>@media screen and (max-width: 480px) { .column { display: block !important; } .col { width: 100% !important; } }</style>',
  );
  const ids = (r: Awaited<ReturnType<typeof lint>>, rule: string) => r[0].messages.filter((m) => m.ruleId === rule);

  it('mobile-single-column: measured side by side, stacked, or scrolling sideways; static otherwise', async () => {
    if (!need()) return;
    const rules = { 'mobile-single-column': 'warn' as const };
    const fixed = await lint({ text: columns, filePath: join(dir, 'cols.html') }, { render: true, rules });
    const [m] = ids(fixed, 'mobile-single-column');
    expect(m.messageId).toBe('sideBySide');
    expect(m.message).toContain('measured in a render');
    expect(m.line).toBe(1);
    const ok = await lint({ text: stacked, filePath: join(dir, 'stacked.html') }, { render: true, rules });
    expect(ids(ok, 'mobile-single-column')).toEqual([]);
    // The static verdict trusts the media query; the render shows the cells still side by side.
    const staticWrong = await lint({ text: wrongClass, filePath: join(dir, 'wrong.html') }, { rules });
    expect(ids(staticWrong, 'mobile-single-column')).toEqual([]);
    const measuredWrong = await lint({ text: wrongClass, filePath: join(dir, 'wrong.html') }, { render: true, rules });
    expect(ids(measuredWrong, 'mobile-single-column').map((x) => x.messageId)).toEqual(['sideBySide']);
    const plain = await lint({ text: columns, filePath: join(dir, 'cols.html') }, { rules });
    expect(ids(plain, 'mobile-single-column')[0].message).toContain('estimated statically from the markup');
    // A fixed-width banner with no columns: the page scrolls sideways.
    const wide = await lint({ text: page('<div style="width:640px;background:#eee">A wide banner</div>'), filePath: join(dir, 'wide.html') }, { render: true, rules });
    const [s] = ids(wide, 'mobile-single-column');
    expect(s.messageId).toBe('scrollsSideways');
    expect(s.message).toContain('640 px wide');
  }, 60_000);

  it('container-width: the width measured in the desktop pane', async () => {
    if (!need()) return;
    const rules = { 'container-width': 'warn' as const };
    const fluid = page('<table role="presentation" style="width:100%;max-width:700px"><tr><td>Hello</td></tr></table>');
    const fixed = page('<table role="presentation" width="700" style="width:700px"><tr><td>Hello</td></tr></table>');
    expect(ids(await lint({ text: fluid, filePath: join(dir, 'fluid.html') }, { rules }), 'container-width')[0].message).toContain('700 px wide (estimated statically');
    expect(ids(await lint({ text: fluid, filePath: join(dir, 'fluid.html') }, { render: true, rules }), 'container-width')).toEqual([]);
    const [m] = ids(await lint({ text: fixed, filePath: join(dir, 'fixed.html') }, { render: true, rules }), 'container-width');
    expect(m.message).toContain('700 px wide (measured in a render)');
  }, 60_000);

  it('cta-image-only with --render --images off: the primary image CTA is measured with images blocked', async () => {
    if (!need()) return;
    const rules = { 'cta-image-only': 'error' as const };
    const cta = (alt: string, w: number, style = '') =>
      page(`<p>Spring is here.</p><a href="https://example.com/sale"><img src="https://example.com/btn.png" width="${w}" height="40" alt="${alt}" style="display:block;${style}"></a>`);
    const cut = await lint({ text: cta('Shop the whole spring collection today', 120), filePath: join(dir, 'cut.html') }, { render: true, images: 'off', rules });
    const [m] = ids(cut, 'cta-image-only');
    expect(m.messageId).toBe('unreadableImagesOff');
    expect(m.message).toMatch(/measured in a render with images blocked\): its alt text needs \d+ px at 16 px but the image box is 120×40 px/);
    const tiny = await lint({ text: cta('Shop now', 200, 'font-size:0'), filePath: join(dir, 'tiny.html') }, { render: true, images: 'off', rules });
    expect(ids(tiny, 'cta-image-only')[0].message).toContain('drawn at 0 px');
    const fits = await lint({ text: cta('Shop now', 200), filePath: join(dir, 'fits.html') }, { render: true, images: 'off', rules });
    expect(ids(fits, 'cta-image-only').map((x) => [x.messageId, x.severity])).toEqual([['readableImagesOff', 1]]);
    expect(ids(fits, 'cta-image-only')[0].message).toContain('its alt text at 16 px (measured in a render with images blocked)');
    // Without --images off the static message stays.
    const plain = await lint({ text: cta('Shop the whole spring collection today', 120), filePath: join(dir, 'cut.html') }, { render: true, rules });
    expect(ids(plain, 'cta-image-only').map((x) => x.messageId)).toEqual(['imageOnly']);
  }, 60_000);
});
