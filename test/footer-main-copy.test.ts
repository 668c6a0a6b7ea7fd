/**
 * Footer wording counts only in text the size of a footer (src/model/footer.ts isFooterText):
 * the main copy of a short mail that says "sent to you" is not small print.
 */
import { describe, it, expect } from 'vitest';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';

async function small(html: string) {
  const doc = await documentFromText('t.html', html);
  return lintDocument(doc, { rules: { 'min-font-size': { severity: 'error' } } }).messages.filter((m) => m.ruleId === 'min-font-size');
}

const copy =
  'A visitor wrote to you through the form on your website. Name: Ana Lopez. Topic: delivery times for the large oak table. ' +
  'Message: could the table arrive before the 14th of next month? We are moving house on the 15th and would rather not carry it up the stairs twice. ' +
  'Phone: +34 600 000 000. Thank you.';

describe('footer wording and the main copy', () => {
  it('a short mail whose one long paragraph says it was sent to you is body text, not a footer', async () => {
    const msgs = await small(`<body><div style="font-size:12px"><p>This message was sent to you by the contact form.<br>${copy}</p></div></body>`);
    expect(msgs.map((m) => m.messageId)).toEqual(['tooSmall']);
  });

  it('a small trailing block with the same wording under long copy is still the footer', async () => {
    const body = Array.from({ length: 6 }, () => `<p style="font-size:16px">${copy}</p>`).join('');
    const msgs = await small(`<body>${body}<p style="font-size:12px">This message was sent to you by Example Ltd.</p></body>`);
    expect(msgs).toEqual([]);
  });
});
