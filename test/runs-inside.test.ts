/**
 * runsInside (src/model/contrast.ts): the text runs inside an element, found by source position
 * instead of a scan of every run per button (that scan made cta-contrast quadratic in the number
 * of buttons: 62% of the time of a 4 MB template). It must answer exactly what the scan answers.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Element } from 'domhandler';
import { EmailDocument } from '../src/model/document.js';
import { runsInside } from '../src/model/contrast.js';
import { isInside } from '../src/tree.js';
import { emailHtml } from './arbitraries.js';

describe('runsInside', () => {
  it('equals the scan of every run, for every element, in light, dark and phone runs', () => {
    fc.assert(
      fc.property(emailHtml, (text) => {
        const doc = new EmailDocument({ filePath: 'p.html', text });
        for (const runs of [doc.textRuns, doc.darkTextRuns].filter(Boolean)) {
          for (const el of doc.renderedElements as Element[]) {
            expect(runsInside(runs!, el)).toEqual(runs!.filter((r) => isInside(r.element, el)));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds each button’s own label among 300 buttons', () => {
    const button = (i: number) => `<table><tr><td bgcolor="#1565c0" style="padding:12px"><a href="https://x.com/${i}" style="color:#fff">Buy ${i}</a></td></tr></table>`;
    const doc = new EmailDocument({ filePath: 'p.html', text: `<body>${Array.from({ length: 300 }, (_, i) => `<p>Intro ${i}</p>${button(i)}`).join('')}</body>` });
    const cells = (doc.renderedElements as Element[]).filter((e) => e.name === 'td');
    expect(cells).toHaveLength(300);
    cells.forEach((td, i) => expect(runsInside(doc.textRuns, td).map((r) => r.text)).toEqual([`Buy ${i}`]));
  });
});
