/**
 * Bundles the compiled CLI (dist/src/cli/main.js) into dist/cli/: one module per lazily loaded
 * part instead of ~280 small ones, which the start of every `inboxlint` run would otherwise
 * resolve, read and compile one by one (Node 20 has no compile cache for ES modules). The small
 * dependencies the CLI loads at start (yargs, htmlparser2, entities, css-select…) go in with it;
 * heavy or optional ones (mjml, playwright-core, mailparser…) stay external and load as before.
 *
 * Runs after `tsc` in `npm run build`. bin/inboxlint.js uses the bundle when it is there and
 * falls back to dist/src/cli/main.js when it is missing or older than dist/src (a `tsc` run
 * since), so a build without the bundler still works and a stale bundle never runs.
 * The bundle's worker (dist/cli/worker.js) is the same lint worker as dist/src/scale/worker.js.
 */
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/cli`;
/** Bundled: what the CLI imports statically at start. Everything else resolves at run time from node_modules. */
const BUNDLED = ['yargs', 'yargs-parser', 'cliui', 'y18n', 'escalade', 'get-caller-file', 'string-width', 'strip-ansi', 'ansi-regex', 'ansi-styles', 'wrap-ansi', 'emoji-regex', 'get-east-asian-width', 'htmlparser2', 'domhandler', 'domelementtype', 'domutils', 'dom-serializer', 'entities', 'css-select', 'css-what', 'nth-check', 'boolbase', 'tinyglobby', 'fdir', 'picomatch'];
const bundled = (id) => BUNDLED.some((p) => id === p || id.startsWith(`${p}/`));

let rolldown;
try {
  rolldown = await import('rolldown');
} catch {
  rmSync(out, { recursive: true, force: true });
  console.warn('bundle-cli: rolldown is not installed; the CLI runs from dist/src (slower start)');
  process.exit(0);
}
if (!existsSync(`${root}dist/src/cli/main.js`)) throw new Error('bundle-cli: build dist/ first (tsc)');
rmSync(out, { recursive: true, force: true });
try {
  await rolldown.build({
    input: { main: `${root}dist/src/cli/main.js`, worker: `${root}dist/src/scale/worker.js` },
    platform: 'node',
    external: (id) => id.startsWith('node:') || (!id.startsWith('.') && !id.startsWith('/') && !bundled(id)),
    logLevel: 'silent',
    output: { dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: false },
  });
} catch (err) {
  rmSync(out, { recursive: true, force: true });
  console.warn(`bundle-cli: bundling failed, the CLI runs from dist/src (slower start): ${err?.message ?? err}`);
}
