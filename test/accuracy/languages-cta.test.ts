/**
 * Email as the world writes it: the wording cases of issue 20, linted through the public API.
 * Each was a wrong finding or a mixed-language suggestion before the lexicon and the language
 * model (src/model/lexicon, src/model/language.ts).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lint, inspect } from '../../src/api.js';
import { scriptsOf } from '../../src/model/language.js';

const btn = (label: string, href = 'https://example.com/offer') => `<a href="${href}" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">${label}</a>`;
const page = (lang: string | null, body: string, extra = '') => `<html${lang ? ` lang="${lang}"` : ''}${extra}><head><title>x</title></head><body>${body}</body></html>`;
const run = async (html: string) => (await lint({ text: html, filePath: 'x.html' }))[0].messages;
const ctaFindings = async (html: string) => (await run(html)).filter((m) => /^cta-(action|vague)-text$/.test(m.ruleId ?? ''));

const COPY: Record<string, string> = {
  ar: 'مرحباً بك في متجرنا. لدينا عروض جديدة هذا الأسبوع على جميع المنتجات، ويمكنك الحصول على خصم خاص عند الطلب اليوم.',
  ja: '今週の新商品をご紹介します。期間限定のセールを開催中です。お気に入りの商品を見つけてください。',
  zh: '感谢您订阅我们的新闻。本周我们为您准备了特别优惠，所有商品均可享受折扣，欢迎选购。',
  pl: 'Dziękujemy za zapisanie się do naszego newslettera. W tym tygodniu przygotowaliśmy dla Ciebie wyjątkowe oferty na wszystkie produkty.',
  de: 'Vielen Dank für Ihre Anmeldung. In dieser Woche haben wir neue Angebote für Sie, und die Kollektion ist ab sofort im Shop erhältlich.',
  bg: 'Има качена новина по кампания, която изчаква одобрение от администратор. Благодарим ви, че сте част от нашата общност.',
  it: 'Grazie per esserti iscritto alla nostra newsletter. Questa settimana abbiamo preparato offerte speciali su tutti i prodotti del negozio.',
  nl: 'Bedankt voor je aanmelding voor onze nieuwsbrief. Deze week hebben we speciale aanbiedingen voor alle producten in de winkel.',
  pt: 'Obrigado por assinar a nossa newsletter. Esta semana preparamos ofertas especiais para todos os produtos da loja.',
  en: 'Thanks for signing up. This week we have new offers for you across the whole store, and the spring collection is here.',
};

describe('CTA wording in the label’s language', () => {
  it('labels that show their action in their own language are not "no verb"', async () => {
    const cases: Array<[string, string]> = [
      ['ar', 'احصل على العرض'], ['ja', 'カートに入れる'], ['zh', '立即预订'], ['pl', 'Sprawdź ofertę'], ['de', 'Kollektion ansehen'],
      ['en', 'Yes! Subscribe Me'], ['it', 'Scopri la collezione'], ['nl', 'Bekijk de collectie'], ['pt', 'Compre agora'],
    ];
    for (const [lang, label] of cases) {
      for (const attr of [lang, null]) {
        const found = await ctaFindings(page(attr, `<p>${COPY[lang]}</p>${btn(label)}`));
        expect(found.map((m) => m.message), `${lang} ${attr ? 'lang' : 'text'}: ${label}`).toEqual([]);
      }
    }
  });

  it('a label in a language without word lists is not judged, and inspect says why', async () => {
    const html = page(null, `<p>${COPY.bg}</p>${btn('Към Новината')}`);
    expect(await ctaFindings(html)).toEqual([]);
    const [r] = await inspect({ text: html, filePath: 'bg.html' });
    expect(r.language).toMatchObject({ lang: 'bg', source: 'text', words: false });
    expect(r.ctas[0].language).toMatchObject({ lang: 'bg', words: false });
    expect(r.ctas[0].language.note).toMatch(/no word lists for language "bg"/);
  });

  it('placeholder labels are vague, in any language', async () => {
    for (const [lang, label] of [['en', 'Call To Action'], ['en', 'Do this Next'], ['de', 'Button text'], ['ja', 'Call To Action']]) {
      const found = await ctaFindings(page(lang, `<p>${COPY[lang] ?? COPY.en}</p>${btn(label)}`));
      expect(found.map((m) => m.ruleId), `${lang}: ${label}`).toContain('cta-vague-text');
    }
  });

  it('vague labels are found in the label’s language', async () => {
    const cases: Array<[string, string]> = [['pl', 'Kliknij tutaj'], ['ja', 'ここをクリック'], ['ar', 'اضغط هنا'], ['de', 'Mehr erfahren'], ['en', 'Learn more']];
    for (const [lang, label] of cases) {
      const found = await ctaFindings(page(null, `<p>${COPY[lang]}</p>${btn(label)}`));
      expect(found.map((m) => m.ruleId), `${lang}: ${label}`).toEqual(['cta-vague-text']);
    }
  });

  it('no suggestion mixes scripts with its label (property)', async () => {
    const labels = fc.constantFrom('احصل على العرض', 'Към Новината', 'Yes! Subscribe Me', 'カートに入れる', '立即预订', 'Подробнее', 'לחץ כאן', 'Learn more', 'Our summer collection', 'Mehr', '자세히 보기', 'Hemen satın al', 'SHOP THE SALE');
    const langs = fc.constantFrom(null, 'en', 'de', 'ar', 'ja', 'bg', 'ru');
    const hrefs = fc.constantFrom('https://example.com/shop/summer', 'https://example.com/guide.pdf', 'https://example.com/trial', 'https://example.com/webinar', 'https://example.com/');
    await fc.assert(
      fc.asyncProperty(labels, langs, hrefs, async (label, lang, href) => {
        const msgs = await run(page(lang, `<p>${COPY.en}</p>${btn(label, href)}`));
        for (const m of msgs) {
          if (!m.ruleId?.startsWith('cta-')) continue;
          const want = scriptsOf(label);
          for (const s of m.suggestions ?? []) {
            const text = /"([^"]*)"$/.exec(s.desc)?.[1] ?? s.fix.text;
            const got = scriptsOf(text);
            expect([...got].every((x) => want.has(x)), `${m.ruleId}: ${label} → ${text}`).toBe(true);
          }
          const example = /e\.g\. "([^"]*)"|Try "([^"]*)"/.exec(m.message);
          if (example) expect([...scriptsOf(example[1] ?? example[2])].every((x) => want.has(x)), m.message).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('footer, unsubscribe and lang in the email’s language', () => {
  const FOOTER: Record<string, string> = {
    it: '© 2026 Negozio Srl. Tutti i diritti riservati. Via Roma 1, Milano.',
    nl: '© 2026 Winkel BV. Alle rechten voorbehouden. Hoofdstraat 1, Amsterdam.',
    pt: '© 2026 Loja Lda. Todos os direitos reservados. Rua Augusta 1, Lisboa.',
    ar: 'جميع الحقوق محفوظة لمتجرنا. شارع الملك فهد، الرياض.',
  };
  it('a 13px legal footer in Italian, Dutch, Portuguese or Arabic is a footer, not body text', async () => {
    for (const [lang, text] of Object.entries(FOOTER)) {
      const msgs = (await run(page(lang, `<p style="font-size:16px">${COPY[lang]}</p><p style="font-size:13px">${text}</p>`))).filter((m) => m.ruleId === 'min-font-size');
      expect(msgs.map((m) => m.messageId), lang).toEqual([]);
    }
  });

  it('an unsubscribe link worded in Polish, Japanese or Turkish is an unsubscribe link', async () => {
    for (const [lang, copy, text] of [['pl', COPY.pl, 'Wypisz się z newslettera'], ['ja', COPY.ja, '配信停止'], ['tr', COPY.en, 'Abonelikten çık']]) {
      const html = page(lang, `<p>${copy}</p>${btn('Sprawdź ofertę', 'https://example.com/shop/sale')}<p style="font-size:12px"><a href="https://example.com/u?id=1">${text}</a></p>`);
      const msgs = (await lint({ text: html, filePath: 'x.html' }, { mailType: 'marketing' }))[0].messages.filter((m) => m.ruleId === 'unsubscribe-link');
      expect(msgs, `${lang}: ${text}`).toEqual([]);
    }
  });

  it('html-lang suggests the language the copy is written in', async () => {
    for (const lang of ['bg', 'de', 'ja', 'ar']) {
      const [m] = (await run(page(null, `<p>${COPY[lang]}</p>`))).filter((x) => x.ruleId === 'html-lang');
      expect(m.message, lang).toContain(`lang="${lang}"`);
      expect(m.suggestions?.[0].fix.text).toBe(` lang="${lang}"`);
    }
    const [und] = (await run(page('und', `<p>${COPY.de}</p>`))).filter((x) => x.ruleId === 'html-lang');
    expect(und.messageId).toBe('undetermined');
    expect(und.suggestions?.[0].fix.text).toBe('de');
  });
});

describe('right-to-left layout', () => {
  it('the static layout puts the first cell of a dir="rtl" row on the right', async () => {
    const { documentFromText } = await import('../../src/input/index.js');
    const { boxOf } = await import('../../src/model/layout.js');
    const row = (attrs: string) => `<table width="600" ${attrs}><tr><td width="300" id="a">${btn('اشترك الآن')}</td><td width="300" id="b">${btn('تسوق الآن')}</td></tr></table>`;
    for (const [attrs, html] of [['dir="rtl"', ''], ['style="direction:rtl"', ''], ['', ' dir="rtl"']]) {
      const doc = await documentFromText('rtl.html', `<html lang="ar"${html}><body>${row(attrs)}</body></html>`);
      const [a, b] = ['a', 'b'].map((id) => doc.elements.find((e) => e.attribs.id === id)!);
      expect(boxOf(doc, a, 'desktop').left, attrs || html).toBeGreaterThan(boxOf(doc, b, 'desktop').left);
    }
    const ltr = await documentFromText('ltr.html', `<html lang="en"><body>${row('')}</body></html>`);
    const [a, b] = ['a', 'b'].map((id) => ltr.elements.find((e) => e.attribs.id === id)!);
    expect(boxOf(ltr, a, 'desktop').left).toBeLessThan(boxOf(ltr, b, 'desktop').left);
  });
});
