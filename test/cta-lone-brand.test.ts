/**
 * The shop-name link at the top of a short mail is its wordmark, not the mail's lone text CTA
 * (src/model/cta/text-links.ts, step 7 reads the masthead-brand test too).
 */
import { describe, it, expect } from 'vitest';
import { documentFromText } from '../src/input/index.js';

const mail = (top: string, rest = '') =>
  `<html><body><div align="center">${top}</div><table><tr><td><p>Thank you for your message. We will answer within two working days.</p>${rest}</td></tr></table></body></html>`;

describe('a short mail whose only link at the top is the shop name', () => {
  it('has no CTA: the shop name to the home page brands the mail', async () => {
    for (const top of ['<a href="{{ url(\'homepage\') }}" style="font-size:30px">{{ shop.name }}</a>', '<a href="https://shop.example.com/" style="font-size:28px">Oak &amp; Pine</a>']) {
      const doc = await documentFromText('m.html', mail(top));
      expect(doc.ctas.map((c) => c.label)).toEqual([]);
    }
  });

  it('still finds the lone text link further down, and a top link that goes elsewhere', async () => {
    const doc = await documentFromText('m.html', mail('<a href="https://shop.example.com/">Oak &amp; Pine</a>', '<p><a href="https://shop.example.com/orders/881">View your message</a></p>'));
    expect(doc.ctas.map((c) => c.label)).toEqual(['View your message']);
    const other = await documentFromText('m.html', mail('<a href="https://shop.example.com/spring-sale" style="font-size:30px">See the spring sale</a>'));
    expect(other.ctas.map((c) => c.label)).toEqual(['See the spring sale']);
  });
});
