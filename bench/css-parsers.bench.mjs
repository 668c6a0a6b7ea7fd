/**
 * Benchmark: the hand-written CSS layer (src/css: stylesheet parser, specificity, media-query
 * evaluation) against well-kept libraries, on every `<style>` block of the shared corpus, for
 * correctness (agreement) and speed.
 *
 *   npx tsc -p . && node bench/css-parsers.bench.mjs [--runs 5]
 *
 * - Stylesheets: src/css/stylesheet.ts vs css-tree, postcss and lightningcss (error recovery
 *   on). A sheet agrees when the libraries find the same style rules (selector text, enclosing
 *   @media, declared properties) in the same order. Times: parsing every sheet, median of runs.
 * - Specificity: src/css/selectors.ts vs @bramus/specificity (css-tree based) on every selector.
 * - Media queries: src/css/media.ts vs css-mediaquery on every distinct @media query, at the
 *   375 px phone and 1024 px desktop screens.
 */
import { createRequire } from 'node:module';
import { corpusHtml, runsFlag } from './corpus.mjs';
import { EmailDocument } from '../dist/src/model/document.js';
import { parseStylesheet } from '../dist/src/css/stylesheet.js';
import { specificity, splitSelectors } from '../dist/src/css/selectors.js';
import { matchMedia } from '../dist/src/css/media.js';

const require = createRequire(import.meta.url);
const csstree = require('css-tree');
const postcss = require('postcss');
const lightning = require('lightningcss');
const Specificity = require('@bramus/specificity').default;
const mediaquery = require('css-mediaquery');

const RUNS = runsFlag(5);
const inputs = await corpusHtml('css-parsers');

// Every <style> text of the rendered tree, as the cascade reads it.
const sheets = [];
for (const { file, text } of inputs) {
  const doc = new EmailDocument({ filePath: file, text });
  for (const el of doc.renderedElements) {
    if (el.name !== 'style') continue;
    const t = el.children.find((c) => c.type === 'text');
    if (t && t.data.trim()) sheets.push(t.data);
  }
}
const bytes = sheets.reduce((a, s) => a + Buffer.byteLength(s), 0);

const norm = (s) => s.replace(/\s+/g, ' ').replace(/\s*([>+~,])\s*/g, '$1').trim().toLowerCase();
const key = (sel, media, props) => `${norm(sel)} @${media.map(norm).join('&')} {${props.join(';')}}`;
const stripHtmlComments = (css) => css.replace(/<!--|-->/g, '    ');

function ours(css) {
  return parseStylesheet(css).map((r) => key(r.selectorText, r.media, r.declarations.map((d) => d.property)));
}

function viaCssTree(css) {
  const out = [];
  const ast = csstree.parse(stripHtmlComments(css), { positions: true, parseValue: false, parseRulePrelude: false, parseAtrulePrelude: false, onParseError: () => {} });
  const visit = (list, media) => {
    list.forEach((node) => {
      if (node.type === 'Rule') {
        const props = [];
        node.block.children.forEach((d) => {
          if (d.type === 'Declaration') props.push(d.property.toLowerCase());
        });
        out.push(key(csstree.generate(node.prelude), media, props));
      } else if (node.type === 'Atrule' && node.block) {
        const name = node.name.toLowerCase();
        const prelude = node.prelude ? csstree.generate(node.prelude) : '';
        if (name === 'media') visit(node.block.children, [...media, prelude]);
        else if (name === 'supports' && !/^not\b/i.test(prelude.trim())) visit(node.block.children, media);
        else if (name === 'document' || name === '-moz-document') visit(node.block.children, media);
      }
    });
  };
  visit(ast.children, []);
  return out;
}

function viaPostcss(css) {
  const out = [];
  const root = postcss.parse(stripHtmlComments(css));
  const visit = (node, media) => {
    for (const n of node.nodes ?? []) {
      if (n.type === 'rule') out.push(key(n.selector, media, n.nodes.filter((d) => d.type === 'decl').map((d) => d.prop.toLowerCase())));
      else if (n.type === 'atrule') {
        const name = n.name.toLowerCase();
        if (name === 'media') visit(n, [...media, n.params]);
        else if (name === 'supports' && !/^not\b/i.test(n.params.trim())) visit(n, media);
        else if (name === 'document' || name === '-moz-document') visit(n, media);
      }
    }
  };
  visit(root, []);
  return out;
}

function viaLightning(css) {
  const out = [];
  const media = [];
  lightning.transform({
    filename: 'style.css',
    code: Buffer.from(stripHtmlComments(css)),
    errorRecovery: true,
    minify: false,
    visitor: {
      Rule: {
        style(rule) {
          out.push(rule.value.selectors.length);
        },
      },
    },
  });
  void media;
  return out;
}

