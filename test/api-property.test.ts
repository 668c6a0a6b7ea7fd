/**
 * Property tests across the public API (src/index.ts) on arbitrary text and on generated email
 * HTML and MJML (test/arbitraries.ts):
 * - `lint` never throws and never lets a rule crash; every message is well-formed (a rule id, or
 *   an engine message: fatal input error or unused directive), points inside the input, and
 *   linting twice gives the same messages;
 * - `inspect` never throws anything but InputError, and its CTAs are links of the document;
 * - `track` keeps every byte outside the hrefs and is idempotent on whole emails;
 * - fixes (`lint --fix`) apply, change nothing outside their ranges, and converge;
 * - `renderTemplate` draws every requested view of generated emails in real Chromium.
 * Fixed seed (test/setup-fast-check.ts); `npm run fuzz` explores fresh seeds.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, inspect, track, createSession, EmailDocument, InputError, type LintMessage, type LintResult, type Session, type Config } from '../src/index.js';
import { allRules } from '../rules/index.js';
import { LineIndex } from '../src/model/location.js';
import { checkRewrite } from '../src/rewrite/verify.js';
import { selectFixes, fixUntilStable, MAX_FIX_PASSES } from '../src/engine/fix.js';
import { applyEdits } from '../src/engine/edits.js';
import { lintDocument } from '../src/engine/linter.js';
import { renderTemplate } from '../src/render/render.js';
import { sharedRenderer } from './shared-browser.js';
import { emailHtml, mjmlSource, textArb } from './arbitraries.js';

const RUNS = Number(process.env.API_PROPERTY_RUNS ?? 60);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round((n * RUNS) / 60)) });

/** Exploring (`npm run fuzz`): API_PROPERTY_TRACE=file logs each input before it runs, so a hang names its input. */
const traceFile = process.env.API_PROPERTY_TRACE;
const trace = (what: string, input: string) => {
  if (traceFile) appendFileSync(traceFile, `${new Date().toISOString()} ${what} ${JSON.stringify(input)}\n`);
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-api-prop-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ruleIds = new Set(allRules.map((r) => r.id));
/** Every rule, at mixed severities: the recommended set plus the rules that are off by default. */
const configs: Config[] = [
  { extends: 'inboxlint:recommended', rules: { 'tracking-params': 'warn' } },
  { extends: 'inboxlint:strict' },
];
const configArb = fc.constantFrom(...configs);
const subjectArb = fc.option(textArb, { nil: undefined });

const decoded = fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder('utf-8').decode(b));
const arbitraryText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 200 }), decoded);

/** The engine's own messages (ruleId null): a fatal input problem, or a directive that suppressed nothing. */
const engineMessage = (m: LintMessage) => (m.fatal === true && m.severity === 2) || (m.severity === 1 && /^Unused inboxlint-(disable|enable|disable-next-line|disable-line)\b/.test(m.message));

/** What every lint result must satisfy for `input` (the text of the file the user edits). */
function checkResult(input: string, r: LintResult, kind: 'html' | 'mjml'): void {
  const lines = new LineIndex(input);
  const lineLength = (line: number) => (line < lines.lineCount ? lines.offset(line + 1) : input.length) - lines.offset(line);
  for (const m of r.messages) {
    const where = `${m.ruleId ?? 'engine'} at ${m.line}:${m.column}-${m.endLine}:${m.endColumn}: ${m.message}`;
    if (m.ruleId === null) expect(engineMessage(m), where).toBe(true);
    else {
      expect(ruleIds.has(m.ruleId), where).toBe(true);
      // A rule that threw is reported as a fatal message of that rule: never acceptable here.
      expect(m.fatal, where).toBeUndefined();
    }
    expect([1, 2], where).toContain(m.severity);
    expect(m.message.length, where).toBeGreaterThan(0);
    for (const n of [m.line, m.column, m.endLine, m.endColumn]) expect(Number.isInteger(n), where).toBe(true);
    expect(m.line, where).toBeGreaterThanOrEqual(1);
    expect(m.column, where).toBeGreaterThanOrEqual(1);
    expect(m.line, where).toBeLessThanOrEqual(lines.lineCount);
    expect(m.endLine, where).toBeGreaterThanOrEqual(m.line);
    expect(m.endLine, where).toBeLessThanOrEqual(lines.lineCount);
    if (m.endLine === m.line) expect(m.endColumn, where).toBeGreaterThanOrEqual(m.column);
    // A column is at most one past the end of its line (line ends are not columns).
    expect(m.column, where).toBeLessThanOrEqual(lineLength(m.line) + 1);
    expect(m.endColumn, where).toBeLessThanOrEqual(lineLength(m.endLine) + 1);
    if (kind === 'html') {
      expect(m.range.start, where).toBeGreaterThanOrEqual(0);
      expect(m.range.end, where).toBeGreaterThanOrEqual(m.range.start);
      expect(m.range.end, where).toBeLessThanOrEqual(input.length);
      if (m.fix) {
        expect(m.fix.range.start, where).toBeGreaterThanOrEqual(0);
        expect(m.fix.range.end, where).toBeGreaterThanOrEqual(m.fix.range.start);
        expect(m.fix.range.end, where).toBeLessThanOrEqual(input.length);
      }
    } else expect(m.fix, where).toBeUndefined(); // MJML: fixes are offered as suggestions only
  }
  expect(r.errorCount + r.warningCount).toBe(r.messages.length);
}

