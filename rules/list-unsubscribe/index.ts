import { schemeOf } from '../../src/model/links.js';
import { mailTypeBasis } from '../../src/rule-utils.js';
import { defineRule } from '../../src/rule.js';
import type { Range } from '../../src/model/location.js';

const HTML = '<html lang="en"><head><meta charset="utf-8"><title>Sale</title></head><body><p>Hi! <a href="https://example.com/unsubscribe">Unsubscribe</a></p></body></html>';

/** A complete message for the examples (LF line ends; the parser accepts both). */
function message(headers: string[], opts: { text?: boolean; htmlCharset?: string; html?: string } = {}): string {
  const html = opts.html ?? HTML;
  const parts = [
    ...(opts.text === false ? [] : ['--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Hi! Unsubscribe: https://example.com/unsubscribe', '']),
    '--b1',
    `Content-Type: text/html; charset=${opts.htmlCharset ?? 'utf-8'}`,
    '',
    html,
    '--b1--',
    '',
  ];
  return [
    'From: Example Shop <news@example.com>',
    'To: reader@example.org',
    'Subject: Spring sale',
    'MIME-Version: 1.0',
    ...headers,
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    ...parts,
  ].join('\n');
}
const GOOD = ['List-Unsubscribe: <https://example.com/u/one-click?id=42>, <mailto:unsub@example.com>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'];

/** charset labels as browsers resolve them (iso-8859-1 and windows-1252 are one encoding). */
function canonical(cs: string): string {
  try {
    return new TextDecoder(cs).encoding;
  } catch {
    return cs.toLowerCase();
  }
}

