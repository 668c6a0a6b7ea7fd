/**
 * Which caniemail features a template uses, and where: every HTML element and attribute, CSS
 * property, value, function, unit, selector kind and at-rule that data/caniemail.json knows,
 * found in the model's own tree and stylesheets (the style service's parse; the `<style>` blocks
 * inside `<!--[if mso]>` are parsed by the same src/css code), each with its range in the
 * document text and who reads it:
 *
 * - markup inside `<!--[if mso]>` is read by Outlook for Windows only; inside
 *   `<!--[if !mso]><!-->` and under `mso-hide: all`, by every client but Outlook for Windows;
 * - a CSS rule inside `@media` is read only by clients that support media queries (and the
 *   media feature it asks: `prefers-color-scheme`, `hover`…);
 * - a rule whose selector targets one client (`[data-ogsc]`, `u + .body`, `.ExternalClass`) is
 *   read by that client only;
 * - a fallback the data names travels with the use: a `bgcolor` / background colour beside a
 *   background image, the VML twin of a button or background.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import type { Range } from './location.js';
import { parseDeclarations, type Declaration } from '../css/declarations.js';
import { parseStylesheet, type AtRule, type CssRule } from '../css/stylesheet.js';
import { bucketKey, splitSelectors } from '../css/selectors.js';
import { caniemailData } from './clients.js';

/** Who reads a piece of code. */
export interface Reach {
  /** `only`: Outlook for Windows alone (`<!--[if mso]>`); `not`: everyone but it (`<!--[if !mso]>`, `mso-hide: all`). */
  mso?: 'only' | 'not';
  /** Enclosing @media conditions. */
  media?: readonly string[];
  /** Client id prefixes a client-targeting selector limits it to (`outlook.outlook-com`, `gmail.`). */
  only?: readonly string[];
  /** In a `<style>` sheet: read only by clients that keep `<style>`. */
  sheet?: boolean;
}

export interface FeatureUse {
  slug: string;
  range: Range;
  reach: Reach;
  /** What a client without the feature gets instead, and for which clients (`outlook.windows`; absent: all). */
  fallback?: { text: string; clients?: readonly string[] };
  /** The element the use sits on (for inline styles, attributes and elements). */
  element?: Element;
  /** A function or unit: the features of the property it is written in (moot in a client without them). */
  within?: readonly string[];
}

// — What each feature looks like

