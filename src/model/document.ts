/**
 * EmailDocument: one email, parsed once, with the email concepts defined once for every
 * consumer (rules, the link rewriter, inspect, the renderer's overlays). Everything that costs
 * something is computed lazily and cached.
 */
import { mayHoldTemplateLogic, withoutTemplateLogic } from './merge-tags.js';
import { inferMailType, type InferredMailType, type MailTypeInfo } from './mail-type.js';
import type { Document, Element, Comment, AnyNode, Text } from 'domhandler';
import { LineIndex, type Range, type Span } from './location.js';
import { parseFragment, findConditionals, scanAttributes, type AttributeInfo, type ConditionalComment } from './parse-html.js';
import { extractEspLinks, extractLinks, type EspLink, type Link } from './links.js';
import { normalizeSpace } from '../style/text.js';
import { findCtas, type Cta, type CtaModel, type CtaVerdict } from './cta/index.js';
import { findFooter, type Footer } from './footer.js';
import { styleOf, type StyleService, type TextRun } from '../style/service.js';
import { createRequire } from 'node:module';
import { walk } from '../tree.js';
import type { CheerioAPI } from 'cheerio';
import type { DocumentFacts } from './extra.js';

export type MailType = 'marketing' | 'transactional';

/** What the text was read from: the input adapters in src/input produce every kind. */
export type InputKind = 'html' | 'mjml' | 'eml';

export interface TextSource {
  text: string;
  /** Where it came from: `option` (CLI/API), `config`, `header` (.eml Subject), `title` (inferred from <title>),
   *  `mj-title`, `hidden-element` (hidden preheader block), `mj-preview`. */
  source: 'option' | 'config' | 'header' | 'title' | 'mj-title' | 'hidden-element' | 'mj-preview';
  /** True when inboxlint guessed it (e.g. subject from <title>). */
  inferred: boolean;
  /** Where it is in the document text, when it is there. */
  range?: Range;
  /** The message header it was read from (lower-case name, `.eml` Subject): findings about it point at that header's line. */
  header?: string;
}

export interface DocumentInput {
  filePath: string;
  /** The HTML that the model parses (for .html, the file's text). */
  text: string;
  kind?: InputKind;
  subject?: string;
  subjectSource?: 'option' | 'config';
  preheader?: string;
  preheaderSource?: 'option' | 'config';
  mailType?: MailType;
  /** A rendered message about to be sent (an .eml always is; HTML with `--rendered`): leftover merge tags are errors. */
  rendered?: boolean;
  /**
   * Maps an offset in `text` to a line/column span in the file the user edits. MJML and .eml
   * inputs supply one (the compiled HTML or the decoded MIME part is not what the user edits).
   */
  mapSpan?: (range: Range, index: LineIndex) => Span;
  /**
   * `.eml` inputs: the span in the file of each top-level header field (lower-case name, first
   * occurrence), and where the header block starts (where a missing header's finding points).
   */
  headerSpans?: { fields: Record<string, Span>; block: Span };
  /** Subject/preheader found by an input adapter (.eml Subject header, mj-title, mj-preview). */
  foundSubject?: TextSource;
  foundPreheader?: TextSource;
  /**
   * The span, in the file the user edits, of a range of that file's own text (MJML source
   * offsets: findings that exist only in the MJML carry such a `sourceRange`).
   */
  sourceSpan?: (range: Range) => Span;
  /** Facts learnt outside the HTML text (eml headers, mjml issues, measured boxes…): `doc.facts`. */
  facts?: DocumentFacts;
  /** @deprecated Use `facts`; merged under them. */
  extra?: Record<string, unknown>;
}

/** What a document made by `withFacts` shares with the one it came from: the parse, which facts do not change. */
interface Parsed {
  /** Made on first use: a pass over the text that a caller asking no line or column (track's rewrite) never needs. */
  lines?: LineIndex;
  dom: Document;
  structure: Map<string, unknown>;
  attrCache: WeakMap<Element, AttributeInfo[]>;
  textCache: WeakMap<AnyNode, string>;
}

