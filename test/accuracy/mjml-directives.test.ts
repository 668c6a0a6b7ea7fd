import { describe, it, expect } from 'vitest';
import { lint } from '../../src/api.js';

const mjml = `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text font-size="16px">Spring is here, and the new knitwear has arrived for the cold mornings.</mj-text>
        <!-- inboxlint-disable-next-line min-font-size -->
        <mj-text font-size="12px">Small print that is small on purpose, and we know it.</mj-text>
        <!-- inboxlint-disable-next-line img-alt -->
        <mj-text font-size="16px">Nothing to suppress on this line, a directive that is unused.</mj-text>
        <mj-text font-size="12px">This small text is not covered by any directive at all.</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

describe('inline directives in MJML use MJML source lines', () => {
  it('disable-next-line suppresses the next MJML line, and an unused directive is reported on its own line', async () => {
    const [r] = await lint({ text: mjml, filePath: 'x.mjml', kind: 'mjml' });
    expect(r.messages.filter((m) => m.ruleId === 'min-font-size').map((m) => m.line)).toEqual([10]);
    expect(r.messages.filter((m) => m.ruleId === null).map((m) => [m.line, /img-alt/.test(m.message)])).toEqual([[8, true]]);
  });
});
