import { defineRule } from '../../src/rule.js';
import { truncate } from '../../src/rule-utils.js';
import { presendFacts, imagesOf } from '../../src/model/presend-facts.js';

const kb = (n: number) => `${Math.round(n / 1000)} KB`;
const sized = (bytes: Record<string, number>) => ({ presend: { imageBytes: bytes } });
const IMG = (src: string, attrs = 'width="600" height="300"') => `<img src="${src}" ${attrs} alt="Spring collection">`;

export default defineRule({
  id: 'image-weight',
  description: 'Images stay light (each under 200 KB, all together under 800 KB) and declare width and height.',
  rationale:
    'Images load after the HTML, on the reader\'s connection: a heavy hero image shows as an empty box on a phone while the reader decides whether to scroll on. Salesforce Marketing Cloud\'s guidance is a loaded weight (HTML plus images) below 800 KB, ideally below 500 KB, and it caps hosted images at 200 KB; Listrak asks for under 1 MB in all. ' +
    'Without width and height attributes the client cannot reserve the image\'s space (the layout jumps as images arrive, and with images off the box collapses), and Outlook for Windows shows the image at its file\'s pixel size, scaled again by Windows DPI settings, instead of the size the design needs. ' +
    'Sizes are read from the template\'s folder for local images and, under --check-links, from the Content-Length of remote ones; a size that cannot be known is not guessed.',
  sources: [
    'Salesforce (ExactTarget), "Email file size guidelines": loaded weight below 800 KB, ideally 500 KB; hosted images up to 200 KB: https://answers.salesforce.com/blog/2014/05/email-file-size-guidelines-time-for-your-checkup-part-1-of-3.html',
    'Listrak, Image optimization guide ("keep the total email size less than 1MB"): https://help.listrak.com/en/articles/1760467-image-optimization-guide',
    'MJML\'s skeleton sets <o:PixelsPerInch>96</o:PixelsPerInch> for Outlook\'s DPI scaling (mjml packages/mjml-core/src/helpers/skeleton.js); Cerberus, Outlook notes: https://github.com/mjmlio/mjml/blob/master/packages/mjml-core/src/helpers/skeleton.js',
    'MDN, <img> width and height ("allows the browser to reserve space … reducing layout shift"): https://developer.mozilla.org/en-US/docs/Web/HTML/Element/img#height',
  ],
  guidance: 'Resize images to at most twice their displayed width, compress them (JPEG for photos, PNG for flat art), and give every <img> width and height attributes in px.',
  category: 'layout',
  severity: 'warn',
  recommended: true,
  options: {
    maxImageBytes: { type: 'integer', default: 200_000, minimum: 1, description: 'Largest size of one image, in bytes.' },
    maxTotalBytes: { type: 'integer', default: 800_000, minimum: 1, description: 'Largest size of all images together, in bytes.' },
  },
  messages: {
    heavy: 'Image {{src}} weighs {{size}} (over {{max}}): it loads slowly on a phone. Resize and compress it.',
    total: 'The images weigh {{size}} together (over {{max}}): the email loads slowly. Resize, compress or drop some of them.',
    noSize: 'Image {{src}} has no {{missing}} attribute: the layout jumps while it loads, and Outlook for Windows shows it at its file size. Add width and height in px.',
  },
  examples: {
    valid: [
      { title: 'Sized, and light', code: IMG('hero.jpg'), facts: sized({ 'hero.jpg': 120_000 }) },
      { title: 'A tracking pixel sized 1×1', code: '<img src="https://t.example/o.gif" width="1" height="1" alt="">' },
    ],
    invalid: [
      { title: 'A 450 KB hero image', code: IMG('hero.jpg'), facts: sized({ 'hero.jpg': 450_000 }), messageId: 'heavy' },
      { title: 'Five 180 KB images', code: [1, 2, 3, 4, 5].map((i) => IMG(`p${i}.jpg`)).join(''), facts: sized(Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`p${i}.jpg`, 180_000]))), messageId: 'total' },
      { title: 'No height', code: IMG('https://shop.example/hero.jpg', 'width="600"'), messageId: 'noSize' },
    ],
  },
  check({ doc, options, report }) {
    const bytes = presendFacts(doc)?.imageBytes ?? {};
    let total = 0;
    const seen = new Set<string>();
    for (const img of imagesOf(doc)) {
      const src = (img.attribs.src ?? '').trim();
      const range = doc.startTagRange(img);
      const missing = ['width', 'height'].filter((a) => !(img.attribs[a] ?? '').trim());
      if (missing.length) report({ messageId: 'noSize', data: { src: truncate(src, 60), missing: missing.join(' or ') }, range });
      const n = bytes[src];
      if (n === undefined) continue;
      if (n > options.maxImageBytes) report({ messageId: 'heavy', data: { src: truncate(src, 60), size: kb(n), max: kb(options.maxImageBytes) }, range });
      if (!seen.has(src)) total += n;
      seen.add(src);
    }
    if (total > options.maxTotalBytes) {
      const first = imagesOf(doc)[0];
      report({ messageId: 'total', data: { size: kb(total), max: kb(options.maxTotalBytes) }, range: first ? doc.startTagRange(first) : { start: 0, end: 0 } });
    }
  },
});
