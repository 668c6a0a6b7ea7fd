/**
 * The annotated pictures in real Chromium: nothing with text (finding markers, CTA pills, the
 * fold label, the header strip, the legend) is drawn over the email. Checked twice: by the
 * placement layout.json reports, and by the pixels — inside the email's area the annotated
 * picture differs from the plain one only by thin lines (no 5×5 CSS px square of changed
 * pixels), on a busy template of our own and on busy corpus templates. Also: each variant's
 * picture carries that variant's findings.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { sharedRenderer } from './shared-browser.js';
import { renderTemplate, type RenderedView } from '../src/render/render.js';
import { loadFile } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { presetRules } from '../src/config/presets.js';
import { allRules as builtIn } from '../rules/index.js';
import { findingOfVariant } from '../src/render/legend.js';

const shared = sharedRenderer('the annotated picture tests');
const corpusDir = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'inboxlint-annotated-'));

/** The side of the largest square of pixels, all changed, inside the email's area (device px). */
function largestChangedSquare(v: RenderedView): number {
  const plain = PNG.sync.read(v.png!);
  const ann = PNG.sync.read(v.annotated!);
  const s = v.view.scale;
  const ox = Math.round(v.layout.annotated!.email.x * s);
  const oy = Math.round(v.layout.annotated!.email.y * s);
  const W = plain.width;
  const H = plain.height;
  // Dynamic programming: side of the largest all-changed square ending at each pixel.
  let prev = new Uint16Array(W + 1);
  let best = 0;
  for (let y = 0; y < H; y++) {
    const cur = new Uint16Array(W + 1);
    for (let x = 0; x < W; x++) {
      const i = (y * W + x) * 4;
      const j = ((y + oy) * ann.width + x + ox) * 4;
      const changed = Math.abs(plain.data[i] - ann.data[j]) + Math.abs(plain.data[i + 1] - ann.data[j + 1]) + Math.abs(plain.data[i + 2] - ann.data[j + 2]) > 24;
      if (changed) {
        cur[x + 1] = 1 + Math.min(prev[x], prev[x + 1], cur[x]);
        if (cur[x + 1] > best) best = cur[x + 1];
      }
    }
    prev = cur;
  }
  return best;
}

function checkClear(v: RenderedView, what: string): void {
  const a = v.layout.annotated!;
  const e = a.email;
  for (const l of a.labels.filter((x) => x.kind !== 'header' && x.kind !== 'legend')) {
    const overlaps = l.x < e.x + e.width && e.x < l.x + l.width && l.y < e.y + e.height && e.y < l.y + l.height;
    expect(overlaps, `${what}: ${l.kind} "${l.text}" at ${l.x},${l.y} overlaps the email at ${e.x},${e.y} ${e.width}×${e.height}`).toBe(false);
  }
  // The header strip ends above the email, the legend starts right of the margin.
  const header = a.labels.find((x) => x.kind === 'header')!;
  expect(header.y + header.height).toBeLessThanOrEqual(e.y);
  const legend = a.labels.find((x) => x.kind === 'legend')!;
  expect(legend.x).toBeGreaterThanOrEqual(e.x + e.width);
  // Pixels: thin lines only (CTA frame 3 px, lines 1 px) — no 5 CSS px square changed.
  expect(largestChangedSquare(v), `${what}: a block of changed pixels over the email`).toBeLessThan(5 * v.view.scale);
}

const RULES = presetRules('recommended', builtIn);
const lintFor = (d: Parameters<typeof lintDocument>[0]) => lintDocument(d, { rules: RULES }).messages;

