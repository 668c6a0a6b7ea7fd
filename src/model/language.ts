/**
 * The language of the email and of each CTA label.
 *
 * Document: `<html lang>` (or `<body lang>`) when it names a language; else the language its
 * visible text is written in, told by franc (trigram detector, 187 languages: right on 99% of
 * the documents of eval/language, see eval/language/README.md), among the languages it can name,
 * and silent on another one that one it is measured on scores close to (`detectLanguage`). franc is loaded lazily, only
 * for a document without a usable `lang` (`prepareLanguage`, awaited where documents are built).
 *
 * A CTA label: the nearest `lang` on it or its ancestors inside the body; else the document's
 * language when the label is written in that language's script (and its words do not belong
 * to another language the lexicon holds); else what the label's script says (kana → ja,
 * Hangul → ko, Hebrew → he, …) or, for a Latin label, the language whose words it uses.
 * No answer (null) rather than a guess: word rules then say nothing (inspect says why).
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';
import { walk } from '../tree.js';
import { findMergeTags, withoutTemplateTags } from './merge-tags.js';
import { LEXICON_LANGUAGES, comparableLabel, hasWords, tokens, wordsFor } from './lexicon/index.js';

export type LanguageSource = 'lang-attribute' | 'text' | 'label-script' | 'label-words' | 'document' | 'none';

export interface Language {
  /** Primary language subtag (ISO 639-1 where one exists), or null when it cannot be told. */
  lang: string | null;
  source: LanguageSource;
  /** The lexicon has word lists for this language (word rules can judge it). */
  words: boolean;
}

type Franc = (text: string, options?: { minLength?: number; only?: string[] }) => Array<[string, number]>;
let franc: Franc | undefined;
let loading: Promise<void> | undefined;

/** Loads the detector once (about 0.3 s); later calls return at once. */
export function loadDetector(): Promise<void> {
  loading ??= import('franc').then((m) => {
    franc = m.francAll as Franc;
  });
  return loading;
}

// franc answers in ISO 639-3; BCP 47 wants the two-letter code where one exists.
const ISO1: Record<string, string> = {
  eng: 'en', spa: 'es', por: 'pt', fra: 'fr', deu: 'de', ita: 'it', nld: 'nl', pol: 'pl', swe: 'sv', dan: 'da', nob: 'nb', nno: 'nn',
  fin: 'fi', ces: 'cs', slk: 'sk', slv: 'sl', hrv: 'hr', bos: 'bs', srp: 'sr', tur: 'tr', rus: 'ru', ukr: 'uk', bel: 'be', bul: 'bg', mkd: 'mk',
  arb: 'ar', ara: 'ar', heb: 'he', ydd: 'yi', pes: 'fa', fas: 'fa', urd: 'ur', hin: 'hi', ben: 'bn', jpn: 'ja', cmn: 'zh', zho: 'zh', kor: 'ko',
  ell: 'el', hun: 'hu', ron: 'ro', lit: 'lt', lav: 'lv', ekk: 'et', est: 'et', cat: 'ca', glg: 'gl', eus: 'eu', vie: 'vi', tha: 'th', ind: 'id',
  zlm: 'ms', msa: 'ms', tgl: 'tl', swh: 'sw', afr: 'af', isl: 'is', gle: 'ga', cym: 'cy', kat: 'ka', hye: 'hy', azj: 'az', kaz: 'kk', uzn: 'uz',
  prs: 'fa', tam: 'ta', tel: 'te', mar: 'mr', guj: 'gu', kan: 'kn', mal: 'ml', pan: 'pa', npi: 'ne', sin: 'si', khm: 'km', lao: 'lo', mya: 'my', amh: 'am',
};

const CANDIDATES = Object.keys(ISO1);
/** The lexicon's languages and the others of eval/language/lighthouse-set.json. */
const MEASURED = new Set([...LEXICON_LANGUAGES, 'bg', 'el', 'hu', 'ro']);
const MIN_TEXT = 40; // characters of visible text below which no detector is reliable
const SAMPLE = 4000;

/** The language `text` is written in (primary subtag), or null (too short, undetermined, detector not loaded). */
export function detectLanguage(text: string): string | null {
  if (!franc) return null;
  const t = text.replace(/\s+/g, ' ').trim().slice(0, SAMPLE);
  if (t.length < MIN_TEXT) return null;
  // Only languages it can name (English copy is not Scots, Persian not Dari: prs is fa).
  const ranked = franc(t, { minLength: MIN_TEXT, only: CANDIDATES });
  const [code, best] = ranked[0] ?? ['und', 0];
  if (code === 'und') return null;
  const lang = ISO1[code];
  // A language outside those the project measures franc on (eval/language: the lexicon's and bg,
  // el, hu, ro) is said only when none of those scores near it: 270 characters of Czech are
  // Serbian to franc, with Czech 3 % behind.
  if (!MEASURED.has(lang) && ranked.some(([c, s]) => MEASURED.has(ISO1[c]) && s >= best - 0.05)) return null;
  return lang;
}

