import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it }).run('html-well-formed', rule, {
  valid: [
    // Every spelling of the revealed conditional comment.
    '<!--[if !mso]><!-- --><a href="#">x</a>\n<!--<![endif]-->',
    '<!--[if !mso]><!--><a href="#">x</a><!--<![endif]-->',
    '<!--[if mso]>--><div>x</div><!--<![endif]-->',
    // Optional end tags.
    '<table><tr><td>a<td>b<tr><td>c</table><ul><li>x<li>y</ul><p>one<p>two',
    // Tags split across Outlook conditional comments.
    '<!--[if mso]><table><tr><td><![endif]--><div>x</div><!--[if mso]></td></tr></table><![endif]-->',
  ],
  invalid: [
    { code: '<!--[if !mso]><!-->\n<div>x</div>', name: 'a revealed conditional left open', errors: [{ messageId: 'unmatchedRevealed', line: 1 }] },
    { code: '<div>x</div>\n<!--<![endif]-->', name: 'a stray end', errors: [{ messageId: 'strayEndif', line: 2 }] },
    { code: '<center>\n<table><tr><td><a href="https://x.test/">Buy</td></tr></table></center>', name: 'an end tag that is not optional', errors: [{ messageId: 'unclosedElement', line: 2 }] },
  ],
});
