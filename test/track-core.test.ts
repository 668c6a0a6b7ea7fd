import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRawUrl, setParams, encodeParam, slugify } from '../src/rewrite/url.js';
import { planHref, trackDocument, track, resolveTrackOptions, classifyTrackability, contentFor, GMAIL_CLIP_BYTES } from '../src/rewrite/track.js';
import { vmlTwins } from '../src/model/vml.js';
import { manifestToCsv, manifestFormat, type ManifestEntry } from '../src/rewrite/manifest.js';
import { EmailDocument } from '../src/model/document.js';
import { ConfigError, InputError } from '../src/errors.js';
import { DeadlineError, withDeadline } from '../src/deadline.js';
import { createSession } from '../src/session.js';
import type { Cta } from '../src/model/cta/index.js';

const O = { campaign: 'spring-sale', source: 'news' };
const doc = (text: string) => new EmailDocument({ filePath: 'mail.html', text });

describe('parseRawUrl', () => {
  it('finds query, fragment, params and separators without decoding the raw value', () => {
    const u = parseRawUrl('https://x.com/p?a=1&amp;b=2&c&#38;d=%20x#f?g=1');
    expect(u.params.map((p) => [p.key, p.value])).toEqual([['a', '1'], ['b', '2'], ['c', ''], ['d', ' x']]);
    expect(u.separators).toEqual(['&amp;', '&', '&#38;']);
    expect(u.raw.slice(u.fragmentStart)).toBe('#f?g=1');
  });
  it('treats merge tags as opaque: no structure inside them', () => {
    const u = parseRawUrl('https://x.com/{{a?b#c}}/p?x={{ y&z=1 }}#{{f}}');
    expect(u.raw.slice(u.queryStart, u.fragmentStart)).toBe('?x={{ y&z=1 }}');
    expect(u.params).toHaveLength(1);
  });
  it('does not read &copy= (no semicolon) as an entity', () => {
    expect(parseRawUrl('https://x.com/?a=1&copy=2').params.map((p) => p.key)).toEqual(['a', 'copy']);
  });
});

describe('setParams', () => {
  it('appends in the given order, before the fragment, in the URL\'s separator style', () => {
    expect(setParams('https://x.com/?a=1&b=2#top', [['utm_source', 's'], ['utm_medium', 'email']]).value).toBe('https://x.com/?a=1&b=2&utm_source=s&utm_medium=email#top');
    expect(setParams('https://x.com/#top', [['k', 'v']], { separator: '&' }).value).toBe('https://x.com/?k=v#top');
    expect(setParams('https://x.com/', [['k', 'v'], ['l', 'w']], { separator: '&' }).value).toBe('https://x.com/?k=v&l=w');
  });
  it('keeps existing parameters (not duplicated) unless overwrite, which replaces them in place', () => {
    const kept = setParams('https://x.com/?utm_source=old&a=1', [['utm_source', 'new'], ['utm_medium', 'email']]);
    expect(kept.value).toBe('https://x.com/?utm_source=old&a=1&utm_medium=email');
    expect(kept.kept).toEqual(['utm_source']);
    const over = setParams('https://x.com/?utm_source=old&a=1', [['utm_source', 'new']], { overwrite: true });
    expect(over.value).toBe('https://x.com/?utm_source=new&a=1');
    expect(over.replaced).toEqual(['utm_source']);
    expect(setParams('https://x.com/?utm_source&a=1', [['utm_source', 'n']], { overwrite: true }).value).toBe('https://x.com/?utm_source=n&a=1');
  });
  it('changes nothing when everything is present', () => {
    const r = setParams('https://x.com/?k=v', [['k', 'v']], { overwrite: true });
    expect(r.value).toBe('https://x.com/?k=v');
    expect(r.added).toEqual([]);
  });
});

