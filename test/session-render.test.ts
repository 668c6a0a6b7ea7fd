/**
 * The session's browser: started on first use (not by a session that never renders), the same
 * Renderer for every call, measuring `render: true` lints, and closed once by close().
 */
import { describe, it, expect } from 'vitest';
import { createSession } from '../src/session.js';

const BUTTON = `<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Hi</title></head><body>
<table role="presentation" width="100%"><tr><td style="padding:20px"><a href="https://e.com/trial" style="background:#0a7;color:#fff;padding:14px 28px;display:inline-block;font-size:16px;text-decoration:none">Start my free trial</a></td></tr></table>
</body></html>`;

describe('session.renderer()', () => {
  it('one browser per session, started on first use and closed once', async () => {
    const s = await createSession({ render: true });
    const internals = s as unknown as { rendererP?: Promise<unknown> };
    expect(internals.rendererP).toBeUndefined(); // not started by createSession
    let r1;
    try {
      r1 = await s.renderer();
    } catch (err) {
      await s.close();
      if (process.env.CI) throw err;
      console.warn(`SKIPPED (no browser): ${(err as Error).message}`);
      return;
    }
    try {
      expect(await s.renderer()).toBe(r1);
      const a = await s.lintTextOutcome({ text: BUTTON, filePath: 'a.html' });
      const b = await s.lintTextOutcome({ text: BUTTON, filePath: 'b.html' });
      for (const o of [a, b]) expect(o.doc!.facts.measured!.viewports.mobile!.size).toBeGreaterThan(3);
      const [report] = await s.inspect({ text: BUTTON, filePath: 'c.html' });
      expect(report.ctas[0].position.mobile.measured).toBe(true);
      expect(await s.renderer()).toBe(r1); // still the same browser
    } finally {
      await s.close();
    }
    const browser = (r1 as unknown as { browser: { isConnected(): boolean } }).browser;
    expect(browser.isConnected()).toBe(false);
    await s.close(); // a second close is a no-op
  });
});
