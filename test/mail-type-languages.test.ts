/**
 * The mail type read from the lexicon's wording in many languages, from language-independent
 * marks, and `unknown` when nothing says which (src/model/mail-type.ts, src/model/lexicon).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { LEXICON_LANGUAGES, mailTypeWordsIn, wordsFor } from '../src/model/lexicon/index.js';

const typeOf = async (html: string) => (await documentFromText('t.html', html)).mailTypeInfo;

describe('mail type in many languages', () => {
  // Each: a sign-up or reset note without an unsubscribe link, and a promotion, written for this test.
  const cases: Array<[string, string, string]> = [
    ['es', '<p>Hola Ana:</p><p>Para restablecer tu contraseña abre el enlace de abajo. Si no has solicitado el cambio, ignora este mensaje.</p>', '<p>Rebajas de verano: un descuento del 30 % en toda la tienda.</p><a href="https://e.example/s">Compra ahora</a>'],
    ['fr', '<p>Bonjour,</p><p>Merci de confirmer votre adresse e-mail pour activer votre compte.</p>', '<p>Les soldes commencent : profitez de notre offre spéciale et de la livraison gratuite.</p>'],
    ['pl', '<p>Cześć,</p><p>Potwierdź swój adres, klikając w link poniżej.</p>', '<p>Wielka wyprzedaż! Kod rabatowy na cały weekend.</p>'],
    ['ru', '<p>Здравствуйте!</p><p>Подтвердите свой адрес электронной почты, чтобы закончить регистрацию.</p>', '<p>Большая распродажа: скидки до 50% и бесплатная доставка.</p>'],
    ['tr', '<p>Merhaba,</p><p>Kaydı tamamlamak için e-posta adresinizi onaylayın.</p>', '<p>Büyük indirim: ücretsiz kargo ve özel teklif sadece bugün.</p>'],
    ['ja', '<p>山田様</p><p>パスワードをリセットするには以下のリンクを開いてください。お心当たりのない場合は破棄してください。</p>', '<p>期間限定セール！全品送料無料のクーポンをお届けします。</p>'],
    ['zh', '<p>您好：</p><p>请点击下面的链接验证您的邮箱地址。如非本人操作，请忽略。</p>', '<p>限时促销：全场优惠券，立即购买享受折扣。</p>'],
    ['ko', '<p>안녕하세요,</p><p>아래 링크를 눌러 이메일 주소를 확인하세요.</p>', '<p>주말 특가 세일! 할인 쿠폰을 받아 가세요.</p>'],
    ['de', '<p>Hallo,</p><p>Ihre Bestellung ist eingegangen. Die Rechnung finden Sie im Anhang.</p>', '<p>Nur für kurze Zeit: 20 % Rabatt mit dem Gutscheincode SOMMER.</p>'],
    ['uk', '<p>Вітаємо!</p><p>Підтвердіть свою електронну адресу, щоб завершити реєстрацію.</p>', '<p>Великий розпродаж: знижки та безкоштовна доставка.</p>'],
  ];

  for (const [lang, transactional, marketing] of cases) {
    it(`${lang}: a sign-up or reset note is transactional and a promotion marketing, with or without lang`, async () => {
      for (const attr of [` lang="${lang}"`, '']) {
        expect((await typeOf(`<html${attr}><body>${transactional}</body></html>`)).type).toBe('transactional');
        expect((await typeOf(`<html${attr}><body>${marketing}</body></html>`)).type).toBe('marketing');
      }
    });
  }

  it('a task-assignment notification or an appointment reminder is not marketing, in every lexicon language', async () => {
    // Written for this test (the wording of issue trackers' and workflow tools' notifications).
    const notices: Array<[string, string]> = [
      ['en', 'A new task has been assigned to you: review the contract draft.'],
      ['de', 'Ihnen wurde eine neue Aufgabe zugewiesen: Vertragsentwurf prüfen.'],
      ['es', 'Se le ha asignado una nueva tarea: revisar el borrador del contrato.'],
      ['fr', 'Une nouvelle tâche vous a été assignée : relire le projet de contrat.'],
      ['it', 'Le è stato assegnato un nuovo compito: rivedere la bozza del contratto.'],
      ['nl', 'Er is een nieuwe taak aan u toegewezen: het conceptcontract nakijken.'],
      ['pt', 'Uma nova tarefa foi atribuída a você: revisar a minuta do contrato.'],
      ['ja', '新しいタスクがアサインされました：契約書の草案を確認してください。'],
      ['zh', '一个新任务已分配给您：审阅合同草案。'],
      ['el', 'Σας ανατέθηκε μια νέα εργασία: έλεγχος του σχεδίου σύμβασης.'],
      ['en', 'Just a friendly reminder of your upcoming appointment on Monday at 10:00.'],
    ];
    for (const [lang, text] of notices) {
      const info = await typeOf(`<html lang="${lang}"><body><p>${text}</p><a href="https://app.example/task/42">${text.slice(0, 12)}</a></body></html>`);
      expect(info.type, `${lang}: ${text}`).toBe('transactional');
    }
  });

  it('a Greek application receipt is transactional, a Greek promotion marketing', async () => {
    expect((await typeOf('<html lang="el"><body><p>Έχουμε λάβει την αίτησή σας. Ο αριθμός αναφοράς σας είναι DSF123.</p></body></html>')).type).toBe('transactional');
    expect((await typeOf('<html lang="el"><body><p>Μεγάλες εκπτώσεις: κουπόνι και δωρεάν αποστολή μόνο σήμερα.</p></body></html>')).type).toBe('marketing');
  });

  it('a confirm, verify or reset link is transactional in any language, even one without a word list', async () => {
    const fa = '<p>سلام،</p><p>روی لینک زیر کلیک کنید.</p>';
    expect((await typeOf(`<body>${fa}<a href="{{ confirmUrl }}">ادامه</a></body>`)).type).toBe('transactional');
    expect((await typeOf(`<body>${fa}<a href="https://app.example/account/password/new?t=8f2">ادامه</a></body>`)).type).toBe('transactional');
    // The same note with a plain link says nothing either way.
    expect((await typeOf(`<body>${fa}<a href="https://app.example/docs">ادامه</a></body>`)).type).toBe('unknown');
  });

  it('template code is not wording: a variable named discount does not make an order marketing', async () => {
    const info = await typeOf('<body><p>{{ order.discount }} {{ coupon_code }}</p><p>Hello {{ name }}.</p></body>');
    expect(info.type).toBe('unknown');
  });

  it('a receipt that lists its discount line and coupon stays transactional', async () => {
    const info = await typeOf('<body><h1>Receipt</h1><p>Billing information</p><table><tr><td>Coupon</td><td>-10%</td></tr><tr><td>Discount</td><td>$5</td></tr></table></body>');
    expect(info.type).toBe('transactional');
  });

  it('unknown mail gets no unsubscribe-link finding; a promotion without an unsubscribe link does', async () => {
    const run = async (html: string) => {
      const doc = await documentFromText('t.html', html);
      return lintDocument(doc, { rules: { 'unsubscribe-link': { severity: 'error' } } }).messages.filter((m) => m.ruleId === 'unsubscribe-link');
    };
    expect(await run('<body><p>Notes from Tuesday attached.</p></body>')).toEqual([]);
    const [m] = await run('<html lang="it"><body><p>Saldi di fine stagione: uno sconto per te.</p></body></html>');
    expect(m.messageId).toBe('missing');
    expect(m.message).toMatch(/mail type marketing, inferred from "(saldi|sconto)"/);
  });
});

describe('mail-type wording in the lexicon', () => {
  it('every language of the lexicon has transactional, service and marketing wording', () => {
    for (const lang of LEXICON_LANGUAGES) {
      const w = wordsFor(lang)!;
      expect(w.transactional.length, lang).toBeGreaterThan(10);
      expect(w.service.length, lang).toBeGreaterThan(5);
      expect(w.marketing.length, lang).toBeGreaterThan(10);
    }
  });

  it('no phrase is both transactional and marketing wording in one language', () => {
    for (const lang of LEXICON_LANGUAGES) {
      const w = wordsFor(lang)!;
      const t = new Set([...w.transactional, ...w.service]);
      expect(w.marketing.filter((p) => t.has(p)), lang).toEqual([]);
    }
  });

  it('every listed phrase finds itself in a sentence (property: any surrounding words)', () => {
    const all = LEXICON_LANGUAGES.flatMap((lang) => (['transactional', 'service', 'marketing'] as const).flatMap((kind) => wordsFor(lang)![kind].map((p) => [lang, kind, p] as const)));
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom('', 'Hello. ', '— ', '¡'), fc.constantFrom('', '.', ' today!', ', 2026'), ([lang, kind, phrase], before, after) => {
        const text = `${before}${phrase.replace(/\*$/, 'x')}${after}`;
        expect(mailTypeWordsIn(text, kind, lang).length).toBeGreaterThan(0);
        expect(mailTypeWordsIn(text, kind).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('matches whole words: a phrase inside a longer word is not found', () => {
    expect(mailTypeWordsIn('The wholesale price list', 'marketing', 'en')).toEqual([]);
    expect(mailTypeWordsIn('A big sale this week', 'marketing', 'en')).toEqual(['sale']);
  });
});
