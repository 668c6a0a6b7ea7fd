/** JSON.parse with errors that name the line and column (V8's messages do not always give a position). */
import { LineIndex } from '../model/location.js';

export interface JsonSyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/** Parses `text`; on a syntax error returns the problem with its 1-based line/column. */
export function parseJson(text: string): { value: unknown } | { error: JsonSyntaxProblem } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { value: JSON.parse(body) };
  } catch (err) {
    const offset = syntaxErrorOffset(body);
    const pos = new LineIndex(body).position(offset);
    const what = offset >= body.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(body[offset])}`;
    void err;
    return { error: { message: `invalid JSON: ${what}`, ...pos } };
  }
}

/** Offset of the first JSON syntax error in `s` (a small recursive-descent scan). */
export function syntaxErrorOffset(s: string): number {
  let i = 0;
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (): never => {
    throw new Stop(i);
  };
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  const lit = (w: string) => {
    for (const c of w) {
      if (s[i] !== c) fail();
      i++;
    }
  };
  const str = () => {
    if (s[i] !== '"') fail();
    i++;
    while (i < s.length && s[i] !== '"') {
      const c = s.charCodeAt(i);
      if (c < 0x20) fail();
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          i++;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(s[i] ?? '')) fail();
          continue;
        }
        if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) fail();
      }
      i++;
    }
    if (s[i] !== '"') fail();
    i++;
  };
  const num = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        if (s[i] !== ':') fail();
        i++;
        value();
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  try {
    value();
    ws();
    if (i < s.length) fail();
  } catch (e) {
    if (e instanceof Stop) return Math.min(e.at, s.length);
    throw e;
  }
  return s.length;
}
