import { mailTypeBasis, documentStartRange, truncate } from '../../src/rule-utils.js';
import { defineRule } from '../../src/rule.js';

export default defineRule({
  id: 'unsubscribe-link',
  description: 'Marketing email needs a visible unsubscribe link in the body.',
  rationale:
    'Google requires bulk senders\' marketing messages to "include a clearly visible unsubscribe link in the message body" (besides one-click List-Unsubscribe headers); Yahoo asks for "a clearly visible unsubscribe link in the email body", and Microsoft for functional unsubscribe links. ' +
    'CAN-SPAM requires a "clear and conspicuous explanation of how the recipient can opt out". A link hidden with CSS does not count, and a preferences page on its own does not meet Google\'s one-click rule (Yahoo accepts a link that leads to a preference page). ' +
    'Only marketing mail is checked; transactional mail is exempt. Without a mailType setting the type is inferred from the content in any of the lexicon\'s languages (receipts, resets, verification, alerts, account notices vs offers, discounts, newsletters, promotions; a link that confirms, verifies or resets; an unsubscribe link) and the finding says so. When nothing in the content says which, a whole mail is assumed to be marketing (the finding says so), but a fragment that a layout wraps at send time (no <html>) or a layout or set of partials that wraps every mail a framework sends ({{ content_for_layout }}, {{ define }}, <%= yield %>) is of unknown type and the rule says nothing: set mailType (or --mail-type) to "marketing" to have it checked.',
  sources: [
    'Google email sender guidelines (bulk senders: a clearly visible unsubscribe link in the message body): https://support.google.com/mail/answer/81126',
    'Google email sender guidelines FAQ: https://support.google.com/a/answer/14229414',
    'Yahoo sender best practices: https://senders.yahooinc.com/best-practices/',
    'FTC, CAN-SPAM Act compliance guide (a clear way to opt out of future email): https://www.ftc.gov/business-guidance/resources/can-spam-act-compliance-guide-business',
    '15 U.S.C. § 7704: https://www.law.cornell.edu/uscode/text/15/7704',
  ],
  guidance:
    'Add a visible "Unsubscribe" link in the footer using your ESP\'s unsubscribe tag (e.g. *|UNSUB|*, {{{unsubscribe}}}, %unsubscribe_url%). If this is a receipt, password reset or other transactional mail, set mailType to "transactional".',
  category: 'deliverability',
  severity: 'error',
  recommended: true,
  options: {},
  messages: {
    missing:
      'Marketing email has no unsubscribe link{{basis}}: Gmail and Yahoo require a clearly visible one for bulk mail and CAN-SPAM requires an opt-out. Add an "Unsubscribe" link in the footer (or set mailType to "transactional" if this is not marketing).',
    hidden:
      'The unsubscribe link ("{{text}}") is hidden: Gmail, Yahoo and CAN-SPAM require a clearly visible opt-out. Make it visible in the footer.',
    preferencesOnly:
      'Marketing email links only to a preferences page ("{{text}}"), not to an unsubscribe: Google says a preferences link alone does not meet its unsubscribe requirement. Add an "Unsubscribe" link.',
  },
  examples: {
    valid: [
      {
        title: 'A footer unsubscribe link (ESP merge tag)',
        code: '<body><p>Spring is here.</p><p><a href="*|UNSUB|*">Unsubscribe</a></p></body>',
      },
      { title: 'Transactional mail is not checked', code: '<body><p>Your password was changed.</p></body>', mailType: 'transactional' },
      { title: 'A fragment a layout wraps, of no known type: not checked unless mailType says marketing', code: '<p>Here is the document you asked for.</p><a href="https://example.com/d/8812">Open the document</a>' },
    ],
    invalid: [
      { title: 'No unsubscribe link', code: '<body><p>Spring sale: 20% off everything.</p><a href="https://example.com/shop">Shop now</a></body>', messageId: 'missing' },
      {
        title: 'Hidden unsubscribe link',
        code: '<body><p>Spring is here.</p><div style="display:none"><a href="https://example.com/unsubscribe?u=1">Unsubscribe</a></div></body>',
        messageId: 'hidden',
      },
      {
        title: 'Only a preferences centre',
        code: '<body><p>Our spring newsletter is here.</p><a href="https://example.com/preferences">Manage your email preferences</a></body>',
        messageId: 'preferencesOnly',
      },
    ],
  },
  check({ doc, report }) {
    if (doc.mailType !== 'marketing') return;
    // Links read only by Outlook (inside <!--[if mso]>) are not visible elsewhere; their twin <a> is what counts.
    const candidates = doc.links.filter((l) => !l.inConditional);
    const unsub = candidates.filter((l) => l.role === 'unsubscribe');
    if (unsub.some((l) => !doc.styles.concealed(l.element))) return;
    // Links the ESP writes in place of a tag or element (Campaign Monitor <unsubscribe>, Klaviyo {% unsubscribe %}).
    const esp = doc.espLinks.filter((l) => l.role === 'unsubscribe');
    if (esp.some((l) => !doc.styles.concealed(l.element))) return;
    const label = (text: string, href: string) => truncate(text || href, 50);
    if (!unsub.length && esp.length) {
      report({ messageId: 'hidden', data: { text: label(esp[0].text, '') }, range: esp[0].range });
      return;
    }
    if (unsub.length) {
      const l = unsub[0];
      report({ messageId: 'hidden', data: { text: label(l.text, l.href) }, range: doc.startTagRange(l.element) });
      return;
    }
    const prefs = candidates.find((l) => l.role === 'preferences' && !doc.styles.concealed(l.element));
    if (prefs) {
      report({ messageId: 'preferencesOnly', data: { text: label(prefs.text, prefs.href) }, range: doc.startTagRange(prefs.element), severity: 'warn' });
      return;
    }
    report({ messageId: 'missing', data: { basis: mailTypeBasis(doc.mailTypeInfo) }, range: doc.body ? doc.startTagRange(doc.body) : documentStartRange(doc) });
  },
});
