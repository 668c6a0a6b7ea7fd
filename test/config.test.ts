/** Configuration loading, validation and resolution, and the node API, in-process. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRule, type AnyRule } from '../src/rule.js';
import { ConfigResolver, parseRuleFlags } from '../src/config/resolve.js';
import { mergeRules, closestIds } from '../src/config/load.js';
import { presetRules } from '../src/config/presets.js';
import { parseJson } from '../src/config/json.js';
import { lint, defineConfig, ConfigError, InputError } from '../src/index.js';
import { allRules } from '../rules/index.js';

/** A rule set of our own, so these tests do not depend on the built-in rules' details. */
const shout = defineRule({
  id: 'no-shout',
  description: 'No ALL CAPS words.',
  rationale: 'Test rule.',
  sources: ['test'],
  guidance: 'Write normally.',
  category: 'content',
  severity: 'warn',
  recommended: true,
  options: { minLength: { type: 'integer', default: 4, minimum: 1, description: 'Shortest word that counts.' } },
  messages: { shout: '"{{word}}" is shouting' },
  examples: { valid: [], invalid: [] },
  check({ doc, options, report }) {
    const re = new RegExp(`\\b[A-Z]{${options.minLength},}\\b`, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text))) {
      report({ messageId: 'shout', data: { word: m[0] }, range: { start: m.index, end: m.index + m[0].length }, suggestions: [{ desc: 'Lower-case it', fix: { range: { start: m.index, end: m.index + m[0].length }, text: m[0].toLowerCase() } }] });
    }
  },
});
const extra = defineRule({ ...shout, id: 'no-extra', recommended: false, severity: 'error', options: {}, messages: { x: 'extra' }, check() {} });
const ruleSet: AnyRule[] = [shout, extra];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-config-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(dir, 'p-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

const SHOUTY = '<html lang="en"><body><p>BUY NOW, it is GREAT</p></body></html>\n';

describe('presets', () => {
  it('recommended = recommended rules at their default severity; strict = every rule at error', () => {
    expect(presetRules('recommended', ruleSet)).toEqual({ 'no-shout': { severity: 'warn' } });
    expect(presetRules('strict', ruleSet)).toEqual({ 'no-shout': { severity: 'error' }, 'no-extra': { severity: 'error' } });
    const rec = presetRules('recommended', allRules);
    for (const r of allRules) expect(rec[r.id]?.severity).toBe(r.recommended ? r.severity : undefined);
  });
});

describe('rule settings', () => {
  it('a severity-only entry keeps the options it inherits', () => {
    expect(mergeRules({ a: { severity: 'warn', options: { max: 3 } } }, { a: { severity: 'error' } })).toEqual({ a: { severity: 'error', options: { max: 3 } } });
    expect(mergeRules({ a: { severity: 'warn', options: { max: 3 } } }, { a: { severity: 'off', options: { max: 4 } } })).toEqual({ a: { severity: 'off', options: { max: 4 } } });
  });

  it('parses --rule flags, with JSON options and numeric severities', async () => {
    const r = new ConfigResolver({ ruleSet });
    expect(parseRuleFlags(['no-shout=2', 'no-extra=off'], r.ctx)).toEqual({ 'no-shout': { severity: 'error' }, 'no-extra': { severity: 'off' } });
    expect(parseRuleFlags(['no-shout=warn:{"minLength":2}'], r.ctx)).toEqual({ 'no-shout': { severity: 'warn', options: { minLength: 2 } } });
    expect(() => parseRuleFlags(['no-shout'], r.ctx)).toThrow(/expected id=off\|warn\|error/);
    expect(() => parseRuleFlags(['no-shout=loud'], r.ctx)).toThrow(/--rule no-shout: expected "off", "warn", "error"/);
    expect(() => parseRuleFlags(['no-shout=warn:{bad'], r.ctx)).toThrow(/must be a JSON object/);
    expect(() => parseRuleFlags(['no-shot=warn'], r.ctx)).toThrow(/--rule no-shot: unknown rule \(did you mean "no-shout"/);
  });

  it('suggests close ids', () => {
    expect(closestIds('img-alts', allRules.map((r) => r.id))[0]).toBe('img-alt');
  });
});

describe('config files', () => {
  it('no config at all means recommended', async () => {
    const p = project({ 'a.html': SHOUTY });
    const [res] = await lint(join(p, 'a.html'), { ruleSet, cwd: p });
    expect(res.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([['no-shout', 1, '"GREAT" is shouting']]);
  });

  it('a config without extends turns on only what it lists', async () => {
    const p = project({ 'inboxlint.config.json': '{"rules":{"no-extra":"error"}}', 'a.html': SHOUTY });
    const [res] = await lint('a.html', { ruleSet, cwd: p });
    expect(res.messages).toEqual([]);
  });

  it('extends a config file relative to the config, merging rules and options', async () => {
    const p = project({
      'shared/base.json': JSON.stringify({ extends: 'inboxlint:strict', rules: { 'no-shout': ['warn', { minLength: 5 }] }, subject: 'From base' }),
      'emails/inboxlint.config.json': JSON.stringify({ extends: '../shared/base.json', rules: { 'no-shout': 'error' } }),
      'emails/a.html': SHOUTY,
    });
    const resolver = await new ConfigResolver({ ruleSet, cwd: p }).init();
    const c = await resolver.resolve(join(p, 'emails/a.html'));
    expect(c.rules['no-shout']).toEqual({ severity: 'error', options: { minLength: 5 } });
    expect(c.rules['no-extra']).toEqual({ severity: 'error' });
    expect(c).toMatchObject({ subject: 'From base', subjectSource: 'config' });
    const [res] = await lint('emails/a.html', { ruleSet, cwd: p });
    expect(res.messages.map((m) => m.message)).toEqual(['"GREAT" is shouting']);
  });

  it('reports circular and missing extends', async () => {
    const p = project({ 'a.json': '{"extends":"./b.json"}', 'b.json': '{"extends":"./a.json"}', 'c.json': '{"extends":["recommended","./nope.json"]}' });
    await expect(new ConfigResolver({ ruleSet, cwd: p, configFile: 'a.json' }).init()).rejects.toThrow(/extends: "\.\/a\.json" extends itself/);
    const err = await new ConfigResolver({ ruleSet, cwd: p, configFile: 'c.json' }).init().catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.describe()).toBe('c.json: extends[1]: "./nope.json" is neither a preset (inboxlint:recommended, inboxlint:strict) nor an existing config file');
  });

  it('validates shape with the key path and the expected value', async () => {
    const cases: Array<[unknown, string]> = [
      [{ rules: { 'no-shout': ['warn', { minLength: 'x' }] } }, 'rules.no-shout[1].minLength: expected an integer ≥ 1, got "x"'],
      [{ rules: { 'no-shout': ['warn', { min: 2 }] } }, 'rules.no-shout[1].min: unknown option for rule "no-shout"'],
      [{ rules: { 'no-shout': 'loud' } }, 'rules.no-shout: expected "off", "warn", "error", 0, 1, 2 or [severity, options], got "loud"'],
      [{ rules: { 'no-such-rule': 'warn' } }, 'rules.no-such-rule: unknown rule'],
      [{ overrides: [{ files: [] }] }, 'overrides[0].files: expected a glob string or an array of glob strings'],
      [{ overrides: [{ files: '*.html', rules: { 'no-shout': 5 } }] }, 'overrides[0].rules.no-shout: expected'],
      [{ overrides: [{ files: '*.html', subjct: 'x' }] }, 'overrides[0].subjct: unknown key (did you mean "subject"?)'],
      [{ mailType: 'promo' }, 'mailType: expected "marketing" or "transactional", got "promo"'],
      [{ subject: 42 }, 'subject: expected a string'],
      [{ extends: 3 }, 'extends: expected "inboxlint:recommended"'],
      [{ ignores: 'dist' }, 'ignores: expected an array of glob strings'],
      [{ track: true }, 'track: expected an object'],
      [{ rulez: {} }, 'rulez: unknown key (did you mean "rules"?)'],
      [[], 'config: expected an object'],
    ];
    for (const [config, message] of cases) {
      const err = await new ConfigResolver({ ruleSet, config: config as never }).init().catch((e) => e);
      expect(err, JSON.stringify(config)).toBeInstanceOf(ConfigError);
      expect(err.message).toContain(message);
    }
  });

  it('names the file, line and column of a JSON syntax error', async () => {
    expect(parseJson('{\n  "a": 1,\n}')).toEqual({ error: { message: 'invalid JSON: unexpected "}"', line: 3, column: 1 } });
    expect(parseJson('{"a": x}')).toMatchObject({ error: { line: 1, column: 7 } });
    expect(parseJson('{"a": [1, 2')).toMatchObject({ error: { message: 'invalid JSON: unexpected end of input' } });
    expect(parseJson('\ufeff{"a": 1}')).toEqual({ value: { a: 1 } });
    const p = project({ 'inboxlint.config.json': '{\n  "rules": {\n    "no-shout": "warn"\n  ,}\n}', 'a.html': SHOUTY });
    const err = await lint('a.html', { ruleSet, cwd: p }).catch((e) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.describe()).toBe('inboxlint.config.json:4:4: invalid JSON: unexpected "}"');
  });

  it('caches the discovered config per directory', async () => {
    const p = project({ 'inboxlint.config.json': '{}', 'a/b/x.html': SHOUTY });
    const r = await new ConfigResolver({ ruleSet, cwd: p }).init();
    const one = await r.findConfig(join(p, 'a/b'));
    expect(await r.findConfig(join(p, 'a/b'))).toBe(one);
    expect(await r.findConfig(join(p, 'a'))).toBe(one);
    expect(one?.path).toBe(join(p, 'inboxlint.config.json'));
  });

  it('overrides: globs relative to the config, excludedFiles, subject/preheader/mailType per pattern; options beat config', async () => {
    const p = project({
      'inboxlint.config.json': JSON.stringify({
        extends: 'recommended',
        mailType: 'marketing',
        overrides: [
          { files: 'receipts/**', excludedFiles: '**/draft-*.html', mailType: 'transactional', rules: { 'no-shout': 'off' }, preheader: 'Your receipt' },
          { files: '*.html', subject: 'Everywhere' },
        ],
      }),
    });
    const r = await new ConfigResolver({ ruleSet, cwd: p }).init();
    expect(await r.resolve(join(p, 'receipts/2024/r.html'))).toMatchObject({ mailType: 'transactional', preheader: 'Your receipt', subject: 'Everywhere', rules: { 'no-shout': { severity: 'off' } } });
    expect(await r.resolve(join(p, 'receipts/draft-r.html'))).toMatchObject({ mailType: 'marketing', rules: { 'no-shout': { severity: 'warn' } } });
    const withFlags = await new ConfigResolver({ ruleSet, cwd: p, subject: 'Flag', mailType: 'marketing', rules: ['no-shout=error'] }).init();
    expect(await withFlags.resolve(join(p, 'receipts/r.html'))).toMatchObject({ subject: 'Flag', subjectSource: 'option', mailType: 'marketing', rules: { 'no-shout': { severity: 'error' } } });
  });

  it('ignores: skipped in directories, a warning for a file named explicitly', async () => {
    const p = project({ 'inboxlint.config.json': '{"ignores":["dist/","*.draft.html"]}', 'a.html': SHOUTY, 'dist/b.html': SHOUTY, 'c.draft.html': SHOUTY });
    const res = await lint(p, { ruleSet, cwd: p });
    expect(res.map((r) => r.filePath)).toEqual([join(p, 'a.html')]);
    const [named] = await lint('dist/b.html', { ruleSet, cwd: p });
    expect(named.messages).toMatchObject([{ ruleId: null, severity: 1, message: 'File ignored because of a matching ignore pattern in inboxlint.config.json.' }]);
  });
});

describe('node API', () => {
  it('lints in-memory text with inline config, options and rules', async () => {
    const [res] = await lint({ text: SHOUTY }, { ruleSet, config: { rules: { 'no-shout': ['error', { minLength: 5 }] } } });
    expect(res.errorCount).toBe(1);
    expect(res.messages[0]).toMatchObject({ ruleId: 'no-shout', severity: 2, line: 1, messageId: 'shout' });
    expect(res.messages[0].suggestions?.[0].fix.text).toBe('great');
    const [off] = await lint({ text: SHOUTY }, { ruleSet, config: {}, rules: { 'no-shout': 'off' } });
    expect(off.messages).toEqual([]);
  });

  it('returns a fatal result for per-file input errors, and throws for bad config or an unmatched glob', async () => {
    const p = project({ 'a.html': SHOUTY, 'empty.html': '' });
    const res = await lint([join(p, 'missing.html'), join(p, 'empty.html'), join(p, 'a.html')], { ruleSet, cwd: p });
    expect(res[0].messages).toMatchObject([{ ruleId: null, fatal: true, severity: 2, message: 'no such file' }]);
    expect(res[1].messages[0]).toMatchObject({ fatal: true, message: 'file is empty' });
    expect(res[2].warningCount).toBe(1);
    const [emptyText] = await lint({ text: '  ' }, { ruleSet, config: {} });
    expect(emptyText.fatalErrorCount).toBe(1);
    await expect(lint({ text: SHOUTY }, { ruleSet, config: { rules: { nope: 'warn' } } })).rejects.toBeInstanceOf(ConfigError);
    await expect(lint('nothing/**/*.html', { ruleSet, cwd: p })).rejects.toBeInstanceOf(InputError);
  });

  it('uses the built-in rules by default', async () => {
    const [res] = await lint({ text: '<html><body><img src="a.png"></body></html>' }, { config: { extends: 'recommended' } });
    expect(res.messages.some((m) => m.ruleId === 'img-alt')).toBe(true);
  });

  it('defineConfig is the identity', () => {
    const c = { extends: 'inboxlint:recommended', rules: { 'img-alt': 'error' as const } };
    expect(defineConfig(c)).toBe(c);
  });
});
