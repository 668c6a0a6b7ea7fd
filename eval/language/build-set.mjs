// Builds lighthouse-set.json, the language-detection and CTA-wording regression set, from a
// checkout of GoogleChrome/lighthouse (Apache-2.0): real translations, each labelled with the
// language of the locale file a translator wrote it in.
//   node eval/language/build-set.mjs /path/to/lighthouse > eval/language/lighthouse-set.json
// Documents: runs of four audit descriptions (markdown links and code spans removed), 8 per
// language. Labels: the report's button labels (report-utils.js), each an action ("Copy JSON").
import { execFileSync } from 'node:child_process';

const repo = process.argv[2];
const commit = execFileSync('git', ['-C', repo, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
const LOCALES = { en: 'en-US', es: 'es', pt: 'pt', fr: 'fr', de: 'de', it: 'it', nl: 'nl', pl: 'pl', sv: 'sv', da: 'da', nb: 'no', fi: 'fi', cs: 'cs', tr: 'tr', ru: 'ru', uk: 'uk', ar: 'ar', he: 'he', ja: 'ja', zh: 'zh', ko: 'ko', bg: 'bg', el: 'el', hu: 'hu', ro: 'ro' };
const BUTTONS = ['collapseView', 'dropdownCopyJSON', 'dropdownPrintSummary', 'dropdownSaveHTML', 'dropdownViewer', 'expandView', 'footerIssue', 'openInANewTabTooltip', 'snippetExpandButtonLabel', 'viewTraceLabel', 'thirdPartyResourcesLabel', 'viewTreemapLabel'];
// Hand labels, made by reading each translation before running the tool: a label names the
// action it does (a verb, or a verbal noun as Arabic, Hebrew and Russian UIs write them) —
// except these, which name a thing ("Printing summary", a compound noun).
const NOT_ACTION = new Set(['tr:dropdownPrintSummary', 'da:dropdownPrintSummary', 'nl:dropdownPrintSummary', 'ko:dropdownPrintSummary', 'he:dropdownPrintSummary', 'ro:dropdownPrintSummary']);
const read = (f) => JSON.parse(execFileSync('git', ['-C', repo, 'show', `HEAD:shared/localization/locales/${f}.json`], { encoding: 'utf8', maxBuffer: 1 << 26 }));
const clean = (m) => m.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/`[^`]*`/g, '').replace(/\{[^{}]*\}/g, '').replace(/\s+/g, ' ').trim();
const en = read('en-US');
const descKeys = Object.keys(en).filter((k) => k.startsWith('core/audits/') && k.endsWith('| description') && clean(en[k].message).length > 120).sort();
const docs = [];
const labels = [];
for (const [lang, file] of Object.entries(LOCALES)) {
  const d = read(file);
  for (let i = 0; i < 8; i++) {
    const step = Math.floor(descKeys.length / 8);
    const keys = descKeys.slice(i * step, i * step + 4).filter((k) => d[k]);
    docs.push({ id: `lighthouse:${lang}:${i}`, lang, text: keys.map((k) => clean(d[k].message)).join(' ') });
  }
  for (const b of BUTTONS) {
    const m = d[`report/renderer/report-utils.js | ${b}`]?.message;
    if (m) labels.push({ id: `lighthouse:${lang}:${b}`, lang, text: m, action: !NOT_ACTION.has(`${lang}:${b}`) });
  }
}
process.stdout.write(JSON.stringify({ source: `https://github.com/GoogleChrome/lighthouse/tree/${commit}/shared/localization/locales`, licence: 'Apache-2.0', docs, labels }, null, 1) + '\n');
