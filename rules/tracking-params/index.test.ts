import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '../../src/testing/index.js';
import { track } from '../../src/rewrite/track.js';
import rule from './index.js';

const file = fileURLToPath(new URL('../../fixtures/track/vml-beside/input.html', import.meta.url));
const input = readFileSync(file, 'utf8');
// What `track` writes: the CI step after tracking finds nothing.
const { output: tracked } = await track({ text: input, filePath: file }, { campaign: 'spring-sale', source: 'newsletter' });
const html = '<a href="https://x.com/?utm_campaign=a&amp;cid=1">x</a>';

new RuleTester({ describe, it }).run('tracking-params', rule, {
  valid: [
    { code: tracked, filePath: file, name: 'the template after `track`' },
    { code: html, options: { params: ['utm_campaign', 'cid'] }, name: 'the configured parameter names only' },
  ],
  invalid: [
    {
      code: input,
      filePath: file,
      name: 'the untracked links before `track`: two buttons (VML + <a> each) and one text link; the unsubscribe button pair is not checked',
      errors: [{ line: 4 }, { line: 6, message: /Outlook VML button.*utm_source, utm_medium, utm_campaign/ }, { line: 11 }, { line: 12 }, { line: 12 }],
    },
    { code: html, options: { params: ['utm_campaign', 'utm_id'] }, errors: [{ message: /lacks tracking parameter\(s\) utm_id:/ }] },
  ],
});

describe('tracking-params metadata', () => {
  it('is off by default and not recommended', () => {
    expect(rule.recommended).toBe(false);
    expect(rule.category).toBe('tracking');
  });
});
