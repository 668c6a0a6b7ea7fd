/**
 * The one style service (src/style/): the bugs that came from several answers to one style
 * question, each pinned by a test.
 */
import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../src/model/document.js';
import { lintDocument } from '../src/engine/linter.js';
import { boxOf } from '../src/model/layout.js';
import { columnRows } from '../src/model/columns.js';

const doc = (text: string) => new EmailDocument({ filePath: 't.html', text });
const lint = (text: string, ids: string[]) =>
  lintDocument(doc(text), { rules: Object.fromEntries(ids.map((id) => [id, { severity: 'error' as const }])) }).messages;

describe('bulletproof button: mso-hide:all hides from Outlook only', () => {
  const html = `<!doctype html><html lang="en"><head><title>t</title></head><body>
<table role="presentation" width="100%"><tr><td align="center">
<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="https://example.com/buy" style="height:40px;v-text-anchor:middle;width:200px;" arcsize="10%" fillcolor="#a8e6a3" stroke="f"><center style="color:#ffffff;font-family:sans-serif;font-size:10px;">Buy now</center></v:roundrect><![endif]-->
<a href="https://example.com/buy" style="background-color:#a8e6a3;border-radius:4px;color:#ffffff;display:inline-block;font-family:sans-serif;font-size:10px;line-height:40px;text-align:center;text-decoration:none;width:200px;-webkit-text-size-adjust:none;mso-hide:all;">Buy now</a>
</td></tr></table></body></html>`;

  it('keeps the link text in the text runs that web clients see', () => {
    expect(doc(html).textRuns.map((r) => r.text)).toContain('Buy now');
  });

  it('reports the white-on-light-green 10px label for contrast and font size', () => {
    const ids = lint(html, ['cta-contrast', 'min-font-size']).map((m) => m.ruleId);
    expect(ids).toContain('cta-contrast');
    expect(ids).toContain('min-font-size');
  });
});

describe('the cascade per viewport width', () => {
  const html = `<!doctype html><html lang="en"><head><title>t</title><style>
@media only screen and (max-width: 480px) { .lead { font-size: 9px !important; color: #c8c8c8 !important; } }
</style></head><body>
<p class="lead" style="font-size:16px;color:#222222">Welcome to the spring collection, with twenty new styles.</p>
</body></html>`;

  it('checks colours and sizes set in a phone-only media query, once, saying it applies on phones', () => {
    const size = lint(html, ['min-font-size']);
    expect(size).toHaveLength(1);
    expect(size[0].message).toMatch(/9px/);
    expect(size[0].message).toMatch(/375 px phone width/);
    const contrast = lint(html, ['color-contrast']);
    expect(contrast).toHaveLength(1);
    expect(contrast[0].message).toMatch(/375 px phone width/);
  });

  it('reports a finding that holds at every width once, without the phone note', () => {
    const both = html.replace('font-size:16px', 'font-size:9px');
    const size = lint(both, ['min-font-size']);
    expect(size).toHaveLength(1);
    expect(size[0].message).not.toMatch(/375 px/);
  });
});

describe('static layout and mobile-single-column agree on stacking', () => {
  const row = (style = '') => `<!doctype html><html lang="en"><head><title>t</title>${style}</head><body>
<table role="presentation" width="600"><tr>
  <td width="300" class="col">Left: our spring collection is here.</td>
  <td width="300" class="col">Right: free shipping on every order.</td>
</tr></table></body></html>`;

  it('keeps columns side by side on a phone when nothing stacks them', () => {
    const d = doc(row());
    expect(columnRows(d)[0].stacking).toBe('none');
    const [l, r] = d.renderedElements.filter((e) => e.name === 'td');
    expect(boxOf(d, r, 'mobile').top).toBe(boxOf(d, l, 'mobile').top);
    expect(boxOf(d, r, 'mobile').left).toBeGreaterThan(boxOf(d, l, 'mobile').left);
  });

  it('stacks them when a phone media query does', () => {
    const d = doc(row('<style>@media screen and (max-width: 480px) { .col { display: block !important; width: 100% !important; } }</style>'));
    expect(columnRows(d)[0].stacking).toBe('media-query');
    const [l, r] = d.renderedElements.filter((e) => e.name === 'td');
    expect(boxOf(d, r, 'mobile').top).toBeGreaterThan(boxOf(d, l, 'mobile').top);
    expect(boxOf(d, r, 'desktop').top).toBe(boxOf(d, l, 'desktop').top);
  });
});