/** The parse a `withFacts` document takes over, by its input (not part of the public constructor). */
const inherited = new WeakMap<DocumentInput, Parsed>();

const INTERACTIVE = new Set(['a', 'label', 'input', 'button', 'select', 'textarea']);

export class EmailDocument {
  readonly filePath: string;
  readonly kind: InputKind;
  /** The HTML text that every range refers to. Never modified. */
  readonly text: string;
  readonly dom: Document;
  /** Facts learnt outside the HTML text (see DocumentFacts): given when the document is built, or by `withFacts`. */
  readonly facts: Readonly<DocumentFacts>;
  private readonly input: DocumentInput;
  private readonly parsed: Parsed;
  private cache = new Map<string, unknown>();

  constructor(input: DocumentInput) {
    this.input = input;
    this.filePath = input.filePath;
    this.kind = input.kind ?? 'html';
    this.text = input.text;
    this.parsed = inherited.get(input) ?? {
      dom: parseFragment(input.text),
      structure: new Map(),
      attrCache: new WeakMap(),
      textCache: new WeakMap(),
    };
    this.dom = this.parsed.dom;
    this.facts = { ...(input.extra as DocumentFacts | undefined), ...input.facts };
  }

  /**
   * This email with more facts: a new document sharing the parse (text, tree, elements) but
   * none of the concepts computed so far (CTAs, links, styles, layout are computed again and
   * see the new facts). A render's geometry and the pre-send check's facts arrive this way.
   */
  withFacts(more: DocumentFacts): EmailDocument {
    const input: DocumentInput = { ...this.input, extra: undefined, facts: { ...this.facts, ...more } };
    inherited.set(input, this.parsed);
    return new EmailDocument(input);
  }

  /** @deprecated Read `facts` (typed); the same object. */
  get extra(): Readonly<Record<string, unknown>> {
    return this.facts as Readonly<Record<string, unknown>>;
  }

  private memo<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  /** `memo` for what depends on the text alone (the parse's structure): shared with `withFacts` documents. */
  private structural<T>(key: string, make: () => T): T {
    const cache = this.parsed.structure;
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as T;
  }

  /** Offsets → lines and columns of `text`. */
  get lines(): LineIndex {
    return (this.parsed.lines ??= new LineIndex(this.text));
  }

  /** A rendered message about to be sent, not a template: an .eml, or HTML given as such (`--rendered`). */
  get rendered(): boolean {
    return this.input.rendered ?? this.kind === 'eml';
  }

  /**
   * Marketing or transactional: as set (`--mail-type`, config), else inferred from the content
   * (mail-type.ts); `unknown` when it was not set and nothing in the content says which.
   */
  get mailType(): InferredMailType {
    return this.mailTypeInfo.type;
  }

  get mailTypeInfo(): MailTypeInfo {
    return this.memo('mailType', () => (this.input.mailType ? { type: this.input.mailType, inferred: false, evidence: [] } : inferMailType(this)));
  }

  /** The 1-based span, in the file the user edits, of a range in `text`. */
  span(range: Range): Span {
    return this.input.mapSpan ? this.input.mapSpan(range, this.lines) : this.lines.span(range);
  }

  /** The 1-based span of a range of the file the user edits, in its own offsets (the MJML source); `text` offsets elsewhere. */
  sourceSpan(range: Range): Span {
    return this.input.sourceSpan ? this.input.sourceSpan(range) : this.span(range);
  }

  /**
   * The span, in the file as written, of a message header (lower-case name) — the start of the
   * header block when the message lacks it — or undefined when the input has no headers (HTML, MJML).
   */
  headerSpan(name: string): Span | undefined {
    const h = this.input.headerSpans;
    return h ? (h.fields[name.toLowerCase()] ?? h.block) : undefined;
  }

