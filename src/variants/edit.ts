/**
 * Editing one CTA of a template for an A/B variant: its label and its fill colour, as text
 * edits on the source the author keeps (HTML, the MJML source, the HTML part of an .eml).
 *
 * - Label: the CTA model's `labelRange` (one text node, or an image's alt value) and, for a
 *   bulletproof button, `vmlLabelRange` (the Outlook VML twin's label) are replaced.
 * - Colour: the old fill is the one the style service says the button paints
 *   (`distinctFill` of `Cta.element`, else of its `<a>`). Every colour literal equal to it
 *   inside the button — `bgcolor`, VML `fillcolor`/`strokecolor`/`<v:fill color>`, and in
 *   `style` the background, border and outline colours — is rewritten; nothing else is.
 * - MJML: an `mj-button`'s label is its content and its fill the `background-color` attribute
 *   (plus border colours equal to the fill); a CTA in raw HTML (`mj-text`) is edited in the
 *   source at the offsets the MJML source map gives, after checking the source reads the same.
 */
import type { Element, AnyNode } from 'domhandler';
import { escapeAttribute, escapeText } from 'entities';
import type { EmailDocument } from '../model/document.js';
import type { Cta } from '../model/cta/index.js';
import type { TextEdit } from '../engine/edits.js';
import type { AttributeInfo } from '../model/parse-html.js';
import { parseColor, parseLegacyColor, sameColor, toHex, type Rgba } from '../css/color.js';
import { InputError } from '../errors.js';
import { mjmlOf } from '../input/mjml.js';
import { mjAttr, type MjmlElement } from '../input/mjml-source.js';

export interface CtaChange {
  /** The new label. */
  text?: string;
  /** The new fill. */
  color?: Rgba;
}

/** A CTA named the way messages name it: `CTA 2 ("Get my guide")`. */
export function ctaTitle(cta: Cta): string {
  return `CTA ${cta.index + 1} (${JSON.stringify(cta.label)})`;
}

/** The fill the button paints, as `#rrggbb`, or null. */
export function ctaFill(doc: EmailDocument, cta: Cta): Rgba | null {
  return doc.styles.distinctFill(cta.element) ?? (cta.link && cta.link.element !== cta.element ? doc.styles.distinctFill(cta.link.element) : null);
}

/** Properties of a `style` attribute whose colours belong to the button's shape. */
const SHAPE_PROP = /^(?:background(?:-color)?|border(?:-(?:top|right|bottom|left))?(?:-color)?|outline(?:-color)?|mso-border-[a-z-]*|mso-shading)$/;
const COLOR_TOKEN = /#[0-9a-f]{3,8}\b|(?:rgb|hsl)a?\([^)]{0,80}\)|\b[a-z]+\b/gi;

function colorTokenEdits(raw: string, offset: number, old: Rgba, hex: string, out: Map<number, TextEdit>): void {
  for (const m of raw.matchAll(COLOR_TOKEN)) {
    const c = parseColor(m[0]);
    if (c && c !== 'currentcolor' && c.a === 1 && sameColor(c, old)) out.set(offset + m.index!, { range: { start: offset + m.index!, end: offset + m.index! + m[0].length }, text: hex });
  }
}

/** Colour edits in a `style` attribute value: only in shape properties. */
function styleEdits(attr: AttributeInfo, old: Rgba, hex: string, out: Map<number, TextEdit>): void {
  let pos = 0;
  for (const decl of attr.raw.split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0 && SHAPE_PROP.test(decl.slice(0, colon).trim().toLowerCase())) colorTokenEdits(decl.slice(colon + 1), attr.valueRange.start + pos + colon + 1, old, hex, out);
    pos += decl.length + 1;
  }
}

function elementEdits(doc: EmailDocument, el: Element, old: Rgba, hex: string, out: Map<number, TextEdit>): void {
  const vml = el.name.includes(':');
  for (const a of doc.attributes(el)) {
    if (a.name === 'style') styleEdits(a, old, hex, out);
    else if (a.name === 'bgcolor' || a.name === 'fillcolor' || a.name === 'strokecolor' || (vml && a.name === 'color')) {
      const c = a.name === 'bgcolor' ? parseLegacyColor(a.raw) : parseColor(a.raw);
      if (c && c !== 'currentcolor' && sameColor(c, old)) {
        const lead = a.raw.length - a.raw.trimStart().length;
        out.set(a.valueRange.start, { range: { start: a.valueRange.start + lead, end: a.valueRange.start + a.raw.trimEnd().length }, text: hex });
      }
    }
  }
  for (const c of el.children as AnyNode[]) if (c.type === 'tag' || c.type === 'script' || c.type === 'style') elementEdits(doc, c as Element, old, hex, out);
}