/** The parts of a result that must not change from one run to the next. */
const stable = (r: LintResult) => r.messages.map(({ ruleId, severity, message, line, column, endLine, endColumn, range, fix, suggestions, fatal }) => ({ ruleId, severity, message, line, column, endLine, endColumn, range, fix, suggestions, fatal }));

async function lintOnce(text: string, filePath: string, config: Config, subject?: string): Promise<LintResult> {
  trace(`lint ${filePath}`, text);
  const results = await lint({ text, filePath: join(dir, filePath) }, { cwd: dir, config, subject, cacheDir: null });
  expect(results).toHaveLength(1);
  return results[0];
}

describe('lint never throws, and its messages point inside the input', () => {
  it('on arbitrary strings, grapheme strings and decoded bytes', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryText, configArb, async (text, config) => {
        const r = await lintOnce(text, 'any.html', config);
        checkResult(text, r, 'html');
        // Only blank text is refused (one fatal message): anything else is linted as HTML.
        expect(r.messages.some((m) => m.fatal)).toBe(text.trim() === '');
      }),
      { ...runs(150), examples: [[''], ['\r'], ['\r\n\r'], ['\uFEFF'], ['<'], ['<!--[if mso]>'], ['<a href="x'], ['\uD800']].map(([t]) => [t, configs[1]] as [string, Config]) },
    );
  });

  it('on generated email HTML, the same twice', async () => {
    await fc.assert(
      fc.asyncProperty(emailHtml, configArb, subjectArb, async (text, config, subject) => {
        const r = await lintOnce(text, 'email.html', config, subject);
        checkResult(text, r, 'html');
        if (text.trim()) expect(r.fatalErrorCount).toBe(0);
        const again = await lintOnce(text, 'email.html', config, subject);
        expect(stable(again)).toEqual(stable(r));
      }),
      {
        ...runs(60),
        examples: [
          // An element left open at the end of the text ended one past it (preheader-length's range).
          ['\n\n<head><title>{{subject}}</title>\n<style></head>\n', configs[0], undefined],
          // A rem on the body the browser makes above <html> asked the root's size, which asked the body's (stack overflow).
          ['\n<HTML LANG=fr>\n<head><style>body { font-size:.8rem }</style></head>\n', configs[0], undefined],
        ],
      },
    );
  });

  it('on generated MJML: findings, or one fatal message naming the problem (the InputError contract of lint)', async () => {
    await fc.assert(
      fc.asyncProperty(mjmlSource, configArb, async (text, config) => {
        const r = await lintOnce(text, 'email.mjml', config);
        checkResult(text, r, 'mjml');
        const fatal = r.messages.filter((m) => m.fatal);
        // An MJML file that cannot be compiled is one fatal message (ruleId null) and nothing else.
        if (fatal.length) expect(r.messages).toEqual(fatal.slice(0, 1));
      }),
      runs(25),
    );
  });
});

describe('inspect', () => {
  it('never throws anything but InputError; its CTAs are links of the document and at most one is primary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: emailHtml }, { weight: 1, arbitrary: arbitraryText }), async (text) => {
        let results;
        trace('inspect', text);
        try {
          results = await inspect({ text, filePath: join(dir, 'email.html') });
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          expect(text.trim()).toBe('');
          return;
        }
        expect(results).toHaveLength(1);
        const [r] = results;
        const doc = new EmailDocument({ filePath: 'email.html', text });
        const hrefs = new Set(doc.links.map((l) => l.href));
        expect(r.links.map((l) => l.href)).toEqual(doc.links.map((l) => l.href));
        for (const c of r.ctas) {
          expect(hrefs.has(c.href), `CTA "${c.label}" → ${c.href}`).toBe(true);
          if (c.vml) expect(hrefs.has(c.vml.href)).toBe(true);
        }
        expect(r.ctas.filter((c) => c.primary).length).toBeLessThanOrEqual(1);
        expect(r.ctas.map((c) => c.index)).toEqual(r.ctas.map((_, i) => i));
        for (const l of r.links) if (l.ctaIndex !== null) expect(r.ctas[l.ctaIndex]).toBeDefined();
      }),
      { ...runs(60), examples: [['<html lang="de">\n<head><style>@media (min-width: 601px) { body, td.btn a { font-size:.8rem } }</style></head>\n']] },
    );
  });
});

