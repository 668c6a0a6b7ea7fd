/**
 * The Session (createSession) and plugins, in-process: config resolution invalidated when a
 * config file changes, the rule registry with plugin rules (by package name, by path, as an
 * object in a JS config), their option schemas in config validation, a plugin that fails to
 * load, a plugin rule that throws, and the thin lint()/inspect()/track() wrappers.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession, lint, inspect, track, ConfigError } from '../src/index.js';
import { allRules } from '../rules/index.js';

const EXAMPLE_PLUGIN = fileURLToPath(new URL('../examples/inboxlint-plugin-example', import.meta.url));
const CENTER = '<!DOCTYPE html><html lang="en"><head><title>Hi</title></head><body><center><p>Hello</p></center></body></html>\n';

let dir: string;
const write = (rel: string, text: string) => {
  const p = join(dir, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
};
const ids = (r: { messages: Array<{ ruleId: string | null }> }) => r.messages.map((m) => m.ruleId);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-session-'));
  // A plugin installed as a package (ESM-only exports), one that throws, one that is malformed.
  write(
    'node_modules/inboxlint-plugin-acme/package.json',
    JSON.stringify({ name: 'inboxlint-plugin-acme', type: 'module', exports: { '.': { import: './main.js' } } }),
  );
  write(
    'node_modules/inboxlint-plugin-acme/main.js',
    `export default { rules: {
      'no-center': { id: 'no-center', description: 'No <center>.', options: { allowVml: { type: 'boolean', default: true, description: 'x' } },
        messages: { center: 'no <center>, please' },
        check({ doc, report }) { for (const el of doc.byTag('center')) report({ messageId: 'center', range: doc.startTagRange(el) }); } },
      boom: { messages: { x: 'x' }, check() { throw new Error('kaboom'); } },
    } };\n`,
  );
  write('plugins/bad.mjs', 'export default { rules: { nope: { messages: {} } } };\n');
  write('plugins/syntax.mjs', 'export default {{{;\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createSession', () => {
  it('exposes lint, lintText, inspect, track, configFor, rules, renderer and close', async () => {
    const s = await createSession({ cwd: dir });
    for (const m of ['lint', 'lintText', 'inspect', 'track', 'configFor', 'renderer', 'close'] as const) expect(typeof s[m]).toBe('function');
    expect(s.rules.map((r) => r.id)).toEqual(allRules.map((r) => r.id));
    expect(JSON.parse(JSON.stringify(s.options))).toEqual(s.options); // serialisable: a worker rebuilds it from this
    await s.close();
    await s.close(); // idempotent
    await expect(s.lint({ text: CENTER })).rejects.toThrow(/closed/);
  });

  it('re-reads a config file that changed (mtime/size), and notices one that appears', async () => {
    const sub = join(dir, 'invalidate');
    write('invalidate/a.html', CENTER);
    const s = await createSession({ cwd: sub });
    try {
      expect((await s.configFor('a.html')).rules['html-title']).toBeDefined();
      // A config appears in the folder: the next call sees it.
      const cfg = write('invalidate/inboxlint.config.json', JSON.stringify({ rules: { 'html-title': 'off', 'img-alt': 'error' } }));
      expect((await s.configFor('a.html')).rules['html-title']).toEqual({ severity: 'off' });
      // It changes: seen again (same size, new mtime, still detected).
      writeFileSync(cfg, JSON.stringify({ rules: { 'html-title': 'warn', 'img-alt': 'error' } }));
      utimesSync(cfg, new Date(), new Date(Date.now() + 5000));
      expect((await s.configFor('a.html')).rules['html-title']).toEqual({ severity: 'warn' });
      // And a plugin added to it is loaded.
      writeFileSync(cfg, JSON.stringify({ plugins: { acme: 'inboxlint-plugin-acme' }, rules: { 'acme/no-center': 'error' } }));
      utimesSync(cfg, new Date(), new Date(Date.now() + 10000));
      const [r] = await s.lint('a.html');
      expect(ids(r)).toContain('acme/no-center');
      expect(s.rules.map((x) => x.id)).toContain('acme/no-center');
    } finally {
      await s.close();
    }
  });

  it('re-imports an edited JS config, and a session rebuilt from its options resolves the same', async () => {
    write('jsreload/a.html', CENTER);
    const cfg = write('jsreload/inboxlint.config.mjs', "export default { rules: { 'html-lang': 'warn' } };\n");
    const s = await createSession({ cwd: join(dir, 'jsreload'), plugins: { acme: join(dir, 'node_modules/inboxlint-plugin-acme/main.js') } });
    try {
      expect(Object.keys((await s.configFor('a.html')).rules)).toEqual(['html-lang']);
      writeFileSync(cfg, "export default { rules: { 'html-lang': 'error', 'acme/no-center': 'warn' } };\n");
      utimesSync(cfg, new Date(), new Date(Date.now() + 5000));
      const now = await s.configFor('a.html');
      expect(now.rules).toEqual({ 'html-lang': { severity: 'error' }, 'acme/no-center': { severity: 'warn' } });
      const twin = await createSession(JSON.parse(JSON.stringify(s.options)));
      expect(await twin.configFor('a.html')).toEqual(now);
      await twin.close();
    } finally {
      await s.close();
    }
  });

  it('the one-shot lint(), inspect() and track() run through a session', async () => {
    write('wrap/a.html', CENTER.replace('<p>Hello</p>', '<a href="https://e.com/x" style="background:#0a7;color:#fff;padding:12px 24px;display:inline-block">Start my trial</a>'));
    write('wrap/inboxlint.config.json', JSON.stringify({ subject: 'From the config', track: { campaign: 'from-config' } }));
    const [r] = await lint([join(dir, 'wrap/a.html')], { cwd: dir });
    expect(r.errorCount + r.warningCount).toBeGreaterThanOrEqual(0);
    const [report] = await inspect(join(dir, 'wrap/a.html'));
    expect(report.subject).toMatchObject({ text: 'From the config', source: 'config' });
    const t = await track(join(dir, 'wrap/a.html'), { source: 'news' } as never);
    expect(t.output).toContain('utm_campaign=from-config');
    expect(t.output).toContain('utm_source=news');
  });
});

describe('plugins', () => {
  it('loads a plugin by package name from the config file\'s folder; its rules combine with built-ins', async () => {
    write('pkg/inboxlint.config.json', JSON.stringify({ plugins: { acme: 'inboxlint-plugin-acme' }, rules: { 'acme/no-center': ['error', { allowVml: false }], 'html-title': 'error' } }));
    const html = write('pkg/a.html', CENTER.replace('<title>Hi</title>', ''));
    const [r] = await lint(html, { cwd: dir });
    expect(ids(r)).toContain('acme/no-center');
    expect(ids(r)).toContain('html-title');
    expect(r.messages.find((m) => m.ruleId === 'acme/no-center')).toMatchObject({ severity: 2, message: 'no <center>, please', line: 1 });
  });

  it('loads a plugin by path relative to the config file (the example plugin), and `rules` options name its rules', async () => {
    const rel = relative(dir, EXAMPLE_PLUGIN); // a path relative to cwd (the inline config's folder)
    const [r] = await lint({ text: CENTER, filePath: join(dir, 'x.html') }, { cwd: dir, config: { plugins: { example: rel.startsWith('.') ? rel : `./${rel}` }, rules: { 'example/no-center': 'warn' } } });
    expect(r.messages.filter((m) => m.ruleId === 'example/no-center')).toHaveLength(1);
    const [r2] = await lint({ text: CENTER }, { cwd: dir, plugins: { example: EXAMPLE_PLUGIN }, rules: ['example/no-center=error'] });
    expect(r2.messages.find((m) => m.ruleId === 'example/no-center')?.severity).toBe(2);
  });

  it('accepts the plugin object itself in a JS config', async () => {
    write(
      'jsconfig/inboxlint.config.mjs',
      `export default { plugins: { inline: { rules: { 'no-p': { messages: { p: 'a <p>' }, check({ doc, report }) { for (const el of doc.byTag('p')) report({ messageId: 'p', range: doc.range(el) }); } } } } },
        rules: { 'inline/no-p': 'error' } };\n`,
    );
    const html = write('jsconfig/a.html', CENTER);
    const [r] = await lint(html, { cwd: dir });
    expect(ids(r)).toContain('inline/no-p');
  });

  it('validates plugin rule ids and option schemas like built-in ones', async () => {
    const base = { plugins: { acme: join(dir, 'node_modules/inboxlint-plugin-acme/main.js') } };
    await expect(lint({ text: CENTER }, { cwd: dir, config: { ...base, rules: { 'acme/no-centre': 'warn' } } })).rejects.toThrow(/rules\.acme\/no-centre: unknown rule \(did you mean "acme\/no-center"/);
    await expect(lint({ text: CENTER }, { cwd: dir, config: { ...base, rules: { 'acme/no-center': ['warn', { allowVml: 'yes' }] } } })).rejects.toThrow(
      /rules\.acme\/no-center\[1\]\.allowVml: expected true or false, got "yes"/,
    );
    await expect(lint({ text: CENTER }, { cwd: dir, config: { rules: { 'acme/no-center': 'warn' } } })).rejects.toThrow(/unknown rule/);
  });

  it('a plugin that fails to load is a ConfigError naming it (and the config file)', async () => {
    const cases: Array<[unknown, RegExp]> = [
      ['inboxlint-plugin-missing', /plugins\.x: cannot load plugin "inboxlint-plugin-missing": package not found/],
      ['./plugins/none.mjs', /plugins\.x: cannot load plugin "\.\/plugins\/none\.mjs": no such file/],
      ['./plugins/syntax.mjs', /plugins\.x: cannot load plugin "\.\/plugins\/syntax\.mjs": /],
      ['./plugins/bad.mjs', /plugins\.x: plugin "\.\/plugins\/bad\.mjs" rule "nope" is not a rule object/],
      [42, /plugins\.x: expected a package name/],
    ];
    for (const [value, re] of cases) {
      write('inboxlint.config.json', JSON.stringify({ plugins: { x: value } }));
      const err = await lint({ text: CENTER, filePath: join(dir, 'a.html') }, { cwd: dir }).catch((e) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect(err.message).toMatch(re);
      expect(err.filePath).toBe('inboxlint.config.json');
    }
    rmSync(join(dir, 'inboxlint.config.json'));
    await expect(lint({ text: CENTER }, { cwd: dir, config: { plugins: { 'a/b': 'x' } } })).rejects.toThrow(/plugins\.a\/b: a plugin namespace/);
  });

  it('a plugin rule that throws becomes a finding naming the rule; the other rules still run', async () => {
    const [r] = await lint(
      { text: CENTER },
      { cwd: dir, plugins: { acme: join(dir, 'node_modules/inboxlint-plugin-acme/main.js') }, rules: { 'acme/boom': 'warn', 'acme/no-center': 'warn', 'html-lang': 'error' } },
    );
    const boom = r.messages.find((m) => m.ruleId === 'acme/boom');
    expect(boom?.message).toMatch(/Rule "acme\/boom" failed on this file: kaboom/);
    expect(ids(r)).toContain('acme/no-center');
  });

  it('inline directives name plugin rules', async () => {
    const text = CENTER.replace('<center>', '<!-- inboxlint-disable-next-line acme/no-center -- house exception -->\n<center>');
    const [r] = await lint({ text }, { cwd: dir, plugins: { acme: join(dir, 'node_modules/inboxlint-plugin-acme/main.js') }, config: { rules: { 'acme/no-center': 'error' } } });
    expect(r.messages).toEqual([]);
    expect(r.suppressedMessages.map((m) => m.ruleId)).toEqual(['acme/no-center']);
  });

  it('presets leave plugin rules off: strict turns on built-ins only', async () => {
    const s = await createSession({ cwd: dir, config: { extends: 'inboxlint:strict', plugins: { acme: join(dir, 'node_modules/inboxlint-plugin-acme/main.js') } } });
    try {
      const rules = (await s.configFor('a.html')).rules;
      expect(rules['html-title']).toEqual({ severity: 'error' });
      expect(rules['acme/no-center']).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});
