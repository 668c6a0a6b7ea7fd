/** The words of one language that the model's wording questions read (see ./index.ts). */
export interface LanguageWords {
  /** ISO 639-1 code (primary subtag of a BCP 47 tag). */
  lang: string;
  /** English name of the language. */
  name: string;
  /** Writing direction of the script. */
  dir: 'ltr' | 'rtl';
  /** Where the sources of these lists are (cited, one per line). */
  sources: readonly string[];
  /**
   * How a button label shows its action: `first` — the label opens with the verb ("Shop now",
   * "Jetzt kaufen" after a leading adverb); `last` — the verb closes it (ja "カートに入れる",
   * ko "구매하기", tr "Hemen satın al"); `either` — imperative first or infinitive last
   * (de "Entdecke die Kollektion" / "Kollektion ansehen").
   */
  verbPosition: 'first' | 'last' | 'either';
  /**
   * Whole labels that say nothing about what the reader gets ("click here", "learn more").
   * Compared with the whole label (lower-case, decoration removed), as Lighthouse does.
   */
  vague: readonly string[];
  /**
   * Action verbs a label can show its action with (imperative, infinitive and the forms CTAs use).
   * Latin/Cyrillic/Greek: whole words; Han, kana and Hangul: stems matched inside the label.
   */
  verbs: readonly string[];
  /** Words that open a verb phrase without being a verb ("jetzt", "now", "立即"): skipped. */
  particles?: readonly string[];
  /** Unsubscribe wording (phrases; a trailing `*` matches any ending). */
  unsubscribe: readonly string[];
  /** Preference-centre wording ("manage preferences", "update your profile"). */
  preferences: readonly string[];
  /** View-in-browser wording. */
  viewOnline: readonly string[];
  /** Footer / legal wording ("all rights reserved", "privacy policy", "you received this email"). */
  footer: readonly string[];
}
