/**
 * CLI habits, through the real CLI: `--ignore-pattern` beside config `ignores`, MJML partials met
 * while expanding a folder, `track` summaries that fit COLUMNS, stylish grouping repeats and
 * ending a long run with the findings per rule, and the manifest's 1-based `ctaNumber`.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayWidth } from '../src/formatters/wrap.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
let dir: string;

function cli(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '100', LINES: '40', ...env }, timeout: 60_000 });
}

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const EMAIL = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Spring sale</title></head><body>${body}</body></html>`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-habits-'));
  write('emails/welcome.html', EMAIL('<p>Hi</p><a href="#">one</a>'));
  write('emails/legacy/old.html', EMAIL('<p>Old</p>'));
  write('emails/drafts/a.draft.html', EMAIL('<p>Draft</p>'));
  write('mjml/partials/header.mjml', '<!-- header --><mj-section><mj-column><mj-text>Header</mj-text></mj-column></mj-section>\n');
  write('mjml/welcome.mjml', '<mjml><mj-head><mj-title>Hi</mj-title></mj-head><mj-body><mj-include path="./partials/header.mjml" /><mj-section><mj-column><mj-button href="https://example.com/trial">Start your trial</mj-button></mj-column></mj-section></mj-body></mjml>\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const linted = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => r.filePath.slice(dir.length + 1)).sort();

describe('--ignore-pattern', () => {
  it('skips what its globs match, relative to the working directory, as config ignores do; repeatable', () => {
    const all = cli(['lint', 'emails', '-f', 'json']);
    expect(linted(all.stdout)).toEqual(['emails/drafts/a.draft.html', 'emails/legacy/old.html', 'emails/welcome.html']);
    const some = cli(['lint', 'emails', '-f', 'json', '--ignore-pattern', 'emails/legacy/', '--ignore-pattern', '*.draft.html']);
    expect(linted(some.stdout)).toEqual(['emails/welcome.html']);
    // With a config's ignores too: both apply.
    write('inboxlint.config.json', JSON.stringify({ ignores: ['emails/welcome.html'] }));
    try {
      const both = cli(['lint', 'emails', '-f', 'json', '--ignore-pattern', 'emails/legacy/**']);
      expect(linted(both.stdout)).toEqual(['emails/drafts/a.draft.html']);
    } finally {
      rmSync(join(dir, 'inboxlint.config.json'));
    }
    // A file named explicitly but ignored gets ESLint's warning.
    const named = cli(['lint', 'emails/legacy/old.html', '--ignore-pattern', 'emails/legacy/**', '-f', 'json']);
    expect(JSON.parse(named.stdout)[0].messages[0].message).toMatch(/File ignored because of a matching ignore pattern/);
    const bad = cli(['lint', 'emails', '--ignore-pattern', ' ']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--ignore-pattern: expected a glob');
  });
});

describe('MJML partials', () => {
  it('met while expanding a folder: skipped with a note naming the template that includes it, not an error, not a result', () => {
    const r = cli(['lint', 'mjml', '-f', 'json']);
    expect(r.stderr).toContain('inboxlint: mjml/partials/header.mjml: skipped: an MJML partial (no <mjml> root), included by mjml/welcome.mjml');
    expect(linted(r.stdout)).toEqual(['mjml/welcome.mjml']);
    expect(r.status).not.toBe(2);
    // Named on its own it is still an input error (exit 2).
    const named = cli(['lint', 'mjml/partials/header.mjml']);
    expect(named.status).toBe(2);
    expect(named.stderr).toMatch(/header\.mjml.*no <mjml> root/);
  });
});

describe('terminal widths', () => {
  it('track summaries fit COLUMNS', () => {
    const links = Array.from({ length: 12 }, (_, i) => `<a href="${['mailto:a@b.c', 'tel:123', '#top', 'https://example.com/unsubscribe'][i % 4]}">x${i}</a>`).join(' ');
    write('track/long.html', EMAIL(`${links}<a href="https://example.com/a">Start your trial</a>`));
    const r = cli(['track', 'track/long.html', '--campaign', 'spring', '--source', 'newsletter', '--out', join(dir, 'track/out.html')], { COLUMNS: '60' });
    expect(r.status).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(displayWidth(l), l).toBeLessThanOrEqual(60);
    expect(r.stderr).toMatch(/skipped/);
  });
});

describe('stylish', () => {
  it('groups the repeats of one rule on a file into one line with the count and positions', () => {
    write('repeat/many.html', EMAIL(Array.from({ length: 20 }, (_, i) => `<p><a href="#">Link ${i}</a></p>`).join('\n')));
    const r = cli(['lint', 'repeat/many.html', '--rule', 'link-href=error']);
    const hrefLines = r.stdout.split('\n').filter((l) => l.includes('link-href'));
    expect(hrefLines).toHaveLength(1);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/× 20; also \d+:\d+, \d+:\d+, \d+:\d+, \d+:\d+ \+15\)/);
    // The totals still count every finding.
    const json = JSON.parse(cli(['lint', 'repeat/many.html', '--rule', 'link-href=error', '-f', 'json']).stdout);
    expect(json[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'link-href')).toHaveLength(20);
    expect(r.stdout).toMatch(/✖ \d+ problems/);
  });

  it('ends a run longer than a screen with the findings per rule, and a short one without', () => {
    const files: string[] = [];
    for (let i = 0; i < 8; i++) {
      write(`screen/t${i}.html`, `<html><body><table><tr><td><a href="http://example.com/${i}">Click here</a></td></tr></table></body></html>`);
      files.push(`screen/t${i}.html`);
    }
    const long = cli(['lint', ...files], { LINES: '20' });
    expect(long.stdout).toMatch(/Findings per rule\n {2}\S+ +\d+ +\d+ (errors?|warnings?)/);
    const perRule = long.stdout.slice(long.stdout.indexOf('Findings per rule'));
    expect(perRule).toMatch(/html-lang +8 /);
    const short = cli(['lint', files[0]], { LINES: '200' });
    expect(short.stdout).not.toContain('Findings per rule');
  });
});

describe('track manifest', () => {
  it('adds ctaNumber, counted from 1 like utm_content\'s cta-N; ctaIndex stays 0-based', () => {
    write('manifest/email.html', EMAIL('<p>Hi</p><table role="presentation"><tr><td bgcolor="#0a7a55" style="padding:14px 24px"><a href="https://example.com/trial" style="color:#ffffff">Start your free trial</a></td></tr></table><p><a href="https://example.com/about">About us</a></p>'));
    for (const ext of ['json', 'csv']) {
      const r = cli(['track', 'manifest/email.html', '--campaign', 'spring', '--out', join(dir, 'manifest/out.html'), '--manifest', join(dir, `manifest/links.${ext}`)]);
      expect(r.status).toBe(0);
    }
    const entries = JSON.parse(readFileSync(join(dir, 'manifest/links.json'), 'utf8')) as Array<{ ctaIndex: number | null; ctaNumber: number | null; utmContent: string }>;
    const cta = entries.find((e) => e.ctaIndex !== null)!;
    expect(cta.ctaIndex).toBe(0);
    expect(cta.ctaNumber).toBe(1);
    expect(cta.utmContent).toMatch(new RegExp(`^cta-${cta.ctaNumber}-`));
    const [header, row] = readFileSync(join(dir, 'manifest/links.csv'), 'utf8').split('\r\n');
    const cols = header.split(',');
    expect(cols.slice(-1)).toEqual(['ctaNumber']);
    expect(cols.indexOf('ctaIndex')).toBe(12);
    expect(row).toBeDefined();
  });
});
