import { defineRule } from '../../src/rule.js';
import { caniemailInfo, clientName, resolveClients } from '../../src/model/clients.js';
import { buttonOutcomes, clientVerdicts, versionsText, type ClientVerdict, type FeatureVerdict } from '../../src/model/client-support.js';
import { ctaName, ctaReportRange } from '../../src/rule-utils.js';
import { buttonOutcomeText } from './words.js';

/** "line 12", "lines 12, 40 and 41", "lines 3, 9, 14, 20 and 7 more". */
function linesText(lines: number[]): string {
  const u = [...new Set(lines)].sort((a, b) => a - b);
  if (u.length === 1) return `line ${u[0]}`;
  if (u.length <= 5) return `lines ${u.slice(0, -1).join(', ')} and ${u[u.length - 1]}`;
  return `lines ${u.slice(0, 4).join(', ')} and ${u.length - 4} more`;
}

function clientsText(vs: readonly ClientVerdict[], v: FeatureVerdict, withVersions: boolean): string {
  const shown = vs.slice(0, 4).map((c) => (withVersions ? versionsText(v, c.client) : clientName(c.client)));
  return vs.length > 4 ? `${shown.join('; ')}; and ${vs.length - 4} more clients` : shown.join('; ');
}

function notesText(vs: readonly ClientVerdict[]): string {
  const notes = [...new Set(vs.flatMap((c) => c.answer.notes))].slice(0, 2);
  // Markdown links read as their text in a terminal.
  return notes.length ? ` caniemail: ${notes.map((n) => n.replace(/\[([^\][]*)\]\([^()]*\)/g, '$1').replace(/\s+/g, ' ').trim()).join(' ')}` : '';
}

const FLEX = '<div style="display:flex"><a href="https://example.com/a">One</a><a href="https://example.com/b">Two</a></div>';

