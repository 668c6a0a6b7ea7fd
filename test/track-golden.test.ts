/**
 * Golden fixtures for `inboxlint track`: fixtures/track/<case>/input.html is rewritten with the
 * options in options.json (over the defaults below) and compared BYTE FOR BYTE with
 * expected.html; the expected output must be a fixed point (tracking twice == once) and may
 * differ from the input only inside href values.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { track } from '../src/rewrite/track.js';
import { checkRewrite } from '../src/rewrite/verify.js';
import { documentFromText } from '../src/input/index.js';

const root = fileURLToPath(new URL('../fixtures/track/', import.meta.url));
// `link-{index}` keeps the goldens independent of CTA detection; `auto` is covered in track-core.test.ts.
const DEFAULTS = { campaign: 'spring-sale', source: 'newsletter', content: 'link-{index}' };
const cases = readdirSync(root).filter((n) => existsSync(`${root}${n}/input.html`));

describe('track golden fixtures', () => {
  it('has the fixture set', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
  for (const name of cases) {
    it(name, async () => {
      const dir = `${root}${name}/`;
      const options = { ...DEFAULTS, ...(existsSync(`${dir}options.json`) ? JSON.parse(readFileSync(`${dir}options.json`, 'utf8')) : {}) };
      const expected = readFileSync(`${dir}expected.html`);
      const r = await track(`${dir}input.html`, options);
      expect(Buffer.from(r.output, r.encoding).equals(expected), `${name}: output differs from expected.html`).toBe(true);
      // Idempotent: the expected output is a fixed point.
      const again = await track({ text: r.output, filePath: `${dir}expected.html` }, options);
      expect(again.output).toBe(r.output);
      expect(again.changed).toBe(false);
      // Only href values changed, and none was damaged (overwrite replaces values on purpose).
      const doc = await documentFromText(`${dir}input.html`, readFileSync(`${dir}input.html`, 'utf8'));
      const check = checkRewrite(doc, options.openPixel ? r.output.replace(/<img src="[^"]*" width="1" height="1" alt="" border="0" style="display:block;width:1px;height:1px;border:0;" \/>/, '') : r.output);
      const damage = check.damage.filter((d) => !(options.overwrite && d.kind === 'existing-params'));
      expect(damage).toEqual([]);
      expect(r.manifest.length).toBe(doc.links.length);
    });
  }
});
