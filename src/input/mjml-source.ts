/**
 * MJML source with positions. A small tolerant tokenizer (not htmlparser2: it repairs nesting
 * silently, and we want to SEE what is malformed) that builds the element tree the author wrote:
 * tag name, attributes with name/value ranges, start-tag and content ranges, 1-based
 * line/column. It also records the XML problems mjml accepts without a word (unclosed,
 * mismatched or stray closing tags, duplicate attributes, unterminated comments/tags).
 *
 * The content of MJML "ending tags" (mj-text, mj-button, mj-raw, …) is HTML, not MJML: it is
 * kept as one raw range, and the `<a href>` links in it are found with exact ranges.
 */
import { parseFragment, scanAttributes, type AttributeInfo } from '../model/parse-html.js';
import { walk } from '../model/document.js';
import { LineIndex, type Range } from '../model/location.js';
import type { Element } from 'domhandler';

/** Components whose content mjml takes as raw HTML (the `endingTag` components of mjml 5). */
export const ENDING_TAGS: ReadonlySet<string> = new Set([
  'mj-text',
  'mj-button',
  'mj-table',
  'mj-raw',
  'mj-navbar-link',
  'mj-social-element',
  'mj-accordion-title',
  'mj-accordion-text',
  'mj-carousel-image',
  'mj-title',
  'mj-preview',
  'mj-style',
  'mj-breakpoint',
]);

export interface MjmlElement {
  tag: string;
  /** `<tag …>` (or `<tag …/>`). */
  startTag: Range;
  /** Whole element, start tag to end of the closing tag (to the end of the start tag when self-closing or unclosed). */
  range: Range;
  /** Between the start and the closing tag (empty for self-closing). */
  content: Range;
  attributes: AttributeInfo[];
  children: MjmlElement[];
  parent: MjmlElement | null;
  selfClosing: boolean;
  /** False when the element was never closed. */
  closed: boolean;
  /** 1-based line/column of `<`. */
  line: number;
  column: number;
  /** Links inside the raw HTML content of an ending tag (mj-text, mj-raw, …): `<a href>`, `<area href>`. */
  htmlLinks?: Array<{ tag: string; attr: AttributeInfo }>;
}

export interface XmlProblem {
  kind: 'unclosed' | 'mismatched' | 'stray-close' | 'duplicate-attribute' | 'unterminated' | 'no-root' | 'outside-root';
  message: string;
  range: Range;
  line: number;
  column: number;
}

export interface MjmlSource {
  text: string;
  lines: LineIndex;
  /** The `<mjml>` element (or the first top-level element when there is no `<mjml>`). */
  root: MjmlElement | null;
  /** Top-level elements (normally just `<mjml>`). */
  roots: MjmlElement[];
  /** Every element in source order. */
  elements: MjmlElement[];
  problems: XmlProblem[];
}

/** Attribute value of an element as written (entities not decoded). */
export function mjAttr(el: MjmlElement, name: string): AttributeInfo | undefined {
  return el.attributes.find((a) => a.name === name);
}

const NAME_RE = /[A-Za-z_][\w:.-]*/y;

