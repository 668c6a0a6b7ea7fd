import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
const set = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const corpusRoot = process.argv[3];
// Compares language detectors on the regression set (documents and button labels).
//   npm install --no-save franc franc-min eld tinyld cld3-asm   (in any folder D)
//   npm run build && node eval/language/compare-detectors.mjs eval/language/lighthouse-set.json ../shared/corpus D/node_modules [name prefix]
// Run once per detector (name prefix) for a cold load time. Results: eval/language/README.md.
function text(html){ return html.replace(/<(script|style|head|mj-head|mj-style)[^]*?<\/\1>/gi,' ').replace(/<!--[^]*?-->/g,' ').replace(/<[^>]+>/g,' ').replace(/&nbsp;/g,' ').replace(/&[a-z#0-9]+;/gi,' ').replace(/\{\{[^}]*\}\}|\{%[^%]*%\}/g,' ').replace(/\s+/g,' ').trim(); }
// The guesser inboxlint shipped before (src/model/cta-language.ts guessLanguage), for the baseline.
const STOPWORDS = {
  en: ['the', 'and', 'you', 'your', 'to', 'of', 'for', 'with', 'is', 'this', 'we', 'our', 'are', 'in', 'on'],
  fr: ['le', 'la', 'les', 'et', 'vous', 'votre', 'des', 'pour', 'est', 'une', 'nous', 'dans', 'sur', 'avec', 'du'],
  de: ['der', 'die', 'das', 'und', 'sie', 'ihr', 'ihre', 'mit', 'für', 'ist', 'nicht', 'wir', 'ein', 'eine', 'zu'],
  es: ['el', 'los', 'las', 'y', 'para', 'con', 'tu', 'su', 'es', 'una', 'por', 'que', 'nuestro', 'del', 'en'],
  it: ['il', 'di', 'per', 'con', 'che', 'non', 'una', 'sono', 'gli', 'della', 'nel', 'tuo', 'tua', 'ti', 'è'],
  pt: ['o', 'os', 'para', 'com', 'você', 'seu', 'sua', 'uma', 'não', 'do', 'da', 'em', 'que', 'nosso', 'é'],
  nl: ['de', 'het', 'een', 'van', 'je', 'jouw', 'voor', 'met', 'niet', 'op', 'wij', 'onze', 'is', 'en', 'zijn'],
};
function stopwordGuess(text) {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (words.length < 8) return null;
  const counts = Object.keys(STOPWORDS).map((l) => { const set = new Set(STOPWORDS[l]); return [l, words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0)]; }).sort((a, b) => b[1] - a[1]);
  const [best, second] = counts;
  if (best[1] < 3 || best[1] < second[1] * 1.5) return null;
  return best[0];
}
const docs = [...set.docs];
const man = fs.readFileSync(path.join(corpusRoot,'MANIFEST.tsv'),'utf8').trim().split('\n').slice(1).map(l=>l.split('\t'));
const pick = (re, n, lang) => man.filter(r=>re.test(r[2])).slice(0,n).forEach(r=>{ const t=text(fs.readFileSync(path.join(corpusRoot,r[2]),'utf8')); if (t.length>=40) docs.push({id:'corpus:'+r[2], lang, text:t}); });
pick(/^podkrepi-bg__api\//, 14, 'bg');
pick(/^ColorlibHQ__email-templates\/\d+\/index\.html$/, 20, 'en');
pick(/^ActiveCampaign__postmark-templates\/templates-inlined\/basic\//, 20, 'en');
const labels = set.labels;
const I3 = {eng:'en',spa:'es',por:'pt',fra:'fr',deu:'de',ita:'it',nld:'nl',pol:'pl',swe:'sv',dan:'da',nob:'nb',nno:'nb',fin:'fi',ces:'cs',tur:'tr',rus:'ru',ukr:'uk',arb:'ar',heb:'he',jpn:'ja',cmn:'zh',kor:'ko',bul:'bg',ell:'el',hun:'hu',ron:'ro'};
const norm = (c) => { if (!c || c==='und') return null; c = I3[c] ?? c; c = c.split(/[-_]/)[0]; return c==='no'?'nb':c==='iw'?'he':c; };
const dir = path.resolve(process.argv[4] ?? 'node_modules');
const size = (p) => { let s=0; const walk=(q)=>{ const st=fs.statSync(q); if (st.isDirectory()) for (const e of fs.readdirSync(q)) walk(path.join(q,e)); else s+=st.size; }; walk(p); return s; };
const fsize = (p) => fs.statSync(p).size;
const cands = [
  ['main: stop-word guesser (7 langs)', async () => (t) => stopwordGuess(t), 0],
  ['franc-min 6.2 (82 langs)', async () => { const { franc } = await import(dir+'/franc-min/index.js'); return (t) => norm(franc(t)); }, size(dir+'/franc-min')+size(dir+'/trigram-utils')],
  ['franc 6.2 (187 langs)', async () => { const { franc } = await import(dir+'/franc/index.js'); return (t) => norm(franc(t)); }, size(dir+'/franc')],
  ['eld 2.1 extrasmall', async () => { const { eld } = await import(dir+'/eld/src/entries/static.extrasmall.js'); return (t) => norm(eld.detect(t).language); }, fsize(dir+'/eld/src/ngrams/extrasmall.js')],
  ['eld 2.1 small', async () => { const { eld } = await import(dir+'/eld/src/entries/static.small.js'); return (t) => norm(eld.detect(t).language); }, fsize(dir+'/eld/src/ngrams/small.js')],
  ['eld 2.1 large', async () => { const { eld } = await import(dir+'/eld/src/entries/static.large.js'); return (t) => norm(eld.detect(t).language); }, fsize(dir+'/eld/src/ngrams/large.js')],
  ['tinyld 1.3 light', async () => { const m = await import(dir+'/tinyld/dist/tinyld.light.node.mjs'); return (t) => norm(m.detect(t)); }, fsize(dir+'/tinyld/dist/tinyld.light.node.mjs')],
  ['tinyld 1.3 normal', async () => { const m = await import(dir+'/tinyld/dist/tinyld.normal.node.mjs'); return (t) => norm(m.detect(t)); }, fsize(dir+'/tinyld/dist/tinyld.normal.node.mjs')],
  ['tinyld 1.3 heavy', async () => { const m = await import(dir+'/tinyld/dist/tinyld.heavy.node.mjs'); return (t) => norm(m.detect(t)); }, fsize(dir+'/tinyld/dist/tinyld.heavy.node.mjs')],
  ['cld3-asm 4.0 (wasm)', async () => { const { loadModule } = await import(dir+'/cld3-asm/dist/cjs/index.js'); const f = await loadModule(); const id = f.create(0, 4000); return (t) => { const r = id.findLanguage(t); return r.is_reliable || r.probability > 0.5 ? norm(r.language) : null; }; }, size(dir+'/cld3-asm')],
];
const only = process.argv[5];
const rows = [];
for (const [name, load, bytes] of cands) {
  if (only && !name.startsWith(only)) continue;
  const t0 = performance.now(); const det = await load(); const loadMs = performance.now() - t0;
  for (const d of docs.slice(0, 5)) det(d.text); // warm-up
  let ok = 0; const per = {};
  let got; let ms = Infinity;
  for (let pass = 0; pass < 3; pass++) { const t1 = performance.now(); got = docs.map((d) => det(d.text)); ms = Math.min(ms, (performance.now() - t1) / docs.length); }
  docs.forEach((d, i) => { per[d.lang] ??= [0, 0]; per[d.lang][1]++; if (got[i] === d.lang) { ok++; per[d.lang][0]++; } });
  let lok = 0; const t2 = performance.now(); const lg = labels.map((l) => det(l.text)); const lms = (performance.now() - t2) / labels.length;
  labels.forEach((l, i) => { if (lg[i] === l.lang) lok++; });
  const wrong = docs.map((d, i) => [d, got[i]]).filter(([d, g]) => g !== d.lang).slice(0, 400).map(([d, g]) => `${d.lang}->${g}`);
  rows.push({ name, docAcc: ok / docs.length, labelAcc: lok / labels.length, ms, lms, loadMs, bytes, per, wrong });
  console.error(name, (ok / docs.length).toFixed(3), (lok/labels.length).toFixed(3), ms.toFixed(3), loadMs.toFixed(0));
}
console.log(JSON.stringify({ ndocs: docs.length, nlabels: labels.length, rows }, null, 1));
