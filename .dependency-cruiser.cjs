/**
 * The import graph of src/ and rules/, checked by `test/import-graph.test.ts` (part of `npm test`).
 *
 * 1. No run-time cycles (type-only imports are erased by the compiler and cannot form one).
 * 2. Layers point down (ARCHITECTURE.md, "Layers"):
 *
 *      css ← style ← model ← rules ← engine ← config ← session / api ← cli
 *                     ↑
 *                   input                       (reads bytes, builds the model)
 *      features: rewrite, render, formatters sit beside the engine: they read the model (and
 *      engine results), and nothing below them imports them.
 *      apps: preview and report run a Session (config, rules, the browser) as the CLI does;
 *      only the CLI imports them, and they do not import each other (what they share, the
 *      snapshot, is src/snapshot.ts in the api layer).
 *
 *    A module may import its own layer and the layers it is allowed to see, nothing else.
 *    Type-only imports count here too: a layer that needs a type from above is upside down.
 *
 * By hand: `npx depcruise src rules -c .dependency-cruiser.cjs` for the layers (its cycle report
 * includes type-only cycles: the TypeScript 7 compiler is not one dependency-cruiser can use, so
 * sources are parsed with @swc/core, which does not tell type-only imports apart);
 * `npm run build && npx depcruise dist/src dist/rules -c .dependency-cruiser.cjs` for the
 * run-time cycles. The test runs both and holds the list of known violations.
 */

/** Each layer: the paths it holds (first match wins, see `layerOf` in the test). */
const LAYERS = {
  // Leaves anyone may import: error classes, HTML escaping (src/escape.ts), file writes, path words (src/paths.ts), public addresses (src/net.ts), the load time limit (src/time-limit.ts), tree questions (src/tree.ts), the per-file deadline the model's long loops check (src/deadline.ts), the package's own name and version, and source
  // positions (Range, Span, LineIndex: everything is a range in the original text).
  leaf: '^src/(errors\\.ts|escape\\.ts|write\\.ts|paths\\.ts|net\\.ts|time-limit\\.ts|tree\\.ts|deadline\\.ts|config/package\\.ts|model/location\\.ts)$',
  // The text-edit primitive ({range, text} on the original text): depends on model/location.ts only.
  edits: '^src/engine/edits\\.ts$',
  css: '^src/css/',
  style: '^src/style/',
  model: '^src/model/',
  input: '^src/(input/|load\\.ts$)',
  // The pure half of link tracking: options and the link planner (strings in, plans out).
  planner: '^src/rewrite/(options|plan|url)\\.ts$',
  rules: '^(rules/|src/rule\\.ts$|src/rule-utils\\.ts$|src/cta/)',
  engine: '^src/engine/',
  config: '^src/config/',
  // The pre-send checks (network, SpamAssassin, image sizes on disk) run beside the engine too; rules read their facts from src/model/presend-facts.ts.
  features: '^src/(rewrite|render|formatters|presend)/',
  api: '^src/(session\\.ts|api\\.ts|index\\.ts|inspect\\.ts|snapshot\\.ts|docs\\.ts|testing\\.ts|testing/|scale/)',
  apps: '^src/(report|preview|lsp|variants)/',
  cli: '^src/cli/',
};

/** What each layer may import besides itself. */
const ALLOWED = {
  leaf: [],
  edits: ['leaf', 'model'],
  css: ['leaf'],
  style: ['leaf', 'css'],
  model: ['leaf', 'css', 'style'],
  input: ['leaf', 'css', 'style', 'model'],
  planner: ['leaf', 'edits', 'css', 'style', 'model'],
  rules: ['leaf', 'edits', 'css', 'style', 'model', 'planner'],
  engine: ['leaf', 'edits', 'css', 'style', 'model', 'rules', 'planner'],
  config: ['leaf', 'edits', 'css', 'style', 'model', 'rules', 'planner', 'engine'],
  features: ['leaf', 'edits', 'css', 'style', 'model', 'input', 'planner', 'rules', 'engine'],
  api: ['leaf', 'edits', 'css', 'style', 'model', 'input', 'planner', 'rules', 'engine', 'config', 'features'],
  apps: ['leaf', 'edits', 'css', 'style', 'model', 'input', 'planner', 'rules', 'engine', 'config', 'features', 'api'],
  cli: ['leaf', 'edits', 'css', 'style', 'model', 'input', 'planner', 'rules', 'engine', 'config', 'features', 'api', 'apps'],
};

const names = Object.keys(LAYERS);
/** Paths of a layer, minus the paths that an earlier (more specific) layer claims. */
function pathsOf(name) {
  const earlier = names.slice(0, names.indexOf(name)).map((n) => LAYERS[n]);
  return { path: LAYERS[name], ...(earlier.length ? { pathNot: earlier } : {}) };
}

const layering = names
  .map((name) => {
    const allowed = new Set([name, ...ALLOWED[name]]);
    const forbidden = names.filter((n) => !allowed.has(n));
    if (!forbidden.length) return null;
    return {
      name: `layer-${name}`,
      comment: `${name} may import only ${[...allowed].join(', ')}`,
      severity: 'error',
      from: pathsOf(name),
      // pathNot: a more specific allowed layer inside a forbidden folder (src/rewrite/plan.ts in src/rewrite/).
      to: { path: forbidden.map((n) => LAYERS[n]), pathNot: [...allowed].map((n) => LAYERS[n]) },
    };
  })
  .filter(Boolean);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No run-time import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-public-entry-inside',
      comment: 'src/index.ts is the package entry; nothing inside imports it.',
      severity: 'error',
      from: { path: '^(src|rules)/', pathNot: '^src/index\\.ts$' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'apps-apart',
      comment: 'preview and report share only what sits below them (src/snapshot.ts); neither imports the other.',
      severity: 'error',
      from: { path: '^src/(preview|report)/' },
      to: { path: '^src/(preview|report)/', pathNot: '^src/$1/' },
    },
    ...layering,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|\\.test\\.(ts|js)$' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    // TypeScript ESM: dependency-cruiser resolves `./x.js` in an import to `./x.ts` by itself.
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
