/**
 * src/rule-utils.ts is the one home of the helpers a rule may use, and the package exports
 * them for plugins: the same functions the built-in rules import.
 */
import { describe, it, expect } from 'vitest';
import * as api from '../src/index.js';
import * as utils from '../src/rule-utils.js';
import { escapeHtml } from '../src/escape.js';
import { documentFromText } from '../src/input/index.js';

describe('rule helpers', () => {
  it('are exported by the package, the very functions the built-in rules use', () => {
    for (const [name, value] of Object.entries(utils)) {
      expect((api as Record<string, unknown>)[name], name).toBe(value);
    }
    expect(api.escapeHtml).toBe(escapeHtml);
  });

  it('word a finding: the inferred mail type, an example label, how a box is known', () => {
    expect(utils.mailTypeBasis({ type: 'marketing', inferred: false, evidence: [] })).toBe('');
    expect(utils.mailTypeBasis({ type: 'transactional', inferred: true, evidence: ['"password reset"'] })).toBe(
      ' (mail type transactional, inferred from "password reset"; set mailType or --mail-type if that is wrong)',
    );
    expect(utils.exampleClause('Book your seat')).toBe(', e.g. "Book your seat"');
    expect(utils.exampleClause(undefined)).toBe('');
    expect(utils.howKnown(true)).toBe('measured in a render');
  });

  it('decide a run\'s contrast failure once, with its message data', async () => {
    const doc = await documentFromText('t.html', '<p style="color:#777777">Grey text</p><p style="color:#595959">Dark text</p>');
    const [grey, dark] = doc.textRuns;
    expect(utils.contrastFailure(grey, 'AA')).toMatchObject({ ratio: '4.47', required: '4.5', text: 'Grey text' });
    expect(utils.contrastFailure(grey, 'AA')?.fg).toMatch(/^#777777 \(from the style attribute on <p>, line 1\)$/);
    expect(utils.contrastFailure(dark, 'AA')).toBeUndefined();
    expect(utils.contrastFailure(dark, 'AAA')).toBeUndefined();
  });
});