describe('button detection reads the computed background', () => {
  const button = (bg: string) => `<!doctype html><html lang="en"><body><p>Our spring sale starts today with new styles.</p>
<a href="https://example.com/shop" style="background: ${bg}; color: #ffffff; padding: 12px 20px; text-decoration: none">Shop the sale</a></body></html>`;

  it('does not depend on token order in a background shorthand', () => {
    const a = doc(button('no-repeat #00aa77')).ctas;
    const b = doc(button('#00aa77 no-repeat')).ctas;
    expect(b.map((c) => [c.kind, c.prominence])).toEqual([['button', 3]]);
    expect(a.map((c) => [c.kind, c.prominence])).toEqual([['button', 3]]);
  });
});

describe('the CSS layer (found by measuring it against css-tree, postcss and @bramus/specificity)', () => {
  it('ends an @import at the semicolon outside its url()', async () => {
    const { parseStylesheet } = await import('../src/css/stylesheet.js');
    const css = '@import url(https://fonts.googleapis.com/css2?family=Inter:wght@400;500&display=swap);\nbody { margin: 0 }';
    expect(parseStylesheet(css).map((r) => r.selectorText)).toEqual(['body']);
  });

  it('counts non-ASCII class and id names in specificity', async () => {
    const { specificity } = await import('../src/css/selectors.js');
    expect(specificity('.★')).toBe(1000);
    expect(specificity('#★ p')).toBe(1_000_001);
  });
});

describe('the style service', () => {
  const html = `<!doctype html><html lang="en"><head><title>t</title><style>
.a { color: #111111 } .b { color: #222222 }
@media (max-width: 480px) { .b { color: #333333 !important; } }
</style></head><body><div><p class="a">One</p><p class="b">Two</p></div>
<div style="mso-hide:all">Web only</div><!--[if mso]><p>Outlook only</p><![endif]--></body></html>`;

  it('shares the pane styles with the phone except where a media query applies', () => {
    const d = doc(html);
    const [a, b] = d.renderedElements.filter((e) => e.name === 'p');
    expect(d.styles.computed(a, { viewport: 'mobile' })).toBe(d.styles.computed(a));
    expect(toHexOf(d.styles.computed(b, { viewport: 'mobile' }).color)).toBe('#333333');
    expect(toHexOf(d.styles.computed(b).color)).toBe('#222222');
    expect(d.phoneTextRuns.map((r) => r.text)).toEqual(d.textRuns.map((r) => r.text));
    expect(d.phoneTextRuns[0]).toBe(d.textRuns[0]);
    expect(d.phoneTextRuns[1]).not.toBe(d.textRuns[1]);
  });

  it('uses one resolver for both widths when no media query depends on the width', () => {
    const d = doc(html.replace('max-width: 480px', 'prefers-color-scheme: dark'));
    expect(d.styles.differsOnPhone()).toBe(false);
    expect(d.styles.resolver({ viewport: 'mobile' })).toBe(d.styles.resolver());
  });

  it('answers visibility per client family', () => {
    const d = doc(html);
    const webOnly = d.renderedElements.find((e) => e.name === 'div' && e.attribs.style)!;
    const outlookOnly = d.elements.find((e) => e.name === 'p' && d.conditionalOf(e))!;
    expect(d.styles.hidden(webOnly, 'web')).toBe(false);
    expect(d.styles.hidden(webOnly, 'outlook')).toBe(true);
    expect(d.styles.hidden(outlookOnly, 'web')).toBe(true);
    expect(d.styles.hidden(outlookOnly, 'outlook')).toBe(false);
  });
});

