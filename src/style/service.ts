/**
 * The one style service: every style question about a document is answered here, for a view
 * (viewport width 375 px phone or 600 px pane, light or dark scheme): the computed style of an
 * element, the cascaded declarations the layout reads, its visibility per client family (web
 * clients vs Outlook for Windows: `mso-hide:all` hides from Outlook only), the fill it paints,
 * its effective colours and background, and the document's text runs.
 *
 * Styles are computed lazily, for the elements asked about. The stylesheets are parsed once and
 * their selectors compiled and matched once per element for all views (SelectorIndex); views
 * whose media conditions select the same rules share one resolver, so a template without
 * width-dependent media queries is cascaded once for phone and pane.
 */
import type { AnyNode, Element } from 'domhandler';
import type { StyledSource } from './source.js';
import type { Rgba } from '../css/color.js';
import { isQuirksMode } from '../css/selectors.js';
import type { AtRule, CssRule } from '../css/stylesheet.js';
import { documentRules, StyleResolver, type ComputedStyle, type ResolvedColor, type StyleOrigin, type TextRun } from './cascade.js';
import { SelectorIndex } from './selector-index.js';
import type { UsedStyle } from './used.js';
import { MEDIA_SCREEN, VIEWPORTS, type View, type Viewport } from './views.js';
import type { Scheme } from '../css/media.js';

export type ClientFamily = 'web' | 'outlook';

export interface Colors {
  fg: ResolvedColor;
  bg: ResolvedColor;
  inconclusive: boolean;
  imageElement?: Element;
  imageOrigin?: StyleOrigin;
}

export class StyleService {
  /** The `<style>` rules of the rendered tree, parsed once, in source order. */
  readonly rules: readonly CssRule[];
  /** The at-rules of those stylesheets (`@media`, `@font-face`, `@import`…), with offsets. */
  readonly atRules: readonly AtRule[];
  private readonly index: SelectorIndex;
  private readonly byKey = new Map<string, StyleResolver>();
  private readonly byView = new Map<string, StyleResolver>();
  private pane: StyleResolver | undefined;

  constructor(private readonly doc: StyledSource) {
    const atRules: AtRule[] = [];
    this.rules = documentRules(doc, atRules);
    this.atRules = atRules;
    this.index = new SelectorIndex(this.rules, isQuirksMode(doc.text), !!doc.body, doc.elements);
  }

  /** True when the template has dark-mode rules (`prefers-color-scheme: dark`, `[data-ogsc]`). */
  get declaresDark(): boolean {
    return this.index.declaresDark;
  }

  /** The resolver for a view. Views whose media conditions select the same rules share one. */
  resolver(view?: View): StyleResolver {
    // The light pane is asked for most: answered without building a key.
    if (this.pane && (!view || (view.viewport !== 'mobile' && view.scheme !== 'dark'))) return this.pane;
    const viewport = view?.viewport ?? 'desktop';
    const scheme = view?.scheme ?? 'light';
    const vk = `${viewport}:${scheme}`;
    let r = this.byView.get(vk);
    if (r) return r;
    // The phone reuses the pane's styles where no media condition changes them.
    const pane = viewport === 'mobile' ? this.resolver({ viewport: 'desktop', scheme }) : undefined;
    const size = MEDIA_SCREEN[viewport];
    const probe = new StyleResolver(this.doc, this.index, { scheme, width: size.width, height: size.height });
    const key = `${scheme}:${this.index.conditional.map((rule) => (probe.ruleApplies(rule) ? 1 : 0)).join('')}`;
    r = this.byKey.get(key);
    if (!r) {
      this.byKey.set(key, (r = probe));
      if (pane) probe.shareWith(pane);
    }
    this.byView.set(vk, r);
    if (vk === 'desktop:light') this.pane = r;
    return r;
  }

