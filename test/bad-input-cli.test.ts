/**
 * Bad input end to end through the CLI (a real child process on a temp project): file-system
 * oddities, bad configs and plugins, broken MJML and .eml. Each case lints the bad input beside
 * a good file and checks: a lint result or exit 2, a message naming the file (and the line where
 * there is one), no stack trace, no hang, and the good file's finding still reported.
 * (Missing, empty and binary files, an invalid JSON config, unknown rules, bad option types and
 * a plugin that is not installed are covered in cli.test.ts and plugins-cli.test.ts.)
 */
import { describe, it, expect, onTestFinished } from 'vitest';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { PNG } from 'pngjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAN, WITH_ERROR, tempProjects } from './cli-fixtures.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const EML = fileURLToPath(new URL('../fixtures/eml/', import.meta.url));
const NO_STACK = /\n\s+at .+:\d+/;

/** The CLI in `cwd`; a hang fails the test (the child is killed after a generous minute). */
function run(args: string[], cwd: string, extra: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    ...extra,
    env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '', INBOXLINT_CACHE: '0', ...(extra.env ?? {}) },
  });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
}

interface Message {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  fatal?: boolean;
  severity: number;
}
interface Result {
  filePath: string;
  messages: Message[];
}

/** Runs with `-f json` and returns the results by file name relative to the project. */
function lintJson(args: string[], cwd: string, extra: SpawnSyncOptions = {}) {
  const r = run([...args, '-f', 'json'], cwd, extra);
  expect(r.signal, `the run hung or was killed: ${r.stderr}`).toBeNull();
  expect(r.stderr).not.toMatch(NO_STACK);
  expect(r.stderr).not.toContain('internal error');
  const results = JSON.parse(r.stdout) as Result[];
  const byName = new Map(results.map((x) => [x.filePath.slice(cwd.length + 1), x]));
  return { ...r, results, byName };
}

/** The good file (one img-alt error) was linted and reported as usual. */
function expectGoodLinted(byName: Map<string, Result>, name = 'good.html'): void {
  const good = byName.get(name);
  expect(good, `${name} missing from the results`).toBeDefined();
  expect(good!.messages.map((m) => m.ruleId)).toEqual(['img-alt']);
}

const project = tempProjects('inboxlint-bad-input-');

