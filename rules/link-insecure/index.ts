import { defineRule } from '../../src/rule.js';
import { truncate } from '../../src/rule-utils.js';

export default defineRule({
  id: 'link-insecure',
  description: 'Links should use https://, not http://.',
  rationale:
    'Browsers mark plain-http pages "Not secure" and some mail clients and security gateways warn before opening them. A click tracker wraps the URL in its own redirect, so an http:// destination is reached over an unencrypted hop even when the tracker itself is https, ' +
    'and the query string (tracking parameters, tokens) travels in clear. Mailbox providers require TLS for the mail itself and RFC 8058 requires an HTTPS URI for one-click unsubscribe. ' +
    'This rule is a project heuristic built on those requirements; no filter score for http links is documented.',
  sources: [
    'Google email sender guidelines (TLS for sending; HTTPS one-click unsubscribe): https://support.google.com/mail/answer/81126',
    'RFC 8058, Signaling One-Click Functionality for List Email Headers ("MUST contain one HTTPS URI"): https://www.rfc-editor.org/rfc/rfc8058',
    'Twilio SendGrid, click tracking settings (ESPs rewrite every link through their redirect): https://www.twilio.com/docs/sendgrid/api-reference/settings-tracking/update-click-tracking-settings',
  ],
  guidance: 'Change http:// to https:// after checking the site serves HTTPS; ask the owner of a third-party link for its https address.',
  category: 'links',
  severity: 'warn',
  recommended: true,
  options: {},
  messages: {
    insecure:
      'Link{{where}} uses http:// ("{{href}}"): browsers and mail clients flag insecure links and tracking redirects may downgrade the click to plain HTTP. Use https://.',
  },
  examples: {
    valid: [
      { title: 'HTTPS', code: '<a href="https://example.com/shop">Shop</a>' },
      { title: 'A merge tag at the start (the ESP decides)', code: '<a href="{{base_url}}/shop">Shop</a>' },
    ],
    invalid: [{ title: 'Plain HTTP', code: '<a href="http://example.com/shop">Shop</a>', messageId: 'insecure' }],
  },
  check({ doc, report }) {
    for (const link of doc.links) {
      if (link.scheme !== 'http') continue;
      // A bare "http://" is a placeholder (link-href reports it), not an insecure destination.
      if (/^https?:\/*$/i.test(link.href)) continue;
      const idx = link.raw.search(/http/i);
      const at = link.valueRange.start + idx;
      report({
        messageId: 'insecure',
        data: { where: link.isVml ? ` (Outlook VML <${link.tag}>)` : '', href: truncate(link.href, 60) },
        range: link.valueRange,
        suggestions: idx < 0 ? undefined : [{ desc: 'Use https:// (check that the site serves it)', fix: { range: { start: at, end: at + 4 }, text: 'https' } }],
      });
    }
  },
});