  /**
   * Source range of a node. htmlparser2 ends a node still open at the end of the text (an
   * unclosed element or comment) one past it, although its end indices are inclusive: clamped.
   */
  range(node: AnyNode): Range {
    const start = node.startIndex ?? 0;
    const end = Math.min(this.text.length, (node.endIndex ?? start) + 1);
    return { start, end };
  }

  /** Range of an element's start tag (`<a …>`). */
  startTagRange(el: Element): Range {
    const start = el.startIndex ?? 0;
    const attrs = this.attributes(el);
    let from = attrs.length ? attrs[attrs.length - 1].valueRange.end : start + 1;
    const gt = this.text.indexOf('>', from);
    return { start, end: gt < 0 ? this.text.length : gt + 1 };
  }

  /** All comments, in source order (top level only: a comment cannot nest inside a comment). */
  get comments(): Comment[] {
    return this.structural('comments', () => {
      const out: Comment[] = [];
      walk(this.dom, (n) => {
        if (n.type === 'comment') out.push(n as Comment);
      });
      return out;
    });
  }

  get conditionals(): ConditionalComment[] {
    return this.structural('conditionals', () => findConditionals(this.text, this.comments));
  }

  /** The conditional comment whose hidden content holds `node`, if any (constant time: every element knows its tree). */
  conditionalOf(node: AnyNode): ConditionalComment | undefined {
    const el = node.type === 'tag' || node.type === 'script' || node.type === 'style' || node.type === 'root' ? node : node.parent;
    if (!el || el === this.dom) return undefined;
    if (el.type === 'root') return this.conditionals.find((c) => c.content === el);
    return this.treeOf.get(el as Element);
  }

  /** The revealed (`<!--[if !mso]><!-->…`) or hidden conditional whose content range contains `offset`. */
  conditionalAt(offset: number): ConditionalComment | undefined {
    return this.conditionals.find((c) => offset >= c.contentRange.start && offset < c.contentRange.end);
  }

  /** Each element's conditional comment (absent for the main tree), filled by one walk of every tree. */
  private get treeOf(): Map<Element, ConditionalComment | undefined> {
    return this.structural('treeOf', () => {
      const out = new Map<Element, ConditionalComment | undefined>();
      const trees: Array<[AnyNode, ConditionalComment | undefined]> = [
        [this.dom, undefined],
        ...this.conditionals.flatMap((c): Array<[AnyNode, ConditionalComment]> => (c.content ? [[c.content, c]] : [])),
      ];
      for (const [root, cond] of trees) walk(root, (n) => {
        if (n.type === 'tag' || n.type === 'script' || n.type === 'style') out.set(n as Element, cond);
      });
      return out;
    });
  }

  /** Every element in source order, including the markup inside MSO conditional comments. */
  get elements(): Element[] {
    return this.structural('elements', () => [...this.treeOf.keys()].sort((a, b) => (a.startIndex ?? 0) - (b.startIndex ?? 0)));
  }

  /** Elements of the main tree only (what non-Outlook clients render), in source order. */
  get renderedElements(): Element[] {
    return this.structural('renderedElements', () => this.elements.filter((e) => this.treeOf.get(e) === undefined));
  }

  byTag(name: string): Element[] {
    return this.elements.filter((e) => e.name === name);
  }

  first(name: string): Element | undefined {
    return this.renderedElements.find((e) => e.name === name);
  }

  get htmlElement(): Element | undefined {
    return this.first('html');
  }
  get head(): Element | undefined {
    return this.first('head');
  }
  get body(): Element | undefined {
    return this.first('body');
  }

  /** The attributes of an element as written, with ranges. */
  attributes(el: Element): AttributeInfo[] {
    let a = this.parsed.attrCache.get(el);
    if (!a) {
      a = el.startIndex == null ? [] : scanAttributes(this.text, el.startIndex);
      this.parsed.attrCache.set(el, a);
    }
    return a;
  }

