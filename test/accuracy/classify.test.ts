import { describe, it, expect } from 'vitest';
import { classifyLink } from '../../src/model/classify.js';

describe('link classifier word boundaries (both sides)', () => {
  it('does not read a word inside a longer word', () => {
    expect(classifyLink('https://example.com/formal-wear', 'Formal wear')).not.toBe('form');
    expect(classifyLink('https://example.com/bagels', 'Fresh bagels')).not.toBe('cart');
    expect(classifyLink('https://example.com/my-story', 'My story')).toBe('content');
    expect(classifyLink('https://www.northwind.example/dashboards-3', 'Save my seat')).not.toBe('account');
    expect(classifyLink('https://example.com/salesforce-tips', 'Tips')).not.toBe('product');
  });

  it('still reads stems, plurals and compounds', () => {
    expect(classifyLink('https://example.com/unsubscribe?u=1', 'Leave')).toBe('unsubscribe');
    expect(classifyLink('https://example.com/carts/42', 'Your bag')).toBe('cart');
    expect(classifyLink('https://example.com/add-to-cart?sku=1', 'Add')).toBe('cart');
    expect(classifyLink('https://example.com/my-account', 'Your settings')).toBe('account');
    expect(classifyLink('https://example.com/downloads/app', 'Get it')).toBe('download');
    expect(classifyLink('https://example.com/x', 'Jetzt anmelden')).toBe('signup');
    expect(classifyLink('https://example.com/events/summer', 'Summer')).toBe('event');
    expect(classifyLink('https://example.com/x', 'Téléchargez le guide')).toBe('download');
    expect(classifyLink('https://example.com/articles/42', 'Go')).toBe('content');
  });
});
