import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

// 39 letters/spaces + one family emoji (7 UTF-16 code units) = 40 graphemes: not short.
const forty = 'Spring is here, with something for you ' + '👨‍👩‍👧';

new RuleTester({ describe, it }).run('preheader-length', rule, {
  valid: [
    {
      code: '<body><div><table><tr><td style="direction:ltr;font-size:0px;padding:20px 0;"><div style="font-size:13px">Click me</div></td></tr></table></div></body>',
      name: 'an MJML font-size:0 column wrapper is no preheader',
    },
    { code: '<body><p>x</p></body>', preheader: forty, name: 'an emoji with modifiers counts as one character' },
  ],
  invalid: [
    { code: '<body><p>x</p></body>', preheader: forty, options: { min: 41 }, name: '40 graphemes are short of 41', errors: [{ messageId: 'tooShort', message: /^Preheader is 40 characters;/ }] },
    {
      code: '<body><div style="display:none;max-height:0;overflow:hidden">Big news inside&zwnj;&nbsp;&zwnj;&nbsp;&zwnj;&nbsp;</div><p>Hello</p></body>',
      name: 'says when a short preheader is padded with spacers',
      errors: [{ messageId: 'tooShort', message: /^Preheader is 15 characters; aim for 40–130: the spacer padding keeps body copy out of the preview/ }],
    },
  ],
});
