import { defineRule } from '../../src/rule.js';
import { columnRows } from '../../src/model/columns.js';
import { measuredRow, sidewaysScroll } from '../../src/model/measured.js';
import { VIEWPORTS } from '../../src/model/geometry.js';
import { howKnown } from '../../src/rule-utils.js';

const TWO_COLUMNS = (style = '') => `<!doctype html><html lang="en"><head>${style}</head><body>
<table role="presentation" width="600"><tr>
  <td width="300" class="col">Left: our spring collection is here.</td>
  <td width="300" class="col">Right: free shipping on every order.</td>
</tr></table></body></html>`;

export default defineRule({
  id: 'mobile-single-column',
  description: 'Side-by-side columns wider than a phone must stack into one column on mobile.',
  rationale:
    'Most email is opened on phones. Columns that keep their desktop widths on a 375 px screen shrink text and buttons ' +
    'or force sideways scrolling, and the primary action drops out of view. MJML stacks below 480 px; Cerberus stacks with a ' +
    '`.stack-column` media query or hybrid inline-block columns. Outlook for Windows and Gmail with non-Google accounts ignore ' +
    'media queries, so hybrid columns are the robust fallback. With `--render` the phone render decides: a row is ' +
    'reported when its columns still share a line at 375 px, and a page that scrolls sideways is reported at its widest element; ' +
    'without a render the verdict comes from the markup, and the message says which.',
  sources: [
    'MJML documentation, mj-column (columns stack below the 480px breakpoint): https://documentation.mjml.io/#mj-column',
    'Cerberus responsive and hybrid templates (.stack-column and inline-block columns): https://github.com/emailmonday/Cerberus',
    'caniemail, @media (Outlook for Windows and Gmail with non-Google accounts ignore media queries): https://www.caniemail.com/features/css-at-media/',
    'Gmail, CSS support in email (media queries in <style>): https://developers.google.com/gmail/design/css',
  ],
  guidance:
    'Make the columns stack: give each column `display:inline-block; width:100%; max-width:<desktop width>` (hybrid), or add ' +
    '`@media (max-width: 480px) { .col { display:block !important; width:100% !important; } }`. In MJML use `mj-column` ' +
    'inside `mj-section` instead of `mj-group` when the columns should stack.',
  category: 'layout',
  severity: 'warn',
  recommended: true,
  options: {
    breakpoint: { type: 'integer', default: 480, minimum: 200, description: 'Mobile breakpoint in px: rows wider than this must stack.' },
    requireHybrid: {
      type: 'boolean',
      default: false,
      description: 'Also report rows that stack only through media queries (Outlook and Gmail with non-Google accounts ignore them).',
    },
  },
  messages: {
    noStack: '{{count}} side-by-side columns ({{width}} px in all) do not stack on a {{breakpoint}} px phone: no mobile media query or hybrid layout makes them one column ({{how}})',
    sideBySide: '{{count}} columns ({{width}} px in all) still sit side by side on a {{phone}} px-wide phone ({{how}}): make them stack with a mobile media query or a hybrid (inline-block + max-width) layout',
    scrollsSideways: 'The email scrolls sideways on a {{phone}} px-wide phone: its content is {{scrollWidth}} px wide ({{how}}). Give this element width:100% with a max-width instead of a fixed width',
    mediaQueryOnly: '{{count}} columns ({{width}} px) stack only through a media query, which Outlook and Gmail with non-Google accounts ignore: add a hybrid (inline-block + max-width) fallback',
    mjGroup: 'mj-group keeps its {{count}} columns side by side on mobile ({{width}} px in all): use mj-column in mj-section so they stack',
  },
  examples: {
    valid: [
      { title: 'Columns that stack with a media query', code: TWO_COLUMNS('<style>@media screen and (max-width: 480px) { .col { display: block !important; width: 100% !important; } }</style>') },
      {
        title: 'Hybrid columns',
        code: `<div style="width:600px"><div style="display:inline-block;width:100%;max-width:300px">Left copy here</div><div style="display:inline-block;width:100%;max-width:300px">Right copy here</div></div>`,
      },
    ],
    invalid: [{ title: 'Two fixed 300 px cells and no media query', code: TWO_COLUMNS(), messageId: 'noStack' }],
  },
  check({ doc, options, report }) {
    const groups = new Set<number>(doc.facts.mjmlGroupOffsets ?? []);
    const phone = VIEWPORTS.mobile.width;
    let reported = false;
    for (const row of columnRows(doc)) {
      if (row.totalWidth <= options.breakpoint) continue;
      // Measured in a render (lint --render): what the phone shows decides; else the markup's stacking.
      const m = measuredRow(doc, row, 'mobile');
      const data = { count: row.columns.length, width: Math.round(row.totalWidth), breakpoint: options.breakpoint, phone, how: howKnown(!!m) };
      let messageId: 'mjGroup' | 'noStack' | 'sideBySide' | 'mediaQueryOnly' | undefined;
      if (groups.has(row.range.start)) messageId = !m || m.sideBySide ? 'mjGroup' : undefined;
      else if (m) messageId = m.sideBySide ? 'sideBySide' : undefined;
      else if (row.stacking === 'none') messageId = 'noStack';
      if (!messageId && row.stacking === 'media-query' && options.requireHybrid) messageId = 'mediaQueryOnly';
      if (!messageId) continue;
      reported ||= messageId !== 'mediaQueryOnly';
      report({ messageId, data, range: row.range });
    }
    const scroll = sidewaysScroll(doc, 'mobile', phone);
    if (!reported && scroll?.element && scroll.scrollWidth > phone + 1) {
      report({
        messageId: 'scrollsSideways',
        data: { phone, scrollWidth: Math.round(scroll.scrollWidth), how: howKnown(true) },
        range: doc.startTagRange(scroll.element),
      });
    }
  },
});
