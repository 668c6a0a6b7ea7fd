/**
 * Hostile configs and write targets, end to end through the CLI (a real child process on a
 * temp project), each with its bound:
 * - a config, a plugin or a formatter module that never finishes loading ends the run with
 *   exit 2 naming it, within the load time limit (`INBOXLINT_LOAD_TIMEOUT`); with no limit, the
 *   exit guard still exits 2 naming what never settled; a plugin that leaves a timer running
 *   does not keep the process alive after the result;
 * - writers (`-o`, `track --out/--write`, `--fix`) never replace what is not a regular file
 *   (a character device, a FIFO, a link to a descriptor), name ENOTDIR, write through a
 *   symbolic link inside the folder and refuse one leading out of it, and do not overwrite a
 *   file that changed on disk since it was read.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn, spawnSync, execFileSync, type SpawnSyncOptions } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLEAN, WITH_ERROR, tempProjects } from './cli-fixtures.js';
import { lint, inspect, track } from '../src/api.js';
import { ConfigError, InputError } from '../src/errors.js';
import { writeFileAtomic } from '../src/write.js';

const BIN = fileURLToPath(new URL('../bin/inboxlint.js', import.meta.url));
const NO_STACK = /\n\s+at .+:\d+/;
const project = tempProjects('inboxlint-hostile-cw-');

/** The CLI in `cwd` with its wall time; a hang fails the test (killed after a minute). */
function run(args: string[], cwd: string, env: Record<string, string> = {}, extra: SpawnSyncOptions = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    ...extra,
    env: { ...process.env, NO_COLOR: '1', INBOXLINT_DEBUG: '', INBOXLINT_CACHE: '0', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr), ms: Date.now() - started };
}

/** The same, without blocking this process (a reader of a FIFO runs beside it). */
function runAsync(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', INBOXLINT_CACHE: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const kill = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(kill);
      done({ code, stdout, stderr });
    });
  });
}

const NEVER = 'await new Promise(() => {});\nexport default {};\n';
/** Start-up and teardown of a child process on a loaded machine, on top of each bound. */
const SLACK = 10_000;

