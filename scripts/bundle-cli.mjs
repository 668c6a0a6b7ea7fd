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
 * Each bundled module of ours keeps its own `import.meta.url` (rewritten to its file under
 * dist/src or dist/rules), so paths found from it (package root, caches, the `--jobs` worker,
 * data files) are the same as without the bundle.
 *
 * The chunks are CommonJS (`.cjs`) so that bin/inboxlint.js can compile them with `vm.Script`
 * and V8's code cache on every Node version (Node 20 caches no ES module; see bin/inboxlint.js).
 * Their dynamic `import()`s (franc, plugins, configs…) call `__inboxlintImport`, which the
 * loader passes in: a `vm.Script` of Node 20 cannot run `import()` itself without a flag.
 */
import { existsSync, rmSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/cli`;
/** Bundled: what the CLI imports statically at start. Everything else resolves at run time from node_modules. */
const BUNDLED = ['yargs', 'yargs-parser', 'cliui', 'y18n', 'escalade', 'get-caller-file', 'string-width', 'strip-ansi', 'ansi-regex', 'ansi-styles', 'wrap-ansi', 'emoji-regex', 'get-east-asian-width', 'htmlparser2', 'domhandler', 'domelementtype', 'domutils', 'dom-serializer', 'entities', 'css-select', 'css-what', 'nth-check', 'boolbase', 'tinyglobby', 'fdir', 'picomatch',
  // The language detector, in a chunk of its own (loaded for a document without `lang`): code-cached like the rest.
  'franc', 'trigram-utils', 'n-gram', 'collapse-white-space',
  // CommonJS packages our modules `require` through createRequire (css/color.ts): bundled as imports.
  'culori', 'color-contrast-checker'];
const bundled = (id) => BUNDLED.some((p) => id === p || id.startsWith(`${p}/`));

/** `import.meta.url` in our modules → the URL of the module's own file (every chunk sits in dist/cli). */
const ownUrls = {
  name: 'own-import-meta-url',
  transform(code, id) {
    if (!id.startsWith(`${root}dist${sep}`) || !code.includes('import.meta.url')) return null;
    const rel = relative(out, id).split(sep).join('/');
    return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`), map: null };
  },
};

/** `import(x)` in a chunk → `__inboxlintImport(x)` (found in the chunk's syntax tree, so strings stay as they are). */
const dynamicImports = (parseAst) => ({
  name: 'dynamic-import-through-loader',
  renderChunk(code) {
    const starts = [];
    const visit = (node) => {
      if (Array.isArray(node)) for (const n of node) visit(n);
      else if (node && typeof node === 'object') {
        if (node.type === 'ImportExpression') starts.push(node.start);
        for (const k in node) if (k !== 'type' && node[k] && typeof node[k] === 'object') visit(node[k]);
      }
    };
    visit(parseAst(code));
    if (!starts.length) return null;
    let out = '';
    let at = 0;
    for (const i of starts.sort((a, b) => a - b)) {
      if (code.slice(i, i + 6) !== 'import') throw new Error(`bundle-cli: no import() at ${i}`);
      out += `${code.slice(at, i)}__inboxlintImport`;
      at = i + 6;
    }
    return { code: out + code.slice(at), map: null };
  },
});

/**
 * string-width (yargs' help layout) builds, when it loads, an `Intl.Segmenter` and (version 8) a
 * `\p{RGI_Emoji}` expression: the process's first of each loads ICU data (15–35 ms and ~20 ms)
 * although a lint never lays out help. Both are built on first use; a version without these
 * exact lines is bundled as it is.
 */
const LAZY = [
  ['const segmenter = new Intl.Segmenter();', 'let made;\nconst segmenter = { segment: (s) => (made ??= new Intl.Segmenter()).segment(s) };'],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmoji;\nconst rgiEmojiRegex = { test: (s) => (rgiEmoji ??= /^\\p{RGI_Emoji}$/v).test(s) };'],
];
const lazyStringWidth = {
  name: 'lazy-string-width',
  transform(code, id) {
    if (!/[\\/]node_modules[\\/](?:.*[\\/])?string-width[\\/]index\.js$/.test(id)) return null;
    let out = code;
    for (const [eager, lazy] of LAZY) {
      // Only where the name is only used as `name.test(…)` / `name.segment(…)` (what the stand-in offers).
      const [, name, method] = /^const (\w+) = (?:new Intl\.(Segmenter)|.*)/.exec(eager);
      const count = (re) => out.match(new RegExp(re, 'g'))?.length ?? 0;
      const call = `\\b${name}\\.${method ? 'segment' : 'test'}\\(`;
      if (out.includes(eager) && count(`\\b${name}\\.`) === count(call)) out = out.replace(eager, lazy);
    }
    return out === code ? null : { code: out, map: null };
  },
};

/**
 * `require('pkg')` (through `createRequire`) of a bundled package in one of our modules → a
 * default import, which the bundler follows (a `require` call it leaves to run time).
 */
const requiresAsImports = {
  name: 'requires-as-imports',
  transform(code, id) {
    if (!id.startsWith(`${root}dist${sep}`) || !code.includes('createRequire(import.meta.url)')) return null;
    const imports = [];
    const out = code.replace(/(?<![.\w])require\('([^']+)'\)/g, (call, pkg) => {
      if (!bundled(pkg)) return call;
      imports.push(`import __required${imports.length} from ${JSON.stringify(pkg)};`);
      return `__required${imports.length - 1}`;
    });
    return imports.length ? { code: `${imports.join('\n')}\n${out}`, map: null } : null;
  },
};

let rolldown;
try {
  rolldown = await import('rolldown');
  var { parseAst } = await import('rolldown/parseAst');
} catch {
  rmSync(out, { recursive: true, force: true });
  console.warn('bundle-cli: rolldown is not installed; the CLI runs from dist/src (slower start)');
  process.exit(0);
}
if (!existsSync(`${root}dist/src/cli/main.js`)) throw new Error('bundle-cli: build dist/ first (tsc)');
rmSync(out, { recursive: true, force: true });
try {
  await rolldown.build({
    input: { main: `${root}dist/src/cli/main.js` },
    platform: 'node',
    plugins: [requiresAsImports, ownUrls, lazyStringWidth, dynamicImports(parseAst)],
    external: (id) => id.startsWith('node:') || (!id.startsWith('.') && !id.startsWith('/') && !bundled(id)),
    logLevel: 'silent',
    output: { dir: out, format: 'cjs', charset: 'ascii', comments: { legal: true, annotation: false, jsdoc: false }, entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', sourcemap: false },
  });
} catch (err) {
  rmSync(out, { recursive: true, force: true });
  console.warn(`bundle-cli: bundling failed, the CLI runs from dist/src (slower start): ${err?.message ?? err}`);
}
