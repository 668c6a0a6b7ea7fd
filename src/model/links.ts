/**
 * Links: every `a[href]`, `area[href]` and VML `href` (inside MSO conditional comments), with
 * the value's exact range, the decoded value, merge tags, scheme and role.
 */
import { decodeHTMLAttribute } from 'entities';
import type { Element, Text } from 'domhandler';
import type { EmailDocument } from './document.js';
import type { Range } from './location.js';
import { espElementRole, findMergeTags, isCutTemplateExpression, isDirectivePlaceholder, isWhollyMergeTag, roleOfTags, type MergeTag } from './merge-tags.js';
import { classifyLink } from './classify.js';
import { roleWordsMatch } from './lexicon/index.js';
import { checkDeadline } from '../deadline.js';
import type { MicroConversion } from './cta/index.js';

export type LinkRole = 'unsubscribe' | 'preferences' | 'view-online' | null;

export interface Link {
  /** 0-based position among the document's links, in source order. */
  index: number;
  element: Element;
  /** `a`, `area`, or the VML tag name (e.g. `v:roundrect`). */
  tag: string;
  isVml: boolean;
  /** The href exactly as written (entities not decoded). */
  raw: string;
  /** The href with HTML entities decoded and surrounding whitespace trimmed. */
  href: string;
  /** The raw value's range in the document text (without quotes). */
  valueRange: Range;
  quote: '"' | "'" | '';
  /** Merge tags in the raw value (ranges relative to `raw`). */
  mergeTags: MergeTag[];
  /** The href is one merge tag and nothing else (`{{action_url}}`). */
  isMergeTagOnly: boolean;
  /** Lower-case scheme (`https`, `mailto`, …), `''` for relative or fragment-only, `null` when unknowable (merge tag at start). */
  scheme: string | null;
  /** In-page anchor (`#…`). */
  isFragment: boolean;
  role: LinkRole;
  /** Micro-conversion type from the destination and text (a CTA's own type also weighs its label). */
  type: MicroConversion;
  /** Visible text of the link (normalized), or alt text of its images. */
  text: string;
  /** True when inside an MSO conditional comment read only by Outlook. */
  inConditional: boolean;
}

const UNSUB_HREF = /unsub|opt[-_]?out|optout|list-manage\.com\/unsubscribe|abmelden|desinscri|d%C3%A9sinscri|desabonn|darse-de-baja|\bbaja\b|afmelden|uitschrijven|annulla-iscrizione|cancelar-suscripcion/i;
const UNSUB_TAG = /unsub|opt_?out|\*\|unsub\|\*|asm_group_unsubscribe|\bunsubscribe\b/i;
// Destinations (URL paths and ESP tags); the link's wording is the lexicon's (./lexicon).
const PREFS = /preferen|manage[-_ ]?(your[-_ ]?)?(email[-_ ]?)?(subscriptions?|settings|notifications)|notification[-_ ]?(settings|preferences)|email[-_ ]?settings|update[-_ ]?(your[-_ ]?)?profile|update_profile|subscription[-_ ]?center|einstellungen/i;
const VIEW_ONLINE = /view[-_ ]?(this[-_ ]?)?(email[-_ ]?)?(in[-_ ]?(your[-_ ]?)?browser|online|as a web ?page)|web[-_ ]?version|webversion|\*\|archive\|\*|view_in_browser|view[-_ ]?online|im browser (ansehen|anzeigen)|voir (la )?version en ligne|ver (en|la versi[oó]n en) (el )?navegador/i;

/**
 * The link's role from its destination and its wording (unsubscribe, preferences and
 * view-online words of every language the lexicon holds, or of `lang` and English when given).
 */
export function classifyRole(href: string, text: string, lang?: string | null): LinkRole {
  const found = findMergeTags(href);
  // An ESP's own unsubscribe, preference or web-version tag (the registry in merge-tags.ts) says what the link is.
  const esp = roleOfTags(found);
  const tags = found.map((t) => t.text).join(' ');
  if (esp === 'unsubscribe' || UNSUB_HREF.test(href) || UNSUB_TAG.test(tags) || roleWordsMatch(text, 'unsubscribe', lang)) return 'unsubscribe';
  if (esp) return esp;
  if (PREFS.test(href) || roleWordsMatch(text, 'preferences', lang)) return 'preferences';
  if (VIEW_ONLINE.test(href) || roleWordsMatch(text, 'viewOnline', lang)) return 'view-online';
  return null;
}

/**
 * Where a link goes, for comparing links: tracking parameters (utm_*, mc_*, …) and the fragment
 * dropped, the rest of the query sorted, case folded: the parameters `track` adds leave it as it was.
 */
export function destinationKey(href: string): string {
  const h = href.trim();
  const [base, query = ''] = h.split('#')[0].split('?');
  const kept = query
    .split('&')
    .filter((p) => p && !/^(utm_[a-z]+|mc_[a-z]+|_hs[a-z]+|gclid|fbclid|ref)=/i.test(p))
    .sort()
    .join('&');
  return (base.replace(/(?<!\/)\/+$/, '') + (kept ? `?${kept}` : '')).toLowerCase();
}

