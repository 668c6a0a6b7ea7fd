import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it, defaults: { mailType: 'marketing' } }).run('subject-format', rule, {
  valid: [
    // SUBJ_ALL_CAPS: one-word and short (under 10 characters) subjects are exempt.
    { code: '<p>x</p>', subject: 'SALE' },
    { code: '<p>x</p>', subject: 'BIG SALE' },
    { code: '<p>x</p>', subject: '   ', name: 'a blank subject' },
  ],
  invalid: [
    { code: '<p>x</p>', subject: 'Fwd: BIG SALE ON NOW', mailType: 'transactional', name: 'reply prefixes are stripped', errors: [{ messageId: 'allCaps' }] },
    { code: '<p>x</p>', subject: 'Wow!! Really?? Yes!!', name: 'each family once, however often it occurs', errors: [{ messageId: 'punctuationRun' }] },
    { code: '<p>x</p>', subject: 'Re: SAVE BIG ON EVERYTHING TODAY', name: 'independent families together', errors: [{ messageId: 'allCaps' }, { messageId: 'fakeReply' }] },
  ],
});
