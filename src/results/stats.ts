/**
 * The statistics `inboxlint results` states about A/B variants. Plain arithmetic, deterministic
 * (no sampling), each method with its source. test/results-stats.test.ts checks them against
 * jstat and published worked examples.
 */

/**
 * Complementary error function, W. J. Cody's rational Chebyshev approximations
 * ("Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–637),
 * as in the Numerical Recipes `erfc` (fractional error < 1.2e-7 everywhere).
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Inverse of Φ: Acklam's rational approximation (relative error < 1.15e-9), refined by one
 * Halley step. P. J. Acklam, "An algorithm for computing the inverse normal cumulative
 * distribution function" (2003), https://web.archive.org/web/20151030215612/http://home.online.no/~pjacklam/notes/invnorm/
 */
export function normalInv(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for x > 0. */
function logGamma(x: number): number {
  const g = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * Regularized upper incomplete gamma Q(a, x): the series for x < a + 1, Lentz's continued
 * fraction otherwise (Numerical Recipes, 3rd ed., §6.2).
 */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let del = sum;
    for (let n = 1; n < 10000; n++) {
      del *= x / (a + n);
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(lead);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(lead) * h;
}

/** Upper tail of the chi-square distribution with `df` degrees of freedom. */
export function chiSquareSf(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}

export interface Proportion {
  /** Successes (clicks). */
  x: number;
  /** Trials (delivered, else sent). */
  n: number;
}

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law of
 * succession, and statistical inference", JASA 22 (1927) 209–212; recommended over the Wald
 * interval by Brown, Cai & DasGupta, Statistical Science 16 (2001) 101–133).
 */
export function wilson({ x, n }: Proportion, confidence = 0.95): [number, number] {
  if (n <= 0) return [0, 1];
  const z = normalInv(1 - (1 - confidence) / 2);
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Two-proportion z-test with the pooled standard error (two-sided). NIST/SEMATECH e-Handbook of
 * Statistical Methods, §7.3.3 "How can we determine whether two processes produce the same
 * proportion of defectives?", https://www.itl.nist.gov/div898/handbook/prc/section3/prc33.htm
 */
export function twoProportionZ(a: Proportion, b: Proportion): { z: number; p: number } {
  const p = (a.x + b.x) / (a.n + b.n);
  const se = Math.sqrt(p * (1 - p) * (1 / a.n + 1 / b.n));
  if (!(se > 0)) return { z: 0, p: 1 };
  const z = (b.x / b.n - a.x / a.n) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

/**
 * Pearson's chi-square test of independence on a k × 2 table (clicked / not clicked per
 * variant), df = k − 1. For k = 2 it equals the squared z of the pooled z-test.
 * NIST e-Handbook §1.3.5.15 (chi-square goodness of fit) and §7.4.5; the statistic is
 * Σ (O − E)² / E over all cells.
 */
export function chiSquare(groups: readonly Proportion[]): { chi2: number; df: number; p: number } {
  const N = groups.reduce((s, g) => s + g.n, 0);
  const X = groups.reduce((s, g) => s + g.x, 0);
  let chi2 = 0;
  for (const g of groups) {
    const e1 = (g.n * X) / N;
    const e0 = (g.n * (N - X)) / N;
    if (e1 > 0) chi2 += (g.x - e1) ** 2 / e1;
    if (e0 > 0) chi2 += (g.n - g.x - e0) ** 2 / e0;
  }
  const df = groups.length - 1;
  return { chi2, df, p: df > 0 ? chiSquareSf(chi2, df) : 1 };
}

/**
 * P(p_B > p_A) with independent Beta(1 + x, 1 + n − x) posteriors (uniform priors), in closed
 * form: Evan Miller, "Formulas for Bayesian A/B testing" (2014),
 * https://www.evanmiller.org/bayesian-ab-testing.html — a sum of x_B + 1 terms, exact up to
 * floating point, no sampling.
 */
export function probabilityToBeat(control: Proportion, variant: Proportion): number {
  const aA = control.x + 1;
  const bA = control.n - control.x + 1;
  const aB = variant.x + 1;
  const bB = variant.n - variant.x + 1;
  // Σ_{i=0}^{aB−1} B(aA + i, bA + bB) / ((bB + i) B(1 + i, bB) B(aA, bA)); in logs, summed stably.
  const lbA = logBeta(aA, bA);
  let total = 0;
  for (let i = 0; i < aB; i++) total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - lbA);
  return Math.min(1, Math.max(0, total));
}

/**
 * Holm's step-down adjustment of p-values for m simultaneous tests (S. Holm, "A simple
 * sequentially rejective multiple test procedure", Scand. J. Statist. 6 (1979) 65–70):
 * sorted ascending, p_(i) × (m − i + 1), made monotone, capped at 1. Same order as the input.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], k) => {
    running = Math.max(running, Math.min(1, (m - k) * p));
    out[i] = running;
  });
  return out;
}

/**
 * Sample size per group for a two-sided two-proportion test to detect p1 vs p2 with the given
 * power (Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed., 2003,
 * eq. 4.14, without continuity correction):
 * n = (z_{α/2} √(2 p̄ q̄) + z_β √(p1 q1 + p2 q2))² / (p1 − p2)².
 */
export function sampleSizePerGroup(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
  if (p1 === p2) return Infinity;
  const za = normalInv(1 - alpha / 2);
  const zb = normalInv(power);
  const pbar = (p1 + p2) / 2;
  const n = (za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p1 - p2) ** 2;
  return Math.ceil(n);
}
