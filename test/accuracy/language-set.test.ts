/**
 * The language regression set (eval/language): real translations from Lighthouse's locale files
 * (Apache-2.0), each labelled with the language its translator wrote it in, plus corpus emails
 * labelled by reading them (Bulgarian podkrepi-bg, English ColorlibHQ and Postmark). Gates:
 * - the document language from the text (franc) is right on ≥ 97% of the documents;
 * - each button label, inside an email of its language, gets that language and, where the
 *   lexicon has words for it, its action is found (≥ 90% of the labels hand-marked as actions,
 *   no noun phrase taken for one);
 * - Lighthouse's own link-text lists are vague in their language.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFromText } from '../../src/input/index.js';
import { detectLanguage, documentLanguage, labelLanguage, loadDetector } from '../../src/model/language.js';
import { actionOf, hasWords, isVagueLabel } from '../../src/model/lexicon/index.js';
import { CORPUS_DIR, corpusPresent } from '../corpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const set = JSON.parse(fs.readFileSync(path.join(root, 'eval/language/lighthouse-set.json'), 'utf8')) as {
  docs: Array<{ id: string; lang: string; text: string }>;
  labels: Array<{ id: string; lang: string; text: string; action: boolean }>;
};
const corpus = CORPUS_DIR;
const present = corpusPresent('language set (corpus emails)');
const CORPUS_LABELS: Array<[RegExp, string, number]> = [
  [/^podkrepi-bg__api\/.*\.mjml$/, 'bg', 14],
  [/^ColorlibHQ__email-templates\/\d+\/index\.html$/, 'en', 20],
  [/^ActiveCampaign__postmark-templates\/templates-inlined\/basic\//, 'en', 20],
];

beforeAll(() => loadDetector());

describe('language regression set', () => {
  it('tells the language of each document from its text', () => {
    const wrong = set.docs.filter((d) => detectLanguage(d.text) !== d.lang).map((d) => `${d.id} → ${detectLanguage(d.text)}`);
    console.log(`documents: ${set.docs.length - wrong.length}/${set.docs.length} right${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}`);
    expect(1 - wrong.length / set.docs.length).toBeGreaterThanOrEqual(0.97);
  });

  it.runIf(present)('tells the language of corpus emails without a lang attribute', async () => {
    const rows = fs.readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[2]);
    let n = 0;
    const wrong: string[] = [];
    for (const [re, lang, max] of CORPUS_LABELS) {
      for (const p of rows.filter((r) => re.test(r)).slice(0, max)) {
        const doc = await documentFromText(p, fs.readFileSync(path.join(corpus, p), 'utf8'));
        const got = documentLanguage(doc);
        if (got.source === 'lang-attribute') continue;
        n++;
        if (got.lang !== lang) wrong.push(`${p} → ${got.lang}`);
      }
    }
    console.log(`corpus emails without lang: ${n - wrong.length}/${n} right${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}`);
    expect(n).toBeGreaterThanOrEqual(30);
    expect(1 - wrong.length / n).toBeGreaterThanOrEqual(0.95);
  });

  it('gives each button label its language and finds its action', async () => {
    const byLang = new Map<string, typeof set.labels>();
    for (const l of set.labels) byLang.set(l.lang, [...(byLang.get(l.lang) ?? []), l]);
    const rows: string[] = [];
    let langRight = 0;
    let actions = 0;
    let found = 0;
    const falseActions: string[] = [];
    const missed: string[] = [];
    for (const [lang, labels] of byLang) {
      const body = set.docs.find((d) => d.lang === lang)!.text;
      const html = `<html><body><p>${body}</p>${labels.map((l, i) => `<p><a href="https://example.com/${i}">${l.text}</a></p>`).join('')}</body></html>`;
      const doc = await documentFromText(`${lang}.html`, html);
      let ok = 0;
      let hit = 0;
      let want = 0;
      for (const l of labels) {
        const got = labelLanguage(doc, l.text);
        if (got.lang === lang) ok++;
        if (!hasWords(lang)) continue;
        const a = actionOf(l.text, lang);
        if (l.action) {
          want++;
          if (a) hit++;
          else missed.push(`${lang} "${l.text}"`);
        } else if (a) falseActions.push(`${lang} "${l.text}"`);
      }
      langRight += ok;
      actions += want;
      found += hit;
      rows.push(`${lang.padEnd(3)} language ${ok}/${labels.length}  action ${hasWords(lang) ? `${hit}/${want}` : 'no list'}`);
    }
    console.log(`labels:\n${rows.join('\n')}\nmissed actions: ${missed.join(', ') || 'none'}`);
    expect(langRight / set.labels.length).toBeGreaterThanOrEqual(0.97);
    expect(found / actions).toBeGreaterThanOrEqual(0.9);
    expect(falseActions).toEqual([]);
  });

  it('a URL or template code printed as a link label is not words of the document language', async () => {
    const url = '<a href="${shareUrl}/page/task-details?taskId=${args.workflowId}">${shareUrl}/page/task-details?taskId=${args.workflowId}</a>';
    const html = `<html><body><p>Hi,</p><p>以下のタスクがアサインされています:</p><p>${url}</p><p>${url}</p><p>${url}</p><p>このリンクをクリックしてタスクを編集します:</p><p>${url}</p></body></html>`;
    expect(documentLanguage(await documentFromText('a.html', html)).lang).toBe('ja');
  });

  it('leaving URLs out of the sample stays linear on a long run of text with no space', async () => {
    const doc = await documentFromText('long.html', `<html><body><p>${'a'.repeat(90_000)}</p><p>${'b/'.repeat(20_000)}</p></body></html>`);
    expect(documentLanguage(doc).source).not.toBe('lang-attribute');
  });

  it("Lighthouse's link-text lists are vague in their language", () => {
    const lists: Record<string, string[]> = {
      en: ['click here', 'click this', 'go', 'here', 'information', 'learn more', 'more', 'more info', 'more information', 'right here', 'read more', 'see more', 'start', 'this'],
      ja: ['ここをクリック', 'こちらをクリック', 'リンク', '続きを読む', '続く', '全文表示'],
      es: ['click aquí', 'click aqui', 'clicka aquí', 'clicka aqui', 'pincha aquí', 'pincha aqui', 'aquí', 'aqui', 'más', 'mas', 'más información', 'más informacion', 'mas información', 'mas informacion', 'este', 'enlace', 'este enlace', 'empezar'],
      pt: ['clique aqui', 'ir', 'mais informação', 'mais informações', 'mais', 'veja mais'],
      ko: ['여기', '여기를 클릭', '클릭', '링크', '자세히', '자세히 보기', '계속', '이동', '전체 보기'],
      sv: ['här', 'klicka här', 'läs mer', 'mer', 'mer info', 'mer information'],
      de: ['klicke hier', 'hier klicken', 'hier', 'mehr', 'siehe', 'dies', 'das', 'weiterlesen'],
    };
    for (const [lang, phrases] of Object.entries(lists)) for (const p of phrases) expect(isVagueLabel(p, lang), `${lang} "${p}"`).toBe(true);
  });
});
