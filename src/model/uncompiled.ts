/**
 * Uncompiled template sources: files that are the INPUT of an email framework's build, not the
 * email it produces. Email clients never see these tags; linting them as email gives a page of
 * wrong findings, so the `uncompiled-source` rule says "compile first" once instead.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';

export interface UncompiledSource {
  framework: string;
  /** The first tag that gives it away, and every distinct framework tag found (`<container>`, …). */
  first: Element;
  tags: string[];
  /** How to compile it. */
  how: string;
}

interface Framework {
  name: string;
  how: string;
  docs: string;
  /** Tags that are this framework's and no HTML element's; `button[href]` is Inky's button. */
  is(el: Element): boolean;
}

// Inky: https://get.foundation/emails/docs/inky.html ; Maizzle: https://maizzle.com/docs/templates,
// https://maizzle.com/docs/components ; MJML: https://documentation.mjml.io/
const INKY_TAGS = new Set(['container', 'row', 'columns', 'callout', 'spacer', 'wrapper', 'block-grid', 'h-line']);
const MAIZZLE_TAGS = new Set(['extends', 'block', 'component', 'yield', 'fill', 'fetch', 'outlook', 'not-outlook', 'raw', 'markdown']);

const FRAMEWORKS: readonly Framework[] = [
  {
    name: 'MJML',
    how: 'save it as .mjml, or compile it with `mjml`',
    docs: 'https://documentation.mjml.io/',
    is: (el) => el.name === 'mjml' || el.name.startsWith('mj-'),
  },
  {
    name: 'Inky (Foundation for Emails)',
    how: 'build it with Foundation for Emails (`foundation build`) or the `inky` package',
    docs: 'https://get.foundation/emails/docs/inky.html',
    is: (el) => INKY_TAGS.has(el.name) || (el.name === 'button' && el.attribs.href !== undefined),
  },
  {
    name: 'Maizzle',
    how: 'build it with Maizzle (`maizzle build`)',
    docs: 'https://maizzle.com/docs/templates',
    is: (el) => MAIZZLE_TAGS.has(el.name) || /^x-[a-z]/.test(el.name),
  },
];

/** The framework whose uncompiled source `doc` is, or undefined for email HTML. Needs two of its tags (`<mjml>` or `<mj-body>` for MJML), so one stray custom tag is not a source. */
export function uncompiledSource(doc: EmailDocument): UncompiledSource | undefined {
  if (doc.kind !== 'html') return undefined;
  for (const f of FRAMEWORKS) {
    const found = doc.renderedElements.filter((e) => f.is(e));
    if (!found.length) continue;
    const tags = [...new Set(found.map((e) => `<${e.name}>`))];
    const enough = f.name === 'MJML' ? found.some((e) => e.name === 'mjml' || e.name === 'mj-body') : found.length >= 2 && (tags.length >= 2 || found.length >= 3);
    if (enough) return { framework: f.name, first: found[0], tags, how: f.how };
  }
  return undefined;
}
