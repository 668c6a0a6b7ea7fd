/**
 * Text in the static layout (src/model/layout.ts): advance widths from the Helvetica / Arial /
 * Liberation Sans metrics (src/model/text-metrics.ts) and wrapping at word boundaries, checked
 * against the same markup in Chromium.
 */
import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../src/model/document.js';
import { estimateLayout } from '../src/model/layout.js';
import { textWidth } from '../src/model/text-metrics.js';
import { sharedRenderer } from './shared-browser.js';

const regular = { fontSize: 16, bold: false, upper: false };

describe('text metrics', () => {
  it('measures each glyph: narrow and wide letters, bold and upper case', () => {
    // H 722 + e 556 + l 222 + l 222 + o 556 = 2278 / 1000 em
    expect(textWidth('Hello', regular)).toBeCloseTo(36.448, 3);
    expect(textWidth('iiii', regular)).toBeLessThan(textWidth('mmmm', regular) / 3);
    expect(textWidth('Hello', { ...regular, bold: true })).toBeGreaterThan(textWidth('Hello', regular));
    expect(textWidth('hello', { ...regular, upper: true })).toBeCloseTo(textWidth('HELLO', regular), 6);
    // Outside the table: an average glyph.
    expect(textWidth('ж', regular)).toBeCloseTo(8.896, 3);
  });
});

// Three words of 80 px in a 150 px box: wrapping whole words makes three lines (flowing the
// characters on, ignoring word boundaries, made two).
const WORDS = `<!doctype html><html><head></head><body style="margin:0">
<div id="box" style="width:150px;font-family:Arial, 'Liberation Sans', sans-serif;font-size:16px;line-height:20px">mmmmmm mmmmmm mmmmmm</div>
<div id="after" style="height:10px"></div>
<div id="short" style="width:150px;font-family:Arial, 'Liberation Sans', sans-serif;font-size:16px;line-height:20px">iiiiiiiiii iiiiiiiiii iiiiiiiiii iiiiiiiiii</div>
<div id="end" style="height:10px"></div></body></html>`;

describe('wrapping in the static layout', () => {
  const shared = sharedRenderer('the text wrap test');

  it('breaks lines between words, and narrow letters fit more on a line, as Chromium does', async () => {
    const doc = new EmailDocument({ text: WORDS, filePath: 'wrap.html' });
    const el = (id: string) => doc.renderedElements.find((e) => e.attribs.id === id)!;
    const est = estimateLayout(doc, 'desktop');
    expect(est.get(el('after'))!.top).toBe(60);
    // 40 i's at 3.56 px and three spaces: 153 px, just over one 150 px line.
    expect(est.get(el('end'))!.top).toBe(70 + 40);
    const renderer = shared.need();
    if (!renderer) return;
    const g = await renderer.measure(doc, ['desktop']);
    const boxes = g.viewports.desktop!;
    expect(boxes.get(el('after').startIndex!)!.top).toBe(60);
    expect(boxes.get(el('end').startIndex!)!.top).toBe(110);
  }, 60_000);
});
