/**
 * `inboxlint report`: the real pipeline (lint, measure and screenshot in real Chromium), the
 * file it writes opened with every request blocked, and the CLI through a child process.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseDocument } from 'htmlparser2';
import { Element, type ChildNode } from 'domhandler';
import { buildReport, ruleCosts, templateScore, type Report } from '../src/report/report.js';
import { Renderer } from '../src/render/renderer.js';
import { sharedBrowser } from './shared-browser.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(root, 'bin/inboxlint.js');
const DEMO = join(root, 'fixtures/demo/newsletter.html');
const TRIAL = join(root, 'fixtures/cta/trial-click-here.html');
const MJML = join(root, 'fixtures/mjml/components.mjml');
const shared = sharedBrowser('the report tests');

let dir: string;
let report: Report | undefined;
/** Template pages the report loaded. */
let loads = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inboxlint-report-'));
  const browser = shared.need();
  if (!browser) return;
  const hostile = join(dir, 'hostile.html');
  const trial = await readFile(TRIAL, 'utf8');
  await writeFile(hostile, trial.replace('<title>Newsletter</title>', '<title>Deal <script>alert(1)</script></title>').replace('>Click here<', '>&lt;img src=x onerror=alert(2)&gt;<'));
  const renderer = await Renderer.create({ browser });
  try {
    report = await buildReport([DEMO, MJML, hostile, join(dir, 'missing.html')], { renderer: async () => renderer, cwd: root });
    loads = renderer.loads;
  } finally {
    await renderer.close();
  }
}, 180_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report', () => {
  it('has a summary row and a section per template, with findings, CTAs and tracked URLs', () => {
    if (!report) return;
    const { html, entries } = report;
    expect(entries).toHaveLength(4);
    expect(html.match(/<section class="template"/g)).toHaveLength(4);
    expect(html.match(/<table class="summary">[^]*?<\/table>/)![0].match(/<tr>/g)).toHaveLength(1 + 4);
    const demo = entries[0].snapshot!;
    expect(demo.ctas.some((c) => c.primary)).toBe(true);
    // Measured geometry (the report renders anyway).
    expect(demo.ctas.every((c) => c.measured)).toBe(true);
    // Each template that loads is loaded once per view (phone, desktop): the findings are made on
    // those loads and the same loads are photographed. The missing file loads nothing.
    expect(entries.slice(0, 3).every((e) => e.shots.length === 2)).toBe(true);
    expect(loads).toBe(3 * 2);
    expect(html).toContain('fixtures/demo/newsletter.html');
    expect(html).toContain('utm_campaign=preview');
    for (const f of demo.findings) expect(html).toContain(f.ruleId ?? '');
    // The missing file is reported, not fatal to the run.
    expect(entries[3].error?.message).toBe('no such file');
    expect(html).toContain('no such file');
  });

  it('scores each template by its documented formula, names the three costliest rules, groups findings by rule and shows a card per CTA with its picture', () => {
    if (!report) return;
    const { html, entries } = report;
    const demo = entries[0].snapshot!;
    // 100 − Σ per rule min(20, 10 × errors + 3 × warnings).
    const per = new Map<string, number>();
    for (const f of demo.findings) per.set(f.ruleId ?? 'inboxlint', (per.get(f.ruleId ?? 'inboxlint') ?? 0) + (f.severity === 'error' ? 10 : 3));
    const expected = Math.max(0, 100 - [...per.values()].reduce((n, c) => n + Math.min(20, c), 0));
    expect(templateScore(demo)).toBe(expected);
    expect(templateScore({ findings: [] })).toBe(100);
    const manyOfOne = Array.from({ length: 30 }, () => ({ ruleId: 'link-href', severity: 'error' as const }));
    expect(templateScore({ findings: manyOfOne as never })).toBe(80);
    const section = html.slice(html.indexOf('<section class="template" id="t1"'), html.indexOf('<section class="template" id="t2"'));
    expect(section).toContain(`${expected}<small>/100</small>`);
    // The three fixes: the costliest rules, in order.
    const top = ruleCosts(demo).slice(0, 3).map((r) => r.ruleId);
    const fixes = section.match(/<ol class="top-fixes">[^]*?<\/ol>/)![0];
    expect([...fixes.matchAll(/<li><div class="fix-head"><code>([^<]+)<\/code>/g)].map((m) => m[1])).toEqual(top);
    // Findings grouped by rule, with their counts.
    for (const r of ruleCosts(demo)) expect(section).toContain(`<code>${r.ruleId}</code> <b>× ${r.errors + r.warnings}</b>`);
    // A card per CTA, with its picture cut from the phone render and its fold verdict.
    expect(section.match(/<div class="cta-card( primary)?">/g)).toHaveLength(demo.ctas.length);
    const shots = entries[0].ctaShots!;
    for (const c of demo.ctas) if (shots[c.n]) expect(section).toContain(shots[c.n]);
    expect(Object.keys(shots).length).toBeGreaterThan(0);
    expect(section).toMatch(/(above the fold \(phone: top at \d+ px|below the fold — (phone|desktop): top at \d+ px)/);
  });

  it('escapes template text', () => {
    if (!report) return;
    const { html } = report;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).toContain('Deal &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
  });

  it('makes no external reference', () => {
    if (!report) return;
    const { html } = report;
    // Every URL-bearing attribute of every element, read by a real HTML parser.
    const refs: string[] = [];
    const walk = (nodes: ChildNode[]) => {
      for (const n of nodes) {
        if (!(n instanceof Element)) continue;
        for (const [k, v] of Object.entries(n.attribs)) if (/^(src|href|srcset|action|poster|data|background|formaction|xlink:href)$/i.test(k)) refs.push(v);
        expect(n.name, 'no element that loads anything').not.toMatch(/^(script|link|iframe|object|embed|video|audio|source|base)$/);
        walk(n.children);
      }
    };
    walk(parseDocument(html).children);
    expect(refs.length).toBeGreaterThan(6);
    for (const r of refs) expect(r, r.slice(0, 60)).toMatch(/^(data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$|#t\d+$)/);
    expect(html).not.toMatch(/url\s*\(/i);
    expect(html).not.toMatch(/@import|<link\b|<iframe\b|<object\b|<embed\b/i);
  });

  it('opens with the network blocked and shows every screenshot', async () => {
    const browser = shared.need();
    if (!browser || !report) return;
    const file = join(dir, 'report.html');
    await writeFile(file, report.html);
    const context = await browser.newContext();
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') && url.endsWith('/report.html')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    try {
      const page = await context.newPage();
      await page.goto(`file://${file}`);
      const shots = await page.evaluate(() =>
        [...document.querySelectorAll('.shot img')].map((i) => ({ ok: (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0, w: (i as HTMLImageElement).naturalWidth })),
      );
      // Two per template that rendered (the missing file has none).
      expect(shots).toHaveLength(6);
      for (const s of shots) expect(s.ok).toBe(true);
      // The annotated pictures: the phone at 2×, the desktop pane at 1×, each with its margins and legend.
      const first = report.entries.find((e) => e.shots.length)!.shots;
      expect(shots[0].w).toBe(Math.round(first[0].width * 2));
      expect(shots[1].w).toBe(first[1].width);
      expect(shots[1].w).toBeGreaterThan(600);
      expect(requests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('report CLI', () => {
  it('writes the report atomically and says where', async () => {
    if (!shared.need()) return;
    const out = join(dir, 'out', 'r.html');
    const { stdout } = await run(process.execPath, [CLI, 'report', TRIAL, '--out', out], { cwd: root });
    expect(stdout).toContain(out);
    const html = await readFile(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('tracks the CTA URLs with the config\'s utm_source and utm_campaign, and prints to PDF one template per page', async () => {
    const browser = shared.need();
    if (!browser) return;
    const folder = join(dir, 'configured');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'email.html'), await readFile(TRIAL, 'utf8'));
    await writeFile(join(folder, 'second.html'), await readFile(TRIAL, 'utf8'));
    await writeFile(join(folder, 'inboxlint.config.json'), JSON.stringify({ extends: 'inboxlint:recommended', track: { campaign: 'spring-sale', source: 'newsletter' } }));
    const out = join(folder, 'r.html');
    await run(process.execPath, [CLI, 'report', 'email.html', 'second.html', '--out', out], { cwd: folder });
    const html = await readFile(out, 'utf8');
    expect(html).toContain('utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring-sale');
    expect(html).not.toContain('utm_campaign=preview');
    const page = await browser.newPage();
    try {
      await page.goto(`file://${out}`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // The print stylesheet: each template starts a page, nothing is wider than the page.
      await page.emulateMedia({ media: 'print' });
      const r = await page.evaluate(() => ({
        breaks: [...document.querySelectorAll('section.template')].map((s) => getComputedStyle(s).breakBefore),
        overflow: [...document.querySelectorAll('section.template img, .cta-card')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length,
      }));
      expect(r.breaks).toEqual(['page', 'page']);
      expect(r.overflow).toBe(0);
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(3);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('exits 2 with a clear message for no input', async () => {
    const err = await run(process.execPath, [CLI, 'report', join(dir, 'nothing-here', '*.html'), '--out', join(dir, 'x.html')], { cwd: root }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(String(err.stderr)).toMatch(/^inboxlint: .*no files match/m);
    expect(String(err.stderr)).not.toMatch(/\n\s+at /);
  });
});
