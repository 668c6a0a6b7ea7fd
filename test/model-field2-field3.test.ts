/**
 * Model fixes made from the causes found on eval/labels-field2 and eval/labels-field3 (each
 * written for this test, in the shape of the template that exposed it).
 */
import { describe, it, expect } from 'vitest';
import { documentFromText } from '../src/input/index.js';

const doc = (html: string) => documentFromText('t.html', html);

describe('mail type', () => {
  it('reads copy kept in Liquid capture blocks before the doctype (Shopify notifications)', async () => {
    const body = "<html><body><table><tr><td><p>{{ email_body }}</p><a href='{{ shop.url }}'>Visit our store</a></td></tr></table></body></html>";
    const captured = "{% capture email_body %}Your password has been reset. If you did not request this, contact us.{% endcapture %}\n<!doctype html>\n";
    expect((await doc(body)).mailTypeInfo.type).toBe('marketing');
    expect((await doc(captured + body)).mailTypeInfo.type).toBe('transactional');
  });
});
