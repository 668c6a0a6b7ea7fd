// Lints each button label of lighthouse-set.json as the one CTA of an email in its language (with
// and without <html lang>) and counts: "no action verb" on labels hand-marked as actions, on
// noun phrases, and findings whose suggestion or example mixes scripts with the label.
//   node eval/language/lint-labels.mjs <path to a build: dist of this or another commit>
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const { lint } = await import(pathToFileURL(path.resolve(process.argv[2] ?? 'dist', 'src/index.js')).href);
const set = JSON.parse(fs.readFileSync(new URL('./lighthouse-set.json', import.meta.url), 'utf8'));
const btn = (label) => `<a href="https://example.com/x" style="background:#0a7;color:#fff;padding:12px 20px;display:inline-block">${label}</a>`;
const per = {}; let noVerbOnAction = 0, actions = 0, mixed = 0, findings = 0, nounFlagged = 0, nouns = 0;
const scripts = (t) => new Set([...t].filter((c) => /\p{L}/u.test(c)).map((c) => /\p{Script=Latin}/u.test(c) ? 'L' : /\p{Script=Cyrillic}/u.test(c) ? 'C' : /\p{Script=Arabic}/u.test(c) ? 'A' : /\p{Script=Hebrew}/u.test(c) ? 'H' : /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(c) ? 'J' : /\p{Script=Hangul}/u.test(c) ? 'K' : /\p{Script=Greek}/u.test(c) ? 'G' : 'O'));
for (const withLang of [true, false]) for (const l of set.labels) {
  const body = set.docs.find((d) => d.lang === l.lang).text;
  const html = `<html${withLang ? ` lang="${l.lang}"` : ''}><head><title>t</title></head><body><p>${body}</p>${btn(l.text)}</body></html>`;
  const [r] = await lint({ text: html, filePath: 'x.html' });
  const ms = r.messages.filter((m) => m.ruleId === 'cta-action-text' || m.ruleId === 'cta-vague-text');
  per[l.lang] ??= [0, 0];
  const nv = ms.some((m) => m.messageId === 'noVerb');
  if (l.action) { actions++; if (nv) { noVerbOnAction++; per[l.lang][0]++; } per[l.lang][1]++; } else { nouns++; if (nv) nounFlagged++; }
  for (const m of ms) { findings++; const want = scripts(l.text); const texts = [...(m.suggestions ?? []).map((s) => s.fix.text), ...[...m.message.matchAll(/(?:e\.g\.|Try) "([^"]*)"/g)].map((x) => x[1])]; if (texts.some((t) => [...scripts(t)].some((s) => !want.has(s)))) mixed++; }
}
console.log(JSON.stringify({ actions, noVerbOnAction, nouns, nounFlagged, findings, mixed, per }));
