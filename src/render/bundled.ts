/**
 * The browser that comes from the npm registry, so that `npm ci` / `npm install inboxlint` alone
 * gives a Linux x64 machine its pictures: the optional dependency `@sparticuz/chromium` carries a
 * brotli-compressed headless Chromium (chrome-headless-shell), the NSS libraries it links
 * against and the Open Sans font. It is findBrowser's last choice (after `--chromium`,
 * INBOXLINT_CHROMIUM, Playwright's browser and a system Chrome/Chromium; see browser.ts).
 *
 * On first use it is unpacked (~2 s, ~200 MB) into `chromium-<version>-linux-x64` in inboxlint's
 * cache folder (`<node_modules>/.cache/inboxlint`, see cacheRoot), or in the system's temporary
 * folder when that one cannot be written. It is unpacked into a fresh folder beside the final one
 * and renamed into place, so concurrent first uses never see half a browser. We unpack it
 * ourselves rather than through the package's own code, which writes to a fixed `/tmp/chromium`
 * shared by every version and user. The browser runs with the unpacked libraries first on
 * LD_LIBRARY_PATH and a fontconfig file that adds Open Sans to the machine's own fonts.
 */
import { createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { brotliDecompressSync, createBrotliDecompress } from 'node:zlib';
import { cacheRoot } from '../input/mjml-cache.js';

/** The npm package the browser comes from (an optional dependency of inboxlint). */
export const BUNDLED_PACKAGE = '@sparticuz/chromium';

export interface BundledBrowser {
  /** Where the browser is (or will be, once unpacked). */
  executablePath: string;
  /** The package's version (its major is Chromium's). */
  version: string;
  /** The installed package's folder (holds `bin/*.br`). */
  packageDir: string;
  /** Already unpacked at `executablePath`. */
  unpacked: boolean;
}

export interface BundledOptions {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  arch?: string;
  /** The installed package's folder (default: resolved from inboxlint's own location). */
  packageDir?: string | null;
}

/** Its package ships an x86-64 Linux build only. */
export const bundledSupported = (platform: string = process.platform, arch: string = process.arch) => platform === 'linux' && arch === 'x64';

function installedPackageDir(): string | undefined {
  try {
    // The package's exports name no package.json: find its folder from its entry point.
    let dir = dirname(createRequire(import.meta.url).resolve(BUNDLED_PACKAGE));
    while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'bin'))) {
      if (dirname(dir) === dir) return undefined;
      dir = dirname(dir);
    }
    return dir;
  } catch {
    return undefined;
  }
}

/**
 * The folders the browser is unpacked into, in the order they are tried: the cache folder, then
 * a folder of this user's own in the temporary folder (made private; one that another user
 * owns or could write to is never used, since its `chromium` would be run).
 */
function unpackDirs(version: string, env: NodeJS.ProcessEnv, create = false): string[] {
  const name = `chromium-${version}-linux-x64`;
  const dirs = [join(cacheRoot(env), name)];
  const uid = userInfo().uid;
  const own = join(tmpdir(), `inboxlint-${uid}`);
  try {
    if (create) mkdirSync(own, { mode: 0o700 });
  } catch {
    /* there already (checked below), or the temporary folder cannot be written */
  }
  try {
    const st = lstatSync(own);
    if (st.isDirectory() && st.uid === uid && (st.mode & 0o022) === 0) dirs.push(join(own, name));
  } catch {
    /* not usable */
  }
  return dirs;
}

/**
 * The registry browser when its package is installed and this platform can run it (undefined
 * otherwise). Cheap: nothing is unpacked here (see `unpackBundled`).
 */
export function bundledBrowser(opts: BundledOptions = {}): BundledBrowser | undefined {
  if (!bundledSupported(opts.platform, opts.arch)) return undefined;
  const packageDir = opts.packageDir === undefined ? installedPackageDir() : opts.packageDir ?? undefined;
  if (!packageDir || !existsSync(join(packageDir, 'bin', 'chromium.br'))) return undefined;
  let version: string;
  try {
    version = String(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version);
  } catch {
    return undefined;
  }
  const dirs = unpackDirs(version, opts.env ?? process.env);
  const ready = dirs.find((d) => existsSync(join(d, 'chromium')));
  return { executablePath: join(ready ?? dirs[0], 'chromium'), version, packageDir, unpacked: !!ready };
}

