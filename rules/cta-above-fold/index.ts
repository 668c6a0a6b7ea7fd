import { defineRule } from '../../src/rule.js';
import { VIEWPORTS } from '../../src/model/geometry.js';
import { DEFAULT_FOLDS, belowFold } from '../../src/model/fold.js';
import { ctaName, ctaReportRange, howKnown } from '../../src/rule-utils.js';

const hero = (h: number) =>
  `<table width="600" style="width:100%;max-width:600px"><tr><td><img src="https://example.com/hero.jpg" width="600" height="${h}" alt="Summer sale" style="display:block;width:100%;height:auto"></td></tr>` +
  `<tr><td style="padding:20px"><h1 style="margin:0;font-size:28px;line-height:34px">Summer sale</h1><p style="margin:10px 0;font-size:16px;line-height:24px">Everything you need for long days outside, at up to 40% off until Sunday.</p></td></tr>` +
  `<tr><td style="padding:0 20px 20px"><table><tr><td bgcolor="#0a7" style="padding:14px 24px"><a href="https://example.com/sale" style="color:#fff;font-size:16px">Shop the sale</a></td></tr></table></td></tr></table>`;

export default defineRule({
  id: 'cta-above-fold',
  description: `The primary call to action should start above the fold: ${DEFAULT_FOLDS.mobile} px down on a ${VIEWPORTS.mobile.width} px-wide phone, ${DEFAULT_FOLDS.desktop} px in a ${VIEWPORTS.desktop.width} px-wide desktop preview pane.`,
  rationale:
    'Readers spend most of their attention on what they see before scrolling (NN/g: 57% of viewing time above the fold), and a preview pane shows only a few hundred pixels of an email. ' +
    'A phone viewport of about 667 px minus the mail app\'s header leaves roughly 450-550 px of email; desktop preview panes show about 300-420 px. The position comes from the static layout estimate unless a render measured it, and the message says which.',
  sources: [
    'Nielsen Norman Group, "Scrolling and Attention" (57% of viewing time above the fold, 74% in the first two screenfuls): https://www.nngroup.com/articles/scrolling-and-attention/',
    'Playwright device descriptors (phone viewports such as 375×667 for the iPhone SE/8): https://github.com/microsoft/playwright/blob/HEAD/packages/playwright-core/src/server/deviceDescriptorsSource.json',
    'Pure360, "The fold: two emails in one" ("the content above the fold should hold at least one call to action"): https://www.pure360.com/blog/fold-two-emails-one/',
  ],
  guidance: 'Move the primary button up: shorten or crop the hero image, cut the text before it, or add the button right under the headline (repeat it lower down if you like).',
  category: 'cta',
  severity: 'warn',
  recommended: true,
  options: {
    mobileFold: { type: 'number', default: DEFAULT_FOLDS.mobile, minimum: 0, description: 'Fold on a 375 px-wide phone, in CSS px from the top of the email.' },
    desktopFold: { type: 'number', default: DEFAULT_FOLDS.desktop, minimum: 0, description: 'Fold in a 600 px-wide desktop preview pane, in CSS px.' },
  },
  messages: {
    belowFold: 'Primary CTA {{label}} starts below the fold: {{where}} ({{how}}). Move it up or add the action near the top.',
  },
  examples: {
    valid: [{ title: 'Short hero, button in view', code: hero(200) }],
    invalid: [{ title: 'A tall hero image pushes the button down', code: hero(700), messageId: 'belowFold' }],
  },
  check({ doc, options, report }) {
    const cta = doc.ctas.find((c) => c.primary);
    if (!cta) return;
    const parts: string[] = [];
    let measured = true;
    const check = (vp: 'mobile' | 'desktop', fold: number, what: string) => {
      const b = cta.boxes[vp];
      if (belowFold(b.top, fold)) {
        parts.push(`top at ${Math.round(b.top)} px ${what} (fold ${fold} px)`);
        measured &&= b.measured;
      }
    };
    check('mobile', options.mobileFold, `on a ${VIEWPORTS.mobile.width} px-wide phone`);
    check('desktop', options.desktopFold, `in a ${VIEWPORTS.desktop.width} px desktop pane`);
    if (!parts.length) return;
    report({ messageId: 'belowFold', data: { label: ctaName(cta), where: parts.join(' and '), how: howKnown(measured) }, range: ctaReportRange(doc, cta) });
  },
});
