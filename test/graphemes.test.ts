import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphemeLength, graphemeSlice, graphemes } from '../src/rule-utils.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const reference = (s: string) => [...segmenter.segment(s)].map((x) => x.segment);

// Pieces that make clusters straddle a window's end: emoji with modifiers, ZWJ families, flags, combining marks, CRLF.
const piece = fc.constantFrom('a', ' ', '👍🏽', '👨‍👩‍👧', '🇫🇷', '🇩', 'e\u0301', '\u0301', '\r\n', '\r', '漢', '{{', '\u200d', '\ufe0f');

describe('graphemes', () => {
  it('segments long strings exactly as Intl.Segmenter does on the whole string', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 0, maxLength: 1500 }), (parts) => {
        const s = parts.join('');
        expect([...graphemes(s)]).toEqual(reference(s));
        expect(graphemeLength(s)).toBe(reference(s).length);
      }),
      { numRuns: 60 },
    );
  });

  it('slices by user-perceived characters', () => {
    const s = '👍🏽'.repeat(2000);
    expect(graphemeSlice(s, 1500)).toBe('👍🏽'.repeat(1500));
  });

  it('counts a 340,000-character string (V8 iterates segments in time quadratic in the string)', () => {
    // The whole string at once takes minutes; windowed it is linear. Asserted by count, not by time.
    expect(graphemeLength('{{ {% *| %% <% [ '.repeat(20000))).toBe(340000);
  });
});
