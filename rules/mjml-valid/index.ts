import { defineRule } from '../../src/rule.js';

const DOC = (body: string, head = '') =>
  `<mjml>\n  <mj-head>\n    <mj-title>Spring sale</mj-title>${head}\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n${body}\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;

export default defineRule({
  id: 'mjml-valid',
  description: 'MJML must be valid: known tags and attributes, allowed nesting, includes that load, well-formed XML.',
  rationale:
    'mjml compiles invalid templates anyway (validationLevel "soft"): an unknown attribute is dropped, a misplaced component is rendered somewhere unexpected or not at all, ' +
    'a failed mj-include silently leaves a hole, and an unclosed tag swallows the markup after it (the XML parser repairs the tree without a word). ' +
    'What the subscriber receives then differs from what the author wrote; the MJML validator and an XML well-formedness check catch it before sending.',
  sources: [
    'MJML documentation, validating MJML (the validator\'s levels: strict, soft, skip): https://documentation.mjml.io/#validating-mjml',
    'MJML source (component attributes and allowed children): https://github.com/mjmlio/mjml',
  ],
  guidance:
    'Fix the tag, attribute or nesting the message names (the MJML docs list each component’s attributes and allowed parents); make every mj-include path point to an existing file inside the template’s folder; close every tag you open.',
  category: 'mjml',
  severity: 'error',
  recommended: true,
  appliesTo: ['mjml'],
  options: {},
  messages: {
    invalid: 'MJML validation: {{message}}',
    malformed: 'Malformed MJML: {{message}} (mjml compiles it without a warning, but the markup after it may land in the wrong place)',
    include: 'MJML include: {{message}}',
  },
  examples: {
    valid: [
      { title: 'A valid template', kind: 'mjml', code: DOC('        <mj-text>Hello</mj-text>\n        <mj-button href="https://example.com/sale">Shop the sale</mj-button>') },
    ],
    invalid: [
      { title: 'An attribute mj-text does not have', kind: 'mjml', code: DOC('        <mj-text colour="#333333">Hello</mj-text>'), messageId: 'invalid' },
      { title: 'A column inside a column', kind: 'mjml', code: DOC('        <mj-column><mj-text>Nested</mj-text></mj-column>'), messageId: 'invalid' },
      { title: 'An unclosed tag (mjml accepts it silently)', kind: 'mjml', code: `<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Hello</mj-text>\n    </mj-section>\n  </mj-body>\n</mjml>\n`, messageId: 'malformed' },
      { title: 'An include that does not load', kind: 'mjml', code: DOC('        <mj-include path="./partials/missing-footer.mjml" />'), messageId: 'include' },
    ],
  },
  check({ doc, report }) {
    const mjml = doc.facts.mjml;
    if (!mjml) return;
    for (const issue of mjml.issues) {
      const messageId = issue.kind === 'validation' ? 'invalid' : issue.kind === 'xml' ? 'malformed' : 'include';
      report({ messageId, data: { message: issue.message }, range: { start: 0, end: 0 }, sourceRange: issue.sourceRange });
    }
  },
});
