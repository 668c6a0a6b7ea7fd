/**
 * `inboxlint track` as a child process (the public contract): flags, config `track:` section,
 * stdout / --out / --write (atomic) / --manifest / --dry-run, exit 2 with the file named.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const FIX = fileURLToPath(new URL('../fixtures/track/', import.meta.url));
const NO_STACK = /\n\s+at .+:\d+/;

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, 'track', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const STD = ['--campaign', 'spring-sale', '--source', 'newsletter', '--content', 'link-{index}'];

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'inboxlint-track-cli-'));
}

describe('inboxlint track (CLI)', () => {
  it('prints the tracked email to stdout, byte for byte as the golden file', () => {
    const r = run([join(FIX, 'separators/input.html'), ...STD], FIX);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(FIX, 'separators/expected.html'), 'utf8'));
  });

  it('--write replaces the file atomically, keeps CRLF and BOM, and a second run changes nothing', () => {
    const d = tmp();
    const f = join(d, 'crlf.html');
    copyFileSync(join(FIX, 'crlf/input.html'), f);
    const r = run([f, ...STD, '--write'], d);
    expect(r.code).toBe(0);
    expect(readFileSync(f).equals(readFileSync(join(FIX, 'crlf/expected.html')))).toBe(true);
    expect(readdirSync(d)).toEqual(['crlf.html']); // no temp file left behind
    expect(r.stderr).toMatch(/3 link\(s\): 3 tracked \(3 changed/);
    const again = run([f, ...STD, '--write'], d);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/0 changed, 3 already tracked/);
    expect(readFileSync(f).equals(readFileSync(join(FIX, 'crlf/expected.html')))).toBe(true);
  });

  it('--out writes elsewhere; --manifest writes JSON or CSV', () => {
    const d = tmp();
    const out = join(d, 'out.html');
    const r = run([join(FIX, 'vml-beside/input.html'), ...STD, '--out', out, '--manifest', join(d, 'links.json')], d);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(FIX, 'vml-beside/expected.html'), 'utf8'));
    const m = JSON.parse(readFileSync(join(d, 'links.json'), 'utf8'));
    expect(m).toHaveLength(7);
    expect(m[1]).toMatchObject({ index: 1, tag: 'v:roundrect', vml: true, twin: 2, line: 6, skipReason: null, utmContent: 'link-2' });
    expect(m[5]).toMatchObject({ skipReason: 'unsubscribe', tracked: null });
    const c = run([join(FIX, 'mailto/input.html'), ...STD, '--out', join(d, 'm.html'), '--manifest', join(d, 'links.csv')], d);
    expect(c.code).toBe(0);
    const csv = readFileSync(join(d, 'links.csv'), 'utf8').split('\r\n');
    expect(csv[0]).toMatch(/^file,index,line,column,tag,vml,twin,original,tracked,changed,skipReason,/);
    expect(csv[1]).toContain(',mailto,');
  });

  it('--dry-run writes nothing and prints the manifest (stdout) and a summary (stderr)', () => {
    const d = tmp();
    const f = join(d, 'a.html');
    copyFileSync(join(FIX, 'skips/input.html'), f);
    const r = run([f, ...STD, '--domain', 'example.com', '--exclude', '/legal/', '--dry-run', '--manifest', join(d, 'x.json')], d);
    expect(r.code).toBe(0);
    expect(readFileSync(f).equals(readFileSync(join(FIX, 'skips/input.html')))).toBe(true);
    expect(readdirSync(d)).toEqual(['a.html']);
    const m = JSON.parse(r.stdout);
    expect(m.filter((e: { tracked: string | null }) => e.tracked).length).toBe(3);
    expect(r.stderr).toMatch(/20 link\(s\): 3 tracked .*outside-domain 2.*excluded 1/);
  });

  it('reads the track: section of the config; flags win', () => {
    const d = tmp();
    writeFileSync(join(d, 'inboxlint.config.json'), JSON.stringify({ track: { campaign: 'from-config', source: 'cfg', params: { ref: 'abc' } } }));
    writeFileSync(join(d, 'a.html'), '<a href="https://x.com/">x</a>');
    const r = run(['a.html', '--content', 'none'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('<a href="https://x.com/?utm_source=cfg&amp;utm_medium=email&amp;utm_campaign=from-config&amp;ref=abc">x</a>');
    const f = run(['a.html', '--content', 'none', '--campaign', 'flag', '--param', 'ref=z', '--param', 'b=1'], d);
    expect(f.stdout).toBe('<a href="https://x.com/?utm_source=cfg&amp;utm_medium=email&amp;utm_campaign=flag&amp;ref=z&amp;b=1">x</a>');
  });

  it('adds the open pixel once', () => {
    const d = tmp();
    const f = join(d, 'a.html');
    writeFileSync(f, '<html><body><a href="https://x.com/">x</a></body></html>');
    expect(run([f, ...STD, '--open-pixel', 'https://t.x.com/o.gif', '--write'], d).code).toBe(0);
    expect(run([f, ...STD, '--open-pixel', 'https://t.x.com/o.gif', '--write'], d).code).toBe(0);
    expect(readFileSync(f, 'utf8').match(/<img /g)).toHaveLength(1);
  });

  it('--compile tracks an .mjml source and prints the compiled HTML; refuses --write', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.mjml'), '<mjml><mj-body><mj-section><mj-column><mj-button href="https://x.com/a">Go</mj-button></mj-column></mj-section></mj-body></mjml>');
    const r = run(['a.mjml', ...STD, '--compile'], d);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    expect(r.stdout).toContain('href="https://x.com/a?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring-sale&amp;utm_content=link-1"');
    const w = run(['a.mjml', ...STD, '--compile', '--write'], d);
    expect(w.code).toBe(2);
    expect(readFileSync(join(d, 'a.mjml'), 'utf8')).toContain('href="https://x.com/a"');
  });

  it('exits 2 naming the problem, with no stack trace and nothing written', () => {
    const d = tmp();
    const f = join(d, 'a.html');
    writeFileSync(f, '<a href="https://x.com/">x</a>');
    const noCampaign = run([f], d);
    expect(noCampaign.code).toBe(2);
    expect(noCampaign.stderr).toMatch(/track\.campaign: required/);
    const missing = run([f, join(d, 'missing.html'), ...STD, '--write'], d);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.html: no such file');
    expect(readFileSync(f, 'utf8')).toBe('<a href="https://x.com/">x</a>'); // the good file was not written either
    const several = run([f, f, ...STD], d);
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/--write/);
    const badManifest = run([f, ...STD, '--manifest', 'links.txt'], d);
    expect(badManifest.code).toBe(2);
    expect(badManifest.stderr).toMatch(/\.json or \.csv/);
    writeFileSync(join(d, 'inboxlint.config.json'), JSON.stringify({ track: { campaign: 'x', overwrite: 'yes' } }));
    const badConfig = run([f], d);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toMatch(/inboxlint\.config\.json: track\.overwrite: expected true or false/);
    for (const r of [noCampaign, missing, several, badManifest, badConfig]) expect(r.stderr).not.toMatch(NO_STACK);
  });
});
