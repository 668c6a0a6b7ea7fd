import { defineRule } from '../../src/rule.js';
import { documentStartRange } from '../../src/rule-utils.js';

/** The UTF-16 offset where the UTF-8 byte count first exceeds `bytes`. */
function offsetAtByte(text: string, bytes: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.codePointAt(i)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (n > bytes) return i;
    if (c >= 0x10000) i++;
  }
  return text.length;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export default defineRule({
  id: 'gmail-clip',
  description: 'Gmail clips HTML larger than about 102 KB behind a "[Message clipped]" link.',
  rationale:
    'Gmail hides everything after roughly 102 KB of HTML behind "[Message clipped] View entire message". What follows the cut — often the footer with the unsubscribe link, and the open-tracking pixel — is not shown, and the clipped view drops <style>. ' +
    'Gmail measures the raw source (quoted-printable escapes included), images do not count, and ESP link rewriting adds bytes after you export, so the rule warns from 90,000 bytes and errors at 102,000 (Google publishes no official number; 102,000 is the conservative reading of "102 KB"). ' +
    'The default severity is error so the hard limit fails a run; the 90 KB band is reported as a warning.',
  sources: [
    'email-bugs #41, "Gmail clips emails at 102 kB or with special characters" (measured on the raw source, quoted-printable escapes included): https://github.com/hteumeuleu/email-bugs/issues/41',
    'Ghost warns authors when a newsletter reaches 100 kB: https://github.com/TryGhost/Ghost/pull/25798',
    'Gmail, CSS support in email (what survives in Gmail): https://developers.google.com/gmail/design/css',
  ],
  guidance:
    'Cut the HTML weight: remove unused CSS and comments, inline less, drop duplicate MSO markup, shorten long tracking URLs, and split long newsletters. Re-measure after your ESP adds its tracking.',
  category: 'deliverability',
  severity: 'error',
  recommended: true,
  options: {
    warnBytes: { type: 'integer', default: 90000, minimum: 1, description: 'Size in UTF-8 bytes from which the rule warns.' },
    maxBytes: { type: 'integer', default: 102000, minimum: 1, description: 'Size in UTF-8 bytes from which Gmail clips (reported as an error).' },
  },
  messages: {
    clipped:
      'HTML is {{kb}} KB ({{bytes}} bytes), over Gmail\'s ~{{limitKb}} KB clip ({{limit}} bytes): everything after line {{cutLine}} is hidden behind "[Message clipped]", including the footer, unsubscribe link and open pixel. Cut {{over}} bytes or more.',
    nearClip:
      'HTML is {{kb}} KB ({{bytes}} bytes), close to Gmail\'s ~{{limitKb}} KB clip ({{limit}} bytes): ESP link tracking adds bytes and can push it over. Keep it under {{warnKb}} KB.',
  },
  examples: {
    valid: [{ title: 'A small email', code: '<html lang="en"><body><p>Hello</p></body></html>' }],
    invalid: [
      {
        title: 'Over the clip limit (limits lowered for the example)',
        code: '<html lang="en"><body><p>Our spring collection is here with linen shirts and light jackets for every occasion.</p></body></html>',
        options: { warnBytes: 50, maxBytes: 100 },
        messageId: 'clipped',
      },
      {
        title: 'Near the limit (limits lowered for the example)',
        code: '<html lang="en"><body><p>Our spring collection is here.</p></body></html>',
        options: { warnBytes: 50, maxBytes: 100 },
        messageId: 'nearClip',
      },
    ],
  },
  check({ doc, options, report }) {
    const bytes = doc.byteSize;
    const limit = options.maxBytes;
    const base = { kb: kb(bytes), bytes, limit, limitKb: kb(limit) };
    if (bytes >= limit) {
      const cut = offsetAtByte(doc.text, limit);
      report({
        messageId: 'clipped',
        data: { ...base, cutLine: doc.span({ start: cut, end: cut }).line, over: bytes - limit + 1 },
        range: documentStartRange(doc),
        severity: 'error',
      });
    } else if (bytes >= options.warnBytes) {
      report({ messageId: 'nearClip', data: { ...base, warnKb: kb(options.warnBytes) }, range: documentStartRange(doc), severity: 'warn' });
    }
  },
});
