/**
 * The fold has one home (src/model/fold.ts): cta-above-fold's option defaults, render's views,
 * the snapshot and the language server all read it, and a config's folds reach each of them.
 */
import { describe, it, expect } from 'vitest';
import { DEFAULT_FOLDS, belowFold, foldsFromRules } from '../src/model/fold.js';
import { parseView } from '../src/render/view-spec.js';
import ctaAboveFold from '../rules/cta-above-fold/index.js';

describe('the fold', () => {
  it('is cta-above-fold\'s option defaults', () => {
    expect(ctaAboveFold.options.mobileFold.default).toBe(DEFAULT_FOLDS.mobile);
    expect(ctaAboveFold.options.desktopFold.default).toBe(DEFAULT_FOLDS.desktop);
    expect(DEFAULT_FOLDS).toEqual({ mobile: 500, desktop: 350 });
    expect(ctaAboveFold.description).toContain(`${DEFAULT_FOLDS.mobile} px down`);
  });

  it('comes from a config\'s cta-above-fold options, else the defaults', () => {
    expect(foldsFromRules(undefined)).toEqual(DEFAULT_FOLDS);
    expect(foldsFromRules({ 'cta-above-fold': { options: { mobileFold: 620 } } })).toEqual({ mobile: 620, desktop: 350 });
    expect(foldsFromRules({ 'cta-above-fold': { options: { mobileFold: -1, desktopFold: Number.NaN } } })).toEqual(DEFAULT_FOLDS);
    expect(foldsFromRules({ 'cta-above-fold': { options: { desktopFold: '400' } } })).toEqual(DEFAULT_FOLDS);
  });

  it('a box starts below it only past it', () => {
    expect(belowFold(500, 500)).toBe(false);
    expect(belowFold(500.5, 500)).toBe(true);
  });

  it('sets render\'s named views and scales to custom ones', () => {
    expect(parseView('mobile').fold).toBe(DEFAULT_FOLDS.mobile);
    expect(parseView('desktop', { mobile: 500, desktop: 420 }).fold).toBe(420);
    expect(parseView('375x1334').fold).toBe(DEFAULT_FOLDS.mobile * 2);
  });
});
