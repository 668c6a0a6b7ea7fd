import { defineRule } from '../../src/rule.js';
import { isAllCaps, isVagueLabel, sentenceCase, startsWithActionVerb, wordCount } from '../../src/model/cta/language.js';
import { namesTheElement } from '../../src/model/lexicon/index.js';
import { labelLanguage } from '../../src/model/language.js';
import { isOnlyTemplateCode } from '../../src/model/merge-tags.js';
import { labelSuggestions, suggestLabels, withActionVerb } from '../../src/cta/suggest.js';
import { ctaName, ctaReportRange, exampleClause, graphemeLength } from '../../src/rule-utils.js';

export default defineRule({
  id: 'cta-action-text',
  description: 'A call to action should open with an action verb, stay short (5 words / 30 characters by default) and not be written in ALL CAPS.',
  rationale:
    'A button is read in a glance: a verb first ("Start", "Download", "Book") tells the reader what the tap does, a short label fits a phone-width button on one line, and ALL CAPS text is slower to read and reads as shouting (screen readers may spell short capitalised words). ' +
    'The verbs come from per-language lists (21 languages, src/model/lexicon) chosen by the label\'s language, in that language\'s word order (verb first; last in Japanese, Korean and Turkish; either in German and Dutch); English verbs always count. A label in a language without a list is not judged for its verb. ' +
    'A vague or placeholder label is judged here too for how it is written (ALL CAPS, length): cta-vague-text says it names nothing. A generic label ("Click here", "Kliknij tutaj") gets no "no verb" finding (cta-vague-text says it better); a placeholder that names the element instead of an action ("Primary Button", "Button text") does.',
  sources: [
    'Cerberus best practices (button copy names the action; "Avoid Click Here or Learn More"): https://github.com/emailmonday/Cerberus/blob/HEAD/docs/content/best-practices.md',
    'WCAG 2.2 Success Criterion 2.5.5 Target Size (44 × 44 CSS px, which limits a label to one short line on a 375 px phone): https://www.w3.org/WAI/WCAG22/Understanding/target-size-enhanced.html',
    'SpamAssassin stock header rules (all-caps text is scored as shouting): https://github.com/apache/spamassassin/blob/HEAD/rules/20_head_tests.cf',
  ],
  guidance: 'Start with the verb of the action, keep the object short ("Start your free trial"), and use sentence case; style capitals with CSS text-transform if the design needs them.',
  category: 'cta',
  severity: 'warn',
  recommended: true,
  options: {
    maxWords: { type: 'integer', default: 5, minimum: 1, description: 'Longest label, in words.' },
    maxChars: { type: 'integer', default: 30, minimum: 5, description: 'Longest label, in characters (graphemes).' },
    verbs: { type: 'string[]', default: [], description: 'More words that count as action verbs (lower-case).' },
  },
  messages: {
    noVerb: 'CTA {{label}} does not start with an action verb: say what the tap does{{example}}.',
    tooLong: 'CTA {{label}} is {{size}} (limit {{limit}}): a short label reads at a glance and fits a phone-width button{{example}}.',
    allCaps: 'CTA {{label}} is in ALL CAPS, which is slower to read: write it in sentence case ("{{example}}") and use CSS text-transform if the design needs capitals.',
  },
  examples: {
    valid: [
      { title: 'Verb first, short', code: '<a href="https://example.com/trial" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Start your free trial</a>' },
      { title: 'German', code: '<html lang="de"><body><a href="https://example.com/shop" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Jetzt entdecken</a></body></html>' },
    ],
    invalid: [
      { title: 'No verb', code: '<a href="https://example.com/shop/summer" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Our summer collection</a>', messageId: 'noVerb' },
      { title: 'Too long', code: '<a href="https://example.com/trial" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Start your free trial today and save on every plan</a>', messageId: 'tooLong' },
      { title: 'ALL CAPS', code: '<a href="https://example.com/shop" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">SHOP THE SALE</a>', messageId: 'allCaps' },
      { title: 'A placeholder label is judged too', code: '<a href="https://example.com/" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">CALL TO ACTION</a>', messageId: 'allCaps' },
      { title: 'Options: a stricter length', code: '<a href="https://example.com/trial" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Start your free trial</a>', options: { maxWords: 3 }, messageId: 'tooLong' },
    ],
  },
  check({ doc, options, report }) {
    for (const cta of doc.ctas) {
      const label = cta.label;
      // A card's title link ("Why Postgres won") is headline copy, not a button label.
      if (cta.card) continue;
      // A rating scale's steps ("0–10") are answers, not an action's label.
      if (cta.survey) continue;
      if (!label) continue;
      // A label that is only template code is written at send time: its words and length are unknown.
      if (isOnlyTemplateCode(label)) continue;
      // The label's language; without a word list for it the verb is not judged (inspect says why).
      const { lang, words: hasList } = labelLanguage(doc, label, cta.labelElement);
      const range = ctaReportRange(doc, cta);
      const typed = suggestLabels(cta, doc);
      if (isAllCaps(label)) {
        const fixed = sentenceCase(label);
        report({ messageId: 'allCaps', data: { label: ctaName(cta), example: fixed }, range, suggestions: labelSuggestions(doc, cta, [fixed], (l) => `Write the label in sentence case: "${l}"`) });
        continue;
      }
      const words = wordCount(label);
      const chars = graphemeLength(label);
      if (words > options.maxWords || chars > options.maxChars) {
        const short = typed.filter((l) => wordCount(l) <= options.maxWords && graphemeLength(l) <= options.maxChars);
        report({
          messageId: 'tooLong',
          data: {
            label: ctaName(cta),
            size: words > options.maxWords ? `${words} words` : `${chars} characters`,
            limit: words > options.maxWords ? `${options.maxWords} words` : `${options.maxChars} characters`,
            example: exampleClause(short[0], '. Try '),
          },
          range,
          suggestions: labelSuggestions(doc, cta, short),
        });
        continue;
      }
      // A generic label ("Click here", "Kliknij tutaj") names no outcome: cta-vague-text says so, and
      // "click" is the gesture, not a missing verb. A placeholder naming the element ("Primary Button") has no verb at all.
      if (isVagueLabel(label, lang) && !namesTheElement(label)) continue;
      if (hasList && !startsWithActionVerb(label, lang, options.verbs)) {
        const verbed = withActionVerb(cta, doc, options.maxChars);
        const labels = [...(verbed ? [verbed] : []), ...typed].filter((l, i, a) => a.indexOf(l) === i).slice(0, 3);
        report({ messageId: 'noVerb', data: { label: ctaName(cta), example: exampleClause(labels[0]) }, range, suggestions: labelSuggestions(doc, cta, labels) });
      }
    }
  },
});