/** The environment the unpacked browser runs with: its own libraries first, its fontconfig file. */
export function bundledEnv(executablePath: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const dir = dirname(executablePath);
  const lib = join(dir, 'lib');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  out.LD_LIBRARY_PATH = env.LD_LIBRARY_PATH ? `${lib}:${env.LD_LIBRARY_PATH}` : lib;
  out.FONTCONFIG_FILE = join(dir, 'fonts.conf');
  return out;
}

/** Extracts a (decompressed) tar archive into `dir`: regular files, folders and symbolic links, nothing outside `dir`. */
export async function extractTar(tar: Buffer, dir: string): Promise<void> {
  const str = (b: Buffer) => b.toString('utf8').replace(/\0.*$/s, '');
  let longName: string | undefined;
  for (let at = 0; at + 512 <= tar.length; ) {
    const h = tar.subarray(at, at + 512);
    if (h.every((b) => b === 0)) break;
    const size = parseInt(str(h.subarray(124, 136)).trim() || '0', 8);
    const type = String.fromCharCode(h[156] || 48);
    const body = tar.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') longName = str(body);
    else if (type === 'x') longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1] ?? longName;
    else {
      const prefix = str(h.subarray(345, 500));
      const name = longName ?? (prefix ? `${prefix}/${str(h.subarray(0, 100))}` : str(h.subarray(0, 100)));
      longName = undefined;
      const target = resolve(dir, name);
      if (target !== dir && !target.startsWith(dir + sep)) throw new Error(`archive entry outside its folder: ${name}`);
      if (type === '5') await mkdir(target, { recursive: true });
      else if (type === '0' || type === '7') {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, body, { mode: parseInt(str(h.subarray(100, 108)).trim() || '644', 8) & 0o755 });
      } else if (type === '2') {
        await mkdir(dirname(target), { recursive: true });
        await symlink(str(h.subarray(157, 257)), target);
      }
    }
  }
}

/** fontconfig: the machine's own configuration and fonts (when it has any), plus the package's Open Sans. */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts')}</dir>
  <cachedir>${join(dir, 'fontconfig-cache')}</cachedir>
</fontconfig>
`;
}

/** Half-unpacked folders of a run that was stopped: removed when older than this. */
const STALE_MS = 10 * 60_000;

async function unpackInto(b: BundledBrowser, final: string): Promise<void> {
  const parent = dirname(final);
  await mkdir(parent, { recursive: true });
  const prefix = `.${final.slice(parent.length + 1)}-`;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const old = join(parent, name);
    if (Date.now() - (await stat(old)).mtimeMs > STALE_MS) await rm(old, { recursive: true, force: true });
  }
  const tmp = await mkdtemp(join(parent, prefix));
  try {
    const bin = join(b.packageDir, 'bin');
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress({ chunkSize: 1 << 21 }), createWriteStream(join(tmp, 'chromium')));
    await chmod(join(tmp, 'chromium'), 0o755);
    // lib/: libnss3 and the rest it links against (built for Amazon Linux 2023, older glibc than any current distribution).
    await extractTar(brotliDecompressSync(readFileSync(join(bin, 'al2023.tar.br'))), tmp);
    await extractTar(brotliDecompressSync(readFileSync(join(bin, 'fonts.tar.br'))), tmp);
    await writeFile(join(tmp, 'fonts.conf'), fontsConf(final));
    await chmod(tmp, 0o755);
    try {
      await rename(tmp, final);
    } catch (err) {
      // Another process unpacked it first: use theirs.
      if (!existsSync(join(final, 'chromium'))) throw err;
      await rm(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Unpacks the registry browser unless it is already there; returns the executable. Tries the
 * cache folder, then the temporary folder; throws (with the first folder's reason) when neither works.
 */
export async function unpackBundled(b: BundledBrowser, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (b.unpacked && existsSync(b.executablePath)) return b.executablePath;
  let first: Error | undefined;
  // The temporary folder's own folder is made only when the cache folder did not work.
  for (const i of [0, 1]) {
    const dir = unpackDirs(b.version, env, i === 1)[i];
    if (!dir) break;
    if (existsSync(join(dir, 'chromium'))) return join(dir, 'chromium');
    try {
      await unpackInto(b, dir);
      return join(dir, 'chromium');
    } catch (err) {
      first ??= err as Error;
    }
  }
  throw new Error(`could not unpack ${BUNDLED_PACKAGE} ${b.version}: ${first?.message}`);
}
