/**
 * The lexicon: every question the model and the rules ask about wording in a language reads
 * it — is this an unsubscribe / preferences / view-online link, is this footer or legal text,
 * is this CTA label vague, how does it show its action. One file per language (./en.ts, …),
 * each citing its sources; ./types.ts says what a language file holds.
 *
 * A question about a language the lexicon has no words for gets no answer (`hasWords` is false,
 * `actionOf` and `isVagueLabel` say nothing): rules then stay silent rather than judge the words
 * as English.
 *
 * API (stable; other modules read it):
 * - `roleWordsMatch(text, role, lang?)` — the text holds wording of `role`
 *   ('unsubscribe' | 'preferences' | 'viewOnline' | 'footer'); with `lang`, that language's
 *   words and English ones (ESPs add English footers to any email); without, every language's.
 * - `isVagueLabel(label, lang)` — the whole label is a generic phrase of `lang` (or English), or a
 *   template placeholder ("Call To Action", "Button text") in any language.
 * - `isPlaceholderLabel(label)` — the label is a template placeholder.
 * - `actionOf(label, lang)` — the action verb the label shows and where, or null.
 * - `mailTypeWordsIn(text, kind, lang?)` — the phrases of transactional, service or marketing
 *   mail the text holds (read by ../mail-type.ts); with `lang`, that language's and English
 *   ones; without (or a language it has no list for), every language's.
 * - `hasWords(lang)`, `wordsFor(lang)`, `LEXICON_LANGUAGES`, `comparableLabel(label)`.
 */
import type { LanguageWords, MailTypeOnlyWords, MailTypeWords } from './types.js';
import ar from './ar.js';
import bg from './bg.js';
import cs from './cs.js';
import da from './da.js';
import de from './de.js';
import el from './el.js';
import en from './en.js';
import es from './es.js';
import fi from './fi.js';
import fr from './fr.js';
import he from './he.js';
import it from './it.js';
import ja from './ja.js';
import ko from './ko.js';
import nb from './nb.js';
import nl from './nl.js';
import pl from './pl.js';
import pt from './pt.js';
import ru from './ru.js';
import sv from './sv.js';
import tr from './tr.js';
import uk from './uk.js';
import zh from './zh.js';

export type { LanguageWords } from './types.js';
export type WordRole = 'unsubscribe' | 'preferences' | 'viewOnline' | 'footer';
export type MailTypeKind = keyof MailTypeWords;

const ALL: readonly LanguageWords[] = [en, es, pt, fr, de, it, nl, pl, sv, da, nb, fi, cs, tr, ru, uk, ar, he, ja, zh, ko];
const BY_LANG = new Map<string, LanguageWords>(ALL.map((w) => [w.lang, w]));
// Tags that name a language the lexicon holds under another code.
const ALIASES: Record<string, string> = { no: 'nb', nn: 'nb', iw: 'he', cmn: 'zh', yue: 'zh' };

export const LEXICON_LANGUAGES: readonly string[] = ALL.map((w) => w.lang);

// Languages with mail-type wording only (no label, footer or link lists).
const MAIL_TYPE_ONLY: readonly MailTypeOnlyWords[] = [bg, el];

/**
 * Labels a template ships with until someone writes the real one: vague in any language.
 * Sources: the default button text of Mailchimp, Stripo, BEE, Unlayer, Foundation and Cerberus
 * starter templates ("Button", "Button text", "Call To Action", "Click me"), and the cases.
 */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  'call to action', 'call-to-action', 'cta', 'cta button', 'button', 'button text', 'button label', 'your button', 'your button text',
  'click me', 'click here', 'do this next', 'link text', 'your link', 'your text here', 'text here', 'lorem ipsum', 'lorem',
  'primary action', 'secondary action', 'sample button', 'placeholder', 'insert text', 'edit me',
]);

/** The lexicon's words for a BCP 47 tag's primary language, or undefined. */
export function wordsFor(lang: string | null | undefined): LanguageWords | undefined {
  if (!lang) return undefined;
  const primary = lang.split(/[-_]/)[0].toLowerCase();
  return BY_LANG.get(ALIASES[primary] ?? primary);
}

