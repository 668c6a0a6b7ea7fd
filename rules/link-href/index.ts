import { defineRule } from '../../src/rule.js';
import { sharedAddressOf, type Link } from '../../src/model/links.js';
import { truncate } from '../../src/rule-utils.js';

const LOCAL_HOST = /^[a-z][a-z0-9+.\-]*:\/\/(?:[^@/?#]*@)?(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1\])(?::\d+)?(?:[/?#]|$)/i;

type Case = 'empty' | 'hashOnly' | 'schemeOnly' | 'javascript' | 'file' | 'localhost' | 'protocolRelative' | 'relative';

function classify(link: Link, hasBase: boolean): Case | null {
  const href = link.href;
  if (!href) return 'empty';
  if (link.isMergeTagOnly || link.scheme === null) return null;
  // A share link of "#" (MJML's mj-social-element name="facebook" href="#") shares nothing.
  if (href === '#' || ['#', ''].includes(sharedAddressOf(href) ?? '-')) return 'hashOnly';
  if (/^https?:\/*$/i.test(href)) return 'schemeOnly';
  if (link.scheme === 'javascript') return 'javascript';
  if (link.scheme === 'file') return 'file';
  if (LOCAL_HOST.test(href)) return 'localhost';
  if (link.scheme !== '' || link.isFragment) return null;
  if (hasBase) return null;
  if (href.startsWith('//')) return 'protocolRelative';
  return 'relative';
}

export default defineRule({
  id: 'link-href',
  description: 'Links must go somewhere a reader can reach: no empty, "#", "http://", javascript:, local or relative hrefs.',
  rationale:
    'An email has no page URL to resolve against, so relative links go nowhere (unless an absolute <base href> is set) and localhost/file: links only work on the author\'s machine. ' +
    'Empty, "#" and bare "http://" hrefs are template placeholders that ship as dead buttons; mail clients strip or refuse javascript: URLs (Lighthouse and tracking tools exclude them too). ' +
    'Every case is a link that does nothing for the reader, so the rule is an error by default. Outlook VML button hrefs are checked too: they are what Outlook for Windows users click.',
  sources: [
    'HTML Living Standard, the href attribute of links: https://html.spec.whatwg.org/multipage/links.html#attr-hyperlink-href',
    'caniemail, anchor links (same-document #fragments work in few clients): https://www.caniemail.com/features/html-anchor-links/',
    'Maizzle glossary, bulletproof (VML) buttons (the VML href is the link Outlook users click): https://github.com/maizzle/maizzle.com/blob/HEAD/content/docs/glossary.md',
  ],
  guidance:
    'Replace placeholders with the real absolute https:// URL (or the ESP merge tag that becomes it), keep #anchors only for in-email navigation, and update the VML href together with its <a> fallback.',
  category: 'links',
  severity: 'error',
  recommended: true,
  options: {},
  messages: {
    empty: 'Link{{text}}{{where}} has an empty href: it goes nowhere. Set the destination URL.',
    hashOnly: 'Link{{text}}{{where}} points to "#": a placeholder that does nothing in the inbox. Set the destination URL.',
    schemeOnly: 'Link{{text}}{{where}} is just "{{href}}": a placeholder with no address. Set the full destination URL.',
    javascript: 'Link{{text}}{{where}} uses a javascript: URL: mail clients strip or block scripts, so it does nothing. Link to a web page instead.',
    file: 'Link{{text}}{{where}} is a file: URL ("{{href}}"): it points at a file on the author\'s computer. Upload it and link to its https:// URL.',
    localhost: 'Link{{text}}{{where}} points at a local address ("{{href}}"): it only works on the author\'s machine. Use the public URL.',
    protocolRelative:
      'Link{{text}}{{where}} is protocol-relative ("{{href}}"): an email has no page protocol, so desktop clients may open it as file:. Write https://.',
    relative:
      'Link{{text}}{{where}} is relative ("{{href}}"): an email has no page address to resolve it against, so it goes nowhere. Use an absolute https:// URL.',
  },
  examples: {
    valid: [
      { title: 'Absolute URL', code: '<a href="https://example.com/shop">Shop the collection</a>' },
      { title: 'A merge tag the ESP fills in', code: '<a href="{{action_url}}">Reset your password</a>' },
      { title: 'A share link of a real address', code: '<a href="https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.com%2Fpost">Share on X</a>' },
      { title: 'mailto and in-page anchors', code: '<a href="mailto:help@example.com">Email us</a> <a href="#faq">FAQ</a>' },
      {
        title: 'Relative link under an absolute <base href>',
        code: '<html><head><base href="https://example.com/"></head><body><a href="shop/">Shop</a></body></html>',
      },
    ],
    invalid: [
      { title: 'Empty href', code: '<a href="">Shop now</a>', messageId: 'empty' },
      { title: '"#" placeholder', code: '<a href="#">Shop now</a>', messageId: 'hashOnly' },
      { title: 'A share link of "#" (MJML mj-social-element name="facebook" href="#")', code: '<a href="https://www.facebook.com/sharer/sharer.php?u=#"><img src="https://example.com/fb.png" alt="Share on Facebook"></a>', messageId: 'hashOnly' },
      { title: 'Bare scheme', code: '<a href="http://">Shop now</a>', messageId: 'schemeOnly' },
      { title: 'javascript: URL', code: '<a href="javascript:void(0)">Shop now</a>', messageId: 'javascript' },
      { title: 'file: URL', code: '<a href="file:///C:/Users/me/catalogue.pdf">Catalogue</a>', messageId: 'file' },
      { title: 'Development server', code: '<a href="http://localhost:3000/shop">Shop now</a>', messageId: 'localhost' },
      { title: 'Protocol-relative URL', code: '<a href="//example.com/shop">Shop now</a>', messageId: 'protocolRelative' },
      { title: 'Relative URL', code: '<a href="/shop/linen">Shop linen</a>', messageId: 'relative' },
      {
        title: 'A placeholder VML button href (Outlook)',
        code: '<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="#" style="height:40px;width:200px;" fillcolor="#0a7"><center>Shop</center></v:roundrect><![endif]-->',
        messageId: 'hashOnly',
      },
    ],
  },
  check({ doc, report }) {
    const hasBase = doc.elements.some((e) => e.name === 'base' && /^https?:\/\/[^/]/i.test(e.attribs.href?.trim() ?? ''));
    for (const link of doc.links) {
      const kind = classify(link, hasBase);
      if (!kind) continue;
      const range = link.valueRange.end > link.valueRange.start ? link.valueRange : doc.startTagRange(link.element);
      report({
        messageId: kind,
        data: {
          where: link.isVml ? ` (Outlook VML <${link.tag}>)` : '',
          href: truncate(link.href, 60),
          text: link.text ? ` "${truncate(link.text, 40)}"` : '',
        },
        range,
      });
    }
  },
});
