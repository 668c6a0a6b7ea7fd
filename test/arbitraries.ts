/**
 * fast-check generators of email templates for the property tests: merge tags of every syntax,
 * hrefs of every kind, and whole documents that look like real email HTML (doctype, head and
 * body in any combination or missing, style blocks with media queries, nested layout tables,
 * MSO conditionals well-formed and broken, VML and bulletproof buttons, images, preheaders,
 * entities, RTL text, emoji, combining marks) with junk mixed in; and MJML-ish sources.
 */
import fc from 'fast-check';

export const mergeTag = fc.constantFrom(
  '{{user.id}}',
  '{{{raw}}}',
  '{% if a %}x{% endif %}',
  '{{ name | default: "x" }}',
  '*|EMAIL|*',
  '%%=v(@x)=%%',
  '%%Key%%',
  '<%= id %>',
  '%recipient.id%',
  '[code]',
  '{slug}',
  '${p}',
  '*|UNSUB|*',
  '{{ pm:unsubscribe }}',
);

// ---------------------------------------------------------------------------------------------
// URLs, as the link-rewriter tests build them: pieces, queries, fragments, every scheme.

const word = fc.stringMatching(/^[a-zA-Z0-9_.~-]{0,8}$/);
const enc = fc.constantFrom('%20', '%C3%A9', '+', '&#38;', '&quot;', '&lt;', '&copy', "'", '"', ' ', '\n', '#', '?', '=', '&');
const piece = fc.oneof({ weight: 5, arbitrary: word }, { weight: 2, arbitrary: mergeTag }, { weight: 1, arbitrary: enc });
const segment = fc.array(piece, { maxLength: 4 }).map((xs) => xs.join(''));
const sep = fc.constantFrom('&', '&amp;', '&#38;', '&AMP;');
const query = fc.array(fc.tuple(segment, fc.option(segment)), { maxLength: 4 }).chain((ps) =>
  fc.array(sep, { minLength: ps.length, maxLength: ps.length }).map((ss) => ps.map(([k, v], i) => `${i ? ss[i] : ''}${k}${v === null ? '' : `=${v}`}`).join('')),
);
const prefix = fc.constantFrom('https://example.com/', 'http://Example.com', 'HTTPS://x.example.org/a/', '//cdn.example.com/', 'http://', 'mailto:a@b.c', 'tel:+1', 'sms:1', 'javascript:void(0)', 'data:,x', 'cid:x', '#', '#top', '', '/rel/', 'rel', '{{base_url}}/', '  https://example.com', 'ftp://x');