describe('A: a config, plugin or formatter that never finishes loading', () => {
  const LIMIT = '1500';

  it('a never-settling config: lint, track and inspect exit 2 naming it, within the load time limit; no SARIF written', () => {
    const root = project({ 'inboxlint.config.mjs': NEVER, 'a.html': WITH_ERROR });
    const runs = [
      run(['lint', 'a.html', '--max-warnings', '0', '-f', 'sarif', '-o', 'x.sarif'], root, { INBOXLINT_LOAD_TIMEOUT: LIMIT }),
      run(['track', 'a.html', '--campaign', 'spring'], root, { INBOXLINT_LOAD_TIMEOUT: LIMIT }),
      run(['inspect', 'a.html'], root, { INBOXLINT_LOAD_TIMEOUT: LIMIT }),
    ];
    for (const r of runs) {
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('inboxlint.config.mjs: loading the config did not finish within 1500 ms');
      expect(r.stderr).not.toMatch(NO_STACK);
      expect(r.ms).toBeLessThan(1500 + SLACK);
    }
    expect(existsSync(join(root, 'x.sarif'))).toBe(false);
  });

  it('the default limit (10 s) bounds it too', () => {
    const root = project({ 'inboxlint.config.mjs': NEVER, 'a.html': CLEAN });
    const r = run(['a.html'], root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('within 10000 ms');
    expect(r.ms).toBeLessThan(10_000 + SLACK);
  });

  it('a never-settling plugin module: exit 2 naming the plugin and the config that loads it', () => {
    const root = project({
      'inboxlint.config.json': JSON.stringify({ plugins: { slow: './slow-plugin.mjs' } }),
      'slow-plugin.mjs': NEVER,
      'a.html': CLEAN,
    });
    const r = run(['lint', 'a.html', '-f', 'sarif', '-o', 'x.sarif'], root, { INBOXLINT_LOAD_TIMEOUT: LIMIT });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/inboxlint\.config\.json: plugins\.slow: loading plugin "\.\/slow-plugin\.mjs" \(.*slow-plugin\.mjs\) did not finish within 1500 ms/);
    expect(r.ms).toBeLessThan(1500 + SLACK);
    expect(existsSync(join(root, 'x.sarif'))).toBe(false);
  });

  it('a formatter module that never loads, or never formats: exit 2 naming it', () => {
    const root = project({
      'never-loads.mjs': NEVER,
      'never-formats.mjs': 'export default () => new Promise(() => {});\n',
      'a.html': CLEAN,
    });
    for (const f of ['never-loads.mjs', 'never-formats.mjs']) {
      const r = run(['lint', 'a.html', '-f', `./${f}`, '-o', 'out.txt'], root, { INBOXLINT_LOAD_TIMEOUT: LIMIT });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`--format: formatter ${join(root, f)} did not finish within 1500 ms`);
      expect(r.ms).toBeLessThan(1500 + SLACK);
    }
  });

  it('with no time limit (INBOXLINT_LOAD_TIMEOUT=0) the exit guard still exits 2, naming what never settled', () => {
    const root = project({ 'inboxlint.config.mjs': NEVER, 'a.html': CLEAN });
    for (const args of [['lint', 'a.html', '-f', 'sarif', '-o', 'x.sarif'], ['track', 'a.html'], ['inspect', 'a.html']]) {
      const r = run(args, root, { INBOXLINT_LOAD_TIMEOUT: '0' });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('the command ended without a result: still waiting for loading config inboxlint.config.mjs');
      expect(r.ms).toBeLessThan(SLACK);
    }
  });

  it('a config or plugin that calls process.exit(0) while it loads: exit 2 naming it, not a silent pass', () => {
    const root = project({
      'inboxlint.config.mjs': 'process.exit(0);\nexport default {};\n',
      'json/inboxlint.config.json': JSON.stringify({ plugins: { quit: './quit.mjs' } }),
      'json/quit.mjs': 'process.exit(0);\n',
      'a.html': CLEAN,
      'json/a.html': CLEAN,
    });
    const r = run(['lint', 'a.html', '-f', 'sarif', '-o', 'x.sarif'], root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('the process was ended while loading config inboxlint.config.mjs');
    const p = run(['lint', 'json/a.html'], root);
    expect(p.code, p.stderr).toBe(2);
    expect(p.stderr).toMatch(/the process was ended while loading plugin .*quit\.mjs/);
  });

  it('a plugin that leaves a timer running does not keep the process alive after its result', () => {
    const root = project({
      'inboxlint.config.json': JSON.stringify({ extends: 'inboxlint:recommended', plugins: { busy: './busy.mjs' } }),
      'busy.mjs': 'setInterval(() => {}, 1000);\nexport default { rules: {} };\n',
      'a.html': WITH_ERROR,
    });
    const r = run(['lint', 'a.html'], root);
    expect(r.signal, 'the process did not end').toBeNull();
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('img-alt');
    expect(r.ms).toBeLessThan(1000 + SLACK);
  });

  describe('the node API rejects instead of waiting for ever', () => {
    const before = process.env.INBOXLINT_LOAD_TIMEOUT;
    afterEach(() => {
      if (before === undefined) delete process.env.INBOXLINT_LOAD_TIMEOUT;
      else process.env.INBOXLINT_LOAD_TIMEOUT = before;
    });

    it('lint(), inspect() and track() reject with a ConfigError naming the config', async () => {
      process.env.INBOXLINT_LOAD_TIMEOUT = '500';
      const root = project({ 'inboxlint.config.mjs': NEVER, 'a.html': CLEAN });
      const file = join(root, 'a.html');
      const started = Date.now();
      for (const call of [() => lint(file, { cwd: root }), () => inspect(file), () => track(file, { campaign: 'x' })]) {
        const err = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).message).toContain('loading the config did not finish within 500 ms');
        expect((err as ConfigError).filePath).toMatch(/inboxlint\.config\.mjs$/);
      }
      expect(Date.now() - started).toBeLessThan(3 * 500 + SLACK);
    });
  });
});

