import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';

async function lint(code: string) {
  const doc = await documentFromText('t.html', code);
  return lintDocument(doc, { rules: { 'preheader-missing': { severity: 'warn' } } }).messages;
}

describe('preheader-missing', () => {
  it('does not take a hidden menu toggle (MJML mj-navbar) for a preheader', async () => {
    const code =
      '<body><div class="mj-menu-trigger" style="display:none;max-height:0px;font-size:0px;overflow:hidden;">' +
      '<label for="t" class="mj-menu-label"><span class="mj-menu-icon-open">&#9776;</span></label></div><p>Spring is here</p></body>';
    const [m] = await lint(code);
    expect(m?.messageId).toBe('missing');
    expect(m.message).toContain('"Spring is here"');
  });

  it('does not take a font-size:0 cell that holds images for a preheader', async () => {
    const code = '<body><table role="presentation"><tr><td style="font-size:0px"><img src="a.png" alt="previous"></td></tr></table><p>Hi</p></body>';
    expect((await lint(code)).map((m) => m.messageId)).toEqual(['missing']);
  });

  it('quotes the first visible body text, skipping hidden blocks', async () => {
    const code = '<body><div style="display:none"></div><p>View this email in your browser</p></body>';
    const [m] = await lint(code);
    expect(m.message).toContain('("View this email in your browser")');
  });
});
