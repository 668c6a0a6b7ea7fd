/**
 * The browser is the oracle: every contrast fixture and a deterministic sample of corpus HTML
 * templates are rendered in real Chromium; for each element that holds visible text the page
 * reports its computed `color` and the background beneath it (ancestor background colours and
 * opacities composited until an opaque one, over the canvas), and the static cascade
 * (src/style/) must agree on at least 98% of text runs, foreground and background.
 * Elements are keyed by their source start offset, added as `data-il` to a render-only copy
 * (src/render/page.ts, shared with the geometry renderer).
 */
import { describe, it, expect } from 'vitest';
import { CORPUS_DIR, corpusPresent } from './corpus.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { safeContext } from '../src/render/browser.js';
import { sharedBrowser } from './shared-browser.js';
import { EmailDocument } from '../src/model/document.js';
import type { Scheme } from '../src/css/media.js';
import { renderCopy, openPage } from '../src/render/page.js';
import { toHex, sameColor, type Rgba } from '../src/css/color.js';
import { VIEWPORTS } from '../src/model/geometry.js';

const corpus = corpusPresent('contrast oracle (corpus sample)');
const fixturesDir = fileURLToPath(new URL('../fixtures/contrast', import.meta.url));
/** Every k-th HTML file, sorted by path. INBOXLINT_ORACLE_EVERY=1 checks the whole corpus (slow). */
const SAMPLE_EVERY = Number(process.env.INBOXLINT_ORACLE_EVERY) || 3;

function listHtml(dir: string): string[] {
  const out: string[] = [];
  const walkDir = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walkDir(p);
      else if (/\.html?$/i.test(name)) out.push(p);
    }
  };
  walkDir(dir);
  return out.sort();
}

interface PageRun {
  il: number;
  fg: Rgba | null;
  bg: Rgba | null;
  inconclusive: boolean;
  fontSize: number;
}

/** Runs in the page (JavaScript disabled for the page's own scripts; evaluate still works). */
function collect(): PageRun[] {
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const parse = (s: string): { r: number; g: number; b: number; a: number } | null => {
    const m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
    if (!m) {
      // lab(), oklch(), color(…): let the canvas convert to sRGB bytes.
      if (!probe) return null;
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = s;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      return { r, g, b, a: a / 255 };
    }
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return { r: +m[1], g: +m[2], b: +m[3], a };
  };
  type C = { r: number; g: number; b: number; a: number };
  const over = (t: C, b: C): C => {
    const a = t.a + b.a * (1 - t.a);
    if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
    const mix = (x: number, y: number) => (x * t.a + y * b.a * (1 - t.a)) / a;
    return { r: mix(t.r, b.r), g: mix(t.g, b.g), b: mix(t.b, b.b), a };
  };
  const root = document.documentElement;
  // The canvas is dark when the root allows dark and the reader prefers it, or allows only dark.
  const declared = getComputedStyle(root).colorScheme;
  const scheme = declared && declared !== 'normal' ? declared : document.querySelector('meta[name="color-scheme" i]')?.getAttribute('content') ?? '';
  const allowsDark = /\bdark\b/.test(scheme);
  const allowsLight = !allowsDark || /\blight\b/.test(scheme);
  const dark = allowsDark && (matchMedia('(prefers-color-scheme: dark)').matches || !allowsLight);
  const canvas: C = dark ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
  const out: PageRun[] = [];
  const norm = (s: string) => s.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff\u034f\u00ad]+/g, '');
  for (const el of Array.from(document.querySelectorAll('[data-il]'))) {
    let text = '';
    for (const n of Array.from(el.childNodes)) if (n.nodeType === 3) text += n.nodeValue ?? '';
    if (!norm(text)) continue;
    const v = el as Element & { checkVisibility?: (o: object) => boolean };
    if (v.checkVisibility && !v.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const cs = getComputedStyle(el);
    const color = parse(cs.color);
    let fg: C | null = color;
    let bg: C = { r: 0, g: 0, b: 0, a: 0 };
    let inconclusive = false;
    let ok = !!color;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const b = parse(s.backgroundColor);
      if (!b) ok = false;
      if (s.backgroundImage && s.backgroundImage !== 'none' && bg.a < 1 && (!b || b.a === 0)) inconclusive = true;
      if (b && b.a > 0) {
        if (fg) fg = over(fg, b);
        bg = over(bg, b);
      }
      const o = parseFloat(s.opacity);
      if (o < 1) {
        if (fg) fg = { ...fg, a: fg.a * o };
        bg = { ...bg, a: bg.a * o };
      }
    }
    out.push({
      il: Number(el.getAttribute('data-il')),
      fg: ok && fg ? over(fg, canvas) : null,
      bg: ok ? over(bg, canvas) : null,
      inconclusive,
      fontSize: parseFloat(cs.fontSize),
    });
  }
  return out;
}

