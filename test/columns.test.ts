import { describe, it, expect } from 'vitest';
import { EmailDocument } from '../src/model/document.js';
import { columnRows, containerWidth, mediaRules } from '../src/model/columns.js';

const doc = (text: string) => new EmailDocument({ filePath: 't.html', text });

describe('columns', () => {
  it('finds fixed side-by-side cells that do not stack', () => {
    const rows = columnRows(doc('<table width="600"><tr><td width="300">A text</td><td width="300">B text</td></tr></table>'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ totalWidth: 600, stacking: 'none' });
  });

  it('recognises Cerberus stack-column media queries by class', () => {
    const d = doc(
      '<style>@media screen and (max-width: 600px) { .stack-column, .stack-column-center { display: block !important; width: 100% !important; } }</style>' +
        '<table width="600"><tr><td width="300" class="stack-column">A</td><td width="300" class="stack-column">B</td></tr></table>',
    );
    expect(mediaRules(d)[0].selectors).toEqual(['.stack-column', '.stack-column-center']);
    expect(columnRows(d)[0].stacking).toBe('media-query');
  });

  it('treats a min-width (mobile-first) query as no stacking for fixed cells', () => {
    const d = doc('<style>@media (min-width: 480px) { .c { display:block } }</style><table><tr><td width="300" class="c">A</td><td width="300" class="c">B</td></tr></table>');
    expect(columnRows(d)[0].stacking).toBe('none');
  });

  it('ignores spacer cells and narrow rows', () => {
    expect(columnRows(doc('<table><tr><td width="20"></td><td width="560">Only content</td><td width="20"></td></tr></table>'))).toEqual([]);
  });

  it('measures the container from width attributes and max-width', () => {
    expect(containerWidth(doc('<table width="100%"><tr><td><table width="100%" style="max-width:640px"><tr><td>x</td></tr></table></td></tr></table>'))?.width).toBe(640);
  });
});
