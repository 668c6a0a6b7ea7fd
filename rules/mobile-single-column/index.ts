import { defineRule } from '../../src/rule.js';
import { columnRows } from '../../src/model/columns.js';

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
    'media queries, so hybrid columns are the robust fallback.',
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
    noStack: '{{count}} side-by-side columns ({{width}} px in all) do not stack on a {{breakpoint}} px phone: no mobile media query or hybrid layout makes them one column',
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
    const groups = new Set<number>(((doc.extra.mjmlGroupOffsets as number[] | undefined) ?? []));
    for (const row of columnRows(doc)) {
      if (row.totalWidth <= options.breakpoint) continue;
      const data = { count: row.columns.length, width: Math.round(row.totalWidth), breakpoint: options.breakpoint };
      if (groups.has(row.range.start)) report({ messageId: 'mjGroup', data, range: row.range });
      else if (row.stacking === 'none') report({ messageId: 'noStack', data, range: row.range });
      else if (row.stacking === 'media-query' && options.requireHybrid) report({ messageId: 'mediaQueryOnly', data, range: row.range });
    }
  },
});