function timed(fn) {
  fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// ---- stylesheets: agreement
let agreeTree = 0;
let agreePost = 0;
let failedPost = 0;
let failedLightning = 0;
let lightningRules = 0;
let ourRules = 0;
const firstDiff = [];
for (const css of sheets) {
  const a = ours(css);
  ourRules += a.length;
  const b = viaCssTree(css);
  if (JSON.stringify(a) === JSON.stringify(b)) agreeTree++;
  else if (firstDiff.length < 3) firstDiff.push({ ours: a.find((x, i) => x !== b[i]), csstree: b.find((x, i) => x !== a[i]) });
  try {
    if (JSON.stringify(a) === JSON.stringify(viaPostcss(css))) agreePost++;
  } catch {
    failedPost++;
  }
  try {
    lightningRules += viaLightning(css).length;
  } catch {
    failedLightning++;
  }
}

// ---- stylesheets: speed
const tOurs = timed(() => sheets.forEach((s) => parseStylesheet(s)));
const tTree = timed(() => sheets.forEach((s) => csstree.parse(s, { positions: true, parseValue: false, parseRulePrelude: false, parseAtrulePrelude: false, onParseError: () => {} })));
const tTreeFull = timed(() => sheets.forEach((s) => csstree.parse(s, { positions: true, onParseError: () => {} })));
const tPost = timed(() => sheets.forEach((s) => { try { postcss.parse(s); } catch { /* counted above */ } }));
const tLightning = timed(() => sheets.forEach((s) => { try { lightning.transform({ filename: 'style.css', code: Buffer.from(s), errorRecovery: true }); } catch { /* counted above */ } }));

// ---- specificity
const selectors = [];
for (const css of sheets) for (const r of parseStylesheet(css)) for (const s of splitSelectors(r.selectorText)) selectors.push(s);
let specAgree = 0;
let specCompared = 0;
const specDiff = [];
for (const s of selectors) {
  let lib;
  try {
    const [v] = Specificity.calculate(s);
    lib = v.a * 1e6 + v.b * 1e3 + v.c;
  } catch {
    continue;
  }
  specCompared++;
  if (lib === specificity(s)) specAgree++;
  else if (specDiff.length < 5) specDiff.push(`${s}: ours ${specificity(s)}, library ${lib}`);
}
const tSpecOurs = timed(() => selectors.forEach((s) => specificity(s)));
const tSpecLib = timed(() => selectors.forEach((s) => { try { Specificity.calculate(s); } catch { /* skipped */ } }));

// ---- media queries
const queries = [...new Set(sheets.flatMap((css) => parseStylesheet(css).flatMap((r) => r.media)))];
const screens = [
  { width: 375, height: 667, scheme: 'light' },
  { width: 1024, height: 800, scheme: 'light' },
];
let mqAgree = 0;
let mqCompared = 0;
const mqDiff = [];
for (const q of queries) {
  for (const env of screens) {
    let lib;
    try {
      lib = mediaquery.match(q, { type: 'screen', width: `${env.width}px`, height: `${env.height}px`, 'device-width': `${env.width}px`, 'device-height': `${env.height}px`, orientation: env.height >= env.width ? 'portrait' : 'landscape', resolution: '1dppx', 'prefers-color-scheme': env.scheme });
    } catch {
      continue;
    }
    mqCompared++;
    if (lib === matchMedia(q, env)) mqAgree++;
    else if (mqDiff.length < 6) mqDiff.push(`${q} @${env.width}: ours ${matchMedia(q, env)}, library ${lib}`);
  }
}
const tMqOurs = timed(() => { for (const q of queries) for (const env of screens) matchMedia(q, env); });
const tMqLib = timed(() => { for (const q of queries) for (const env of screens) { try { mediaquery.match(q, { type: 'screen', width: `${env.width}px` }); } catch { /* skipped */ } } });

const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`corpus: ${sheets.length} <style> blocks from ${inputs.length} HTML files, ${(bytes / 1024).toFixed(0)} KB, ${ourRules} style rules; median of ${RUNS} runs`);
console.log('stylesheets (same style rules, @media and properties, in order, as src/css/stylesheet.ts):');
console.log(`  css-tree      agrees on ${pct(agreeTree, sheets.length)} of sheets`);
console.log(`  postcss       agrees on ${pct(agreePost, sheets.length)} of sheets; throws on ${failedPost}`);
console.log(`  lightningcss  ${lightningRules} style rules (ours ${ourRules}); throws on ${failedLightning}`);
for (const d of firstDiff) console.log(`    e.g. ours ${JSON.stringify(d.ours)} vs css-tree ${JSON.stringify(d.csstree)}`);
console.log('  parse time, all sheets:');
console.log(`    src/css (hand-written)            ${tOurs.toFixed(1)} ms`);
console.log(`    css-tree (preludes/values raw)    ${tTree.toFixed(1)} ms`);
console.log(`    css-tree (full parse)             ${tTreeFull.toFixed(1)} ms`);
console.log(`    postcss                           ${tPost.toFixed(1)} ms`);
console.log(`    lightningcss (transform)          ${tLightning.toFixed(1)} ms`);
console.log(`specificity: ${selectors.length} selectors; @bramus/specificity agrees on ${pct(specAgree, specCompared)} of ${specCompared} it parses; ours ${tSpecOurs.toFixed(1)} ms, library ${tSpecLib.toFixed(1)} ms`);
for (const d of specDiff) console.log(`    ${d}`);
console.log(`media queries: ${queries.length} distinct, at 375 and 1024 px; css-mediaquery agrees on ${pct(mqAgree, mqCompared)} of ${mqCompared} it parses; ours ${tMqOurs.toFixed(2)} ms, library ${tMqLib.toFixed(2)} ms`);
for (const d of mqDiff) console.log(`    ${d}`);
