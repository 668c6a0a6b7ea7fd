/**
 * client-support: caniemail's data read as it means it (versions, support values, notes), the
 * client presets, detection with positions in the file the user edits (.html, .mjml, .eml), the
 * code each client reads (MSO conditionals, media queries, client selectors), fallbacks, the
 * button outcomes shared with cta-outlook-mismatch, and the `clients` config key / `--clients`.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lint } from '../src/api.js';
import { collapsedSupport, compareVersions, featureBySlug, orderedResults, parseSupport, resolveClients, supportOf } from '../src/model/clients.js';
import { tempProjects } from './cli-fixtures.js';
import { EmailDocument } from '../src/model/document.js';
import { buttonOutcomes } from '../src/model/client-support.js';
import { buttonOutcomeText } from '../rules/client-support/words.js';
import { analyzeFile } from '../src/snapshot.js';

const BIN = join(import.meta.dirname, '..', 'bin', 'inboxlint.js');
const project = tempProjects('inboxlint-clients-');

async function findings(text: string, options: Record<string, unknown> = {}, kind?: 'html' | 'mjml' | 'eml', others: Record<string, unknown> = {}) {
  const [r] = await lint({ text, filePath: `/virtual/email.${kind ?? 'html'}`, ...(kind ? { kind } : {}) }, { config: { rules: { 'client-support': ['warn', options], ...others } }, reportUnusedDirectives: false });
  return r.messages.filter((m) => !m.fatal);
}
const slugOf = (message: string) => /features\/([\w-]+)\//.exec(message)?.[1];

describe('caniemail data as it means it', () => {
  it('compares versions as versions, and kinds by the data order', () => {
    expect(compareVersions('10', '9')).toBeGreaterThan(0);
    expect(compareVersions('16.80', '16.9')).toBeGreaterThan(0);
    expect(compareVersions('2024-05', '2019-02')).toBeGreaterThan(0);
    expect(compareVersions('2016', '2019-02')).toBeUndefined();
    expect(compareVersions('2016', '16.80')).toBeUndefined();
    expect(orderedResults([['10', 'y'], ['9', 'n']]).map((r) => r[0])).toEqual(['9', '10']);
    // Outlook for Mac: "16.80" is tested after the product years; the data's order says so.
    expect(orderedResults([['2011', 'y'], ['2016', 'y'], ['16.80', 'n']]).at(-1)![0]).toBe('16.80');
  });

  it('orders any results: a permutation, each kind in version order', () => {
    const version = fc.oneof(
      fc.tuple(fc.integer({ min: 2015, max: 2026 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 3 }).map((p) => p.join('.')),
    );
    fc.assert(
      fc.property(fc.uniqueArray(version, { maxLength: 12 }), (vs) => {
        const out = orderedResults(vs.map((v) => [v, 'y']));
        expect(out.map((r) => r[0]).sort()).toEqual([...vs].sort());
        for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) expect(compareVersions(out[i][0], out[j][0]) ?? 0).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('reads y, n, a and u with their notes; "n" whose notes say it works in part is partial', () => {
    expect(parseSupport('a #1 #2', { 1: 'Partial. Only on table cells.', 2: 'Buggy.' })).toEqual({ support: 'a', notes: ['Partial. Only on table cells.', 'Buggy.'] });
    expect(parseSupport('u').support).toBe('u');
    expect(parseSupport('n #1', { 1: 'Buggy. Replaces `height` by `min-height`.' }).support).toBe('a');
    expect(parseSupport('n #1', { 1: 'Round corners can be used in VML.' }).support).toBe('n');
  });

  it('judges the latest version by default, or the one asked for, and collapses versions', () => {
    const padding = featureBySlug('css-padding')!;
    expect(supportOf(padding, 'outlook.windows')!.support).toBe('a');
    expect(supportOf(padding, 'outlook.windows', '2003')!.support).toBe('y');
    expect(collapsedSupport(featureBySlug('css-border-radius')!, 'outlook.windows')).toMatch(/^2003–2019: not supported$/);
  });

  it('reads presets, families and client ids, and names an unknown client', () => {
    const major = resolveClients(['major']).map((c) => c.id);
    expect(major).toEqual(expect.arrayContaining(['outlook.windows', 'gmail.ios', 'apple-mail.macos', 'yahoo.desktop-webmail']));
    expect(resolveClients(['outlook']).every((c) => c.id.startsWith('outlook.'))).toBe(true);
    expect(resolveClients(['all']).length).toBeGreaterThan(40);
    expect(resolveClients(['outlook.windows@2016'])).toEqual([{ id: 'outlook.windows', version: '2016' }]);
    expect(() => resolveClients(['hotmail'])).toThrow(/unknown mail client "hotmail"/);
  });
});

describe('detection with positions, judged for the code each client reads', () => {
  it('reports one finding per feature, listing the lines of its uses', async () => {
    const ms = await findings('<div style="display:flex">\n<p>a</p>\n</div>\n<div style="display:flex">b</div>', { clients: ['outlook.windows'] });
    const flex = ms.filter((m) => slugOf(m.message) === 'css-display-flex');
    expect(flex).toHaveLength(1);
    expect(flex[0]).toMatchObject({ line: 1, column: 13 });
    expect(flex[0].message).toMatch(/Outlook for Windows 2007–2019: not supported; used on lines 1 and 4/);
  });

  it('finds elements, attributes, selectors, at-rules, functions and units', async () => {
    const html = '<style>\n.a > .b { color: #000 }\n@font-face { font-family: X; src: url(x.woff) }\n</style>\n<svg width="1" height="1"></svg>\n<p style="padding: 2rem; color: rgba(0,0,0,.5)">x</p><div class="a"><p class="b">y</p></div>';
    const ms = await findings(html, { clients: ['all'] });
    const found = new Map(ms.map((m) => [slugOf(m.message), m.line]));
    expect(found.get('css-selector-child')).toBe(2);
    expect(found.get('html-svg')).toBe(5);
    expect(found.get('css-unit-rem')).toBe(6);
    expect(found.get('css-rgba')).toBe(6);
  });

  it('leaves Outlook-only markup to Outlook for Windows and <!--[if !mso]> markup to the others', async () => {
    const guarded = '<!--[if mso]><table><tr><td>a</td></tr></table><![endif]--><!--[if !mso]><!--><div style="display:flex">b</div><!--<![endif]-->';
    expect(await findings(guarded, { clients: ['outlook.windows'] })).toEqual([]);
    const msoOnly = '<!--[if mso]><div style="display:grid">x</div><![endif]-->';
    expect(await findings(msoOnly, { clients: ['gmail.desktop-webmail', 'yahoo.desktop-webmail'] })).toEqual([]);
  });

  it('does not judge rules in media queries a client ignores, nor selectors aimed at another client', async () => {
    const html = '<style>@media (max-width: 600px) { .c { display: block !important; border-radius: 4px } } [data-ogsc] .c { border-radius: 9px }</style><p class="c">x</p>';
    expect((await findings(html, { clients: ['outlook.windows'] })).map((m) => slugOf(m.message))).not.toContain('css-border-radius');
  });

  it('reports a background image with a bgcolor as degrading, and only when partial findings are asked for', async () => {
    const html = '<table><tr><td bgcolor="#123456" style="background-image:url(https://example.com/bg.jpg)">x</td></tr></table>';
    expect((await findings(html, { clients: ['outlook.windows'] })).map((m) => slugOf(m.message))).not.toContain('css-background-image');
    const partial = await findings(html, { clients: ['outlook.windows'], partial: true });
    const bg = partial.find((m) => slugOf(m.message) === 'css-background-image');
    expect(bg?.messageId).toBe('degrades');
    expect(bg?.message).toMatch(/degrades to the background colour/);
  });

  it('points at MJML source lines', async () => {
    const mjml = '<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n<mj-button href="https://example.com/go" border-radius="8px">Go now</mj-button>\n</mj-column>\n</mj-section>\n</mj-body>\n</mjml>';
    const ms = await findings(mjml, { clients: ['outlook.windows'] }, 'mjml');
    expect(ms.find((m) => slugOf(m.message) === 'css-border-radius')?.line).toBe(5);
  });

  it('points at .eml file lines', async () => {
    const eml = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: Hi\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body>\r\n<p>Hello</p>\r\n<div style="display:flex">x</div>\r\n</body></html>\r\n';
    const ms = await findings(eml, { clients: ['outlook.windows'] }, 'eml');
    expect(ms.find((m) => slugOf(m.message) === 'css-display-flex')?.line).toBe(9);
  });
});

describe('buttons per client (one model with cta-outlook-mismatch)', () => {
  const padded = '<div><a href="https://example.com/trial" style="display:inline-block;background-color:#0a7;color:#fff;padding:14px 24px;line-height:20px;border-radius:6px">Start your trial</a></div>';

  it('says what the Outlook for Windows reader gets, and supersedes cta-outlook-mismatch', async () => {
    const ms = await findings(padded, { clients: ['outlook.windows'] }, undefined, { 'cta-outlook-mismatch': 'warn' });
    const b = ms.filter((m) => m.messageId === 'buttonDegrades');
    expect(b).toHaveLength(1);
    expect(b[0].message).toMatch(/in Outlook for Windows it loses its padding and rounded corners: a 20 px tall text link/);
    expect(ms.filter((m) => m.ruleId === 'cta-outlook-mismatch')).toEqual([]);
  });

  it('the model gives facts (clients, features lost, what Outlook\'s cell draws); the rule and the snapshot word them alike', async () => {
    const doc = new EmailDocument({ filePath: '/virtual/email.html', text: padded });
    const outcomes = buttonOutcomes(doc, doc.ctas[0], resolveClients(['outlook.windows', 'gmail.desktop-webmail']));
    expect(outcomes).toEqual([{ clients: ['outlook.windows'], lost: ['css-padding', 'css-border-radius'], outlook: { cell: 'none', height: 20 } }]);
    expect(buttonOutcomeText(outcomes[0])).toBe('loses its padding and rounded corners: a 20 px tall text link');
    expect(buttonOutcomeText({ lost: ['css-padding'], outlook: { cell: 'shape', height: 24 } })).toBe('loses the padding of its link: the cell paints a button tight around the text, about 24 px tall');
    expect(buttonOutcomeText({ lost: ['css-width', 'css-display', 'css-border'] })).toBe('loses its width, inline-block box and border');
    const file = project({ 'email.html': `<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>${padded}</body></html>` });
    const a = await analyzeFile(join(file, 'email.html'), { config: { rules: { 'client-support': ['warn', { clients: ['outlook.windows'] }] } } });
    expect(a.snapshot?.clients?.buttons[0].degrades).toEqual([{ clients: ['Outlook for Windows'], text: buttonOutcomeText(outcomes[0]) }]);
  });

  it('leaves a button with a VML twin or a padded cell alone in Outlook for Windows', async () => {
    const cell = '<table><tr><td bgcolor="#0a7" style="padding:14px 24px"><a href="https://example.com/trial" style="color:#fff">Start your trial</a></td></tr></table>';
    expect((await findings(cell, { clients: ['outlook.windows'] })).filter((m) => m.messageId === 'buttonDegrades')).toEqual([]);
  });
});

describe('--clients and the clients config key', () => {
  const html = '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><div style="display:flex"><a href="https://example.com/a">One</a></div></body></html>';

  it('--clients turns the rule on for those clients; a bad client is a usage error naming it', () => {
    const dir = project({ 'email.html': html });
    const out = spawnSync(process.execPath, [BIN, 'lint', 'email.html', '--clients', 'outlook.windows', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    const ids = JSON.parse(out.stdout)[0].messages.map((m: { ruleId: string; message: string }) => `${m.ruleId} ${slugOf(m.message) ?? ''}`);
    expect(ids).toContain('client-support css-display-flex');
    const bad = spawnSync(process.execPath, [BIN, 'lint', 'email.html', '--clients', 'hotmail'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--clients: unknown mail client "hotmail"/);
  });

  it('the clients key in a config file chooses the clients; a bad one names the key', () => {
    const ok = project({ 'email.html': html, 'inboxlint.config.json': JSON.stringify({ clients: ['gmail'] }) });
    const out = spawnSync(process.execPath, [BIN, 'lint', 'email.html', '-f', 'json'], { cwd: ok, encoding: 'utf8' });
    const msgs = JSON.parse(out.stdout)[0].messages as Array<{ ruleId: string; message: string }>;
    expect(msgs.some((m) => m.ruleId === 'client-support' && /Outlook/.test(m.message))).toBe(false);
    const bad = project({ 'email.html': html, 'inboxlint.config.json': JSON.stringify({ clients: ['major', 'lotus'] }) });
    const r = spawnSync(process.execPath, [BIN, 'lint', 'email.html'], { cwd: bad, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/clients: unknown mail client "lotus"/);
  });

  it('an override chooses the clients for its files', async () => {
    const dir = project({ 'a/email.html': html, 'b/email.html': html, 'inboxlint.config.json': JSON.stringify({ clients: ['gmail'], overrides: [{ files: 'a/**', clients: 'outlook.windows' }] }) });
    const results = await lint([join(dir, 'a/email.html'), join(dir, 'b/email.html')], { cwd: dir, reportUnusedDirectives: false });
    const flex = results.map((r) => r.messages.some((m) => m.ruleId === 'client-support' && slugOf(m.message) === 'css-display-flex'));
    expect(flex).toEqual([true, false]);
  });

  it('doctor prints the caniemail data date', () => {
    expect(execFileSync(process.execPath, [BIN, 'doctor'], { encoding: 'utf8' })).toMatch(/caniemail data: +\d{4}-\d{2}-\d{2} \(\d+ features, from caniemail@/);
  });
});
