import { defineRule } from '../../src/rule.js';
import { uncompiledSource } from '../../src/model/uncompiled.js';

export default defineRule({
  id: 'uncompiled-source',
  description: 'A template framework\'s uncompiled source (Inky/Foundation, Maizzle, MJML saved as HTML) is not email: compile it first, then lint the output.',
  rationale:
    'Email frameworks turn their own tags into email HTML when they build: Inky\'s <container>, <row>, <columns> and <button href> become nested tables, Maizzle\'s <extends>, <block>, <component> and <x-…> components are replaced by layouts and components, MJML\'s <mj-…> become tables. ' +
    'Email clients never see those tags, so judging the source as email (its CTAs, widths, contrast, head and footer, which the build adds) gives a page of wrong findings. This rule reports the source once, and while it does, the other rules\' findings for the file are left out, except those about the markup as written, which the build keeps: images without alt text, link addresses, well-formedness and tracking.',
  sources: [
    'Foundation for Emails, Inky ("a templating language that converts simple HTML into complex, responsive email-ready HTML"): https://get.foundation/emails/docs/inky.html',
    'Maizzle templates, layouts and components (built with `maizzle build`): https://maizzle.com/docs/templates',
    'MJML documentation (compile .mjml to HTML): https://documentation.mjml.io/',
  ],
  guidance: 'Lint what you send: run the framework\'s build and lint the compiled HTML (or save MJML as .mjml, which inboxlint compiles itself).',
  category: 'layout',
  severity: 'error',
  recommended: true,
  appliesTo: ['html'],
  options: {},
  messages: {
    uncompiled:
      'This is uncompiled {{framework}} source ({{tags}}), not email: clients never see these tags, so the other rules cannot judge it. Compile it first ({{how}}) and lint the compiled HTML.',
  },
  // One finding for the file: what the build changes cannot be judged on the source. What the
  // build copies as written (alt text, hrefs, the markup's nesting) is still judged.
  supersedes: { uncompiled: ['*', '!img-alt', '!link-href', '!link-insecure', '!html-well-formed', '!tracking-params'] },
  examples: {
    valid: [
      { title: 'Compiled email HTML (Foundation\'s output uses tables with classes)', code: '<table class="container"><tr><td><table class="row"><tr><th class="columns"><p>Hi</p></th></tr></table></td></tr></table>' },
    ],
    invalid: [
      {
        title: 'Raw Inky',
        code: '<container><row><columns><p>Hi</p><button href="https://example.com">Go</button></columns></row></container>',
        messageId: 'uncompiled',
      },
      {
        title: 'A Maizzle template',
        code: '<extends src="src/layouts/main.html"><block name="template"><x-main><p>Welcome</p></x-main></block></extends>',
        messageId: 'uncompiled',
      },
    ],
  },
  check({ doc, report }) {
    const src = uncompiledSource(doc);
    if (!src) return;
    const tags = src.tags.slice(0, 4).join(', ') + (src.tags.length > 4 ? ', …' : '');
    report({ messageId: 'uncompiled', data: { framework: src.framework, tags, how: src.how }, range: doc.startTagRange(src.first) });
  },
});
