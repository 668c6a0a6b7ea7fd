import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it }).run('img-alt', rule, {
  valid: [{ code: '<a href="https://e.com" aria-label="Shop"><img src="a.png" alt=""></a>', name: 'an image-only link named by aria-label' }],
  invalid: [
    {
      code: '<img src="p.gif" width="1" height="1"><img src="hero.jpg" width="600">',
      name: 'offers alt="" only for spacers and pixels',
      errors: [
        { messageId: 'missing', suggestions: [{ output: '<img alt="" src="p.gif" width="1" height="1"><img src="hero.jpg" width="600">' }] },
        { messageId: 'missing', suggestions: [] },
      ],
    },
    { code: '<!--[if mso]><img src="bg.jpg" width="600"><![endif]-->', name: 'images inside Outlook conditional comments', errors: [{ messageId: 'missing' }] },
    { code: '<a href="https://e.com"><img src="a.png" alt=""><img src="b.png" alt=""></a>', name: 'a nameless image-only link, once', errors: [{ messageId: 'emptyAltInLink' }] },
  ],
});
