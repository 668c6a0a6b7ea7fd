/**
 * A/B variants: the per-variant utm_content, the label and colour edits (HTML with its VML
 * twin, the MJML source, an .eml's re-encoded HTML part), each variant linted, the manifest,
 * and the CLI's exit codes.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { CLEAN } from './cli-fixtures.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession } from '../src/session.js';
import { buildVariants, alignLists } from '../src/variants/variants.js';
import { ctaEdits } from '../src/variants/edit.js';
import { contentFor } from '../src/rewrite/plan.js';
import { resolveTrackOptions } from '../src/rewrite/options.js';
import { documentFromText } from '../src/input/index.js';
import { applyEdits } from '../src/engine/edits.js';
import { htmlPartOf } from '../src/input/eml.js';
import { parseColor } from '../src/css/color.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const FIX = fileURLToPath(new URL('../fixtures/', import.meta.url));
const DEMO = join(FIX, 'demo/newsletter.html');
const tmp = () => mkdtempSync(join(tmpdir(), 'inboxlint-variants-'));

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, 'variants', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('utm_content per variant', () => {
  it('auto content carries the variant after the CTA number and after a link number', () => {
    const o = resolveTrackOptions({ campaign: 'c', variant: 'b' });
    expect(contentFor({ index: 4, ctaIndex: 0, ctaLabel: 'Get my guide' }, o)).toBe('cta-1-b-get-my-guide');
    expect(contentFor({ index: 2 }, o)).toBe('link-3-b');
    expect(contentFor({ index: 2 }, resolveTrackOptions({ campaign: 'c' }))).toBe('link-3');
    expect(contentFor({ index: 0, ctaIndex: 1, ctaLabel: 'Go' }, resolveTrackOptions({ campaign: 'c', variant: 'c', content: '{variant}-{cta}' }))).toBe('c-go');
  });
  it('rejects a variant name that is not a short token', () => {
    expect(() => resolveTrackOptions({ campaign: 'c', variant: 'b c' })).toThrow(/track\.variant/);
  });
  it('track --variant tags every link', () => {
    const r = spawnSync(process.execPath, [BIN, 'track', DEMO, '--campaign', 'may', '--variant', 'b', '--dry-run'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout) as Array<{ utmContent: string | null; ctaIndex: number | null }>;
    const contents = m.map((e) => e.utmContent).filter(Boolean) as string[];
    expect(contents.length).toBeGreaterThan(3);
    expect(contents.every((c) => /^(cta-\d+-b(-|$)|link-\d+-b$)/.test(c))).toBe(true);
  });
});

describe('alignLists', () => {
  it('aligns lists by index, applies a list of one to all, refuses unequal lengths', () => {
    const l = alignLists({ text: ['x', 'y'], color: ['#000'] });
    expect(l.count).toBe(2);
    expect([l.at('text', 1), l.at('color', 1), l.at('subject', 0)]).toEqual(['y', '#000', undefined]);
    expect(() => alignLists({ text: ['x', 'y', 'z'], color: ['#000', '#fff'] })).toThrow(/--text given 3.*--color given 2/);
  });
});

describe('CTA edits (HTML)', () => {
  it('changes the label of the link and its VML twin, and every fill literal of the button (style, fillcolor), nothing else', async () => {
    const text = readFileSync(DEMO, 'utf8');
    const doc = await documentFromText(DEMO, text);
    const cta = doc.ctas[1];
    const out = applyEdits(text, ctaEdits(doc, cta, { text: 'Save my seat', color: parseColor('#0a7f3f') as never }));
    const before = text.split('\n');
    const after = out.split('\n');
    const changed = after.map((l, i) => (l !== before[i] ? i + 1 : 0)).filter(Boolean);
    expect(changed).toEqual([94, 96, 100]);
    expect(after[93]).toContain('fillcolor="#0a7f3f"');
    expect(after[95]).toContain('>Save my seat</center>');
    expect(after[99]).toContain('background-color:#0a7f3f;');
    expect(after[99]).toContain('color:#ffffff;'); // the label colour stays
    const doc2 = await documentFromText(DEMO, out);
    expect(doc2.ctas[1].label).toBe('Save my seat');
    expect(doc2.ctas[1].vmlLabel).toBe('Save my seat');
  });

  it('escapes a label that holds markup characters', async () => {
    const text = readFileSync(DEMO, 'utf8');
    const doc = await documentFromText(DEMO, text);
    const out = applyEdits(text, ctaEdits(doc, doc.ctas[1], { text: 'Save <my> seat & more' }));
    expect(out).toContain('>Save &lt;my&gt; seat &amp; more</a>');
    expect((await documentFromText(DEMO, out)).ctas[1].label).toBe('Save <my> seat & more');
  });

  it('refuses a colour change on a CTA that paints no fill, naming the CTA', async () => {
    const text = readFileSync(DEMO, 'utf8');
    const doc = await documentFromText(DEMO, text);
    const outline = doc.ctas[2]; // "Start your free trial": a border, no fill
    expect(() => ctaEdits(doc, outline, { color: parseColor('red') as never })).toThrow(/CTA 3 \("Start your free trial"\) paints no fill/);
  });

  it('property: any label reads back as the CTA label of the variant (button and VML twin)', async () => {
    const text = readFileSync(DEMO, 'utf8');
    const doc = await documentFromText(DEMO, text);
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9&<>"'!?€]{1,10}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 1, maxLength: 4 }), async (words) => {
        const label = words.join(' ');
        const out = applyEdits(text, ctaEdits(doc, doc.ctas[1], { text: label }));
        const d = await documentFromText(DEMO, out);
        expect(d.ctas[1].label).toBe(label);
        expect(d.ctas[1].vmlLabel).toBe(label);
      }),
      { numRuns: 25 },
    );
  });
});

describe('buildVariants', () => {
  it('HTML: control + two variants, each tracked per variant and linted; a colour below contrast is an error', async () => {
    const out = tmp();
    const session = await createSession({ cwd: out });
    try {
      const r = await buildVariants(session, DEMO, { cta: 2, texts: ['Save my seat', 'Join the webinar'], colors: ['#0a7f3f', '#ffd400'], outDir: out, track: { campaign: 'may' } });
      expect(r.variants.map((v) => [v.name, v.label, v.color])).toEqual([
        ['a', 'Click here', '#2454d6'],
        ['b', 'Save my seat', '#0a7f3f'],
        ['c', 'Join the webinar', '#ffd400'],
      ]);
      const contrast = (name: string) => r.variants.find((v) => v.name === name)!.lint.messages.filter((m) => m.ruleId === 'cta-contrast' && m.severity === 2);
      expect(contrast('b')).toEqual([]);
      expect(contrast('c')).toHaveLength(1);
      expect(contrast('c')[0].message).toMatch(/Join the webinar.*#ffd400/);
      const tested = r.manifest.filter((m) => m.tested);
      expect(tested.map((m) => m.utmContent)).toEqual(['cta-2-a-click-here', 'cta-2-b-save-my-seat', 'cta-2-c-join-the-webinar']);
      expect(tested.every((m) => m.url.includes(`utm_content=${m.utmContent}`) && m.url.includes('utm_campaign=may'))).toBe(true);
      expect(tested.map((m) => [m.type, m.primary])).toEqual([['event', true], ['event', true], ['event', true]]);
      // Every CTA of every variant is listed (the join key for results), once.
      expect(r.manifest).toHaveLength(3 * 3);
      expect(new Set(r.manifest.map((m) => m.utmContent)).size).toBe(9);
    } finally {
      await session.close();
    }
  });

  it('MJML: the mj-button content and background-color are edited in the source', async () => {
    const file = join(FIX, 'mjml/components.mjml');
    const out = tmp();
    const session = await createSession({ cwd: out });
    try {
      const r = await buildVariants(session, file, { cta: 3, texts: ['Get my guide'], colors: ['#0a7f3f'], outDir: out, track: { campaign: 'x' }, noControl: true });
      expect(r.variants.map((v) => v.name)).toEqual(['b']);
      const src = r.variants[0].output;
      expect(src).toMatch(/<mj-button background-color="#0a7f3f" href="https:\/\/example\.com\/hero-cta\?[^"]*utm_content=cta-3-b-get-my-guide">Get my guide<\/mj-button>/);
      // The other button keeps its own colour.
      expect(src).toContain('background-color="#0055aa">Shop the sale</mj-button>');
      expect(r.variants[0].color).toBe('#0a7f3f');
      // An existing background-color attribute is replaced in place.
      const r2 = await buildVariants(session, file, { cta: 4, colors: ['rgb(0, 0, 0)'], outDir: out, track: { campaign: 'x' }, noControl: true });
      expect(r2.variants[0].output).toContain('background-color="#000000">Shop the sale</mj-button>');
    } finally {
      await session.close();
    }
  });

  it('.eml: the quoted-printable HTML part is edited and re-encoded; headers other than Subject stay', async () => {
    const file = join(FIX, 'eml/marketing-qp.eml');
    const original = readFileSync(file, 'latin1');
    const out = tmp();
    const session = await createSession({ cwd: out });
    try {
      const r = await buildVariants(session, file, { cta: 1, texts: ['Shop the sale — now'], colors: ['#0a7f3f'], subjects: ['Last day: 40 % off'], outDir: out, track: { campaign: 'x' } });
      const b = r.variants.find((v) => v.name === 'b')!;
      const info = htmlPartOf(b.output)!;
      expect(info.html).toContain('background:#0a7f3f;');
      expect(info.html).toContain('>Shop the sale — now</a>');
      expect(b.output).toContain('Subject: Last day: 40 % off');
      expect(b.output.split(/\r?\n/).every((l) => l.length <= 998)).toBe(true);
      const bodyLines = b.output.slice(info.part.bodyStart, info.part.bodyEnd).split(/\r?\n/);
      expect(bodyLines.every((l) => l.length <= 76)).toBe(true);
      // Everything before the Subject header is byte-identical.
      const subj = original.indexOf('Subject:');
      expect(b.output.slice(0, subj)).toBe(original.slice(0, subj));
      expect(r.manifest.find((m) => m.variant === 'b' && m.tested)).toMatchObject({ label: 'Shop the sale — now', color: '#0a7f3f', subject: 'Last day: 40 % off', utmContent: 'cta-1-b-shop-the-sale-now' });
    } finally {
      await session.close();
    }
  });
});

describe('inboxlint variants (CLI)', () => {
  it('writes the variant files and the manifest (CSV, JSON); exit 1 when a variant has errors', () => {
    const dir = tmp();
    const r = cli([DEMO, '--cta', '2', '--text', 'Save my seat', '--text', 'Join the webinar', '--color', '#0a7f3f', '--color', '#ffd400', '--campaign', 'may', '--out-dir', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/c .*"Join the webinar" #ffd400/);
    expect(r.stderr).toMatch(/error .*contrast.*cta-contrast/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['newsletter.a.html', 'newsletter.b.html', 'newsletter.c.html', 'variants.csv', 'variants.json']);
    const csv = readFileSync(join(dir, 'out/variants.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toBe('variant,file,cta,tested,label,color,subject,type,primary,fold,url,utmContent,language');
    expect(csv.filter((l) => l.includes(',true,Save my seat,#0a7f3f,'))).toHaveLength(1);
    const json = JSON.parse(readFileSync(join(dir, 'out/variants.json'), 'utf8'));
    expect(json).toHaveLength(9);
  });

  it('exit 0 with --no-control and a passing colour; exit 2 for unequal lists, writing nothing', () => {
    const dir = tmp();
    const button = CLEAN.replace('<a href="https://shop.example/spring">', '<a href="https://shop.example/spring" style="display:inline-block;background-color:#0a7f3f;color:#ffffff;padding:14px 28px;text-decoration:none">');
    writeFileSync(join(dir, 'clean.html'), button);
    const ok = cli(['clean.html', '--cta', '1', '--text', 'Shop the new linen', '--color', '#1d4ed8', '--campaign', 'may', '--no-control', '--out-dir', 'out'], dir);
    expect(ok.stderr).toMatch(/^b {2}out\/clean\.b\.html {2}"Shop the new linen" #1d4ed8 {2}0 error/m);
    expect(ok.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.html'))).toEqual(['clean.b.html']);
    const bad = cli([DEMO, '--cta', '2', '--text', 'A', '--text', 'B', '--text', 'C', '--color', '#000', '--color', '#111', '--campaign', 'may', '--out-dir', 'bad'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--text given 3/);
    expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+/);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
    const noCta = cli([DEMO, '--cta', '9', '--text', 'A', '--campaign', 'may', '--out-dir', 'bad'], dir);
    expect(noCta.code).toBe(2);
    expect(noCta.stderr).toMatch(/newsletter\.html.*no CTA 9/);
  });
});