/** A raw URL (may hold quotes, spaces and newlines: `hrefAttr` makes it fit its quoting). */
export const url = fc
  .tuple(prefix, segment, fc.option(query), fc.option(segment), fc.constantFrom('', ' ', '\n'))
  .map(([p, path, q, frag, tail]) => `${p}${path}${q === null ? '' : `?${q}`}${frag === null ? '' : `#${frag}`}${tail}`);

export const quote = fc.constantFrom('"', "'", '');

/** Makes `v` fit as an attribute value in `q` quotes (none: no whitespace, quotes or `>`). */
export const fitValue = (v: string, q: string) => (q ? v.split(q).join('') : v.replace(/[\s"'>=`<]/g, ''));

export const hrefAttr = fc.tuple(fc.constantFrom('href', 'HREF', 'Href'), quote, url).map(([n, q, u]) => `${n}=${q}${fitValue(u, q)}${q}`);

/** A whole href value: mostly realistic destinations, sometimes a generated URL. */
const hrefValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'https://shop.example.com/spring?utm_source=x&amp;id=3',
      'https://example.com/ebook.pdf',
      'https://example.com/cart',
      'https://example.com/signup#form',
      'https://example.com/unsubscribe?u={{id}}',
      'https://example.com/preferences',
      'https://example.com/view-online',
      'https://facebook.com/brand',
      'http://insecure.example.com/deal',
      'mailto:help@example.com?subject=Hi',
      'tel:+15551234567',
      '#',
      '#top',
      '',
      'javascript:void(0)',
      '{{unsubscribe_url}}',
      '*|UNSUB|*',
      '%%view_email_url%%',
      '<%= cta_url %>',
      '[unsubscribe]',
      '{% url "home" %}',
      '{{base_url}}/products/{{id}}',
      'shop/item.html',
    ),
  },
  { weight: 1, arbitrary: url },
);

// ---------------------------------------------------------------------------------------------
// CSS.

const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
const short = fc.integer({ min: 0, max: 0xfff }).map((n) => `#${n.toString(16).padStart(3, '0')}`);
const byte = fc.integer({ min: 0, max: 255 });
export const color = fc.oneof(
  hex,
  short,
  fc.tuple(byte, byte, byte).map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`),
  fc.tuple(byte, byte, byte, fc.double({ min: 0, max: 1, noNaN: true })).map(([r, g, b, a]) => `rgba(${r},${g},${b},${a.toFixed(2)})`),
  fc.tuple(fc.integer({ min: -30, max: 400 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([h, s, l]) => `hsl(${h}, ${s}%, ${l}%)`),
  fc.constantFrom('white', 'black', 'red', 'RebeccaPurple', 'transparent', 'currentColor', 'inherit', '#ggg', 'rgb(300,0', '#12345', 'light-dark(#fff, #000)', 'var(--c)', 'var(--c, #333)'),
);
const length = fc.oneof(
  fc.integer({ min: 0, max: 800 }).map((n) => `${n}px`),
  fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`),
  fc.constantFrom('0', 'auto', '1.5em', '.8rem', '-4px', '12pt', 'calc(100% - 20px)', '100vw', 'px', '9999999px'),
);
const declaration = fc.oneof(
  color.map((c) => `color:${c}`),
  color.map((c) => `background-color:${c}`),
  fc.tuple(color, fc.constantFrom('url(https://example.com/bg.jpg)', 'url("img/bg.png")', 'linear-gradient(#fff,#000)', 'none')).map(([c, i]) => `background:${c} ${i}`),
  fc.constantFrom('display:none', 'display:block', 'display:inline-block', 'display:table-cell', 'display:flex', 'mso-hide:all', 'visibility:hidden', 'max-height:0', 'overflow:hidden', 'opacity:0', 'font-size:0', 'line-height:0', 'mso-line-height-rule:exactly', 'text-decoration:none', 'float:left', 'direction:rtl', 'color-scheme:light dark'),
  length.map((l) => `font-size:${l}`),
  length.map((l) => `padding:${l}`),
  fc.tuple(length, length).map(([a, b]) => `padding:${a} ${b}`),
  length.map((l) => `width:${l}`),
  length.map((l) => `max-width:${l}`),
  length.map((l) => `height:${l}`),
  length.map((l) => `line-height:${l}`),
  fc.tuple(length, color).map(([l, c]) => `border:${l} solid ${c}`),
  length.map((l) => `border-radius:${l}`),
  fc.constantFrom('font-family:Arial, sans-serif', "font-family:'Helvetica Neue'", 'font-weight:bold', 'font-weight:700', 'text-align:center', 'margin:0 auto', 'color:', ':red', 'foo', ''),
);
const important = fc.constantFrom('', '', ' !important', '!important');
export const styleValue = fc.array(fc.tuple(declaration, important), { maxLength: 5 }).map((ds) => ds.map(([d, i]) => d + i).join(';'));

