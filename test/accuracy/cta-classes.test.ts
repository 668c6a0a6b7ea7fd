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

describe('text links that read as actions of their own (links sharing a line, bold list items, closing arrows)', () => {
  it('a link sharing its line only with a preferences link ("View the comment or Manage notifications") is the lone CTA', async () => {
    const text = page(`<p>Jane commented on your design: “Love the new header.”</p><p style="font-size:13px"><a href="{{action_url}}">View the comment</a> or <a href="{{notifications_url}}">Manage notifications</a></p>`);
    const doc = await documentFromText('x.html', text);
    expect(doc.ctas.map((c) => c.label)).toEqual(['View the comment']);
    expect(doc.links.find((l) => l.text === 'Manage notifications')?.role).toBe('preferences');
    // Two actions on the line: no guess.
    const two = await documentFromText('x.html', page(`<p>Jane commented on your design: “Love the new header.”</p><p><a href="{{action_url}}">View the comment</a> or <a href="{{reply_url}}">Reply</a></p>`));
    expect(two.ctas).toEqual([]);
  });

  it('a bold link leading a list item, then a dash and its explanation, is that item\'s CTA', async () => {
    const item = (href: string, label: string) => `<tr><td><div><strong><a href="${href}">${label}</a></strong> - If you didn't get a chance to try the product, just let us know and we will help.<br><br></div></td></tr>`;
    const text = page(`<p>Your trial has ended. Thanks for giving the product a try over the last two weeks.</p>${button('{{action_url}}', 'Upgrade your account')}<table>${item('{{trial_extension_url}}', 'Restart your trial')}${item('{{export_url}}', 'Export your data')}</table>`);
    const doc = await documentFromText('x.html', text);
    expect(doc.ctas.map((c) => c.label)).toEqual(['Upgrade your account', 'Restart your trial', 'Export your data']);
    // Not bold, or no dash and explanation: a link word leading a sentence.
    const plain = await documentFromText('x.html', page(`<p>Your trial has ended.</p>${button('{{action_url}}', 'Upgrade your account')}<table><tr><td><div><a href="{{x}}">Restart your trial</a> if you didn't get a chance to try the product, and we will help.</div></td></tr></table>`));
    expect(plain.ctas.map((c) => c.label)).toEqual(['Upgrade your account']);
  });

  it('a link closing its paragraph after a finished sentence with an arrow is the step\'s CTA; a highlighted word is not', async () => {
    const step = (label: string) => `<tr><td><div style="font-size:14px">Pull in data from any of 40+ integrations, Postgres, Stripe, Salesforce, you name it. <a href="#">${label}</a></div></td></tr>`;
    const doc = await documentFromText('x.html', page(`<h1>Welcome aboard</h1><p>Three steps to your first dashboard.</p><table>${step('Browse integrations →')}</table>`));
    expect(doc.ctas.map((c) => c.label)).toEqual(['Browse integrations →']);
    const inline = await documentFromText('x.html', page(`<h1>Welcome aboard</h1><p>Three steps to your first dashboard.</p><table><tr><td><div>Pull in data from any of our <a href="#">integrations →</a> and build a report in minutes.</div></td></tr></table>`));
    expect(inline.ctas).toEqual([]);
  });

  it('a thumbnail and its play button linked to one destination in one card are one CTA', async () => {
    const doc = await documentFromText('x.html', page(`${intro}<div><a href="#"><img src="images/bg_2.jpg" width="600" height="300" alt="Watch our video"></a><a href="#"><img src="images/play-button.png" width="60" height="60" alt=""></a><h2>Watch our video</h2><p>A small river named Duden flows by their place.</p></div>`));
    expect(doc.ctas.map((c) => `${c.kind}:${c.label}`)).toEqual(['image:Watch our video']);
  });
});

describe('cta-action-text verbs', () => {
  it('"Do this next" and "Come back" open with a verb; "My order" does not', async () => {
    const text = page(`${intro}<p>${button('https://example.com/next', 'Do this next')}</p><p>${button('https://example.com/back', 'Come back')}</p><p>${button('https://example.com/order', 'My order')}</p>`);
    const [r] = await lint({ text, filePath: 'x.html' });
    expect(r.messages.filter((m) => m.ruleId === 'cta-action-text').map((m) => m.message.match(/"[^"]+"/)![0])).toEqual(['"My order"']);
  });
});

describe('digest stories built of sibling blocks', () => {
  it('a headline link followed by its summary is the story\'s CTA, even in a long column; a headline without a summary is not', async () => {
    const story = (t: string) => `<div style="font-size:20px;font-weight:700"><a href="#">${t}</a></div><div style="font-size:14px">It took five years of patches, three rewrites and one memory-safety argument. Here is what went in, and what comes next for the rest of the stack.</div><div style="font-size:13px">LWN · 11 min</div>`;
    const col = `<p>${'The week in software, in three stories and a few links worth your time. '.repeat(3)}</p>${story('Rust in the kernel networking path')}${story('Why Postgres won')}${story('Bun 1.2 ships')}${story('The open-weight model that caught up')}`;
    const doc = await documentFromText('x.html', page(col));
    expect(doc.ctas.map((c) => c.label)).toEqual(['Rust in the kernel networking path', 'Why Postgres won', 'Bun 1.2 ships', 'The open-weight model that caught up']);
    const small = await documentFromText('x.html', page(col.replace(/font-size:20px/g, 'font-size:14px')));
    expect(small.ctas).toEqual([]);
  });
});
