/**
 * The desktop view is a 600 px pane in a wider window: phone breakpoints up to 1023 px do not
 * apply there, in the static cascade (src/style/views.ts MEDIA_SCREEN) and in the render
 * (src/render/pane-media.ts), so both answer alike.
 */
import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../src/model/document.js';
import { paneMediaEdits, mediaWindowOf } from '../src/render/pane-media.js';
import { renderCopy } from '../src/render/page.js';
import { MEDIA_SCREEN } from '../src/style/views.js';
import { sharedRenderer } from './shared-browser.js';

const TEMPLATE = `<!doctype html><html lang="en"><head><style>
  .col { display: inline-block; width: 280px; }
  @media only screen and (max-width: 650px) { .col { display: block !important; width: 100% !important; } }
  @media screen and (min-width: 700px) and (prefers-color-scheme: dark) { .col { color: #fff; } }
  @media (max-device-width: 480px), print { .wide { display: none; } }
</style></head><body style="margin:0"><div style="width:600px">
<div class="col" id="a">Left column copy</div><div class="col" id="b">Right column copy</div>
</div><p>@media (max-width: 650px) { written in the text, left alone }</p></body></html>`;

describe('pane media queries', () => {
  it('turns every width feature of a <style> @media prelude into the 1024 px window\'s answer, and nothing else', () => {
    const doc = new EmailDocument({ text: TEMPLATE, filePath: 'pane.html' });
    const copy = renderCopy(doc, { mediaWindow: mediaWindowOf('desktop') });
    expect(copy).toContain('@media only screen and (max-width: 0px) {');
    expect(copy).toContain('@media screen and (min-width: 0px) and (prefers-color-scheme: dark) {');
    expect(copy).toContain('@media (max-width: 0px), print {');
    expect(copy).toContain('<p data-il=');
    expect(copy).toContain('@media (max-width: 650px) { written in the text, left alone }');
    expect(paneMediaEdits(doc, MEDIA_SCREEN.desktop)).toHaveLength(3);
    // The phone's window is its page: no rewrite.
    expect(mediaWindowOf('mobile')).toBeUndefined();
    expect(renderCopy(doc, { mediaWindow: mediaWindowOf('mobile') })).toBe(renderCopy(doc));
  });

  const shared = sharedRenderer('the pane media test');

  it('keeps columns side by side in the desktop render although the 600 px pane is narrower than the 650 px breakpoint', async () => {
    const renderer = shared.need();
    if (!renderer) return;
    const doc = new EmailDocument({ text: TEMPLATE, filePath: 'pane.html' });
    const g = await renderer.measure(doc);
    const box = (vp: 'mobile' | 'desktop', id: string) => g.viewports[vp]!.get(doc.renderedElements.find((e) => e.attribs.id === id)!.startIndex!)!;
    expect(box('desktop', 'b').top).toBe(box('desktop', 'a').top);
    expect(box('desktop', 'b').left).toBeGreaterThan(box('desktop', 'a').left + 200);
    // On the phone the breakpoint applies: the columns stack.
    expect(box('mobile', 'b').top).toBeGreaterThan(box('mobile', 'a').top);
    // The static cascade answers the same for the pane.
    expect(doc.styles.cascaded(doc.renderedElements.find((e) => e.attribs.id === 'a')!, { viewport: 'desktop' }).get('display')).toBe('inline-block');
  }, 60_000);
});
