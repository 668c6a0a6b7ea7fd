import { defineRule } from '../../src/rule.js';
import { isBareUrl, isVagueLabel, comparableLabel } from '../../src/model/cta/language.js';
import { labelLanguage } from '../../src/model/language.js';
import { isPlaceholderLabel } from '../../src/model/lexicon/index.js';
import { labelSuggestions, suggestLabels } from '../../src/cta/suggest.js';
import { ctaName, ctaReportRange, exampleClause } from '../../src/rule-utils.js';

export default defineRule({
  id: 'cta-vague-text',
  description: 'A call to action whose whole label is a generic phrase ("Click here", "Learn more", "Submit", a bare URL) says nothing about what the reader gets.',
  rationale:
    'A CTA label is the promise the click keeps. "Learn more" or "Click here" makes the reader work out the value from the surrounding copy, and screen-reader users who list links hear a row of identical "Learn more"s (WCAG 2.4.4 Link Purpose; failure F84 "using a non-specific link such as click here or more"). ' +
    'The phrase lists follow Lighthouse\'s link-text audit per language (21 languages, src/model/lexicon), chosen by the label\'s language: its lang attribute, else the email\'s (<html lang>, else the language its text is written in), else its script or words; template placeholders ("Call To Action", "Button text") count in any language. A label in a language without a list is not judged (inspect says why). Only the WHOLE label counts: "Learn more about pricing" says what it leads to and is fine.',
  sources: [
    'Lighthouse, "Links do not have descriptive text" (the nonDescriptiveLinkTexts lists per language): https://developer.chrome.com/docs/lighthouse/seo/link-text',
    'Lighthouse link-text audit source: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js',
    'WCAG 2.2 Success Criterion 2.4.4 Link Purpose (In Context), level A: https://www.w3.org/WAI/WCAG22/Understanding/link-purpose-in-context.html',
    'WCAG Technique F84, failure by a non-specific link such as "click here" or "more": https://www.w3.org/WAI/WCAG22/Techniques/failures/F84',
    'Cerberus best practices ("Avoid Click Here or Learn More link copy"): https://github.com/emailmonday/Cerberus/blob/HEAD/docs/content/best-practices.md',
  ],
  guidance: 'Name the outcome: what the reader gets or does ("Download the 2026 guide", "Start your free trial", "Share your feedback"). The finding carries suggestions built from the destination.',
  category: 'cta',
  severity: 'warn',
  recommended: true,
  options: {
    phrases: { type: 'string[]', default: [], description: 'More labels to treat as vague (whole label, case-insensitive).' },
  },
  messages: {
    vague: 'CTA {{label}} is vague: it does not say what the reader gets. Name the outcome: what the reader gets or does{{example}}.',
    bareUrl: 'CTA label is a bare URL ({{label}}): say what the reader gets instead{{example}}.',
  },
  examples: {
    valid: [
      { title: 'Says what the reader gets', code: '<a href="https://example.com/guide.pdf" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Download the 2026 guide</a>' },
      { title: '"Learn more about pricing" names its subject', code: '<a href="https://example.com/pricing" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Learn more about pricing</a>' },
      { title: 'A vague inline text link in a paragraph is not a CTA', code: '<p>We changed our terms; <a href="https://example.com/terms">read more</a>.</p>' },
    ],
    invalid: [
      { title: '"Learn more" on an ebook', code: '<a href="https://example.com/ebook.pdf" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Learn more</a>', messageId: 'vague' },
      { title: '"Click here" on a trial', code: '<table><tr><td bgcolor="#0a7" style="padding:12px 20px"><a href="https://example.com/trial" style="color:#fff">Click here</a></td></tr></table>', messageId: 'vague' },
      { title: 'French email', code: '<html lang="fr"><body><a href="https://example.com/essai" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">Cliquez ici</a></body></html>', messageId: 'vague' },
      { title: 'Bare URL label', code: '<a href="https://example.com/webinar" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">https://example.com/webinar</a>', messageId: 'bareUrl' },
    ],
  },
  check({ doc, options, report }) {
    const extra = new Set(options.phrases.map((p) => comparableLabel(p)));
    for (const cta of doc.ctas) {
      if (!cta.label || cta.survey) continue; // a rating scale's steps are answers, not a label
      const bare = isBareUrl(cta.label);
      // The label's language (its lang, the email's, its script or words); none known, or no
      // list for it: only bare URLs, placeholders and the configured phrases are judged.
      const { lang, words } = labelLanguage(doc, cta.label, cta.labelElement);
      if (!bare && !isPlaceholderLabel(cta.label) && !(words && isVagueLabel(cta.label, lang)) && !extra.has(comparableLabel(cta.label))) continue;
      const labels = suggestLabels(cta, doc);
      report({
        messageId: bare ? 'bareUrl' : 'vague',
        data: { label: ctaName(cta), example: exampleClause(labels[0]) },
        range: ctaReportRange(doc, cta),
        suggestions: labelSuggestions(doc, cta, labels),
      });
    }
  },
});
