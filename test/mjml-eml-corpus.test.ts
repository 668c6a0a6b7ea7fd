/**
 * Every MJML and .eml file of the shared corpus lints with all rules on without a crash; the
 * only input errors allowed are the genuinely unlintable files (an .eml without an HTML part,
 * an MJML partial or a template without mj-body), each with a clear message. Finding counts
 * per rule are printed (the two MJML compiler-fixture repositories apart from the rest).
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadFile } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { allRules } from '../rules/index.js';
import { InputError } from '../src/errors.js';
import { track } from '../src/rewrite/track.js';
import { htmlPartOf } from '../src/input/eml.js';
import { mjmlSourceLinks } from '../src/rewrite/track-mjml.js';
import { CORPUS_DIR, corpusPresent } from './corpus.js';

const present = corpusPresent('MJML/.eml corpus');

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}
const COMPILER_FIXTURES = /preslavrachev__gomjml|FelixSchwarz__mjml-python/;
const ALLOWED_INPUT_ERRORS = /no text\/html part|no <mjml> root element \(found <mj-|no <mj-body>/;

describe.runIf(present).each(['.mjml', '.eml'])('corpus %s', (ext) => {
  it('lints every file without a crash', async () => {
    const rules = Object.fromEntries(allRules.map((r) => [r.id, { severity: r.severity }]));
    const counts: Record<string, Record<string, number>> = {};
    const inputErrors: string[] = [];
    let linted = 0;
    for (const f of files(CORPUS_DIR, ext)) {
      const group = COMPILER_FIXTURES.test(f) ? 'compiler fixtures (gomjml, mjml-python)' : 'rest';
      try {
        const doc = await loadFile(f);
        const r = lintDocument(doc, { rules, reportUnusedDirectives: false });
        linted++;
        for (const m of r.messages) {
          expect(m.fatal, `${f}: ${m.message}`).toBeFalsy();
          expect(m.line).toBeGreaterThanOrEqual(1);
          const c = (counts[group] ??= {});
          c[m.ruleId ?? '(engine)'] = (c[m.ruleId ?? '(engine)'] ?? 0) + 1;
        }
      } catch (err) {
        expect(err, `${f}: ${(err as Error).stack}`).toBeInstanceOf(InputError);
        expect((err as InputError).message).toMatch(ALLOWED_INPUT_ERRORS);
        inputErrors.push(`${relative(CORPUS_DIR, f)}: ${(err as InputError).message}`);
      }
    }
    console.log(`${ext}: ${linted} linted, ${inputErrors.length} input errors\n${JSON.stringify(counts, null, 1)}\n${inputErrors.join('\n')}`);
    expect(linted).toBeGreaterThan(ext === '.mjml' ? 190 : 10);
  }, 300_000);

  it('track keeps every byte outside what it may change', async () => {
    let tracked = 0;
    for (const f of files(CORPUS_DIR, ext)) {
      const r = await track(f, { campaign: 'corpus', source: 'test' }).catch((e) => e);
      if (r instanceof Error) {
        expect(r, `${f}: ${r.stack}`).toBeInstanceOf(InputError);
        continue;
      }
      tracked++;
      if (ext === '.eml') {
        const a = readFileSync(f).toString('latin1');
        const b = Buffer.from(r.output, r.encoding).toString('latin1');
        const pa = htmlPartOf(a)!.part;
        const pb = htmlPartOf(b)!.part;
        expect(b.slice(0, pb.bodyStart), f).toBe(a.slice(0, pa.bodyStart));
        expect(b.slice(pb.bodyEnd), f).toBe(a.slice(pa.bodyEnd));
      } else {
        const a = readFileSync(f, 'utf8');
        const strip = (s: string) => {
          let out = '';
          let pos = 0;
          for (const l of mjmlSourceLinks(s)) {
            out += s.slice(pos, l.attr.valueRange.start);
            pos = l.attr.valueRange.end;
          }
          return out + s.slice(pos);
        };
        expect(strip(r.output), f).toBe(strip(a));
      }
    }
    expect(tracked).toBeGreaterThan(ext === '.mjml' ? 190 : 10);
  }, 300_000);
});