export default defineRule({
  id: 'client-support',
  description: 'HTML and CSS features that a chosen mail client does not support (caniemail data, offline), and what each client makes of the buttons.',
  rationale:
    'Mail clients render a small, uneven subset of HTML and CSS: Outlook for Windows draws with Word (no flexbox, no border-radius, padding on table cells only), Gmail drops <svg> and most of position, and a feature a client lacks silently breaks the layout or the button for its readers. caniemail.com tests each feature in each client and version; this rule reads its data offline (the snapshot\'s date is in the message) and judges only the code a client reads: Outlook-only markup only for Outlook for Windows, `<!--[if !mso]><!-->` markup for everyone else, rules inside a media query only for clients that support it, client-targeting selectors only for their client.',
  sources: [
    'caniemail.com, HTML and CSS support in email clients (data: the MIT caniemail package, api/data.json): https://www.caniemail.com/',
    'caniemail, padding ("Only supported on table cells" in Outlook for Windows): https://www.caniemail.com/features/css-padding/',
  ],
  guidance:
    'Use the table-and-inline-style equivalent (a table row instead of flex, a padded <td> and a VML v:roundrect for a button), give the feature a fallback the client reads (a bgcolor beside a background image, Outlook-only markup in <!--[if mso]>), or leave the client out with the `clients` option when its readers do not matter to you.',
  category: 'layout',
  severity: 'warn',
  recommended: false,
  options: {
    clients: {
      type: 'string[]',
      default: ['major'],
      description:
        'Mail clients to judge: presets `major` (Apple Mail, Gmail web and apps, Outlook for Windows, Mac, Outlook.com and apps, Yahoo! Mail), `all`, `outlook`, a family (`gmail`) or client ids (`outlook.windows`, `gmail.ios`; `@version` judges that version instead of the latest). Also set by the `clients` config key and `--clients`.',
      check: (values) => {
        try {
          resolveClients(values);
          return undefined;
        } catch (err) {
          return (err as Error).message;
        }
      },
    },
    partial: { type: 'boolean', default: false, description: 'Also report partial support (with caniemail\'s notes) and features that degrade to a fallback, as warnings.' },
    buttons: { type: 'boolean', default: true, description: 'Say, per client, what the reader gets of each button whose box relies on a feature the client drops.' },
    ignore: { type: 'string[]', default: [], description: 'caniemail feature ids not to report (e.g. `css-display-flex`).' },
  },
  messages: {
    notSupported: '{{feature}} is not supported in {{clients}}; used on {{lines}}.{{notes}} See {{url}} (caniemail data of {{date}}).',
    partial: '{{feature}} is only partly supported in {{clients}}; used on {{lines}}.{{notes}} See {{url}} (caniemail data of {{date}}).',
    degrades: '{{feature}} is not supported in {{clients}}: there it degrades to {{fallback}} (used on {{lines}}). See {{url}} (caniemail data of {{date}}).',
    buttonDegrades: 'Button {{label}}: {{outcomes}}.{{advice}}',
  },
  supersedes: { buttonDegrades: ['cta-outlook-mismatch'] },
  examples: {
    valid: [
      {
        title: 'A table button: the cell pads and paints it',
        code: '<table role="presentation"><tr><td bgcolor="#0a7" style="padding:14px 24px"><a href="https://example.com/trial" style="color:#ffffff;text-decoration:none">Start your trial</a></td></tr></table>',
      },
      {
        title: 'Flexbox for everyone but Outlook for Windows, a table for it',
        code: `<!--[if mso]><table role="presentation"><tr><td><a href="https://example.com/a">One</a></td><td><a href="https://example.com/b">Two</a></td></tr></table><![endif]--><!--[if !mso]><!-->${FLEX}<!--<![endif]-->`,
        options: { clients: ['outlook.windows'] },
      },
    ],
    invalid: [
      { title: 'Flexbox: Outlook for Windows stacks the items', code: FLEX, options: { clients: ['outlook.windows'] }, messageId: 'notSupported' },
      {
        title: 'A padded link: a bare text link in Outlook for Windows',
        code: '<div><a href="https://example.com/trial" style="display:inline-block;background-color:#0a7;color:#ffffff;padding:14px 24px;line-height:20px">Start your trial</a></div>',
        options: { clients: ['outlook.windows'] },
        messageId: 'buttonDegrades',
      },
    ],
  },
  check({ doc, options, report }) {
    const clients = resolveClients(options.clients);
    const ignore = new Set(options.ignore);
    const date = caniemailInfo().updated;
    for (const v of clientVerdicts(doc, clients, options.partial)) {
      if (ignore.has(v.feature.slug)) continue;
      const broken = v.clients.filter((c) => c.status === 'broken');
      const shown = broken.length ? broken : options.partial ? v.clients.filter((c) => c.status === 'partial' || c.status === 'degrades') : [];
      if (!shown.length) continue;
      const uses = [...new Set(shown.flatMap((c) => c.uses))].sort((a, b) => a.range.start - b.range.start);
      const lines = linesText(uses.map((u) => doc.span(u.range).line));
      const base = { feature: v.feature.title.trim(), lines, url: v.feature.url, date };
      if (broken.length) {
        report({ messageId: 'notSupported', range: uses[0].range, data: { ...base, clients: clientsText(broken, v, true), notes: notesText(broken) } });
        continue;
      }
      const partial = shown.filter((c) => c.status === 'partial');
      if (partial.length) report({ messageId: 'partial', range: uses[0].range, data: { ...base, clients: clientsText(partial, v, false), notes: notesText(partial) }, severity: 'warn' });
      const degrades = shown.filter((c) => c.status === 'degrades');
      if (degrades.length && !partial.length) {
        report({ messageId: 'degrades', range: uses[0].range, data: { ...base, clients: clientsText(degrades, v, false), fallback: degrades[0].fallback ?? 'its fallback' }, severity: 'warn' });
      }
    }
    if (!options.buttons) return;
    for (const cta of doc.ctas) {
      if (cta.kind !== 'button' && !cta.primary) continue;
      const outcomes = buttonOutcomes(doc, cta, clients);
      if (!outcomes.length) continue;
      const text = outcomes.map((o) => `in ${o.clients.map(clientName).join(', ')} it ${buttonOutcomeText(o)}`).join('; ');
      const advice = outcomes.some((o) => o.lost.includes('css-padding')) ? ' Give the link a padded <td> (or a VML v:roundrect for Outlook for Windows) so every reader gets a button.' : '';
      report({ messageId: 'buttonDegrades', range: ctaReportRange(doc, cta), data: { label: ctaName(cta), outcomes: text, advice } });
    }
  },
});
