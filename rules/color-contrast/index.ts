import { defineRule } from '../../src/rule.js';
import type { AnyNode, Element } from 'domhandler';
import type { WcagLevel } from '../../src/css/color.js';
import { buttonTargets } from '../../src/model/contrast.js';
import { contrastFailure, checkRunsPerView, documentStartRange, truncate } from '../../src/rule-utils.js';

export default defineRule({
  id: 'color-contrast',
  description: 'Text must contrast with the background it is actually painted on (WCAG 2.x 1.4.3), in light and in declared dark mode.',
  rationale:
    'Low-contrast text is hard or impossible to read for many readers and on phones in daylight. WCAG 2.x 1.4.3 asks for 4.5:1 ' +
    '(3:1 for large text: at least 24px, or 18.66px and bold), computed without rounding (4.499:1 fails). Emails set colours through ' +
    '`bgcolor` attributes, `<style>` classes, `background` shorthands, `<font color>`, inheritance and dark-mode media queries, so the ' +
    'effective background is resolved the way a browser does (checked against Chromium) rather than read from the nearest inline style. ' +
    'Where a template declares dark-mode colours (Apple Mail, Outlook.com and others apply them), they are checked too.',
  sources: [
    'WCAG 2.2 Success Criterion 1.4.3 Contrast (Minimum), level AA: 4.5:1, 3:1 for large text (24 px, or 18.66 px bold): https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html',
    'WCAG 2.2 Success Criterion 1.4.6 Contrast (Enhanced), level AAA: 7:1, 4.5:1 for large text: https://www.w3.org/WAI/WCAG22/Understanding/contrast-enhanced.html',
    'WCAG 2.2 definitions of relative luminance and contrast ratio (computed values are not rounded): https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio',
    'caniemail, prefers-color-scheme (which clients apply dark-mode styles; Outlook.com adds data-ogsc / data-ogsb): https://www.caniemail.com/features/css-at-media-prefers-color-scheme/',
  ],
  guidance:
    'Darken the text or change the background until the ratio reaches the threshold; check the colours where they are declared (the message says where). ' +
    'Give text over a background image a fallback background-color it passes on. In dark-mode rules, override every text colour whose background you change.',
  category: 'contrast',
  severity: 'error',
  recommended: true,
  options: {
    level: { type: 'string', default: 'AA', enum: ['AA', 'AAA'], description: 'WCAG level: AA (4.5:1, 3:1 large) or AAA (7:1, 4.5:1 large).' },
    checkDarkMode: { type: 'boolean', default: true, description: 'Check the dark scheme when the template declares dark-mode rules.' },
    includeButtonLabels: {
      type: 'boolean',
      default: false,
      description: 'Also check button labels here; by default they are left to cta-contrast, so one problem gives one finding.',
    },
    warnWithoutDarkMode: {
      type: 'boolean',
      default: false,
      description: 'Warn once when the template declares no dark-mode colours (clients that invert colours then decide for you).',
    },
  },
  messages: {
    low: 'Text contrast {{ratio}}:1 is below {{required}}:1: {{fg}} on {{bg}}. Darken the text or change the background.{{where}}',
    lowDark: 'In the dark scheme, text contrast {{ratio}}:1 is below {{required}}:1: {{fg}} on {{bg}}. Override this text colour in the dark-mode rules.',
    inconclusive:
      'Text "{{text}}" sits on a background image ({{image}}) with no fallback background colour: its contrast cannot be checked, and clients that block images show it on whatever lies beneath. Declare a background-color it passes on.',
    noDarkMode:
      'The template declares no dark-mode colours (no @media (prefers-color-scheme: dark) or [data-ogsc] rules): clients that invert colours decide how it looks. Consider declaring dark-mode colours.',
  },
  examples: {
    valid: [
      {
        title: 'Light text on a dark bgcolor cell',
        code: '<table><tr><td bgcolor="#1a1a2e"><p style="color:#ffffff">Welcome aboard</p></td></tr></table>',
      },
      {
        title: 'Large bold text at 3.5:1',
        code: '<h1 style="color:#808080;font-size:24px">Big sale</h1>',
      },
    ],
    invalid: [
      {
        title: 'Grey text whose background comes from a class on an ancestor',
        code: '<style>.wrapper{background:#f4f4f4}.muted{color:#8a8a8a}</style>\n<table class="wrapper"><tr><td><p class="muted">Unsubscribe at any time.</p></td></tr></table>',
        messageId: 'low',
      },
      {
        title: 'Dark-mode rules change the background but not the text',
        code:
          '<style>.bg{background:#ffffff}.t{color:#333333}@media (prefers-color-scheme: dark){.bg{background:#1e1e1e !important}}</style>\n' +
          '<div class="bg"><p class="t">Invisible at night.</p></div>',
        messageId: 'lowDark',
      },
      {
        title: 'Text over a background image with no fallback colour',
        code: '<table><tr><td background="https://example.com/hero.jpg"><h2 style="color:#ffffff">Summer</h2></td></tr></table>',
        messageId: 'inconclusive',
      },
    ],
  },
  check({ doc, options, report }) {
    const level = options.level as WcagLevel;
    const buttons = options.includeButtonLabels ? [] : buttonTargets(doc).flatMap((b) => [b.element, ...(b.also ?? [])]);
    const inButton = (el: Element) => {
      for (let n: AnyNode | null = el; n; n = n.parent) if (buttons.includes(n as Element)) return true;
      return false;
    };
    checkRunsPerView(doc, doc.textRuns, (run, where) => {
      if (buttons.length && inButton(run.element)) return false;
      if (run.inconclusive) {
        if (where) return false; // said once, for the pane
        const image = run.imageOrigin?.description ?? `on <${run.imageElement?.name ?? 'element'}>`;
        report({ messageId: 'inconclusive', data: { text: truncate(run.text, 40), image }, range: run.range, severity: 'warn' });
        return true;
      }
      const fail = contrastFailure(run, level);
      if (!fail) return false;
      report({ messageId: 'low', data: { ...fail, text: truncate(fail.text, 40), where }, range: run.range });
      return true;
    });
    if (!options.checkDarkMode && !options.warnWithoutDarkMode) return;
    const dark = doc.darkTextRuns;
    if (!dark) {
      if (options.warnWithoutDarkMode && doc.textRuns.length) report({ messageId: 'noDarkMode', range: documentStartRange(doc), severity: 'warn', condition: 'dark' });
      return;
    }
    if (!options.checkDarkMode) return;
    // Report only what the dark scheme makes worse: a run that already fails in light was reported above.
    const lightFailing = new Set(doc.textRuns.filter((r) => !r.inconclusive && contrastFailure(r, level)).map((r) => r.element));
    for (const run of dark) {
      if (run.inconclusive || lightFailing.has(run.element) || (buttons.length && inButton(run.element))) continue;
      const fail = contrastFailure(run, level);
      if (fail) report({ messageId: 'lowDark', data: { ...fail, text: truncate(fail.text, 40) }, range: run.range, condition: 'dark' });
    }
  },
});