describe('encodeParam and slugify', () => {
  it('percent-encodes strictly (quotes, parentheses, spaces, unicode) but never a merge tag', () => {
    expect(encodeParam("spring sale's (50%)")).toBe('spring%20sale%27s%20%2850%25%29');
    expect(encodeParam('café & co')).toBe('caf%C3%A9%20%26%20co');
    expect(encodeParam('id-{{ user.id }}-*|EMAIL|*-%%Key%%')).toBe('id-{{ user.id }}-*|EMAIL|*-%%Key%%');
  });
  it('slugs labels in any script', () => {
    expect(slugify('Download the guide →')).toBe('download-the-guide');
    expect(slugify('Réservez maintenant')).toBe('reservez-maintenant');
    expect(slugify('Дарете сега')).toBe('дарете-сега');
    expect(slugify('a'.repeat(30) + ' ' + 'b'.repeat(30)).length).toBeLessThanOrEqual(40);
  });
});

describe('planHref', () => {
  const skip = (raw: string, extra: Record<string, unknown> = {}, ctx: Record<string, unknown> = {}) => {
    const p = planHref(raw, { index: 0, ...ctx }, { ...O, ...extra });
    return p.kind === 'skipped' ? p.reason : 'tracked';
  };
  it('skips what must not be tracked, with the reason', () => {
    expect(skip('mailto:a@b.c?subject=Hi')).toBe('mailto');
    expect(skip('TEL:+1555')).toBe('tel');
    expect(skip('sms:+1555')).toBe('sms');
    expect(skip('javascript:void(0)')).toBe('javascript');
    expect(skip('data:text/plain,x')).toBe('data');
    expect(skip('cid:logo')).toBe('cid');
    expect(skip('#top')).toBe('anchor');
    expect(skip('#')).toBe('anchor');
    expect(skip('')).toBe('empty');
    expect(skip('   ')).toBe('empty');
    expect(skip('/relative')).toBe('relative');
    expect(skip('http://')).toBe('no-host');
    expect(skip('{{action_url}}')).toBe('merge-tag');
    expect(skip('*|UNSUB|*')).toBe('unsubscribe');
    expect(skip('<%asm_group_unsubscribe_raw_url%>')).toBe('unsubscribe');
    expect(skip('{{{pm:unsubscribe}}}')).toBe('unsubscribe');
    expect(skip('[unsubscribe]')).toBe('unsubscribe');
    expect(skip('*|ARCHIVE|*')).toBe('view-online');
    expect(skip('*|FORWARD|*')).toBe('system-tag');
    expect(skip('https://x.com/p', {}, { text: 'Unsubscribe from this list' })).toBe('unsubscribe');
    expect(skip('https://x.com/{% if a %}b{% endif %}')).toBe('template-logic');
    expect(skip('https://x.com/{{ index .L ')).toBe('unclosed-merge-tag');
    expect(skip('https://other.org/', { domains: ['x.com'] })).toBe('outside-domain');
    expect(skip('https://x.com.evil.org/', { domains: ['x.com'] })).toBe('outside-domain');
    expect(skip('https://a.x.com/', { domains: ['x.com'] })).toBe('tracked');
    expect(skip('{{base}}/p', { domains: ['x.com'] })).toBe('outside-domain');
    expect(skip('https://x.com/legal/terms', { exclude: ['/LEGAL/'] })).toBe('excluded');
    expect(skip('https://x.com/promo/1', { exclude: ['*x.com/promo/*'] })).toBe('excluded');
    expect(skip('https://x.com/promo', { exclude: ['*x.com/promo/*'] })).toBe('tracked');
    expect(skip('https://x.com/p', {}, { optOut: true })).toBe('opt-out');
    expect(skip('/p', {}, { baseHref: 'https://x.com/' })).toBe('tracked');
  });
  it('never lets a parameter value close the attribute', () => {
    expect(skip('https://x.com/', { params: ['ref={{ id "x" }}'] }, { quote: '"' })).toBe('quote-conflict');
    expect(skip('https://x.com/', { params: ['ref={{ id "x" }}'] }, { quote: "'" })).toBe('tracked');
    expect(skip('https://x.com/', { params: ['ref={{ id }}'] }, { quote: '' })).toBe('quote-conflict');
    expect(skip('https://x.com/', { params: ['ref={{id}}'] }, { quote: '' })).toBe('tracked');
  });
  it('adds utm_source, utm_medium, utm_campaign, utm_term, utm_content, then custom params', () => {
    const p = planHref('https://x.com/', { index: 6 }, { ...O, term: 'shoes', params: { b: '2', a: '1' }, separator: '&' });
    expect(p).toMatchObject({ kind: 'tracked', value: 'https://x.com/?utm_source=news&utm_medium=email&utm_campaign=spring-sale&utm_term=shoes&utm_content=link-7&b=2&a=1' });
  });
  it('names CTAs in auto content, and fills templates', () => {
    const opts = resolveTrackOptions(O);
    expect(contentFor({ index: 3, ctaIndex: 0, ctaLabel: 'Download the guide' }, opts)).toBe('cta-1-download-the-guide');
    expect(contentFor({ index: 3 }, opts)).toBe('link-4');
    const t = resolveTrackOptions({ ...O, content: '{file}-{cta}-{index}-{type}' });
    expect(contentFor({ index: 3, ctaIndex: 1, ctaLabel: 'Start trial', type: 'trial', file: 'emails/Welcome Email.html' }, t)).toBe('welcome-email-start-trial-4-trial');
    expect(contentFor({ index: 3, text: 'Our blog' }, t)).toBe('-our-blog-4-other');
    expect(contentFor({ index: 3 }, resolveTrackOptions({ ...O, content: 'none' }))).toBeNull();
  });
});

