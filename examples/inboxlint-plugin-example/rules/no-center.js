/**
 * `<center>` is obsolete HTML: use `align="center"` on the table cell or `text-align:center`.
 * Inside Outlook conditional comments (the VML bulletproof button's label) it is the standard
 * pattern and is not reported.
 */
export default {
  id: 'no-center',
  description: 'Use align / text-align instead of the obsolete <center> element (outside Outlook VML).',
  rationale:
    'The HTML Standard lists <center> among the obsolete, non-conforming features (WHATWG HTML §16.2). ' +
    'A table cell with align="center" or text-align:center centres the same content in every client.',
  sources: ['https://html.spec.whatwg.org/multipage/obsolete.html#non-conforming-features'],
  docsUrl: 'https://github.com/inboxlint/inboxlint/tree/main/examples/inboxlint-plugin-example#readme',
  guidance: 'Replace <center>…</center> with the content in a <td align="center" style="text-align:center">.',
  category: 'layout',
  severity: 'warn',
  recommended: false,
  options: {},
  messages: {
    center: '<center> is obsolete HTML: centre the content with align="center" or text-align:center on its table cell.',
  },
  examples: {
    valid: [
      { title: 'A centred cell', code: '<table role="presentation"><tr><td align="center" style="text-align:center">Hi</td></tr></table>' },
      {
        title: '<center> in an Outlook VML button',
        code: '<!--[if mso]><v:roundrect href="https://e.com/x" style="height:40px;width:200px"><center>Start</center></v:roundrect><![endif]-->',
      },
    ],
    invalid: [{ title: 'A <center> element', code: '<center><p>Hi</p></center>', messageId: 'center' }],
  },
  check({ doc, report }) {
    for (const el of doc.byTag('center')) {
      if (doc.conditionalOf(el)) continue;
      report({ messageId: 'center', range: doc.startTagRange(el) });
    }
  },
};
