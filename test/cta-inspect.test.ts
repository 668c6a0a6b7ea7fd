/** `inspect`: the node API's JSON shape (a public contract) and the CLI command. */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { inspect } from '../src/api.js';
import { inspectDocument } from '../src/inspect.js';
import { trackDocument } from '../src/rewrite/html.js';
import { EmailDocument } from '../src/model/document.js';
import { displayWidth } from '../src/formatters/wrap.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const fixture = (n: string) => fileURLToPath(new URL(`../fixtures/${n}.html`, import.meta.url));

describe('inspect()', () => {
  it('returns the documented shape', async () => {
    const [r] = await inspect(fixture('cta-labeled/vml-beside-mismatch'));
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['filePath', 'subject', 'preheader', 'ctas', 'links']));
    expect(r.subject).toMatchObject({ text: 'Newsletter', source: 'title' });
    expect(r.preheader).toMatchObject({ text: null, source: null });
    expect(r.ctas).toHaveLength(1);
    const c = r.ctas[0];
    expect(c).toMatchObject({ label: 'Come back for 20% off', href: 'https://example.com/winback', kind: 'vml-button', primary: true, type: 'other' });
    expect(typeof c.line).toBe('number');
    expect(typeof c.column).toBe('number');
    expect(c.position.mobile).toMatchObject({ measured: false });
    expect(typeof c.position.desktop.top).toBe('number');
    const unsub = r.links.find((l) => l.href.includes('unsubscribe'))!;
    expect(unsub).toMatchObject({ isCta: false, type: 'unsubscribe', trackable: false, skipReason: 'unsubscribe' });
    const ctaLinks = r.links.filter((l) => l.isCta);
    expect(ctaLinks.map((l) => l.tag).sort()).toEqual(['a', 'v:roundrect']);
    for (const l of r.links) expect(Object.keys(l)).toEqual(expect.arrayContaining(['href', 'text', 'line', 'column', 'isCta', 'type', 'trackable', 'skipReason']));
  });

  it('accepts text input and reports merge-tag hrefs as not trackable', async () => {
    const [r] = await inspect({ text: '<a href="{{action_url}}" style="background:#333;color:#fff;padding:12px 20px;display:inline-block">Reset your password</a>' });
    expect(r.ctas[0]).toMatchObject({ href: '{{action_url}}', type: 'account', primary: true });
    expect(r.links[0]).toMatchObject({ isCta: true, trackable: false, skipReason: 'merge-tag' });
  });
});

describe("inspect and track read the model's one verdict per link", () => {
  it("every link of the labeled set: inspect's CTA or reason is doc.ctaVerdict's, and track names the same CTAs", () => {
    const dir = fileURLToPath(new URL('../fixtures/cta-labeled/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
    expect(files.length).toBeGreaterThan(40);
    let reasons = 0;
    for (const f of files) {
      const text = readFileSync(`${dir}${f}`, 'utf8');
      const doc = new EmailDocument({ filePath: f, text });
      const r = inspectDocument(doc);
      const manifest = trackDocument(new EmailDocument({ filePath: f, text }), { campaign: 'c' }).manifest;
      doc.links.forEach((link, i) => {
        const v = doc.ctaVerdict(link);
        expect(r.links[i]).toMatchObject({ isCta: !!v.cta, ctaIndex: v.cta ? v.cta.index : null, whyNotCta: v.why ?? null, notCta: v.reason ?? null });
        if (!v.cta) reasons++;
        // A VML twin is tracked as its <a>: it carries that link's CTA.
        if (!link.isVml) expect(manifest[i].ctaIndex, `${f} link ${i}`).toBe(v.cta ? v.cta.index : null);
      });
    }
    expect(reasons).toBeGreaterThan(20);
  });
});

describe('inboxlint inspect (CLI)', () => {
  const run = (args: string[], columns = 120) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: String(columns) } });

  it('--json prints the contract shape', () => {
    const r = run(['inspect', fixture('cta-labeled/hero-below-fold'), '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(out[0].ctas[0]).toMatchObject({ label: 'Shop the collection', kind: 'button', primary: true });
    expect(out[0].ctas[0].position.mobile.top).toBeGreaterThan(500);
  });

  it('prints readable tables', () => {
    const r = run(['inspect', fixture('cta-labeled/td-merge-tag-href')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Subject:\s+"Password reset"/);
    expect(r.stdout).toMatch(/Calls to action \(1; positions estimated/);
    expect(r.stdout).toMatch(/★\s+"Reset your password"\s+button\s+account\s+\{\{action_url\}\}/);
    expect(r.stdout).toMatch(/Links \(1\)/);
  });

  it('fits its tables in COLUMNS, cutting long labels and URLs with …', () => {
    for (const columns of [60, 80]) {
      const r = run(['inspect', fixture('cta-labeled/td-merge-tag-href'), fixture('cta/trial-click-here')], columns);
      expect(r.status).toBe(0);
      for (const line of r.stdout.split('\n').filter((l) => l.startsWith('  '))) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      expect(r.stdout).toMatch(/…/);
    }
  });

  it('a missing file exits 2 with a message, no stack trace', () => {
    const r = run(['inspect', 'does-not-exist.html']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does-not-exist\.html: no such file/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
