import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseMjmlSource } from '../src/input/mjml-source.js';
import { alignTexts, mapOffset } from '../src/model/text-align.js';
import { loadFile } from '../src/input/index.js';
import { stats, setMjmlCacheDir, clearMemoryCache } from '../src/input/mjml-cache.js';

describe('MJML source parser', () => {
  it('elements with positions and attribute value ranges', () => {
    const text = '<mjml>\n  <mj-body>\n    <mj-button href="https://x.example/a" css-class="b">Go <b>now</b></mj-button>\n  </mj-body>\n</mjml>';
    const s = parseMjmlSource(text);
    expect(s.problems).toEqual([]);
    const btn = s.elements.find((e) => e.tag === 'mj-button')!;
    expect([btn.line, btn.column]).toEqual([3, 5]);
    const href = btn.attributes.find((a) => a.name === 'href')!;
    expect(text.slice(href.valueRange.start, href.valueRange.end)).toBe('https://x.example/a');
    expect(text.slice(btn.content.start, btn.content.end)).toBe('Go <b>now</b>');
    expect(btn.parent?.tag).toBe('mj-body');
  });

  it('finds the XML problems mjml accepts silently', () => {
    const kinds = (t: string) => parseMjmlSource(t).problems.map((p) => [p.kind, p.line]);
    expect(kinds('<mjml><mj-body>\n<mj-section>\n</mj-body></mjml>')).toEqual([['mismatched', 2]]);
    expect(kinds('<mjml><mj-body>\n</mj-section>\n</mj-body></mjml>')).toEqual([['stray-close', 2]]);
    expect(kinds('<mjml><mj-body>\n<mj-text>hi\n</mj-body></mjml>')).toEqual([['unclosed', 2]]);
    expect(kinds('<mjml>\n<mj-body a="1" a="2"></mj-body></mjml>')).toEqual([['duplicate-attribute', 2]]);
    expect(kinds('<mjml><mj-body></mj-body>\n<!-- open')).toEqual([['unterminated', 2], ['unclosed', 1]]);
    // Raw HTML inside ending tags is not MJML: unbalanced <p> there is fine.
    expect(kinds('<mjml><mj-body><mj-text><p>one<p>two</mj-text></mj-body></mjml>')).toEqual([]);
  });
});

describe('text alignment (HTML with and without markers)', () => {
  it('maps every kept character to the same character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<td', ' class="a"', 'x', ' ', '\n', '>', 'ilq1q ', ' class="ilq2q"'), { maxLength: 80 }), (parts) => {
        const a = parts.join('');
        const b = parts.filter((p) => !p.includes('ilq')).join('');
        const runs = alignTexts(a, b)!;
        expect(runs).not.toBeNull();
        for (const [x, y, len] of runs) expect(a.slice(x, x + len)).toBe(b.slice(y, y + len));
        expect(mapOffset(runs, a.length)).toBe(b.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe('MJML compile cache', () => {
  it('a second lint of unchanged MJML is served from the cache; editing an include invalidates it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-mjml-cache-'));
    setMjmlCacheDir(join(dir, 'cache'));
    try {
      writeFileSync(join(dir, 'part.mjml'), '<mj-section><mj-column><mj-text>One</mj-text></mj-column></mj-section>');
      writeFileSync(join(dir, 'main.mjml'), '<mjml><mj-body><mj-include path="./part.mjml" /></mj-body></mjml>');
      const m0 = stats.misses;
      const a = await loadFile(join(dir, 'main.mjml'));
      expect(stats.misses - m0).toBe(2); // real + marked compile
      const h0 = stats.hits;
      const b = await loadFile(join(dir, 'main.mjml'));
      expect(stats.hits - h0).toBe(2);
      expect(b.text).toBe(a.text);
      clearMemoryCache();
      const d0 = stats.diskHits;
      await loadFile(join(dir, 'main.mjml'));
      expect(stats.diskHits - d0).toBe(2);
      writeFileSync(join(dir, 'part.mjml'), '<mj-section><mj-column><mj-text>Two</mj-text></mj-column></mj-section>');
      const c = await loadFile(join(dir, 'main.mjml'));
      expect(c.text).toContain('Two');
      // Served from cache, the source map still works (the marker table is rebuilt).
      const at = c.text.indexOf('Two');
      expect(c.span({ start: at, end: at + 3 }).line).toBe(1);
    } finally {
      setMjmlCacheDir(undefined);
    }
  });
});
