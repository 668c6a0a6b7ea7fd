import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  parseColor,
  parseLegacyColor,
  over,
  toHex,
  contrastRatio,
  truncateRatio,
  formatRatio,
  isLargeText,
  requiredRatio,
  WHITE,
  BLACK,
  type Rgba,
} from '../src/css/color.js';

const hex = (v: string, quirks = false) => {
  const c = parseColor(v, quirks);
  return c && c !== 'currentcolor' ? toHex(c) : c;
};

describe('parseColor', () => {
  it('reads every CSS colour syntax', () => {
    expect(hex('#abc')).toBe('#aabbcc');
    expect(hex('#AABBCC')).toBe('#aabbcc');
    expect(parseColor('#0000004d')).toMatchObject({ r: 0, g: 0, b: 0, a: 77 / 255 });
    expect(parseColor('#000a')).toMatchObject({ a: 170 / 255 });
    expect(hex('rgb(255, 0, 0)')).toBe('#ff0000');
    expect(parseColor('rgba(0,0,0,0.3)')).toMatchObject({ a: 0.3 });
    expect(parseColor('rgb(0 0 0 / 40%)')).toMatchObject({ a: 0.4 });
    expect(hex('hsl(120, 100%, 25%)')).toBe('#008000');
    expect(parseColor('hsla(0, 0%, 0%, 0.9)')).toMatchObject({ a: 0.9 });
    expect(hex('CornflowerBlue')).toBe('#6495ed');
    expect(parseColor('transparent')).toMatchObject({ a: 0 });
    expect(parseColor('currentColor')).toBe('currentcolor');
  });

  it('rejects what browsers drop, and accepts hashless hex only in quirks mode', () => {
    expect(parseColor('fff')).toBeUndefined();
    expect(parseColor('banana')).toBeUndefined();
    expect(parseColor('var(--x)')).toBeUndefined();
    expect(hex('fff', true)).toBe('#ffffff');
    expect(hex('333', true)).toBe('#000333'); // a number token is zero-padded (Chromium)
    expect(parseColor('ffff', true)).toBeUndefined();
  });
});

describe('parseLegacyColor (bgcolor, <font color>)', () => {
  it('follows the HTML legacy colour rules', () => {
    expect(toHex(parseLegacyColor('chucknorris')!)).toBe('#c00000');
    expect(toHex(parseLegacyColor('#fff')!)).toBe('#ffffff');
    expect(toHex(parseLegacyColor('ffffff')!)).toBe('#ffffff');
    expect(toHex(parseLegacyColor('red')!)).toBe('#ff0000');
    expect(toHex(parseLegacyColor('#1a1a2e')!)).toBe('#1a1a2e');
    expect(parseLegacyColor('transparent')).toBeUndefined();
    expect(parseLegacyColor('  ')).toBeUndefined();
  });
});

describe('compositing and the WCAG ratio', () => {
  it('composites translucent colours over what lies beneath', () => {
    expect(toHex(over({ r: 0, g: 0, b: 0, a: 0.5 }, WHITE))).toBe('#808080');
    expect(over({ r: 0, g: 0, b: 0, a: 0 }, { r: 0, g: 0, b: 0, a: 0 }).a).toBe(0);
  });

  it('computes known ratios and truncates instead of rounding', () => {
    expect(contrastRatio(BLACK, WHITE)).toBeCloseTo(21, 5);
    expect(formatRatio(contrastRatio(parseColor('#777777') as Rgba, WHITE))).toBe('4.47');
    expect(truncateRatio(4.499)).toBe(4.49);
    expect(truncateRatio(4.5)).toBe(4.5);
    expect(formatRatio(contrastRatio(parseColor('#767676') as Rgba, WHITE))).toBe('4.54');
  });

  it('is symmetric, between 1 and 21, and stateless between calls', () => {
    const color = fc.record({ r: fc.integer({ min: 0, max: 255 }), g: fc.integer({ min: 0, max: 255 }), b: fc.integer({ min: 0, max: 255 }), a: fc.constant(1) });
    fc.assert(
      fc.property(color, color, (a, b) => {
        const r1 = contrastRatio(a, b);
        const r2 = contrastRatio(b, a);
        expect(r1).toBeCloseTo(r2, 10);
        expect(r1).toBeGreaterThanOrEqual(1);
        expect(r1).toBeLessThanOrEqual(21.0001);
        expect(contrastRatio(a, a)).toBeCloseTo(1, 10);
      }),
    );
  });

  it('knows large text and the thresholds per level', () => {
    expect(isLargeText(24, 400)).toBe(true);
    expect(isLargeText(18.66, 700)).toBe(true);
    expect(isLargeText(18.66, 600)).toBe(false);
    expect(isLargeText(18, 700)).toBe(false);
    expect([requiredRatio('AA', false), requiredRatio('AA', true), requiredRatio('AAA', false), requiredRatio('AAA', true)]).toEqual([4.5, 3, 7, 4.5]);
  });
});
