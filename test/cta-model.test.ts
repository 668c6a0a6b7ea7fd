/** The CTA model and optimizer on the CTA fixtures (fixtures/cta-labeled, fixtures/cta): detection, pairing, positions, suggestions. */
import { describe, it, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { applyEdits } from '../src/engine/edits.js';
import { classifyLink } from '../src/model/classify.js';
import { isVagueLabel, startsWithActionVerb, isAllCaps } from '../src/model/cta/language.js';
import { suggestLabels } from '../src/cta/suggest.js';
import { escapeHtml } from '../src/escape.js';
import type { MeasuredGeometry } from '../src/model/geometry.js';

const fixture = async (name: string) => {
  const path = fileURLToPath(new URL(`../fixtures/${name}.html`, import.meta.url));
  return documentFromText(path, await readFile(path, 'utf8'));
};
const lint = (doc: Awaited<ReturnType<typeof fixture>>, id: string, options?: Record<string, unknown>) =>
  lintDocument(doc, { rules: { [id]: { severity: 'error', options } }, reportUnusedDirectives: false }).messages;

describe('CTA detection by shape', () => {
  it('a filled link inside a filled card cell: the link is the button, not the cell', async () => {
    const html = `<html><body style="background:#f3f5f9"><table><tr><td style="background-color:#ffffff; padding:0 40px 32px 40px;">
      <a href="https://x.example/webinar" style="display:inline-block; background-color:#2454d6; color:#ffffff; line-height:48px; width:220px">Save my seat</a>
    </td></tr></table></body></html>`;
    const doc = await documentFromText('card.html', html);
    expect(doc.ctas).toHaveLength(1);
    expect(doc.ctas[0].element.name).toBe('a');
    // The white card around it is not the button's fill: no "button does not stand out" finding.
    expect(lintDocument(doc, { rules: { 'cta-contrast': { severity: 'warn', options: {} } } }).messages).toEqual([]);
  });

  it('a one-cell table filled from the style sheet around one link is a table button (Mailchimp templateButton); its inline link is a small target', async () => {
    const html = `<html><head><style>.templateButton{background-color:#336699;border-radius:3px}.templateButton a{color:#ffffff;font-size:15px;line-height:100%}</style></head>
      <body><p>Thanks for trying the new sending API this month.</p><table cellpadding="15" class="templateButton"><tr><td><div><a href="https://x.example/">See What It Can Do</a></div></td></tr></table></body></html>`;
    const doc = await documentFromText('mc.html', html);
    expect(doc.ctas.map((c) => [c.label, c.kind, c.element.name])).toEqual([['See What It Can Do', 'button', 'table']]);
    expect(lint(doc, 'cta-touch-target').map((m) => m.messageId)).toEqual(['tooSmall']);
    // A filled header table with more cells around a brand link is no button.
    const header = await documentFromText('h.html', `<html><head><style>.hdr{background:#222}</style></head><body><table class="hdr"><tr><td><img src="https://x.example/l.png" alt=""></td></tr><tr><td><a href="#" style="color:#fff">Company Name</a></td></tr></table><p>${'Copy of the mail. '.repeat(5)}</p></body></html>`);
    expect(header.ctas.map((c) => c.kind)).not.toContain('button');
  });

  it('merge-tag href: a table button whose href is {{action_url}}', async () => {
    const doc = await fixture('cta-labeled/td-merge-tag-href');
    expect(doc.ctas).toHaveLength(1);
    const [c] = doc.ctas;
    expect(c).toMatchObject({ kind: 'button', href: '{{action_url}}', hrefIsMergeTag: true, primary: true, label: 'Reset your password', type: 'account' });
    expect(c.element.name).toBe('td'); // the fill painter
    expect(c.labelElement.name).toBe('a');
    expect(doc.text.slice(c.labelRange!.start, c.labelRange!.end)).toBe('Reset your password');
  });

  it('border-based button (Postmark) with a merge-tag href; the copy-paste URL is not a CTA', async () => {
    const doc = await fixture('cta-labeled/postmark-border-button');
    expect(doc.ctas.map((c) => [c.kind, c.label, c.href])).toEqual([['button', 'Do this next', '{{action_url}}']]);
  });

  it('VML wrapping its <a> through split conditionals is ONE CTA', async () => {
    const doc = await fixture('cta-labeled/vml-nested-split');
    expect(doc.links.filter((l) => l.isVml)).toHaveLength(1);
    expect(doc.ctas).toHaveLength(1);
    const [c] = doc.ctas;
    expect(c.kind).toBe('vml-button');
    expect(c.vml?.tag).toBe('v:roundrect');
    expect(c.link?.href).toBe(c.vml?.href);
    expect(c.label).toBe('Save your seat');
    expect(c.vmlLabel).toBeUndefined(); // the VML shows the <a>'s text
  });

  it('VML beside an <a style="mso-hide:all"> is ONE CTA, with both labels and ranges', async () => {
    const doc = await fixture('cta-labeled/vml-beside-mismatch');
    expect(doc.ctas).toHaveLength(1);
    const [c] = doc.ctas;
    expect(c).toMatchObject({ kind: 'vml-button', label: 'Come back for 20% off', vmlLabel: 'Add more info here', href: 'https://example.com/winback' });
    expect(c.vml?.href).toBe('https://example.com/old-offer');
    expect(doc.text.slice(c.vmlLabelRange!.start, c.vmlLabelRange!.end)).toBe('Add more info here');
  });

  it('image banner link: kind image, label from alt, primary when there is no button', async () => {
    const doc = await fixture('cta-labeled/image-banner-alt');
    expect(doc.ctas).toHaveLength(1);
    expect(doc.ctas[0]).toMatchObject({ kind: 'image', label: 'Summer sale: up to 40% off', primary: true, type: 'product' });
    expect(doc.ctas[0].image?.name).toBe('img');
  });

  it("a digest card's bold \"Read more…\" closing the summary a template prints is the card's CTA", async () => {
    const card = (i: number) => `<table><tr><td><div style="font-size:30px">{{ post.title }}</div></td></tr><tr><td><div style="font-size:18px">{{ post.content }}
      <a href="https://x.example/post/${i}" style="font-weight:bold;color:#222">Read more…</a></div></td></tr></table>`;
    const doc = await documentFromText('digest.html', `<html><body><h1>Our weekly digest</h1>${card(1)}${card(2)}</body></html>`);
    expect(doc.ctas.map((c) => c.label)).toEqual(['Read more…', 'Read more…']);
    // Not bold, or inside running text: not a CTA.
    const plain = await documentFromText('p.html', '<html><body><h1>News</h1><p>We shipped a new editor and a faster importer this week, see <a href="https://x.example/blog">the blog</a> for more.</p></body></html>');
    expect(plain.ctas).toEqual([]);
  });

  it('a link whose label is a social network\'s name ("TWITTER") is a social link, not a CTA', async () => {
    const doc = await documentFromText('s.html', `<html><body><h1>Welcome aboard</h1><p>Thanks for joining us, we are glad to have you here.</p>
      <a href="https://x.example/start" style="display:inline-block;background:#2454d6;color:#fff;padding:14px 24px">Get started</a>
      <div>${['twitter', 'facebook'].map((n) => `<table style="display:inline-table"><tr><td><a href="${n} page"><img alt="my-${n}" src="https://x.example/${n}.png" width="20" height="20"></a></td><td style="padding:4px"><a href="${n} page" style="display:block;color:#763b26;font-size:13px;line-height:22px;text-decoration:none">${n.toUpperCase()}</a></td></tr></table>`).join('')}</div></body></html>`);
    expect(doc.ctas.map((c) => c.label)).toEqual(['Get started']);
  });

  it('a link right in the body, alone on its line under the copy (FreeMarker around it), is the lone CTA; a body that is only a link is not', async () => {
    const html = `<html><body><h1>Newsletter</h1><p>We have received a request to subscribe you to our list.</p><p>To complete it, follow the link below:</p>
      <#assign verifyUrl = base + '/verify?code=' + code>
      <a href="\${verifyUrl}">Please click here to verify your subscription.</a></body></html>`;
    const doc = await documentFromText('v.html', html);
    expect(doc.ctas.map((c) => c.label)).toEqual(['Please click here to verify your subscription.']);
    const bare = await documentFromText('b.html', '<html><body><a href="https://x.example/signin">PhishTank</a></body></html>');
    expect(bare.ctas).toEqual([]);
  });

  it('lone prominent text link of a short email', async () => {
    const doc = await fixture('cta-labeled/text-link-lone-cta');
    expect(doc.ctas.map((c) => [c.kind, c.label])).toEqual([['text', 'Confirm your email address']]);
  });

  it('a hero image pushes the button below the fold (estimated, measured:false)', async () => {
    const doc = await fixture('cta-labeled/hero-below-fold');
    const c = doc.ctas[0];
    expect(c.boxes.mobile.measured).toBe(false);
    expect(c.boxes.mobile.top).toBeGreaterThan(500);
    expect(c.boxes.desktop.top).toBeGreaterThan(350);
    const [m] = lint(doc, 'cta-above-fold');
    expect(m.message).toMatch(/below the fold.*375 px.*estimated/);
  });

  it('measured boxes in doc.facts.measured replace the estimate without touching the rule', async () => {
    const path = fileURLToPath(new URL('../fixtures/cta-labeled/hero-below-fold.html', import.meta.url));
    const text = await readFile(path, 'utf8');
    const probe = await documentFromText(path, text);
    const el = probe.ctas[0].element;
    const box = { top: 120, left: 24, width: 240, height: 48, measured: true };
    const measured: MeasuredGeometry = { viewports: { mobile: new Map([[el.startIndex!, box]]), desktop: new Map([[el.startIndex!, box]]) } };
    const doc = await documentFromText(path, text, { facts: { measured } });
    expect(doc.ctas[0].boxes.mobile).toEqual(box);
    expect(lint(doc, 'cta-above-fold')).toHaveLength(0);
    // Facts added later give a new document: the probe keeps its estimate (its CTAs were cached
    // before), the new one computes its CTAs on the boxes and shares the parse.
    const later = probe.withFacts({ measured });
    expect(later).not.toBe(probe);
    expect(later.dom).toBe(probe.dom);
    expect(later.elements).toBe(probe.elements);
    expect(later.ctas[0].boxes.mobile).toEqual(box);
    expect(probe.ctas[0].boxes.mobile.measured).toBe(false);
    expect(probe.facts.measured).toBeUndefined();
    expect(lint(later, 'cta-above-fold')).toHaveLength(0);
    expect(lint(probe, 'cta-above-fold')).toHaveLength(1);
  });

  it('a small button is a small tap target', async () => {
    const doc = await fixture('cta/small-button');
    const msgs = lint(doc, 'cta-touch-target');
    expect(msgs).toHaveLength(1);
    expect(msgs[0].messageId).toBe('tooSmall');
  });
});

describe('one verdict per link: the CTA it is, or why not (doc.ctaVerdict)', () => {
  const html = `<html><body>
    <table><tr><td><a href="https://brand.example.com/"><img src="logo.png" alt="Brand" width="120" height="40"></a></td></tr></table>
    <p>Welcome back. We have news for you, and a sentence of copy to read before the button.</p>
    <table><tr><td bgcolor="#0055ff" style="padding:12px 24px"><a href="https://brand.example.com/shop" style="color:#ffffff">Shop the sale</a></td></tr></table>
    <!--[if mso]><v:roundrect href="https://brand.example.com/shop"><center>Shop the sale</center></v:roundrect><![endif]-->
    <p>How likely are you to recommend us?</p>
    <table><tr>
      <td><a href="https://survey.example.com/nps?score=1" style="display:inline-block;padding:8px 12px;background:#eeeeee">1</a></td>
      <td><a href="https://survey.example.com/nps?score=2" style="display:inline-block;padding:8px 12px;background:#eeeeee">2</a></td>
      <td><a href="https://survey.example.com/nps?score=3" style="display:inline-block;padding:8px 12px;background:#eeeeee">3</a></td>
    </tr></table>
    <p>Read the <a href="https://brand.example.com/terms">terms</a> of the offer before you buy anything from us today.</p>
    <p><a href="https://brand.example.com/x" style="display:none">Hidden</a> <a href="https://brand.example.com/empty"></a></p>
    <p><a href="mailto:help@brand.example.com">Write to us</a> · <a href="callto:+123456">Call</a> · <a href="https://brand.example.com/unsubscribe">Unsubscribe</a></p>
  </body></html>`;

  it("names each link's reason, and every CTA's links point at it", async () => {
    const doc = await documentFromText('verdicts.html', html);
    const by = (pred: (l: (typeof doc.links)[number]) => boolean) => doc.ctaVerdict(doc.links.find(pred)!);
    expect(by((l) => l.href === 'https://brand.example.com/')).toMatchObject({ reason: 'brand' });
    const shop = by((l) => l.tag === 'a' && l.href.endsWith('/shop'));
    expect(shop.cta?.label).toBe('Shop the sale');
    // The VML shape shares its twin's verdict: the same CTA.
    expect(by((l) => l.isVml).cta).toBe(shop.cta);
    const scale = doc.links.filter((l) => l.href.includes('nps'));
    expect(doc.ctaVerdict(scale[0]).cta?.survey?.label).toBe('1–3');
    for (const step of scale.slice(1)) expect(doc.ctaVerdict(step)).toMatchObject({ reason: 'rating-step', why: expect.stringContaining('1–3') });
    expect(by((l) => l.href.endsWith('/terms'))).toMatchObject({ reason: 'in-text' });
    expect(by((l) => l.href.endsWith('/x'))).toMatchObject({ reason: 'hidden' });
    expect(by((l) => l.href.endsWith('/empty'))).toMatchObject({ reason: 'empty' });
    // Every scheme the model skips, the nine of them (inspect once knew only six).
    expect(by((l) => l.scheme === 'mailto')).toMatchObject({ reason: 'scheme', why: 'mailto: link' });
    expect(by((l) => l.scheme === 'callto')).toMatchObject({ reason: 'scheme', why: 'callto: link' });
    expect(by((l) => l.role === 'unsubscribe')).toMatchObject({ reason: 'unsubscribe' });
    // One answer: the CTAs are exactly the links whose verdict is a CTA.
    const fromVerdicts = new Set(doc.links.map((l) => doc.ctaVerdict(l).cta).filter(Boolean));
    expect([...fromVerdicts].sort((a, b) => a!.index - b!.index)).toEqual(doc.ctas);
    // Kept on the document: asked again, the same objects.
    expect(doc.ctaVerdict(doc.links[0])).toBe(doc.ctaVerdict(doc.links[0]));
  });

  it('a link of another document is refused with a clear error', async () => {
    const a = await documentFromText('a.html', '<a href="https://x.example/">x</a>');
    const b = await documentFromText('b.html', '<a href="https://x.example/">x</a>');
    expect(() => b.ctaVerdict(a.links[0])).toThrow(/not one of this document's links/);
  });
});

describe('optimizer suggestions (exact ranges, escaped text)', () => {
  const firstSuggestion = async (name: string, rule: string) => {
    const doc = await fixture(name);
    const msgs = lint(doc, rule);
    expect(msgs).toHaveLength(1);
    const s = msgs[0].suggestions![0];
    expect(doc.text.slice(s.fix.range.start, s.fix.range.end)).toBe(doc.ctas[0].label);
    return { doc, s, msgs };
  };

  it('"Learn more" on …/ebook.pdf → "Download the free guide"', async () => {
    const { doc, s } = await firstSuggestion('cta-labeled/ebook-learn-more', 'cta-vague-text');
    expect(s.fix.text).toBe('Download the free guide');
    const fixed = applyEdits(doc.text, [s.fix]);
    expect(fixed).toContain('>Download the free guide</a>');
    expect(fixed.length - doc.text.length).toBe('Download the free guide'.length - 'Learn more'.length);
  });

  it('"Click here" on …/trial → "Start your free trial"', async () => {
    const { s } = await firstSuggestion('cta/trial-click-here', 'cta-vague-text');
    expect(s.fix.text).toBe('Start your free trial');
  });

  it('"Submit" on a survey → "Share your feedback"', async () => {
    const { s } = await firstSuggestion('cta-labeled/survey-submit', 'cta-vague-text');
    expect(s.fix.text).toBe('Share your feedback');
  });

  it('"Learn more about pricing" is not vague', async () => {
    const doc = await fixture('cta-labeled/learn-more-about-pricing');
    expect(doc.ctas[0].label).toBe('Learn more about pricing');
    expect(lint(doc, 'cta-vague-text')).toHaveLength(0);
  });

  it('a VML twin with its own label: one fix rewrites both labels and nothing else', async () => {
    const doc = await fixture('cta-labeled/vml-beside-mismatch');
    const msgs = lint(doc, 'cta-outlook-mismatch');
    expect(msgs.map((m) => m.messageId).sort()).toEqual(['hrefMismatch', 'labelMismatch']);
    const href = msgs.find((m) => m.messageId === 'hrefMismatch')!.suggestions![0];
    expect(applyEdits(doc.text, [href.fix])).not.toContain('old-offer');
    // A label suggestion (from cta-action-text's sentence/verb logic, or vague) spans both labels.
    const cta = doc.ctas[0];
    const { labelFix } = await import('../src/cta/suggest.js');
    const fix = labelFix(doc, cta, 'Claim 20% off & come back')!;
    const out = applyEdits(doc.text, [fix]);
    expect(out.match(/Claim 20% off &amp; come back/g)).toHaveLength(2);
    expect(out.replace(/Claim 20% off &amp; come back/g, 'X')).toBe(doc.text.replace('Add more info here', 'X').replace('Come back for 20% off', 'X'));
  });

  it('suggestions follow the email language', async () => {
    expect(suggestLabels({ href: 'https://example.fr/essai', label: 'Cliquez ici', type: 'trial' }, { lang: 'fr' })[0]).toBe("Commencer l'essai gratuit");
    expect(suggestLabels({ href: 'https://example.de/ebook.pdf', label: 'Mehr', type: 'download' }, { lang: 'de' })[0]).toBe('Kostenlosen Leitfaden laden');
  });

  it('escapes replacement text', () => {
    expect(escapeHtml(`Tom & Jerry's <deal> "now"`)).toBe('Tom &amp; Jerry&#39;s &lt;deal&gt; &quot;now&quot;');
  });
});

describe('language and classification helpers', () => {
  it('vague phrases are whole-label, per language', () => {
    expect(isVagueLabel('Learn more', 'en')).toBe(true);
    expect(isVagueLabel('Learn more »', 'en')).toBe(true);
    expect(isVagueLabel('Learn more about pricing', 'en')).toBe(false);
    expect(isVagueLabel('Cliquez ici', 'fr')).toBe(true);
    expect(isVagueLabel('Hier klicken', 'de')).toBe(true);
    expect(isVagueLabel('Saiba mais', 'pt')).toBe(true);
    expect(isVagueLabel('Lees meer', 'nl')).toBe(true);
    expect(isVagueLabel('Scopri di più', 'it')).toBe(true);
    expect(isVagueLabel('Más información', 'es')).toBe(true);
    expect(isVagueLabel('https://example.com/x', 'en')).toBe(true);
    expect(isVagueLabel('Ver más', null)).toBe(true);
  });

  it('action verbs and caps', () => {
    expect(startsWithActionVerb('Start your free trial', 'en')).toBe(true);
    expect(startsWithActionVerb('Our summer collection', 'en')).toBe(false);
    expect(startsWithActionVerb('Téléchargez le guide', 'fr')).toBe(true);
    expect(startsWithActionVerb('Descarga la guía', 'es')).toBe(true);
    expect(isAllCaps('SHOP NOW')).toBe(true);
    expect(isAllCaps('Shop NOW')).toBe(false);
  });

  it('micro-conversion types from destination and label', () => {
    const cases: Array<[string, string, string]> = [
      ['https://example.com/ebook.pdf', 'Learn more', 'download'],
      ['https://example.com/trial', 'Click here', 'trial'],
      ['https://example.com/cart/add?sku=1', 'Add', 'cart'],
      ['https://example.com/checkout', 'Go', 'purchase'],
      ['https://example.com/signup', 'Join', 'signup'],
      ['https://example.com/survey/nps', 'Submit', 'form'],
      ['https://example.com/webinar/register', 'Save your seat', 'event'],
      ['https://shop.example.com/p/linen-shirt', 'Linen shirt', 'product'],
      ['https://example.com/blog/post-1', 'Read', 'content'],
      ['https://www.instagram.com/example', 'Instagram', 'social'],
      ['{{action_url}}', 'Reset your password', 'account'],
      ['https://example.com/unsubscribe', 'Unsubscribe', 'unsubscribe'],
      ['https://example.com/x', 'View this email in your browser', 'view-online'],
      ['https://example.com/', 'Home', 'other'],
    ];
    for (const [href, label, type] of cases) expect([href, classifyLink(href, label)]).toEqual([href, type]);
  });
});
