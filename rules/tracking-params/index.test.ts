import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EmailDocument } from '../../src/model/document.js';
import { lintDocument } from '../../src/engine/linter.js';
import { track } from '../../src/rewrite/track.js';

const lint = (text: string, options?: Record<string, unknown>) =>
  lintDocument(new EmailDocument({ filePath: 'm.html', text }), { rules: { 'tracking-params': { severity: 'error', options } } }).messages;

describe('tracking-params', () => {
  it('finds the untracked links before `track` and none after (a CI step after tracking)', async () => {
    const file = fileURLToPath(new URL('../../fixtures/track/vml-beside/input.html', import.meta.url));
    const input = readFileSync(file, 'utf8');
    const before = lint(input);
    // Two buttons (VML + <a> each) and one text link; the unsubscribe button pair is not checked.
    expect(before.map((m) => m.line)).toEqual([4, 6, 11, 12, 12]);
    expect(before[1].message).toMatch(/Outlook VML button.*utm_source, utm_medium, utm_campaign/);
    const { output } = await track({ text: input, filePath: file }, { campaign: 'spring-sale', source: 'newsletter' });
    expect(lint(output)).toEqual([]);
  });
  it('checks the configured parameter names only', () => {
    const html = '<a href="https://x.com/?utm_campaign=a&amp;cid=1">x</a>';
    expect(lint(html, { params: ['utm_campaign', 'cid'] })).toEqual([]);
    expect(lint(html, { params: ['utm_campaign', 'utm_id'] })[0].message).toMatch(/lacks tracking parameter\(s\) utm_id:/);
  });
  it('is off by default and not recommended', async () => {
    const { default: rule } = await import('./index.js');
    expect(rule.recommended).toBe(false);
    expect(rule.category).toBe('tracking');
  });
});
