import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../../src/model/document.js';
import { lintDocument } from '../../src/engine/linter.js';

const lint = (text: string) =>
  lintDocument(new EmailDocument({ filePath: 't.html', text }), { rules: { 'html-well-formed': { severity: 'error' } } }).messages.map((m) => [m.messageId, m.line]);

describe('html-well-formed', () => {
  it('accepts every spelling of the revealed conditional comment', () => {
    expect(lint('<!--[if !mso]><!-- --><a href="#">x</a>\n<!--<![endif]-->')).toEqual([]);
    expect(lint('<!--[if !mso]><!--><a href="#">x</a><!--<![endif]-->')).toEqual([]);
    expect(lint('<!--[if mso]>--><div>x</div><!--<![endif]-->')).toEqual([]);
  });

  it('reports a revealed conditional left open and a stray end', () => {
    expect(lint('<!--[if !mso]><!-->\n<div>x</div>')).toEqual([['unmatchedRevealed', 1]]);
    expect(lint('<div>x</div>\n<!--<![endif]-->')).toEqual([['strayEndif', 2]]);
  });

  it('knows which end tags are optional', () => {
    expect(lint('<table><tr><td>a<td>b<tr><td>c</table><ul><li>x<li>y</ul><p>one<p>two')).toEqual([]);
    expect(lint('<center>\n<table><tr><td><a href="https://x.test/">Buy</td></tr></table></center>')).toEqual([['unclosedElement', 2]]);
  });

  it('does not report tags split across Outlook conditional comments', () => {
    expect(lint('<!--[if mso]><table><tr><td><![endif]--><div>x</div><!--[if mso]></td></tr></table><![endif]-->')).toEqual([]);
  });
});
