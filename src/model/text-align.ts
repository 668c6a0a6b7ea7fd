/**
 * Aligns two nearly identical texts (the compiled HTML of an MJML file with and without the
 * source markers) so an offset in one maps to the corresponding offset in the other.
 * Token-level Myers diff after trimming the common prefix and suffix; the edit distance is
 * capped (returns null beyond it) so a pathological pair cannot stall a lint.
 */

/** Equal runs: [offsetInA, offsetInB, length] in characters, sorted. */
export type Runs = Array<[number, number, number]>;

const TOKEN_RE = /[A-Za-z0-9_-]+|\s+|[^A-Za-z0-9_\s-]/g;

function tokenize(s: string): { ids: Int32Array; starts: Int32Array } {
  const starts: number[] = [];
  const ids: number[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s))) {
    starts.push(m.index);
    ids.push(intern(m[0]));
  }
  starts.push(s.length);
  return { ids: Int32Array.from(ids), starts: Int32Array.from(starts) };
}

let dict = new Map<string, number>();
function intern(t: string): number {
  let v = dict.get(t);
  if (v === undefined) {
    v = dict.size;
    dict.set(t, v);
  }
  return v;
}

export function alignTexts(a: string, b: string, maxEdits = 2000): Runs | null {
  if (a === b) return [[0, 0, a.length], [a.length, b.length, 0]];
  dict = new Map();
  const A = tokenize(a);
  const B = tokenize(b);
  const n = A.ids.length;
  const m = B.ids.length;
  let pre = 0;
  while (pre < n && pre < m && A.ids[pre] === B.ids[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && A.ids[n - 1 - suf] === B.ids[m - 1 - suf]) suf++;
  const pairs = myers(A.ids.subarray(pre, n - suf), B.ids.subarray(pre, m - suf), maxEdits);
  if (!pairs) return null;
  // Matched token index pairs, in order, including prefix and suffix.
  const matched: Array<[number, number]> = [];
  for (let k = 0; k < pre; k++) matched.push([k, k]);
  for (const [x, y] of pairs) matched.push([x + pre, y + pre]);
  for (let k = suf; k > 0; k--) matched.push([n - k, m - k]);
  const runs: Runs = [];
  for (const [x, y] of matched) {
    const as = A.starts[x];
    const bs = B.starts[y];
    const len = A.starts[x + 1] - as;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[2] === as && last[1] + last[2] === bs) last[2] += len;
    else runs.push([as, bs, len]);
  }
  // The ends of both texts correspond (an empty run there keeps mapOffset total).
  runs.push([a.length, b.length, 0]);
  return runs;
}

/** Maps an offset in A to B. Offsets in text only A has go to where that text would be in B. */
export function mapOffset(runs: Runs, offset: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  if (hi < 0) return offset;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid][0] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const [as, bs, len] = runs[lo];
  if (offset < as) return bs;
  if (offset <= as + len) return bs + (offset - as);
  const next = runs[lo + 1];
  return next ? next[1] : bs + len;
}

/** Returns matched index pairs of the longest common subsequence, or null past maxEdits. */
function myers(a: Int32Array, b: Int32Array, maxEdits: number): Array<[number, number]> | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) x = v[offset + k + 1];
      else x = v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break outer;
      }
    }
  }
  if (found < 0) return null;
  // Backtrack. trace[d] holds v[-d-1 .. d+1] as it was BEFORE step d.
  const pairs: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d];
    const get = (k: number) => vd[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && get(k - 1) < get(k + 1)) ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      pairs.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    pairs.push([x, y]);
  }
  return pairs.reverse();
}
