import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lint } from '../../src/api.js';

const reset = '<html lang="en"><body><p>Someone asked to reset your password. If you didn\'t request this, ignore this email.</p><a href="{{action_url}}" style="background:#22bc66;padding:12px 24px;color:#fff">Reset your password</a></body></html>';
const promo = '<html lang="en"><body><h1>Spring sale: 30% off everything</h1><a href="https://shop.example.com/sale" style="background:#000;padding:12px 24px;color:#fff">Shop the sale</a></body></html>';
const bare = '<html lang="en"><body><p>Hello.</p></body></html>';

describe('mail type inferred from the content', () => {
  it('reads a password reset as transactional and a sale as marketing', async () => {
    const a = await documentFromText('reset.html', reset);
    expect(a.mailTypeInfo).toMatchObject({ type: 'transactional', inferred: true });
    expect(a.mailTypeInfo.evidence.join(' ')).toMatch(/reset your password/);
    const b = await documentFromText('promo.html', promo);
    expect(b.mailTypeInfo).toMatchObject({ type: 'marketing', inferred: true });
  });

  it('keeps marketing for a whole mail with no evidence (the message says nothing spoke), unknown for a fragment or a layout', async () => {
    const [r] = await lint({ text: bare, filePath: 'x.html' });
    expect(r.messages.find((x) => x.ruleId === 'unsubscribe-link')?.message).toMatch(/mail type marketing, nothing in the content says which/);
    for (const text of ['<p>Hello.</p>', '<html><body><p>Hello.</p>{{ content_for_layout }}</body></html>']) {
      const doc = await documentFromText('x.html', text);
      expect(doc.mailTypeInfo).toEqual({ type: 'unknown', inferred: true, evidence: [] });
      const [u] = await lint({ text, filePath: 'x.html' });
      expect(u.messages.filter((x) => x.ruleId === 'unsubscribe-link')).toEqual([]);
      const [forced] = await lint({ text, filePath: 'x.html' }, { mailType: 'marketing' });
      expect(forced.messages.filter((x) => x.ruleId === 'unsubscribe-link').map((x) => x.messageId)).toEqual(['missing']);
    }
  });

  it('a transactional template gets no unsubscribe-link error; --mail-type and config win', async () => {
    const [r] = await lint({ text: reset, filePath: 'reset.html' });
    expect(r.messages.filter((x) => x.ruleId === 'unsubscribe-link')).toEqual([]);
    const [forced] = await lint({ text: reset, filePath: 'reset.html' }, { mailType: 'marketing' });
    const m = forced.messages.find((x) => x.ruleId === 'unsubscribe-link');
    expect(m).toBeDefined();
    expect(m!.message).not.toMatch(/inferred|assumed/);
    const [promoR] = await lint({ text: promo, filePath: 'promo.html' });
    expect(promoR.messages.find((x) => x.ruleId === 'unsubscribe-link')?.message).toMatch(/mail type marketing, inferred from (a percentage off|"sale")/);
  });

  it('an .eml with no mark of bulk mail is one-to-one mail: no List-Unsubscribe demand', async () => {
    const eml = ['From: a@example.com', 'To: b@example.com', 'Subject: Lunch', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', '<p>See you at noon.</p>', ''].join('\r\n');
    const [r] = await lint({ text: eml, filePath: 'lunch.eml', kind: 'eml' });
    expect(r.messages.filter((x) => x.ruleId === 'list-unsubscribe' && x.messageId === 'missing')).toEqual([]);
  });
});
