/**
 * The demo's render step: pictures of the demo email at the phone and desktop views, written to
 * a folder in the system's temporary directory (`inboxlint-demo`), with where they are. Without
 * a browser it says so and the demo goes on (the lint and track steps do not need one).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoStep } from './demo.js';
import { displayPath } from '../../config/load.js';
import { InboxlintError } from '../../errors.js';
import { Session } from '../../session.js';

/** Where `inboxlint demo` writes its pictures. */
export const demoOutDir = () => join(tmpdir(), 'inboxlint-demo');

export const renderStep: DemoStep = {
  title: 'Render it as readers see it (headless Chromium; the fold, numbered CTAs and findings drawn on)',
  async run(ctx) {
    const session = new Session({ cwd: process.cwd() });
    try {
      const { findBrowser, BUNDLED_PACKAGE } = await import('../../render/browser.js');
      const found = await findBrowser().catch(() => undefined);
      if (found?.bundled && !found.bundled.unpacked) {
        ctx.out(`  No system Chrome/Chromium here: unpacking the browser of the npm package ${BUNDLED_PACKAGE} ${found.bundled.version} (once, a few seconds)…\n`);
      }
      await session.renderer();
    } catch (err) {
      await session.close();
      if (!(err instanceof InboxlintError)) throw err;
      ctx.out(`  skipped: ${err.message}\n`);
      return;
    }
    const out = demoOutDir();
    try {
      const { runRenderFiles } = await import('./render.js');
      const lines: string[] = [];
      await runRenderFiles(ctx.files, { out, session, say: (s) => lines.push(s) });
      for (const l of lines) ctx.out(`  ${l}`);
      ctx.out(`  The pictures are in ${out}. Try: inboxlint render ${displayPath(ctx.files[0], process.cwd())} --out shots --dark --images off\n`);
    } finally {
      await session.close();
    }
  },
};
