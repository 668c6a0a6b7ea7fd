/**
 * HTML parsing with exact source ranges. htmlparser2 gives every node its start/end offsets;
 * this module adds what email needs on top: the markup hidden inside MSO conditional comments
 * (`<!--[if mso]>…<![endif]-->`, VML buttons live there) parsed as HTML with offsets into the
 * ORIGINAL text, and attribute name/value ranges read from the raw start tag.
 * The original text is never re-serialised.
 */
import { Parser } from 'htmlparser2';
import { DomHandler, Document, Comment, type AnyNode } from 'domhandler';
import type { Range } from './location.js';

const PARSER_OPTIONS = {
  withStartIndices: true,
  withEndIndices: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
  recognizeSelfClosing: true,
  decodeEntities: true,
} as const;

/**
 * htmlparser2 keeps its open elements (and foreign-content flags) innermost first, adding and
 * removing at the front (`unshift` / `shift`), which moves the whole stack each time: 100,000
 * nested elements cost 10^10 moves. This is the same stack, front at the END of an array, so
 * every operation the parser uses (`unshift`, `shift`, `indexOf`, `[i]`, `length`) costs O(1)
 * (`indexOf`: the distance it searches). A parser that uses the stack in any other way (another
 * htmlparser2 version) stops at once and the text is parsed again with the parser's own stack.
 * Put in once a stack gets long (`parseWith`).
 */
class StackShapeError extends Error {}

function frontStack<T>(initial: readonly T[]): T[] {
  const items = [...initial].reverse(); // items[items.length - 1] is the front, index 0
  const api = {
    unshift: (...xs: T[]) => {
      for (let i = xs.length - 1; i >= 0; i--) items.push(xs[i]);
      return items.length;
    },
    shift: () => items.pop(),
    indexOf: (x: T) => {
      const i = items.lastIndexOf(x);
      return i < 0 ? -1 : items.length - 1 - i;
    },
  };
  return new Proxy(items, {
    get(target, key) {
      if (typeof key !== 'string') return Reflect.get(target, key);
      if (key === 'length') return target.length;
      if (key in api) return api[key as keyof typeof api];
      const i = Number(key);
      if (Number.isInteger(i) && i >= 0 && String(i) === key) return target[target.length - 1 - i];
      // Anything else is a parser this stack was not written for: stop, never parse wrongly.
      throw new StackShapeError(`unsupported access ${key}`);
    },
    set(target, key, value) {
      // The parser only ever empties it (`length = 0` on reset).
      if (key === 'length' && value === 0) {
        target.length = 0;
        return true;
      }
      throw new StackShapeError(`unsupported write ${String(key)}`);
    },
  });
}

/** Parses `text` (or the slice [from, to)) into a domhandler Document whose indices point into `text`. */
export function parseFragment(text: string, from = 0, to = text.length): Document {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  let root: Document;
  try {
    root = parseWith(slice, true);
  } catch (err) {
    // A parser version that uses its stack in another way: parse again with its own stack.
    if (!(err instanceof StackShapeError)) throw err;
    root = parseWith(slice, false);
  }
  if (from !== 0) shiftIndices(root, from);
  return root;
}

/** How long the parser's own arrays may grow before they are swapped for `frontStack`s (moving a short array costs nothing). */
const DEEP = 256;

function parseWith(text: string, fastStack: boolean): Document {
  const handler = new DomHandler(undefined, { withStartIndices: true, withEndIndices: true });
  const parser = new Parser(handler, PARSER_OPTIONS);
  const inner = parser as unknown as { stack: unknown[]; foreignContext: unknown[] };
  if (fastStack && Array.isArray(inner.stack) && Array.isArray(inner.foreignContext)) {
    // Every element opened grows the arrays, and the parser reports it (`onopentagname`, after
    // growing them): the proxies, slower per operation, are put in only where an array got
    // long. Real templates nest a few dozen deep and never get there.
    let stackSwapped = false;
    let foreignSwapped = false;
    const cbs = handler as unknown as { onopentagname?: () => void };
    cbs.onopentagname = () => {
      if (!stackSwapped && inner.stack.length > DEEP) {
        inner.stack = frontStack(inner.stack);
        stackSwapped = true;
      }
      if (!foreignSwapped && inner.foreignContext.length > DEEP) {
        inner.foreignContext = frontStack(inner.foreignContext);
        foreignSwapped = true;
      }
      if (stackSwapped && foreignSwapped) cbs.onopentagname = undefined;
    };
  }
  parser.end(text);
  return handler.root;
}

function shiftIndices(node: AnyNode, by: number): void {
  const stack: AnyNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.startIndex != null) n.startIndex += by;
    if (n.endIndex != null) n.endIndex += by;
    if ('children' in n) for (const c of n.children) stack.push(c);
  }
}

/** `<!--[if mso]>…<![endif]-->` (hidden from non-Outlook) or `<!--[if !mso]><!-->…<!--<![endif]-->` (revealed). */
export interface ConditionalComment {
  /** `hidden`: the content is inside the comment; `revealed`: ordinary markup between two comments. */
  kind: 'hidden' | 'revealed';
  /** The condition, e.g. `mso`, `gte mso 9`, `!mso`, `mso | IE`. */
  condition: string;
  /** True when the markup is seen by Outlook (Word) rather than by other clients. */
  forOutlook: boolean;
  /** The whole construct in the source. */
  range: Range;
  /** The markup inside (for `hidden`, inside the comment; for `revealed`, between the comments). */
  contentRange: Range;
  /** For `hidden`: the parsed content, indices into the original text. */
  content?: Document;
  /** The comment node(s). */
  comment: Comment;
}