  attr(el: Element, name: string): AttributeInfo | undefined {
    return this.attributes(el).find((a) => a.name === name);
  }

  /** The style service: computed styles per view, visibility per client family, fills, text runs (src/style). */
  get styles(): StyleService {
    return styleOf(this);
  }

  /**
   * Normalized text of a node: entities decoded, whitespace collapsed; images contribute their
   * alt. Kept per node once complete: the CTA and link walks ask for the text of the same
   * enclosing block once per link, which would otherwise be quadratic in the links.
   */
  textOf(node: AnyNode): string {
    let text = this.parsed.textCache.get(node);
    if (text === undefined) this.parsed.textCache.set(node, (text = this.computeTextOf(node)));
    return text;
  }

  private computeTextOf(node: AnyNode): string {
    const parts: string[] = [];
    walk(node, (n) => {
      // Template logic ({% if %}, {{#each}}, %%[ … ]%%) is not text a reader sees.
      if (n.type === 'text') parts.push(this.holdsLogic ? visibleData(n as Text) : (n as Text).data);
      else if (n.type === 'tag' && (n as Element).name === 'img') {
        const alt = (n as Element).attribs.alt;
        if (alt) parts.push(` ${alt} `);
      }
      return n.type === 'style' || n.type === 'script' ? false : undefined;
    });
    return normalizeSpace(parts.join(''));
  }

  /** Whether any template logic may be in the text (when not, text nodes are read as they are). */
  private get holdsLogic(): boolean {
    return (this.logicKnown ??= mayHoldTemplateLogic(this.text));
  }
  private logicKnown: boolean | undefined;

  /** `<html lang>` (trimmed, lower-cased), or null. */
  get lang(): string | null {
    const v = this.htmlElement?.attribs.lang?.trim();
    return v ? v.toLowerCase() : null;
  }

  get title(): string | null {
    const t = this.renderedElements.find((e) => e.name === 'title');
    return t ? this.textOf(t) : null;
  }

  get subject(): TextSource | null {
    return this.memo('subject', () => {
      if (this.input.subject !== undefined) return { text: this.input.subject, source: this.input.subjectSource ?? 'option', inferred: false };
      if (this.input.foundSubject) return this.input.foundSubject;
      const t = this.renderedElements.find((e) => e.name === 'title');
      if (t) {
        const text = this.textOf(t);
        if (text) return { text, source: 'title', inferred: true, range: this.range(t) };
      }
      return null;
    });
  }

  get preheader(): TextSource | null {
    return this.memo('preheader', () => {
      if (this.input.preheader !== undefined) return { text: this.input.preheader, source: this.input.preheaderSource ?? 'option', inferred: false };
      if (this.input.foundPreheader) return this.input.foundPreheader;
      const el = this.preheaderElement;
      if (!el) return null;
      return { text: stripSpacers(this.textOf(el)), source: 'hidden-element', inferred: false, range: this.range(el) };
    });
  }

  /**
   * The hidden preheader block: the first element at the top of <body>, before any visible
   * text, hidden by display:none / max-height:0 / opacity:0 / mso-hide:all (inline or via a
   * `<style>` class rule), that holds text.
   */
  get preheaderElement(): Element | undefined {
    return this.memo('preheaderElement', () => findPreheader(this));
  }

  get links(): Link[] {
    return this.memo('links', () => extractLinks(this));
  }

  /** Links the ESP writes when it sends (`<unsubscribe>`, `{% unsubscribe %}` in the text): see links.ts. */
  get espLinks(): EspLink[] {
    return this.memo('espLinks', () => extractEspLinks(this));
  }

  /** The footer: the trailing block holding the unsubscribe link, © and address (footer.ts), or undefined. */
  get footer(): Footer | undefined {
    return this.memo('footer', () => findFooter(this));
  }

