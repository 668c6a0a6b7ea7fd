import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../src/model/document.js';
import { isQuirksMode, specificity } from '../src/css/selectors.js';
import { matchMedia } from '../src/css/media.js';
import { parseStylesheet } from '../src/css/stylesheet.js';
import { toHex } from '../src/css/color.js';
import { fixture } from './contrast-fixtures.js';

const doc = (text: string) => new EmailDocument({ filePath: 't.html', text });
const runsOf = (d: EmailDocument) => d.textRuns.map((r) => `${r.text} | ${toHex(r.fg.color)} on ${toHex(r.bg.color)}${r.inconclusive ? ' ?' : ''}`);

describe('stylesheet parsing', () => {
  it('keeps offsets into the document, nests @media, skips comments and @font-face', () => {
    const css = '/* c */ .a { color: red }\n@media (max-width: 600px) { .b { color: blue !important } }\n@font-face { font-family: x }\n<!-- .c{color:green} -->';
    const rules = parseStylesheet(css, 100);
    expect(rules.map((r) => [r.selectorText, r.offset, r.media])).toEqual([
      ['.a', 108, []],
      ['.b', 100 + css.indexOf('.b'), ['(max-width: 600px)']],
      ['.c', 100 + css.indexOf('.c'), []],
    ]);
    expect(rules[1].declarations).toEqual([{ property: 'color', value: 'blue', important: true }]);
  });

  it('computes specificity', () => {
    expect(specificity('#main .text')).toBe(1_001_000);
    expect(specificity('p.text.strong')).toBe(2001);
    expect(specificity('td p')).toBe(2);
    expect(specificity('a:hover')).toBe(1001);
    expect(specificity('[data-ogsc] .x')).toBe(2000);
    expect(specificity(':where(.a) p')).toBe(1);
  });

  it('evaluates media queries for one width and scheme', () => {
    const env = { width: 600, height: 800, scheme: 'light' as const };
    expect(matchMedia('screen and (max-width: 600px)', env)).toBe(true);
    expect(matchMedia('only screen and (max-width: 480px)', env)).toBe(false);
    expect(matchMedia('print', env)).toBe(false);
    expect(matchMedia('(prefers-color-scheme: dark)', env)).toBe(false);
    expect(matchMedia('(prefers-color-scheme: dark)', { ...env, scheme: 'dark' })).toBe(true);
    expect(matchMedia('screen and (-webkit-min-device-pixel-ratio: 2)', env)).toBe(false);
    expect(matchMedia('(min-width: 0px), print', env)).toBe(true);
    expect(matchMedia('not print', env)).toBe(true);
  });

  it('detects quirks mode like a browser', () => {
    expect(isQuirksMode('<html>')).toBe(true);
    expect(isQuirksMode('<!DOCTYPE html><html>')).toBe(false);
    expect(isQuirksMode('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">')).toBe(true);
    expect(isQuirksMode('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')).toBe(false);
  });
});

