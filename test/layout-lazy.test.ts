/**
 * The static layout runs only as far as the boxes asked for and resumes there: whatever order
 * the boxes are asked in, each is the box the complete layout gives (or its nearest placed
 * ancestor's), on generated emails (margins, hidden blocks, tables, inline-blocks, media queries).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EmailDocument } from '../src/model/document.js';
import { boxOf, estimateLayout } from '../src/model/layout.js';
import { emailHtml } from './arbitraries.js';

const doc = (text: string) => new EmailDocument({ filePath: 't.html', text });

describe('the lazy static layout', () => {
  it('gives every element, asked in any order, the box of the complete layout', () => {
    fc.assert(
      fc.property(emailHtml, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (html, seed) => {
        const whole = doc(html);
        const lazy = doc(html);
        const all = whole.elements;
        const els = lazy.elements;
        expect(els.length).toBe(all.length);
        for (const vp of ['mobile', 'desktop'] as const) {
          estimateLayout(whole, vp);
          // A fixed pseudo-random order of the elements, different per case.
          let s = seed || 1;
          const order = els.map((_, i) => i).sort(() => ((s = (s * 48271) % 2147483647) & 1 ? 1 : -1));
          for (const i of order) expect(boxOf(lazy, els[i]!, vp)).toEqual(boxOf(whole, all[i]!, vp));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stops at the asked box and places the rest later', () => {
    const html =
      '<!DOCTYPE html><html><body style="margin:0">' +
      '<p id="a" style="margin:10px 0;font-size:16px;line-height:20px">First</p>' +
      '<p id="b" style="margin:24px 0;font-size:16px;line-height:20px">Second</p>' +
      '<div id="c" style="display:none"><p id="d">Hidden</p></div>' +
      '<p id="e" style="margin:0;font-size:16px;line-height:20px">Third</p></body></html>';
    const d = doc(html);
    const by = (id: string) => d.elements.find((e) => e.attribs.id === id)!;
    // Collapsed margins: 10 above the first, max(10, 24) between, 24 before the third.
    expect(boxOf(d, by('b'), 'mobile').top).toBe(54);
    expect(boxOf(d, by('a'), 'mobile').top).toBe(10);
    expect(boxOf(d, by('e'), 'mobile').top).toBe(98);
    // Hidden: no box of its own, its nearest placed ancestor's (the body).
    expect(boxOf(d, by('d'), 'mobile')).toEqual(boxOf(d, d.body!, 'mobile'));
  });
});
