/**
 * A process-wide cache of what was parsed from a text (a declaration list, a colour, a
 * stylesheet, a media query): templates repeat the same texts many times, and one sender's
 * templates share them. Bounded (cleared when full); each key is stored as its own copy, so a
 * cached text never keeps the document it was cut from alive. Values are shared: never changed.
 */
export class TextCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(text: string): V | undefined {
    return this.map.get(text);
  }

  /** Stores `make(copy)` for `text` (`copy`: the stored copy of the text, for values cut from it) and returns it. */
  add(text: string, make: (copy: string) => V): V {
    if (this.map.size >= this.max) this.map.clear();
    const copy = ownCopy(text);
    const value = make(copy);
    this.map.set(copy, value);
    return value;
  }
}

/** A copy of `s` that shares no memory with the string it was cut from (short strings are copies already). */
function ownCopy(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