describe('resolveTrackOptions', () => {
  it('names the bad key', () => {
    expect(() => resolveTrackOptions({})).toThrow(/track\.campaign: required/);
    expect(() => resolveTrackOptions({ campaign: 'x', params: ['nokey'] })).toThrow(/track\.params: expected key=value/);
    expect(() => resolveTrackOptions({ campaign: 'x', params: ['utm_source=x'] })).toThrow(/use the source option/);
    expect(() => resolveTrackOptions({ campaign: 'x', medum: 'x' })).toThrow(/track\.medum: unknown option/);
    expect(() => resolveTrackOptions({ campaign: 'x', overwrite: 'yes' })).toThrow(ConfigError);
    expect(() => resolveTrackOptions({ campaign: 'x', openPixel: 'pixel.gif' })).toThrow(/openPixel/);
    expect(resolveTrackOptions({ campaign: 'x', domains: ['https://WWW.Example.com/path', '*.shop.io'] }).domains).toEqual(['www.example.com', 'shop.io']);
  });
});

describe('trackDocument', () => {
  const html = [
    '<html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Inter"></head><body>',
    '<!--[if mso]><v:roundrect href="https://x.com/guide"><center>Get it</center></v:roundrect><![endif]--><a href="https://x.com/guide">Download the guide</a>',
    '<a href="https://x.com/blog">Blog</a>',
    '</body></html>',
  ].join('\n');

  it('does not see <link> stylesheets or font URLs (they are not links)', () => {
    const d = doc(html);
    expect(d.links.map((l) => l.tag)).toEqual(['v:roundrect', 'a', 'a']);
    expect(applyAll(d, O)).toContain('href="https://fonts.googleapis.com/css?family=Inter"');
  });

  it('gives the VML twin the same utm_content as its <a>, from the CTA model when it has the link', () => {
    const d = doc(html);
    const [vml, a] = d.links;
    const cta = { index: 0, label: 'Download the guide', link: a, vml, primary: true, type: 'download' } as unknown as Cta;
    // The model's verdict per link (doc.ctaVerdict) is what tracking reads.
    Object.defineProperty(d, 'ctaVerdict', { value: (l: unknown) => (l === a || l === vml ? { cta } : { reason: 'plain', why: 'plain text link' }) });
    const r = trackDocument(d, O);
    expect(r.manifest.map((e) => e.utmContent)).toEqual(['cta-1-download-the-guide', 'cta-1-download-the-guide', 'link-2']);
    expect(r.manifest[1]).toMatchObject({ ctaLabel: 'Download the guide', primary: true, type: 'download', twin: null });
    expect(r.manifest[0]).toMatchObject({ vml: true, twin: 1, type: 'download' });
    expect(r.manifest[2]).toMatchObject({ ctaLabel: null, primary: false, type: 'social' });
  });

  it('an error of the CTA model reaches the caller (no silent link-N fallback)', () => {
    const d = doc(html);
    Object.defineProperty(d, 'ctaVerdict', { value: () => { throw new Error('boom'); } });
    expect(() => trackDocument(d, O)).toThrow('boom');
    // The time budget's error above all: the engine turns it into the file's budget finding.
    const cut = doc(html);
    Object.defineProperty(cut, 'ctaVerdict', { value: () => { throw new DeadlineError(); } });
    expect(() => trackDocument(cut, O)).toThrow(DeadlineError);
    // Without CTA names in utm_content, the model is never asked.
    expect(trackDocument(d, { ...O, content: 'link-{index}' }).manifest.map((e) => e.utmContent)).toEqual(['link-1', 'link-1', 'link-2']);
  });

  it('skips a VML twin whose <a> is skipped (an unsubscribe button)', () => {
    const d = doc('<!--[if mso]><v:rect href="https://x.com/u/1"><center>Bye</center></v:rect><![endif]--><a href="https://x.com/u/1">Unsubscribe</a>');
    expect(trackDocument(d, O).manifest.map((e) => e.skipReason)).toEqual(['unsubscribe', 'unsubscribe']);
    expect(classifyTrackability(d.links[0], {}, d)).toEqual({ trackable: false, skipReason: 'unsubscribe' });
    expect(vmlTwins(d).get(d.links[0])).toBe(d.links[1]);
  });

  it('adds the open pixel once, just before </body>', () => {
    const d = doc('<html><body><p>Hi</p>\n</body></html>');
    const once = applyAll(d, { ...O, openPixel: 'https://t.x.com/o?a=1&b={{ id }}' });
    expect(once).toBe('<html><body><p>Hi</p>\n<img src="https://t.x.com/o?a=1&amp;b={{ id }}" width="1" height="1" alt="" border="0" style="display:block;width:1px;height:1px;border:0;" /></body></html>');
    expect(applyAll(doc(once), { ...O, openPixel: 'https://t.x.com/o?a=1&b={{ id }}' })).toBe(once);
    const r = trackDocument(doc('<p>fragment</p>'), { ...O, openPixel: 'https://t.x.com/o' });
    expect(r.warnings.join()).toMatch(/no <\/body>/);
  });

  it('warns past Gmail\'s clip', () => {
    const big = `<html><body><a href="https://x.com/">x</a>${' '.repeat(GMAIL_CLIP_BYTES - 60)}</body></html>`;
    const r = trackDocument(doc(big), O);
    expect(r.outputBytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect(r.warnings.join()).toMatch(/Gmail clips/);
  });
});

function applyAll(d: EmailDocument, o: Record<string, unknown>): string {
  const { edits } = trackDocument(d, o as never);
  let out = d.text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

describe('track() on files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inboxlint-track-'));
  it('keeps the bytes of a file that is not UTF-8', async () => {
    const f = join(dir, 'latin1.html');
    const bytes = Buffer.concat([Buffer.from('<meta charset="iso-8859-1"><p>Caf'), Buffer.from([0xe9]), Buffer.from('</p><a href="https://x.com/">R'), Buffer.from([0xe9]), Buffer.from('server</a>')]);
    writeFileSync(f, bytes);
    const r = await track(f, O);
    expect(r.encoding).toBe('latin1');
    const out = Buffer.from(r.output, r.encoding);
    expect(out.subarray(0, 33).equals(bytes.subarray(0, 33))).toBe(true);
    expect(out.includes(Buffer.from([0x52, 0xe9, 0x73]))).toBe(true);
    expect(r.output).toContain('utm_campaign=spring-sale');
  });
  it('refuses missing, empty and binary files, naming the file', async () => {
    await expect(track(join(dir, 'nope.html'), O)).rejects.toMatchObject({ name: 'InputError', filePath: join(dir, 'nope.html') });
    writeFileSync(join(dir, 'empty.html'), '');
    await expect(track(join(dir, 'empty.html'), O)).rejects.toThrow(InputError);
    writeFileSync(join(dir, 'bin.html'), Buffer.from([0x3c, 0x61, 0x00, 0x01, 0x02]));
    await expect(track(join(dir, 'bin.html'), O)).rejects.toThrow(/binary/);
  });
  it('accepts text', async () => {
    const r = await track({ text: '<a href="https://x.com">x</a>' }, O);
    expect(r.changed).toBe(true);
    expect(r.filePath).toBe('<text>');
  });
});