/** The primary subtag of a `lang` value that names a language (not empty, not "und", not a merge tag). */
export function primaryOf(value: string | undefined | null): string | null {
  const v = value?.trim();
  if (!v || findMergeTags(v).length) return null;
  const p = v.split(/[-_]/)[0].toLowerCase();
  if (!/^[a-z]{2,3}$/.test(p) || p === 'und' || p === 'mul' || p === 'zxx') return null;
  return p === 'iw' ? 'he' : p === 'no' ? 'nb' : p;
}

const docLanguages = new WeakMap<object, Language>();

const samples = new WeakMap<EmailDocument, string>();

/** The first few thousand characters of visible text (a sample is enough), merge tags blanked; once per document (every footer test asks while the detector is not loaded). */
function visibleText(doc: EmailDocument): string {
  let t = samples.get(doc);
  if (t === undefined) samples.set(doc, (t = sampleText(doc)));
  return t;
}

function sampleText(doc: EmailDocument): string {
  const parts: string[] = [];
  let size = 0;
  walk(doc.body ?? doc.dom, (n) => {
    if (size >= SAMPLE * 2) return false;
    if (n.type === 'text') {
      const d = (n as { data: string }).data;
      parts.push(d);
      size += d.length;
    }
    return n.type === 'style' || n.type === 'script' ? false : undefined;
  });
  return withoutTemplateTags(parts.join('').replace(/\s+/g, ' ').slice(0, SAMPLE * 2))
    .split(' ')
    .filter((w) => !URL_LIKE.test(w))
    .join(' ');
}

// A URL or path printed as text (a link label `${shareUrl}/page/task-details?taskId=…` once its
// template tags are blanked, `www.example.com`) is not words of any language. Tested per word:
// linear in the sample.
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/|www\.|\//i;

function declared(doc: EmailDocument): string | null {
  let d = declaredLangs.get(doc);
  if (d === undefined) declaredLangs.set(doc, (d = primaryOf(doc.lang) ?? primaryOf(doc.body?.attribs.lang)));
  return d;
}
/** `declared` per document: asked on every footer test while the detector is not loaded. */
const declaredLangs = new WeakMap<EmailDocument, string | null>();

/** Loads the detector when this document will need it (no usable `lang`, enough text). */
export async function prepareLanguage(doc: EmailDocument): Promise<void> {
  if (declared(doc) || franc) return;
  if (visibleText(doc).trim().length < MIN_TEXT) return;
  await loadDetector();
}

const make = (lang: string | null, source: LanguageSource): Language => ({ lang, source, words: hasWords(lang) });

/** The email's language: its `lang` attribute, else the language of its visible text. */
export function documentLanguage(doc: EmailDocument): Language {
  let l = docLanguages.get(doc);
  if (!l) {
    const d = declared(doc);
    if (d) l = make(d, 'lang-attribute');
    else {
      // Without the detector there is no answer: the text is not gathered for nothing.
      const t = franc ? detectLanguage(visibleText(doc)) : null;
      l = t ? make(t, 'text') : make(null, 'none');
      // Only cache a final answer: the detector may load later for this document.
      if (!t && franc === undefined) return l;
    }
    docLanguages.set(doc, l);
  }
  return l;
}

type Script = 'Latn' | 'Cyrl' | 'Arab' | 'Hebr' | 'Hani' | 'Kana' | 'Hang' | 'Grek' | 'Thai' | 'other';

const SCRIPTS: Array<[Script, RegExp]> = [
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Hani', /\p{Script=Han}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Latn', /\p{Script=Latin}/u],
];

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_LETTER = /[A-Za-z]/;

/** The scripts the letters of `text` are written in (a Japanese label may mix kana, Han and Latin). */
export function scriptsOf(text: string): Set<Script> {
  const out = new Set<Script>();
  // ASCII: its letters are Latin, nothing else in it is a letter.
  if (!NON_ASCII.test(text)) {
    if (ASCII_LETTER.test(text)) out.add('Latn');
    return out;
  }
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    const s = SCRIPTS.find(([, re]) => re.test(ch));
    out.add(s ? s[0] : 'other');
  }
  return out;
}