const className = fc.constantFrom('btn', 'button', 'cta', 'preheader', 'container', 'col', 'mobile-hide', 'dark-bg', 'dark-text', 'footer', 'nav', 'hero', 'social');
const selector = fc.oneof(
  className.map((c) => `.${c}`),
  className.map((c) => `td.${c} a`),
  fc.constantFrom('body', 'a', 'td', 'table', 'p', 'h1', '*', '#outlook a', ':root', 'u + .body .gmail', '[data-ogsc] .dark-text', '.ExternalClass', 'a[x-apple-data-detectors]', 'div > a:hover', 'img', '[class~=x]', 'td:nth-child(2)', '::selection', 'a[href^="tel"]'),
);
const cssRule = fc.tuple(fc.array(selector, { minLength: 1, maxLength: 3 }), styleValue).map(([s, d]) => `${s.join(', ')} { ${d} }`);
const mediaQuery = fc.constantFrom(
  '@media only screen and (max-width: 600px)',
  '@media screen and (max-width:480px)',
  '@media (min-width: 601px)',
  '@media (prefers-color-scheme: dark)',
  '@media screen and (prefers-color-scheme: dark) and (max-width: 600px)',
  '@media (max-device-width: 480px)',
  '@media screen yahoo',
  '@media print',
  '@media (max-width: 600px',
);
const cssBlock = fc.oneof(
  { weight: 3, arbitrary: cssRule },
  { weight: 2, arbitrary: fc.tuple(mediaQuery, fc.array(cssRule, { maxLength: 3 })).map(([m, rs]) => `${m} { ${rs.join(' ')} }`) },
  { weight: 1, arbitrary: fc.constantFrom('@import url(https://fonts.example.com/css?a=1;b=2);', '@font-face { font-family: X; src: url(x.woff) }', ':root { color-scheme: light dark; --c: #123 }', '<!--', '-->', '/* comment', '}', '{', '@media {', 'a { color: red') },
);
export const styleElement = fc
  .tuple(fc.constantFrom('<style>', '<style type="text/css">', '<style media="screen">', '<STYLE>'), fc.array(cssBlock, { maxLength: 5 }), fc.constantFrom('</style>', '</style>', '</STYLE>', ''))
  .map(([open, blocks, close]) => `${open}${blocks.join('\n')}${close}`);

// ---------------------------------------------------------------------------------------------
// Text.

const ctaText = fc.constantFrom('Shop now', 'Start your free trial', 'Download the guide', 'Get 20% off', 'Book a demo', 'Add to cart', 'Confirm your email', 'Reset password', 'Claim my discount →', 'RSVP');
const vagueText = fc.constantFrom('Click here', 'Learn more', 'Read more', 'Here', 'More', 'Go', 'Submit', 'Cliquez ici', 'Mehr erfahren', 'Leer más');
const systemText = fc.constantFrom('Unsubscribe', 'Manage preferences', 'View in browser', 'Privacy policy', 'Facebook', 'Home', 'Contact us');
const unicodeText = fc.constantFrom(
  'مرحبا بك في متجرنا',
  'שלום עולם',
  '\u202Eevil\u202C',
  '🎉🔥 Big sale',
  '👩‍👩‍👧‍👦 family',
  'e\u0301te\u0301 cafe\u0301',
  'Z̤͔ͧ̑a̜lgo',
  '日本語のテキスト',
  '\u200B\u200C\u200D\uFEFF',
  '\u00A0\u2028\u2029',
  '\uD800 lone surrogate',
);
const entity = fc.constantFrom('&nbsp;', '&amp;', '&zwnj;', '&#8203;', '&#x1F600;', '&copy;', '&lt;', '&gt;', '&quot;', '&#0;', '&#xD800;', '&bogus;', '&amp', '&#', '&#x;', '&#847;', '&hellip;');
const prose = fc.constantFrom('Our spring collection is here.', 'Hi {{first_name}},', 'Your order *|ORDER_ID|* has shipped.', 'Thanks for signing up!', 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.', '© 2026 Example Inc, 1 Main St', 'Valid until %%expiry%%.');

export const textArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: prose }, ctaText, vagueText, systemText, unicodeText, entity, mergeTag, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { minLength: 1, maxLength: 3 })
  .map((xs) => xs.join(' '));
const labelText = fc.oneof({ weight: 3, arbitrary: ctaText }, { weight: 2, arbitrary: vagueText }, systemText, unicodeText, mergeTag, fc.constant(''), entity);

// ---------------------------------------------------------------------------------------------
// Elements.

const attr = (name: string, value: fc.Arbitrary<string>) =>
  fc.option(fc.tuple(value, quote).map(([v, q]) => ` ${name}=${q}${fitValue(v, q)}${q}`), { nil: '', freq: 2 });
const styleAttr = attr('style', styleValue);
const classAttr = attr('class', className);
const widthAttr = attr('width', fc.constantFrom('600', '100%', '300', '50%', '', 'auto', '640px', '48'));