describe('manifest', () => {
  it('writes RFC 4180 CSV and picks the format from the extension', () => {
    const e = { file: 'a.html', index: 0, line: 1, column: 2, tag: 'a', vml: false, twin: null, original: 'https://x.com/?a=1,2', tracked: null, changed: false, skipReason: 'excluded', ctaLabel: 'Say "hi"\nnow', ctaIndex: null, ctaNumber: null, primary: false, type: 'other', utmContent: null, added: ['utm_source', 'utm_medium'], kept: [], replaced: [] } satisfies ManifestEntry;
    const csv = manifestToCsv([e]);
    // The columns of before keep their places; ctaNumber (1-based, the N of utm_content's cta-N) comes last.
    expect(csv.split('\r\n')[0]).toBe('file,index,line,column,tag,vml,twin,original,tracked,changed,skipReason,ctaLabel,ctaIndex,primary,type,utmContent,added,kept,replaced,ctaNumber');
    expect(csv).toContain('"https://x.com/?a=1,2",,false,excluded,"Say ""hi""\nnow",,false,other,,utm_source utm_medium,,,\r\n');
    expect(manifestFormat('links.CSV')).toBe('csv');
    expect(manifestFormat('links.json')).toBe('json');
    expect(manifestFormat('links.txt')).toBeUndefined();
  });
});

