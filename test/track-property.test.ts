/**
 * Property tests for the link rewriter: for arbitrary HTML with links (random attributes,
 * quotes, entities, merge tags of every syntax, fragments, conditional comments, VML, junk),
 * every byte outside the changed href values stays identical, tracking twice == once, and no
 * exception escapes the API.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { track } from '../src/rewrite/track.js';
import { checkRewrite } from '../src/rewrite/verify.js';
import { EmailDocument } from '../src/model/document.js';
import { InputError } from '../src/errors.js';
import { hrefAttr, url } from './arbitraries.js';

const attrs = fc.array(fc.constantFrom(' style="color:red"', " title='a \"b\" c'", ' target=_blank', ' data-href="https://x.com"', ' class=btn', ' clicktracking="off"', '\n  ', ' alt="x>y"'), { maxLength: 3 }).map((a) => a.join(''));
const text = fc.constantFrom('Shop now', 'Unsubscribe', 'View in browser', 'Manage preferences', '', 'Download the guide', '&amp; more', '<img src="x.png" alt="Go">');
const anchor = fc.tuple(fc.constantFrom('a', 'A', 'area'), attrs, hrefAttr, attrs, text).map(([t, a1, h, a2, x]) => (t === 'area' ? `<area${a1} ${h}${a2}>` : `<${t}${a1} ${h}${a2}>${x}</${t}>`));
const vml = fc.tuple(fc.constantFrom('v:roundrect', 'v:rect'), hrefAttr, text).map(([t, h, x]) => `<${t} xmlns:v="urn:schemas-microsoft-com:vml" ${h} style="width:200px"><center>${x}</center></${t}>`);
const twin = fc.tuple(url.map((u) => u.replace(/["\s]/g, '')), text, fc.boolean()).map(([u, x, wrap]) =>
  wrap
    ? `<!--[if mso]><v:roundrect href="${u}"><w:anchorlock/><center><![endif]--><a href="${u}">${x}</a><!--[if mso]></center></v:roundrect><![endif]-->`
    : `<!--[if mso]><v:roundrect href="${u}"><center>${x}</center></v:roundrect><![endif]--><a href="${u}" style="mso-hide:all">${x}</a>`,
);
const junk = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('<p>', '</p>', '<br/>', '<!-- c -->', '<!DOCTYPE html>', '\r\n', '&nbsp;', '<a>', '</a>', '<a href>', '<link href="https://f.com/css?a=1&b=2" rel="stylesheet">', '<base href="https://example.com/b/">', '<!--[if !mso]><!-->', '<!--<![endif]-->', '</body>', '<body>', '<style>a[href="#x"]{color:red}</style>', '\uFEFF', '<script>var a = "<a href=\'x\'>";</script>'),
);
const html = fc.array(fc.oneof({ weight: 3, arbitrary: anchor }, { weight: 1, arbitrary: vml.map((v) => `<!--[if mso]>${v}<![endif]-->`) }, { weight: 1, arbitrary: twin }, { weight: 3, arbitrary: junk }), { maxLength: 12 }).map((xs) => xs.join(''));

const optionsArb = fc.record({
  campaign: fc.constantFrom('spring-sale', 'Spring Sale 2026!', "l'été", '*|CAMPAIGN_UID|*'),
  source: fc.option(fc.constantFrom('newsletter', 'news & co'), { nil: undefined }),
  content: fc.constantFrom('auto', 'none', '{cta}-{index}', 'x{type}'),
  overwrite: fc.boolean(),
  params: fc.constantFrom([], ['ref={{id}}'], ['a=1', 'b=two words']),
  openPixel: fc.option(fc.constantFrom('https://t.example.com/o.gif?id={{id}}&c=1'), { nil: undefined }),
});

async function run(input: string, options: Record<string, unknown>) {
  try {
    return await track({ text: input, filePath: 'p.html' }, options as never);
  } catch (err) {
    if (err instanceof InputError && !input.trim()) return null; // empty input is refused, as it should be
    throw err;
  }
}

const stripPixel = (s: string) => s.replace(/<img src="[^"]*" width="1" height="1" alt="" border="0" style="display:block;width:1px;height:1px;border:0;" \/>/, '');

describe('track properties', () => {
  it('keeps every byte outside the changed hrefs and damages no link', async () => {
    await fc.assert(
      fc.asyncProperty(html, optionsArb, async (input, options) => {
        const r = await run(input, options);
        if (!r) return;
        const doc = new EmailDocument({ filePath: 'p.html', text: input });
        const damage = checkRewrite(doc, options.openPixel ? stripPixel(r.output) : r.output).damage.filter((d) => !(options.overwrite && d.kind === 'existing-params'));
        expect(damage).toEqual([]);
      }),
      { numRuns: Number(process.env.TRACK_PROPERTY_RUNS ?? 400) },
    );
  });

  it('is idempotent: tracking the output again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(html, optionsArb, async (input, options) => {
        const r = await run(input, options);
        if (!r) return;
        const again = await track({ text: r.output, filePath: 'p.html' }, options as never);
        expect(again.output).toBe(r.output);
      }),
      { numRuns: Number(process.env.TRACK_PROPERTY_RUNS ?? 400) },
    );
  });

  it('never throws anything but InputError on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), html), async (input) => {
        await run(input, { campaign: 'x' });
      }),
      { numRuns: Number(process.env.TRACK_PROPERTY_RUNS ?? 400) },
    );
  });
});