describe('files', () => {
  it('CR-only line ends (old Mac): a finding on the 3rd CR-separated line says line 3', () => {
    const text = '<!DOCTYPE html>\r<html lang="en">\r<body><p>Hi</p><img src="https://shop.example/a.png" width="10" height="10">\r</body></html>\r';
    const p = project({ 'mac.html': text, 'good.html': WITH_ERROR });
    const r = lintJson(['mac.html', 'good.html', '--rule', 'img-alt=error'], p);
    const alt = r.byName.get('mac.html')!.messages.find((m) => m.ruleId === 'img-alt');
    expect(alt).toMatchObject({ line: 3, column: 16 });
    expectGoodLinted(r.byName);
    // The stylish output points at the same line.
    expect(run(['mac.html'], p).stdout).toMatch(/^\s+3:16\s+error\s.*img-alt$/m);
  });

  it('a directory with a symlink loop (ln -s .. loop): no hang, each real file linted once, as a directory and via a glob', () => {
    const p = project({ 'emails/a.html': WITH_ERROR, 'emails/sub/b.html': WITH_ERROR });
    symlinkSync('..', join(p, 'emails/loop'));
    symlinkSync('..', join(p, 'emails/sub/up'));
    for (const args of [['emails'], ['emails/**/*.html'], ['emails', 'emails/**/*.html', 'emails/sub/up/a.html']]) {
      const r = lintJson(args, p);
      expect(r.code, args.join(' ')).toBe(1);
      expect([...r.byName.keys()], args.join(' ')).toEqual(['emails/a.html', 'emails/sub/b.html']);
      expect(r.results.every((x) => x.messages.map((m) => m.ruleId).join() === 'img-alt')).toBe(true);
    }
  });

  it('a file named explicitly that is gone (a dangling symlink): exit 2 naming it and its target; the others are linted', () => {
    const p = project({ 'good.html': WITH_ERROR });
    symlinkSync('deleted.html', join(p, 'gone.html'));
    const r = lintJson(['gone.html', 'good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: gone.html: is a symbolic link to a missing file (deleted.html)\n');
    expect(r.byName.get('gone.html')!.messages[0]).toMatchObject({ ruleId: null, fatal: true });
    expectGoodLinted(r.byName);
  });

  it('a file that disappears mid-run (a glob expanded to it; an earlier file’s plugin rule deletes it): exit 2 naming it, the rest linted', () => {
    const plugin = `import { unlinkSync } from 'node:fs';
export default { rules: { vanish: { messages: { x: 'x' }, options: {}, check({ doc }) {
  if (doc.filePath.endsWith('a.html')) unlinkSync(doc.filePath.replace(/a\\.html$/, 'b.html'));
} } } };
`;
    const p = project({
      'inboxlint.config.json': JSON.stringify({ extends: 'inboxlint:recommended', plugins: { t: './vanish.mjs' }, rules: { 't/vanish': 'warn' } }),
      'vanish.mjs': plugin,
      'emails/a.html': WITH_ERROR,
      'emails/b.html': WITH_ERROR,
      'emails/good.html': WITH_ERROR,
    });
    const r = lintJson(['emails/*.html', '--jobs', '1'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: emails/b.html: no such file\n');
    expect(r.byName.get('emails/b.html')!.messages).toEqual([expect.objectContaining({ ruleId: null, fatal: true, message: 'no such file' })]);
    expectGoodLinted(r.byName, 'emails/a.html');
    expectGoodLinted(r.byName, 'emails/good.html');
  });

  it('an unreadable file (mode 000; as root the CLI runs as nobody, whom the mode does stop): exit 2 "permission denied", the rest linted', () => {
    const p = project({ 'secret.html': WITH_ERROR, 'good.html': WITH_ERROR });
    chmodSync(join(p, 'secret.html'), 0o000);
    const r = lintJson(['secret.html', 'good.html'], p, unprivileged(p));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: secret.html: cannot read file (permission denied)\n');
    expect(r.byName.get('secret.html')!.messages[0]).toMatchObject({ ruleId: null, fatal: true });
    expectGoodLinted(r.byName);
  });

  it('an unreadable folder (mode 000) inside a linted directory or on a glob’s way: exit 2 naming it; a file in it named explicitly: permission denied', () => {
    const p = project({ 'emails/locked/a.html': WITH_ERROR, 'emails/good.html': WITH_ERROR });
    chmodSync(join(p, 'emails/locked'), 0o000);
    onTestFinished(() => chmodSync(join(p, 'emails/locked'), 0o755)); // so the temp project can be removed
    const as = unprivileged(p);
    for (const args of [['emails'], ['emails/**/*.html']]) {
      const r = lintJson(args, p, as);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr, args[0]).toBe('inboxlint: emails/locked: cannot read directory (permission denied); the email files in it are not linted\n');
      expect([...r.byName.keys()]).toEqual(['emails/good.html']);
      expectGoodLinted(r.byName, 'emails/good.html');
    }
    // Config discovery passes the folder it cannot search; the file itself is reported.
    const r = lintJson(['emails/locked/a.html', 'emails/good.html'], p, as);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: emails/locked/a.html: cannot read file (permission denied)\n');
    expectGoodLinted(r.byName, 'emails/good.html');
  });

  it('a named pipe (FIFO) where a file is expected: no hang, exit 2 naming it; a directory holding one skips it', () => {
    const p = project({ 'emails/good.html': WITH_ERROR });
    mkfifoSync(join(p, 'emails/pipe.html'));
    const r = lintJson(['emails/pipe.html', 'emails/good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: emails/pipe.html: is a named pipe (FIFO), not an email file\n');
    expectGoodLinted(r.byName, 'emails/good.html');
    // --cache hashes each file's bytes first: it refuses the pipe the same way.
    const c = lintJson(['emails/pipe.html', 'emails/good.html', '--cache', '--cache-location', 'lint-cache'], p);
    expect(c.code).toBe(2);
    expect(c.stderr).toBe('inboxlint: emails/pipe.html: is a named pipe (FIFO), not an email file\n');
    expectGoodLinted(c.byName, 'emails/good.html');
    // Directories and globs expand to regular files only (like a subfolder, a pipe is not an email file).
    const d = lintJson(['emails'], p);
    expect(d.code).toBe(1);
    expect([...d.byName.keys()]).toEqual(['emails/good.html']);
  });

  it('a socket where a file is expected: exit 2 naming it, not an internal error', async () => {
    const p = project({ 'good.html': WITH_ERROR });
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(p, 'sock.html'), done));
    try {
      const r = lintJson(['sock.html', 'good.html'], p);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('inboxlint: sock.html: is a socket, not an email file\n');
      expectGoodLinted(r.byName);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it('a glob that matches nothing: exit 2 naming the pattern, and the other inputs are still linted', () => {
    const p = project({ 'good.html': WITH_ERROR });
    const r = lintJson(['emails/**/*.html', 'good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: no files match the pattern "emails/**/*.html"\n');
    expectGoodLinted(r.byName);
    const alone = run(['emails/**/*.html'], p);
    expect(alone.code).toBe(2);
    expect(alone.stdout).toBe('');
  });

  it('file names with spaces and unicode in text, JSON and SARIF output (the SARIF uri percent-encoded)', () => {
    const name = 'news letters/my email é 😀.html';
    const p = project({ [name]: WITH_ERROR, 'good.html': WITH_ERROR });
    const text = run([name, 'good.html'], p);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`\n${name}\n`);
    const j = lintJson(['news letters', 'good.html'], p);
    expectGoodLinted(j.byName, name);
    expectGoodLinted(j.byName);
    const sarif = run(['news letters/*.html', 'good.html', '-f', 'sarif'], p);
    const uris = JSON.parse(sarif.stdout).runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['news%20letters/my%20email%20%C3%A9%20%F0%9F%98%80.html', 'good.html']);
    expect(decodeURIComponent(uris[0])).toBe(name);
  });

  it('render: an image that is a FIFO or a symlink out of the template’s folder is neither read nor drawn, and the render finishes', () => {
    const blue = new PNG({ width: 40, height: 40 });
    for (let i = 0; i < blue.data.length; i += 4) blue.data.set([0, 0, 255, 255], i);
    const page = '<!DOCTYPE html><html lang="en"><head><title>Spring</title></head><body style="margin:0;background:#fff">' +
      '<img src="pipe.png" width="40" height="40" alt="" style="display:block"><img src="linked.png" alt="" style="display:block"><p>Spring linen</p></body></html>';
    const root = project({ 'outside/blue.png': PNG.sync.write(blue), 'site/email.html': page });
    mkfifoSync(join(root, 'site/pipe.png'));
    symlinkSync(join(root, 'outside/blue.png'), join(root, 'site/linked.png'));
    const r = run(['render', 'site/email.html', '--out', 'shots', '--viewport', '400x300'], root);
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    const shots = readdirSync(join(root, 'shots')).filter((f) => /^email\.[^.]+\.png$/.test(f));
    expect(shots.length).toBeGreaterThan(0);
    for (const f of shots) {
      const png = PNG.sync.read(readFileSync(join(root, 'shots', f)));
      let bluePixels = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 30 && png.data[i + 1] < 30 && png.data[i + 2] > 220) bluePixels++;
      expect(bluePixels, f).toBe(0);
    }
  });

  it('render: a glob that matches nothing is named (exit 2) and the other templates are still rendered', () => {
    const p = project({ 'good.html': WITH_ERROR });
    const r = run(['render', 'emails/*.html', 'good.html', '--out', 'shots', '--viewport', '400x300'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: no files match the pattern "emails/*.html"\n');
    expect(readdirSync(join(p, 'shots'))).toContain('good.400x300.png');
  });

  it('a huge single line (2 MB, no newline): linted, the finding at its column on line 1', () => {
    const row = '<p style="color:#333333">Spring linen is here: light shirts and jackets for warm days.</p>';
    const body = row.repeat(Math.ceil(2_000_000 / row.length));
    const text = `<!DOCTYPE html><html lang="en"><head><title>Spring linen</title></head><body>${body}<img src="https://shop.example/a.png" width="10" height="10"></body></html>`;
    const p = project({ 'huge.html': text, 'good.html': WITH_ERROR });
    const r = lintJson(['huge.html', 'good.html'], p);
    expect(text.length).toBeGreaterThan(2_000_000);
    const alt = r.byName.get('huge.html')!.messages.find((m) => m.ruleId === 'img-alt');
    expect(alt).toMatchObject({ line: 1, column: text.indexOf('<img') + 1 });
    expectGoodLinted(r.byName);
  });
});

describe('config', () => {
  const crash = `export default { rules: { crash: { messages: { x: 'x' }, options: {}, check() { throw new TypeError('kaboom in check'); } } } };\n`;

  it('a missing extends target: exit 2 naming the config file and the target', () => {
    const p = project({ 'inboxlint.config.json': JSON.stringify({ extends: ['inboxlint:recommended', './shared/base.json'] }), 'good.html': WITH_ERROR });
    const r = run(['good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: inboxlint.config.json: extends[1]: "./shared/base.json" is neither a preset (inboxlint:recommended, inboxlint:strict) nor an existing config file\n');
  });

  it('--config naming a FIFO or a folder: exit 2 naming it, no hang', () => {
    const p = project({ 'configs/readme.txt': 'configs live here', 'good.html': WITH_ERROR });
    mkfifoSync(join(p, 'pipe.json'));
    expect(run(['--config', 'pipe.json', 'good.html'], p)).toMatchObject({ code: 2, signal: null, stderr: 'inboxlint: pipe.json: is a pipe, socket or device, not a config file\n' });
    expect(run(['--config', 'configs', 'good.html'], p)).toMatchObject({ code: 2, stderr: 'inboxlint: configs: is a directory, not a config file\n' });
  });

  it('an extended config with a JSON syntax error: exit 2 naming that file, line and column', () => {
    const p = project({ 'inboxlint.config.json': JSON.stringify({ extends: './base.json' }), 'base.json': '{\n  "rules": {\n    "img-alt": "off"\n  \n', 'good.html': WITH_ERROR });
    const r = run(['good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^inboxlint: base\.json:5:1: invalid JSON: unexpected end of input\n$/);
  });

  it('a plugin that throws while loading: exit 2 naming the plugin, the config file and the error', () => {
    const p = project({
      'inboxlint.config.json': JSON.stringify({ plugins: { boom: './boom.mjs' } }),
      'boom.mjs': "throw new Error('plugin exploded while loading');\n",
      'good.html': WITH_ERROR,
    });
    const r = run(['good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inboxlint: inboxlint.config.json: plugins.boom: cannot load plugin "./boom.mjs": plugin exploded while loading\n');
  });

  it('a plugin rule that throws while checking: a finding naming the rule; the other rules still run and report', () => {
    const p = project({
      'inboxlint.config.json': JSON.stringify({ extends: 'inboxlint:recommended', plugins: { acme: './crash.mjs' }, rules: { 'acme/crash': 'error' } }),
      'crash.mjs': crash,
      'clean.html': CLEAN,
      'good.html': WITH_ERROR,
    });
    const r = lintJson(['clean.html', 'good.html'], p);
    expect(r.code).toBe(1);
    for (const name of ['clean.html', 'good.html']) {
      const [first, ...rest] = r.byName.get(name)!.messages;
      expect(first).toMatchObject({ ruleId: 'acme/crash', severity: 2, fatal: true, message: 'Rule "acme/crash" failed on this file: kaboom in check' });
      expect(rest.map((m) => m.ruleId)).toEqual(name === 'good.html' ? ['img-alt'] : []);
    }
    expect(run(['good.html'], p).stdout).toMatch(/^\s+1:1\s+error\s+Rule "acme\/crash" failed on this file: kaboom in check\s+acme\/crash$/m);
  });
});

describe('MJML', () => {
  const mjml = (body: string) => `<mjml lang="en">\n<mj-head><mj-title>Spring sale</mj-title><mj-preview>Light linen shirts and jackets for the warm days ahead.</mj-preview></mj-head>\n<mj-body>\n${body}\n</mj-body>\n</mjml>\n`;
  const section = (inner: string) => `<mj-section><mj-column>\n${inner}\n</mj-column></mj-section>`;
  const FOOTER = '<mj-text><a href="https://shop.example/unsubscribe">Unsubscribe</a></mj-text>';

  /** The mjml-valid findings of one file: `line: message`. */
  const mjmlValid = (r: ReturnType<typeof lintJson>, name: string) =>
    r.byName.get(name)!.messages.filter((m) => m.ruleId === 'mjml-valid').map((m) => `${m.line}: ${m.message}`);

  it('malformed XML (an unclosed tag): a finding at the tag’s line', () => {
    const p = project({ 'sale.mjml': mjml(section(`<mj-text>Hello there\n${FOOTER}`)), 'good.html': WITH_ERROR });
    const r = lintJson(['sale.mjml', 'good.html'], p);
    expect(mjmlValid(r, 'sale.mjml')).toEqual([expect.stringMatching(/^5: Malformed MJML: <mj-text> opened at line 5 is never closed/)]);
    expectGoodLinted(r.byName);
  });

  it('an unknown component: a finding at its line', () => {
    const p = project({ 'sale.mjml': mjml(section(`<mj-text>Hello</mj-text>\n<mj-sparkle>Hi</mj-sparkle>\n${FOOTER}`)), 'good.html': WITH_ERROR });
    const r = lintJson(['sale.mjml', 'good.html'], p);
    expect(mjmlValid(r, 'sale.mjml')).toEqual(["6: MJML validation: Element mj-sparkle doesn't exist or is not registered"]);
    expectGoodLinted(r.byName);
  });

  it('mj-include of a missing file: a finding at the include line', () => {
    const p = project({ 'sale.mjml': mjml(`${section(FOOTER)}\n<mj-include path="./partials/missing.mjml" />`), 'good.html': WITH_ERROR });
    const r = lintJson(['sale.mjml', 'good.html'], p);
    expect(mjmlValid(r, 'sale.mjml')).toEqual([expect.stringMatching(/^7: MJML include: mj-include cannot read "\.\/partials\/missing\.mjml"/)]);
    expectGoodLinted(r.byName);
  });

  it('mj-include of itself, and a cycle through a partial: exit 2 at the include line, the rest linted', () => {
    const p = project({
      'self.mjml': mjml(`${section(FOOTER)}\n<mj-include path="./self.mjml" />`),
      'loop.mjml': mjml(`${section(FOOTER)}\n<mj-include path="./footer.mjml" />`),
      'footer.mjml': `<mj-section><mj-column><mj-text>Footer</mj-text></mj-column></mj-section>\n<mj-include path="./loop.mjml" />\n`,
      'good.html': WITH_ERROR,
    });
    const r = lintJson(['self.mjml', 'loop.mjml', 'good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('inboxlint: self.mjml:7: circular mj-include: "./self.mjml" leads back to a file already being included; mjml cannot compile it');
    expect(r.stderr).toContain('inboxlint: loop.mjml:7: circular mj-include: "./footer.mjml" → "./loop.mjml" leads back to a file already being included');
    expectGoodLinted(r.byName);
  });

  it('mj-include of a file outside the project (a ../ path, an absolute path, a symlink out): a finding, and the file is never opened', () => {
    // The outside file is a FIFO: opening it to read would block, so the run finishing shows it was never read.
    const root = project({
      'outside/notes.txt': 'not an email',
      'site/sale.mjml': mjml(`${section(FOOTER)}\n<mj-include path="../outside/pipe.mjml" />\n<mj-include path="./linked.mjml" />`),
      'site/good.html': WITH_ERROR,
    });
    mkfifoSync(join(root, 'outside/pipe.mjml'));
    symlinkSync(join(root, 'outside/pipe.mjml'), join(root, 'site/linked.mjml'));
    const abs = join(root, 'site/abs.mjml');
    writeFileSync(abs, mjml(`${section(FOOTER)}\n<mj-include path="${join(root, 'outside/pipe.mjml')}" />`));
    const p = join(root, 'site');
    const r = lintJson(['sale.mjml', 'abs.mjml', 'good.html'], p);
    expect(mjmlValid(r, 'sale.mjml')).toEqual([
      '7: MJML include: mj-include path "../outside/pipe.mjml" points outside the template\'s folder; mjml refuses it',
      '8: MJML include: mj-include path "./linked.mjml" points outside the template\'s folder; mjml refuses it',
    ]);
    expect(mjmlValid(r, 'abs.mjml')).toEqual([expect.stringMatching(/^7: MJML include: mj-include path ".*pipe\.mjml" points outside the template's folder/)]);
    expectGoodLinted(r.byName);
  });
});

describe('.eml', () => {
  const weekly = () => readFileSync(join(EML, 'weekly-base64.eml'), 'latin1');

  it('truncated MIME, cut inside the HTML part: exit 2 at the part’s line; cut after it (a later part, the closing boundaries): linted', () => {
    const full = weekly();
    const htmlAt = full.indexOf('Content-Type: text/html');
    const p = project({
      'cut.eml': Buffer.from(full.slice(0, htmlAt + 600), 'latin1'),
      'cut-attachment.eml': Buffer.from(full.slice(0, full.indexOf('Content-Disposition: attachment') + 20), 'latin1'),
      'no-close.eml': Buffer.from(full.slice(0, full.indexOf('--alt-b--')), 'latin1'),
      'good.html': WITH_ERROR,
    });
    const r = lintJson(['cut.eml', 'cut-attachment.eml', 'no-close.eml', 'good.html'], p);
    expect(r.code).toBe(2);
    const line = full.slice(0, htmlAt).split('\n').length;
    expect(r.stderr).toBe(`inboxlint: cut.eml:${line}: the message ends inside its text/html part (no boundary line follows it): the file looks truncated\n`);
    for (const whole of ['cut-attachment.eml', 'no-close.eml']) expect(r.byName.get(whole)!.messages.map((m) => m.ruleId)).toContain('list-unsubscribe');
    expectGoodLinted(r.byName);
  });

  it('a multipart message without the boundary parameter, and one whose boundary lines are absent: exit 2 saying so at the Content-Type line', () => {
    const full = weekly();
    const ctLine = full.slice(0, full.indexOf('Content-Type: multipart/mixed')).split('\n').length;
    const p = project({
      'no-param.eml': Buffer.from(full.replace('; boundary="mixed-b"', ''), 'latin1'),
      'no-lines.eml': Buffer.from(full.split('\n').filter((l) => !l.startsWith('--')).join('\n'), 'latin1'),
      'good.html': WITH_ERROR,
    });
    const r = lintJson(['no-param.eml', 'no-lines.eml', 'good.html'], p);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`inboxlint: no-param.eml:${ctLine}: no text/html part: the multipart/mixed body has no boundary parameter, so its parts cannot be found`);
    expect(r.stderr).toContain(`inboxlint: no-lines.eml:${ctLine}: no text/html part: the multipart/mixed body has no "--mixed-b" boundary line, so its parts cannot be found`);
    expectGoodLinted(r.byName);
  });

  it('an undecodable HTML part (bad base64, an unknown charset): exit 2 at the line, never linted as garbage', () => {
    const full = weekly();
    const bodyAt = full.indexOf('base64\n\n') + 'base64\n\n'.length;
    const p = project({
      'bad-base64.eml': Buffer.from(`${full.slice(0, bodyAt)}PCFET0NUWVBF!!@@## not base64 ##\n${full.slice(bodyAt)}`, 'latin1'),
      'bad-charset.eml': Buffer.from(full.replace('Content-Type: text/html; charset="utf-8"', 'Content-Type: text/html; charset="x-klingon-9"'), 'latin1'),
      'good.html': WITH_ERROR,
    });
    const r = lintJson(['bad-base64.eml', 'bad-charset.eml', 'good.html'], p);
    expect(r.code).toBe(2);
    const bodyLine = full.slice(0, bodyAt).split('\n').length;
    const ctLine = full.slice(0, full.indexOf('Content-Type: text/html')).split('\n').length;
    expect(r.stderr).toContain(`inboxlint: bad-base64.eml:${bodyLine}: the text/html part is not valid base64 ("!" is not a base64 character)`);
    expect(r.stderr).toContain(`inboxlint: bad-charset.eml:${ctLine}: the text/html part's charset "x-klingon-9" is not a known character encoding`);
    expectGoodLinted(r.byName);
  });
});

/**
 * Spawn options under which file modes bind: as root (which reads mode 000 anyway) the child
 * runs as nobody, and the project's private temp folders are opened to it; otherwise as is.
 */
function unprivileged(p: string): SpawnSyncOptions {
  if (process.getuid?.() !== 0) return {};
  for (const d of [p, dirname(p)]) chmodSync(d, 0o755);
  return { uid: 65534, gid: 65534, env: { HOME: p } };
}

/** A named pipe at `path` (Node has no mkfifo of its own). */
function mkfifoSync(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo ${path} failed: ${String(r.stderr)}`);
}
