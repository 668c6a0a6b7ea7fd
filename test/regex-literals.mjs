// Collects regular-expression literals from TypeScript sources (a small scanner: strings, comments, templates skipped).
export function regexLiterals(src) {
  const out = [];
  let i = 0; let prev = ''; // last significant token char
  const braces = []; // open `{` count inside each enclosing template `${…}`
  const n = src.length;
  const idEnd = /[\w$)\]]/;
  while (i < n) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') { i = src.indexOf('\n', i); if (i < 0) break; continue; }
    if (c === '/' && src[i + 1] === '*') { i = src.indexOf('*/', i + 2) + 2; continue; }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && src[j] !== c) { if (src[j] === '\\') j++; j++; }
      i = j + 1; prev = 'a'; continue;
    }
    // A template literal: skip its text; `${` returns to code until its matching `}`.
    if (c === '`' || (c === '}' && braces.length && braces[braces.length - 1] === 0)) {
      if (c === '}') braces.pop();
      let j = i + 1;
      while (j < n && src[j] !== '`' && !(src[j] === '$' && src[j + 1] === '{')) { if (src[j] === '\\') j++; j++; }
      if (src[j] === '$') { braces.push(0); i = j + 2; prev = '('; continue; }
      i = j + 1; prev = 'a'; continue;
    }
    if (c === '{' && braces.length) braces[braces.length - 1]++;
    if (c === '}' && braces.length) braces[braces.length - 1]--;
    if (c === '/') {
      // A regex starts where an operand is expected: after an operator, punctuation or a keyword.
      const before = src.slice(Math.max(0, i - 8), i);
      const kw = /(?:return|typeof|case|of|in|=>)\s*$/.test(before);
      if (!idEnd.test(prev) || kw) {
        let j = i + 1; let cls = false;
        while (j < n && (cls || src[j] !== '/')) {
          if (src[j] === '\\') j++;
          else if (src[j] === '[') cls = true;
          else if (src[j] === ']') cls = false;
          else if (src[j] === '\n') break;
          j++;
        }
        if (src[j] === '/') {
          let k = j + 1; while (/[dgimsuyv]/.test(src[k] ?? '')) k++;
          out.push({ source: src.slice(i + 1, j), flags: src.slice(j + 1, k), offset: i });
          i = k; prev = 'a'; continue;
        }
      }
    }
    if (!/\s/.test(c)) prev = c;
    i++;
  }
  return out;
}
