import type { Element, AnyNode } from 'domhandler';
import { defineRule } from '../../src/rule.js';
import { afterTagName } from '../../src/rule-utils.js';

/**
 * A data table announces itself: a <caption>, <th> cells, a summary attribute, or cells with
 * scope/headers. Nested tables are judged on their own.
 */
function isDataTable(table: Element): boolean {
  if ('summary' in table.attribs) return true;
  const stack: AnyNode[] = [...table.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    const el = n as Element;
    if (el.name === 'table') continue;
    if (el.name === 'th' || el.name === 'caption') return true;
    if ((el.name === 'td' || el.name === 'tr') && ('scope' in el.attribs || 'headers' in el.attribs)) return true;
    stack.push(...el.children);
  }
  return false;
}

export default defineRule({
  id: 'table-role-presentation',
  description: 'Layout tables need role="presentation" so screen readers do not announce rows and columns.',
  rationale:
    'Email layouts are built from tables. Without role="presentation" a screen reader announces each one as a table ("table with 3 rows and 2 columns") and reads cell by cell, burying the message. ' +
    'Cerberus: "Use <table border=\\"0\\" cellpadding=\\"0\\" cellspacing=\\"0\\" role=\\"presentation\\"> … tells screen readers to skip over the table\'s tags"; MJML marks its layout tables the same way. ' +
    'Gmail keeps the role attribute (caniemail html-role). Data tables (with <th>, <caption>, summary, scope or headers) are left alone.',
  sources: [
    'Cerberus best practices (role="presentation" "tells screen readers to skip over the table\'s tags"): https://github.com/emailmonday/Cerberus/blob/HEAD/docs/content/best-practices.md',
    'caniemail, role attribute (Gmail keeps it): https://www.caniemail.com/features/html-role/',
    'WAI-ARIA 1.2, the presentation role: https://www.w3.org/TR/wai-aria-1.2/#presentation',
  ],
  guidance: 'Add role="presentation" to every table used for layout (Outlook ghost tables included). Mark real data tables up with <th> and scope instead.',
  category: 'accessibility',
  severity: 'warn',
  recommended: true,
  fixable: true,
  options: {},
  messages: {
    missing: 'Layout <table> has no role="presentation": screen readers announce its rows and columns before the content. Add role="presentation".',
  },
  examples: {
    valid: [
      { title: 'Layout table with role', code: '<table role="presentation" cellpadding="0" cellspacing="0"><tr><td>Hello</td></tr></table>' },
      { title: 'role="none" is equivalent', code: '<table role="none"><tr><td>Hello</td></tr></table>' },
      {
        title: 'A data table with header cells',
        code: '<table><tr><th scope="col">Item</th><th scope="col">Price</th></tr><tr><td>Shirt</td><td>$40</td></tr></table>',
      },
    ],
    invalid: [
      { title: 'Layout table without role', code: '<table cellpadding="0" cellspacing="0" width="600"><tr><td>Hello</td></tr></table>', messageId: 'missing' },
    ],
  },
  check({ doc, report }) {
    for (const table of doc.elements) {
      if (table.name !== 'table') continue;
      const role = table.attribs.role?.trim().toLowerCase();
      if (role) continue;
      if (isDataTable(table)) continue;
      const at = afterTagName(doc, table);
      report({
        messageId: 'missing',
        range: doc.startTagRange(table),
        // Safe: the table has no data-table markup, and the role changes what assistive technology announces, nothing else.
        fix: { desc: 'Add role="presentation"', range: { start: at, end: at }, text: ' role="presentation"' },
      });
    }
  },
});
