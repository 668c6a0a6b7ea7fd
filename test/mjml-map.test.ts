/**
 * MJML: findings on the compiled HTML land on the MJML element (and, inside raw content, the
 * exact line and column) that produced them — tested on every component that carries text or
 * a link.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadFile, documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import type { EmailDocument } from '../src/model/document.js';
import { mjmlOf } from '../src/input/mjml.js';
import { InputError } from '../src/errors.js';

const FIXTURE = new URL('../fixtures/mjml/components.mjml', import.meta.url).pathname;
const SOURCE = readFileSync(FIXTURE, 'utf8');
const LINES = SOURCE.split('\n');

/** 1-based line/column of the n-th occurrence of `needle` in the MJML source. */
function sourcePos(needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = SOURCE.indexOf(needle, at + 1);
  if (at < 0) throw new Error(`not in source: ${needle}`);
  const before = SOURCE.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function spanOfHtml(doc: EmailDocument, needle: string, from = 0) {
  const at = doc.text.indexOf(needle, from);
  expect(at, `"${needle}" in the compiled HTML`).toBeGreaterThanOrEqual(0);
  return doc.span({ start: at, end: at + needle.length });
}

describe('MJML source map', async () => {
  const doc = await loadFile(FIXTURE);
  const mjml = mjmlOf(doc)!;

  it('compiles to HTML and aligns the marker compile exactly', () => {
    expect(doc.kind).toBe('mjml');
    expect(doc.text).toMatch(/^<!doctype html>/i);
    expect(doc.text).not.toMatch(/ilq\d+q/);
    expect(mjml.mapping).toBe('aligned');
    expect(mjml.issues).toEqual([]);
  });

  // Text copied verbatim from raw content maps to its exact MJML line and column.
  it.each([
    ['mj-text', 'Hero headline text'],
    ['mj-text in a column', 'Left column'],
    ['mj-button label', 'Shop the sale'],
    ['mj-navbar-link label', 'Shop</mj-navbar-link>'.replace('</mj-navbar-link>', '')],
    ['mj-social-element label', 'Facebook'],
    ['mj-accordion-title', 'Accordion question'],
    ['mj-accordion-text', 'Accordion answer with'],
    ['mj-table', 'Table cell'],
    ['mj-raw', 'Raw paragraph'],
  ])('%s text → exact MJML position', (_c, text) => {
    const el = mjml.source.elements.findLast((e) => SOURCE.slice(e.content.start, e.content.end).includes(text));
    expect(el).toBeDefined();
    // The first occurrence in the compiled body that lies in that element's region.
    const bodyAt = doc.text.search(/<body/);
    let at = doc.text.indexOf(text, bodyAt);
    while (at >= 0 && mjml.elementAt(at) !== el) at = doc.text.indexOf(text, at + 1);
    expect(at).toBeGreaterThan(0);
    const span = doc.span({ start: at, end: at + text.length });
    const want = sourcePos(text, 0);
    const inEl = SOURCE.indexOf(text, el!.content.start);
    const before = SOURCE.slice(0, inEl).split('\n');
    expect({ line: span.line, column: span.column }).toEqual({ line: before.length, column: before[before.length - 1].length + 1 });
    expect(want.line).toBeGreaterThan(0);
  });

  // Every link of the compiled HTML lands on its MJML line: attribute hrefs on the attribute value,
  // <a> inside raw content on its exact href, share buttons on the mj-social-element tag.
  it.each([
    ['mj-navbar-link', 'https://example.com/shop'],
    ['mj-navbar-link', 'https://example.com/blog'],
    ['mj-button in mj-hero', 'https://example.com/hero-cta'],
    ['<a> in mj-text', 'https://example.com/story'],
    ['mj-button', 'https://example.com/sale'],
    ['mj-image', 'https://example.com/product'],
    ['<a> in mj-accordion-text', 'https://example.com/faq'],
    ['mj-carousel-image', 'https://example.com/slide1'],
    ['<a> in mj-table', 'https://example.com/table'],
    ['<a> in mj-raw', 'https://example.com/raw'],
  ])('%s href %s → its MJML href value', (_c, href) => {
    const links = doc.links.filter((l) => l.href === href && !l.inConditional);
    expect(links.length).toBeGreaterThan(0);
    const want = sourcePos(`"${href}"`);
    for (const l of links) {
      const span = doc.span(l.valueRange);
      expect({ line: span.line, column: span.column }).toEqual({ line: want.line, column: want.column + 1 });
    }
  });

  it('social share links (href embedded in the share URL) land on the mj-social-element line', () => {
    const fb = doc.links.find((l) => l.href.includes('facebook.com/sharer'))!;
    expect(doc.span(fb.valueRange).line).toBe(sourcePos('name="facebook"').line);
  });

  it('elements without raw content map to their start tag (mj-image alt, mj-divider, columns)', () => {
    const img = doc.elements.find((e) => e.name === 'img' && e.attribs.alt === 'Product photo')!;
    expect(doc.span(doc.range(img)).line).toBe(sourcePos('<mj-image src="https://example.com/product.png"').line);
    const alt = doc.attr(img, 'alt')!;
    const sp = doc.span(alt.valueRange);
    expect(LINES[sp.line - 1].slice(sp.column - 1, sp.column - 1 + 'Product photo'.length)).toBe('Product photo');
    const divider = doc.elements.find((e) => /border-top:/.test(e.attribs.style ?? '') && e.name === 'p')!;
    expect(mjml.elementAt(divider.startIndex!)?.tag).toBe('mj-divider');
  });

  it('a CTA on the compiled HTML (the <a> of an mj-button) lands on the mj-button line', () => {
    const a = doc.links.find((l) => l.href === 'https://example.com/sale')!;
    const td = a.element.parent as never as { startIndex: number };
    expect(mjml.elementAt(td.startIndex)?.tag).toBe('mj-button');
    expect(doc.span(doc.range(a.element)).line).toBe(sourcePos('href="https://example.com/sale"').line);
  });

  it('subject from mj-title (inferred), preheader from mj-preview', () => {
    expect(doc.subject).toMatchObject({ text: 'Spring sale: 20% off everything', source: 'mj-title', inferred: true });
    expect(doc.preheader).toMatchObject({ text: 'Our biggest sale of the year starts today, ends Sunday', source: 'mj-preview' });
    expect(doc.span(doc.preheader!.range!).line).toBe(sourcePos('Our biggest sale').line);
    expect(doc.span(doc.subject!.range!).line).toBe(sourcePos('<mj-title>').line);
  });

  it('exposes the MJML tree and the mj-group column containers for layout rules', () => {
    const group = mjml.source.elements.find((e) => e.tag === 'mj-group')!;
    expect(group.children.map((c) => c.tag)).toEqual(['mj-column', 'mj-column']);
    const offsets = doc.facts.mjmlGroupOffsets!;
    expect(offsets).toHaveLength(1);
    expect(mjml.elementAt(offsets[0])).toBe(group);
    expect(doc.text.startsWith('<div', offsets[0])).toBe(true);
  });

  it('skeleton HTML mjml adds maps to <mjml>/<mj-head>/<mj-body>', () => {
    expect(doc.span(doc.range(doc.htmlElement!)).line).toBeLessThanOrEqual(2);
  });

  it('the compiled <html> (and html-lang on it) maps to the <mjml> line even with an <mj-head>', async () => {
    const src = '<mjml>\n  <mj-head>\n    <mj-title>Hi</mj-title>\n  </mj-head>\n  <mj-body>\n    <mj-section><mj-column><mj-text>Hello there, this is the copy of the mail.</mj-text></mj-column></mj-section>\n  </mj-body>\n</mjml>\n';
    const d = await documentFromText('a.mjml', src);
    expect(d.span(d.startTagRange(d.htmlElement!)).line).toBe(1);
    const { messages } = lintDocument(d, { rules: { 'html-lang': { severity: 'error' } } });
    expect(messages.filter((m) => m.ruleId === 'html-lang').map((m) => m.line)).toEqual([1]);
  });
});

describe('MJML includes, malformed and broken files', () => {
  it('an include chain with an error in the included file reports it on the <mj-include> line', async () => {
    const doc = await loadFile('fixtures/mjml/include-chain/main.mjml');
    const r = lintDocument(doc, { rules: { 'mjml-valid': { severity: 'error' } } });
    expect(r.messages.map((m) => [m.line, m.column, m.message])).toEqual([
      [7, 5, 'MJML validation: Attribute colour is illegal (in partials/nav.mjml line 4, included here)'],
    ]);
    // Components that come from an include map to the include line.
    const news = doc.links.find((l) => l.href === 'https://example.com/news')!;
    expect(doc.span(news.valueRange).line).toBe(7);
    const unsub = doc.links.find((l) => l.href === 'https://example.com/unsubscribe')!;
    expect(doc.span(unsub.valueRange).line).toBe(14);
    expect(doc.span(doc.links.find((l) => l.href === 'https://example.com/digest')!.valueRange)).toMatchObject({ line: 11, column: 26 });
  });

  it('malformed XML that mjml accepts silently is reported with its line', async () => {
    const doc = await loadFile('fixtures/mjml/malformed.mjml');
    const r = lintDocument(doc, { rules: { 'mjml-valid': { severity: 'error' } } });
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0]).toMatchObject({ line: 4, column: 7, messageId: 'malformed' });
    expect(r.messages[0].message).toContain('<mj-column> opened at line 4 is not closed before </mj-section>');
    // A finding only the MJML has: its place is a range of the MJML source (whole document in the HTML), never an offset past the HTML.
    const m = r.messages[0];
    const source = mjmlOf(doc)!.source.text;
    expect(m.range).toEqual({ start: 0, end: 0 });
    expect(m.sourceRange!.end).toBeLessThanOrEqual(source.length);
    expect(source.slice(m.sourceRange!.start, m.sourceRange!.end)).toMatch(/^<mj-column/);
    expect(doc.sourceSpan(m.sourceRange!)).toMatchObject({ line: 4, column: 7 });
  });

  it('a missing include is reported on its line', async () => {
    const doc = await loadFile('fixtures/mjml/missing-include.mjml');
    const r = lintDocument(doc, { rules: { 'mjml-valid': { severity: 'error' } } });
    expect(r.messages.map((m) => [m.line, m.messageId])).toEqual([[3, 'include']]);
  });

  it('a file that is not a template → InputError naming the file and line', async () => {
    const err = await loadFile('fixtures/mjml/broken.mjml').catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.describe()).toMatch(/broken\.mjml:1:1: no <mjml> root element \(found <mj-section>\)/);
    const noBody = await documentFromText('x.mjml', '<mjml lang="fr">\n</mjml>').catch((e) => e);
    expect(noBody).toBeInstanceOf(InputError);
    expect(noBody.describe()).toMatch(/x\.mjml:1:1: no <mj-body>/);
    const empty = await documentFromText('e.mjml', '  \n').catch((e) => e);
    expect(empty).toBeInstanceOf(InputError);
  });

  it('mjml compile failures become InputErrors, not crashes', async () => {
    // An mj-include that includes itself: mjml throws "Circular inclusion".
    const err = await documentFromText('fixtures/mjml/include-chain/self.mjml', '<mjml><mj-body><mj-include path="./self.mjml" /></mj-body></mjml>').catch((e) => e);
    // Either compiled (the file does not exist on disk → missing include) or a clear InputError.
    if (err instanceof Error) expect(err).toBeInstanceOf(InputError);
    else expect((err as EmailDocument).facts.mjml!.issues.map((i) => i.kind)).toContain('include');
  });
});
