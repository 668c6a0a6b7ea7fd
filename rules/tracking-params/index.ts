import { defineRule } from '../../src/rule.js';
import { baseHrefOf } from '../../src/model/links.js';
import { vmlTwins } from '../../src/model/vml.js';
import { resolveTrackOptions } from '../../src/rewrite/options.js';
import { skipReasonOf } from '../../src/rewrite/plan.js';
import { parseRawUrl } from '../../src/rewrite/url.js';

export default defineRule({
  id: 'tracking-params',
  description: 'Every trackable link carries the configured tracking parameters (utm_source, utm_medium, utm_campaign by default).',
  rationale:
    'Google Analytics attributes a visit to an email campaign only through its utm_* parameters, and files it under the Email channel only when utm_source or utm_medium says email; ' +
    'a link that lost them (a late edit, a pasted URL, the Outlook VML copy of a button) sends its clicks to "direct" or "unassigned". ' +
    'Links that must not be tracked are not checked: mailto:/tel:/sms:, in-page anchors, unsubscribe and preference links, ESP system tags and hrefs that are wholly a merge tag. ' +
    'Off by default: turn it on in CI after `inboxlint track` so untracked links fail the build.',
  sources: [
    'Google Analytics Help, URL builders: collect campaign data with custom URLs (utm_source, utm_medium, utm_campaign…): https://support.google.com/analytics/answer/10917952',
    'Google Analytics Help, default channel group (the "Email" channel matches utm_source or utm_medium email|e-mail|e_mail|e mail): https://support.google.com/analytics/answer/9756891',
    'Mailchimp, the required `*|UNSUB|*` tag (links an ESP must recognise are not rewritten): https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/',
  ],
  guidance: 'Run `inboxlint track --campaign NAME` on the template (it adds only the missing parameters and keeps existing ones), or add them to the link by hand.',
  category: 'tracking',
  severity: 'warn',
  recommended: false,
  options: {
    params: {
      type: 'string[]',
      default: ['utm_source', 'utm_medium', 'utm_campaign'],
      description: 'Parameter names every trackable link must carry.',
    },
    domains: {
      type: 'string[]',
      default: [],
      description: 'Only check links to these domains (and their subdomains); empty = every domain.',
    },
  },
  messages: {
    missing: 'Link{{where}} "{{href}}" lacks tracking parameter(s) {{missing}}: its clicks will not be attributed to the campaign. Run `inboxlint track`.',
  },
  examples: {
    valid: [
      {
        title: 'A tracked link',
        code: '<a href="https://example.com/guide?utm_source=news&amp;utm_medium=email&amp;utm_campaign=spring">Download the guide</a>',
      },
      { title: 'Links that are never tracked', code: '<a href="mailto:help@example.com">Email us</a> <a href="{{unsubscribe_url}}">Unsubscribe</a> <a href="#top">Top</a>' },
      {
        title: 'Only the listed domains are checked',
        code: '<a href="https://partner.example.org/x">Partner</a>',
        options: { domains: ['example.com'] },
      },
    ],
    invalid: [
      { title: 'An untracked link', code: '<a href="https://example.com/guide">Download the guide</a>', messageId: 'missing' },
      {
        title: 'The Outlook VML button lost its parameters',
        code:
          '<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="https://example.com/guide" style="height:40px;width:200px;" fillcolor="#0a7"><center>Get it</center></v:roundrect><![endif]-->',
        messageId: 'missing',
      },
    ],
  },
  check({ doc, options, report }) {
    const filters = resolveTrackOptions({ campaign: 'x', domains: [...options.domains] });
    const baseHref = baseHrefOf(doc);
    const twins = vmlTwins(doc);
    for (const link of doc.links) {
      const main = twins.get(link) ?? link;
      if (skipReasonOf(link.raw, { text: main.text, role: main.role, baseHref }, filters)) continue;
      const have = new Set(parseRawUrl(link.raw).params.map((p) => p.key.toLowerCase()));
      const missing = options.params.filter((p) => !have.has(p.toLowerCase()));
      if (!missing.length) continue;
      const href = link.href.length > 80 ? `${link.href.slice(0, 77)}…` : link.href;
      report({
        messageId: 'missing',
        data: { href, missing: missing.join(', '), where: link.isVml ? ' (Outlook VML button)' : '' },
        range: link.valueRange,
      });
    }
  },
});