describe('trackDocument and the time budget', () => {
  // Many buttons: the CTA scan checks the deadline often enough to notice a passed one.
  const many = (n: number) =>
    `<html><body>${Array.from({ length: n }, (_, i) => `<table><tr><td bgcolor="#0055ff" style="padding:12px"><a href="https://shop.example.com/p/${i}" style="color:#fff">Buy item ${i}</a></td></tr></table><p>Copy about item ${i}, a sentence or two.</p>`).join('')}</body></html>`;

  it('a deadline that passes inside the CTA model stops the file (DeadlineError), never a silent link-N manifest', () => {
    const d = doc(many(1500));
    void d.links; // read before the deadline: the CTA model is what runs under it
    expect(() => withDeadline(performance.now() - 1, () => trackDocument(d, { ...O, content: 'auto' }))).toThrow(DeadlineError);
    // The cut left nothing half-built: the same document tracks in full afterwards, named by its CTAs.
    const r = trackDocument(d, { ...O, content: 'auto' });
    expect(r.manifest.filter((m) => m.ctaLabel !== null)).toHaveLength(1500);
    expect(r.manifest[0].utmContent).toMatch(/buy-item-0/);
  });

  it('through a session: the file budget is an error naming the file, not output', async () => {
    const session = await createSession({ maxFileTime: 1 });
    try {
      await expect(session.track({ text: many(3000), filePath: 'big.html' }, O)).rejects.toMatchObject({ filePath: 'big.html', message: expect.stringMatching(/time budget of 1 ms/) });
    } finally {
      await session.close();
    }
  });
});
