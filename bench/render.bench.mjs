/**
 * Benchmark: `inboxlint render` per template against a bare Playwright baseline measured in the
 * same run on the same pages: one browser, one page per viewport reused (375×667 at 2× touch,
 * 600×800), JavaScript off, offline, `setContent` + a full-page PNG at each viewport.
 *
 *   npx tsc -p . && node bench/render.bench.mjs [--count 20] [--runs 1]
 *
 * A second baseline makes a fresh context per template, the isolation inboxlint keeps (a new
 * context costs a new renderer process), to tell that cost from the rest.
 * Two figures for inboxlint, each from renderTemplate() at the same two views:
 *   - `png`: the same picture only (full-page PNG): the cost of the render machinery (a fresh
 *     context per template, the data-il render copy, the template-folder route, measuring);
 *   - `all`: what `inboxlint render` makes: lint on the measured boxes, the full, fold and
 *     annotated PNGs and the layout per view.
 * The three are interleaved template by template so machine load hits them alike. Prints the
 * per-template medians and the ratios; `benchRender()` returns them for `npm run bench`.
 */
import { pathToFileURL } from 'node:url';
import { corpusHtml, runsFlag } from './corpus.mjs';
import { EmailDocument } from '../dist/src/model/document.js';
import { lintDocument } from '../dist/src/engine/linter.js';
import { allRules } from '../dist/rules/index.js';
import { Renderer, VIEWPORT_CONTEXT } from '../dist/src/render/renderer.js';
import { renderTemplate } from '../dist/src/render/render.js';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** Every n-th template so the sample spans the corpus. */
function sample(inputs, count) {
  const step = Math.max(1, Math.floor(inputs.length / count));
  return inputs.filter((_, i) => i % step === 0).slice(0, count);
}

/**
 * Runs the benchmark and returns the figures (ms per template, medians over templates and runs).
 * `inputs` defaults to a sample of the shared corpus.
 */
export async function benchRender({ count = 20, runs = 1, inputs } = {}) {
  const templates = inputs ?? sample(await corpusHtml('render'), count);
  const rules = Object.fromEntries(allRules.filter((r) => r.recommended).map((r) => [r.id, { severity: r.severity }]));
  const renderer = await Renderer.create({ timeout: 30_000 });
  const bare = [];
  for (const vp of ['mobile', 'desktop']) {
    const context = await renderer.browser.newContext({ ...VIEWPORT_CONTEXT[vp], javaScriptEnabled: false, offline: true });
    bare.push(await context.newPage());
  }
  const times = { bare: [], fresh: [], png: [], all: [] };
  let failed = 0;
  try {
    // Warm-up: one of each, untimed.
    const warm = templates[0];
    for (const p of bare) await p.setContent(warm.text, { waitUntil: 'load' }), await p.screenshot({ fullPage: true });
    await renderTemplate(new EmailDocument({ filePath: warm.file, text: warm.text }), [], { renderer, outputs: ['png'] });
    for (let run = 0; run < runs; run++) {
      for (const { file, text } of templates) {
        try {
          let t = performance.now();
          for (const p of bare) {
            await p.setContent(text, { waitUntil: 'load', timeout: 30_000 });
            await p.screenshot({ fullPage: true, type: 'png' });
          }
          const tBare = performance.now() - t;
          // The same with the isolation inboxlint keeps: a new context (and page) per template.
          t = performance.now();
          for (const vp of ['mobile', 'desktop']) {
            const context = await renderer.browser.newContext({ ...VIEWPORT_CONTEXT[vp], javaScriptEnabled: false, offline: true });
            const p = await context.newPage();
            await p.setContent(text, { waitUntil: 'load', timeout: 30_000 });
            await p.screenshot({ fullPage: true, type: 'png' });
            await context.close();
          }
          const tFresh = performance.now() - t;
          t = performance.now();
          await renderTemplate(new EmailDocument({ filePath: file, text }), [], { renderer, outputs: ['png'] });
          const tPng = performance.now() - t;
          t = performance.now();
          await renderTemplate(new EmailDocument({ filePath: file, text }), (d) => lintDocument(d, { rules }).messages, { renderer });
          const tAll = performance.now() - t;
          times.bare.push(tBare);
          times.fresh.push(tFresh);
          times.png.push(tPng);
          times.all.push(tAll);
        } catch (err) {
          failed++;
          console.error(`render bench: ${file}: ${err.message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    for (const p of bare) await p.context().close();
    await renderer.close();
  }
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const result = {
    templates: templates.length,
    runs,
    failed,
    bareMs: median(times.bare),
    freshMs: median(times.fresh),
    pngMs: median(times.png),
    allMs: median(times.all),
    // Ratios of the totals (a median of ratios would let one cheap page dominate).
    pngRatio: sum(times.png) / sum(times.bare),
    allRatio: sum(times.all) / sum(times.bare),
    pngRatioFresh: sum(times.png) / sum(times.fresh),
    allRatioFresh: sum(times.all) / sum(times.fresh),
  };
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--count');
  const r = await benchRender({ count: i > 0 ? Number(process.argv[i + 1]) : 20, runs: runsFlag(1) });
  const f = (n) => n.toFixed(0).padStart(6);
  console.log(`render bench: ${r.templates} corpus templates × ${r.runs} run(s), views mobile (375×667 @2×) + desktop (600×800)${r.failed ? `, ${r.failed} failed` : ''}`);
  console.log(`  bare Playwright setContent + full-page PNG   ${f(r.bareMs)} ms/template (median)`);
  console.log(`  bare, with a fresh context per template    ${f(r.freshMs)} ms/template (median)`);
  console.log(`  inboxlint render, full-page PNG only         ${f(r.pngMs)} ms/template   ${r.pngRatio.toFixed(2)}× bare (goal ≤ 1.3×), ${r.pngRatioFresh.toFixed(2)}× bare with fresh contexts`);
  console.log(`  inboxlint render, everything (lint, 3 PNGs,  ${f(r.allMs)} ms/template   ${r.allRatio.toFixed(2)}× bare, ${r.allRatioFresh.toFixed(2)}× bare with fresh contexts`);
  console.log('    layout) per view');
}