const TITLE_PROP = /^[a-z][a-z-]*$/;
/** Properties whose reset values cannot break a client without them, and those values. */
const COSMETIC = /^(table-layout|outline|box-shadow|text-shadow|float|clear|word-spacing|letter-spacing|word-break|word-wrap|overflow-wrap|cursor|user-select|resize|transition|animation|filter|transform|text-decoration(-\w+)?|border(-[\w-]+)?|background-image|list-style(-\w+)?)$/;
const RESET = /^(none|normal|auto|initial|inherit|unset|0(px)?)$/i;
/** Hiding declarations that `display: none` beside them makes moot. */
const HIDING = /^(visibility|opacity|max-height|max-width|height|width|overflow|font-size|line-height|mso-hide)$/;
/** Features whose properties are listed in their keywords. */
const KEYWORD_PROPS = new Set([
  'css-border', 'css-margin', 'css-inset', 'css-grid-template', 'css-column-layout-properties', 'css-border-inline-block-individual',
  'css-border-inline-block-longhand', 'css-border-inline-block', 'css-border-radius-logical', 'css-margin-block-start-end',
  'css-margin-inline-block', 'css-margin-inline-start-end', 'css-padding-block-start-end', 'css-padding-inline-block',
  'css-padding-inline-start-end', 'css-overflow', 'css-block-inline-size',
]);
const EXTRA_PROPS: Record<string, string[]> = {
  'css-font': ['font'],
  'css-color-scheme': ['color-scheme'],
  'css-animation': ['animation', 'animation-name', 'animation-duration', 'animation-delay', 'animation-iteration-count', 'animation-timing-function', 'animation-fill-mode', 'animation-direction'],
  'css-transition': ['transition', 'transition-property', 'transition-duration', 'transition-delay', 'transition-timing-function'],
  'css-scroll-snap': ['scroll-snap-type', 'scroll-snap-align', 'scroll-snap-stop'],
  'css-inert-attribute': [],
};
/** Property → value pattern → feature. */
const VALUE_FEATURES: Array<[string, RegExp, string]> = [
  ['display', /^(inline-)?flex$/i, 'css-display-flex'],
  ['display', /^(inline-)?grid$/i, 'css-display-grid'],
  ['display', /^none$/i, 'css-display-none'],
  ['flex-direction', /^column/i, 'css-flex-direction'],
  ['flex-wrap', /^wrap/i, 'css-flex-wrap'],
];
const FUNCTIONS: Record<string, string> = {
  calc: 'css-unit-calc', clamp: 'css-function-clamp', min: 'css-function-min', max: 'css-function-max', 'light-dark': 'css-function-light-dark',
  'linear-gradient': 'css-linear-gradient', 'repeating-linear-gradient': 'css-linear-gradient', 'radial-gradient': 'css-radial-gradient',
  'repeating-radial-gradient': 'css-radial-gradient', 'conic-gradient': 'css-conic-gradient', rgb: 'css-rgb', rgba: 'css-rgba',
  lch: 'css-modern-color', oklch: 'css-modern-color', lab: 'css-modern-color', oklab: 'css-modern-color', var: 'css-variables',
};
const FUNCTION_RE = /(?<![\w-])([a-z][a-z-]*)\(/gi;
const INTRINSIC = /(?<![\w-])(fit-content|min-content|max-content)(?![\w-])/i;
const SYSTEM_FONT = /(?<![\w-])(system-ui|ui-serif|ui-sans-serif|ui-rounded|ui-monospace)(?![\w-])/i;

const ELEMENTS: Record<string, string> = {
  abbr: 'html-abbr', acronym: 'html-acronym', address: 'html-address', audio: 'html-audio', base: 'html-base', bdi: 'html-bdi',
  blockquote: 'html-blockquote', body: 'html-body', code: 'html-code', del: 'html-del', dfn: 'html-dfn', dialog: 'html-dialog',
  div: 'html-div', form: 'html-form', hr: 'html-hr', img: 'html-img', link: 'html-link', marquee: 'html-marquee', meter: 'html-meter',
  object: 'html-object', p: 'html-p', picture: 'html-picture', pre: 'html-pre', progress: 'html-progress', rp: 'html-rp', rt: 'html-rt',
  ruby: 'html-ruby', select: 'html-select', small: 'html-small', span: 'html-span', strike: 'html-strike', strong: 'html-strong',
  style: 'html-style', svg: 'html-svg', table: 'html-table', textarea: 'html-textarea', video: 'html-video', wbr: 'html-wbr',
  h1: 'html-h1-h6', h2: 'html-h1-h6', h3: 'html-h1-h6', h4: 'html-h1-h6', h5: 'html-h1-h6', h6: 'html-h1-h6',
  ul: 'html-lists', ol: 'html-lists', dl: 'html-lists', map: 'html-image-maps',
  article: 'html-semantics', aside: 'html-semantics', details: 'html-semantics', figcaption: 'html-semantics', figure: 'html-semantics',
  footer: 'html-semantics', header: 'html-semantics', main: 'html-semantics', mark: 'html-semantics', nav: 'html-semantics',
  section: 'html-semantics', summary: 'html-semantics', time: 'html-semantics',
};
const INPUTS: Record<string, string> = { checkbox: 'html-input-checkbox', hidden: 'html-input-hidden', radio: 'html-input-radio', reset: 'html-input-reset', submit: 'html-input-submit', text: 'html-input-text' };
const ATTRIBUTES: Record<string, string> = {
  align: 'html-align', 'aria-describedby': 'html-aria-describedby', 'aria-hidden': 'html-aria-hidden', 'aria-label': 'html-aria-label',
  'aria-labelledby': 'html-aria-labelledby', 'aria-live': 'html-aria-live', background: 'html-background', cellpadding: 'html-cellpadding',
  cellspacing: 'html-cellspacing', dir: 'html-dir', height: 'html-height', hidden: 'html-hidden', lang: 'html-lang', loading: 'html-loading-attribute',
  popover: 'html-popover', required: 'html-required', role: 'html-role', srcset: 'html-srcset', sizes: 'html-srcset', target: 'html-target',
  valign: 'html-valign', width: 'html-width', usemap: 'html-image-maps', inert: 'css-inert-attribute',
};
const IMAGE_EXT: Record<string, string> = {
  apng: 'image-apng', avif: 'image-avif', bmp: 'image-bmp', gif: 'image-gif', hdr: 'image-hdr', heif: 'image-heif', heic: 'image-heif',
  ico: 'image-ico', jpg: 'image-jpg', jpeg: 'image-jpg', mp4: 'image-mp4', png: 'image-png', svg: 'image-svg', tif: 'image-tiff', tiff: 'image-tiff', webp: 'image-webp',
};
const PSEUDO_CLASSES = [
  'active', 'checked', 'default', 'first-child', 'first-of-type', 'focus-visible', 'focus-within', 'focus', 'has', 'hover', 'lang', 'last-child',
  'last-of-type', 'link', 'not', 'nth-child', 'nth-last-child', 'nth-last-of-type', 'nth-of-type', 'only-child', 'only-of-type', 'target', 'visited',
];
const PSEUDO_ELEMENTS = ['after', 'before', 'first-letter', 'first-line', 'marker', 'placeholder'];
const PSEUDO_RE = /(::?)([a-z][a-z-]*)/gi;
/** Selectors that target one client: the clients that read them. */
const CLIENT_SELECTORS: Array<[RegExp, string[]]> = [
  [/\[\s*data-og[sa][cb]\s*\]/i, ['outlook.outlook-com', 'outlook.ios', 'outlook.android']],
  [/\[\s*owa\s*\]|\.ExternalClass\b|#outlook\b/i, ['outlook.outlook-com']],
  [/\bbody\[\s*data-outlook-cycle\s*\]/i, ['outlook.ios', 'outlook.android']],
  [/(^|[\s>])u\s*[+~]/i, ['gmail.']],
  [/#MessageViewBody\b|#MessageWebViewDiv\b/i, ['samsung-email.']],
  [/\[x-apple-data-detectors\]|x-apple-data-detectors/i, ['apple-mail.']],
  [/\.yshortcuts\b|#yiv/i, ['yahoo.', 'aol.']],
  // The Android 4.4 mail centring fix: it undoes a margin only that client adds.
  [/^\s*div\[\s*style\s*\*=\s*["']margin:\s*16px/i, ['samsung-email.']],
];

let propIndex: Map<string, string[]> | undefined;
/** CSS property → the features that name it. */
function propertyFeatures(): Map<string, string[]> {
  if (propIndex) return propIndex;
  const out = new Map<string, string[]>();
  const add = (prop: string, slug: string) => {
    const list = out.get(prop) ?? [];
    if (!list.includes(slug)) list.push(slug);
    out.set(prop, list);
  };
  for (const f of caniemailData().features) {
    if (f.category !== 'css') continue;
    if (f.slug in EXTRA_PROPS) {
      for (const p of EXTRA_PROPS[f.slug]) add(p, f.slug);
      continue;
    }
    const title = f.title.trim().replace(/ (CSS )?propert(y|ies)$/i, '');
    for (const t of title.split(/[,&]/).map((x) => x.trim())) if (TITLE_PROP.test(t) && !t.startsWith('css')) add(t, f.slug);
    if (KEYWORD_PROPS.has(f.slug)) for (const k of (f.keywords ?? '').split(',').map((x) => x.trim())) if (/^[a-z]+(-[a-z]+)*$/.test(k) && k !== 'column-count') add(k, f.slug);
  }
  return (propIndex = out);
}

// — Finding the uses

const uses = new WeakMap<EmailDocument, Map<string, FeatureUse[]>>();

/**
 * The feature uses of a document, in source order: every feature, or only those in `relevant`
 * (the ones some chosen client lacks; `key` names that set for the per-document cache).
 */
export function featureUses(doc: EmailDocument, relevant?: ReadonlySet<string>, key = ''): FeatureUse[] {
  let byKey = uses.get(doc);
  if (!byKey) uses.set(doc, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) byKey.set(key, (out = findUses(doc, relevant ? (s) => relevant.has(s) : () => true)));
  return out;
}

const UNITS = ['px', 'em', 'rem', '%', 'pt', 'vh', 'vw', 'vmin', 'vmax', 'ch', 'ex', 'cm', 'mm', 'in', 'pc'];
const VALUE_PROPS = new Set(VALUE_FEATURES.map(([p]) => p));
const FONT_PROPS = new Set(['font', 'font-family']);

function findUses(doc: EmailDocument, want: (slug: string) => boolean): FeatureUse[] {
  const out: FeatureUse[] = [];
  // Only the units some chosen client lacks are looked for (px and % rarely are).
  const units = UNITS.filter((u) => want(`css-unit-${u === '%' ? 'percent' : u}`));
  const unitRe = units.length ? new RegExp(`(?<![\\w#.-])(?:\\d+(?:\\.\\d+)?|\\.\\d+)(${units.join('|')})(?![\\w-])`, 'gi') : undefined;
  const wantImportant = want('css-important');
  const wantIntrinsic = want('css-intrinsic-size');
  const wantInitial = want('css-unit-initial');
  const props = propertyFeatures();
  const text = doc.text;

  const reachOf = (el: Element): Reach => {
    const c = doc.conditionalOf(el);
    if (c) return c.forOutlook ? { mso: 'only' } : {};
    const rc = doc.conditionalAt(el.startIndex ?? 0);
    if (rc && rc.kind === 'revealed' && !rc.forOutlook) return { mso: 'not' };
    if (doc.styles.computed(el).msoHidden) return { mso: 'not' };
    return {};
  };

  const declarationUses = (decls: readonly Declaration[], bodyStart: number, body: string, reach: Reach, element?: Element, fallbackOf?: (d: Declaration) => FeatureUse['fallback']) => {
    let lower: string | undefined;
    let cursor = 0;
    const hiddenByDisplay = decls.some((d) => d.property === 'display' && /^none$/i.test(d.value));
    for (const d of decls) {
      const v = d.value;
      const owned = props.get(d.property);
      // Nothing here a chosen client lacks: skip the work.
      const hasUnits = !!unitRe && /\d/.test(v);
      if (
        !(owned && owned.some(want)) && !VALUE_PROPS.has(d.property) && !d.property.startsWith('--') && !(wantImportant && d.important) &&
        !v.includes('(') && !hasUnits && !FONT_PROPS.has(d.property) && !(wantIntrinsic && v.includes('content')) && !(wantInitial && v.includes('initial'))
      ) continue;
      lower ??= body.toLowerCase();
      const at = lower.indexOf(d.property, cursor);
      const start = bodyStart + (at < 0 ? 0 : at);
      if (at >= 0) cursor = at + d.property.length;
      const range = { start, end: start + d.property.length };
      // A reset (`outline: none`) asks a client that lacks the property for nothing it would draw.
      if (COSMETIC.test(d.property) && RESET.test(d.value)) continue;
      const fallback = fallbackOf?.(d) ?? (hiddenByDisplay && HIDING.test(d.property) ? { text: 'display:none, which hides the element anyway' } : undefined);
      // min-width/max-width equal to the width beside it ask nothing more of a client without them.
      if (/^(min|max)-width$/.test(d.property) && decls.some((w) => w.property === 'width' && w.value.trim() === d.value.trim())) continue;
      // clear without floats, overflow:hidden that only clips rounded corners: moot without them.
      const clipsCorners = d.property === 'overflow' && decls.some((x) => x.property.startsWith('border-') && x.property.endsWith('radius'));
      const owners = d.property === 'clear' ? ['css-float'] : clipsCorners ? ['css-border-radius'] : props.get(d.property);
      const push = (slug: string, inValue = false) => {
        if (!want(slug)) return;
        const use: FeatureUse = { slug, range, reach };
        if (element) use.element = element;
        if (fallback) use.fallback = fallback;
        if (inValue && owners?.length) use.within = owners;
        out.push(use);
      };
      if (d.property.startsWith('--')) push('css-variables');
      for (const slug of props.get(d.property) ?? []) push(slug, d.property === 'clear' || clipsCorners);
      for (const [p, re, slug] of VALUE_FEATURES) if (p === d.property && re.test(d.value)) push(slug);
      if (d.important) push('css-important');
      const value = v.includes('url(') ? v.replace(/url\([^()]*\)/gi, 'url()') : v;
      const seen = new Set<string>();
      if (value.includes('(')) {
        for (const m of value.matchAll(FUNCTION_RE)) {
          const slug = FUNCTIONS[m[1].toLowerCase()];
          if (slug && !seen.has(slug)) seen.add(slug), push(slug, true);
        }
      }
      if (hasUnits && unitRe) {
        unitRe.lastIndex = 0;
        for (const m of value.matchAll(unitRe)) {
          const slug = `css-unit-${m[1].toLowerCase() === '%' ? 'percent' : m[1].toLowerCase()}`;
          if (!seen.has(slug)) seen.add(slug), push(slug, true);
        }
      }
      if (/^initial$/i.test(value.trim())) push('css-unit-initial');
      if (INTRINSIC.test(value)) push('css-intrinsic-size');
      if ((d.property === 'font-family' || d.property === 'font') && SYSTEM_FONT.test(value)) push('css-sytem-ui');
    }
  };

  // Elements and attributes (the main tree and Outlook-only markup).
  for (const el of doc.elements) {
    const name = el.name;
    if (name.includes(':')) continue; // VML, o:…
    let reach: Reach | undefined;
    const r = () => (reach ??= reachOf(el));
    let slug: string | undefined = ELEMENTS[name];
    if (name === 'input') slug = INPUTS[(el.attribs.type ?? 'text').toLowerCase()];
    // A <button href> is a template language's link button (Inky), not a form control.
    if (name === 'button') slug = el.attribs.href !== undefined ? undefined : (el.attribs.type ?? 'submit').toLowerCase() === 'reset' ? 'html-button-reset' : 'html-button-submit';
    if (name === 'meta' && /color-scheme/i.test(el.attribs.name ?? '')) slug = 'html-meta-color-scheme';
    // <body>: what a client that drops it loses is its background (margins and fonts are set again inside).
    if (name === 'body' && !(el.attribs.bgcolor || el.attribs.background || /background/i.test(el.attribs.style ?? ''))) slug = undefined;
    if (name === 'link' && !/stylesheet/i.test(el.attribs.rel ?? '')) slug = undefined;
    const fallback = !slug ? undefined
      : name === 'link' ? { text: 'the inline styles and the next fonts of the font stack' }
      : name === 'body' ? wrapperFill(doc, el)
      : name === 'picture' && el.children.some((c) => c.type === 'tag' && (c as Element).name === 'img') ? { text: 'its <img>' }
      : undefined;
    if (slug && want(slug)) {
      const tag = doc.range(el);
      const startTag = { start: tag.start, end: Math.min(tag.end, tag.start + name.length + 1) };
      out.push({ slug, range: startTag, reach: r(), element: el, ...(fallback ? { fallback } : {}) });
    }
    let interesting = false;
    for (const n in el.attribs) {
      const aslug = ATTRIBUTES[n];
      if ((aslug && want(aslug)) || n === 'style' || n === 'src' || (n === 'href' && name === 'a')) {
        interesting = true;
        break;
      }
    }
    if (!interesting) continue;
    for (const a of doc.attributes(el)) {
      const aslug = ATTRIBUTES[a.name];
      // target="_blank": the clients that ignore target open links in a new window anyway.
      // `hidden` on Outlook-only markup: the author writes it for Outlook, which shows it by design.
      if (aslug && want(aslug) && !(a.name === 'target' && /^(_blank)?$/i.test(a.raw.trim())) && !(a.name === 'hidden' && r().mso === 'only')) {
        const fallback =
          a.name === 'background' ? backgroundFallback(doc, el)
          : (a.name === 'srcset' || a.name === 'sizes') && (name === 'source' || el.attribs.src) ? { text: name === 'source' ? "the <picture>'s <img>" : 'the src image' }
          : undefined;
        out.push({ slug: aslug, range: a.nameRange, reach: r(), element: el, ...(fallback ? { fallback } : {}) });
      }
      if (a.name === 'href' && name === 'a') {
        const v = a.raw.trim();
        if (v.startsWith('#') && v.length > 1 && want('html-anchor-links')) out.push({ slug: 'html-anchor-links', range: a.valueRange, reach: r(), element: el });
        else if (/^mailto:/i.test(v) && want('html-mailto-links')) out.push({ slug: 'html-mailto-links', range: a.valueRange, reach: r(), element: el });
      }
      if (a.name === 'src' && (name === 'img' || name === 'source')) {
        const v = a.raw.trim();
        if (/^data:image\/[^;,]+;base64,/i.test(v)) want('image-base64') && out.push({ slug: 'image-base64', range: a.valueRange, reach: r(), element: el });
        else {
          const ext = /\.([a-z0-9]{3,4})(?:[?#]|$)/i.exec(v.split(/[?#]/)[0] + '')?.[1]?.toLowerCase();
          if (ext && IMAGE_EXT[ext] && want(IMAGE_EXT[ext])) out.push({ slug: IMAGE_EXT[ext], range: a.valueRange, reach: r(), element: el });
        }
      }
      if (a.name === 'style' && a.raw.trim()) {
        const decls = parseDeclarations(a.raw);
        const image = decls.some(isBackgroundImage) || !!el.attribs.background;
        declarationUses(decls, a.valueRange.start, a.raw, r(), el, (d) => (image && d.property.startsWith('background') && d.property !== 'background-color' ? backgroundFallback(doc, el) : undefined));
      }
    }
  }

  // Stylesheets: the rendered ones through the style service, Outlook-only ones parsed here.
  const sheets: Array<{ rules: readonly CssRule[]; atRules: readonly AtRule[]; reach: Reach }> = [];
  const main = doc.styles;
  sheets.push({ rules: main.rules, atRules: main.atRules, reach: { sheet: true } });
  for (const el of doc.elements) {
    if (el.name !== 'style' || !doc.conditionalOf(el)) continue;
    const t = el.children.find((c) => c.type === 'text') as { data: string; startIndex: number | null } | undefined;
    if (!t) continue;
    const atRules: AtRule[] = [];
    const rules = parseStylesheet(t.data, t.startIndex ?? 0, [], { n: 0 }, atRules);
    sheets.push({ rules, atRules, reach: { ...reachOf(el), sheet: true } });
  }
  // A rule whose selectors name a class, id or tag no element has styles nothing: it is moot.
  const names = new Set<string>();
  for (const el of doc.elements) {
    names.add(el.name.toLowerCase());
    if (el.attribs.id) names.add(`#${el.attribs.id}`);
    for (const c of (el.attribs.class ?? '').split(/\s+/)) if (c) names.add(`.${c}`);
  }
  const styles = (selectorText: string) => splitSelectors(selectorText).some((sel) => {
    const key = bucketKey(sel, false);
    return key === '*' || names.has(key) || /^[a-z]/i.test(key) && names.has(key.toLowerCase());
  });
  for (const sheet of sheets) {
    for (const at of sheet.atRules) {
      const reach = { ...sheet.reach, ...(at.media.length ? { media: at.media } : {}) };
      const range = { start: at.offset, end: at.offset + 1 + at.name.length };
      const slug = at.name === 'font-face' ? 'css-at-font-face' : at.name === 'import' ? 'css-at-import' : at.name.endsWith('keyframes') ? 'css-at-keyframes' : at.name === 'supports' ? 'css-at-supports' : at.name === 'media' ? 'css-at-media' : undefined;
      if (slug && want(slug)) out.push({ slug, range, reach });
      if (at.name === 'media') for (const f of mediaFeatures(at.prelude)) if (want(f)) out.push({ slug: f, range, reach });
    }
    for (const rule of sheet.rules) {
      // `<style media="all">` asks nothing of a client.
      const media = rule.media.filter((m) => !/^\s*all\s*$/i.test(m));
      const reach: Reach = { ...sheet.reach, ...(media.length ? { media } : {}) };
      if (!styles(rule.selectorText)) continue;
      const only = CLIENT_SELECTORS.find(([re]) => re.test(rule.selectorText))?.[1];
      if (only) reach.only = only;
      const selRange = { start: rule.offset, end: rule.offset + Math.min(rule.selectorText.length, 80) };
      for (const slug of selectorFeatures(rule.selectorText)) if (want(slug)) out.push({ slug, range: selRange, reach });
      const open = text.indexOf('{', rule.offset);
      if (open < 0) continue;
      const close = text.indexOf('}', open);
      declarationUses(rule.declarations, open + 1, text.slice(open + 1, close < 0 ? text.length : close), reach);
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}

/** The media features a query asks (`prefers-color-scheme`, `hover`…) as caniemail features. */
export function mediaFeatures(prelude: string): string[] {
  const out: string[] = [];
  if (/prefers-color-scheme/i.test(prelude)) out.push('css-at-media-prefers-color-scheme');
  if (/prefers-reduced-motion/i.test(prelude)) out.push('css-at-media-prefers-reduced-motion');
  if (/\((any-)?hover\b/i.test(prelude)) out.push('css-at-media-hover');
  if (/\borientation\b/i.test(prelude)) out.push('css-at-media-orientation');
  if (/device-pixel-ratio/i.test(prelude)) out.push('css-at-media-device-pixel-ratio');
  return out;
}

/** The selector kinds a selector list uses. */
function selectorFeatures(selectorText: string): Set<string> {
  const out = new Set<string>();
  const list = splitSelectors(selectorText);
  if (list.length > 1) out.add('css-selector-grouping');
  for (const sel of list) {
    // Attribute values and function arguments are not selectors of their own.
    const s = sel.replace(/\[[^\][]*\]/g, () => (out.add('css-selector-attribute'), '[]')).replace(/"[^"]*"|'[^']*'/g, '""');
    for (const m of s.matchAll(PSEUDO_RE)) {
      const name = m[2].toLowerCase();
      if (PSEUDO_ELEMENTS.includes(name) && (m[1] === '::' || /^(after|before|first-letter|first-line)$/.test(name))) out.add(`css-pseudo-element-${name}`);
      else if (PSEUDO_CLASSES.includes(name)) out.add(name === 'lang' ? 'css-pseudo-class-lang' : `css-pseudo-class-${name}`);
    }
    const bare = s.replace(/\([^()]*\)/g, '');
    if (bare.includes('>')) out.add('css-selector-child');
    if (/\+/.test(bare)) out.add('css-selector-adjacent-sibling');
    if (/~/.test(bare)) out.add('css-selector-general-sibling');
    const compounds = bare.split(/\s*[>+~]\s*|\s+/).filter(Boolean);
    if (/[^\s>+~]\s+[^\s>+~]/.test(bare.trim())) out.add('css-selector-descendant');
    for (const c of compounds) {
      if (c.includes('#')) out.add('css-selector-id');
      if (/\.[\w-]/.test(c)) out.add('css-selector-class');
      if (/^[a-z]/i.test(c)) out.add('css-selector-type');
      if (c.startsWith('*')) out.add('css-selector-universal');
      if ((c.match(/[.#][\w-]/g) ?? []).length + (c.match(/\[\]/g) ?? []).length >= 2 || (/^[a-z]/i.test(c) && /[.#[]/.test(c))) out.add('css-selector-chaining');
    }
  }
  return out;
}

function isBackgroundImage(d: Declaration): boolean {
  return (d.property === 'background-image' || d.property === 'background') && /url\(|gradient\(/i.test(d.value);
}

/**
 * The fallback of a background image on `el`: a VML background for Outlook for Windows (Outlook-only
 * markup inside the element, or before it, drawing the same image: MJML and backgrounds.cm put
 * it there), and the background colour it also paints for every client.
 */
function backgroundFallback(doc: EmailDocument, el: Element): FeatureUse['fallback'] {
  const color = !!(el.attribs.bgcolor || doc.styles.ownFill(el));
  const url = /url\(\s*['"]?([^'")\s]+)/i.exec(el.attribs.style ?? '')?.[1] ?? el.attribs.background;
  const r = doc.range(el);
  const vml = doc.conditionals.some((c) => {
    if (!c.forOutlook || c.range.start >= r.end) return false;
    const inside = c.range.start >= r.start;
    const body = doc.text.slice(c.contentRange.start, c.contentRange.end);
    return /<v:(rect|fill|image|background)\b/i.test(body) && (inside || (!!url && body.includes(url)));
  });
  if (vml && color) return { text: 'the VML background in Outlook for Windows, the background colour elsewhere' };
  if (vml) return { text: 'the VML background', clients: ['outlook.windows'] };
  return color ? { text: 'the background colour' } : undefined;
}

/** A full-width wrapper that paints the body's own colour (or a white body, the clients' own): what a client that drops `<body>` still shows. */
function wrapperFill(doc: EmailDocument, body: Element): FeatureUse['fallback'] {
  const fill = doc.styles.ownFill(body);
  if (!fill) return undefined;
  if (fill.r > 250 && fill.g > 250 && fill.b > 250) return { text: 'the white the client shows anyway' };
  let parent: Element = body;
  for (let depth = 0; depth < 4; depth++) {
    const el = parent.children.find((c): c is Element => c.type === 'tag' && !doc.styles.hidden(c as Element) && c !== doc.preheaderElement && !['style', 'script', 'meta', 'title'].includes((c as Element).name));
    if (!el) return undefined;
    const own = doc.styles.ownFill(el);
    if (!own) {
      parent = el;
      continue;
    }
    const wide = /^100%$/.test((el.attribs.width ?? doc.styles.cascaded(el).get('width') ?? '').trim()) || el.name === 'div' || el.name === 'center';
    return wide && Math.abs(own.r - fill.r) + Math.abs(own.g - fill.g) + Math.abs(own.b - fill.b) < 3 ? { text: "the wrapper's background, which paints the same colour" } : undefined;
  }
  return undefined;
}
