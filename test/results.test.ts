/**
 * `results`: each export format read (streamed), malformed rows named by line, the join to the
 * variants manifest by utm_content with unmatched clicks listed; `--history` in SQLite with
 * transactions (a failed import leaves the database as it was), locked and damaged databases.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readClickExport } from '../src/results/read.js';
import { analyze, readManifest, type ManifestCta } from '../src/results/analyze.js';
import { InputError } from '../src/errors.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'inboxlint-results-'));
const U = (c: string) => `https://shop.example/guide?utm_source=news&utm_medium=email&utm_campaign=spring&utm_content=${c}`;

function file(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const MANIFEST: ManifestCta[] = [
  ['a', 1, 'Learn more', '#2454d6', 'cta-1-a-learn-more', true],
  ['b', 1, 'Get my guide', '#0a7f3f', 'cta-1-b-get-my-guide', true],
  ['a', 2, 'Shop now', '#111111', 'cta-2-a-shop-now', false],
  ['b', 2, 'Shop now', '#111111', 'cta-2-b-shop-now', false],
].map(([variant, cta, label, color, utmContent, tested]) => ({
  variant: variant as string,
  cta: cta as number,
  label: label as string,
  color: color as string,
  type: cta === 1 ? 'download' : 'cart',
  fold: cta === 1 ? 'above' : 'below',
  primary: cta === 1,
  tested: tested as boolean,
  url: U(utmContent as string),
  utmContent: utmContent as string,
  subject: '',
  language: 'en',
  file: '',
}));

const noAudience = { sent: new Map<string, number>(), delivered: new Map([['*', 5000]]), opens: new Map<string, number>() };

describe('reading click exports', () => {
  it('generic url,clicks,unique_clicks CSV: utm_content taken from the URL', async () => {
    const dir = tmp();
    const r = await readClickExport(file(dir, 'c.csv', `url,clicks,unique_clicks\n"${U('cta-1-a-learn-more')}",250,200\n${U('cta-1-b-get-my-guide')},330,281\n`));
    expect(r.format).toBe('generic');
    expect(r.counts.map((c) => [c.utmContent, c.clicks, c.unique, c.line])).toEqual([
      ['cta-1-a-learn-more', 250, 200, 2],
      ['cta-1-b-get-my-guide', 330, 281, 3],
    ]);
  });

  it('Mailchimp click details ("URL","Total Clicks","Unique Clicks"), identical URLs kept apart by utm_content', async () => {
    const dir = tmp();
    const r = await readClickExport(file(dir, 'mc.csv', `"URL","Total Clicks","Unique Clicks"\r\n"${U('cta-2-a-shop-now')}","1,204","987"\r\n"${U('cta-2-b-shop-now')}","40","31"\r\n`));
    expect(r.format).toBe('mailchimp');
    expect(r.counts.map((c) => [c.utmContent, c.clicks, c.unique])).toEqual([
      ['cta-2-a-shop-now', 1204, 987],
      ['cta-2-b-shop-now', 40, 31],
    ]);
  });

  it('GA4 export by "Session manual ad content": # comment lines skipped, (not set) kept', async () => {
    const dir = tmp();
    const csv = ['# ----------------------------------------', '# Traffic acquisition', '# Start date: 20260501', '# ----------------------------------------', '', 'Session manual ad content,Sessions,Total users', 'cta-1-a-learn-more,212,190', 'cta-1-b-get-my-guide,301,270', '(not set),55,50', ''].join('\n');
    const r = await readClickExport(file(dir, 'ga4.csv', csv));
    expect(r.format).toBe('ga4');
    expect(r.counts.map((c) => [c.utmContent, c.clicks, c.unique, c.line])).toEqual([
      ['cta-1-a-learn-more', 212, 190, 7],
      ['cta-1-b-get-my-guide', 301, 270, 8],
      ['(not set)', 55, 50, 9],
    ]);
  });

  it('SendGrid events (JSON array and NDJSON): clicks per URL, unique by email, delivered and opens per variant custom arg', async () => {
    const dir = tmp();
    const events = [
      { event: 'delivered', email: 'x@a.example', variant: 'a' },
      { event: 'delivered', email: 'y@a.example', variant: 'b' },
      { event: 'open', email: 'y@a.example', variant: 'b' },
      { event: 'click', email: 'x@a.example', url: U('cta-1-a-learn-more'), variant: 'a' },
      { event: 'click', email: 'X@a.example', url: U('cta-1-a-learn-more'), variant: 'a' },
      { event: 'click', email: 'y@a.example', url: U('cta-1-b-get-my-guide'), variant: 'b' },
    ];
    for (const [name, text] of [
      ['sg.json', JSON.stringify(events)],
      ['sg.ndjson', `${events.map((e) => JSON.stringify(e)).join('\n')}\n`],
    ]) {
      const r = await readClickExport(file(dir, name, text));
      expect(r.format).toBe('sendgrid');
      expect(r.counts.map((c) => [c.utmContent, c.clicks, c.unique])).toEqual([
        ['cta-1-a-learn-more', 2, 1],
        ['cta-1-b-get-my-guide', 1, 1],
      ]);
      expect([...r.events.delivered]).toEqual([
        ['a', 1],
        ['b', 1],
      ]);
      expect([...r.events.opens]).toEqual([['b', 1]]);
    }
    // A pretty-printed array: each count and error names the line its element starts on (strings holding brackets, commas and escaped quotes do not confuse it).
    const pretty = JSON.stringify([{ event: 'open', note: 'a "[quoted], {tricky}" note', variant: 'a' }, ...events.slice(3)], null, 2);
    const r = await readClickExport(file(dir, 'pretty.json', pretty));
    const lineOf = (needle: string) => pretty.slice(0, pretty.indexOf(needle)).split('\n').length - 2; // the "{" two lines above the email (event comes first)
    expect(r.counts.map((c) => [c.utmContent, c.line])).toEqual([
      ['cta-1-a-learn-more', lineOf('"email": "x@a.example"')],
      ['cta-1-b-get-my-guide', lineOf('"email": "y@a.example"')],
    ]);
    const bad = JSON.stringify([events[0], { event: 'click', email: 'z@a.example' }], null, 2);
    const err = await readClickExport(file(dir, 'bad.json', bad)).catch((e: unknown) => e);
    expect((err as InputError).message).toBe('click event without a url');
    expect((err as InputError).line).toBe(7);
  });

  it("Brevo: the campaign report's linksStats (URL → clicks), and event rows with a link column", async () => {
    const dir = tmp();
    const r = await readClickExport(file(dir, 'brevo.json', JSON.stringify({ statistics: { linksStats: { [U('cta-1-a-learn-more')]: 12, [U('cta-1-b-get-my-guide')]: 19 } } })));
    expect(r.format).toBe('brevo');
    expect(r.counts.map((c) => [c.utmContent, c.clicks])).toEqual([
      ['cta-1-a-learn-more', 12],
      ['cta-1-b-get-my-guide', 19],
    ]);
    // Brevo's CSV downloads (and spreadsheets saved in European locales) separate fields with ';', after a byte order mark.
    const semi = await readClickExport(file(dir, 'brevo-links.csv', `\uFEFFURL;Clicks;Unique clicks\r\n${U('cta-1-a-learn-more')};12;10\r\n${U('cta-1-b-get-my-guide')};19;17\r\n`));
    expect(semi.counts.map((c) => [c.utmContent, c.clicks, c.unique, c.line])).toEqual([
      ['cta-1-a-learn-more', 12, 10, 2],
      ['cta-1-b-get-my-guide', 19, 17, 3],
    ]);
    const ev = await readClickExport(file(dir, 'brevo.csv', `event,email,link\nclick,a@x.example,${U('cta-1-b-get-my-guide')}\nclick,a@x.example,${U('cta-1-b-get-my-guide')}\nopened,a@x.example,\n`));
    expect(ev.counts.map((c) => [c.utmContent, c.clicks, c.unique])).toEqual([['cta-1-b-get-my-guide', 2, 1]]);
  });

  it('a malformed row is an error naming its line: ragged CSV, a count that is not a number, bad NDJSON', async () => {
    const dir = tmp();
    const cases: Array<[string, string, RegExp, number]> = [
      ['ragged.csv', 'url,clicks\nhttps://a.example/?utm_content=x,3\nhttps://a.example/?utm_content=y,4,9,9\n', /malformed CSV/, 3],
      ['nan.csv', 'url,clicks\nhttps://a.example/?utm_content=x,3\nhttps://a.example/?utm_content=y,lots\n', /clicks "lots" is not a count/, 3],
      ['bad.ndjson', '{"event":"click","url":"https://a.example/"}\n{"event":"click",\n', /bad JSON/, 2],
      ['nourl.csv', 'name,clicks\nx,3\n', /no URL or utm_content column/, 1],
      // A quote never closed: the row it opens, after a comment, a blank line and a quoted field holding a line break.
      ['quote.csv', '# export\n\nurl,clicks\n"https://a.example/?utm_content=x\n",3\n"https://a.example/?utm_content=y,4\nhttps://a.example/,5\n', /malformed CSV: quoted field unterminated/, 6],
      ['ragged-late.csv', `url,clicks\n${'https://a.example/?utm_content=x,1\n'.repeat(5000)}https://a.example/?utm_content=z\n`, /malformed CSV: 1 field/, 5002],
    ];
    for (const [name, text, msg, line] of cases) {
      const err = await readClickExport(file(dir, name, text)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, name).toBeInstanceOf(InputError);
      expect((err as InputError).message, name).toMatch(msg);
      expect((err as InputError).line, name).toBe(line);
    }
  });
});

describe('joining and judging', () => {
  it('joins by utm_content; lists unmatched clicks; per type and per fold; a winner with its confidence', async () => {
    const dir = tmp();
    const csv = `url,clicks,unique_clicks\n${U('cta-1-a-learn-more')},260,210\n${U('cta-1-b-get-my-guide')},330,281\n${U('cta-2-a-shop-now')},50,45\n${U('cta-2-b-shop-now')},52,47\nhttps://shop.example/blog?utm_content=link-7-b,9,9\n`;
    const read = await readClickExport(file(dir, 'c.csv', csv));
    const r = analyze(MANIFEST, read, noAudience);
    const cta1 = r.ctas.find((c) => c.cta === 1)!;
    expect(cta1.variants.map((v) => [v.variant, v.unique, v.ctr])).toEqual([
      ['a', 210, 210 / 5000],
      ['b', 281, 281 / 5000],
    ]);
    expect(cta1.test!.method).toBe('z-test');
    expect(cta1.winner).toMatchObject({ variant: 'b', label: 'Get my guide' });
    expect(cta1.winner!.confidence).toBeGreaterThan(0.99);
    const cta2 = r.ctas.find((c) => c.cta === 2)!;
    expect(cta2.winner).toBeNull();
    expect(cta2.moreRecipientsNeeded).toBeGreaterThan(100000);
    // Holm across the two CTAs: the smaller p doubled.
    expect(cta1.test!.pAdjusted).toBeCloseTo(Math.min(1, 2 * cta1.test!.p), 12);
    expect(r.unmatched).toEqual([{ utmContent: 'link-7-b', url: 'https://shop.example/blog?utm_content=link-7-b', clicks: 9, line: 6 }]);
    expect(r.byType.find((g) => g.group === 'download' && g.variant === 'b')!.clicks).toBe(330);
    expect(r.byFold.find((g) => g.group === 'below' && g.variant === 'a')!.clicks).toBe(50);
  });

  it('three variants: a chi-square test', async () => {
    const m3 = [...MANIFEST.filter((m) => m.cta === 1), { ...MANIFEST[1], variant: 'c', label: 'Download now', utmContent: 'cta-1-c-download-now', url: U('cta-1-c-download-now') }];
    const dir = tmp();
    const read = await readClickExport(file(dir, 'c.csv', `utm_content,clicks\ncta-1-a-learn-more,120\ncta-1-b-get-my-guide,150\ncta-1-c-download-now,95\n`));
    const r = analyze(m3, read, noAudience);
    expect(r.ctas[0].test).toMatchObject({ method: 'chi-square' });
    expect(r.ctas[0].test!.p).toBeLessThan(0.05);
    expect(r.ctas[0].variants.map((v) => v.probabilityToBeatControl === null)).toEqual([true, false, false]);
    // The variants differ (a against c), but b is not told apart from a: no winner, and the recipients still needed for b against a.
    expect(r.ctas[0].runnerUp).toMatchObject({ variant: 'a' });
    expect(r.ctas[0].runnerUp!.p).toBeGreaterThan(0.05);
    expect(r.ctas[0].winner).toBeNull();
    expect(r.ctas[0].moreRecipientsNeeded).toBeGreaterThan(0);
    const clear = analyze(m3, await readClickExport(file(dir, 'd.csv', `utm_content,clicks\ncta-1-a-learn-more,120\ncta-1-b-get-my-guide,220\ncta-1-c-download-now,95\n`)), noAudience);
    expect(clear.ctas[0].winner).toMatchObject({ variant: 'b' });
    expect(clear.ctas[0].runnerUp!.p).toBeLessThan(0.05);
  });
});

describe('readManifest', () => {
  it('reads a track manifest (CSV) as one variant, its CTAs without the VML twins', async () => {
    const dir = tmp();
    const demo = fileURLToPath(new URL('../fixtures/demo/newsletter.html', import.meta.url));
    const t = spawnSync(process.execPath, [BIN, 'track', demo, '--campaign', 'may', '--out', join(dir, 't.html'), '--manifest', join(dir, 'links.csv')], { encoding: 'utf8' });
    expect(t.status).toBe(0);
    const m = await readManifest(join(dir, 'links.csv'));
    expect(m.map((x) => [x.variant, x.cta, x.label, x.utmContent])).toEqual([
      ['a', 1, '', 'cta-1'],
      ['a', 2, 'Click here', 'cta-2-click-here'],
      ['a', 3, 'Start your free trial', 'cta-3-start-your-free-trial'],
    ]);
  });
});

describe('inboxlint results (CLI)', () => {
  it('reads the variants manifest and an export; --json; exit 2 naming the file and line for a bad row', () => {
    const dir = tmp();
    file(dir, 'variants.json', JSON.stringify(MANIFEST.map(({ language: _l, file: _f, ...m }) => m)));
    file(dir, 'clicks.csv', `url,clicks,unique_clicks\n${U('cta-1-a-learn-more')},260,210\n${U('cta-1-b-get-my-guide')},330,281\n`);
    const r = spawnSync(process.execPath, [BIN, 'results', 'clicks.csv', '--manifest', 'variants.json', '--delivered', '5000', '--json'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ctas[0].winner.variant).toBe('b');
    const human = spawnSync(process.execPath, [BIN, 'results', 'clicks.csv', '--manifest', 'variants.json', '--delivered', 'a=5000', '--delivered', 'b=5000'], { cwd: dir, encoding: 'utf8' });
    expect(human.stdout).toMatch(/Winner: b "Get my guide", significant at 95 %/);
    file(dir, 'bad.csv', `url,clicks\n${U('x')},3\n${U('y')},-\n`);
    const bad = spawnSync(process.execPath, [BIN, 'results', 'bad.csv', '--manifest', 'variants.json'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv:3/);
    expect(bad.stderr).not.toMatch(/\n\s+at .+:\d+/);
  });
});

// ——— History (SQLite) ———————————————————————————————————————————————————————————————

const require = createRequire(import.meta.url);
let sqlitePresent = true;
try {
  require.resolve('better-sqlite3');
} catch {
  sqlitePresent = false;
}
const inCI = !!process.env.CI;
if (!sqlitePresent && !inCI) console.warn('results history: skipped, better-sqlite3 is not installed (npm install --no-save better-sqlite3@12.9.0; CI installs it)');

describe.skipIf(!sqlitePresent && !inCI)('results --history', () => {
  it('better-sqlite3 is installed (required in CI)', () => {
    expect(sqlitePresent).toBe(true);
  });

  const report = async (dir: string, csv: string) => analyze(MANIFEST, await readClickExport(file(dir, `c${Math.random()}.csv`, csv)), noAudience);
  const CSV = `url,clicks,unique_clicks\n${U('cta-1-a-learn-more')},260,210\n${U('cta-1-b-get-my-guide')},330,281\n${U('cta-2-a-shop-now')},50,45\n${U('cta-2-b-shop-now')},52,47\n`;

  it('stores campaigns and answers which wording, colour, position won; re-importing replaces', async () => {
    const { recordResults, readHistory } = await import('../src/results/history.js');
    const dir = tmp();
    const db = join(dir, 'h.db');
    const r = await report(dir, CSV);
    expect(await recordResults(db, { manifest: MANIFEST, report: r })).toEqual({ campaign: 'spring', ctas: 4 });
    await recordResults(db, { manifest: MANIFEST, report: r, campaign: 'summer' });
    await recordResults(db, { manifest: MANIFEST, report: r, campaign: 'summer' });
    const rows = readHistory(db);
    const labels = rows.filter((x) => x.dimension === 'label' && x.type === 'download');
    expect(labels.map((x) => [x.value, x.campaigns, x.recipients, x.clicks, x.wins, x.tests])).toEqual([
      ['Get my guide', 2, 10000, 562, 2, 2],
      ['Learn more', 2, 10000, 420, 0, 2],
    ]);
    expect(labels[0].ctr).toBeCloseTo(562 / 10000, 12);
    expect(rows.filter((x) => x.dimension === 'color' && x.type === 'download')[0].value).toBe('#0a7f3f');
    expect(readHistory(db, { type: 'cart' }).every((x) => x.type === 'cart' || x.type === '*')).toBe(true);
    // CTA 2 was tested too, but both arms said "Shop now" in #111111: no test is counted for that label or colour.
    expect(rows.filter((x) => x.type === 'cart' && (x.dimension === 'label' || x.dimension === 'color')).map((x) => [x.value, x.tests])).toEqual([
      ['Shop now', 0],
      ['#111111', 0],
    ]);
    // The CLI leads with the wording.
    const cli = spawnSync(process.execPath, [BIN, 'history', '--db', db, '--type', 'download'], { encoding: 'utf8' });
    expect(cli.stdout.split('\n').slice(0, 3)).toEqual([
      'Wording, download CTAs (en):',
      `  ${'"Get my guide"'.padEnd(32)}   5.62 % CTR over 2 campaign(s), 10,000 recipient(s); won 2 of 2 test(s)`,
      `  ${'"Learn more"'.padEnd(32)}   4.20 % CTR over 2 campaign(s), 10,000 recipient(s); won 0 of 2 test(s)`,
    ]);
  });

  /** A history holding one campaign: its file, the report stored, and the summary as JSON. */
  const stored = async () => {
    const { recordResults, readHistory } = await import('../src/results/history.js');
    const dir = tmp();
    const db = join(dir, 'h.db');
    const r = await report(dir, CSV);
    await recordResults(db, { manifest: MANIFEST, report: r });
    return { dir, db, r, before: JSON.stringify(readHistory(db)) };
  };

  it('an import that fails half-way leaves the database as it was', async () => {
    const { recordResults, readHistory } = await import('../src/results/history.js');
    const { db, r, before } = await stored();
    // The second CTA's variants are missing from this manifest: the import throws after the first CTA's rows went in.
    const broken = MANIFEST.filter((m) => m.cta === 1);
    await expect(recordResults(db, { manifest: broken, report: r, campaign: 'autumn' })).rejects.toThrow();
    await expect(recordResults(db, { manifest: broken, report: r, campaign: 'spring' })).rejects.toThrow();
    expect(JSON.stringify(readHistory(db))).toBe(before);
  });

  it("CTA suggestions put the sender's better labels first when INBOXLINT_HISTORY names a history", async () => {
    const { recordResults } = await import('../src/results/history.js');
    const { suggestLabels } = await import('../src/cta/suggest.js');
    const dir = tmp();
    const db = join(dir, 'h.db');
    await recordResults(db, { manifest: MANIFEST, report: await report(dir, CSV) });
    const cta = { href: 'https://shop.example/guides/email-2026.pdf', label: 'Learn more', type: 'download' as const };
    const doc = { lang: 'en' };
    const event = { ...cta, type: 'event' as const, href: 'https://shop.example/webinar' };
    const before = suggestLabels(cta, doc);
    const eventBefore = suggestLabels(event, doc);
    process.env.INBOXLINT_HISTORY = db;
    let after: string[];
    let eventAfter: string[];
    try {
      after = suggestLabels(cta, doc);
      eventAfter = suggestLabels(event, doc);
    } finally {
      delete process.env.INBOXLINT_HISTORY;
    }
    expect(after[0]).toBe('Get my guide'); // 5.62 % against "Learn more"'s 4.20 %
    expect(after.slice(1)).toEqual(before.filter((l) => l !== 'Get my guide').slice(0, 2));
    // A type with no history of its own: the phrase book's alone.
    expect(eventAfter).toEqual(eventBefore);

    // lint finds inboxlint-history.db in the working folder (history's default) and its suggestion says what the label averaged.
    copyFileSync(db, join(dir, 'inboxlint-history.db'));
    file(dir, 'guide.html', '<!DOCTYPE html><html lang="en"><head><title>Your 2026 email guide is ready</title></head><body><p>Our guide to email design in 2026 is ready for you to read.</p><a href="https://shop.example/guides/email-2026.pdf" style="background:#0a7f3f;color:#ffffff;padding:12px 24px;display:inline-block">Learn more</a></body></html>');
    const env = { ...process.env, INBOXLINT_HISTORY: '' };
    const lint = spawnSync(process.execPath, [BIN, 'guide.html', '-f', 'json', '--rule', 'cta-vague-text=error'], { cwd: dir, encoding: 'utf8', env });
    const descs = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; suggestions?: Array<{ desc: string }> }> }>)[0].messages.filter((m) => m.ruleId === 'cta-vague-text').flatMap((m) => m.suggestions ?? []).map((s) => s.desc);
    expect(descs[0]).toBe('Change the CTA label to "Get my guide" (your history: 5.62 % CTR over 1 campaign; "Learn more" 4.20 %)');
  });

  it('a process killed in the middle of an import leaves the database as it was (SQLite rolls the transaction back)', async () => {
    const { dir, db, before } = await stored();
    const counts = () => {
      const d = new (require('better-sqlite3'))(db, { readonly: true });
      try {
        return ['campaigns', 'variants', 'ctas', 'summary'].map((t) => (d.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
      } finally {
        d.close();
      }
    };
    const rowsBefore = counts();
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
    file(dir, 'c.csv', CSV);
    // The child stores a campaign and is killed (SIGKILL: no handler runs) after its second CTA row went in, inside the transaction.
    const child = `
      import { createRequire } from 'node:module';
      const Database = createRequire(${JSON.stringify(join(process.cwd(), 'package.json'))})('better-sqlite3');
      const prepare = Database.prototype.prepare;
      let rows = 0;
      Database.prototype.prepare = function (sql) {
        const st = prepare.call(this, sql);
        if (!sql.startsWith('INSERT INTO ctas')) return st;
        const run = st.run.bind(st);
        st.run = (...a) => { const r = run(...a); if (++rows === 2) process.kill(process.pid, 'SIGKILL'); return r; };
        return st;
      };
      const { readClickExport } = await import(${JSON.stringify(join(process.cwd(), 'dist/src/results/read.js'))});
      const { analyze, readManifest } = await import(${JSON.stringify(join(process.cwd(), 'dist/src/results/analyze.js'))});
      const { recordResults } = await import(${JSON.stringify(join(process.cwd(), 'dist/src/results/history.js'))});
      const manifest = await readManifest(${JSON.stringify(join(dir, 'manifest.json'))});
      const report = analyze(manifest, await readClickExport(${JSON.stringify(join(dir, 'c.csv'))}), { sent: new Map(), delivered: new Map([['*', 5000]]), opens: new Map() });
      await recordResults(${JSON.stringify(db)}, { manifest, report, campaign: 'killed' });
      console.log('not killed');
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' });
    expect(r.signal, r.stderr).toBe('SIGKILL');
    const { readHistory } = await import('../src/results/history.js');
    expect(JSON.stringify(readHistory(db))).toBe(before);
    // Not one row of the killed import: no campaign, variant or CTA row (the summary is written last, so it alone would prove nothing).
    expect(counts()).toEqual(rowsBefore);
  });

  it('a locked database is a clear error and nothing changes; a damaged one is refused and left as it is', async () => {
    const { recordResults, readHistory } = await import('../src/results/history.js');
    const Database = require('better-sqlite3');
    const { dir, db, r, before } = await stored();
    const other = new Database(db);
    other.exec('BEGIN EXCLUSIVE');
    try {
      await expect(recordResults(db, { manifest: MANIFEST, report: r, campaign: 'locked' })).rejects.toThrow(/locked by another process/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(JSON.stringify(readHistory(db))).toBe(before);

    const damaged = file(dir, 'damaged.db', 'SQLite format 3\0 this is not really a database, it was truncated');
    const bytes = readFileSync(damaged);
    const cli = spawnSync(process.execPath, [BIN, 'history', '--db', damaged], { encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/damaged\.db: is not a SQLite database or is damaged/);
    expect(readFileSync(damaged).equals(bytes)).toBe(true);
    const missing = spawnSync(process.execPath, [BIN, 'history', '--db', join(dir, 'none.db')], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such history database/);
  });
});