const imgSrc = fc.constantFrom('https://example.com/hero.jpg', 'img/logo.png', 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', 'cid:logo@x', '', '{{image_url}}', '../outside.png', 'spacer.gif');
export const image = fc
  .tuple(imgSrc, attr('alt', fc.oneof(labelText, fc.constant(''))), widthAttr, attr('height', fc.constantFrom('1', '40', '200', 'auto')), styleAttr, fc.constantFrom('>', ' />', '/>'))
  .map(([src, alt, w, h, s, end]) => `<img src="${src}"${alt}${w}${h}${s}${end}`);

const hrefOf = fc.tuple(hrefValue, quote).map(([v, q]) => `href=${q}${fitValue(v, q)}${q}`);

export const link = fc
  .tuple(hrefOf, styleAttr, classAttr, fc.constantFrom('', ' target="_blank"', ' role="button"', ' rel="noopener"', ' title="x"'), fc.oneof({ weight: 4, arbitrary: labelText }, image))
  .map(([h, s, c, extra, inner]) => `<a ${h}${s}${c}${extra}>${inner}</a>`);

/** A bulletproof button: a coloured cell holding a styled link. */
const bulletproof = fc
  .tuple(color, hrefValue.map((v) => v.replace(/"/g, '')), ctaText, color, fc.constantFrom('12px 24px', '0', '16px'))
  .map(
    ([bg, href, label, fg, pad]) =>
      `<table role="presentation" border="0" cellspacing="0" cellpadding="0"><tr><td align="center" bgcolor="${bg}" style="border-radius:4px;padding:${pad}"><a href="${href}" target="_blank" style="font-size:16px;font-family:Arial;color:${fg};text-decoration:none;display:inline-block">${label}</a></td></tr></table>`,
  );

/** An Outlook VML button with its HTML twin (sometimes with a different href or label). */
const vmlButton = fc
  .tuple(hrefValue.map((v) => v.replace(/"/g, '')), hrefValue.map((v) => v.replace(/"/g, '')), fc.boolean(), ctaText, ctaText, color, fc.boolean())
  .map(([h1, h2, same, l1, l2, fill, hideTwin]) => {
    const vml = `<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="urn:schemas-microsoft-com:office:word" href="${h1}" style="height:44px;v-text-anchor:middle;width:220px;" arcsize="10%" stroke="f" fillcolor="${fill}"><w:anchorlock/><center style="color:#ffffff;font-family:sans-serif;font-size:16px;">${l1}</center></v:roundrect><![endif]-->`;
    const twin = `<a href="${same ? h1 : h2}" style="background-color:${fill};color:#ffffff;display:inline-block;line-height:44px;text-align:center;width:220px;${hideTwin ? 'mso-hide:all' : ''}">${same ? l1 : l2}</a>`;
    return hideTwin ? vml + twin : `${vml}<!--[if !mso]><!-->${twin}<!--<![endif]-->`;
  });

const preheader = fc
  .tuple(textArb, fc.constantFrom('display:none;max-height:0;overflow:hidden;mso-hide:all', 'display:none !important;visibility:hidden;opacity:0;color:transparent;height:0;width:0', 'font-size:1px;line-height:1px;color:#ffffff', ''), fc.nat({ max: 30 }), fc.constantFrom('div', 'span'))
  .map(([t, s, pad, tag]) => `<${tag} class="preheader" style="${s}">${t}${'&zwnj;&nbsp;'.repeat(pad)}</${tag}>`);

const msoOpen = fc.constantFrom('<!--[if mso]>', '<!--[if mso | IE]>', '<!--[if gte mso 9]>', '<!--[if !mso]><!-->', '<!--[if (gte mso 9)|(IE)]>', '<!--[if !mso]><!-- -->');
const msoClose = fc.constantFrom('<![endif]-->', '<!--<![endif]-->', '<![endif]>');
const junk = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.constantFrom('<', '< ', '<td>', '</td>', '</tr>', '</table>', '<table>', '<tr>', '</div>', '<p>', '<br>', '<a href="x', '<a href=>', '<!--', '-->', '<!-- c -->', '<![CDATA[x]]>', '<?xml version="1.0"?>', '<!DOCTYPE x>', '</body>', '</html>', '<body>', '<head>', '&', '"', "'", '<img', '<o:p></o:p>', '<xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml>', '<script>var a = "<a href=\'x\'>";</script>', '<textarea><a href="x">t</a>', '<template><p>x</p></template>', '<svg><a href="x"><text>t</text></a></svg>', '<!-- inboxlint-disable cta-vague-text -->', '<!-- inboxlint-disable-next-line img-alt -->', '<!-- inboxlint-enable -->', '\r', '\r\n', '\t', '\u0000'),
);

const blockTag = fc.constantFrom('p', 'div', 'h1', 'h2', 'span', 'center', 'font', 'strong', 'li', 'td');

/** Email body content: recursive tables and blocks over the leaves above. */
const content = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: textArb },
    { weight: 4, arbitrary: link },
    { weight: 2, arbitrary: image },
    { weight: 2, arbitrary: bulletproof },
    { weight: 1, arbitrary: vmlButton },
    { weight: 1, arbitrary: preheader },
    { weight: 2, arbitrary: junk },
    {
      weight: 2,
      arbitrary: fc
        .tuple(blockTag, styleAttr, classAttr, attr('dir', fc.constantFrom('rtl', 'ltr', 'auto')), tie('nodes'), fc.boolean())
        .map(([t, s, c, d, inner, close]) => `<${t}${s}${c}${d}>${inner}${close ? `</${t}>` : ''}`),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          widthAttr,
          attr('align', fc.constantFrom('center', 'left', 'right')),
          attr('bgcolor', color),
          fc.constantFrom('', ' role="presentation"', ' role="presentation" cellpadding="0" cellspacing="0" border="0"', ' border="1"'),
          styleAttr,
          fc.array(fc.array(fc.tuple(widthAttr, styleAttr, classAttr, attr('valign', fc.constantFrom('top', 'middle')), tie('nodes')), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 2 }),
          fc.boolean(),
        )
        .map(([w, al, bg, role, s, rows, close]) => {
          const body = rows.map((cells) => `<tr>${cells.map(([cw, cs, cc, v, inner]) => `<td${cw}${cs}${cc}${v}>${inner}</td>`).join('')}</tr>`).join('');
          return `<table${w}${al}${bg}${role}${s}>${body}${close ? '</table>' : ''}`;
        }),
    },
    { weight: 1, arbitrary: fc.tuple(msoOpen, tie('nodes'), fc.option(msoClose, { nil: '', freq: 4 })).map(([o, inner, c]) => `${o}${inner}${c}`) },
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((xs) => xs.join('\n')),
}));

