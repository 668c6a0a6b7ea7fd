import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { loadFile, documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { InputError } from '../src/errors.js';
import { parseMime, htmlPartOf, decodeQuotedPrintable } from '../src/input/eml.js';
import { encodeQuotedPrintable, encodeBase64 } from '../src/rewrite/track-eml.js';

const fx = (n: string) => new URL(`../fixtures/eml/${n}`, import.meta.url).pathname;
const lint = async (path: string, rules: Record<string, 'warn' | 'error'>, mailType?: 'marketing' | 'transactional') => {
  const doc = await loadFile(path, mailType ? { mailType } : {});
  return { doc, result: lintDocument(doc, { rules: Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, { severity: v }])) }) };
};

describe('.eml input', () => {
  it('quoted-printable HTML part: decoded HTML, RFC 2047 subject, headers for rules, the note', async () => {
    const doc = await loadFile(fx('marketing-qp.eml'));
    const eml = doc.facts.eml!;
    expect(doc.kind).toBe('eml');
    expect(doc.subject).toEqual({ text: 'Spring sale: 20% off everything — café', source: 'header', inferred: false, header: 'subject' });
    expect(doc.text).toContain('na\u00efve, \u00fcber, \u20ac');
    expect(doc.text).toContain('<a href="https://shop.example.com/sale?ref=newsletter&amp;x=1"');
    expect(doc.facts.note).toBe('lines refer to the .eml file; ranges to the decoded text/html part');
    expect(eml).toMatchObject({ hasTextPart: true, hasHtmlPart: true, partCharset: 'utf-8', htmlCharset: 'utf-8', transferEncoding: 'quoted-printable', lineEnding: '\r\n' });
    expect(eml.headers['list-unsubscribe-post']).toEqual(['List-Unsubscribe=One-Click']);
    expect(eml.headers['list-unsubscribe'][0]).toMatch(/^<https:\/\/example\.com\/unsubscribe\/one-click\?u=42>, <mailto:/);
    expect(doc.preheader?.text).toMatch(/^Our biggest sale/);
  });

  // Behaviour change (issue 12): lines used to count in the decoded HTML part, so SARIF and
  // GitHub annotations on an .eml in a repository landed on a header or a CSS line. They now
  // point at the .eml file as written, through the quoted-printable encoding.
  it('lines of findings refer to the .eml file as written, not to the decoded HTML part', async () => {
    const doc = await loadFile(fx('marketing-qp.eml'));
    const file = readFileSync(fx('marketing-qp.eml'), 'latin1').split(/\r?\n/);
    const link = doc.links.find((l) => l.href.startsWith('https://shop.example.com/sale'))!;
    const span = doc.span(link.valueRange);
    // The href value starts after `href=3D"` on the file's line, and ends two soft breaks later.
    expect(file[span.line - 1]).toContain('<p><a href=3D"https://shop.example.com/sale');
    expect(span.column).toBe(file[span.line - 1].indexOf('https://shop.example.com/sale') + 1);
    expect(file[span.endLine - 1]).toContain('ref=3Dnewsletter&amp;x=3D1"');
    // In the decoded part the link is on another line: the map really moved it.
    expect(doc.text.split(/\r?\n/)[span.line - 1] ?? '').not.toContain('https://shop.example.com/sale');
  });

  it('base64 HTML part inside multipart/mixed with an attachment', async () => {
    const doc = await loadFile(fx('weekly-base64.eml'));
    const eml = doc.facts.eml!;
    expect(eml.transferEncoding).toBe('base64');
    expect(doc.text).toContain('Shop the sale</a>');
    expect(doc.subject?.text).toBe('Your weekly picks');
    const { result } = await lint(fx('weekly-base64.eml'), { 'list-unsubscribe': 'warn' });
    expect(result.messages.map((m) => m.messageId)).toEqual(['noHttps', 'missingPost']);
  });

  it('a good marketing message passes list-unsubscribe', async () => {
    const { result } = await lint(fx('marketing-qp.eml'), { 'list-unsubscribe': 'warn' });
    expect(result.messages).toEqual([]);
  });

  it('multipart/alternative with a broken charset: part says iso-8859-1, <meta> says utf-8', async () => {
    const { doc, result } = await lint(fx('broken-charset.eml'), { 'list-unsubscribe': 'warn' });
    expect(result.messages).toHaveLength(1);
    // At the <meta> that disagrees, on its line of the .eml (line 1 of the decoded part before issue 12).
    expect(result.messages[0]).toMatchObject({ messageId: 'charsetMismatch', line: 20 });
    expect(result.messages[0].message).toContain('charset iso-8859-1 but its <meta> declares utf-8');
    // Decoded as the part says (what a client that trusts the header shows): mojibake.
    expect(doc.text).toContain('GrÃ¼Ã');
    expect(doc.subject?.text).toBe('Grüße aus München');
  });

  it('HTML-only message: no text/plain part is reported', async () => {
    // The fixture is a password reset: without a mail type it is (rightly) inferred transactional.
    const { result } = await lint(fx('html-only.eml'), { 'list-unsubscribe': 'warn' }, 'marketing');
    expect(result.messages.map((m) => m.messageId)).toEqual(['missing', 'noTextPart']);
  });

  it('a message with no HTML part → clear InputError', async () => {
    const err = await loadFile(fx('plain-only.eml')).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.describe()).toMatch(/plain-only\.eml: no text\/html part; inboxlint lints the HTML of a message/);
    const notMail = await documentFromText('x.eml', '<html><body>hi</body></html>').catch((e) => e);
    expect(notMail).toBeInstanceOf(InputError);
  });

  it('MIME walker: byte ranges of parts, boundaries excluded', () => {
    const raw = readFileSync(fx('weekly-base64.eml')).toString('latin1');
    const root = parseMime(raw);
    expect(root.type).toBe('multipart/mixed');
    expect(root.children.map((c) => c.type)).toEqual(['multipart/alternative', 'application/pdf']);
    const info = htmlPartOf(raw)!;
    const body = raw.slice(info.part.bodyStart, info.part.bodyEnd);
    expect(body).not.toContain('--alt-b');
    expect(body.split('\n').every((l) => l.length <= 76)).toBe(true);
  });
});

describe('transfer encodings (property tests)', () => {
  it('quoted-printable: encode → decode is the identity; lines ≤ 76', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('\r\n', '\n'), (bytes, eol) => {
        // Line breaks in the data are hard breaks written with `eol`: normalise them the same way.
        const norm = Buffer.from(Buffer.from(bytes).toString('latin1').replace(/\r?\n|\r/g, (m) => (m === '\r' ? '\r' : eol)), 'latin1');
        const clean = Buffer.from(norm.toString('latin1').replace(/\r(?!\n)/g, ''), 'latin1');
        const enc = encodeQuotedPrintable(clean, eol);
        expect(enc.split(eol).every((l) => l.length <= 76)).toBe(true);
        expect(/^[\t\x20-\x7e\r\n]*$/.test(enc)).toBe(true);
        expect(decodeQuotedPrintable(enc).equals(clean)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('base64: wrapped at 76, decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const enc = encodeBase64(bytes, '\r\n');
        expect(enc.split('\r\n').every((l) => l.length <= 76)).toBe(true);
        expect(Buffer.from(enc.replace(/\r\n/g, ''), 'base64').equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });
});