interface Tally {
  runs: number;
  fgAgree: number;
  bgAgree: number;
  sizeAgree: number;
  staticOnly: number;
  browserOnly: number;
  templates: number;
  causes: Map<string, { count: number; examples: string[] }>;
}

const newTally = (): Tally => ({ runs: 0, fgAgree: 0, bgAgree: 0, sizeAgree: 0, staticOnly: 0, browserOnly: 0, templates: 0, causes: new Map() });

function note(t: Tally, cause: string, example: string) {
  let c = t.causes.get(cause);
  if (!c) t.causes.set(cause, (c = { count: 0, examples: [] }));
  c.count++;
  if (c.examples.length < 4) c.examples.push(example);
}

const shared = sharedBrowser('The browser test');
/** One safe context per colour scheme (JS off, network aborted); a fresh page per template. */
const contexts = new Map<Scheme, BrowserContext>();
async function contextFor(scheme: Scheme): Promise<BrowserContext> {
  let c = contexts.get(scheme);
  if (!c) contexts.set(scheme, (c = await safeContext(shared.browser!, { viewport: VIEWPORTS.desktop, colorScheme: scheme })));
  return c;
}


async function compare(file: string, html: string, scheme: Scheme, tally: Tally): Promise<void> {
  const doc = new EmailDocument({ filePath: file, text: html });
  const resolver = doc.styles.resolver({ scheme });
  if (scheme === 'dark' && !resolver.declaresDark) return;
  const runs = resolver.textRuns();
  // In dark, Outlook.com's [data-ogsc]/[data-ogsb] markers are on the root, as Outlook adds them.
  const source = renderCopy(doc, { attrs: (el) => (scheme === 'dark' && (el.name === 'html' || el.name === 'body') ? ' data-ogsc data-ogsb' : '') });
  const page = await openPage(await contextFor(scheme), source);
  try {
    const pageRuns = await page.evaluate(collect);
    const byIl = new Map(pageRuns.map((r) => [r.il, r]));
    const seen = new Set<number>();
    tally.templates++;
    const where = relative(CORPUS_DIR, file).startsWith('..') ? relative(fixturesDir, file) : relative(CORPUS_DIR, file);
    for (const run of runs) {
      const il = run.element.startIndex!;
      const b = byIl.get(il);
      seen.add(il);
      if (!b) {
        tally.staticOnly++;
        continue;
      }
      tally.runs++;
      const line = doc.lines.position(il).line;
      const ex = `${where}:${line} <${run.element.name}>`;
      const fgOk = !!b.fg && sameColor(run.fg.color, b.fg, 1.5);
      const bgOk = b.inconclusive === run.inconclusive && (b.inconclusive || (!!b.bg && sameColor(run.bg.color, b.bg, 1.5)));
      if (fgOk) tally.fgAgree++;
      else note(tally, `fg: static from ${run.fg.origin.kind}`, `${ex} static ${toHex(run.fg.color)} (${run.fg.origin.description}) browser ${b.fg ? toHex(b.fg) : '?'}`);
      if (bgOk) tally.bgAgree++;
      else if (b.inconclusive !== run.inconclusive) note(tally, `bg: inconclusive static=${run.inconclusive} browser=${b.inconclusive}`, ex);
      else note(tally, `bg: static from ${run.bg.origin.kind}`, `${ex} static ${toHex(run.bg.color)} (${run.bg.origin.description}) browser ${b.bg ? toHex(b.bg) : '?'}`);
      if (Math.abs(run.fontSize - b.fontSize) < 0.5) tally.sizeAgree++;
      else if (process.env.INBOXLINT_ORACLE_DEBUG) note(tally, 'font size (not gated)', `${ex} static ${run.fontSize} browser ${b.fontSize}`);
    }
    for (const r of pageRuns) if (!seen.has(r.il)) tally.browserOnly++;
  } finally {
    await page.close();
  }
}

