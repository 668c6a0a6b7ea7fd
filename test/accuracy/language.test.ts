import { describe, it, expect } from 'vitest';
import { lint } from '../../src/api.js';
import { startsWithActionVerb, isBareUrl } from '../../src/model/cta/language.js';
import { detectLanguage, loadDetector } from '../../src/model/language.js';

const btn = (label: string, href = 'https://example.com/offer') => `<a href="${href}" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">${label}</a>`;
const vague = async (html: string) => (await lint({ text: html, filePath: 'x.html' }))[0].messages.filter((m) => m.ruleId === 'cta-vague-text');

describe('CTA language without a lang attribute', () => {
  it('an English email does not get German or French vague phrases', async () => {
    const body = '<p>We have rebuilt the reports you use every day, and this is the first look at them for our customers.</p>';
    expect(await vague(`<html><body>${body}${btn('Das')}</body></html>`)).toEqual([]);
    expect(await vague(`<html><body>${body}${btn('Plus')}</body></html>`)).toEqual([]);
    expect(await vague(`<html><body>${body}${btn('Learn more')}</body></html>`)).toHaveLength(1);
  });

  it('the language the text is written in picks the list', async () => {
    const de = '<p>Wir haben die Berichte für Sie neu gebaut, und das ist der erste Blick darauf. Sie sind schneller und die Exporte sind nicht mehr kaputt.</p>';
    await loadDetector();
    expect(detectLanguage('Wir haben die Berichte für Sie neu gebaut, und das ist der erste Blick darauf.')).toBe('de');
    expect(await vague(`<html><body>${de}${btn('Mehr')}</body></html>`)).toHaveLength(1);
  });
});

describe('action verbs', () => {
  it('prepositions and adverbs are not verbs', () => {
    expect(startsWithActionVerb('In den Warenkorb', 'de')).toBe(false);
    expect(startsWithActionVerb('Zum Angebot', 'de')).toBe(false);
    expect(startsWithActionVerb('Jetzt', 'de')).toBe(false);
    expect(startsWithActionVerb('Jetzt kaufen', 'de')).toBe(true);
    expect(startsWithActionVerb('Se connecter', 'fr')).toBe(true);
  });
});

describe('bare URLs and message copy', () => {
  it('a host with a path, or a URL with trailing punctuation, is a bare URL label', async () => {
    expect(isBareUrl('example.com/webinar')).toBe(true);
    expect(isBareUrl('https://example.com/webinar →')).toBe(true);
    expect(isBareUrl('Node.js')).toBe(false);
    const [m] = await vague(`<html lang="en"><body>${btn('northwind.example/spring')}</body></html>`);
    expect(m?.messageId).toBe('bareUrl');
  });

  it('messages do not fall back to made-up copy when no suggestion fits', async () => {
    const [r] = await lint({ text: `<html lang="en"><body><p>Hello there, here is the thing.</p>${btn('Our company', 'https://example.com/')}</body></html>`, filePath: 'x.html' });
    const noVerb = r.messages.find((m) => m.messageId === 'noVerb');
    expect(noVerb).toBeDefined();
    expect(noVerb!.message).not.toMatch(/Start your free trial/);
  });
});
