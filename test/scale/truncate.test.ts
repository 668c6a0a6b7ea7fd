import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphemeLength, graphemeSlice, truncate } from '../../src/rule-utils.js';

/** The definition truncate() must keep: count every grapheme, then cut. */
const reference = (s: string, max: number) => (graphemeLength(s) > max ? `${graphemeSlice(s, max - 1).trimEnd()}…` : s);

describe('truncate', () => {
  it('cuts by graphemes, as counting all of them and slicing would', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 90 }), fc.string({ unit: 'binary', maxLength: 90 }), fc.string({ maxLength: 90 }));
    fc.assert(fc.property(text, fc.integer({ min: 0, max: 70 }), (s, max) => truncate(s, max) === reference(s, max)), { numRuns: 2000 });
  });
  it('keeps emoji with modifiers whole and says when it cut', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(truncate(`${family.repeat(5)}`, 5)).toBe(family.repeat(5));
    expect(truncate(`${family.repeat(6)}`, 5)).toBe(`${family.repeat(4)}…`);
    expect(truncate('Shop the spring sale now', 10)).toBe('Shop the…');
  });
});
