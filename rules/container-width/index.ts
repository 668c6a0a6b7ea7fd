import { defineRule } from '../../src/rule.js';
import { contentWidth } from '../../src/model/measured.js';
import { howKnown } from '../../src/rule-utils.js';

export default defineRule({
  id: 'container-width',
  description: 'The email container should be about 600 px wide and never wider than 640 px (680 px at most).',
  rationale:
    'Desktop preview panes and webmail show roughly 600 px; wider containers get cut off or scaled down, shrinking text and ' +
    'buttons. MJML defaults to 600 px, Cerberus to 680 px at most, and layout guides say never exceed ~650 px. ' +
    'With `--render` the width is the widest table, div or cell measured in the 600 px desktop pane (a fluid container passes; a fixed one that overflows shows its real width); ' +
    'without a render it is the widest declared fixed width, and the message says which.',
  sources: [
    'MJML documentation, mj-body (width defaults to 600px): https://documentation.mjml.io/#mj-body',
    'Cerberus templates (the email container has max-width: 680px): https://github.com/emailmonday/Cerberus',
  ],
  guidance: 'Set the outer container to `width:100%; max-width:600px` (or a `width="600"` table) and let it shrink on phones.',
  category: 'layout',
  severity: 'warn',
  recommended: true,
  options: {
    warnAbove: { type: 'integer', default: 640, minimum: 320, description: 'Warn when the container is wider than this (px).' },
    errorAbove: { type: 'integer', default: 680, minimum: 320, description: 'Error when the container is wider than this (px).' },
  },
  messages: {
    tooWide: 'The email container is {{width}} px wide ({{how}}); keep it near 600 px and under {{limit}} px so preview panes show it whole',
  },
  examples: {
    valid: [{ code: '<table role="presentation" width="600" style="max-width:600px"><tr><td>Hello</td></tr></table>' }],
    invalid: [{ code: '<table role="presentation" width="800"><tr><td>Hello</td></tr></table>', messageId: 'tooWide' }],
  },
  check({ doc, options, report }) {
    // Measured in the desktop pane with lint --render, else the widest declared fixed width.
    const c = contentWidth(doc);
    if (!c || c.width <= options.warnAbove) return;
    const hard = c.width > options.errorAbove;
    report({
      messageId: 'tooWide',
      data: { width: Math.round(c.width), limit: hard ? options.errorAbove : options.warnAbove, how: howKnown(c.measured) },
      range: doc.startTagRange(c.element),
      severity: hard ? 'error' : undefined,
    });
  },
});
