import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lintDocument } from '../../src/engine/linter.js';

async function ids(subject: string, mailType: 'marketing' | 'transactional' = 'marketing') {
  const doc = await documentFromText('t.html', '<p>x</p>', { subject, mailType });
  return lintDocument(doc, { rules: { 'subject-format': { severity: 'warn' } } }).messages.map((m) => m.messageId);
}

describe('subject-format', () => {
  it('follows SUBJ_ALL_CAPS: one-word and short subjects are exempt, reply prefixes are stripped', async () => {
    expect(await ids('SALE')).toEqual([]);
    expect(await ids('BIG SALE')).toEqual([]); // under 10 characters
    expect(await ids('Fwd: BIG SALE ON NOW', 'transactional')).toEqual(['allCaps']);
  });

  it('reports each family once, however often it occurs', async () => {
    expect(await ids('Wow!! Really?? Yes!!')).toEqual(['punctuationRun']);
  });

  it('reports independent families together', async () => {
    expect(await ids('Re: SAVE BIG ON EVERYTHING TODAY')).toEqual(['allCaps', 'fakeReply']);
  });

  it('ignores a blank subject', async () => {
    expect(await ids('   ')).toEqual([]);
  });
});
