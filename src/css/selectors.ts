/** Selectors: specificity, selector lists, the bucket (id, class, tag) of a selector's subject. Pure. */

/** Specificity as one comparable number (a·10⁶ + b·10³ + c). */
export function specificity(selector: string): number {
  let s = selector.replace(/"[^"]*"|'[^']*'/g, '""');
  s = s.replace(/:where\((?:[^()]|\([^()]*\))*\)/gi, '');
  s = s.replace(/:(not|is|matches|has|-webkit-any|-moz-any)\(/gi, ' (');
  let a = 0;
  let b = 0;
  let c = 0;
  s = s.replace(/\[[^\][]*\]/g, () => {
    b++;
    return ' ';
  });
  s = s.replace(/#(?:[\w-]|[^\x00-\x7f]|\\.)+/g, () => {
    a++;
    return ' ';
  });
  s = s.replace(/\.(?:[\w-]|[^\x00-\x7f]|\\.)+/g, () => {
    b++;
    return ' ';
  });
  s = s.replace(/::?(before|after|first-line|first-letter)\b|::[\w-]+/gi, () => {
    c++;
    return ' ';
  });
  s = s.replace(/:[\w-]+(\([^()]*\))?/g, () => {
    b++;
    return ' ';
  });
  for (const _ of s.matchAll(/(^|[\s>+~(,])[a-z][\w-]*/gi)) c++;
  return a * 1e6 + b * 1e3 + c;
}

/** Splits a selector list on top-level commas. */
export function splitSelectors(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * The classes and ids (`.name`, `#name`, lower-cased) that a selector's elements and their
 * relatives must carry: those written outside brackets, parentheses and quotes (`:not(.x)`
 * requires nothing). When no element of a document has one of them, the selector matches nothing
 * there. Conservative: a selector with an escape requires nothing.
 */
export function requiredNames(selector: string): string[] {
  const out: string[] = [];
  if (selector.includes('\\')) return out;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if ((ch === '.' || ch === '#') && depth === 0) {
      const m = CSS_NAME.exec(selector.slice(i + 1));
      if (m && !/[^\s.#[:>+~,*)]/.test(selector.charAt(i + 1 + m[0].length))) out.push(ch + m[0].toLowerCase());
    }
  }
  return out;
}
const CSS_NAME = /^-?[_a-zA-Z\u0080-\uffff][\w\u0080-\uffff-]*/;

/** The bucket a selector's subject falls in (its id, first class or tag), for fast matching. */
export function bucketKey(selector: string, quirks: boolean): string {
  const parts = selector.split(/\s*[\s>+~]\s*/);
  const last = parts[parts.length - 1].replace(/\[[^\][]*\]|\([^()]*\)/g, '');
  const id = /#([\w-]+)/.exec(last);
  if (id) return `#${quirks ? id[1].toLowerCase() : id[1]}`;
  const cls = /\.([\w-]+)/.exec(last);
  if (cls) return `.${quirks ? cls[1].toLowerCase() : cls[1]}`;
  const tag = /^([a-z][\w-]*)/i.exec(last);
  if (tag) return tag[1].toLowerCase();
  return '*';
}

/** Outlook.com's dark-mode attribute selectors (`[data-ogsc]`, `[data-ogsb]`, …). */
export const OG_ATTR = /\[\s*data-og[sa][cb]\s*\]/i;
export const OG_ATTR_ALL = /\[\s*data-og[sa][cb]\s*\]/gi;

/** The body of a `<!doctype …>` that opens the text (after a BOM, whitespace and comments), in one linear pass. */
function leadingDoctype(text: string): string | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (!text.startsWith('<!--', i)) break;
    const end = text.indexOf('-->', i + 4);
    if (end < 0) return undefined;
    i = end + 3;
  }
  const re = /<!doctype\s([^>]*)>/iy;
  re.lastIndex = i;
  return re.exec(text)?.[1];
}

/** True for documents a browser renders in quirks mode (no doctype, or a legacy one without a system id). */
export function isQuirksMode(text: string): boolean {
  const doctype = leadingDoctype(text);
  if (doctype === undefined) return true;
  const d = doctype.trim().toLowerCase();
  if (!d.startsWith('html')) return true;
  if (/^html\s*$/.test(d)) return false;
  const pub = /public\s+["']([^"']*)["']/.exec(d)?.[1] ?? '';
  const hasSystem = /public\s+["'][^"']*["']\s+["']/.test(d);
  if (/^-\/\/w3c\/\/dtd html 4\.01 (transitional|frameset)\/\//.test(pub)) return !hasSystem;
  if (/^-\/\/w3c\/\/dtd xhtml 1\.0 (transitional|frameset)\/\//.test(pub)) return false;
  if (/^-\/\/w3c\/\/dtd (html 4\.0|html 3|html 2)/.test(pub) || /^-\/\/ietf\/\/dtd html/.test(pub)) return true;
  return false;
}