/** `<!--[if mso]>…<![endif]-->`: the comment's data. */
export const HIDDEN_RE = /^\[if\s([^\]]*)\]>([^]*)<!\[endif\]\s*$/i;
/** `<!--[if !mso]><!-->`, also written `<!--[if !mso]><!-- -->` or `<!--[if mso]>-->`. */
export const REVEALED_START_RE = /^\[if\s([^\]]*)\]>(?:<!(?:--)?)?\s*$/i;
/** `<!--<![endif]-->`. */
export const REVEALED_END_RE = /^\s*<!\[endif\]\s*$/i;

function isOutlookCondition(cond: string): boolean {
  const c = cond.trim().toLowerCase();
  if (c.startsWith('!')) return false;
  if (/^not\s/.test(c)) return false;
  return /mso|ie/.test(c);
}

/**
 * Finds the conditional comments among `comments` (in source order) and parses the markup of
 * the hidden ones. `text` is the original source.
 */
export function findConditionals(text: string, comments: readonly Comment[]): ConditionalComment[] {
  const out: ConditionalComment[] = [];
  let open: { comment: Comment; condition: string } | undefined;
  for (const comment of comments) {
    const data = comment.data;
    const start = comment.startIndex ?? 0;
    const end = Math.min(text.length, (comment.endIndex ?? start) + 1); // an unclosed comment ends one past the text
    const hidden = HIDDEN_RE.exec(data);
    if (hidden) {
      // Content begins after `<!--[if …]>`.
      const contentStart = start + 4 + data.indexOf(']>') + 2;
      const contentEnd = contentStart + hidden[2].length;
      out.push({
        kind: 'hidden',
        condition: hidden[1].trim(),
        forOutlook: isOutlookCondition(hidden[1]),
        range: { start, end },
        contentRange: { start: contentStart, end: contentEnd },
        content: parseFragment(text, contentStart, contentEnd),
        comment,
      });
      continue;
    }
    const rs = REVEALED_START_RE.exec(data);
    if (rs) {
      open = { comment, condition: rs[1].trim() };
      continue;
    }
    if (open && REVEALED_END_RE.test(data)) {
      const s = open.comment.startIndex ?? 0;
      out.push({
        kind: 'revealed',
        condition: open.condition,
        forOutlook: isOutlookCondition(open.condition),
        range: { start: s, end },
        contentRange: { start: (open.comment.endIndex ?? s) + 1, end: start },
        comment: open.comment,
      });
      open = undefined;
    }
  }
  return out;
}

/** One attribute as written in the source. */
export interface AttributeInfo {
  /** Lower-cased name. */
  name: string;
  nameRange: Range;
  /** The raw value's range, without quotes (empty range at the end of the name when the attribute has no value). */
  valueRange: Range;
  /** The value exactly as written (entities not decoded). */
  raw: string;
  quote: '"' | "'" | '';
}

/** True for the characters of `\s` (ECMAScript WhiteSpace and LineTerminator), by code: a regex test per character costs. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const GT = 62; // >
const SLASH = 47; // /
const EQ = 61; // =

/** Reads the attributes of the start tag that begins at `tagStart` (the `<`). */
export function scanAttributes(text: string, tagStart: number): AttributeInfo[] {
  const attrs: AttributeInfo[] = [];
  let i = tagStart + 1;
  const n = text.length;
  // Tag name.
  while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== GT && text.charCodeAt(i) !== SLASH) i++;
  while (i < n) {
    while (i < n && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === SLASH)) {
      if (text.charCodeAt(i) === SLASH && text.charCodeAt(i + 1) === GT) return attrs;
      i++;
    }
    if (i >= n || text.charCodeAt(i) === GT) return attrs;
    const nameStart = i;
    // Attribute names: anything but whitespace, /, >, = (and a leading = counts as a name char per spec).
    i++;
    while (i < n && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== GT && text.charCodeAt(i) !== SLASH && text.charCodeAt(i) !== EQ) i++;
    const nameEnd = i;
    let j = i;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === EQ) {
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const q = text[j];
      if (q === '"' || q === "'") {
        const close = text.indexOf(q, j + 1);
        const vEnd = close < 0 ? n : close;
        attrs.push({
          name: text.slice(nameStart, nameEnd).toLowerCase(),
          nameRange: { start: nameStart, end: nameEnd },
          valueRange: { start: j + 1, end: vEnd },
          raw: text.slice(j + 1, vEnd),
          quote: q,
        });
        i = close < 0 ? n : close + 1;
      } else {
        let k = j;
        while (k < n && !isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== GT) k++;
        attrs.push({
          name: text.slice(nameStart, nameEnd).toLowerCase(),
          nameRange: { start: nameStart, end: nameEnd },
          valueRange: { start: j, end: k },
          raw: text.slice(j, k),
          quote: '',
        });
        i = k;
      }
    } else {
      attrs.push({
        name: text.slice(nameStart, nameEnd).toLowerCase(),
        nameRange: { start: nameStart, end: nameEnd },
        valueRange: { start: nameEnd, end: nameEnd },
        raw: '',
        quote: '',
      });
      i = nameEnd;
    }
  }
  return attrs;
}

export type { Document, Comment };
