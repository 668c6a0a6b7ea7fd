/**
 * One pairing of Outlook VML buttons with their HTML twins (src/model/vml.ts): the CTA model,
 * link tracking, the damage checker and the `tracking-params` rule read the same answer.
 */
import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../src/model/document.js';
import { vmlTwins } from '../src/model/vml.js';
import { trackDocument } from '../src/rewrite/track.js';
import { applyEdits } from '../src/engine/edits.js';

const doc = (text: string) => new EmailDocument({ filePath: 'mail.html', text });
const vml = (href: string, label: string) =>
  `<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="${href}" style="height:40px;width:200px;" fillcolor="#0a7"><center>${label}</center></v:roundrect><![endif]-->`;

describe('VML twins', () => {
  it('an unsubscribe button drawn twice is one unsubscribe link, not a CTA, for the CTA model and for tracking', () => {
    const d = doc(`<p>Hello</p>${vml('https://x.com/u/42', 'Leave')}<a href="https://x.com/u/42" style="mso-hide:all">Unsubscribe</a>`);
    const [v, a] = d.links;
    expect(vmlTwins(d).get(v)).toBe(a);
    expect(d.ctas).toEqual([]);
    const m = trackDocument(d, { campaign: 'c' }).manifest;
    expect(m.map((e) => [e.twin, e.skipReason, e.ctaLabel, e.type])).toEqual([
      [1, 'unsubscribe', null, 'unsubscribe'],
      [null, 'unsubscribe', null, 'unsubscribe'],
    ]);
  });

  it('a VML copy of a link placed after it is that link’s twin: one CTA, one URL', () => {
    const d = doc(`<p><a href="https://x.com/a">Get the guide</a></p>${vml('https://x.com/a', 'Get the guide')}`);
    const [a, v] = d.links;
    expect(vmlTwins(d).get(v)).toBe(a);
    expect(d.ctas).toHaveLength(1);
    expect(d.ctas[0]).toMatchObject({ link: a, vml: v });
    const r = trackDocument(d, { campaign: 'c' });
    expect(r.manifest.map((e) => e.tracked)).toEqual([r.manifest[0].tracked, r.manifest[0].tracked]);
  });

  it('the pairing does not depend on the tracking options (utm_content on or off)', () => {
    // The VML and its mso-hide:all twin point at different URLs: only the near pairing joins them.
    const d = doc(`${vml('https://x.com/vml', 'Shop')}<a href="https://x.com/html" style="mso-hide:all;background:#0a7;padding:10px 20px;color:#fff">Shop</a><a href="https://x.com/other">Other</a>`);
    const twins = (content: string) => trackDocument(d, { campaign: 'c', content }).manifest.map((e) => e.twin);
    expect(twins('none')).toEqual([1, null, null]);
    expect(twins('auto')).toEqual([1, null, null]);
    expect(twins('{index}')).toEqual([1, null, null]);
    // Twins share one number: the other link is link-2.
    expect(trackDocument(d, { campaign: 'c', content: 'link-{index}' }).manifest.map((e) => e.utmContent)).toEqual(['link-1', 'link-1', 'link-2']);
  });

  it('a preference link hidden from Outlook before a VML button is never its twin', () => {
    const d = doc(`<a href="https://x.com/p" style="mso-hide:all">Manage preferences</a>${vml('https://x.com/shop#', 'Shop now')}`);
    const [p, v] = d.links;
    expect(p.role).toBe('preferences');
    expect(vmlTwins(d).has(v)).toBe(false);
  });

  it('the pairing counts distance outside link values, so longer tracked hrefs keep the same twins', () => {
    // The twin ends 580 characters of markup before the VML, with a link between them whose href
    // grows by far more than 100 characters when tracked.
    const filler = `<p>${'x'.repeat(540)}</p>`;
    const text = `<a href="https://x.com/s" style="mso-hide:all">Shop now</a>${filler}<a href="https://x.com/b">Blog</a>${vml('https://x.com/s#', 'Shop now')}`;
    const options = { campaign: 'a-long-campaign-name-for-this-test', params: ['ref=a-long-reference-parameter-value'] };
    const d1 = doc(text);
    const once = applyEdits(text, trackDocument(d1, options).edits);
    const d2 = doc(once);
    expect(d2.links[1].href.length - d1.links[1].href.length).toBeGreaterThan(100);
    expect(vmlTwins(d1).get(d1.links[2])).toBe(d1.links[0]);
    expect(vmlTwins(d2).get(d2.links[2])).toBe(d2.links[0]);
    expect(trackDocument(d2, options).edits).toEqual([]);
  });
});
