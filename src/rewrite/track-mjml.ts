/**
 * Tracking for .mjml: the hrefs are rewritten in the MJML SOURCE (what the author edits), with
 * the same guarantees as HTML: each change is an edit of one attribute value, every other byte
 * stays as it was, running it twice changes nothing.
 *
 * Rewritten: the `href` of mj-button, mj-image, mj-navbar-link, mj-social-element,
 * mj-carousel-image, and `<a href>`/`<area href>` inside the raw HTML of mj-text, mj-raw,
 * mj-table and the accordion. The decision for each href is the HTML core's (`planHref`); the
 * CTA label and type for utm_content come from the CTA model run on the compiled HTML, joined
 * to the source through the MJML source map.
 *
 * Social share buttons are skipped: for `mj-social-element name="facebook"` (and the other
 * share networks) mjml puts the href UNENCODED into the network's share URL (`sharer.php?u=…`),
 * so parameters added to it would end up on the share URL, not on the shared page.
 */
import { readInputBytes } from '../input/bytes.js';
import type { Link } from '../model/links.js';
import { parseMjmlSource, ENDING_TAGS, mjAttr, type MjmlElement } from '../input/mjml-source.js';
import type { AttributeInfo } from '../model/parse-html.js';
import { loadMjml, mjmlOf } from '../input/mjml.js';
import { applyEdits, type TextEdit } from '../engine/edits.js';
import { InputError } from '../errors.js';
import { decodeHTMLAttribute } from 'entities';
import { resolveTrackOptions, type TrackOptions, type ResolvedTrackOptions } from './options.js';
import { planHref, type HrefPlan } from './plan.js';
import { documentSeparator, openPixelMarkup } from './html.js';
import type { ManifestEntry } from './manifest.js';
import type { TrackResult } from './result.js';

/** Components whose `href` attribute is a link in the compiled email. */
export const MJML_HREF_TAGS: ReadonlySet<string> = new Set(['mj-button', 'mj-image', 'mj-navbar-link', 'mj-social-element', 'mj-carousel-image']);

/** mjml's share networks: without the `-noshare` suffix the href is the page being shared. */
const SHARE_NETWORKS = new Set(['facebook', 'twitter', 'x', 'google', 'pinterest', 'linkedin', 'tumblr', 'xing']);

export interface MjmlSourceLink {
  element: MjmlElement;
  /** `href` attribute of a component, or of an `<a>` inside its raw HTML. */
  attr: AttributeInfo;
  /** `mj-button` …, or `a`/`area` inside raw content. */
  tag: string;
  inContent: boolean;
  /** Social share button (not tracked). */
  share: boolean;
}

/** Every link in an MJML source, in source order. */
export function mjmlSourceLinks(text: string): MjmlSourceLink[] {
  const src = parseMjmlSource(text);
  const out: MjmlSourceLink[] = [];
  for (const el of src.elements) {
    if (MJML_HREF_TAGS.has(el.tag)) {
      const attr = mjAttr(el, 'href');
      if (attr) {
        const name = (mjAttr(el, 'name')?.raw ?? '').trim().toLowerCase();
        out.push({ element: el, attr, tag: el.tag, inContent: false, share: el.tag === 'mj-social-element' && SHARE_NETWORKS.has(name) });
      }
    }
    if (ENDING_TAGS.has(el.tag) && el.htmlLinks?.length && !inHead(el)) {
      for (const l of el.htmlLinks) out.push({ element: el, attr: l.attr, tag: l.tag, inContent: true, share: false });
    }
  }
  out.sort((a, b) => a.attr.valueRange.start - b.attr.valueRange.start);
  return out;
}

function inHead(el: MjmlElement): boolean {
  for (let p: MjmlElement | null = el; p; p = p.parent) if (p.tag === 'mj-head') return true;
  return false;
}