describe('inspect on MJML', () => {
  it('returns the compiled email\'s CTAs and links, or throws InputError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(mjmlSource, async (text) => {
        const filePath = join(dir, 'email.mjml');
        trace('inspect mjml', text);
        let results;
        try {
          results = await inspect({ text, filePath });
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          expect((err as InputError).filePath).toBe(filePath);
          expect((err as InputError).describe()).toContain(filePath);
          return;
        }
        const [r] = results;
        const hrefs = new Set(r.links.map((l) => l.href));
        for (const c of r.ctas) expect(hrefs.has(c.href), `CTA "${c.label}" → ${c.href}`).toBe(true);
        const lines = new LineIndex(text).lineCount;
        for (const x of [...r.ctas, ...r.links]) {
          expect(x.line).toBeGreaterThanOrEqual(1);
          expect(x.line).toBeLessThanOrEqual(lines);
        }
      }),
      runs(20),
    );
  });
});

describe('track on generated email HTML', () => {
  const options = fc.record({
    campaign: fc.constantFrom('spring-sale', "l'été 2026", '*|CAMPAIGN_UID|*'),
    content: fc.constantFrom('auto', 'none', '{cta}-{index}'),
    overwrite: fc.boolean(),
  });
  it('keeps every byte outside the hrefs, damages no link, and tracking twice equals once', async () => {
    await fc.assert(
      fc.asyncProperty(emailHtml, options, async (text, opts) => {
        if (!text.trim()) return;
        const filePath = join(dir, 'email.html');
        trace('track', text);
        const r = await track({ text, filePath }, opts);
        const doc = new EmailDocument({ filePath, text });
        const damage = checkRewrite(doc, r.output).damage.filter((d) => !(opts.overwrite && d.kind === 'existing-params'));
        expect(damage).toEqual([]);
        const again = await track({ text: r.output, filePath }, opts);
        expect(again.output).toBe(r.output);
      }),
      {
        ...runs(60),
        examples: [
          // A text link and a hero image to one place: once tracked, their hrefs differed by utm_content,
          // so the image became the CTA and the second run renamed both links.
          [
            '<table><tr><td><a href="https://shop.example.com/spring?utm_source=x&amp;id=3">{{user.id}}</a></td></tr>\n<tr><td><a href="https://shop.example.com/spring?utm_source=x&amp;id=3"><img src="https://example.com/hero.jpg"></a></td></tr></table>',
            { campaign: 'spring-sale', content: 'auto', overwrite: true },
          ],
        ],
      },
    );
  });
});

describe('fixes', () => {
  let session: Session;
  beforeAll(async () => {
    session = await createSession({ cwd: dir, config: configs[1], cacheDir: null });
  });
  afterAll(() => session.close());

  it('apply without throwing, change nothing outside their ranges, are not reported again, and converge', async () => {
    await fc.assert(
      fc.asyncProperty(emailHtml, async (text) => {
        if (!text.trim()) return;
        const filePath = join(dir, 'email.html');
        trace('fix', text);
        const first = await session.lintText(text, { filePath });
        const fixes = selectFixes(first.messages);
        if (!fixes.length) return;
        const fixed = applyEdits(text, fixes);
        // Outside the fix ranges the text is the input's, byte for byte.
        let pos = 0;
        let out = 0;
        for (const f of fixes) {
          const keep = text.slice(pos, f.range.start);
          expect(fixed.slice(out, out + keep.length)).toBe(keep);
          out += keep.length;
          expect(fixed.slice(out, out + f.text.length)).toBe(f.text);
          out += f.text.length;
          pos = f.range.end;
        }
        expect(fixed.slice(out)).toBe(text.slice(pos));
        // The fixed findings are gone: no finding of the same rule offers the same edit where it was applied.
        const second = await session.lintText(fixed, { filePath });
        checkResult(fixed, second, 'html');
        let shift = 0;
        const applied = fixes.map((f) => {
          const at = f.range.start + shift;
          shift += f.text.length - (f.range.end - f.range.start);
          return { at, text: f.text };
        });
        for (const m of second.messages) {
          if (!m.fix) continue;
          expect(applied.some((a) => a.at === m.fix!.range.start && a.text === m.fix!.text && m.fix!.range.end > m.fix!.range.start), `${m.ruleId} fix again at ${m.line}:${m.column}`).toBe(false);
        }
        // And the passes of --fix end with nothing left to fix.
        const outcome = await fixUntilStable(text, first, (t) => session.lintText(t, { filePath }), (x) => x);
        expect(outcome.passes).toBeLessThan(MAX_FIX_PASSES);
        expect(selectFixes(outcome.last.messages)).toEqual([]);
      }),
      runs(60),
    );
  });
});