  /** True when phone and pane select different rules for a scheme (a width-dependent media query applies). */
  differsOnPhone(scheme: Scheme = 'light'): boolean {
    return this.resolver({ viewport: 'mobile', scheme }) !== this.resolver({ viewport: 'desktop', scheme });
  }

  /** The computed style of any element. */
  computed(el: Element, view?: View): ComputedStyle {
    return this.resolver(view).computed(el);
  }

  /** The cascaded declarations of an element, as written (see StyleResolver.cascaded). */
  cascaded(el: Element, view?: View): ReadonlyMap<string, string> {
    return this.resolver(view).cascaded(el);
  }

  /**
   * The used values of an element: font size, line height, bold, display, box edges and sizes in
   * px (see used.ts). The static layout, the CTA model and the rules read these.
   */
  used(el: Element, view?: View): UsedStyle {
    return this.resolver(view).used(el);
  }

  /**
   * Hidden from a client family: THE visibility answer (StyleResolver.visibility). Web clients:
   * display, visibility, opacity 0, max-height 0 with overflow hidden, inside the hidden
   * preheader, or inside Outlook-only conditional markup. Outlook for Windows: the same but the
   * conditional markup, and `mso-hide: all`.
   */
  hidden(el: Element, family: ClientFamily = 'web', view?: View): boolean {
    return this.resolver(view).visibility(el)[family];
  }

  /**
   * True when none of an element's text reaches a reader of any client: hidden from web or
   * Outlook by its styles (the visibility answer without the preheader, which this test finds),
   * or a font size of 1px or less that no descendant resets (and no image inside). The test for
   * the hidden preheader block.
   */
  concealed(el: Element, view?: View): boolean {
    const s = this.computed(el, view);
    if (s.hidden || s.msoHidden) return true;
    if (s.fontSize > 1 || el.name === 'img') return false;
    // In source order, so the first readable text ends the search.
    const stack: AnyNode[] = [...el.children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type !== 'tag') continue;
      const e = n as Element;
      if (e.name === 'img') return false;
      if (this.computed(e, view).fontSize > 1 && e.children.some((c) => c.type === 'text' && c.data.trim())) return false;
      for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
    }
    return true;
  }

  /** The opaque colour an element paints behind its content, or null when it paints none of its own. */
  ownFill(el: Element, view?: View): Rgba | null {
    const c = this.computed(el, view).backgroundColor;
    return c.a > 0 ? c : null;
  }

  /**
   * The fill an element paints that differs from what lies behind it (the button test), or null.
   * Both are read from the computed `background-color` (shorthands, `bgcolor`, classes, media).
   */
  distinctFill(el: Element, view?: View): Rgba | null {
    const own = this.ownFill(el, view);
    if (!own) return null;
    const behind = this.colors(el, view, { withoutSelf: true }).bg.color;
    const mine = this.colors(el, view).bg.color;
    return sameRgb(mine, behind) ? null : own;
  }

  /** Text colour and background of an element's text as they reach the screen. */
  colors(el: Element, view?: View, opts: { withoutSelf?: boolean } = {}): Colors {
    return this.resolver(view).resolveColors(el, opts);
  }

  /** Every run of visible text, in source order. */
  textRuns(view?: View): TextRun[] {
    return this.resolver(view).textRuns();
  }
}

function sameRgb(a: Rgba, b: Rgba): boolean {
  return Math.abs(a.r - b.r) < 1 && Math.abs(a.g - b.g) < 1 && Math.abs(a.b - b.b) < 1;
}


const services = new WeakMap<StyledSource, StyleService>();

/** The style service of a document (one per document, created on first use). */
export function styleOf(doc: StyledSource): StyleService {
  let s = services.get(doc);
  if (!s) services.set(doc, (s = new StyleService(doc)));
  return s;
}

export type { Viewport, View, Scheme, ComputedStyle, ResolvedColor, StyleOrigin, TextRun, UsedStyle };
export { VIEWPORTS };
