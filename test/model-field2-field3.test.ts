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

  it('the forms of one word count once: an abandoned-cart voucher that names "zamówienie" three ways is marketing (pl)', async () => {
    const html = '<html><body><p>Nie potwierdziłeś zamówienia. Przyznajemy ci zniżkę na Twoje zamówienie!</p><p>Oto Twój kod rabatowy: {voucher_num}</p><p>Przy następnym zamówieniu wklej ten kod do koszyka.</p></body></html>';
    const info = (await doc(html)).mailTypeInfo;
    expect(info.type).toBe('marketing');
    // Distinct words still add up: an order number and an invoice are two pieces of evidence.
    expect((await doc('<html><body><p>Twoje zamówienie: numer zamówienia 12. Faktura w załączniku. Kod rabatowy na kolejne zakupy: X.</p></body></html>')).mailTypeInfo.type).toBe('transactional');
  });

  it('a referral invitation a customer sends a friend through the shop is person-to-person, not marketing (pl, ru)', async () => {
    const pl = '<html><body><p>Zaproszenie od {firstname} {lastname}</p><p>Twój znajomy {firstname} {lastname} zaproponował Ci zakupy w naszym sklepie. Otrzymasz rabat i kupon przy pierwszym zakupie.</p><p>Cześć {firstname_friend}!</p></body></html>';
    const ru = '<html><body><p>Присоединяйтесь к нам, {firstname_friend}!</p><p>Ваш друг, {firstname} {lastname}, рекомендует Вам магазин. Заработайте скидку на {discount}!</p></body></html>';
    for (const html of [pl, ru]) expect((await doc(html)).mailTypeInfo.type).toBe('transactional');
    // A campaign to a list that talks of friends, with no friend named by the template, stays marketing.
    expect((await doc('<html><body><p>Poleć nas znajomym: rabat 10 zł i kupon dla Ciebie!</p></body></html>')).mailTypeInfo.type).toBe('marketing');
  });

  it('an opt-in confirmation and a gift-card notice are transactional (en, ja)', async () => {
    const wrap = (lang: string, s: string) => `<html lang="${lang}"><body><p>${s}</p><a href="{{ customer.subscribe_url }}">OK</a></body></html>`;
    expect((await doc(wrap('en', 'You need to confirm that you want to receive marketing updates from us. If you didn’t subscribe, then you don’t need to do anything.'))).mailTypeInfo.type).toBe('transactional');
    expect((await doc(wrap('ja', 'メールマガジンへのご登録をご確認ください。購読しなかった場合は、何もする必要はありません。'))).mailTypeInfo.type).toBe('transactional');
    expect((await doc(wrap('en', 'Your gift card for the shop is active. Keep this email or write down your gift card number.'))).mailTypeInfo.type).toBe('transactional');
  });
});

