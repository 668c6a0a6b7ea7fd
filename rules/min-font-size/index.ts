import type { AnyNode, Element } from 'domhandler';
import { defineRule } from '../../src/rule.js';
import type { EmailDocument } from '../../src/model/document.js';
import type { TextRun } from '../../src/style/service.js';
import { truncate, checkRunsPerView } from '../../src/rule-utils.js';
import { isFooterText } from '../../src/model/footer.js';

const PREHEADER_HINT = /pre-?header|preview-?text/i;

function hintedBy(el: Element, re: RegExp): boolean {
  for (let n: AnyNode | null = el; n && n.type === 'tag'; n = n.parent) {
    const e = n as Element;
    if (re.test(e.attribs.class ?? '') || re.test(e.attribs.id ?? '')) return true;
  }
  return false;
}

/**
 * Legal footer text: in the email's footer (the model's, found by structure: src/model/footer.ts),
 * marked as a footer by class/id, or reading like one (©, unsubscribe, "you received this").
 */
export function isLegalFooter(doc: EmailDocument, run: TextRun): boolean {
  if (isFooterText(doc, run.element, run.text)) return true;
  // A short line in the same block as footer wording ("1 Main St" next to "Unsubscribe").
  const block = run.element.parent;
  if (!block || block.type !== 'tag' || /^(body|html|center)$/.test((block as Element).name)) return false;
  return isFooterText(doc, block as Element, doc.textOf(block), 300);
}

function isPreheader(doc: EmailDocument, run: TextRun): boolean {
  const pre = doc.preheaderElement;
  if (pre) for (let n: AnyNode | null = run.element; n; n = n.parent) if (n === pre) return true;
  return hintedBy(run.element, PREHEADER_HINT);
}

const px = (n: number) => String(Math.round(n * 100) / 100);

export default defineRule({
  id: 'min-font-size',
  description: 'Visible body text should be at least 14px (error below 11px); preheaders and legal footers have their own settings.',
  rationale:
    'Small text is hard to read on phones, where most email is opened, and iOS may enlarge it unpredictably. Apple asks for text of at least 11 points; ' +
    'an audit of 50 emails found 14px the most common body size under 16px and 23% of sizes below 13px. Legal footers and preheaders are often set smaller on purpose, ' +
    'so they are held to their own minimum.',
  sources: [
    'Apple Human Interface Guidelines, Typography (body text sizes; Apple\'s design tips ask for text of at least 11 pt): https://developer.apple.com/design/human-interface-guidelines/typography',
    'Cerberus templates (15px body text): https://github.com/emailmonday/Cerberus',
    'Not used as a threshold: the often-repeated "iOS enforces a 13px minimum", which no Apple documentation states; text inflation is controlled by text-size-adjust: https://developer.mozilla.org/en-US/docs/Web/CSS/text-size-adjust',
  ],
  guidance: 'Set body text to at least 14px (16px is comfortable); keep legal footers at 11px or more; do not shrink text to fit a layout.',
  category: 'accessibility',
  severity: 'error',
  recommended: true,
  options: {
    warnBelow: { type: 'number', default: 14, minimum: 0, description: 'Body text smaller than this (px) is a warning.' },
    errorBelow: { type: 'number', default: 11, minimum: 0, description: 'Body text smaller than this (px) is an error.' },
    legalFooterMinimum: {
      type: 'number',
      default: 11,
      minimum: 0,
      description: 'Legal footer text (©, unsubscribe, address; class/id "footer"/"legal") smaller than this (px) is a warning; 0 skips footers.',
    },
    checkPreheader: { type: 'boolean', default: false, description: 'Hold visible preheader text to the body-text thresholds (hidden preheaders are never checked).' },
  },
  messages: {
    tooSmall: 'Text "{{text}}" is {{size}}px (from {{origin}}), below {{limit}}px: hard to read on phones. Use at least {{limit}}px.{{where}}',
    footerTooSmall: 'Legal footer text "{{text}}" is {{size}}px (from {{origin}}), below {{limit}}px. Use at least {{limit}}px.{{where}}',
  },
  examples: {
    valid: [
      { title: 'Body text at 16px', code: '<p style="font-size:16px">Your order has shipped.</p>' },
      { title: 'Legal footer at 12px', code: '<p style="font-size:12px">© 2026 Example Inc. · Unsubscribe</p>' },
    ],
    invalid: [
      { title: 'Body text at 13px', code: '<p style="font-size:13px">Your order has shipped.</p>', messageId: 'tooSmall' },
      { title: 'Body text at 9px (error)', code: '<td style="font-size:9px">Terms apply to this offer.</td>', messageId: 'tooSmall' },
      { title: 'Legal footer at 9px', code: '<p style="font-size:9px">© 2026 Example Inc. · Unsubscribe</p>', messageId: 'footerTooSmall' },
    ],
  },
  check({ doc, options, report }) {
    checkRunsPerView(doc, doc.textRuns, (run, where) => {
      // Superscripts and subscripts (®, footnote marks) are small by design.
      if (run.element.name === 'sup' || run.element.name === 'sub') return false;
      const computed = run.fontSize;
      const small = computed < options.warnBelow || computed < options.errorBelow || computed < options.legalFooterMinimum;
      if (!small) return false;
      if (!options.checkPreheader && isPreheader(doc, run)) return false;
      const data = (limit: number) => ({ text: truncate(run.text, 40), size: px(computed), origin: describeOrigin(run), where, limit });
      if (isLegalFooter(doc, run)) {
        if (options.legalFooterMinimum > 0 && computed < options.legalFooterMinimum) {
          report({ messageId: 'footerTooSmall', data: data(options.legalFooterMinimum), range: run.range, severity: 'warn' });
          return true;
        }
        return false;
      }
      if (computed < options.errorBelow) report({ messageId: 'tooSmall', data: data(options.warnBelow), range: run.range, severity: 'error' });
      else if (computed < options.warnBelow) report({ messageId: 'tooSmall', data: data(options.warnBelow), range: run.range, severity: 'warn' });
      else return false;
      return true;
    });
  },
});

function describeOrigin(run: TextRun): string {
  return run.fontSizeOrigin?.description.replace(/^from /, '') ?? 'the browser default';
}
