import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';

async function ids(code: string) {
  const doc = await documentFromText('t.html', code);
  return lintDocument(doc, { rules: { 'link-href': { severity: 'error' } } }).messages.map((m) => m.messageId);
}

describe('link-href', () => {
  it('accepts merge tags, mailto/tel with merge tags and in-page anchors', async () => {
    expect(await ids('<a href="{{action_url}}">a</a><a href="*|UNSUB|*">b</a><a href="mailto:{{support_email}}">c</a><a href="tel:+15551234">d</a><a href="#top">e</a><a href="{{base_url}}/shop">f</a>')).toEqual([]);
  });

  it('reports a relative path even when a merge tag follows it', async () => {
    expect(await ids('<a href="/unsubscribe/{{id}}">Unsubscribe</a>')).toEqual(['relative']);
  });

  it('decodes entities and ignores case', async () => {
    expect(await ids('<a href="&#35;">a</a><a href="HTTPS://">b</a><a href="JavaScript:void(0)">c</a>')).toEqual(['hashOnly', 'schemeOnly', 'javascript']);
  });

  it('reports a VML button href and its <a> fallback each', async () => {
    const code =
      '<!--[if mso]><v:roundrect href="http://" style="width:200px"><center>Go</center></v:roundrect><![endif]-->' +
      '<a href="http://" style="mso-hide:all">Go</a>';
    expect(await ids(code)).toEqual(['schemeOnly', 'schemeOnly']);
  });

  it('only an absolute <base href> makes relative links resolvable (base target alone does not)', async () => {
    expect(await ids('<html><head><base target="_blank"></head><body><a href="path/">x</a></body></html>')).toEqual(['relative']);
    expect(await ids('<html><head><base target="_top" href="https://example.com/2/"></head><body><a href="./path/">x</a></body></html>')).toEqual([]);
  });

  it('flags loopback addresses but not hosts that merely start with "localhost"', async () => {
    expect(await ids('<a href="https://127.0.0.1:8080/x">a</a><a href="https://localhost.example.com/">b</a>')).toEqual(['localhost']);
  });
});