const CYRILLIC = new Set(['ru', 'uk', 'bg', 'be', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg']);
const ARABIC = new Set(['ar', 'fa', 'ur', 'ps', 'ku', 'sd', 'ug']);

/** The scripts a language is written in. */
function scriptsOfLanguage(lang: string): Script[] {
  if (lang === 'ja') return ['Kana', 'Hani'];
  if (lang === 'zh') return ['Hani'];
  if (lang === 'ko') return ['Hang', 'Hani'];
  if (CYRILLIC.has(lang)) return ['Cyrl'];
  if (ARABIC.has(lang)) return ['Arab'];
  if (lang === 'he' || lang === 'yi') return ['Hebr'];
  if (lang === 'el') return ['Grek'];
  if (lang === 'th') return ['Thai'];
  return ['Latn'];
}

// English function words: a short Latin label that uses them ("Our summer collection") is English.
const EN_FUNCTION = new Set(['our', 'your', 'my', 'the', 'a', 'an', 'to', 'for', 'of', 'and', 'with', 'on', 'in', 'at', 'now', 'free', 'new', 'all', 'this', 'it', 'me', 'us', 'you', 'today', 'here', 'more', 'off', 'up', 'out', 'what', 'how', 'why', 'is']);

const LATIN_LEXICON = LEXICON_LANGUAGES.filter((l) => scriptsOfLanguage(l)[0] === 'Latn');

/**
 * Lexicon languages of the Latin-script label's words: its verb (first or last word, or two)
 * or a leading particle is that language's; with `vague` (the email's language is unknown),
 * also its whole label is one of that language's generic phrases, or it uses English function
 * words ("Our summer collection"). English first when it is one of them.
 */
function languagesOfWords(label: string, vague: boolean): string[] {
  const ws = tokens(label);
  if (!ws.length) return [];
  const n = ws.length;
  const ends = [ws[0], ws[n - 1], ws.slice(0, 2).join(' '), ws.slice(-2).join(' ')];
  const comparable = vague ? comparableLabel(label) : '';
  const out: string[] = [];
  for (const { lang: l, verbs, particles, generic: phrases } of (latinLists ??= LATIN_LEXICON.map(listsOf))) {
    const verb = ends.some((e) => verbs.has(e));
    const particle = l !== 'en' && particles.has(ws[0]) && n > 1;
    const generic = vague && phrases.has(comparable);
    if (verb || particle || generic || (vague && l === 'en' && ws.some((t) => EN_FUNCTION.has(t)))) out.push(l);
  }
  return out;
}

/** The Latin-script lexicon languages' verbs, particles and generic phrases as sets, in LATIN_LEXICON's order (made on first use). */
let latinLists: Array<{ lang: string; verbs: Set<string>; particles: Set<string>; generic: Set<string> }> | undefined;
function listsOf(lang: string) {
  const w = wordsFor(lang)!;
  return { lang, verbs: new Set(w.verbs), particles: new Set(w.particles ?? []), generic: new Set(w.vague) };
}

function elementLang(doc: EmailDocument, el: Element | undefined): string | null {
  for (let n: Element | null = el ?? null; n && n.type === 'tag'; n = n.parent as Element | null) {
    if (n === doc.htmlElement || n === doc.body) return null;
    const v = primaryOf(n.attribs.lang);
    if (v) return v;
  }
  return null;
}

/** The language of a label (a CTA's, or any link text) in `doc`; `el` is its element. */
export function labelLanguage(doc: EmailDocument, label: string, el?: Element): Language {
  const own = elementLang(doc, el);
  if (own) return make(own, 'lang-attribute');
  const docLang = documentLanguage(doc);
  const scripts = scriptsOf(label);
  if (!scripts.size) return { ...docLang, source: 'document' };
  const d = docLang.lang;
  if (d && [...scripts].every((s) => scriptsOfLanguage(d).includes(s) || (s === 'Latn' && scripts.size > 1))) {
    if (!scripts.has('Latn') || scripts.size > 1) return { ...docLang, source: 'document' };
    // A Latin label in a Latin-script email: the email's language, unless its words are another's.
    const by = languagesOfWords(label, false);
    if (!by.length || by.includes(d)) return { ...docLang, source: 'document' };
    return make(by[0], 'label-words');
  }
  if (scripts.has('Kana')) return make('ja', 'label-script');
  if (scripts.has('Hang')) return make('ko', 'label-script');
  if (scripts.has('Hani')) return make(d === 'ja' ? 'ja' : 'zh', 'label-script');
  if (scripts.has('Hebr')) return make('he', 'label-script');
  if (scripts.has('Arab')) return make(d && ARABIC.has(d) ? d : 'ar', 'label-script');
  if (scripts.has('Grek')) return make('el', 'label-script');
  if (scripts.has('Cyrl')) {
    if (d && CYRILLIC.has(d)) return { ...docLang, source: 'document' };
    if (/[іїєґ]/iu.test(label)) return make('uk', 'label-script');
    return make(null, 'none');
  }
  if (scripts.has('Latn')) {
    const by = languagesOfWords(label, true);
    return by.length ? make(by.includes('en') ? 'en' : by[0], 'label-words') : make(null, 'none');
  }
  return make(null, 'none');
}

/** Why a word rule says nothing about a label of this language (null when it can judge it). */
export function noWordsReason(l: Language): string | null {
  if (l.words) return null;
  if (!l.lang) return 'its language could not be told (no lang attribute, too little text, words of no listed language)';
  return `no word lists for language "${l.lang}" (lists: ${LEXICON_LANGUAGES.join(', ')})`;
}