export default defineRule({
  id: 'list-unsubscribe',
  description: 'Marketing mail needs one-click unsubscribe headers (RFC 8058), a text/plain part and one consistent charset.',
  rationale:
    'Since February 2024 Gmail requires bulk senders’ marketing messages to "support one-click unsubscribe": `List-Unsubscribe: <https://…>` plus `List-Unsubscribe-Post: List-Unsubscribe=One-Click`; ' +
    '"mailto and URL unsubscribe links don’t meet our one-click unsubscribe requirement" on their own. Yahoo asks for the same header (the POST method "highly recommended"). ' +
    'RFC 8058: the header "MUST contain one HTTPS URI" and List-Unsubscribe-Post "MUST contain the single key/value pair List-Unsubscribe=One-Click". ' +
    'A message without a text/plain alternative and a charset that differs between the MIME part and the HTML <meta> are classic deliverability and rendering faults ' +
    '(a charset mismatch garbles accented text and can trigger a false Gmail "[Message clipped]").',
  sources: [
    'RFC 8058, Signaling One-Click Functionality for List Email Headers (List-Unsubscribe-Post: List-Unsubscribe=One-Click, an HTTPS URI, DKIM covering both headers): https://www.rfc-editor.org/rfc/rfc8058',
    'RFC 2369, the List-Unsubscribe header field: https://www.rfc-editor.org/rfc/rfc2369',
    'Google email sender guidelines (bulk senders must support one-click unsubscribe): https://support.google.com/mail/answer/81126',
    'Google email sender guidelines FAQ: https://support.google.com/a/answer/14229414',
    'Yahoo sender best practices (one-click unsubscribe via List-Unsubscribe-Post): https://senders.yahooinc.com/best-practices/',
    'A declared charset that does not match the body gives a false "[Message clipped]" in Gmail: https://github.com/sendgrid/sendgrid-nodejs/issues/1231',
  ],
  guidance:
    'Send marketing mail with `List-Unsubscribe: <https://your.domain/unsub/TOKEN>, <mailto:…>` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, where the https URL unsubscribes on a POST without redirect and identifies the recipient by itself; ' +
    'sign both headers with DKIM. Add a text/plain alternative. Declare the same charset (UTF-8) in the part’s Content-Type and in the HTML <meta charset>.',
  category: 'deliverability',
  severity: 'warn',
  recommended: true,
  appliesTo: ['eml'],
  options: {
    requireTextPart: { type: 'boolean', default: true, description: 'Report a message without a text/plain alternative.' },
  },
  messages: {
    missing: 'No List-Unsubscribe header{{basis}}: Gmail and Yahoo require one-click unsubscribe for marketing mail. Add List-Unsubscribe: <https://…> and List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058).',
    noHttps: 'List-Unsubscribe has no https URI ({{value}}): a mailto: or http: address does not meet Gmail’s one-click requirement. Add an <https://…> URI (RFC 8058).',
    missingPost: 'List-Unsubscribe-Post is missing: without "List-Unsubscribe-Post: List-Unsubscribe=One-Click" mailbox providers cannot unsubscribe in one click (RFC 8058).',
    badPost: 'List-Unsubscribe-Post is "{{value}}": it must be exactly "List-Unsubscribe=One-Click" (RFC 8058).',
    noTextPart: 'The message has no text/plain part: add a plain-text alternative (multipart/alternative) for clients and filters that read text.',
    charsetMismatch: 'The HTML part is sent as charset {{part}} but its <meta> declares {{meta}}: clients pick one and garble the other’s characters. Use UTF-8 in both.',
  },
  examples: {
    valid: [
      { title: 'One-click headers, a text part, one charset', kind: 'eml', code: message(GOOD) },
      { title: 'Transactional mail is not checked for List-Unsubscribe', kind: 'eml', mailType: 'transactional', code: message([]) },
    ],
    invalid: [
      { title: 'No List-Unsubscribe header', kind: 'eml', code: message([]), messageId: 'missing' },
      { title: 'mailto: only', kind: 'eml', code: message(['List-Unsubscribe: <mailto:unsub@example.com>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click']), messageId: 'noHttps' },
      { title: 'No List-Unsubscribe-Post', kind: 'eml', code: message([GOOD[0]]), messageId: 'missingPost' },
      { title: 'No text/plain part', kind: 'eml', code: message(GOOD, { text: false }), messageId: 'noTextPart' },
      { title: 'Part charset and <meta> disagree', kind: 'eml', code: message(GOOD, { htmlCharset: 'iso-8859-1', html: HTML.replace('<p>Hi!', '<p>Hi!') }), messageId: 'charsetMismatch' },
    ],
  },
  check({ doc, options, report }) {
    const eml = doc.facts.eml;
    if (!eml) return;
    const top: Range = { start: 0, end: 0 };
    if (doc.mailType !== 'transactional') {
      const lu = eml.headers['list-unsubscribe'];
      if (!lu?.length) report({ messageId: 'missing', data: { basis: mailTypeBasis(doc.mailTypeInfo) }, range: top, header: 'list-unsubscribe' });
      else {
        const value = lu.join(', ');
        const uris = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1].trim());
        // An ESP tag (`<%unsubscribe_url%>`, `<*|UNSUB|*>`) is an address the ESP fills in: not known to lack https.
        if (!uris.some((u) => /^https:\/\//i.test(u) || schemeOf(u) === null)) report({ messageId: 'noHttps', data: { value: value.length > 120 ? `${value.slice(0, 117)}…` : value }, range: top, header: 'list-unsubscribe' });
        const post = eml.headers['list-unsubscribe-post'];
        if (!post?.length) report({ messageId: 'missingPost', range: top, header: 'list-unsubscribe' });
        else if (!post.some((p) => /^List-Unsubscribe=One-Click$/i.test(p.trim()))) report({ messageId: 'badPost', data: { value: post[0] }, range: top, header: 'list-unsubscribe-post' });
      }
    }
    if (options.requireTextPart && !eml.hasTextPart) report({ messageId: 'noTextPart', range: top, header: 'content-type' });
    if (eml.partCharset && eml.htmlCharset) {
      const a = canonical(eml.partCharset);
      const b = canonical(eml.htmlCharset);
      const asciiCompatible = eml.asciiOnly && (/^(us-)?ascii$/i.test(eml.partCharset) || /^(us-)?ascii$/i.test(eml.htmlCharset));
      if (a !== b && !asciiCompatible) {
        const meta = doc.elements.find((e) => e.name === 'meta' && /charset/i.test(`${e.attribs.charset ?? ''} ${e.attribs.content ?? ''}`) && (e.attribs.charset !== undefined || /charset/i.test(e.attribs.content ?? '')));
        report({ messageId: 'charsetMismatch', data: { part: eml.partCharset, meta: eml.htmlCharset }, range: meta ? doc.startTagRange(meta) : top });
      }
    }
  },
});