describe('the sender named by a template tag', () => {
  // PrestaShop 1.7's follow-up: logo link, copy, a voucher, then `{shop_name}` above "Powered by".
  const copy = '<p>Il tuo carrello è stato salvato, puoi riprendere l\'ordine visitando il nostro negozio quando vuoi. Ti aspettiamo con tante novità e un codice sconto valido per trenta giorni su tutto il catalogo del negozio.</p>';
  const prestashop = `<html><body><table><tr><td><a href="{shop_url}"><img src="{shop_logo}" width="200"></a></td></tr>` +
    `<tr><td>${copy}<p>Il tuo codice sconto: {voucher_num}</p></td></tr>` +
    '<tr><td><div style="font-size:16px;font-weight:600"><a href="{shop_url}" style="font-size:16px;font-weight:600">{shop_name}</a></div>' +
    '<div style="font-size:12px">Powered by <a href="https://www.prestashop.com/">PrestaShop</a></div></td></tr></table></body></html>';

  it('a closing link to the home page labelled only by the shop-name tag is the footer, not a CTA', async () => {
    const d = await doc(prestashop);
    expect(d.ctas.map((c) => c.label)).toEqual([]);
    expect(d.footer).toBeDefined();
    expect(d.footer!.start).toBeGreaterThan(d.text.indexOf('{voucher_num}'));
    // The same link in the running copy is not a signature.
    const inCopy = await doc(prestashop.replace('<p>Il tuo codice', '<p><a href="{shop_url}">{shop_name}</a> Il tuo codice').replace(/<div style="font-size:16px[^]*?<\/div>/, ''));
    expect(inCopy.footer).toBeUndefined();
  });

  it("Liquid's {{shop.url}} is the home page: the masthead wordmark of a mail with no button is not its CTA", async () => {
    const html = "<html><body><table><tr><td><h1><a href='{{shop.url}}'>{{ shop.name }}</a></h1></td></tr><tr><td><p>{{ message }}</p><p>Reply to this email to write back.</p></td></tr></table></body></html>";
    expect((await doc(html)).ctas.map((c) => c.label)).toEqual([]);
    expect((await doc(html.replace('{{shop.url}}', '{{ shop.url }}'))).ctas.map((c) => c.label)).toEqual([]);
  });
});

describe('lexicon gaps', () => {
  it('Turkish verb-last labels with kullan, dön, geç, git open their action (cta-action-text says nothing)', async () => {
    const { lint } = await import('../src/api.js');
    for (const label of ['İndirimi Kullan', 'Aboneliğe Geri Dön', "Premium'a Geç", 'Kontrol Paneline Git']) {
      const html = `<html lang="tr"><body><p>Merhaba, yeni dönem başladı.</p><table><tr><td style="background:#0a5;padding:12px 24px"><a href="https://x.test/a" style="color:#fff;text-decoration:none">${label}</a></td></tr></table></body></html>`;
      const [r] = await lint({ text: html, filePath: 'a.html' }, { rules: ['cta-action-text=error'] });
      expect(r.messages.filter((m) => m.ruleId === 'cta-action-text').map((m) => m.message)).toEqual([]);
    }
  });

  it('an informal Turkish welcome is service wording; an inflected Czech "slevu" and Polish "Newsletterze" are marketing', async () => {
    expect((await doc('<html><body><p>Hoş geldin! Hesabın hazır.</p></body></html>')).mailTypeInfo.evidence).toContain('"hoş geldin"');
    expect((await doc('<html><body><p>Děkujeme za důvěru. Váš kupón: DIK10. Získejte slevu z vaší další objednávky.</p></body></html>')).mailTypeInfo.type).toBe('marketing');
    expect((await doc('<html><body><p>Po rejestracji w naszym Newsletterze otrzymujesz prezent.</p></body></html>')).mailTypeInfo.type).toBe('marketing');
  });
});

describe('the document language from short copy', () => {
  it('says nothing rather than Serbian for short Czech copy, and fa (not prs, Dari) for Persian', async () => {
    const { loadDetector, detectLanguage } = await import('../src/model/language.js');
    await loadDetector();
    // PrestaShop follow-up copy, template tags removed (the gaps where they stood kept).
    const cs = 'Dobrý den , Děkujeme za Vaši důvěru. S potěšením vám můžeme poskytnout slevu % z vaší další objednávky! Tato nabídka je platná dní, takže už není na co čekat! Zde je váš SLEVOVÝ KUPÓN: Chcete-li získat slevu, zadejte tento kód v košíku. Powered by PrestaShop';
    const fa = 'سلام ، از اعتماد شما سپاس‌گزاریم. ما خوشحالیم که برای سفارش بعدی‌تان به شما یک تخفیف به میزان % پیشنهاد دهیم. و این پیشنهاد برای روز معتبر است، پس بیشتر از این صبر نکنید! کد تخفیف شما: برای دریافت تخفیف این کد را در سبد خرید خود وارد کنید.';
    expect(detectLanguage(cs)).not.toBe('sr');
    expect(['cs', null]).toContain(detectLanguage(cs));
    expect(detectLanguage(fa)).toBe('fa');
    expect(detectLanguage('Talk with fellow investors on the Better Landlords Forum. Download the app today.')).toBe('en');
  });
});

describe('a one-table email', () => {
  it('its one standalone text link is the email\'s action, not a card\'s headline: cta-action-text judges its length', async () => {
    const { lint } = await import('../src/api.js');
    const html = '<table style="font-size:11px;width:550px"><tr><td><a href="{shop_url}"><img src="{shop_logo}" alt="{shop_name}"></a></td></tr>' +
      '<tr><td><strong>Присоединяйтесь к нам, {firstname_friend}!</strong></td></tr>' +
      '<tr><td>Станьте нашим покупателем и получите подарок к первой покупке!</td></tr>' +
      '<tr><td><a href="{link}" style="font-size:11px">Регистрация в нашем магазине очень проста, просто пройдите по ссылке!</a></td></tr>' +
      '<tr><td>С наилучшими пожеланиями, команда магазина.</td></tr></table>';
    const d = await doc(html);
    expect(d.ctas.map((c) => [c.label.slice(0, 11), !!c.card])).toEqual([['Регистрация', false]]);
    const [r] = await lint({ text: html, filePath: 'a.html' }, { rules: ['cta-action-text=error'] });
    expect(r.messages.filter((m) => m.ruleId === 'cta-action-text').map((m) => m.message)).toEqual([expect.stringContaining('words')]);
  });
});

describe('template logic in a link', () => {
  it('a card image wrapped in {% if %}…<a>…{% endif %} is an image link, not a second text CTA beside the card\'s own link (HubSpot card module)', async () => {
    const card = (logic: boolean) => {
      const [open, close] = logic ? ['{% if item.url %}', '{% endif %}'] : ['', ''];
      return `<html><body><table><tr><td><p>Our newest guides for busy teams, picked for you this week by the editors.</p></td></tr><tr><td>${open}<a href="{{ item.url }}">${close}<img src="{{ item.src }}" alt="{{ item.alt }}" width="250">${open}</a>${close}</td></tr><tr><td><b>{{ item.title }}</b></td></tr><tr><td><a href="{{ item.url }}" style="font-weight:700;color:#0A58C7">{{ item.cta_text }} &gt;</a></td></tr></table></body></html>`;
    };
    const labels = async (html: string) => (await doc(html)).ctas.map((c) => c.label);
    // With or without the template logic around the <a> tags, the card's one CTA is its text link.
    expect(await labels(card(true))).toEqual(await labels(card(false)));
    expect(await labels(card(true))).not.toContain('{{ item.alt }}');
  });
});