export function parseMjmlSource(text: string): MjmlSource {
  const lines = new LineIndex(text);
  const problems: XmlProblem[] = [];
  const elements: MjmlElement[] = [];
  const roots: MjmlElement[] = [];
  const stack: MjmlElement[] = [];
  const problem = (kind: XmlProblem['kind'], message: string, range: Range) => {
    const p = lines.position(range.start);
    problems.push({ kind, message, range, line: p.line, column: p.column });
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) {
        problem('unterminated', 'comment is never closed (missing -->)', { start: i, end: i + 4 });
        break;
      }
      i = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (text[i + 1] === '?' || text[i + 1] === '!') {
      const end = text.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (text[i + 1] === '/') {
      NAME_RE.lastIndex = i + 2;
      const m = NAME_RE.exec(text);
      const gt = text.indexOf('>', i);
      const end = gt < 0 ? n : gt + 1;
      if (!m) {
        i = i + 2;
        continue;
      }
      closeTag(m[0].toLowerCase(), { start: i, end });
      i = end;
      continue;
    }
    NAME_RE.lastIndex = i + 1;
    const m = NAME_RE.exec(text);
    if (!m) {
      i++;
      continue;
    }
    const tag = m[0].toLowerCase();
    const gt = findTagEnd(text, NAME_RE.lastIndex);
    if (gt < 0) {
      problem('unterminated', `<${tag}> start tag is never closed (missing >)`, { start: i, end: NAME_RE.lastIndex });
      break;
    }
    const selfClosing = text[gt - 1] === '/';
    const startTag = { start: i, end: gt + 1 };
    const attributes = scanAttributes(text, i).filter((a) => a.nameRange.end <= gt);
    const seen = new Set<string>();
    for (const a of attributes) {
      if (seen.has(a.name)) problem('duplicate-attribute', `attribute "${a.name}" appears twice on <${tag}>`, a.nameRange);
      seen.add(a.name);
    }
    const pos = lines.position(i);
    const parent = stack[stack.length - 1] ?? null;
    const el: MjmlElement = {
      tag,
      startTag,
      range: { ...startTag },
      content: { start: startTag.end, end: startTag.end },
      attributes,
      children: [],
      parent,
      selfClosing,
      closed: selfClosing,
      line: pos.line,
      column: pos.column,
    };
    elements.push(el);
    if (parent) parent.children.push(el);
    else {
      if (roots.length && roots[0].tag === 'mjml') problem('outside-root', `<${tag}> is outside <mjml>`, startTag);
      roots.push(el);
    }
    i = startTag.end;
    if (selfClosing) continue;
    if (ENDING_TAGS.has(tag)) {
      // Raw HTML content: the element ends at the matching </tag> (same-name nesting counted, as mjml does).
      const close = findClosing(text, tag, i);
      if (close < 0) {
        // Its content ends where an enclosing element closes (so one missing tag is one problem).
        problem('unclosed', `<${tag}> opened at line ${pos.line} is never closed`, startTag);
        let end = n;
        for (const open of stack) {
          const re = new RegExp(`</${open.tag.replace(/-/g, '\\-')}\\s*>`, 'i');
          const m = re.exec(text.slice(i));
          if (m && i + m.index < end) end = i + m.index;
        }
        el.content = { start: i, end };
        el.range = { start: startTag.start, end };
        i = end;
      } else {
        const closeEnd = text.indexOf('>', close) + 1 || n;
        el.content = { start: i, end: close };
        el.range = { start: startTag.start, end: closeEnd };
        el.closed = true;
        el.htmlLinks = findHtmlLinks(text, el.content);
        i = closeEnd;
      }
      continue;
    }
    stack.push(el);
  }
  for (const el of stack.reverse()) {
    problem('unclosed', `<${el.tag}> opened at line ${el.line} is never closed`, el.startTag);
    el.range = { start: el.startTag.start, end: n };
    el.content = { start: el.startTag.end, end: n };
  }
  const root = roots.find((r) => r.tag === 'mjml') ?? roots[0] ?? null;
  if (!roots.some((r) => r.tag === 'mjml')) {
    problem('no-root', 'no <mjml> root element', { start: 0, end: Math.min(n, 1) });
  }
  return { text, lines, root, roots, elements, problems };

  function closeTag(tag: string, range: Range) {
    let k = stack.length - 1;
    while (k >= 0 && stack[k].tag !== tag) k--;
    if (k < 0) {
      problem('stray-close', `</${tag}> closes nothing (no open <${tag}>)`, range);
      return;
    }
    for (let j = stack.length - 1; j > k; j--) {
      const open = stack[j];
      problem('mismatched', `<${open.tag}> opened at line ${open.line} is not closed before </${tag}>`, open.startTag);
      open.range = { start: open.startTag.start, end: range.start };
      open.content = { start: open.startTag.end, end: range.start };
    }
    const el = stack[k];
    el.content = { start: el.startTag.end, end: range.start };
    el.range = { start: el.startTag.start, end: range.end };
    el.closed = true;
    stack.length = k;
  }
}

/** Index of the `>` that ends a start tag whose attributes begin at `from` (quotes respected). */
function findTagEnd(text: string, from: number): number {
  let q = '';
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return j;
    else if (c === '<') return -1;
  }
  return -1;
}

function findClosing(text: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag.replace(/[-]/g, '\\-')}(?=[\\s/>])`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[1]) {
      if (--depth === 0) return m.index;
    } else {
      const gt = text.indexOf('>', m.index);
      if (gt > 0 && text[gt - 1] !== '/') depth++;
    }
  }
  return -1;
}

/** `<a href>`/`<area href>` inside raw HTML content, with ranges into the MJML text. */
function findHtmlLinks(text: string, content: Range): Array<{ tag: string; attr: AttributeInfo }> {
  if (!/<a(rea)?[\s>]/i.test(text.slice(content.start, content.end))) return [];
  const out: Array<{ tag: string; attr: AttributeInfo }> = [];
  walk(parseFragment(text, content.start, content.end), (node) => {
    if (node.type !== 'tag') return;
    const el = node as Element;
    if (el.name !== 'a' && el.name !== 'area') return;
    const attr = scanAttributes(text, el.startIndex ?? 0).find((a) => a.name === 'href');
    if (attr) out.push({ tag: el.name, attr });
  });
  return out;
}