export async function trackMjml(filePath: string, text: string, options: TrackOptions | ResolvedTrackOptions): Promise<TrackResult> {
  const opts = resolveTrackOptions(options);
  const doc = await loadMjml(filePath, text, {});
  const mjml = mjmlOf(doc)!;
  const lines = mjml.source.lines;
  const links = mjmlSourceLinks(text);

  // Join compiled-HTML links to source links: by the source offset the map gives each href.
  const htmlBySource = new Map<number, Link>();
  const htmlByElement = new Map<MjmlElement, Link>();
  for (const l of doc.links) {
    if (l.isVml || l.inConditional) continue;
    const sp = doc.span(l.valueRange);
    const off = lines.offset(sp.line, sp.column);
    if (!htmlBySource.has(off)) htmlBySource.set(off, l);
    const el = mjml.elementAt(l.valueRange.start);
    if (el && !htmlByElement.has(el)) htmlByElement.set(el, l);
  }
  const separator = opts.separator ?? documentSeparator(doc.links);

  const edits: TextEdit[] = [];
  const manifest: ManifestEntry[] = [];
  const warnings: string[] = [];
  links.forEach((sl, index) => {
    const html = htmlBySource.get(sl.attr.valueRange.start) ?? (sl.inContent ? undefined : htmlByElement.get(sl.element));
    const cta = html && opts.content !== 'none' ? doc.ctaVerdict(html).cta : undefined;
    const label = html?.text ?? decodeHTMLAttribute(text.slice(sl.element.content.start, sl.element.content.end).replace(/<[^<>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    let plan: HrefPlan;
    if (sl.share) {
      plan = { kind: 'skipped', reason: 'excluded' };
      const pos = lines.position(sl.attr.valueRange.start);
      warnings.push(`line ${pos.line}: ${sl.tag} name="${mjAttr(sl.element, 'name')?.raw}" is a share button (mjml embeds its href in the network's share URL): not tracked`);
    } else {
      plan = planHref(
        sl.attr.raw,
        {
          index,
          ctaLabel: cta?.label,
          ctaIndex: cta?.index,
          type: cta?.type ?? 'other',
          file: filePath,
          text: label,
          role: html?.role,
          quote: sl.attr.quote,
          separator,
        },
        opts,
      );
    }
    const changed = plan.kind === 'tracked' && plan.value !== sl.attr.raw;
    if (changed && plan.kind === 'tracked') edits.push({ range: sl.attr.valueRange, text: plan.value });
    const pos = lines.position(sl.attr.valueRange.start);
    manifest.push({
      file: filePath,
      index,
      line: pos.line,
      column: pos.column,
      tag: sl.tag,
      vml: false,
      twin: null,
      original: decodeHTMLAttribute(sl.attr.raw).trim(),
      tracked: plan.kind === 'tracked' ? decodeHTMLAttribute(plan.value).trim() : null,
      changed,
      skipReason: plan.kind === 'skipped' ? plan.reason : null,
      ctaLabel: cta ? cta.label : null,
      ctaIndex: cta ? cta.index : null,
      ctaNumber: cta ? cta.index + 1 : null,
      primary: cta ? cta.primary : false,
      type: cta ? cta.type : 'other',
      utmContent: plan.kind === 'tracked' ? plan.utmContent : null,
      added: plan.kind === 'tracked' ? plan.added : [],
      kept: plan.kind === 'tracked' ? plan.kept : [],
      replaced: plan.kind === 'tracked' ? plan.replaced : [],
    });
  });

  if (opts.openPixel) {
    const body = mjml.source.elements.find((e) => e.tag === 'mj-body');
    const markup = openPixelMarkup(opts.openPixel);
    if (!body || !body.closed) warnings.push('no closed <mj-body>: open pixel not added');
    else if (!text.includes(markup)) {
      // Before </mj-body>: on its own line, indented one step more than the closing tag.
      const at = body.content.end;
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      const before = text.slice(lineStart, at);
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      if (/^[ \t]*$/.test(before)) edits.push({ range: { start: lineStart, end: lineStart }, text: `${before}  <mj-raw>${markup}</mj-raw>${eol}` });
      else edits.push({ range: { start: at, end: at }, text: `<mj-raw>${markup}</mj-raw>` });
    }
  }
  const output = applyEdits(text, edits);
  return { filePath, output, manifest, warnings, changed: output !== text, encoding: 'utf8' };
}

/** `track --compile`: tracks the MJML source, then writes the HTML mjml compiles from it. */
export async function trackMjmlCompiled(filePath: string, text: string | undefined, options: TrackOptions | ResolvedTrackOptions, maxFileSize?: number): Promise<TrackResult> {
  const source = text ?? (await readInputBytes(filePath, maxFileSize)).toString('utf8');
  const r = await trackMjml(filePath, source, options);
  const doc = await loadMjml(filePath, r.output, {});
  if (!doc.text.trim()) throw new InputError('mjml produced no HTML', { filePath });
  return { ...r, output: doc.text, changed: true };
}
