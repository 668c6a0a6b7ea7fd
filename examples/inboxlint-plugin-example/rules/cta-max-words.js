/** A house style rule: a CTA label of at most `max` words. */
export default {
  id: 'cta-max-words',
  description: 'Keep call-to-action labels short: at most `max` words.',
  rationale: 'A short, specific label is read at a glance and fits a phone-width button on one line (a house convention; set `max` to yours).',
  sources: ['house style'],
  docsUrl: 'https://github.com/inboxlint/inboxlint/tree/main/examples/inboxlint-plugin-example#readme',
  guidance: 'Say the action and its object in a few words: "Download the guide", "Start my trial".',
  category: 'cta',
  severity: 'warn',
  recommended: false,
  options: {
    max: { type: 'integer', default: 5, minimum: 1, description: 'The most words a CTA label may have.' },
  },
  messages: {
    tooLong: 'The CTA label "{{label}}" has {{words}} words; keep it to {{max}} or fewer.',
  },
  examples: {
    valid: [{ title: 'Three words', code: '<a href="https://e.com/guide" style="background:#0a7;color:#fff;padding:12px 24px;display:inline-block">Download the guide</a>' }],
    invalid: [
      {
        title: 'Seven words',
        code: '<a href="https://e.com/guide" style="background:#0a7;color:#fff;padding:12px 24px;display:inline-block">Click here to download our brand new guide</a>',
        messageId: 'tooLong',
      },
    ],
  },
  check({ doc, options, report }) {
    for (const cta of doc.ctas) {
      const words = cta.label.split(/\s+/).filter(Boolean).length;
      if (words > options.max) {
        report({ messageId: 'tooLong', data: { label: cta.label, words, max: options.max }, range: cta.labelRange ?? cta.range });
      }
    }
  },
};
