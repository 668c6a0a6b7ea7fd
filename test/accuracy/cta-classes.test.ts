import { describe, it, expect } from 'vitest';
import { documentFromText } from '../../src/input/index.js';
import { lint } from '../../src/api.js';

const page = (body: string) => `<html lang="en"><head><title>t</title></head><body><table role="presentation" width="600"><tr><td>${body}</td></tr></table></body></html>`;
const button = (href: string, label: string) => `<a href="${href}" style="background:#2454d6;color:#ffffff;padding:14px 28px;display:inline-block">${label}</a>`;
const intro = '<p>Our spring collection is here, with knitwear for the first cold mornings and coats for the rest.</p>';

describe('linked images and CTAs: decided by destination and context', () => {
  it('a hero photo linked where a live-text button also goes is not a CTA', async () => {
    const doc = await documentFromText('x.html', page(`${intro}<a href="https://shop.example.com/knitwear"><img src="https://cdn.example.com/hero.jpg" width="600" height="300" alt="Two people in cream jumpers walking through leaves"></a><p>${button('https://shop.example.com/knitwear', 'Shop knitwear')}</p>`));
    expect(doc.ctas.map((c) => c.label)).toEqual(['Shop knitwear']);
    const [r] = await lint({ text: page(`${intro}<a href="https://shop.example.com/knitwear"><img src="https://cdn.example.com/hero.jpg" width="600" height="300" alt="Two people in cream jumpers walking through leaves"></a><p>${button('https://shop.example.com/knitwear', 'Shop knitwear')}</p>`), filePath: 'x.html' });
    expect(r.messages.filter((m) => m.ruleId === 'cta-image-only' || m.ruleId === 'cta-action-text')).toEqual([]);
  });

  it('a lone banner with no live-text route, and button artwork, are CTAs', async () => {
    const lone = await documentFromText('x.html', page(`${intro}<a href="https://shop.example.com/sale"><img src="https://cdn.example.com/hero.jpg" width="600" height="300" alt="Spring sale"></a>`));
    expect(lone.ctas.map((c) => c.kind)).toEqual(['image']);
    const art = await documentFromText('x.html', page(`${intro}<a href="https://shop.example.com/sale"><img src="https://cdn.example.com/btn-shop.png" width="200" height="48" alt="Shop now"></a><p><a href="https://shop.example.com/sale">the sale</a></p>`));
    expect(art.ctas.some((c) => c.kind === 'image')).toBe(true);
  });

  it('a product photo and its title link to a placeholder: the title is the card CTA', async () => {
    const card = (n: number) => `<td width="50%"><a href="#"><img src="images/destination-${n}.jpg" width="270" height="180" alt="Destination"></a><p><a href="#">Gurtnellen, Switzerland</a></p><p>10 days tour</p></td>`;
    const doc = await documentFromText('x.html', page(`${intro}<table><tr>${card(1)}${card(2)}</tr></table>`));
    expect(doc.ctas.map((c) => `${c.kind}:${c.label}`)).toEqual(['text:Gurtnellen, Switzerland', 'text:Gurtnellen, Switzerland']);
  });
});

describe('card links in digests', () => {
  const post = (title: string) => `<td width="33%"><img src="https://cdn.example.com/${title}.jpg" width="180" height="120" alt=""><h3>${title}</h3><p>Far far away, behind the word mountains, far from the countries.</p><p><a href="https://example.com/blog/${title}" style="font-size:12px">Read more</a></p></td>`;
  it('"Read more" under each card is that card\'s CTA, flagged once per card', async () => {
    const text = page(`${intro}<table><tr>${post('speakers')}${post('sessions')}${post('workshops')}</tr></table>`);
    const doc = await documentFromText('x.html', text);
    expect(doc.ctas.map((c) => c.label)).toEqual(['Read more', 'Read more', 'Read more']);
    const [r] = await lint({ text, filePath: 'x.html' });
    expect(r.messages.filter((m) => m.ruleId === 'cta-vague-text')).toHaveLength(3);
  });

  it('does not take the masthead, a link list or a link inside a sentence for a card CTA', async () => {
    const doc = await documentFromText('x.html', page(`<p><a href="https://example.com">Northwind</a></p>${intro}<p>Read <a href="https://example.com/notes">the release notes</a> for details.</p><div><h4>Useful links</h4><p><a href="https://example.com/a">Home</a></p><p><a href="https://example.com/b">About</a></p><p><a href="https://example.com/c">Work</a></p></div>`));
    expect(doc.ctas).toEqual([]);
  });
});

describe('one defect, one finding', () => {
  const banner = (alt: string) => page(`${intro}<a href="https://shop.example.com/sale"><img src="https://cdn.example.com/btn-sale.png" width="300" height="60"${alt}></a>`);
  it('an image CTA without alt, or with alt="", is one accessibility finding (img-alt), not two', async () => {
    for (const alt of ['', ' alt=""']) {
      const [r] = await lint({ text: banner(alt), filePath: 'x.html' });
      const found = r.messages.filter((m) => m.ruleId === 'img-alt' || m.ruleId === 'cta-image-only');
      expect(found.map((m) => m.ruleId)).toEqual(['img-alt']);
    }
  });
  it('with img-alt off, cta-image-only still reports it', async () => {
    const [r] = await lint({ text: banner(''), filePath: 'x.html' }, { rules: { 'img-alt': 'off' } } as never);
    expect(r.messages.filter((m) => m.ruleId === 'cta-image-only').map((m) => m.messageId)).toEqual(['missingAlt']);
  });
});

describe('a highlighted word in a sentence', () => {
  it('is not a CTA, so it is neither primary nor a touch target', async () => {
    const text = page(`<p>Our <a href="https://example.com/sale" style="background-color:#fff3a0;color:#d00000;font-weight:bold">spring sale</a> starts today, with knitwear for the first cold mornings.</p>${button('https://example.com/knitwear', 'Shop knitwear')}`);
    const doc = await documentFromText('x.html', text);
    expect(doc.ctas.map((c) => [c.label, c.primary])).toEqual([['Shop knitwear', true]]);
    const [r] = await lint({ text, filePath: 'x.html' });
    expect(r.messages.filter((m) => m.ruleId === 'cta-touch-target' && /spring sale/.test(m.message))).toEqual([]);
  });
});

describe('card title links are not judged as button labels', () => {
  it('cta-action-text leaves a card title alone', async () => {
    const card = (t: string) => `<td width="50%"><img src="https://cdn.example.com/${t.length}.jpg" width="270" height="180" alt=""><p><a href="https://example.com/${t.length}">${t}</a></p><p>Eleven minutes, from the kernel list.</p></td>`;
    const [r] = await lint({ text: page(`${intro}<table><tr>${card('Why Postgres won and what comes next for it')}${card('Rust in the Linux kernel')}</tr></table>`), filePath: 'x.html' });
    expect(r.messages.filter((m) => m.ruleId === 'cta-action-text')).toEqual([]);
  });
});
