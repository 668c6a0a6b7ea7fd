import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it }).run('link-href', rule, {
  valid: [
    {
      code: '<a href="{{action_url}}">a</a><a href="*|UNSUB|*">b</a><a href="mailto:{{support_email}}">c</a><a href="tel:+15551234">d</a><a href="#top">e</a><a href="{{base_url}}/shop">f</a>',
      name: 'merge tags, mailto/tel with merge tags and in-page anchors',
    },
    { code: '<html><head><base target="_top" href="https://example.com/2/"></head><body><a href="./path/">x</a></body></html>', name: 'an absolute <base href> resolves relative links' },
  ],
  invalid: [
    { code: '<a href="/unsubscribe/{{id}}">Unsubscribe</a>', name: 'a relative path even when a merge tag follows it', errors: [{ messageId: 'relative' }] },
    {
      code: '<a href="&#35;">a</a><a href="HTTPS://">b</a><a href="JavaScript:void(0)">c</a>',
      name: 'decodes entities and ignores case',
      errors: [{ messageId: 'hashOnly' }, { messageId: 'schemeOnly' }, { messageId: 'javascript' }],
    },
    {
      code: '<!--[if mso]><v:roundrect href="http://" style="width:200px"><center>Go</center></v:roundrect><![endif]--><a href="http://" style="mso-hide:all">Go</a>',
      name: 'a VML button href and its <a> fallback each',
      errors: [{ messageId: 'schemeOnly' }, { messageId: 'schemeOnly' }],
    },
    { code: '<html><head><base target="_blank"></head><body><a href="path/">x</a></body></html>', name: '<base target> alone does not resolve relative links', errors: [{ messageId: 'relative' }] },
    { code: '<a href="https://127.0.0.1:8080/x">a</a><a href="https://localhost.example.com/">b</a>', name: 'loopback addresses, not hosts that merely start with "localhost"', errors: [{ messageId: 'localhost', column: 10 }] },
  ],
});
