import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it }).run('unsubscribe-link', rule, {
  valid: [
    {
      code:
        '<body><table><tr><td style="font-size:0px;padding:10px 25px;"><div style="font-size:13px;color:#808080;">' +
        '<a href="https://example.com/u">Unsubscribe</a></div></td></tr></table></body>',
      name: 'a link inside an MJML font-size:0 wrapper whose content resets the size is visible',
    },
    // ESP unsubscribe merge tags in the href.
    ...['{{{unsubscribe}}}', '%unsubscribe_url%', '<%asm_group_unsubscribe_raw_url%>', '{{ unsubscribe_link }}'].map((href) => `<body><p>Hi</p><a href="${href}">Manage</a></body>`),
    { code: '<body><p>Receipt</p></body>', mailType: 'transactional', name: 'transactional mail is not checked' },
    { code: '<body><p>Hi</p><p>See you on Tuesday.</p></body>', name: 'a fragment nothing in the content types is not checked' },
  ],
  invalid: [
    { code: '<body><p>Hi</p><p>See you on Tuesday.</p></body>', mailType: 'marketing', name: 'the same fragment is checked when mailType says marketing', errors: [{ messageId: 'missing' }] },
    { code: '<body><p>Hi</p><div style="font-size:0"><a href="https://example.com/unsubscribe">Unsubscribe</a></div></body>', name: 'a link under font-size:0 with no reset is hidden', errors: [{ messageId: 'hidden' }] },
    {
      code: '<body><p>Spring sale: 20% off</p><!--[if mso]><a href="https://example.com/unsubscribe">Unsubscribe</a><![endif]--></body>',
      name: 'an unsubscribe link only Outlook sees does not count',
      errors: [{ messageId: 'missing' }],
    },
    {
      code: '<body><p>This week\'s newsletter</p><a href="https://example.com/preferences">Email preferences</a></body>',
      name: 'a preferences-only footer is a warning even when the rule is an error',
      errors: [{ messageId: 'preferencesOnly', severity: 1 }],
    },
  ],
});
