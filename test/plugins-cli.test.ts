/**
 * Plugins through the CLI (a real child process): the example plugin configured by path in
 * inboxlint.config.json, its rules beside the built-ins, `--rule ns/rule=…`, and a plugin
 * that fails to load (exit 2, naming the plugin and the config file, no stack trace).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const EXAMPLE = fileURLToPath(new URL('../examples/inboxlint-plugin-example', import.meta.url));
const EMAIL = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Spring sale</title></head>
<body>
<center>
<img src="https://shop.example/hero.png" width="600" height="300">
<a href="https://shop.example/spring" style="background:#0a7;color:#fff;padding:14px 28px;display:inline-block;font-size:16px">Shop the whole new spring collection today</a>
</center>
</body></html>
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'inboxlint-plugins-cli-'));
  writeFileSync(join(dir, 'a.html'), EMAIL);
  writeFileSync(
    join(dir, 'inboxlint.config.json'),
    JSON.stringify({ extends: 'inboxlint:recommended', plugins: { example: `./${relative(dir, EXAMPLE)}` }, rules: { 'example/no-center': 'error', 'example/cta-max-words': ['warn', { max: 5 }] } }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plugins in the CLI', () => {
  it('lints with the example plugin through the config, beside the built-in rules', () => {
    const r = run(['lint', 'a.html', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const [res] = JSON.parse(r.stdout);
    const ids = res.messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).toContain('example/no-center');
    expect(ids).toContain('example/cta-max-words');
    expect(ids).toContain('img-alt'); // built-ins too
    expect(res.messages.find((m: { ruleId: string }) => m.ruleId === 'example/no-center')).toMatchObject({ severity: 2, line: 4, column: 1 });
  });

  it('--rule sets a plugin rule, with options validated against its schema', () => {
    const off = run(['lint', 'a.html', '--format', 'json', '--rule', 'example/no-center=off', '--rule', 'example/cta-max-words=error:{"max":10}'], dir);
    const ids = JSON.parse(off.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).not.toContain('example/no-center');
    expect(ids).not.toContain('example/cta-max-words');
    const bad = run(['lint', 'a.html', '--rule', 'example/cta-max-words=error:{"max":0}'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--rule example\/cta-max-words\[1\]\.max: expected an integer ≥ 1, got 0/);
    const unknown = run(['lint', 'a.html', '--rule', 'acme/no-center=error'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--rule acme\/no-center: unknown rule/);
  });

  it('the stylish output names plugin rules', () => {
    const r = run(['lint', 'a.html'], dir);
    expect(r.stdout).toMatch(/example\/no-center/);
  });

  it('SARIF describes plugin rules with their own documentation link', () => {
    const r = run(['lint', 'a.html', '--format', 'sarif'], dir);
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as Array<{ id: string; helpUri?: string }>;
    expect(rules.find((x) => x.id === 'example/no-center')?.helpUri).toMatch(/examples\/inboxlint-plugin-example/);
    expect(rules.find((x) => x.id === 'img-alt')?.helpUri).toMatch(/rules\/img-alt\/README\.md$/);
  });

  it('a plugin that fails to load exits 2 naming it and the config file', () => {
    const sub = mkdtempSync(join(dir, 'bad-'));
    writeFileSync(join(sub, 'a.html'), EMAIL);
    writeFileSync(join(sub, 'inboxlint.config.json'), JSON.stringify({ plugins: { acme: 'inboxlint-plugin-acme' } }));
    const r = run(['lint', 'a.html'], sub);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/inboxlint\.config\.json: plugins\.acme: cannot load plugin "inboxlint-plugin-acme": package not found/);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+/);
  });
});