// Share endpoints of social networks, as mj-social-element writes them (mjml-social's
// `share-url`: facebook sharer `u=`, twitter intent `url=`, linkedin shareArticle, pinterest,
// tumblr `canonicalUrl=`, xing), with the parameter that holds the shared address.
const SHARE_LINK = /^https?:\/\/(?:www\.)?(?:facebook\.com\/sharer|twitter\.com\/intent\/tweet|x\.com\/intent\/(?:tweet|post)|plus\.google\.com\/share|pinterest\.com\/pin\/create|linkedin\.com\/shareArticle|tumblr\.com\/widgets\/share|xing\.com\/app\/user)[^?#]*\?([^]*)$/i;

/**
 * The address a social network's share link shares (`https://www.facebook.com/sharer/sharer.php?u=#`
 * shares "#": MJML writes it for `<mj-social-element name="facebook" href="#">`), or null when
 * the href is not a share link.
 */
export function sharedAddressOf(href: string): string | null {
  const m = SHARE_LINK.exec(href.trim());
  if (!m) return null;
  for (const p of m[1].split('&')) {
    const eq = p.indexOf('=');
    if (eq > 0 && /^(?:u|url|canonicalUrl)$/i.test(p.slice(0, eq))) return p.slice(eq + 1).trim();
  }
  return null;
}

/** The scheme of a URL, or '' for relative, or null when a merge tag opens the value. */
export function schemeOf(href: string): string | null {
  const tags = findMergeTags(href);
  if (tags.length && tags[0].range.start === 0) {
    // `mailto:{{email}}` has a scheme; `{{url}}` does not say.
    return null;
  }
  const m = /^([a-zA-Z][a-zA-Z0-9+.\-]*):/.exec(href);
  return m ? m[1].toLowerCase() : '';
}

export function extractLinks(doc: EmailDocument): Link[] {
  const links: Link[] = [];
  for (const el of doc.elements) {
    checkDeadline();
    const name = el.name;
    const isVml = name.startsWith('v:');
    if (name !== 'a' && name !== 'area' && !isVml) continue;
    const attr = doc.attr(el, 'href');
    if (!attr) continue;
    const raw = attr.raw;
    const href = decodeHTMLAttribute(raw).trim();
    const mergeTags = findMergeTags(raw);
    // Magento's `{{trans '… <a href="%reset_url">' reset_url=…}}`: the directive fills the href in.
    // Magento 1's `href="{{store url="…"}}"`, cut at the nested quote: template code all the same.
    const filledIn = !mergeTags.length && (isDirectivePlaceholder(doc.text, attr.valueRange.start, href) || isCutTemplateExpression(href));
    const text = doc.textOf(el);
    const role = classifyRole(href, text);
    let type: MicroConversion | undefined;
    links.push({
      index: links.length,
      element: el,
      tag: name,
      isVml,
      raw,
      href,
      valueRange: attr.valueRange,
      quote: attr.quote,
      mergeTags,
      isMergeTagOnly: filledIn || isWhollyMergeTag(href),
      scheme: filledIn ? null : schemeOf(href),
      isFragment: href.startsWith('#'),
      role,
      // On first read: a rewrite that numbers links reads no type.
      get type() {
        return (type ??= classifyLink(href, text, role));
      },
      text,
      inConditional: doc.conditionalOf(el) !== undefined,
    });
  }
  return links;
}

/** The first absolute `<base href>` of the rendered document, if any. */
export function baseHrefOf(doc: EmailDocument): string | undefined {
  for (const el of doc.renderedElements) {
    if (el.name !== 'base') continue;
    const h = el.attribs.href?.trim();
    if (h && /^https?:\/\/[^/?#]+/i.test(h)) return h;
  }
  return undefined;
}

/**
 * A link the ESP writes when it sends, with no `href` in the template: a Campaign Monitor
 * `<unsubscribe>…</unsubscribe>` element, or an ESP tag in the text that renders a whole link or
 * URL (Klaviyo `{% unsubscribe %}`, Mailchimp `*|UNSUB|*`, `[unsubscribe]`). The registry in
 * merge-tags.ts says which.
 */
export interface EspLink {
  role: Exclude<LinkRole, null>;
  /** The `<unsubscribe>` element, or the element whose text holds the tag. */
  element: Element;
  /** The element's text, or the tag. */
  text: string;
  range: Range;
}

export function extractEspLinks(doc: EmailDocument): EspLink[] {
  const out: EspLink[] = [];
  for (const el of doc.elements) {
    checkDeadline();
    if (doc.conditionalOf(el)) continue;
    const own = espElementRole(el.name);
    if (own) {
      out.push({ role: own.role, element: el, text: doc.textOf(el), range: doc.range(el) });
      continue;
    }
    if (el.name === 'a' || el.name === 'style' || el.name === 'script' || el.name === 'title') continue;
    for (const c of el.children) {
      if (c.type !== 'text') continue;
      const data = (c as Text).data;
      if (!/[{*[%<]/.test(data)) continue;
      for (const t of findMergeTags(data)) {
        if (!t.role || t.kind !== 'output') continue;
        const start = (c.startIndex ?? 0) + t.range.start;
        out.push({ role: t.role, element: el, text: t.text, range: { start, end: start + t.text.length } });
      }
    }
  }
  return out;
}