/** True when the lexicon has word lists for the language of this tag. */
export function hasWords(lang: string | null | undefined): boolean {
  return wordsFor(lang) !== undefined;
}

const APOSTROPHES = /[’ʼ`´]/g;

/** Lower-case, NFC, typographic apostrophes folded, Turkish dotted capital I read as i, spaces collapsed. */
function normalizeWords(text: string): string {
  return text.normalize('NFC').replace(/İ/g, 'i').toLowerCase().replace(APOSTROPHES, "'").replace(/[\s\u00a0\u200b]+/g, ' ');
}

// Scripts written without spaces between words: a phrase matches anywhere inside the text.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
// Where those scripts' letters are (Thai, and from the CJK radicals up, surrogate pairs included): a cheap test first.
const MAY_BE_UNSPACED = /[\u0e00-\u0e7f\u2e80-\uffff]/;

/** Words of a text as the lexicon compares them: letters, marks and digits; anything else separates. */
export function tokens(text: string): string[] {
  // normalizeWords but the space collapsing: every space separates anyway.
  const s = text.normalize('NFC').replace(/İ/g, 'i').toLowerCase().replace(APOSTROPHES, "'");
  // The runs of letters, marks and digits, read by character code (a Unicode-property regex over a whole
  // email's text costs several times more).
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let word: boolean;
    let pair = false;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      word = isWordPoint(s.codePointAt(i)!);
      pair = true;
    } else word = isWordUnit(c);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    if (pair) i++;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** Per UTF-16 unit outside surrogate pairs: 1 when WORD matches it (a letter, mark or digit), 2 when not, 0 not asked yet. */
const WORD_UNITS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) WORD_UNITS[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;
const IS_WORD = /^[\p{L}\p{M}\p{N}]$/u;

function isWordUnit(c: number): boolean {
  let k = WORD_UNITS[c];
  if (k === 0) WORD_UNITS[c] = k = IS_WORD.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** The same for code points beyond U+FFFF (written as surrogate pairs). */
const WORD_POINTS = new Map<number, boolean>();
function isWordPoint(cp: number): boolean {
  let w = WORD_POINTS.get(cp);
  if (w === undefined) WORD_POINTS.set(cp, (w = IS_WORD.test(String.fromCodePoint(cp))));
  return w;
}

/** A node of a phrase trie: the phrase that ends here (as the list writes it), and the words that can follow. */
interface PhraseNode {
  phrase?: string;
  next?: Map<string, PhraseNode>;
}

/** One role's phrases in a form matched in one pass over the text's words. */
interface PhraseIndex {
  /** Whole phrases as a trie of their words (the first word's nodes at the top; most words start none). */
  exact: Map<string, PhraseNode>;
  /** Phrases ending in `*`: their words, the last one a stem; by the first UTF-16 unit of their first word. */
  stems: Map<number, string[][]>;
  /** Phrases in unspaced scripts: found anywhere in the text. */
  inside: string[];
}

function indexPhrases(phrases: readonly string[]): PhraseIndex {
  const idx: PhraseIndex = { exact: new Map(), stems: new Map(), inside: [] };
  for (const p of phrases) {
    if (UNSPACED.test(p)) {
      idx.inside.push(normalizeWords(p).replace(/\s+/g, ''));
      continue;
    }
    const star = p.trim().endsWith('*');
    const t = tokens(p);
    if (!t.length) continue;
    if (star) {
      const bucket = idx.stems.get(t[0].charCodeAt(0));
      if (bucket) bucket.push(t);
      else idx.stems.set(t[0].charCodeAt(0), [t]);
    } else {
      let level = idx.exact;
      let node: PhraseNode | undefined;
      for (const w of t) {
        node = level.get(w);
        if (!node) level.set(w, (node = {}));
        level = node.next ??= new Map();
      }
      // The same words written twice: the later spelling is the one reported.
      node!.phrase = p.trim();
    }
  }
  return idx;
}

/** A text as the phrase indexes read it: its words, and (in an unspaced script) the normalized text without spaces. */
interface TextWords {
  ws: string[];
  squeezed: string | null;
}

// The last text read: the mail type asks for three kinds of wording in the same (whole-document) text.
let lastText: string | undefined;
let lastWords: TextWords = { ws: [], squeezed: null };

function wordsOf(text: string): TextWords {
  if (text !== lastText) {
    lastWords = { ws: tokens(text), squeezed: MAY_BE_UNSPACED.test(text) && UNSPACED.test(text) ? normalizeWords(text).replace(/\s+/g, '') : null };
    lastText = text;
  }
  return lastWords;
}

const NO_STEMS: string[][] = [];

/**
 * True when the text holds a phrase of the index. With `found`, every match is collected
 * there (the phrase as the list writes it, or the words a stem matched; each once) instead of stopping at the first.
 */
function matchesIndex(idx: PhraseIndex, text: string, found?: Set<string>): boolean {
  const words = wordsOf(text);
  if (idx.inside.length && words.squeezed !== null) {
    for (const p of idx.inside) {
      if (!words.squeezed.includes(p)) continue;
      if (!found) return true;
      found.add(p);
    }
  }
  const ws = words.ws;
  for (let i = 0; i < ws.length; i++) {
    // The phrases starting at this word, shortest first.
    let node = idx.exact.get(ws[i]);
    for (let n = 1; node; n++) {
      if (node.phrase !== undefined) {
        if (!found) return true;
        found.add(node.phrase);
      }
      node = i + n < ws.length ? node.next?.get(ws[i + n]) : undefined;
    }
    for (const st of (idx.stems.size && idx.stems.get(ws[i].charCodeAt(0))) || NO_STEMS) {
      let k = 0;
      while (k < st.length - 1 && ws[i + k] === st[k]) k++;
      if (k === st.length - 1 && ws[i + k]?.startsWith(st[k])) {
        if (!found) return true;
        found.add(ws.slice(i, i + st.length).join(' '));
      }
    }
  }
  return found !== undefined && found.size > 0;
}

const roleIndexes = new Map<string, PhraseIndex>();

function roleIndex<W extends MailTypeWords>(words: readonly W[], role: keyof W & (WordRole | MailTypeKind), key: string): PhraseIndex {
  let idx = roleIndexes.get(key);
  if (!idx) roleIndexes.set(key, (idx = indexPhrases(words.flatMap((w) => w[role] as readonly string[]))));
  return idx;
}

// © is legal text in every language.
const COPYRIGHT = /©|&copy;|\(c\)\s*(19|20)\d\d/i;

/**
 * True when the text holds wording of `role`. With a language the lexicon knows: that
 * language's words and English ones; with none (or one it does not know): every language's.
 */
export function roleWordsMatch(text: string, role: WordRole, lang?: string | null): boolean {
  if (!text) return false;
  if (role === 'footer' && COPYRIGHT.test(text)) return true;
  const w = wordsFor(lang);
  const set = w ? (w === en ? [en] : [w, en]) : ALL;
  return matchesIndex(roleIndex(set, role, `${role}:${w ? w.lang : '*'}`), text);
}

/**
 * The phrases of transactional, service or marketing mail (`kind`) the text holds (as the
 * list writes them; for a stem, the words it matched), each once. With a language the lexicon has mail-type wording for: that
 * language's and English ones; with none (or another): every language's.
 */
export function mailTypeWordsIn(text: string, kind: MailTypeKind, lang?: string | null): string[] {
  if (!text) return [];
  const primary = lang?.split(/[-_]/)[0].toLowerCase();
  const w: MailTypeWords | undefined = wordsFor(lang) ?? MAIL_TYPE_ONLY.find((m) => m.lang === primary);
  const set: readonly MailTypeWords[] = w ? (w === en ? [en] : [w, en]) : [...ALL, ...MAIL_TYPE_ONLY];
  const found = new Set<string>();
  matchesIndex(roleIndex(set, kind, `${kind}:${w ? primary : '*'}`), text, found);
  return [...found];
}

const LABEL_LEAD = /[\s»›>→▶►❯+\-–—•*]/;
const LABEL_TRAIL = /[\s.!?…:»›>→▶►❯\-–—•*。！？]/;

/** `s` without the leading characters matching `lead` and trailing ones matching `trail` (one pass each way). */
export function stripEnds(s: string, lead: RegExp, trail: RegExp): string {
  let start = 0;
  let end = s.length;
  while (start < end && lead.test(s[start])) start++;
  while (end > start && trail.test(s[end - 1])) end--;
  return s.slice(start, end);
}

/** The label as the lists compare it: lower-case, whitespace collapsed, decoration removed. */
export function comparableLabel(label: string): string {
  let c = comparable.get(label);
  if (c === undefined) {
    c = stripEnds(normalizeWords(label), LABEL_LEAD, LABEL_TRAIL).trim();
    if (label.length <= 200) {
      if (comparable.size > 10_000) comparable.clear();
      comparable.set(label, c);
    }
  }
  return c;
}
/** Short labels already made comparable: every CTA rule and the label's language ask for the same labels. */
const comparable = new Map<string, string>();

const vagueSets = new Map<string, Set<string>>();
function vagueSet(w: LanguageWords): Set<string> {
  let s = vagueSets.get(w.lang);
  if (!s) vagueSets.set(w.lang, (s = new Set(w.vague.map((p) => comparableLabel(p)))));
  return s;
}

/**
 * A button named by its role or look rather than its action, as starter templates ship them:
 * Cerberus's "Primary Button" and "Centered Primary Button", "Secondary button", "Ghost button".
 */
const ROLE_NAMED_BUTTON = /^(?:(?:primary|secondary|tertiary|main|centered|centred|left|right|aligned|full|width|full-width|ghost|outline|outlined|bordered|rounded|pill|default|large|small|big|sample|example|bulletproof|my|your|the|a|an)\s+)+(?:button|btn|cta)$/;

/** True when the label is a template placeholder ("Call To Action", "Button text", "Primary Button"), in any language. */
export function isPlaceholderLabel(label: string): boolean {
  return isPlaceholder(comparableLabel(label));
}

/** The placeholder test on a label already made comparable. */
function isPlaceholder(l: string): boolean {
  return PLACEHOLDERS.has(l) || ROLE_NAMED_BUTTON.test(l);
}

/** Placeholders that open with a verb (a gesture or "do"): generic, but not missing a verb. */
const VERB_PLACEHOLDERS: ReadonlySet<string> = new Set(['click me', 'click here', 'do this next', 'edit me']);

/** True when the label is a placeholder that names the element, not an action ("Button", "Primary Button", "Call to action"). */
export function namesTheElement(label: string): boolean {
  const l = comparableLabel(label);
  return isPlaceholder(l) && !VERB_PLACEHOLDERS.has(l);
}

/**
 * True when the whole label is a generic phrase of `lang` (English phrases count in any
 * language) or a placeholder. A language without a list: only placeholders.
 */
export function isVagueLabel(label: string, lang: string | null | undefined): boolean {
  const l = comparableLabel(label);
  if (!l) return false;
  if (isPlaceholder(l)) return true;
  const w = wordsFor(lang);
  if (!w) return false;
  return vagueSet(w).has(l) || (w !== en && vagueSet(en).has(l));
}

export interface LabelAction {
  /** The verb (or verb phrase / verbal ending) as the list has it. */
  verb: string;
  /** Where the label shows it: its first words, or its last. */
  position: 'first' | 'last';
}

const verbSets = new Map<string, Set<string>>();
function verbSet(w: LanguageWords, extra: readonly string[] = []): Set<string> {
  const key = w.lang;
  let s = verbSets.get(key);
  if (!s) verbSets.set(key, (s = new Set(w.verbs.map(normalizeWords))));
  if (!extra.length) return s;
  return new Set([...s, ...extra.map(normalizeWords)]);
}

// Japanese dictionary-form and request endings: a label that closes with one closes with a verb.
const JA_VERB_END = /(?:[うくすつぬぶむるぐ]|ください|ましょう|しよう|して|てね)$/u;
// Japanese: an object marked with を and a closing verbal noun ("概要を印刷", print the summary).
const JA_OBJECT_VERBAL_NOUN = /を\s*[\p{Script=Han}\p{Script=Katakana}ー]+$/u;
// Chinese: a label opening with a preposition (在, 到, 从, 用, 给, 向, 於) closes with its verb.
const ZH_PREPOSITION = /^[在到从從用给給向於]/u;
// Korean: the -기 noun form and the polite imperative close a button label.
const KO_VERB_END = /(?:기|세요|하자|해요|합니다|십시오)$/u;

function words(l: string): string[] {
  return l
    .split(' ')
    .map((x) => stripEnds(x, /[^\p{L}\p{N}]/u, /[^\p{L}\p{N}'’-]/u))
    .filter(Boolean);
}

/**
 * The action verb the label shows, in `lang`'s word order, or null (no verb, or no list for
 * `lang`: check `hasWords`). English verbs count in any language ("Shop now" in a German email).
 * `extra` adds verbs (a rule option).
 */
export function actionOf(label: string, lang: string | null | undefined, extra: readonly string[] = []): LabelAction | null {
  const w = wordsFor(lang);
  if (!w) return null;
  const l = comparableLabel(label);
  if (!l) return null;
  const found = actionIn(l, w, extra);
  if (found || w === en) return found;
  return actionIn(l, en, extra);
}

function actionIn(l: string, w: LanguageWords, extra: readonly string[]): LabelAction | null {
  const verbs = verbSet(w, extra);
  const particles = new Set((w.particles ?? []).map(normalizeWords));
  if (UNSPACED.test(l) || w.lang === 'ko') {
    // Han/kana/Hangul labels: verb stems inside the label, at its start (zh) or end (ja, ko).
    let s = stripEnds(l, /$^/, /[\s!！。.…]/u);
    if (w.verbPosition === 'first') {
      for (let changed = true; changed; ) {
        changed = false;
        for (const p of particles) if (s.startsWith(p) && s.length > p.length) { s = s.slice(p.length).trimStart(); changed = true; }
      }
      for (const v of verbs) if (s.startsWith(v)) return { verb: v, position: 'first' };
      // A leading place or means ("在新标签页中打开", open in a new tab) puts the verb last.
      if (ZH_PREPOSITION.test(s)) for (const v of verbs) if (s.endsWith(v)) return { verb: v, position: 'last' };
      return null;
    }
    for (const v of verbs) if (s.endsWith(v)) return { verb: v, position: 'last' };
    const end = w.lang === 'ja' ? JA_VERB_END.exec(s) ?? JA_OBJECT_VERBAL_NOUN.exec(s) : w.lang === 'ko' ? KO_VERB_END.exec(s) : null;
    return end && s.length > end[0].length ? { verb: end[0], position: 'last' } : null;
  }
  const ws = words(l);
  while (ws.length > 1 && particles.has(ws[0])) ws.shift();
  while (ws.length > 1 && particles.has(ws[ws.length - 1])) ws.pop();
  if (!ws.length || (ws.length === 1 && particles.has(ws[0]))) return null;
  const match = (cands: string[]) => cands.find((c) => verbs.has(c));
  const n = ws.length;
  if (w.verbPosition !== 'last') {
    const first = ws[0];
    // Elision ("l'essai", "d'essayer"): the word after the apostrophe counts too; Arabic: the
    // word without its article ("الفتح" → "فتح").
    const v = match([ws.slice(0, 2).join(' '), first, first.replace(/^\p{L}'/u, ''), ...(w.lang === 'ar' ? [first.replace(/^ال/u, '')] : [])]);
    if (v) return { verb: v, position: 'first' };
  }
  if (w.verbPosition !== 'first') {
    const v = match([ws.slice(-2).join(' '), ws[n - 1]]) ?? (w.verbPosition === 'last' && n <= 2 ? match([ws[0]]) : undefined);
    if (v) return { verb: v, position: 'last' };
  }
  return null;
}
