import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { LEXICON_LANGUAGES, actionOf, hasWords, isVagueLabel, roleWordsMatch, wordsFor } from '../src/model/lexicon/index.js';

const REQUIRED = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'tr', 'ru', 'uk', 'ar', 'he', 'ja', 'zh', 'ko'];

describe('lexicon', () => {
  it('holds every required language, each list filled and each file citing its sources', () => {
    for (const l of REQUIRED) {
      const w = wordsFor(l)!;
      expect(w, l).toBeDefined();
      for (const k of ['vague', 'verbs', 'unsubscribe', 'preferences', 'viewOnline', 'footer', 'sources'] as const) expect(w[k].length, `${l} ${k}`).toBeGreaterThan(0);
    }
    expect(LEXICON_LANGUAGES.length).toBeGreaterThanOrEqual(21);
    expect(hasWords('pt-BR')).toBe(true);
    expect(hasWords('no')).toBe(true);
    expect(hasWords('bg')).toBe(false);
  });

  it('finds unsubscribe, preferences and view-online wording in many languages', () => {
    expect(roleWordsMatch('Wypisz się z newslettera', 'unsubscribe')).toBe(true);
    expect(roleWordsMatch('Zrezygnuj z subskrypcji', 'unsubscribe')).toBe(true);
    expect(roleWordsMatch('إلغاء الاشتراك', 'unsubscribe')).toBe(true);
    expect(roleWordsMatch('配信停止はこちら', 'unsubscribe')).toBe(true);
    expect(roleWordsMatch('Отписаться от рассылки', 'unsubscribe')).toBe(true);
    expect(roleWordsMatch('Se désabonner', 'unsubscribe', 'fr')).toBe(true);
    expect(roleWordsMatch('Gestisci le preferenze', 'preferences')).toBe(true);
    expect(roleWordsMatch('Bekijk deze e-mail in je browser', 'viewOnline')).toBe(true);
    expect(roleWordsMatch('Subscribe to our list', 'unsubscribe')).toBe(false);
    expect(roleWordsMatch('Abonnieren', 'unsubscribe', 'de')).toBe(false);
  });

  it('finds footer wording in many languages', () => {
    for (const t of ['Tutti i diritti riservati', 'Alle rechten voorbehouden', 'Todos os direitos reservados', 'جميع الحقوق محفوظة', '© 2026 Acme', 'Wszelkie prawa zastrzeżone', '版权所有']) {
      expect(roleWordsMatch(t, 'footer'), t).toBe(true);
    }
    expect(roleWordsMatch('Shop the spring collection', 'footer')).toBe(false);
  });

  it('placeholder labels are vague in any language; a language without a list judges nothing else', () => {
    expect(isVagueLabel('Call To Action', 'de')).toBe(true);
    expect(isVagueLabel('Do this Next', null)).toBe(true);
    expect(isVagueLabel('Button text', 'ja')).toBe(true);
    expect(isVagueLabel('Подробнее', 'ru')).toBe(true);
    expect(isVagueLabel('Подробнее', 'bg')).toBe(false);
    expect(isVagueLabel('Learn more', 'de')).toBe(true);
  });

  it('a button named by its role or look ("Primary Button", Cerberus) is a placeholder; one naming its action is not', () => {
    for (const l of ['Primary Button', 'Centered Primary Button', 'Secondary button', 'Ghost Button →']) expect(isVagueLabel(l, null), l).toBe(true);
    for (const l of ['Buy button', 'Primary colors', 'Button up your coat', 'Get the button']) expect(isVagueLabel(l, 'en'), l).toBe(false);
  });

  it('reads the action verb where the language puts it', () => {
    expect(actionOf('Sprawdź ofertę', 'pl')?.verb).toBe('sprawdź');
    expect(actionOf('Kollektion ansehen', 'de')).toMatchObject({ verb: 'ansehen', position: 'last' }); // German infinitive last
    expect(actionOf('Unsere Kollektion', 'de')).toBeNull();
    expect(actionOf('Jetzt kaufen', 'de')?.verb).toBe('kaufen');
    expect(actionOf('احصل على العرض', 'ar')?.verb).toBe('احصل');
    expect(actionOf('カートに入れる', 'ja')).toMatchObject({ position: 'last' });
    expect(actionOf('立即预订', 'zh')?.verb).toBe('预订');
    expect(actionOf('지금 구매하기', 'ko')).toMatchObject({ position: 'last' });
    expect(actionOf('Hemen satın al', 'tr')).toMatchObject({ verb: 'satın al', position: 'last' });
    expect(actionOf('Yes! Subscribe Me', 'en')?.verb).toBe('subscribe');
    expect(actionOf('Our summer collection', 'en')).toBeNull();
    expect(actionOf('Към Новината', 'bg')).toBeNull();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom(...REQUIRED, null, 'xx'), (s, l) => {
        for (const r of ['unsubscribe', 'preferences', 'viewOnline', 'footer'] as const) roleWordsMatch(s, r, l);
        isVagueLabel(s, l);
        actionOf(s, l);
      }),
    );
  });
});
