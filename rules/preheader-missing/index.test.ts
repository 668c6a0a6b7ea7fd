import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it }).run('preheader-missing', rule, {
  valid: [],
  invalid: [
    {
      code:
        '<body><div class="mj-menu-trigger" style="display:none;max-height:0px;font-size:0px;overflow:hidden;">' +
        '<label for="t" class="mj-menu-label"><span class="mj-menu-icon-open">&#9776;</span></label></div><p>Spring is here</p></body>',
      name: 'a hidden menu toggle (MJML mj-navbar) is no preheader',
      errors: [{ messageId: 'missing', message: /first body text instead \("Spring is here"\)/ }],
    },
    {
      code: '<body><table role="presentation"><tr><td style="font-size:0px"><img src="a.png" alt="previous"></td></tr></table><p>Hi</p></body>',
      name: 'a font-size:0 cell that holds images is no preheader',
      errors: [{ messageId: 'missing' }],
    },
    {
      code: '<body><div style="display:none"></div><p>View this email in your browser</p></body>',
      name: 'quotes the first visible body text, skipping hidden blocks',
      errors: [{ messageId: 'missing', message: /\("View this email in your browser"\)/ }],
    },
  ],
});
