import type { Element } from 'domhandler';
import { defineRule } from '../../src/rule.js';
import { contrastRatio, formatRatio, truncateRatio, type WcagLevel } from '../../src/css/color.js';
import type { Scheme, TextRun } from '../../src/style/service.js';
import { borderDrawsButton, buttonTargets, runsInside } from '../../src/model/contrast.js';
import { contrastFailure, describeColor, truncate, phoneOnlyRuns, PHONE_NOTE } from '../../src/rule-utils.js';

export default defineRule({
  id: 'cta-contrast',
  description: 'A button label must contrast with the button fill, and the fill should stand out from what surrounds it.',
  rationale:
    'The call to action is the one thing the reader must see. Its label is text: WCAG 1.4.3 asks for 4.5:1 against the fill (3:1 when large). ' +
    'The fill against the surrounding background is a non-text contrast: WCAG 1.4.11 asks for 3:1 where the fill is what shows the control is there; ' +
    'a label alone can identify it, so that part is a warning. The fill is resolved from wherever it is painted (often the `<td bgcolor>` of a bulletproof button).',
  sources: [
    'WCAG 2.2 Success Criterion 1.4.3 Contrast (Minimum) (the label against the button fill): https://www.w3.org/WAI/WCAG22/Understanding/contrast-minimum.html',
    'WCAG 2.2 Success Criterion 1.4.11 Non-text Contrast (3:1 for the parts needed to identify a control; a border is not required when the label identifies it): https://www.w3.org/WAI/WCAG22/Understanding/non-text-contrast.html',
  ],
  guidance: 'Choose a label colour that reaches the threshold on the button fill, and a fill that stands out from the background around the button (3:1).',
  category: 'cta',
  severity: 'error',
  recommended: true,
  options: {
    level: { type: 'string', default: 'AA', enum: ['AA', 'AAA'], description: 'WCAG level for the label: AA (4.5:1, 3:1 large) or AAA (7:1, 4.5:1 large).' },
    checkFill: { type: 'boolean', default: true, description: 'Warn when the button fill contrasts less than 3:1 with the surrounding background (WCAG 1.4.11).' },
  },
  messages: {
    label: 'Button "{{label}}": label contrast {{ratio}}:1 is below {{required}}:1: {{fg}} on the fill {{bg}}. Change the label colour or the fill.{{where}}',
    labelDark: 'Button "{{label}}" in the dark scheme: label contrast {{ratio}}:1 is below {{required}}:1: {{fg}} on the fill {{bg}}. Override the label or fill colour in the dark-mode rules.',
    fill: 'Button "{{label}}": the fill {{fill}} contrasts {{ratio}}:1 with the background around it {{around}}, below 3:1, so the button does not stand out. Use a fill that stands apart from the background.',
  },
  examples: {
    valid: [
      {
        title: 'White label on a blue bulletproof cell',
        code: '<table><tr><td bgcolor="#1565c0" style="padding:12px 24px"><a href="https://example.com/buy" style="color:#ffffff">Buy now</a></td></tr></table>',
      },
    ],
    invalid: [
      {
        title: 'White label on a yellow fill that comes from the <td bgcolor>',
        code:
          '<table bgcolor="#222222"><tr><td style="padding:20px"><table><tr><td bgcolor="#ffd54f" style="padding:12px 24px">' +
          '<a href="https://example.com/start" style="color:#ffffff">Start your trial</a></td></tr></table></td></tr></table>',
        messageId: 'label',
      },
      {
        title: 'A pale fill on a white page',
        code: '<table><tr><td bgcolor="#f5f5f5" style="padding:12px 24px"><a href="https://example.com/more" style="color:#111111">See more</a></td></tr></table>',
        messageId: 'fill',
      },
    ],
  },
  check({ doc, options, report }) {
    const level = options.level as WcagLevel;
    const targets = buttonTargets(doc);
    if (!targets.length) return;
    // The pane in both schemes, then the phone where a media query styles it differently.
    const schemes: Array<[Scheme | 'phone', TextRun[] | null]> = [
      ['light', doc.textRuns],
      ['dark', doc.darkTextRuns],
      ['phone', phoneOnlyRuns(doc)],
    ];
    for (const t of targets) {
      const failedLight = new Set<Element>();
      for (const [scheme, runs] of schemes) {
        if (!runs) continue;
        // One finding per button and scheme: the first label run that fails.
        for (const run of runsInside(runs, t.element)) {
          if (run.inconclusive) continue;
          if (scheme !== 'light' && failedLight.has(run.element)) continue;
          const fail = contrastFailure(run, level);
          if (!fail) continue;
          if (scheme === 'light') failedLight.add(run.element);
          const where = scheme === 'phone' ? PHONE_NOTE : '';
          report({ messageId: scheme === 'dark' ? 'labelDark' : 'label', data: { ...fail, text: truncate(fail.text, 40), label: truncate(t.label, 40), where }, range: run.range, ...(scheme === 'dark' ? { condition: 'dark' as const } : {}) });
          break;
        }
      }
      if (!options.checkFill) continue;
      const own = doc.styles.computed(t.element);
      if (own.backgroundColor.a === 0 || own.backgroundImage) continue;
      const fill = doc.styles.colors(t.element).bg;
      // What surrounds the button: its parent's background (the page itself at the top level).
      const parent = t.element.parent;
      const around = parent?.type === 'tag' ? doc.styles.colors(parent as Element) : doc.styles.colors(t.element, undefined, { withoutSelf: true });
      if (around.inconclusive) continue;
      // An outline button: its border draws it (WCAG 1.4.11: fill, border or label identify a control).
      if (borderDrawsButton(doc, t.element, around.bg.color)) continue;
      const ratio = contrastRatio(fill.color, around.bg.color);
      if (truncateRatio(ratio) >= 3) continue;
      report({
        messageId: 'fill',
        data: { label: truncate(t.label, 40), fill: describeColor(fill), around: describeColor(around.bg), ratio: formatRatio(ratio) },
        range: doc.startTagRange(t.element),
        severity: 'warn',
      });
    }
  },
});