describe('renderTemplate in Chromium', () => {
  const renderRuns = Math.min(30, runs(8).numRuns);
  const shared = sharedRenderer('api property render');
  it('draws every requested view of generated emails, with the layout of each', async () => {
    const renderer = shared.need();
    if (!renderer) return;
    const session = await createSession({ cwd: dir, config: configs[0], cacheDir: null });
    try {
      const filePath = join(dir, 'render.html');
      const rules = (await session.configFor(filePath)).rules;
      const views = ['mobile', 'desktop'];
      await fc.assert(
        fc.asyncProperty(emailHtml, fc.boolean(), async (text, dark) => {
          if (!text.trim()) return;
          trace('render', text);
          const doc = new EmailDocument({ filePath, text });
          const result = await renderTemplate(doc, (d) => lintDocument(d, { rules }).messages, { renderer, views, dark, timeout: 30_000 });
          const ids = views.flatMap((v) => (dark ? [v, `${v}.dark`] : [v]));
          expect(result.views.map((v) => v.id).sort()).toEqual(ids.sort());
          for (const v of result.views) {
            for (const png of [v.png, v.fold, v.annotated]) expect(png?.subarray(1, 4).toString()).toBe('PNG');
            expect(v.layout.view.width).toBe(v.view.width);
            expect(v.layout.ctas).toHaveLength(doc.ctas.length);
            expect(v.layout.scrollHeight).toBeGreaterThanOrEqual(0);
            for (const f of v.layout.findings) expect(ruleIds.has(f.ruleId)).toBe(true);
          }
        }),
        { numRuns: renderRuns },
      );
    } finally {
      await session.close();
    }
  }, 60_000 + renderRuns * 20_000);

  it('draws a page millions of pixels long or wide, cut to its top-left part (the capture failed)', async () => {
    const renderer = shared.need();
    if (!renderer) return;
    const pngSize = (png: Buffer | undefined) => [png!.readUInt32BE(16), png!.readUInt32BE(20)];
    for (const [body, width, height] of [
      ['<div style="height:9999999px">tall</div>', 375, 30_000],
      ['<div style="width:9999999px">wide</div>', 1_600, undefined],
    ] as const) {
      const doc = new EmailDocument({ filePath: join(dir, 'huge.html'), text: `<!DOCTYPE html><html><body style="margin:0">${body}</body></html>` });
      const { views } = await renderTemplate(doc, [], { renderer, views: ['mobile'] });
      const [w, h] = pngSize(views[0].png);
      expect(w).toBe(width * 2);
      if (height) expect(h).toBe(height * 2);
      // The annotated picture holds the same cut-off picture, with its margins and legend beside it.
      expect(views[0].layout.annotated!.email).toMatchObject({ width: w / 2, height: h / 2 });
      expect(pngSize(views[0].annotated)[0]).toBe(Math.round(views[0].layout.annotated!.width * 2));
      expect(views[0].layout.notes.join(' ')).toMatch(/full-length pictures show its top-left/);
    }
  }, 120_000);
});

/**
 * Counterexamples the properties found, kept as fixed cases. A hang cannot be interrupted inside
 * the test process, so those run through the CLI with a timeout.
 */
describe('counterexamples', () => {
  const bin = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
  const lintsInTime = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    const r = spawnSync(process.execPath, [bin, 'lint', file, '--format', 'json', '--max-file-time', '0'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal, 'killed after 30 s').toBeNull();
    expect([0, 1]).toContain(r.status);
    return JSON.parse(r.stdout) as LintResult[];
  };

  it('a huge word in a very narrow box is laid out in one step, not one line at a time', () => {
    // 9999999px text in a 1% cell of a 1% table (0.06 px): the static layout looped once per line.
    const [r] = lintsInTime('narrow.html', '<table width="1%"><tr><td width="1%"><p style="font-size:9999999px">Hello</p><a href="https://example.com/x" style="display:inline-block;padding:12px;background:#000;color:#fff">Shop now</a></td></tr></table>');
    expect(r.messages.some((m) => m.ruleId === 'cta-above-fold')).toBe(true);
  });
});
