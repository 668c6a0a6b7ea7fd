import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

// A 48×16 button inside `max-height:0` without `overflow:hidden`: Chromium still paints it (the
// content overflows the collapsed box visibly), so it is a CTA with its own small box.
const collapsed = (overflow: string) =>
  '<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width"></head><body style="margin:0">' +
  '<p style="margin:0;font-size:16px;line-height:20px">Our new range is here.</p>' +
  `<div style="max-height:0;${overflow}">` +
  '<a href="https://example.com/shop" style="display:inline-block;width:48px;height:16px;background:#0a7;color:#fff;font-size:12px;line-height:16px">Shop</a>' +
  '</div></body></html>';

new RuleTester({ describe, it }).run('cta-touch-target', rule, {
  valid: [
    // Clipped away by overflow:hidden: hidden from web readers, no CTA.
    { name: 'a button clipped by max-height:0 and overflow:hidden', code: collapsed('overflow:hidden') },
  ],
  invalid: [
    { name: 'a 48×16 button that overflows a max-height:0 box', code: collapsed(''), errors: [{ messageId: 'tooSmall', message: /48×16 px tap target/ }] },
  ],
});
