import { defineRule } from '../../src/rule.js';
import { isButtonStyle } from '../../src/model/cta/index.js';
import { ctaName, ctaReportRange } from '../../src/rule-utils.js';
import { destinationKey } from '../../src/model/links.js';

const btn = (label: string, href: string) =>
  `<tr><td bgcolor="#0a7" style="padding:12px 20px"><a href="${href}" style="color:#fff">${label}</a></td></tr>`;

export default defineRule({
  id: 'cta-competing',
  description: 'More than two button-style calls to action going to different places compete for the reader\'s one click.',
  rationale:
    'An email works best with one key action: every extra button to another destination splits attention and makes the reader choose instead of act. Buttons that repeat the same destination (a hero button and a closing one) reinforce each other and are not counted twice. ' +
    'Secondary actions still have a place, as text links. The threshold is soft (practitioner guidance, not a standard), so the rule is a warning with a `max` option.',
  sources: [
    'Pure360, "The fold: two emails in one" ("If the goal is to do one thing, the content above the fold should hold at least one call to action"): https://www.pure360.com/blog/fold-two-emails-one/',
    'Nielsen Norman Group, "Scrolling and Attention" (attention concentrates on the first screen): https://www.nngroup.com/articles/scrolling-and-attention/',
  ],
  guidance: 'Keep one primary button (repeat it if the email is long) and turn the other actions into text links or a secondary section.',
  category: 'cta',
  severity: 'warn',
  recommended: true,
  options: {
    max: { type: 'integer', default: 2, minimum: 1, description: 'Most button-style CTAs to different destinations before they compete.' },
  },
  messages: {
    competing:
      '{{count}} button-style CTAs go to {{count}} different destinations ({{list}}); more than {{max}} compete for one click. Keep {{primary}} as the key action and make the others text links.',
  },
  examples: {
    valid: [
      { title: 'One action, repeated', code: `<table>${btn('Start your free trial', 'https://example.com/trial')}${btn('See pricing', 'https://example.com/pricing')}${btn('Start your free trial', 'https://example.com/trial?utm_content=footer')}</table>` },
    ],
    invalid: [
      {
        title: 'Four buttons, four destinations',
        code: `<table>${btn('Start your free trial', 'https://example.com/trial')}${btn('Book a demo', 'https://example.com/demo')}${btn('Read the case study', 'https://example.com/case')}${btn('Follow us on LinkedIn', 'https://linkedin.com/company/example')}</table>`,
        messageId: 'competing',
      },
    ],
  },
  check({ doc, options, report }) {
    const seen = new Map<string, (typeof doc.ctas)[number]>();
    for (const cta of doc.ctas) {
      if (!isButtonStyle(cta)) continue;
      const key = cta.hrefIsMergeTag ? cta.href : destinationKey(cta.href);
      if (!seen.has(key)) seen.set(key, cta);
    }
    const distinct = [...seen.values()];
    if (distinct.length <= options.max) return;
    const primary = doc.ctas.find((c) => c.primary) ?? distinct[0];
    const first = distinct.filter((c) => c !== primary)[options.max - 1] ?? distinct[options.max];
    report({
      messageId: 'competing',
      data: {
        count: distinct.length,
        list: distinct.map((c) => ctaName(c)).join(', '),
        max: options.max,
        primary: ctaName(primary),
      },
      range: ctaReportRange(doc, first),
    });
  },
});
