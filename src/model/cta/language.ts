/**
 * CTA label helpers for the CTA rules: vague labels, bare URLs, the action verb, ALL CAPS.
 * The words themselves live in the lexicon (./lexicon, one file per language, sources cited);
 * vague lists start from Lighthouse's `link-text` audit (see ../shared/reference/email-guidance.md
 * §4.3). Matching is exact on the whole label (trimmed, lower-cased, trailing punctuation and
 * arrows removed), as Lighthouse does: "Learn more about pricing" is NOT vague, "Learn more »" is.
 */
import { actionOf, comparableLabel, isVagueLabel as lexiconVague, LEXICON_LANGUAGES, stripEnds } from '../lexicon/index.js';

export { comparableLabel };

const URL_TRAIL = /[\s.!?…:»›>→]/;

// A full URL, a www. host, or a host with a path ("example.com/offer"): link text that is an address.
const BARE_URL = /^(https?:\/\/|www\.)\S+$|^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*$/i;

/**
 * True when the whole label is a generic phrase of `lang` (or English, or a placeholder) or a
 * bare URL; with no language, a phrase of any listed language (rules pass a known language).
 */
export function isVagueLabel(label: string, lang: string | null): boolean {
  if (isBareUrl(label)) return true;
  return lang ? lexiconVague(label, lang) : LEXICON_LANGUAGES.some((l) => lexiconVague(label, l));
}

export function isBareUrl(label: string): boolean {
  return BARE_URL.test(stripEnds(label.trim(), /$^/, URL_TRAIL));
}

/** True when the label shows its action the way `lang` does (./lexicon actionOf); with no language, the way any listed language does. */
export function startsWithActionVerb(label: string, lang: string | null, extra: readonly string[] = []): boolean {
  if (lang) return actionOf(label, lang, extra) !== null;
  return LEXICON_LANGUAGES.some((l) => actionOf(label, l, extra) !== null);
}

/** True when the label's letters are all upper case (and there are at least 4 of them). */
export function isAllCaps(label: string): boolean {
  const letters = label.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "SHOP THE SALE" → "Shop the sale" (sentence case, keeping the first letter's case rules per locale). */
export function sentenceCase(label: string): string {
  const lower = label.toLowerCase();
  return lower.replace(/\p{L}/u, (c) => c.toUpperCase());
}

export function wordCount(label: string): number {
  return label.trim().split(/\s+/).filter(Boolean).length;
}
