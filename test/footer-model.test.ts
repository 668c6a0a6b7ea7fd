import { describe, it, expect } from 'vitest';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';

const BODY = '<tr><td style="font-size:16px"><h1>Spring collection</h1><p>' + 'Fresh pieces for the new season, picked by our team. '.repeat(6) + '</p>' +
  '<table><tr><td bgcolor="#1a73e8" style="padding:12px 24px"><a href="https://example.com/shop" style="color:#ffffff">Shop now</a></td></tr></table></td></tr>';

/** A 13 px legal footer without a word of English: its unsubscribe link known by its ESP tag or its words, its address, no class. */
const FOOTERS: Record<string, string> = {
  it: '<tr><td style="font-size:13px"><p>Ricevi questa email perché sei iscritto alla nostra newsletter.</p><p>Esempio S.r.l., Via Roma 1, 00100 Roma</p><p><a href="%unsubscribe_url%">Annulla l\'iscrizione</a></p></td></tr>',
  nl: '<tr><td style="font-size:13px"><p>Je ontvangt deze e-mail omdat je je hebt aangemeld.</p><p>Voorbeeld B.V., Damstraat 1, 1012 AB Amsterdam</p><p><a href="{{ unsubscribe }}">Klik hier</a></p></td></tr>',
  pt: '<tr><td style="font-size:13px"><p>Você recebeu este e-mail porque se cadastrou em nosso site.</p><p>Exemplo Ltda., Rua Augusta 100, São Paulo</p><p><a href="*|UNSUB|*">Descadastrar</a></p></td></tr>',
  ar: '<tr><td dir="rtl" style="font-size:13px"><p>تلقيت هذه الرسالة لأنك مشترك في نشرتنا الإخبارية.</p><p>شارع الملك فهد ١، الرياض</p><p><a href="{{${set_user_to_unsubscribed_url}}}">إلغاء الاشتراك</a></p></td></tr>',
  pl: '<tr><td style="font-size:13px"><p>Otrzymujesz tę wiadomość, ponieważ zapisałeś się do newslettera.</p><p>Przykład Sp. z o.o., ul. Marszałkowska 1, Warszawa</p><p><a href="https://example.com/u/abc123">Wypisz się</a> · © 2026</p></td></tr>',
};

const email = (footer: string) => `<!doctype html><html><body><table width="600">${BODY}${footer}</table></body></html>`;

describe('the footer, by structure', () => {
  it.each(Object.keys(FOOTERS))('%s: the trailing block with the unsubscribe link or © is the footer, whatever its language', async (lang) => {
    const doc = await documentFromText('t.html', email(FOOTERS[lang]));
    const f = doc.footer;
    expect(f).toBeDefined();
    const text = doc.text;
    expect(f!.start).toBeGreaterThan(text.indexOf('Shop now'));
    expect(f!.start).toBeLessThanOrEqual(text.indexOf('<p>', text.indexOf('font-size:13px')));
    // min-font-size holds it to the footer's minimum (11 px), not the body's 14 px
    const ms = lintDocument(doc, { rules: { 'min-font-size': { severity: 'error' } } }).messages;
    expect(ms.map((m) => m.messageId)).toEqual([]);
  });

  it('the body is not the footer: small body text is still reported', async () => {
    const doc = await documentFromText('t.html', email(FOOTERS.it).replace('font-size:16px', 'font-size:13px'));
    const ms = lintDocument(doc, { rules: { 'min-font-size': { severity: 'error' } } }).messages;
    expect(ms.some((m) => m.messageId === 'tooSmall' && /Fresh pieces|Spring/.test(m.message))).toBe(true);
  });

  it('an unsubscribe link at the top (a pre-header bar) does not make the email a footer', async () => {
    const doc = await documentFromText('t.html', `<html><body><p style="font-size:11px"><a href="%unsubscribe_url%">Unsubscribe</a></p><table width="600">${BODY}</table><p>Thanks for reading our long letter, see you next week with more news and more ideas.</p></body></html>`);
    expect(doc.footer?.start ?? Infinity).toBeGreaterThan(doc.text.indexOf('Shop now'));
  });

  it('the masthead logo\'s name repeated as a home-page link after the last content block is the footer, not a CTA', async () => {
    const html = (label: string) => `<!doctype html><html><body><table width="600"><tr><td><img src="https://example.com/logo.png" alt="Example.gov"></td></tr>
      <tr><td><p>${'We have received your application and will contact you if we need anything else. '.repeat(3)}</p></td></tr>
      <tr><td style="border-top:4px solid #fa2"><a href="https://example.gov/" style="color:#000;text-decoration:none"><strong>${label}</strong></a><div>Service name</div></td></tr></table></body></html>`;
    const signed = await documentFromText('s.html', html('Example.gov'));
    expect(signed.footer).toBeDefined();
    expect(signed.ctas).toEqual([]);
    // A home link with another name is no signature: no footer from it.
    expect((await documentFromText('o.html', html('Visit our site'))).footer).toBeUndefined();
  });

  it('no anchor, no footer', async () => {
    const doc = await documentFromText('t.html', `<html><body><table>${BODY}</table></body></html>`);
    expect(doc.footer).toBeUndefined();
  });

  it('a link standing alone in a non-English footer is not the email\'s lone text CTA', async () => {
    const html = '<html><body><p>Nowa kolekcja już jest. Lekkie tkaniny, nowe kolory i kroje na cały sezon, wybrane przez nasz zespół projektantów.</p><p><a href="https://example.com/kolekcja">Zobacz kolekcję</a></p>' +
      '<table><tr><td style="font-size:14px"><p>Otrzymujesz tę wiadomość, bo jesteś w naszej bazie.</p><p><a href="https://example.com/sklep">Nasz sklep</a></p><p><a href="%unsubscribe_url%">Wypisz się</a></p></td></tr></table></body></html>';
    const doc = await documentFromText('t.html', html);
    expect(doc.ctas.map((c) => c.label)).toEqual(['Zobacz kolekcję']);
  });
});

describe('what is not the footer', () => {
  it('an invoice table\'s "purchase_footer" row is not the email footer', async () => {
    const doc = await documentFromText('t.html', `<html><body><table width="600">${BODY}<tr><td><table><tr><td class="purchase_item">Plan</td><td>$10</td></tr><tr><td class="purchase_footer">Total</td><td class="purchase_footer">$10</td></tr></table></td></tr>` +
      '<tr><td><p style="font-size:13px">If you have trouble with the button above, copy and paste the URL below into your web browser.</p></td></tr></table></body></html>');
    expect(doc.footer).toBeUndefined();
  });

  it('a short email is not all footer: the footer holds at most half its text', async () => {
    const doc = await documentFromText('t.html', '<html><body><table><tr><td><p>How did we do?</p><p style="font-size:12px">Unsatisfied · Neutral · Very satisfied</p></td></tr>' +
      '<tr><td class="footer" style="font-size:12px"><a href="#">Contact us</a> | <a href="%unsubscribe_url%">Unsubscribe</a></td></tr></table></body></html>');
    const f = doc.footer;
    expect(f).toBeDefined();
    expect(f!.start).toBeGreaterThan(doc.text.indexOf('Very satisfied'));
  });
});