function report(label: string, t: Tally): { fg: number; bg: number } {
  const pct = (n: number) => (t.runs ? (100 * n) / t.runs : 100);
  const lines = [
    `${label}: ${t.runs} text runs in ${t.templates} templates — foreground ${pct(t.fgAgree).toFixed(2)}%, background ${pct(t.bgAgree).toFixed(2)}%, font size ${pct(t.sizeAgree).toFixed(2)}%`,
    `  runs only the static side sees: ${t.staticOnly}; only the browser shows: ${t.browserOnly}`,
  ];
  const causes = [...t.causes.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 8);
  for (const [cause, c] of causes) {
    lines.push(`  ${c.count} × ${cause}`);
    for (const e of c.examples) lines.push(`      ${e}`);
  }
  console.log(lines.join('\n'));
  return { fg: pct(t.fgAgree), bg: pct(t.bgAgree) };
}

const requireBrowser = () => !!shared.need();

describe('rendering is safe', () => {
  it('runs no template script and lets no request out', async () => {
    if (!requireBrowser()) return;
    const page = await (await contextFor('light')).newPage();
    const requests: string[] = [];
    page.on('requestfailed', (r) => requests.push(r.url()));
    try {
      await page.setContent('<p id="p">static</p><script>document.getElementById("p").textContent = "scripted"</script><img src="https://example.invalid/pixel.gif">', { waitUntil: 'load' });
      expect(await page.evaluate(() => document.getElementById('p')!.textContent)).toBe('static');
      expect(requests).toEqual(['https://example.invalid/pixel.gif']);
    } finally {
      await page.close();
    }
  }, 30_000);
});

describe('static colour resolution agrees with Chromium', () => {
  it('on every contrast fixture (light and dark)', async () => {
    if (!requireBrowser()) return;
    const files = listHtml(fixturesDir);
    expect(files.length).toBeGreaterThanOrEqual(14);
    const light = newTally();
    const dark = newTally();
    for (const f of files) {
      const html = readFileSync(f, 'utf8');
      await compare(f, html, 'light', light);
      await compare(f, html, 'dark', dark);
    }
    const l = report('fixtures, light', light);
    report('fixtures, dark', dark);
    expect(light.runs).toBeGreaterThan(30);
    expect(l.fg).toBe(100);
    expect(l.bg).toBe(100);
    expect(dark.runs).toBeGreaterThan(0);
    expect(dark.fgAgree + dark.bgAgree).toBe(2 * dark.runs);
  }, 60_000);

  it.runIf(corpus)('on a deterministic sample of ≥ 100 corpus templates (≥ 98% of text runs)', async () => {
    if (!requireBrowser()) return;
    const all = listHtml(CORPUS_DIR);
    const sample = all.filter((_, i) => i % SAMPLE_EVERY === 0);
    expect(sample.length).toBeGreaterThanOrEqual(100);
    const light = newTally();
    const dark = newTally();
    for (const f of sample) {
      const html = readFileSync(f, 'utf8');
      await compare(f, html, 'light', light);
      await compare(f, html, 'dark', dark);
    }
    const l = report(`corpus sample (${sample.length} of ${all.length} HTML files: every ${SAMPLE_EVERY}. by path), light`, light);
    report('corpus sample, dark (templates that declare dark rules)', dark);
    expect(light.runs).toBeGreaterThan(1500);
    expect(l.fg).toBeGreaterThanOrEqual(98);
    expect(l.bg).toBeGreaterThanOrEqual(98);
  }, 180_000);
});
