/**
 * The A/B statistics against jstat (an independent implementation) and published worked
 * examples: Newcombe's Wilson intervals, R's p.adjust and power.prop.test.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { chiSquare, chiSquareSf, holm, normalCdf, normalInv, probabilityToBeat, sampleSizePerGroup, twoProportionZ, wilson } from '../src/results/stats.js';

const require = createRequire(import.meta.url);
const { jStat } = require('jstat') as { jStat: any };

describe('distributions against jstat', () => {
  it('normal cdf and its inverse', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(Math.abs(normalCdf(x) - jStat.normal.cdf(x, 0, 1))).toBeLessThan(2e-7);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalInv(p)).toBeCloseTo(jStat.normal.inv(p, 0, 1), 5);
      }),
    );
  });
  it('chi-square upper tail', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 60, noNaN: true }), fc.integer({ min: 1, max: 12 }), (x, df) => {
        expect(Math.abs(chiSquareSf(x, df) - (1 - jStat.chisquare.cdf(x, df)))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('tests', () => {
  it('Wilson intervals: Newcombe (1998), Statistics in Medicine 17:857–872, Table I (method 3)', () => {
    const cases: Array<[number, number, number, number]> = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lo, hi] of cases) {
      const [l, h] = wilson({ x, n });
      expect(l).toBeCloseTo(lo, 4);
      expect(h).toBeCloseTo(hi, 4);
    }
  });

  it('two-proportion z-test: p from the normal tail (jstat), and z² equals the 2×2 chi-square', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 50000 }), fc.integer({ min: 50, max: 50000 }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), (na, nb, ra, rb) => {
        const a = { x: Math.round(na * ra), n: na };
        const b = { x: Math.round(nb * rb), n: nb };
        const z = twoProportionZ(a, b);
        expect(z.p).toBeCloseTo(2 * (1 - jStat.normal.cdf(Math.abs(z.z), 0, 1)), 6);
        const c = chiSquare([a, b]);
        expect(c.chi2).toBeCloseTo(z.z * z.z, 6);
        expect(c.p).toBeCloseTo(z.p, 6);
      }),
      { numRuns: 50 },
    );
  });

  it('chi-square over three variants against the textbook sum and jstat', () => {
    const groups = [
      { x: 120, n: 5000 },
      { x: 150, n: 5000 },
      { x: 95, n: 5000 },
    ];
    const r = chiSquare(groups);
    // Expected counts: 365/15000 of each 5000 = 121.667 clicks.
    const e1 = (5000 * 365) / 15000;
    const e0 = 5000 - e1;
    const manual = groups.reduce((s, g) => s + (g.x - e1) ** 2 / e1 + (g.n - g.x - e0) ** 2 / e0, 0);
    expect(r.chi2).toBeCloseTo(manual, 9);
    expect(r.df).toBe(2);
    expect(r.p).toBeCloseTo(1 - jStat.chisquare.cdf(manual, 2), 9);
    expect(r.p).toBeLessThan(0.01);
  });

  it('probability to beat: the closed form equals numerical integration of the Beta posteriors (jstat)', () => {
    const integrate = (a: { x: number; n: number }, b: { x: number; n: number }) => {
      // P(pB > pA) = ∫ f_B(t) F_A(t) dt, Simpson's rule on [0, 1] with 20,000 intervals.
      const N = 20000;
      let s = 0;
      for (let i = 0; i <= N; i++) {
        const t = i / N;
        const w = i === 0 || i === N ? 1 : i % 2 ? 4 : 2;
        s += w * jStat.beta.pdf(t, b.x + 1, b.n - b.x + 1) * jStat.beta.cdf(t, a.x + 1, a.n - a.x + 1);
      }
      return (s / N) / 3;
    };
    const cases = [
      [{ x: 20, n: 500 }, { x: 32, n: 500 }],
      [{ x: 3, n: 40 }, { x: 1, n: 45 }],
      [{ x: 50, n: 1000 }, { x: 50, n: 1000 }],
    ] as const;
    for (const [a, b] of cases) expect(probabilityToBeat(a, b)).toBeCloseTo(integrate(a, b), 5);
    expect(probabilityToBeat({ x: 50, n: 1000 }, { x: 50, n: 1000 })).toBeCloseTo(0.5, 6);
  });

  it("Holm's adjustment: R's p.adjust(c(0.01, 0.04, 0.03, 0.005), 'holm')", () => {
    const r = holm([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(r[i]).toBeCloseTo(v, 12));
    expect(holm([0.5, 0.9])).toEqual([1, 1]); // monotone: the larger p is never adjusted below the smaller one's
  });

  it("sample size for 80 % power: R's power.prop.test(p1 = .10, p2 = .15, power = .8) gives n = 685.7 per group", () => {
    expect(sampleSizePerGroup(0.1, 0.15)).toBe(686);
    expect(sampleSizePerGroup(0.04, 0.04)).toBe(Infinity);
  });
});
