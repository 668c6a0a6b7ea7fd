#!/usr/bin/env node
// The CLI entry point: runs the compiled CLI (built by `npm ci` / `npm run build`): its bundle
// (dist/cli, scripts/bundle-cli.mjs: a faster start) when the build made one, else dist/src.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

// Peak memory of a long run (a folder of templates in one process): V8 lets the old generation
// grow to up to 4× what survived the last full GC, so between two collections it holds mostly
// the garbage of files already linted. 2× keeps the peak over the corpus ~40 MB lower for ~5 %
// more CPU. Set before anything is compiled (V8's code cache is tied to the flags); a value
// given on the command line or in NODE_OPTIONS wins.
if (!`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`.includes('heap-growing-percent')) v8.setFlagsFromString('--heap-growing-percent=100');

// Node 22.1+: V8's compile cache for the ES modules loaded below (franc, plugins…; a no-op on Node 20).
try {
  module.enableCompileCache?.();
} catch {
  // A cache folder that cannot be written only costs speed.
}
/**
 * Whether to run the bundle: not when it is missing or, in a working tree, older than dist/src
 * (a `tsc` run since the last bundling). An installed package (under node_modules) is never
 * rebuilt in place, and unpacking it does not keep the build's file times.
 */
function useBundle(bundle, compiled) {
  try {
    const installed = /[\\/]node_modules[\\/]/.test(fileURLToPath(import.meta.url));
    return installed ? statSync(bundle).isFile() : statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs;
  } catch {
    return false; // No bundle (or no dist/src): the compiled modules.
  }
}

/** Whether `dir` is missing or the user's own, writable by nobody else (cached code is run as it is). */
function ownFolder(dir) {
  try {
    const st = statSync(dir);
    // Windows has no owner ids or POSIX modes to check (its temporary folder is the user's own).
    return process.getuid === undefined || (st.uid === process.getuid() && (st.mode & 0o022) === 0);
  } catch {
    return true;
  }
}

/**
 * Runs the bundle's CommonJS chunks (scripts/bundle-cli.mjs) with V8's code cache, on any Node
 * version: compiling them was the largest part of a start. Each chunk is compiled by `vm.Script`
 * with the cached code of an earlier run when there is one (V8 rejects a cache of another V8
 * version or flags; the file name holds the chunk's size and time, so a rebuilt chunk never
 * meets an old cache); chunks compiled without one have their code, including the functions
 * the run compiled, written to the cache at exit (then the cached code of chunks the
 * installation no longer has, or of their earlier builds, is removed). The cache lives in `code` under
 * INBOXLINT_CACHE_DIR, else in NODE_COMPILE_CACHE, else in the system's temporary folder (a
 * folder per user); it is used only when nobody else can write to it. INBOXLINT_CACHE=0 (as
 * for the other caches) or NODE_DISABLE_COMPILE_CACHE=1 turns it off. A cache that cannot be
 * read or written only costs speed.
 */
function loadBundle(file) {
  const dir = fileURLToPath(new URL('.', file));
  const nodeRequire = module.createRequire(file);
  const uid = process.getuid?.() ?? 'user';
  const { INBOXLINT_CACHE, INBOXLINT_CACHE_DIR, NODE_COMPILE_CACHE, NODE_DISABLE_COMPILE_CACHE } = process.env;
  const base = INBOXLINT_CACHE_DIR ? join(INBOXLINT_CACHE_DIR, 'code') : NODE_COMPILE_CACHE || join(tmpdir(), `inboxlint-compile-cache-${uid}`);
  // One folder per Node version and per installation (a rebuild or an update replaces its files).
  const cacheDir = join(base, `${process.version}-${process.arch}`, createHash('sha256').update(dir).digest('hex').slice(0, 16));
  const off = INBOXLINT_CACHE === '0' || NODE_DISABLE_COMPILE_CACHE === '1' || !ownFolder(cacheDir);
  const loaded = new Map();
  const fresh = [];
  const dynamicImport = (specifier) => import(specifier);
  const chunkRequire = (id) => (id.startsWith('./') ? load(join(dir, id)) : nodeRequire(id));
  chunkRequire.resolve = nodeRequire.resolve;
  function load(path) {
    let mod = loaded.get(path);
    if (mod) return mod.exports;
    mod = { exports: {} };
    loaded.set(path, mod);
    const source = readFileSync(path, 'utf8');
    const st = statSync(path);
    const cacheFile = join(cacheDir, `${basename(path)}-${st.size}-${Math.trunc(st.mtimeMs)}.bin`);
    let cachedData;
    if (!off) {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        // Not cached yet.
      }
    }
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __inboxlintImport) {${source}\n})`, { filename: path, cachedData });
    if (!off && (!cachedData || script.cachedDataRejected)) fresh.push([cacheFile, script]);
    script.runInThisContext().call(mod.exports, mod.exports, chunkRequire, mod, path, dir, dynamicImport);
    return mod.exports;
  }
  if (!off) {
    process.on('exit', () => {
      try {
        if (!fresh.length) return;
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        for (const [cacheFile, script] of fresh) {
          const tmp = `${cacheFile}.${process.pid}`;
          writeFileSync(tmp, script.createCachedData());
          renameSync(tmp, cacheFile);
        }
        // The code of chunks this installation no longer has, or of their earlier builds.
        const chunks = new Set(readdirSync(dir));
        const written = new Set(fresh.map(([cacheFile]) => basename(cacheFile)));
        for (const f of readdirSync(cacheDir)) {
          const chunk = /^(.*)-\d+-\d+\.bin$/.exec(f)?.[1];
          if (chunk && (!chunks.has(chunk) || (!written.has(f) && fresh.some(([cacheFile]) => basename(cacheFile).startsWith(`${chunk}-`))))) rmSync(join(cacheDir, f), { force: true });
        }
      } catch {
        // Read-only or full: the next start compiles again.
      }
    });
  }
  return load(fileURLToPath(file));
}

const bundle = new URL('../dist/cli/main.cjs', import.meta.url);
const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const { main } = useBundle(bundle, compiled) ? loadBundle(bundle) : await import(compiled.href);

// `inboxlint … | head` closes stdout early: stop quietly, as other CLIs do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// Once the command has its result, the process ends: a handle left open by a config or plugin
// (a timer, a socket) must not keep a CI job running. Output still being written is waited for.
function endSoon() {
  setTimeout(() => {
    if (process.stdout.writableLength || process.stderr.writableLength) endSoon();
    else process.exit();
  }, 1000).unref();
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; endSoon(); },
  (err) => {
    process.stderr.write(`inboxlint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
    endSoon();
  },
);