describe('D: writers never replace what is not a regular file', () => {
  it('-o, track --out and report --out onto /dev/null write into the device and leave it a device', () => {
    const root = project({ 'a.html': WITH_ERROR });
    const r = run(['lint', 'a.html', '-f', 'sarif', '-o', '/dev/null'], root);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toBe('');
    const t = run(['track', 'a.html', '--campaign', 'x', '--out', '/dev/null'], root);
    expect(t.code, t.stderr).toBe(0);
    const rep = run(['report', 'a.html', '--out', '/dev/null'], root);
    expect(rep.code, rep.stderr).toBe(0);
    expect(rep.stdout).toContain('inboxlint report: /dev/null');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('-o and track --out onto a FIFO stream to its reader; the FIFO stays a FIFO', async () => {
    const root = project({ 'a.html': WITH_ERROR });
    const fifo = join(root, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const args of [
      ['lint', 'a.html', '-f', 'json', '-o', 'out.fifo'],
      ['track', 'a.html', '--campaign', 'spring', '--out', 'out.fifo'],
    ]) {
      const reader = new Promise<string>((done) => {
        const cat = spawn('cat', [fifo]);
        let got = '';
        cat.stdout.on('data', (d) => (got += d));
        cat.on('close', () => done(got));
      });
      const r = await runAsync(args, root);
      expect(r.stderr).not.toContain('cannot write');
      const got = await reader;
      if (args[0] === 'lint') expect(JSON.parse(got)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'img-alt')).toBe(true);
      else expect(got).toContain('utm_campaign=spring');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
  });

  it('a FIFO nobody reads: refused after 10 s, not waited on for ever, and not replaced', () => {
    const root = project({ 'a.html': WITH_ERROR });
    execFileSync('mkfifo', [join(root, 'out.fifo')]);
    const r = run(['lint', 'a.html', '-o', 'out.fifo'], root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('out.fifo: cannot write: a named pipe (FIFO) that no process read within 10 s');
    expect(r.ms).toBeLessThan(10_000 + SLACK);
    expect(lstatSync(join(root, 'out.fifo')).isFIFO()).toBe(true);
  });

  it('a symbolic link to /proc/self/fd/1 (or /dev/stdout) writes to standard output and stays a link', () => {
    const root = project({ 'a.html': WITH_ERROR });
    symlinkSync('/proc/self/fd/1', join(root, 'out.json'));
    for (const target of ['out.json', '/dev/stdout']) {
      const r = run(['lint', 'a.html', '-f', 'json', '-o', target], root);
      expect(r.code, r.stderr).toBe(1);
      expect(JSON.parse(r.stdout)[0].messages.length).toBeGreaterThan(0);
    }
    expect(readlinkSync(join(root, 'out.json'))).toBe('/proc/self/fd/1');
  });

  it('-o existing-file/out.json names the problem (ENOTDIR), not an internal error with a temp path; a directory, and render --out onto a file, are named too', () => {
    const root = project({ 'a.html': CLEAN, 'existing-file': 'x', 'dir/keep': 'x' });
    const r = run(['lint', 'a.html', '-o', 'existing-file/out.json'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`inboxlint: ${join(root, 'existing-file/out.json')}: cannot write: ${join(root, 'existing-file')} is a file, not a folder (ENOTDIR)\n`);
    const d = run(['track', 'a.html', '--campaign', 'x', '--out', 'dir'], root);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('dir: cannot write: is a directory, not a file');
    const shots = run(['render', 'a.html', '--out', 'existing-file', '--viewport', 'mobile'], root);
    expect(shots.code).toBe(2);
    expect(shots.stderr).toBe('inboxlint: a.html: not rendered: existing-file: cannot create the folder for the pictures (EEXIST: a file is in the way)\n');
    for (const x of [r, d, shots]) expect(x.stderr).not.toMatch(/internal error|\.tmp/);
  });

  it('--fix and track --write write through a symbolic link inside the folder; the link stays a link', () => {
    const table = CLEAN.replace('<table role="presentation"', '<table');
    const root = project({ 'real/a.html': table, 'real/t.html': CLEAN });
    symlinkSync('real/a.html', join(root, 'a.html'));
    symlinkSync('real/t.html', join(root, 't.html'));
    const r = run(['lint', 'a.html', '--fix'], root);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(root, 'a.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real/a.html'), 'utf8')).toContain('<table role="presentation"');
    const t = run(['track', 't.html', '--campaign', 'spring', '--write'], root);
    expect(t.code, t.stderr).toBe(0);
    expect(lstatSync(join(root, 't.html')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'real/t.html'), 'utf8')).toContain('utm_campaign=spring');
  });

  it('a symbolic link leading out of the folder is refused by --fix, track --write and -o, and its target is untouched', () => {
    const outside = project({ 'victim.html': CLEAN.replace('<table role="presentation"', '<table'), 'victim.json': 'keep' });
    const root = project({});
    mkdirSync(join(root, 'emails'));
    symlinkSync(join(outside, 'victim.html'), join(root, 'emails/a.html'));
    symlinkSync(join(outside, 'victim.json'), join(root, 'out.json'));
    const before = readFileSync(join(outside, 'victim.html'), 'utf8');
    const fix = run(['lint', 'emails/a.html', '--fix'], root);
    const tr = run(['track', 'emails/a.html', '--campaign', 'x', '--write'], root);
    const out = run(['lint', 'emails/a.html', '-o', 'out.json'], root);
    for (const r of [fix, tr, out]) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('is a symbolic link to');
      expect(r.stderr).toContain('outside the working folder and the link\'s own folder: not written through it');
    }
    expect(readFileSync(join(outside, 'victim.html'), 'utf8')).toBe(before);
    expect(readFileSync(join(outside, 'victim.json'), 'utf8')).toBe('keep');
    expect(lstatSync(join(root, 'out.json')).isSymbolicLink()).toBe(true);
  });

  it('--fix does not overwrite a file that changed on disk between its read and its write, and says so', () => {
    // A plugin rule edits the file the second time it runs: after --fix has read it, before it writes.
    const config = `import { appendFileSync } from 'node:fs';
let runs = 0;
export default {
  plugins: { probe: { rules: { edit: { messages: { x: 'x' }, check({ doc }) { if (++runs === 2) appendFileSync(doc.filePath, '<!-- edited meanwhile -->'); } } } } },
  extends: 'inboxlint:recommended',
  rules: { 'probe/edit': 'warn' },
};
`;
    const table = CLEAN.replace('<table role="presentation"', '<table');
    const root = project({ 'inboxlint.config.mjs': config, 'a.html': table });
    const r = run(['lint', 'a.html', '--fix'], root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('a.html: changed on disk since it was read: not overwritten (run the command again)');
    const now = readFileSync(join(root, 'a.html'), 'utf8');
    expect(now).toBe(`${table}<!-- edited meanwhile -->`);
  });

  it('writeFileAtomic: `expect` refuses a file whose bytes changed, and writes one that did not', async () => {
    const root = project({ 'a.html': 'one' });
    const file = join(root, 'a.html');
    await writeFileAtomic(file, 'two', { expect: Buffer.from('one') });
    expect(readFileSync(file, 'utf8')).toBe('two');
    writeFileSync(file, 'edited');
    await expect(writeFileAtomic(file, 'three', { expect: Buffer.from('two') })).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(file, 'utf8')).toBe('edited');
  });
});