const BUSY = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Busy</title>
<style>@media (prefers-color-scheme: dark) { .card { background-color: #111111 !important; } }</style></head>
<body style="margin:0;background:#ffffff">
${Array.from({ length: 8 }, (_, i) => `<table width="100%"><tr><td class="card" style="padding:12px;background:#fafafa">
<p style="color:#bbbbbb;font-size:11px;margin:0">Row ${i}: light grey small text <a href="#">here</a></p>
<img src="https://example.com/p${i}.png" width="160" height="60">
<a href="https://example.com/go/${i}" style="display:inline-block;padding:4px 8px;background:#cccccc;color:#ffffff">Click here</a>
</td><td style="width:120px"><a href="#">Link</a></td></tr></table>`).join('\n')}
</body></html>`;

describe('annotated pictures', () => {
  it('keep every marker and label off the email (placement and pixels) on a busy template, in every view and variant', async () => {
    const renderer = shared.need();
    if (!renderer) return;
    const file = join(dir, 'busy.html');
    writeFileSync(file, BUSY);
    const doc = await loadFile(file);
    const { views } = await renderTemplate(doc, lintFor, { renderer, dark: true, imagesOff: true });
    expect(views.map((v) => v.id)).toEqual(['mobile', 'desktop', 'mobile.dark', 'desktop.dark', 'mobile.images-off', 'desktop.images-off']);
    const base = views[0];
    expect(base.layout.annotated!.labels.filter((l) => l.kind === 'finding').length).toBeGreaterThan(5);
    for (const v of views) checkClear(v, v.id);
  }, 120_000);

  it("carries each variant's own findings: dark the dark scheme's, images off what blocking images changes", async () => {
    const renderer = shared.need();
    if (!renderer) return;
    const file = join(dir, 'variants.html');
    const dark = '<style>@media (prefers-color-scheme: dark) { .t { color: #222222 !important; } .bg { background-color: #111111 !important; } }</style>';
    writeFileSync(
      file,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>V</title>${dark}</head>` +
        `<body style="margin:0"><div class="bg" style="background:#ffffff;padding:20px"><p class="t" style="color:#333333">Dark text that vanishes in dark mode</p>` +
        `<img src="https://example.com/x.png" width="100" height="40"></div></body></html>`,
    );
    const doc = await loadFile(file);
    const { views } = await renderTemplate(doc, lintFor, { renderer, views: ['mobile'], dark: true, imagesOff: true });
    const ids = (id: string) => views.find((v) => v.id === id)!.layout.findings.map((f) => f.ruleId);
    const light = views.find((v) => v.id === 'mobile')!.layout.findings;
    const night = views.find((v) => v.id === 'mobile.dark')!.layout.findings;
    expect(night.length).toBeGreaterThan(0);
    expect(night.every((f) => /dark scheme/.test(f.message))).toBe(true);
    expect(light.some((f) => /dark scheme/.test(f.message))).toBe(false);
    expect(ids('mobile.images-off')).toEqual(['img-alt']);
    expect(ids('mobile')).toContain('img-alt');
    expect(findingOfVariant({ condition: 'dark' }, { dark: true, images: 'placeholder' })).toBe(true);
    expect(findingOfVariant({ condition: 'dark' }, { dark: false, images: 'placeholder' })).toBe(false);
  }, 60_000);

  it('keep every marker and label off the email on busy corpus templates', async () => {
    if (!existsSync(corpusDir)) {
      if (process.env.CI) throw new Error(`corpus missing at ${corpusDir}`);
      console.warn(`SKIPPED: corpus not found at ${corpusDir}`);
      return;
    }
    const renderer = shared.need();
    if (!renderer) return;
    const files = [
      'sendwithus__templates/templates/airmail/confirm.html',
      'ColorlibHQ__email-templates/5/index.html',
      'ActiveCampaign__postmark-templates/templates/basic-full/receipt/content.html',
      'podkrepi-bg__api/apps/api/src/assets/templates/forgot-password.mjml',
    ].map((f) => join(corpusDir, f));
    for (const file of files.filter((f) => existsSync(f))) {
      const doc = await loadFile(file);
      const { views } = await renderTemplate(doc, lintFor, { renderer });
      for (const v of views) checkClear(v, `${file} ${v.id}`);
    }
  }, 240_000);
});
