// The plugin's rules, tested with inboxlint's RuleTester the way the built-in rules are tested.
import { describe, it } from 'vitest';
import { RuleTester } from 'inboxlint/testing';
import plugin from '../index.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester();

const button = (label) => `<a href="https://e.com/guide" style="background:#0a7;color:#fff;padding:12px 24px;display:inline-block">${label}</a>`;

// The documented examples first: every invalid one gives exactly one finding.
for (const [name, rule] of Object.entries(plugin.rules)) tester.run(`${name} (documented examples)`, rule, RuleTester.examples(rule));

tester.run('no-center', plugin.rules['no-center'], {
  valid: [
    '<p style="text-align:center">Hi</p>',
    '<!--[if mso]><v:roundrect href="https://e.com"><center style="color:#fff">Go</center></v:roundrect><![endif]-->',
  ],
  invalid: [
    { code: '<center>Hi</center>', errors: [{ messageId: 'center', line: 1, column: 1 }] },
    { code: '<div>\n  <center>a</center>\n  <center>b</center>\n</div>', errors: [{ messageId: 'center', line: 2 }, { messageId: 'center', line: 3 }] },
  ],
});

tester.run('cta-max-words', plugin.rules['cta-max-words'], {
  valid: [button('Start my free trial'), { code: button('Start my free trial today'), options: { max: 5 } }],
  invalid: [
    { code: button('Start my free trial today'), options: { max: 4 }, errors: [{ message: 'The CTA label "Start my free trial today" has 5 words; keep it to 4 or fewer.' }] },
    { code: button('Click here to download our brand new guide'), errors: [{ messageId: 'tooLong', message: /8 words/ }] },
  ],
});
