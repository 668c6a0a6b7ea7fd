import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EmailDocument } from '../src/model/document.js';
import { LineIndex } from '../src/model/location.js';
import { scanAttributes } from '../src/model/parse-html.js';

const doc = (text: string, extra: Partial<ConstructorParameters<typeof EmailDocument>[0]> = {}) =>
  new EmailDocument({ filePath: 't.html', text, ...extra });

describe('LineIndex', () => {
  it('counts LF, CRLF and CR line ends', () => {
    const li = new LineIndex('a\r\nb\nc\rd');
    expect(li.position(0)).toEqual({ line: 1, column: 1 });
    expect(li.position(3)).toEqual({ line: 2, column: 1 });
    expect(li.position(5)).toEqual({ line: 3, column: 1 });
    expect(li.position(7)).toEqual({ line: 4, column: 1 });
    expect(li.offset(4, 1)).toBe(7);
  });
});

describe('scanAttributes', () => {
  it('gives exact raw value ranges for every quoting style', () => {
    const t = `<a HREF='x "y"' data-x=unq title = "t&amp;" disabled>`;
    const attrs = scanAttributes(t, 0);
    expect(attrs.map((a) => [a.name, a.raw, a.quote])).toEqual([
      ['href', 'x "y"', "'"],
      ['data-x', 'unq', ''],
      ['title', 't&amp;', '"'],
      ['disabled', '', ''],
    ]);
    for (const a of attrs) expect(t.slice(a.valueRange.start, a.valueRange.end)).toBe(a.raw);
  });
});

describe('EmailDocument', () => {
  it('keeps the original text and derives lines across CRLF and a BOM', () => {
    const text = '\ufeff<html>\r\n<body>\r\n<a href="https://x.test/?a=1&amp;b=2">Go</a></body></html>';
    const d = doc(text);
    expect(d.text).toBe(text);
    const link = d.links[0];
    expect(link.raw).toBe('https://x.test/?a=1&amp;b=2');
    expect(link.href).toBe('https://x.test/?a=1&b=2');
    expect(text.slice(link.valueRange.start, link.valueRange.end)).toBe(link.raw);
    expect(d.span(link.valueRange).line).toBe(3);
  });

  it('parses the markup inside MSO conditional comments with offsets into the original', () => {
    const text = [
      '<body>',
      '<!--[if mso]><v:roundrect href="https://x.test/vml" style="height:40px"><w:anchorlock/><center>Buy</center></v:roundrect><![endif]-->',
      '<a href="https://x.test/html" style="mso-hide:all">Buy</a>',
      '<!--[if !mso]><!--><p>not outlook</p><!--<![endif]-->',
      '</body>',
    ].join('\n');
    const d = doc(text);
    expect(d.conditionals.map((c) => [c.kind, c.condition, c.forOutlook])).toEqual([
      ['hidden', 'mso', true],
      ['revealed', '!mso', false],
    ]);
    const vml = d.links.find((l) => l.isVml)!;
    expect(vml.tag).toBe('v:roundrect');
    expect(vml.inConditional).toBe(true);
    expect(text.slice(vml.valueRange.start, vml.valueRange.end)).toBe('https://x.test/vml');
    expect(d.links.map((l) => l.href)).toEqual(['https://x.test/vml', 'https://x.test/html']);
    const revealed = d.conditionals[1];
    expect(text.slice(revealed.contentRange.start, revealed.contentRange.end)).toBe('<p>not outlook</p>');
  });

  it('finds a hidden preheader at the top of the body (inline and class-based) and records how', () => {
    const inline = doc('<body><div style="display:none;max-height:0">Preview text here &zwnj;&nbsp;&zwnj;</div><p>Hello</p></body>');
    expect(inline.preheader).toMatchObject({ text: 'Preview text here', source: 'hidden-element', inferred: false });
    const cls = doc('<style>.preheader { display: none !important; }</style><body><span class="preheader">From a class</span><p>Hi</p></body>');
    expect(cls.preheader?.text).toBe('From a class');
    const none = doc('<body><p>Visible first</p><div style="display:none">late hidden</div></body>');
    expect(none.preheader).toBeNull();
    const given = doc('<body><p>x</p></body>', { preheader: 'Given', preheaderSource: 'config' });
    expect(given.preheader).toEqual({ text: 'Given', source: 'config', inferred: false });
  });

  it('infers the subject from <title> and marks it inferred; an explicit subject wins', () => {
    expect(doc('<title> Big  sale </title>').subject).toMatchObject({ text: 'Big sale', source: 'title', inferred: true });
    expect(doc('<title>x</title>', { subject: 'Real' }).subject).toEqual({ text: 'Real', source: 'option', inferred: false });
  });

  it('classifies link roles, schemes and merge-tag hrefs', () => {
    const d = doc(
      '<a href="{{action_url}}">Reset</a><a href="mailto:{{support_email}}">Mail</a>' +
        '<a href="*|UNSUB|*">Unsubscribe</a><a href="https://x.test/prefs">Manage preferences</a>' +
        '<a href="https://x.test/web">View this email in your browser</a><area href="#top"><a href="%%view_email_url%%">x</a>',
    );
    expect(d.links.map((l) => [l.scheme, l.isMergeTagOnly, l.role, l.isFragment])).toEqual([
      [null, true, null, false],
      ['mailto', false, null, false],
      [null, true, 'unsubscribe', false],
      ['https', false, 'preferences', false],
      ['https', false, 'view-online', false],
      ['', false, null, true],
      // SFMC's view-email tag is the web-version link (the template-language registry, merge-tags.ts)
      [null, true, 'view-online', false],
    ]);
  });

  it('never throws and keeps ranges inside the text for arbitrary input', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('<a href="', '">', "<a href='", '<!--[if mso]>', '<![endif]-->', '<!--[if !mso]><!-->', '<!--<![endif]-->', '<v:roundrect href=x>', '</a>', '<', '>', '&amp;', '{{x}}', '\r\n', '<body>', '<div style="display:none">'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const d = doc(text);
        for (const l of d.links) {
          expect(l.valueRange.start).toBeGreaterThanOrEqual(0);
          expect(l.valueRange.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(l.valueRange.start, l.valueRange.end)).toBe(l.raw);
        }
        void d.preheader;
        void d.subject;
        for (const el of d.elements) d.span(d.range(el));
      }),
      { numRuns: 300 },
    );
  });
});

describe('doc.$ (cheerio for custom rules)', () => {
  it('selects with CSS and returns nodes whose ranges point into the original text', () => {
    const text = '<p>x</p>\n<a class="btn" href="https://x.test/?a=1&amp;b=2">Go <b>now</b></a>';
    const d = new EmailDocument({ filePath: 't.html', text });
    const a = d.$('a.btn').get(0)!;
    expect(text.slice(d.range(a).start, d.range(a).end)).toBe('<a class="btn" href="https://x.test/?a=1&amp;b=2">Go <b>now</b></a>');
    expect(d.attr(a, 'href')?.raw).toBe('https://x.test/?a=1&amp;b=2');
    expect(d.$('a.btn').attr('href')).toBe('https://x.test/?a=1&b=2');
    expect(d.span(d.range(a)).line).toBe(2);
  });
});
