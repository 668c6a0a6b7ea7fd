/** Rating and NPS scales (step 8 of the CTA model, see ./index.ts): one survey action, not one CTA per step. */
import type { Link } from '../links.js';
import type { Cta, MicroConversion } from './types.js';
import { linksIn, nearest } from './dom.js';

/** A step of a rating scale: a number (0–10), a star or emoji run, or one letter grade. */
const SCALE_STEP = /^(?:\d{1,2}|[\p{Extended_Pictographic}\u2605\u2606\u2B50\uFE0F\u200D\s]{1,12})$/u;

/** Where a link goes, its query and fragment dropped (the scale's steps differ only there). */
function surveyKey(href: string): string {
  return href.trim().split(/[?#]/)[0].replace(/(?<!\/)\/+$/, '').toLowerCase();
}

/**
 * Rating and NPS scales (step 8): three or more links in one row (one parent row or block),
 * labelled with consecutive numbers or with stars/emoji, going to one survey (the same address
 * but for the query) are ONE survey action, not one CTA each. The first step stays, as a `form`
 * CTA (`survey.label` names the scale, "0–10"); the others are dropped from `ctas` in place.
 */
export function foldScales(ctas: Array<Omit<Cta, 'index' | 'primary'>>, links: readonly Link[]): void {
  const steps = links.filter((l) => l.tag === 'a' && !l.inConditional && !l.role && SCALE_STEP.test(l.text) && l.text.trim() !== '');
  if (steps.length < 3) return;
  const groups = new Map<string, Link[]>();
  for (const l of steps) {
    // The row: the nearest <tr> above its cell's table, else its block.
    const row = nearest(l.element, ['tr']) ?? nearest(l.element, ['p', 'div', 'td']);
    const outer = row && row.name === 'tr' && linksIn(row).length === 1 ? nearest(row, ['tr']) ?? row : row;
    const key = `${outer?.startIndex ?? -1} ${surveyKey(l.href)}`;
    const g = groups.get(key) ?? [];
    g.push(l);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    if (g.length < 3) continue;
    const nums = g.map((l) => (/^\d+$/.test(l.text.trim()) ? Number(l.text.trim()) : NaN));
    const numeric = nums.every((n) => !Number.isNaN(n));
    if (numeric && !nums.every((n, i) => i === 0 || n === nums[i - 1] + 1)) continue;
    if (!numeric && nums.some((n) => !Number.isNaN(n))) continue;
    const members = new Set(g.map((l) => l.element));
    const inScale = ctas.filter((c) => c.link && members.has(c.link.element));
    if (!inScale.length) continue;
    const [first, ...rest] = inScale;
    const label = numeric ? `${nums[0]}–${nums[nums.length - 1]}` : g.map((l) => l.text.trim()).join(' ');
    Object.assign(first, { survey: { links: g, elements: rest.map((r) => r.element), label }, type: 'form' as MicroConversion, reason: `a rating scale: ${g.length} links in one row to one survey` });
    for (const r of rest) ctas.splice(ctas.indexOf(r), 1);
  }
}