/** The edits that change one CTA of an HTML document (or an .eml's decoded HTML part). */
export function ctaEdits(doc: EmailDocument, cta: Cta, change: CtaChange): TextEdit[] {
  const out: TextEdit[] = [];
  if (change.text !== undefined) {
    if (!cta.labelRange) throw new InputError(`${ctaTitle(cta)}: its label is not one piece of text (it spans several elements); give the label one text node or edit it by hand`, { filePath: doc.filePath });
    const escape = cta.kind === 'image' ? escapeAttribute : escapeText;
    out.push({ range: cta.labelRange, text: escape(change.text) });
    if (cta.vmlLabelRange) out.push({ range: cta.vmlLabelRange, text: escapeText(change.text) });
  }
  if (change.color) {
    const old = ctaFill(doc, cta);
    if (!old) throw new InputError(`${ctaTitle(cta)} paints no fill of its own: --color needs a filled button`, { filePath: doc.filePath });
    const hex = toHex(change.color);
    const found = new Map<number, TextEdit>();
    const roots = new Set<Element>([cta.element, ...(cta.link ? [cta.link.element] : []), ...(cta.vml ? [cta.vml.element] : [])]);
    for (const r of roots) elementEdits(doc, r, old, hex, found);
    if (!found.size) throw new InputError(`${ctaTitle(cta)}: its fill ${toHex(old)} is not written on the button itself (a stylesheet class?): change it by hand`, { filePath: doc.filePath });
    out.push(...found.values());
  }
  return out;
}

/** Text segments (between tags) of `s` that hold more than whitespace, with their offsets. */
function textSegments(s: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of s.matchAll(/[^<>]+/g)) {
    if (m.index! > 0 && s[m.index! - 1] === '<') continue; // inside a tag
    const lead = m[0].length - m[0].trimStart().length;
    const t = m[0].trim();
    if (t) out.push({ start: m.index! + lead, end: m.index! + lead + t.length });
  }
  return out;
}

/**
 * The edits that change one CTA of an MJML document, as edits of the MJML SOURCE. `doc` is the
 * compiled document (`loadMjml`), `source` the MJML text.
 */
export function mjmlCtaEdits(doc: EmailDocument, source: string, cta: Cta, change: CtaChange): TextEdit[] {
  const mjml = mjmlOf(doc)!;
  const el: MjmlElement | undefined = cta.link ? mjml.elementAt(cta.link.valueRange.start) : undefined;
  if (el?.tag === 'mj-button') {
    const out: TextEdit[] = [];
    if (change.text !== undefined) {
      const segs = textSegments(source.slice(el.content.start, el.content.end));
      if (segs.length !== 1) throw new InputError(`${ctaTitle(cta)}: the mj-button at line ${el.line} holds its label in ${segs.length ? 'several pieces' : 'no text'}; edit it by hand`, { filePath: doc.filePath });
      out.push({ range: { start: el.content.start + segs[0].start, end: el.content.start + segs[0].end }, text: escapeText(change.text) });
    }
    if (change.color) {
      const hex = toHex(change.color);
      const old = ctaFill(doc, cta);
      const bg = mjAttr(el, 'background-color');
      if (bg) out.push({ range: bg.valueRange, text: hex });
      else {
        const at = el.startTag.start + 1 + el.tag.length;
        out.push({ range: { start: at, end: at }, text: ` background-color="${hex}"` });
      }
      if (old) {
        const found = new Map<number, TextEdit>();
        for (const a of el.attributes) if (/^border(?:-(?:top|right|bottom|left))?$/.test(a.name)) colorTokenEdits(a.raw, a.valueRange.start, old, hex, found);
        out.push(...found.values());
      }
    }
    return out;
  }
  // Raw HTML inside the MJML: the compiled text at a mapped offset must read the same in the source.
  const lines = mjml.source.lines;
  return ctaEdits(doc, cta, change).map((e) => {
    const sp = doc.span(e.range);
    const start = lines.offset(sp.line, sp.column);
    const len = e.range.end - e.range.start;
    if (source.slice(start, start + len) !== doc.text.slice(e.range.start, e.range.end)) {
      throw new InputError(`${ctaTitle(cta)}: cannot find its ${change.text !== undefined ? 'label' : 'colour'} in the MJML source (line ${sp.line}); edit it by hand`, { filePath: doc.filePath, line: sp.line });
    }
    return { range: { start, end: start + len }, text: e.text };
  });
}
