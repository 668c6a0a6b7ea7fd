import { defineRule } from '../../src/rule.js';
import { truncate } from '../../src/rule-utils.js';
import { presendFacts, imagesOf, type LinkStatus } from '../../src/model/presend-facts.js';

const facts = (url: string, status: Partial<LinkStatus>) => ({ presend: { links: { [url]: { url, chain: [], ...status } } } });

function chainText(s: LinkStatus): string {
  if (!s.chain.length) return '';
  const hops = s.chain.map((h) => `${h.status ?? ''}→ ${truncate(h.url, 50)}${h.tracking ? ' (tracking redirect)' : ''}`);
  return ` (redirects: ${hops.join(', ')})`;
}

export default defineRule({
  id: 'link-live',
  description: 'Under --check-links: every link and image URL answers; a broken one (4xx/5xx, unknown host) is an error, one the site will not let a robot verify is a warning.',
  rationale:
    'A broken destination turns a won click into a lost conversion, and a missing image leaves a hole where the offer was. The check runs only when asked (`--check-links`), before a send: HEAD first, GET when HEAD is refused or answers an error (servers often answer HEAD with 403, 404 or 405), redirects followed (at most 5, each hop shown, click-tracking hops marked). ' +
    '401, 403, 429 and 999 (LinkedIn) and bot walls mean the site will not answer a robot, not that the page is gone, so they are "could not verify" (a warning) and never "broken". Private, loopback and link-local addresses are refused after DNS resolution and on every redirect (server-side request forgery), unless --allow-private.',
  sources: [
    'RFC 9110, HTTP Semantics §9.3.2 HEAD ("the server SHOULD send the same header fields … as for GET") and §15 status codes: https://www.rfc-editor.org/rfc/rfc9110',
    'linkinator #21 and broken-link-checker #114: servers that refuse HEAD, so a GET fallback: https://github.com/JustinBeckwith/linkinator/issues/21',
    'Mailpit advisory GHSA-6jxm-fv7w-rw5j (link check SSRF to internal addresses): https://github.com/axllent/mailpit/security/advisories/GHSA-6jxm-fv7w-rw5j',
    'LinkedIn answers automated requests with status 999: https://github.com/JustinBeckwith/linkinator/issues/80',
  ],
  guidance: 'Fix or replace the URL (a moved page, a typo, an expired campaign page); for a "could not verify" link, open it in a browser once before the send.',
  category: 'links',
  severity: 'error',
  recommended: true,
  options: {},
  messages: {
    broken: '{{what}} {{url}} is broken: {{reason}}{{chain}}.',
    unverified: '{{what}} {{url}} could not be verified: {{reason}}{{chain}}. Open it once in a browser before sending.',
  },
  examples: {
    valid: [
      { title: 'Without --check-links nothing is asked', code: '<a href="https://shop.example/gone">Shop the sale</a>' },
      { title: 'A link that answered 200 after a tracking redirect', code: '<a href="https://shop.example/sale">Shop the sale</a>', facts: facts('https://shop.example/sale', { verdict: 'ok', status: 200, reason: '200 OK', chain: [{ url: 'https://shop.example/sale/', status: 301 }] }) },
    ],
    invalid: [
      { title: 'A page that answers 404', code: '<a href="https://shop.example/gone">Shop the sale</a>', facts: facts('https://shop.example/gone', { verdict: 'broken', status: 404, reason: '404 Not Found' }), messageId: 'broken' },
      { title: 'A site that refuses robots (403)', code: '<a href="https://social.example/our-page">Follow us</a>', facts: facts('https://social.example/our-page', { verdict: 'unverified', status: 403, reason: '403 Forbidden (the site refuses automated checks)' }), messageId: 'unverified' },
    ],
  },
  check({ doc, report }) {
    const links = presendFacts(doc)?.links;
    if (!links) return;
    const say = (url: string, what: string, range: { start: number; end: number }) => {
      const s = links[url.trim()];
      if (!s || s.verdict === 'ok') return;
      const data = { what, url: truncate(url.trim(), 70), reason: s.reason, chain: chainText(s) };
      if (s.verdict === 'broken') report({ messageId: 'broken', data, range });
      else report({ messageId: 'unverified', data, range, severity: 'warn' });
    };
    for (const l of doc.links) say(l.href, l.isVml ? 'Outlook button link' : 'Link', l.valueRange);
    for (const img of imagesOf(doc)) say(img.attribs.src ?? '', 'Image', doc.startTagRange(img));
  },
});
