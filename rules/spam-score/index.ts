import { defineRule } from '../../src/rule.js';
import { documentStartRange } from '../../src/rule-utils.js';
import { presendFacts, DEFAULT_SPAM_THRESHOLD, type SpamResult } from '../../src/model/presend-facts.js';

const facts = (score: number, hits: SpamResult['hits']) => ({ presend: { spam: { score, required: 5, hits, engine: 'spamassassin', version: '4.0.1' } } });
const HTML = '<html lang="en"><body><p>Our spring collection is here.</p></body></html>';
const fmt = (n: number) => (n > 0 ? `+${n}` : String(n));

export default defineRule({
  id: 'spam-score',
  description: 'Under --spam: the message\'s local SpamAssassin score stays below the threshold (5.0); each rule that adds points is listed.',
  rationale:
    'SpamAssassin is the filter whose rules and scores are public, and many receiving systems run it or rules derived from it: a message at or above its `required_score` (5.0 by default) is marked as spam. ' +
    'inboxlint runs it locally and offline (`-L`: no DNS blocklists or network checksums; no Bayes learning), on the .eml as it is or on a message built around an HTML file (a text/plain part from the HTML, headers from the config\'s `presend` section), so content never leaves the machine. ' +
    'The total at or above the threshold is an error; each rule that adds points is a warning with its score and description, so the cause can be fixed before the total tips over. Network tests are off, so the real score may be higher.',
  sources: [
    'SpamAssassin, Mail::SpamAssassin::Conf required_score (default 5): https://spamassassin.apache.org/full/4.0.x/doc/Mail_SpamAssassin_Conf.html',
    'spamassassin(1) -L, --local (local tests only, no online tests) and -t, --test-mode: https://spamassassin.apache.org/full/4.0.x/doc/spamassassin-run.html',
    'Mailpit #233 and #381: local, private spam scores asked by users: https://github.com/axllent/mailpit/issues/233',
  ],
  guidance: 'Fix what each listed rule names (image-only mail, ALL CAPS, misleading links, missing text part…), then run `inboxlint spam` again.',
  category: 'deliverability',
  severity: 'error',
  recommended: true,
  options: {
    threshold: { type: 'number', default: DEFAULT_SPAM_THRESHOLD, description: 'Score from which the message counts as spam (SpamAssassin\'s required_score).' },
  },
  messages: {
    total: 'SpamAssassin scores this message {{score}} (threshold {{threshold}}): it is likely to be filtered as spam. Top rules: {{top}}.',
    hit: 'SpamAssassin {{rule}} ({{points}}): {{description}}.',
  },
  examples: {
    valid: [
      { title: 'Without --spam nothing is run', code: HTML },
      { title: 'A low score with only informational rules', code: HTML, facts: facts(0, [{ rule: 'NO_RELAYS', score: 0, description: 'Informational: message was not relayed via SMTP' }]) },
    ],
    invalid: [
      {
        title: 'Over the threshold',
        code: HTML,
        facts: facts(5.4, []),
        messageId: 'total',
      },
      { title: 'One rule adds points', code: HTML, facts: facts(1.1, [{ rule: 'MIME_HTML_ONLY', score: 1.1, description: 'BODY: Message only has text/html MIME parts' }]), messageId: 'hit' },
    ],
  },
  check({ doc, options, report }) {
    const spam = presendFacts(doc)?.spam;
    if (!spam) return;
    const range = documentStartRange(doc);
    const adding = spam.hits.filter((h) => h.score > 0).sort((a, b) => b.score - a.score);
    if (spam.score >= options.threshold) {
      const top = adding.slice(0, 3).map((h) => `${h.rule} ${fmt(h.score)}`).join(', ') || 'none adding points';
      report({ messageId: 'total', data: { score: spam.score.toFixed(1), threshold: options.threshold.toFixed(1), top }, range });
    }
    for (const h of adding) report({ messageId: 'hit', data: { rule: h.rule, points: fmt(h.score), description: h.description }, range, severity: 'warn' });
  },
});
