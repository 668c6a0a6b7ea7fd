/**
 * What an annotated picture says, without a browser (src/render/legend.ts): markers stacked
 * down a margin never overlap each other or a blocked band, and stay as near their element as
 * the ones above allow; legend entries group one rule's findings and number the document-level
 * ones first; each variant's picture carries its own findings.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildLegend, findingOfVariant, stack, MARKER_HEIGHT, type PlacedFinding } from '../src/render/legend.js';

describe('stack', () => {
  it('places items without overlaps, clear of blocked bands, never above where they point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { maxLength: 60 }),
        fc.option(fc.double({ min: 0, max: 3000, noNaN: true }), { nil: undefined }),
        (wants, band) => {
          const blocked = band === undefined ? [] : [{ top: band, bottom: band + 16 }];
          const tops = stack(wants, MARKER_HEIGHT, blocked);
          const spans = tops.map((t) => [t, t + MARKER_HEIGHT] as const).sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
          for (const [a, b] of spans) for (const x of blocked) expect(b <= x.top || a >= x.bottom).toBe(true);
          tops.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(Math.max(0, wants[i] - MARKER_HEIGHT / 2) - 1e-9));
          // Alone and unblocked, an item is centred on what it points at.
          if (wants.length === 1 && !blocked.length) expect(tops[0]).toBeCloseTo(Math.max(0, wants[0] - MARKER_HEIGHT / 2));
        },
      ),
    );
  });
});

describe('buildLegend', () => {
  const box = (top: number) => ({ top, left: 0, width: 100, height: 20, measured: true });
  const f = (ruleId: string, top: number | null, severity: 'error' | 'warning' = 'warning', line = 1): PlacedFinding => ({ ruleId, severity, message: `${ruleId} message`, line, box: top === null ? null : box(top) });

  it('groups one rule and severity into one entry with its count and lines, document-level entries first', () => {
    const findings = [f('table-role-presentation', 300, 'warning', 40), f('link-href', 100, 'error', 12), f('table-role-presentation', 50, 'warning', 10), f('html-lang', null, 'warning', 2), f('table-role-presentation', 900, 'warning', 40)];
    const { entries, numbers } = buildLegend(findings);
    expect(entries.map((e) => [e.n, e.ruleId, e.count, e.document])).toEqual([
      [1, 'html-lang', 1, true],
      [2, 'table-role-presentation', 3, false],
      [3, 'link-href', 1, false],
    ]);
    expect(entries[1].lines).toEqual([10, 40]);
    expect(numbers).toEqual([2, 3, 2, 1, 2]);
  });
});

describe('findingOfVariant', () => {
  it('gives the dark picture the dark scheme\'s findings, images off what blocking images changes, the base picture the rest', () => {
    const light = { dark: false, images: 'placeholder' };
    const dark = { dark: true, images: 'placeholder' };
    const off = { dark: false, images: 'off' };
    const cases: Array<[{ ruleId: string; messageId?: string }, boolean, boolean, boolean]> = [
      [{ ruleId: 'color-contrast', messageId: 'lowDark' }, false, true, false],
      [{ ruleId: 'cta-contrast', messageId: 'labelDark' }, false, true, false],
      [{ ruleId: 'color-contrast', messageId: 'low' }, true, false, false],
      [{ ruleId: 'img-alt', messageId: 'missing' }, true, false, true],
      [{ ruleId: 'cta-image-only', messageId: 'unreadableImagesOff' }, true, false, true],
      [{ ruleId: 'link-href', messageId: 'placeholder' }, true, false, false],
    ];
    for (const [m, l, d, o] of cases) expect([findingOfVariant(m, light), findingOfVariant(m, dark), findingOfVariant(m, off)], `${m.ruleId}/${m.messageId}`).toEqual([l, d, o]);
  });
});