describe('the style service shares work without sharing answers', () => {
  it('shares the pane style with the phone where a phone rule sets only widths and paddings', () => {
    const html = `<!doctype html><html lang="en"><head><title>t</title><style>
@media (max-width: 480px) { .wrap { width: 100% !important; padding: 0 !important; } .lead { color: #333333 !important; } }
</style></head><body><div class="wrap" style="width:600px;color:#111111"><p>One</p><p class="lead">Two</p></div></body></html>`;
    const d = doc(html);
    const wrap = d.renderedElements.find((e) => e.name === 'div')!;
    const [one, two] = d.renderedElements.filter((e) => e.name === 'p');
    expect(d.styles.differsOnPhone()).toBe(true);
    expect(d.styles.computed(wrap, { viewport: 'mobile' })).toBe(d.styles.computed(wrap));
    expect(d.styles.computed(one, { viewport: 'mobile' })).toBe(d.styles.computed(one));
    expect(toHexOf(d.styles.computed(two, { viewport: 'mobile' }).color)).toBe('#333333');
    expect(toHexOf(d.styles.computed(two).color)).toBe('#111111');
    expect(d.styles.used(wrap, { viewport: 'mobile' }).width).toEqual({ percent: 100 });
    expect(d.styles.used(wrap).width).toEqual({ px: 600 });
  });

  it('gives each element with the same style attribute its own origin', () => {
    const html = `<!doctype html><html lang="en"><head><title>t</title></head><body>
<p style="color:#777777;font-size:11px">One</p>
<p style="color:#777777;font-size:11px">Two</p></body></html>`;
    const d = doc(html);
    const [one, two] = d.renderedElements.filter((e) => e.name === 'p');
    const a = d.styles.computed(one);
    const b = d.styles.computed(two);
    expect(a.colorOrigin.description).toBe('from the style attribute on <p>, line 2');
    expect(b.colorOrigin.description).toBe('from the style attribute on <p>, line 3');
    expect(b.fontSizeOrigin?.range).toEqual(d.attr(two, 'style')?.valueRange);
    expect(JSON.parse(JSON.stringify(b.colorOrigin))).toEqual({ description: b.colorOrigin.description, range: b.colorOrigin.range, kind: 'inline' });
  });

  it('leaves out selectors needing a class or id no element has, and keeps those an Outlook-only element has', async () => {
    const { requiredNames } = await import('../src/css/selectors.js');
    expect(requiredNames('.ExternalClass p:not(.x), u + #Body a[href^="a.b"]')).toEqual(['.externalclass', '#body']);
    expect(requiredNames('.a\\:b span')).toEqual([]);
    const html = `<!doctype html><html lang="en"><head><title>t</title><style>
.Missing p { color: #111111 } .Shown p { color: #222222 }
</style></head><body><div class="Shown"><p>One</p></div>
<!--[if mso]><div class="Missing"><p>Two</p></div><![endif]--></body></html>`;
    const d = doc(html);
    const [one, two] = d.elements.filter((e) => e.name === 'p');
    expect(toHexOf(d.styles.computed(one).color)).toBe('#222222');
    expect(toHexOf(d.styles.computed(two).color)).toBe('#111111');
  });

  it('keeps the caches by text bounded and their shared values frozen', async () => {
    const { TextCache } = await import('../src/css/text-cache.js');
    const { parseColor } = await import('../src/css/color.js');
    const cache = new TextCache<number>(2);
    const made: string[] = [];
    const get = (t: string) => cache.get(t) ?? cache.add(t, (copy) => (made.push(copy), copy.length));
    expect([get('a long enough text, 1'), get('a long enough text, 1'), get('b'), get('c'), get('a long enough text, 1')]).toEqual([21, 21, 1, 1, 21]);
    expect(made).toEqual(['a long enough text, 1', 'b', 'c', 'a long enough text, 1']);
    const red = parseColor(' rgb(255, 0, 0) ');
    expect(parseColor(' rgb(255, 0, 0) ')).toBe(red);
    expect(Object.isFrozen(red)).toBe(true);
    expect(parseColor('not a colour')).toBeUndefined();
    expect(parseColor('fff', true)).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('fff')).toBeUndefined();
  });

  it('places a stylesheet parsed once at each offset and inside each media condition', async () => {
    const { parseStylesheet } = await import('../src/css/stylesheet.js');
    const css = '.a { color: red } @media (max-width: 480px) { .b { color: blue } }';
    const first = parseStylesheet(css, 10);
    const counter = { n: 5 };
    const again = parseStylesheet(css, 200, ['print'], counter);
    expect(first.map((r) => [r.offset, r.order, r.media])).toEqual([[10, 0, []], [56, 1, ['(max-width: 480px)']]]);
    expect(again.map((r) => [r.offset, r.order, r.media])).toEqual([[200, 5, ['print']], [246, 6, ['print', '(max-width: 480px)']]]);
    expect(counter.n).toBe(7);
    expect(again[0].declarations).toBe(first[0].declarations);
    expect(Object.isFrozen(first[0].declarations[0])).toBe(true);
  });
});

function toHexOf(c: { r: number; g: number; b: number }): string {
  return `#${[c.r, c.g, c.b].map((n) => Math.round(n).toString(16).padStart(2, '0')).join('')}`;
}
