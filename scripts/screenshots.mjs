#!/usr/bin/env node
/**
 * Regenerates the README's pictures from the current code: docs/preview.png (the preview page
 * on the demo email, with a finding selected) and docs/report.png (the top of a report over
 * three fixtures). Needs a build (`npm run build`) and a Chromium (see `inboxlint doctor`).
 *
 *   node scripts/screenshots.mjs
 */
import { fileURLToPath } from 'node:url';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => new URL(`../dist/src/${p}`, import.meta.url).href;
const { startPreview } = await import(dist('preview/server.js'));
const { buildReport } = await import(dist('report/report.js'));
const { launchBrowser } = await import(dist('render/browser.js'));

const browser = await launchBrowser({ viewer: true }); // it views the preview server and the report
try {
  // The preview of the demo, the first error selected.
  const server = await startPreview(join(root, 'fixtures/demo/newsletter.html'));
  try {
    const page = await browser.newPage({ viewport: { width: 1460, height: 860 } });
    await page.goto(server.url);
    await page.locator('.finding.error').first().click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(root, 'docs/preview.png') });
    await page.close();
  } finally {
    await server.close();
  }

  // The report over three fixtures, its top.
  const files = ['fixtures/demo/newsletter.html', 'fixtures/cta/trial-click-here.html', 'fixtures/mjml/components.mjml'].map((f) => join(root, f));
  const { html } = await buildReport(files, { cwd: root });
  const dir = await mkdtemp(join(tmpdir(), 'inboxlint-shots-'));
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, html);
    const page = await browser.newPage({ viewport: { width: 1180, height: 1250 } });
    await page.goto(`file://${file}`);
    await page.screenshot({ path: join(root, 'docs/report.png') });
    await page.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
} finally {
  await browser.close();
}
console.log('wrote docs/preview.png and docs/report.png');
