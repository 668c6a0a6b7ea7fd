/**
 * Findings on an `.eml` point at the file as written (issue 12): through quoted-printable soft
 * breaks and escapes, base64 and UTF-8, and header findings at the header's line — in the
 * results, in SARIF and in GitHub annotations. Before, lines counted in the decoded HTML part.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFromText } from '../src/input/index.js';
import { lintDocument } from '../src/engine/linter.js';
import { EML_NOTE } from '../src/input/eml.js';
import { loadFile } from '../src/input/index.js';
import { allRules } from '../rules/index.js';
import { InputError } from '../src/errors.js';
import { CORPUS_DIR, corpusPresent } from './corpus.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/eml/', import.meta.url));

/** A message: headers, then a text part and an HTML part with the given transfer encoding and body lines. */
function message(opts: { headers?: string[]; encoding: string; charset?: string; body: string[]; eol?: string }): string {
  return [
    'From: Example Shop <news@example.com>',
    'To: reader@example.org',
    'Date: Tue, 03 Mar 2026 10:00:00 +0000',
    'Subject: =?UTF-8?Q?Spring_sale:_twenty_percent_off_everything_in_the_shop_=E2=80=94_caf?=',
    ' =?UTF-8?Q?=C3=A9_edition_for_the_whole_week?=',
    'MIME-Version: 1.0',
    ...(opts.headers ?? []),
    'Content-Type: multipart/alternative; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Spring sale.',
    '--b',
    `Content-Type: text/html; charset=${opts.charset ?? 'utf-8'}`,
    `Content-Transfer-Encoding: ${opts.encoding}`,
    '',
    ...opts.body,
    '--b--',
    '',
  ].join(opts.eol ?? '\r\n');
}

const rules = (ids: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, typeof v === 'object' ? { severity: 'warn' as const, options: v as Record<string, unknown> } : { severity: 'warn' as const }]));

async function lintEml(text: string, ruleIds: Record<string, unknown>) {
  const doc = await documentFromText('news.eml', text, { mailType: 'marketing' });
  return { doc, messages: lintDocument(doc, { rules: rules(ruleIds), reportUnusedDirectives: true }).messages };
}
const lineOf = (text: string, needle: string) => text.split(/\r?\n/).findIndex((l) => l.includes(needle)) + 1;

const QP_BODY = [
  '<html lang=3D"en"><head><meta charset=3D"utf-8"><title>Spring</title></head><body>',
  '<p>Caf=C3=A9 hours are 9 to 5, and this paragraph is long enough that the encoder has to =',
  'wrap it with a soft line break before the image that follows.</p><p>Look: <img src=3D"https://=',
  'example.com/a.jpg" width=3D"300"></p>',
  '<!-- inboxlint-disable-next-line img-alt -- the product shot is described in the text -->',
  '<p><img src=3D"https://example.com/b.jpg" width=3D"300"></p>',
  '<p><a href=3D"https://example.com/unsubscribe">Unsubscribe</a></p></body></html>',
];

