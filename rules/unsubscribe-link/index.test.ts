import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';

async function lint(code: string, mailType?: 'marketing' | 'transactional') {
  const doc = await documentFromText('t.html', code, mailType ? { mailType } : {});
  return lintDocument(doc, { rules: { 'unsubscribe-link': { severity: 'error' } } }).messages.filter((m) => m.ruleId === 'unsubscribe-link');
}

describe('unsubscribe-link', () => {
  it('counts a link inside an MJML font-size:0 wrapper whose content resets the size as visible', async () => {
    const code =
      '<body><table><tr><td style="font-size:0px;padding:10px 25px;"><div style="font-size:13px;color:#808080;">' +
      '<a href="https://example.com/u">Unsubscribe</a></div></td></tr></table></body>';
    expect(await lint(code)).toEqual([]);
  });

  it('treats a link under font-size:0 with no reset as hidden', async () => {
    const code = '<body><p>Hi</p><div style="font-size:0"><a href="https://example.com/unsubscribe">Unsubscribe</a></div></body>';
    expect((await lint(code)).map((m) => m.messageId)).toEqual(['hidden']);
  });

  it('recognises ESP unsubscribe merge tags in the href', async () => {
    for (const href of ['{{{unsubscribe}}}', '%unsubscribe_url%', '<%asm_group_unsubscribe_raw_url%>', '{{ unsubscribe_link }}']) {
      expect(await lint(`<body><p>Hi</p><a href="${href}">Manage</a></body>`)).toEqual([]);
    }
  });

  it('ignores an unsubscribe link that only Outlook sees and reports the rest as missing', async () => {
    const code = '<body><p>Spring sale: 20% off</p><!--[if mso]><a href="https://example.com/unsubscribe">Unsubscribe</a><![endif]--></body>';
    expect((await lint(code)).map((m) => m.messageId)).toEqual(['missing']);
  });

  it('reports a preferences-only footer as a warning even when the rule is an error', async () => {
    const [m] = await lint('<body><p>This week\'s newsletter</p><a href="https://example.com/preferences">Email preferences</a></body>');
    expect(m.messageId).toBe('preferencesOnly');
    expect(m.severity).toBe(1);
  });

  it('says nothing when nothing in the content says which mail it is, and checks it when mailType says marketing', async () => {
    const code = '<body><p>Hi</p><p>See you on Tuesday.</p></body>';
    expect(await lint(code)).toEqual([]);
    expect((await lint(code, 'marketing')).map((m) => m.messageId)).toEqual(['missing']);
  });

  it('does not check transactional mail', async () => {
    expect(await lint('<body><p>Receipt</p></body>', 'transactional')).toEqual([]);
  });
});
