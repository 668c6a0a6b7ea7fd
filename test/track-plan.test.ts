/**
 * Property tests for the pure link planner (src/rewrite/plan.ts): one raw href value and its
 * context → a plan. No document: what holds here holds for HTML, MJML and .eml alike.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { planHref } from '../src/rewrite/plan.js';
import { resolveTrackOptions } from '../src/rewrite/options.js';
import { parseRawUrl } from '../src/rewrite/url.js';
import type { HrefContext } from '../src/rewrite/plan.js';

const word = fc.stringMatching(/^[a-zA-Z0-9_.~-]{0,8}$/);
const tag = fc.constantFrom('{{user.id}}', '*|EMAIL|*', '%%Key%%', '<%= id %>', '{slug}', '[code]');
const enc = fc.constantFrom('%20', '%C3%A9', '+', '&amp;', '&#38;', '&quot;', ' ', '=', '&', '?');
const piece = fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: tag }, { weight: 1, arbitrary: enc });
const segment = fc.array(piece, { maxLength: 4 }).map((xs) => xs.join(''));
const query = fc.array(fc.tuple(segment, fc.option(segment)), { maxLength: 4 }).map((ps) => ps.map(([k, v]) => (v === null ? k : `${k}=${v}`)).join('&amp;'));
const host = fc.constantFrom('https://example.com/', 'http://Example.com', 'HTTPS://x.example.org/a/', '//cdn.example.com/', '{{base_url}}/');
/** A raw href that points at a web page (it may still hold merge tags). */
const webHref = fc
  .tuple(host, segment, fc.option(query), fc.option(word))
  .map(([h, path, q, frag]) => `${h}${path.replace(/["\s]/g, '')}${q === null ? '' : `?${q.replace(/"/g, '')}`}${frag === null ? '' : `#${frag}`}`);
const ctxArb: fc.Arbitrary<HrefContext> = fc.record({
  index: fc.nat(50),
  ctaIndex: fc.option(fc.nat(5), { nil: undefined }),
  ctaLabel: fc.option(fc.constantFrom('Download the guide', 'Shop now', 'Été 2026 →', ''), { nil: undefined }),
  type: fc.option(fc.constantFrom('download', 'signup', 'other'), { nil: undefined }),
  file: fc.constant('emails/Spring Sale.html'),
  text: fc.constantFrom('Shop now', 'Read more', ''),
  quote: fc.constantFrom('"' as const, "'" as const),
  separator: fc.option(fc.constantFrom('&', '&amp;'), { nil: undefined }),
});
const optionsArb = fc.record({
  campaign: fc.constantFrom('spring-sale', 'Spring Sale 2026!', "l'été"),
  source: fc.option(fc.constantFrom('newsletter', 'news & co'), { nil: undefined }),
  content: fc.constantFrom('auto', 'none', '{cta}-{index}', '{file}-{type}'),
  overwrite: fc.boolean(),
  params: fc.constantFrom([], ['ref=x'], ['a=1', 'b=two words']),
});

/** True when `small` is `big` with characters taken out (in order). */
function isSubsequence(small: string, big: string): boolean {
  let i = 0;
  for (const ch of big) if (i < small.length && small[i] === ch) i++;
  return i === small.length;
}

describe('planHref properties', () => {
  it('never throws, whatever the href', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), webHref), ctxArb, optionsArb, (raw, ctx, options) => {
        const plan = planHref(raw, ctx, options);
        expect(['tracked', 'skipped']).toContain(plan.kind);
      }),
      { numRuns: 500 },
    );
  });

  it('only inserts (without overwrite): the original href is a subsequence of the tracked one, its fragment stays last', () => {
    fc.assert(
      fc.property(webHref, ctxArb, optionsArb, (raw, ctx, options) => {
        const plan = planHref(raw, ctx, { ...options, overwrite: false });
        if (plan.kind !== 'tracked') return;
        expect(isSubsequence(raw, plan.value)).toBe(true);
        // The generated fragment (a `#` that does not open a character reference like `&#38;`).
        const frag = /(?<!&)#[\w.~-]*$/.exec(raw)?.[0];
        if (frag) expect(plan.value.endsWith(frag)).toBe(true);
        expect(plan.replaced).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: planning the tracked value again changes nothing and adds nothing', () => {
    fc.assert(
      fc.property(webHref, ctxArb, optionsArb, (raw, ctx, options) => {
        const plan = planHref(raw, ctx, options);
        if (plan.kind !== 'tracked') return;
        const again = planHref(plan.value, ctx, options);
        expect(again).toMatchObject({ kind: 'tracked', value: plan.value, added: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('a tracked href carries every parameter the options ask for, in the stable order when added', () => {
    fc.assert(
      fc.property(webHref, ctxArb, optionsArb, (raw, ctx, options) => {
        const plan = planHref(raw, ctx, options);
        if (plan.kind !== 'tracked') return;
        const keys = parseRawUrl(plan.value).params.map((p) => p.key.toLowerCase());
        const o = resolveTrackOptions(options);
        const wanted = ['utm_medium', 'utm_campaign', ...(o.source ? ['utm_source'] : []), ...(o.content !== 'none' ? ['utm_content'] : []), ...o.custom.map(([k]) => k.toLowerCase())];
        for (const k of wanted) expect(keys).toContain(k);
        const order = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', ...o.custom.map(([k]) => k)];
        const added = plan.added.map((k) => order.indexOf(k));
        expect(added).toEqual([...added].sort((a, b) => a - b));
      }),
      { numRuns: 500 },
    );
  });

  it('never tracks a non-web scheme, an in-page anchor or an opted-out link', () => {
    fc.assert(
      fc.property(fc.constantFrom('mailto:', 'tel:', 'sms:', 'javascript:', 'data:', 'cid:', '#', 'ftp://'), word, ctxArb, optionsArb, (scheme, rest, ctx, options) => {
        expect(planHref(`${scheme}${rest}`, ctx, options).kind).toBe('skipped');
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(webHref, ctxArb, optionsArb, (raw, ctx, options) => {
        expect(planHref(raw, { ...ctx, optOut: true }, options)).toEqual({ kind: 'skipped', reason: 'opt-out' });
      }),
      { numRuns: 100 },
    );
  });
});
