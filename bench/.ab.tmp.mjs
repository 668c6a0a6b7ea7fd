import { corpusHtml, medians } from './corpus.mjs';
const A = process.argv[2], B = process.argv[3];
async function load(root){ const b = await import(root + '/bench/lint.bench.mjs'); return b; }
const a = await load(A), b = await load(B);
const inputs = await corpusHtml('lint');
const t = medians(+process.argv[4] || 3, {
  parse: () => { for (const { text } of inputs) a.parseText(text); },
  base: () => { for (const { file, text } of inputs) a.lintText(file, text); },
  now: () => { for (const { file, text } of inputs) b.lintText(file, text); },
});
console.log(JSON.stringify(t), 'base/parse', (t.base/t.parse).toFixed(1), 'now/parse', (t.now/t.parse).toFixed(1));
