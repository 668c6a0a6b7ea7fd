/**
 * track on .eml: only the HTML part's body changes; decoding it gives the tracked HTML; the
 * part keeps its transfer encoding (QP lines ≤ 76, base64 wrapped at 76).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { track, trackDocument } from '../src/rewrite/track.js';
import { applyEdits } from '../src/engine/edits.js';
import { htmlPartOf } from '../src/input/eml.js';
import { documentFromText } from '../src/input/index.js';

const fx = (n: string) => new URL(`../fixtures/eml/${n}`, import.meta.url).pathname;
const OPTS = { campaign: 'spring-sale', source: 'newsletter' };

describe.each(['marketing-qp.eml', 'weekly-base64.eml', 'broken-charset.eml', 'html-only.eml'])('track %s', (name) => {
  it('changes only the HTML part body, which decodes to the tracked HTML', async () => {
    const before = readFileSync(fx(name));
    const raw = before.toString('latin1');
    const r = await track(fx(name), OPTS);
    expect(r.encoding).toBe('latin1');
    expect(r.changed).toBe(true);
    const out = Buffer.from(r.output, 'latin1').toString('latin1');
    const a = htmlPartOf(raw)!;
    const b = htmlPartOf(out)!;
    // Every byte before and after the HTML part's body is identical.
    expect(out.slice(0, b.part.bodyStart)).toBe(raw.slice(0, a.part.bodyStart));
    expect(out.slice(b.part.bodyEnd)).toBe(raw.slice(a.part.bodyEnd));
    // Decoding the new part gives exactly the HTML core's rewrite of the decoded HTML.
    const doc = await documentFromText('x.html', a.html, { kind: 'html' });
    const expected = applyEdits(a.html, trackDocument(doc, OPTS).edits);
    expect(b.html).toBe(expected);
    expect(b.html).toContain('utm_campaign=spring-sale');
    // The part keeps its transfer encoding and line lengths.
    expect(b.part.transferEncoding).toBe(a.part.transferEncoding);
    if (b.part.transferEncoding !== '8bit' && b.part.transferEncoding !== '7bit') {
      const body = out.slice(b.part.bodyStart, b.part.bodyEnd);
      expect(body.split(/\r?\n/).filter((l) => l.length > 76)).toEqual([]);
    }
  });

  it('is idempotent', async () => {
    const once = await track(fx(name), OPTS);
    const twice = await track({ text: once.output, filePath: `again-${name}` }, OPTS);
    expect(twice.output).toBe(once.output);
  });
});

describe('quoted-printable keeps untouched lines verbatim', () => {
  it('only the logical lines holding a changed href are re-encoded', async () => {
    const raw = readFileSync(fx('marketing-qp.eml')).toString('latin1');
    const r = await track(fx('marketing-qp.eml'), OPTS);
    const rawLines = new Set(raw.split('\r\n'));
    const changed = r.output.split('\r\n').filter((l) => !rawLines.has(l));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.join('\n')).toMatch(/utm_/);
    // Uses the message's own line ending.
    expect(r.output.replace(/\r\n/g, '')).not.toContain('\n');
    // The unsubscribe line (skipped) is kept byte for byte.
    expect(r.output).toContain('<p style=3D"font-size:13px;"><a href=3D"https://example.com/unsubscribe?u=\r\n=3D42">');
  });

  // Behaviour change (issue 12): manifest lines used to count in the decoded part (12, 13, 14);
  // they are now the lines of the .eml file where each href starts.
  it('manifest: tracked CTA, skipped unsubscribe; lines refer to the .eml file as written', async () => {
    const r = await track(fx('marketing-qp.eml'), OPTS);
    expect(r.manifest.map((m) => [m.line, m.skipReason ?? m.utmContent])).toEqual([
      [45, 'cta-1-shop-the-sale'],
      [48, 'link-2'],
      [51, 'unsubscribe'],
    ]);
    const file = readFileSync(fx('marketing-qp.eml'), 'latin1').split(/\r?\n/);
    expect(file[44]).toContain('href=3D"https://shop.example.com/sale');
    expect(file[50]).toContain('href=3D"https://example.com/unsubscribe');
    expect(r.warnings.join(' ')).not.toContain('decoded text/html part');
  });

  it('a message without an HTML part cannot be tracked (clear error)', async () => {
    await expect(track(fx('plain-only.eml'), OPTS)).rejects.toThrow(/no text\/html part/);
  });
});
