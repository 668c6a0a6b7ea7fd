/**
 * What an annotated picture says, without a browser (src/render/legend.ts): markers stacked
 * down a margin never overlap each other or a blocked band, and stay as near their element as
 * the ones above allow; legend entries group one rule's findings and number the document-level
 * ones first; each variant's picture carries its own findings.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { documentFromText } from '../src/input/index.js';
import { lintDocument, type RuleSetting } from '../src/engine/linter.js';
import { buildLegend, findingOfVariant, stack, MARKER_HEIGHT, type PlacedFinding } from '../src/render/legend.js';

async function lintCode(code: string, rules: Record<string, RuleSetting>) {
  return lintDocument(await documentFromText('t.html', code), { rules, reportUnusedDirectives: false }).messages;
}

describe('stack', () => {
  it('places items without overlaps, clear of blocked bands, never above where they point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 3000, noNaN: true }), { maxLength: 60 }),
        fc.option(fc.double({ min: 0, max: 3000, noNaN: true }), { nil: undefined }),
        (wants, band) => {
          const blocked = band === undefined ? [] : [{ top: band, bottom: band + 16 }];
          const tops = stack(wants, MARKER_HEIGHT, blocked);
          const spans = tops.map((t) => [t, t + MARKER_HEIGHT] as const).sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
          for (const [a, b] of spans) for (const x of blocked) expect(b <= x.top || a >= x.bottom).toBe(true);
          tops.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(Math.max(0, wants[i] - MARKER_HEIGHT / 2) - 1e-9));
          // Alone and unblocked, an item is centred on what it points at.
          if (wants.length === 1 && !blocked.length) expect(tops[0]).toBeCloseTo(Math.max(0, wants[0] - MARKER_HEIGHT / 2));
        },
      ),
    );
  });
});

describe('buildLegend', () => {
  const box = (top: number) => ({ top, left: 0, width: 100, height: 20, measured: true });
  const f = (ruleId: string, top: number | null, severity: 'error' | 'warning' = 'warning', line = 1): PlacedFinding => ({ ruleId, severity, message: `${ruleId} message`, line, box: top === null ? null : box(top) });

  it('groups one rule and severity into one entry with its count and lines, document-level entries first', () => {
    const findings = [f('table-role-presentation', 300, 'warning', 40), f('link-href', 100, 'error', 12), f('table-role-presentation', 50, 'warning', 10), f('html-lang', null, 'warning', 2), f('table-role-presentation', 900, 'warning', 40)];
    const { entries, numbers } = buildLegend(findings);
    expect(entries.map((e) => [e.n, e.ruleId, e.count, e.document])).toEqual([
      [1, 'html-lang', 1, true],
      [2, 'table-role-presentation', 3, false],
      [3, 'link-href', 1, false],
    ]);
    expect(entries[1].lines).toEqual([10, 40]);
    expect(numbers).toEqual([2, 3, 2, 1, 2]);
  });
});

describe('findingOfVariant', () => {
  it('gives the dark picture the dark scheme\'s findings, images off what blocking images changes, the base picture the rest', () => {
    const light = { dark: false, images: 'placeholder' };
    const dark = { dark: true, images: 'placeholder' };
    const off = { dark: false, images: 'off' };
    const cases: Array<[{ condition?: 'dark' | 'images-off' }, boolean, boolean, boolean]> = [
      [{ condition: 'dark' }, false, true, false],
      [{ condition: 'images-off' }, true, false, true],
      [{}, true, false, false],
    ];
    for (const [m, l, d, o] of cases) expect([findingOfVariant(m, light), findingOfVariant(m, dark), findingOfVariant(m, off)], String(m.condition)).toEqual([l, d, o]);
  });

  it('the rules set the condition of their findings (not told from message ids)', async () => {
    const darkRules = '<style>.bg{background:#ffffff}.t{color:#333333}@media (prefers-color-scheme: dark){.bg{background:#1e1e1e !important}.btn{background-color:#eeeeee !important}}</style>';
    const code =
      `${darkRules}<div class="bg"><p class="t">Invisible at night.</p><p style="color:#999999">Grey all day.</p>` +
      '<table><tr><td class="btn" bgcolor="#1565c0" style="padding:12px 24px"><a href="https://e.com/buy" style="color:#ffffff">Buy now</a></td></tr></table>' +
      '<img src="https://e.com/hero.png" width="600" height="300"></div>';
    const ms = await lintCode(code, { 'color-contrast': { severity: 'error' }, 'cta-contrast': { severity: 'error' }, 'img-alt': { severity: 'error' } });
    expect(ms.map((m) => `${m.ruleId}/${m.messageId}:${m.condition ?? ''}`).sort()).toEqual(['color-contrast/low:', 'color-contrast/lowDark:dark', 'cta-contrast/labelDark:dark', 'img-alt/missing:images-off']);
    const none = await lintCode('<p style="color:#333333">No dark rules.</p>', { 'color-contrast': { severity: 'error', options: { warnWithoutDarkMode: true } } });
    expect(none.map((m) => `${m.messageId}:${m.condition}`)).toEqual(['noDarkMode:dark']);
  });
});
