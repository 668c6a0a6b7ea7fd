import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

const tester = new RuleTester({ describe, it });
/** A paragraph `n` bytes long in all. */
const bytes = (n: number) => `<p>${'x'.repeat(n - 7)}</p>`;

tester.run('gmail-clip', rule, {
  valid: [{ code: bytes(89_999), name: 'just under the 90,000-byte warning' }],
  invalid: [
    // UTF-8 bytes, not characters: 7 + 100 bytes.
    { code: `<p>${'é'.repeat(50)}</p>`, options: { warnBytes: 100, maxBytes: 200 }, errors: [{ messageId: 'nearClip' }] },
    { code: bytes(90_000), name: 'warns from 90,000 bytes', errors: [{ messageId: 'nearClip', severity: 1 }] },
    { code: bytes(102_000), name: 'errors at the default 102,000-byte limit', errors: [{ messageId: 'clipped', severity: 2, message: /\(102000 bytes\), over Gmail's ~102\.0 KB clip/ }] },
    { code: bytes(110_000), name: 'stays a warning when the rule is configured "warn"', severity: 'warn', errors: [{ messageId: 'clipped', severity: 1 }] },
    { code: '<p>line</p>\n'.repeat(20), name: 'names the line where the cut falls', options: { warnBytes: 10, maxBytes: 100 }, errors: [{ messageId: 'clipped', message: /everything after line 9 is hidden/ }] },
  ],
});