const doctype = fc.constantFrom('', '<!DOCTYPE html>', '<!doctype html>\n', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">', '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>', '\uFEFF<!DOCTYPE html>');
const htmlOpen = fc.constantFrom('', '<html>', '<html lang="en">', '<html lang="en_US" dir="ltr">', '<html lang="ar" dir="rtl">', '<html lang="">', '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" lang="de">', '<HTML LANG=fr>');
const headItem = fc.oneof(
  fc.constantFrom('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />', '<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="viewport" content="width=600">', '<meta name="color-scheme" content="light dark">', '<meta name="x-apple-disable-message-reformatting">', '<link rel="stylesheet" href="https://example.com/a.css">', '<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->'),
  fc.oneof(textArb, fc.constant(''), fc.constant('{{subject}}')).map((t) => `<title>${t}</title>`),
  styleElement,
  fc.tuple(msoOpen, styleElement, msoClose).map(([o, s, c]) => `${o}${s}${c}`),
);

/** A generated email: doctype, html, head and body each present or missing, content, and sometimes junk after it all. */
export const emailHtml = fc
  .tuple(
    doctype,
    htmlOpen,
    fc.option(fc.array(headItem, { maxLength: 4 }), { freq: 3 }),
    fc.option(fc.tuple(styleAttr, classAttr, attr('bgcolor', color)), { freq: 4 }),
    fc.option(preheader, { freq: 2 }),
    content.nodes,
    fc.boolean(),
    fc.option(junk, { freq: 4 }),
  )
  .map(([dt, html, head, body, pre, nodes, close, tail]) => {
    const parts: string[] = [dt, html];
    if (head) parts.push(`<head>${head.join('\n')}</head>`);
    if (body) parts.push(`<body${body.join('')}>`);
    if (pre) parts.push(pre);
    parts.push(nodes);
    if (body && close) parts.push('</body>');
    if (html && close) parts.push('</html>');
    if (tail) parts.push(tail);
    return parts.join('\n');
  });

// ---------------------------------------------------------------------------------------------
// MJML-ish sources: valid templates, and the ways people break them.

const mjText = fc.tuple(attr('color', color), attr('font-size', length), fc.oneof(textArb, link)).map(([c, f, t]) => `<mj-text${c}${f}>${t}</mj-text>`);
const mjButton = fc.tuple(hrefValue.map((v) => v.replace(/"/g, '')), attr('background-color', color), attr('color', color), labelText).map(([h, bg, c, l]) => `<mj-button href="${h}"${bg}${c}>${l}</mj-button>`);
const mjImage = fc.tuple(imgSrc, attr('alt', labelText), attr('href', hrefValue), attr('width', fc.constantFrom('600px', '100px', '50%'))).map(([s, a, h, w]) => `<mj-image src="${s}"${a}${h}${w} />`);
const mjLeaf = fc.oneof(
  { weight: 3, arbitrary: mjText },
  { weight: 2, arbitrary: mjButton },
  { weight: 1, arbitrary: mjImage },
  {
    weight: 1,
    arbitrary: fc.constantFrom('<mj-divider />', '<mj-spacer height="20px" />', '<mj-raw><p>raw</p></mj-raw>', '<mj-unknown>x</mj-unknown>', '<mj-text>unclosed', '<mj-button>', '</mj-column>', '<mj-include path="./missing-partial.mjml" />', '<mj-social><mj-social-element name="facebook" href="https://facebook.com/x">Facebook</mj-social-element></mj-social>', '<mj-text><![CDATA[<b>x</b>]]></mj-text>', '<mj-text css-class="dark-text">{{ name }}</mj-text>', '<mj-button href="https://example.com" padding="bogus">Go</mj-button>'),
  },
  { weight: 1, arbitrary: junk },
);
const mjColumn = fc.tuple(attr('width', fc.constantFrom('50%', '300px', '33%', 'x')), fc.array(mjLeaf, { maxLength: 3 })).map(([w, xs]) => `<mj-column${w}>${xs.join('\n')}</mj-column>`);
const mjSection = fc.tuple(attr('background-color', color), fc.array(mjColumn, { minLength: 1, maxLength: 3 }), fc.boolean()).map(([bg, cols, close]) => `<mj-section${bg}>${cols.join('\n')}${close ? '</mj-section>' : ''}`);
const mjHead = fc
  .array(fc.oneof(textArb.map((t) => `<mj-title>${t}</mj-title>`), textArb.map((t) => `<mj-preview>${t}</mj-preview>`), fc.array(cssRule, { maxLength: 2 }).map((rs) => `<mj-style>${rs.join('\n')}</mj-style>`), fc.constant('<mj-attributes><mj-all font-family="Arial" /><mj-text color="#333" /></mj-attributes>'), fc.constant('<mj-breakpoint width="480px" />')), { maxLength: 3 })
  .map((xs) => `<mj-head>${xs.join('\n')}</mj-head>`);

/** Mostly `usual`, sometimes `broken`. */
const mostly = (usual: readonly string[], broken: readonly string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...broken) });

export const mjmlSource = fc
  .tuple(
    mostly(['<mjml>', '<mjml lang="en">', '<mjml owa="desktop">'], ['', '<mj-body>', '<mjml']),
    fc.option(mjHead, { freq: 2 }),
    mostly(['<mj-body>', '<mj-body width="500px" background-color="#f4f4f4">'], ['<mj-body', '']),
    fc.array(fc.oneof({ weight: 4, arbitrary: mjSection }, { weight: 1, arbitrary: mjLeaf }), { maxLength: 3 }),
    mostly(['</mj-body></mjml>', '</mj-body></mjml>\n'], ['</mj-body>', '</mjml>', '']),
  )
  .map(([open, head, body, sections, close]) => [open, head ?? '', body, ...sections, close].join('\n'));