describe('.eml findings point at the file as written', () => {
  it('quoted-printable: element findings at their .eml line and column; directives compare .eml lines', async () => {
    const text = message({ encoding: 'quoted-printable', body: QP_BODY, headers: ['List-Unsubscribe: <https://example.com/u/1>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] });
    const { doc, messages } = await lintEml(text, { 'img-alt': {} });
    expect(doc.facts.note).toBe('lines refer to the .eml file; ranges to the decoded text/html part');
    const alt = messages.filter((m) => m.ruleId === 'img-alt');
    // The first image only: the second one is suppressed by the directive on the .eml line above it.
    expect(alt).toHaveLength(1);
    const line = text.split('\r\n')[alt[0].line - 1];
    expect(alt[0].line).toBe(lineOf(text, 'Look: <img'));
    expect(alt[0].column).toBe(line.indexOf('<img') + 1);
    expect(messages.filter((m) => m.ruleId === null)).toEqual([]);
  });

  it('base64: the finding is on the base64 line that holds the element', async () => {
    const html = `<html lang="en"><head><title>Spring</title></head><body>${'<p>Spring is here, and the new knitwear has arrived in the shop.</p>\n'.repeat(8)}<img src="https://example.com/a.jpg" width="300"><p><a href="https://example.com/unsubscribe">Unsubscribe</a></p></body></html>`;
    const b64 = Buffer.from(html, 'utf8').toString('base64').match(/.{1,76}/g)!;
    const text = message({ encoding: 'base64', body: b64, eol: '\n' });
    const { messages } = await lintEml(text, { 'img-alt': {} });
    const [alt] = messages.filter((m) => m.ruleId === 'img-alt');
    const firstBody = lineOf(text, b64[0]);
    const byteAt = Buffer.byteLength(html.slice(0, html.indexOf('<img')), 'utf8');
    expect(alt.line).toBe(firstBody + Math.floor(Math.floor((byteAt / 3) * 4) / 76));
  });

  it('header findings: Subject at its (folded) header line, List-Unsubscribe at its header, a missing header at the header block', async () => {
    const body = ['<html lang="en"><head><title>Spring</title></head><body><p>Hi</p><p><a href="https://example.com/unsubscribe">Unsubscribe</a></p></body></html>'];
    const a = message({ encoding: '7bit', body, headers: ['List-Unsubscribe: <mailto:u@example.com>', 'List-Unsubscribe-Post: yes please'] });
    const ra = await lintEml(a, { 'subject-length': { max: 40 }, 'list-unsubscribe': {} });
    const at = (id: string) => ra.messages.find((m) => m.messageId === id)!;
    expect(at('tooLong').line).toBe(lineOf(a, 'Subject:'));
    expect(at('noHttps').line).toBe(lineOf(a, 'List-Unsubscribe: <mailto:'));
    expect(at('badPost').line).toBe(lineOf(a, 'List-Unsubscribe-Post:'));
    const b = message({ encoding: '7bit', body });
    const rb = await lintEml(b, { 'list-unsubscribe': {} });
    expect(rb.messages.map((m) => [m.messageId, m.line])).toEqual([['missing', 1]]);
  });

  it('a part in a charset that cannot be mapped byte for byte keeps decoded-part lines, and says so', async () => {
    const html = '<html lang="ja"><head><title>春</title></head><body>\n<p>春のセール</p>\n<img src="https://example.com/a.jpg"></body></html>';
    // Shift_JIS bytes of the text above, sent 8bit (TextDecoder decodes it; nothing maps its bytes to characters here).
    const sjis = '<html lang="ja"><head><title>\x8Ft</title></head><body>\n<p>\x8Ft\x82\xCC\x83Z\x81[\x83\x8B</p>\n<img src="https://example.com/a.jpg"></body></html>';
    const text = message({ encoding: '8bit', charset: 'shift_jis', body: [sjis], eol: '\n' });
    const { doc, messages } = await lintEml(text, { 'img-alt': {} });
    expect(doc.text).toBe(html);
    expect(doc.facts.note).toBe(EML_NOTE);
    expect(messages.find((m) => m.ruleId === 'img-alt')!.line).toBe(3);
  });
});

describe('CLI: SARIF and GitHub annotations on an .eml', () => {
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  it('point at the .eml lines of the header and of the element', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inboxlint-eml-lines-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const text = message({ encoding: 'quoted-printable', body: QP_BODY, headers: ['List-Unsubscribe: <mailto:u@example.com>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'] });
    writeFileSync(join(dir, 'news.eml'), text, 'latin1');
    const args = ['lint', 'news.eml', '--mail-type', 'marketing', '--rule', 'subject-length=warn:{"max":40}'];
    const sarif = run([...args, '--format', 'sarif'], dir);
    // Exit 1: the missing alt is an error.
    expect(sarif.status, sarif.stderr).toBe(1);
    const results = JSON.parse(sarif.stdout).runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }>;
    const where = (id: string) => results.find((r) => r.ruleId === id)!.locations[0].physicalLocation;
    expect(where('subject-length').region.startLine).toBe(lineOf(text, 'Subject:'));
    expect(where('list-unsubscribe').region.startLine).toBe(lineOf(text, 'List-Unsubscribe: <mailto:'));
    expect(where('img-alt').region.startLine).toBe(lineOf(text, 'Look: <img'));
    expect(where('img-alt').artifactLocation.uri).toMatch(/news\.eml$/);

    const gh = run([...args, '--format', 'github'], dir);
    expect(gh.status, gh.stderr).toBe(1);
    const ann = gh.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(ann.find((l) => l.includes('title=subject-length'))).toContain(`line=${lineOf(text, 'Subject:')},`);
    expect(ann.find((l) => l.includes('title=img-alt'))).toContain(`line=${lineOf(text, 'Look: <img')},`);
  });
});

const present = corpusPresent('corpus .eml lines');
const emls = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? emls(p) : p.endsWith('.eml') ? [p] : [];
  });

describe.runIf(present)('corpus .eml: every finding lands in the file as written', () => {
  it('element findings inside the HTML part, on the character they name; header findings on a header line', async () => {
    const rules = Object.fromEntries(allRules.map((r) => [r.id, { severity: r.severity }]));
    let checked = 0;
    let exact = 0;
    for (const f of emls(CORPUS_DIR)) {
      const doc = await loadFile(f).catch((e) => (e instanceof InputError ? undefined : Promise.reject(e)));
      if (!doc) continue;
      const raw = readFileSync(f).toString('latin1');
      const lines = raw.split(/\r\n|\r|\n/);
      const eml = doc.facts.eml!;
      const headerLines = new Set(Object.values(eml.headerLines));
      const partFirst = eml.htmlPart?.line ?? 1;
      const partLast = eml.htmlPart ? raw.slice(0, eml.htmlPart.bodyEnd).split(/\r\n|\r|\n/).length : lines.length;
      for (const m of lintDocument(doc, { rules }).messages) {
        if (m.fatal) continue;
        checked++;
        expect(m.line, `${f}: ${m.ruleId} line ${m.line}`).toBeLessThanOrEqual(lines.length);
        if (m.ruleId === 'list-unsubscribe' || m.ruleId?.startsWith('subject-')) {
          if (m.messageId !== 'charsetMismatch') expect(m.line === 1 || headerLines.has(m.line), `${f}: ${m.ruleId} at line ${m.line}, not a header`).toBe(true);
          continue;
        }
        if (doc.facts.note === EML_NOTE) continue;
        expect(m.line >= partFirst && m.line <= partLast, `${f}: ${m.ruleId} line ${m.line} outside the HTML part (${partFirst}–${partLast})`).toBe(true);
        // Outside base64, the mapped position holds the very character the range starts with
        // (a quoted-printable `=XX` escape stands for it).
        const ch = doc.text[m.range.start];
        if (eml.transferEncoding !== 'base64' && ch === '<' && m.range.end > m.range.start) {
          expect(lines[m.line - 1][m.column - 1], `${f}: ${m.ruleId} at ${m.line}:${m.column}`).toBe('<');
          exact++;
        }
      }
    }
    console.log(`corpus .eml: ${checked} findings checked, ${exact} on the exact character`);
    expect(exact).toBeGreaterThanOrEqual(25);
  }, 120_000);
});
