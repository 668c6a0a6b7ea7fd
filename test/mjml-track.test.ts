/**
 * track on .mjml rewrites the hrefs in the MJML SOURCE: one edit per href value, every other
 * byte as it was, idempotent; --compile writes the compiled HTML of the tracked source.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { track } from '../src/rewrite/track.js';
import { trackMjmlCompiled, mjmlSourceLinks } from '../src/rewrite/track-mjml.js';

const FIXTURE = new URL('../fixtures/mjml/components.mjml', import.meta.url).pathname;
const OPTS = { campaign: 'spring-sale', source: 'newsletter' };

/** Removes every href value of the given source, so the rest can be compared byte for byte. */
function withoutHrefs(text: string): string {
  const links = mjmlSourceLinks(text);
  let out = '';
  let pos = 0;
  for (const l of links) {
    out += text.slice(pos, l.attr.valueRange.start) + '§';
    pos = l.attr.valueRange.end;
  }
  return out + text.slice(pos);
}

describe('track .mjml', () => {
  it('rewrites the href of mj-button, mj-image, mj-navbar-link, mj-carousel-image and <a> in raw content', async () => {
    const src = readFileSync(FIXTURE, 'utf8');
    const r = await track(FIXTURE, OPTS);
    expect(r.encoding).toBe('utf8');
    expect(withoutHrefs(r.output)).toBe(withoutHrefs(src));
    const byTag = (tag: string) => r.manifest.filter((m) => m.tag === tag);
    for (const tag of ['mj-button', 'mj-image', 'mj-navbar-link', 'mj-carousel-image', 'a']) {
      expect(byTag(tag).some((m) => m.changed), tag).toBe(true);
    }
    expect(r.output).toContain('<mj-button href="https://example.com/sale?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring-sale&amp;utm_content=cta-');
    expect(r.output).toContain('<a href="https://example.com/story?utm_source=newsletter&amp;utm_medium=email');
    expect(r.output).toContain('<a href="https://example.com/raw?utm_source=newsletter');
    // Unsubscribe and share buttons are left alone.
    expect(r.output).toContain('<a href="https://example.com/unsubscribe">');
    expect(r.output).toContain('name="facebook" href="https://example.com/fb"');
    expect(byTag('mj-social-element').every((m) => !m.changed)).toBe(true);
  });

  it('manifest lines and columns point at the href values in the MJML source', async () => {
    const src = readFileSync(FIXTURE, 'utf8').split('\n');
    const r = await track(FIXTURE, OPTS);
    for (const m of r.manifest) expect(src[m.line - 1].slice(m.column - 1)).toMatch(new RegExp(`^${m.original.replace(/[.?*+^$()|[\]\\]/g, '\\$&')}`));
    // CTA labels come from the CTA model on the compiled HTML, joined back to the source.
    const sale = r.manifest.find((m) => m.original === 'https://example.com/sale')!;
    expect(sale.utmContent).toMatch(/^cta-\d+-shop-the-sale$/);
  });

  it('is idempotent', async () => {
    const once = await track(FIXTURE, OPTS);
    const twice = await track({ text: once.output, filePath: 'fixtures/mjml/again.mjml' }, OPTS);
    expect(twice.output).toBe(once.output);
    expect(twice.changed).toBe(false);
  });

  it('--compile writes the compiled HTML of the tracked source', async () => {
    const r = await trackMjmlCompiled(FIXTURE, undefined, OPTS);
    expect(r.output).toMatch(/^<!doctype html>/i);
    expect(r.output).toContain('href="https://example.com/sale?utm_source=newsletter&amp;utm_medium=email');
    expect(r.output).not.toMatch(/ilq\d+q/);
  });

  it('adds the open pixel inside mj-body', async () => {
    const r = await track(FIXTURE, { ...OPTS, openPixel: 'https://t.example.com/o.gif?id=1' });
    expect(r.output).toMatch(/<mj-raw><img src="https:\/\/t\.example\.com\/o\.gif\?id=1"[^]*<\/mj-raw>\n  <\/mj-body>/);
  });
});
