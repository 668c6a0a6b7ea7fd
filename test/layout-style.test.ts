/**
 * The static layout reads the style service's used values (font size, line height, box edges,
 * the one visibility answer): a box collapsed by `max-height:0` without `overflow:hidden` keeps
 * its content painted and placed, as Chromium does (checked against a real render).
 */
import { describe, it, expect } from 'vitest';
import type { Element } from 'domhandler';
import { EmailDocument } from '../src/model/document.js';
import { boxOf } from '../src/model/layout.js';
import { measureDocument } from '../src/render/measure.js';
import { sharedBrowser } from './shared-browser.js';

const { need } = sharedBrowser('the layout-vs-Chromium test');

const page = (body: string) =>
  '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
  `<body style="margin:0">${body}</body></html>`;

const collapsed = (overflow: string) =>
  page(
    '<p style="margin:0;font-size:16px;line-height:20px">Our new range is here.</p>' +
      `<div id="box" style="max-height:0;${overflow}">` +
      '<a id="a" href="https://example.com/shop" style="display:inline-block;width:48px;height:16px;background:#0a7;color:#fff;font-size:12px;line-height:16px">Shop</a>' +
      '</div><p id="after" style="margin:0;font-size:16px;line-height:20px">More below.</p>',
  );

const doc = (text: string) => new EmailDocument({ filePath: 't.html', text });
function byId(d: EmailDocument, id: string): Element {
  const el = d.renderedElements.find((e) => e.attribs.id === id);
  if (!el) throw new Error(`no #${id}`);
  return el;
}

describe('max-height:0 without overflow:hidden', () => {
  it('keeps the overflowing button its own 48×16 box, and the CTA its size', () => {
    const d = doc(collapsed(''));
    for (const vp of ['mobile', 'desktop'] as const) {
      const a = boxOf(d, byId(d, 'a'), vp);
      expect([a.width, a.height]).toEqual([48, 16]);
      expect(a.top).toBe(20);
      // The collapsed box takes no height: what follows starts right under the paragraph.
      expect(boxOf(d, byId(d, 'box'), vp).height).toBe(0);
      expect(boxOf(d, byId(d, 'after'), vp).top).toBe(20);
    }
    expect(d.styles.hidden(byId(d, 'a'), 'web')).toBe(false);
    const [cta] = d.ctas;
    expect(cta?.label).toBe('Shop');
    expect([cta.linkBoxes.mobile.width, cta.linkBoxes.mobile.height]).toEqual([48, 16]);
  });

  it('hides the content when overflow:hidden clips it: no CTA, no box of its own', () => {
    const d = doc(collapsed('overflow:hidden'));
    expect(d.styles.hidden(byId(d, 'a'), 'web')).toBe(true);
    expect(d.ctas).toEqual([]);
  });

  it('agrees with Chromium: the button is painted at its own size, the collapsed box is 0 high', async () => {
    const b = need();
    if (!b) return;
    const d = doc(collapsed(''));
    const g = await measureDocument(d, { browser: b });
    const est = doc(collapsed(''));
    for (const vp of ['mobile', 'desktop'] as const) {
      const m = g.viewports[vp]!;
      const a = m.get(byId(d, 'a').startIndex!)!;
      const estimate = boxOf(est, byId(est, 'a'), vp);
      expect(a).toBeDefined();
      expect(Math.round(a.width)).toBe(48);
      expect(Math.round(a.height)).toBe(16);
      expect(Math.abs(a.top - estimate.top)).toBeLessThanOrEqual(2);
      expect(Math.round(m.get(byId(d, 'box').startIndex!)!.height)).toBe(0);
    }
  }, 60_000);
});

describe('used values: box edges from CSS and the HTML attributes email uses', () => {
  it('reads cellpadding, the table and cell border attributes, width and body margins', () => {
    const d = doc(
      '<body topmargin="40" leftmargin="10"><table id="t" border="2" cellpadding="7" width="80%"><tr><td id="c" style="font-size:20px">x</td>' +
        '<td id="p" style="padding:1em 2px">y</td></tr></table></body>',
    );
    const u = (id: string) => d.styles.used(byId(d, id));
    expect(u('t').border).toEqual([2, 2, 2, 2]);
    expect(u('t').width).toEqual({ percent: 80 });
    expect(u('c').padding).toEqual([7, 7, 7, 7]);
    expect(u('c').border).toEqual([1, 1, 1, 1]);
    expect(u('c').lineHeightPx).toBeCloseTo(24);
    // Declared padding wins over cellpadding, in the cell's own font size.
    expect(u('p').padding).toEqual([16, 2, 16, 2]);
    expect(d.styles.used(d.body!).margin).toEqual([40, 0, 0, 10]);
    expect(boxOf(d, byId(d, 't'), 'desktop').top).toBe(40);
  });

  it('takes the font size of the `font` shorthand, as the cascade does', () => {
    const d = doc('<div id="f" style="font: bold 20px serif">Go</div>');
    const u = d.styles.used(byId(d, 'f'));
    expect([u.fontSize, u.bold, u.lineHeightPx]).toEqual([20, true, 24]);
  });
});