describe('the cascade', () => {
  it('resolves the fixtures the way Chromium does', async () => {
    expect(runsOf(await fixture('style-class-ancestor.html'))).toEqual([
      'Your order has shipped. | #222222 on #f4f4f4',
      'You are receiving this email because you bought something. | #8a8a8a on #f4f4f4',
    ]);
    expect(runsOf(await fixture('opacity.html'))[0]).toBe('Black on white inside opacity 0.6 × 0.5 over black: low contrast. | #000000 on #4d4d4d');
    expect(runsOf(await fixture('currentcolor.html'))[0]).toMatch(/#ffffff on #2e7d32$/);
    expect(runsOf(await fixture('background-image.html'))).toEqual([
      'No fallback colour: the background is unknown. | #ffffff on #ffffff ?',
      'A fallback colour is declared: checked against it. | #ffffff on #0b3d91',
      'A gradient with no fallback colour. | #777777 on #ffffff ?',
    ]);
  });

  it('records where each colour came from', async () => {
    const d = await fixture('bgcolor-dark-cell.html');
    const [h1] = d.textRuns;
    expect(h1.bg.origin.description).toBe('bgcolor on <td>, line 7');
    expect(h1.fg.origin.description).toBe('from the style attribute on <h1>, line 8');
    expect(d.text.slice(h1.bg.origin.range!.start, h1.bg.origin.range!.end)).toBe('#1a1a2e');
    expect(toHex(d.textRuns[2].bg.color)).toBe('#c00000'); // bgcolor="chucknorris"
  });

  it('gives links the browser blue unless coloured, and <body link> overrides it', () => {
    expect(runsOf(doc('<a href="#">x</a>'))).toEqual(['x | #0000ee on #ffffff']);
    expect(runsOf(doc('<body link="#ff0000"><a href="#">x</a></body>'))).toEqual(['x | #ff0000 on #ffffff']);
    expect(runsOf(doc('<style>a{color:#111}</style><a href="#">x</a>'))).toEqual(['x | #111111 on #ffffff']);
  });

  it('ignores rules whose media query does not match, and rules in Outlook-only comments', () => {
    const d = doc('<!DOCTYPE html><style>@media (max-width:480px){p{color:#eee}}</style><!--[if mso]><style>p{color:#fff}</style><![endif]--><p>x</p>');
    expect(runsOf(d)).toEqual(['x | #000000 on #ffffff']);
  });

  it('keeps a dark scheme only where the template declares one', async () => {
    expect(doc('<p>x</p>').darkTextRuns).toBeNull();
    const d = await fixture('dark-mode-unreadable.html');
    expect(d.darkTextRuns!.map((r) => `${toHex(r.fg.color)} on ${toHex(r.bg.color)}`)).toEqual(['#ffffff on #1e1e1e', '#333333 on #1e1e1e']);
  });

  it('exposes computed styles for other consumers', async () => {
    const d = await fixture('cta-td-bgcolor.html');
    const td = d.elements.find((e) => e.name === 'td' && e.attribs.bgcolor === '#1565c0')!;
    const s = d.styles.computed(td);
    expect(toHex(s.backgroundColor)).toBe('#1565c0');
    expect(s.backgroundOrigin?.description).toBe('bgcolor on <td>, line 15');
    expect(d.styles.computed(td, { scheme: 'dark' }).fontSize).toBe(16);
  });

  it('matches many rules against many elements (class buckets)', () => {
    const big = '<style>' + Array.from({ length: 300 }, (_, i) => `td.c${i} p{color:#${(i % 9) + 1}${(i % 9) + 1}${(i % 9) + 1}}`).join('') + '</style>' +
      '<table>' + Array.from({ length: 300 }, (_, i) => `<tr><td class="c${i}"><p class="c${i}">Row ${i}</p></td></tr>`).join('') + '</table>';
    const runs = doc(big).textRuns;
    expect(runs).toHaveLength(300);
    expect(toHex(runs[10].fg.color)).toBe('#222222');
  });
});

describe('custom properties and light-dark()', () => {
  it('substitutes var() (inherited, with fallbacks, inside shorthands); an unresolvable var() unsets the property', () => {
    const d = doc(
      '<!DOCTYPE html><style>:root{--fg:#333333;--bg:#fafafa}.card{background:var(--bg) none;color:var(--fg)}.x{color:var(--missing)}.y{color:var(--missing, #777777)}</style>' +
        '<div style="color:#ff0000"><div class="card"><p>a</p><p class="x">b</p><p class="y">c</p></div></div>',
    );
    expect(runsOf(d)).toEqual(['a | #333333 on #fafafa', 'b | #333333 on #fafafa', 'c | #777777 on #fafafa']);
  });

  it('picks light-dark() by the colour scheme', () => {
    const code = '<!DOCTYPE html><meta name="color-scheme" content="light dark"><style>@media (prefers-color-scheme: dark){p{background:#000}}</style><p style="color:light-dark(#111111, #eeeeee)">x</p>';
    expect(runsOf(doc(code))).toEqual(['x | #111111 on #ffffff']);
    expect(doc(code).darkTextRuns!.map((r) => toHex(r.fg.color))).toEqual(['#eeeeee']);
  });
});