  /** Calls to action (see cta/index.ts for how they are found). */
  get ctas(): Cta[] {
    return this.ctaModel.ctas;
  }

  /** The one answer to "CTA or not" for a link of `links`: the CTA it is, or why it is not one (cta/verdict.ts). */
  ctaVerdict(link: Link): CtaVerdict {
    const v = this.ctaModel.verdicts.get(link);
    if (!v) throw new Error(`ctaVerdict: the link at offset ${link.valueRange.start} is not one of this document's links`);
    return v;
  }

  private get ctaModel(): CtaModel {
    return this.memo('ctas', () => findCtas(this));
  }

  /** Runs of visible text with effective colours and font sizes, light scheme, 600 px pane (see src/style). */
  get textRuns(): TextRun[] {
    return this.styles.textRuns();
  }

  /** The same for the dark scheme; null when the template declares no dark-mode rules. */
  get darkTextRuns(): TextRun[] | null {
    return this.styles.declaresDark ? this.styles.textRuns({ scheme: 'dark' }) : null;
  }

  /** Runs of visible text at the 375 px phone width, light scheme (phone-only media queries applied). */
  get phoneTextRuns(): TextRun[] {
    return this.styles.textRuns({ viewport: 'mobile' });
  }

  /**
   * A cheerio API over the document for custom rules (`doc.$('a.button')`). It is a separate
   * htmlparser2 parse with the same offsets, so `doc.range()`, `doc.attr()` and `doc.span()` work
   * on the nodes it returns. Loaded on first use (cheerio is not needed by the built-in rules).
   */
  get $(): CheerioAPI {
    return this.memo('cheerio', () => {
      const { load } = createRequire(import.meta.url)('cheerio') as typeof import('cheerio');
      return load(this.text, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true, decodeEntities: true } }, false);
    });
  }

  /** Byte size of the HTML as sent (UTF-8). */
  get byteSize(): number {
    return this.structural('byteSize', () => Buffer.byteLength(this.text, 'utf8'));
  }
}

export { walk };

/** A text node's data with template logic taken out, once per node (textOf reads each node many times). */
const visibleTexts = new WeakMap<Text, string>();
function visibleData(n: Text): string {
  let v = visibleTexts.get(n);
  if (v === undefined) visibleTexts.set(n, (v = withoutTemplateLogic(n.data)));
  return v;
}

export { normalizeSpace };

/** Removes the invisible spacer characters templates append to preheaders (&zwnj;&nbsp; …). */
function stripSpacers(s: string): string {
  return normalizeSpace(s.replace(/[\u200c\u200b\u034f\u00ad\u2007\u2060\ufeff]/g, ' '));
}

function findPreheader(doc: EmailDocument): Element | undefined {
  const body = doc.body ?? doc.dom;
  let found: Element | undefined;
  let seenVisibleText = false;
  const isHiddenEl = (el: Element): boolean => doc.styles.concealed(el);
  walk(body, (n) => {
    if (found || seenVisibleText) return false;
    if (n.type === 'tag') {
      const el = n as Element;
      if (el.name === 'style' || el.name === 'script' || el.name === 'title') return false;
      if (isHiddenEl(el)) {
        // A hidden menu toggle or carousel control (MJML mj-navbar, mj-carousel) is not preview text.
        let interactive = false;
        walk(el, (c) => {
          if (c.type === 'tag' && INTERACTIVE.has((c as Element).name)) interactive = true;
          return interactive ? false : undefined;
        });
        if (!interactive && stripSpacers(doc.textOf(el))) found = el;
        return false;
      }
      if (el.name === 'img' && el.attribs.alt?.trim()) {
        seenVisibleText = true;
        return false;
      }
    } else if (n.type === 'text') {
      if (stripSpacers(visibleData(n as Text))) seenVisibleText = true;
    }
    return undefined;
  });
  return found;
}
