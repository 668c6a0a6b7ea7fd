/**
 * Wording that tells transactional mail from marketing (read by ../mail-type.ts): phrases as
 * in the role lists (a trailing `*` matches any ending; Han and kana phrases match anywhere).
 */
export interface MailTypeWords {
  /**
   * What only transactional mail says: a password reset, verifying an address or account, a
   * sign-in or security code, an order, invoice, receipt, shipment or payment, "if you did not
   * request this". Strong evidence.
   */
  transactional: readonly string[];
  /**
   * What account and service mail says but a welcome or onboarding promotion may say too (a
   * welcome, "your account", an invitation, a comment or reply notification, a password, a
   * contact request). Weak evidence.
   */
  service: readonly string[];
  /** What promotions and bulk mail say: offers, discounts, coupons, sales, newsletters, win-back. */
  marketing: readonly string[];
}

/**
 * A language the lexicon holds only mail-type wording for (no label or footer lists): word
 * rules still say nothing about it, but the mail type can be read.
 */
export interface MailTypeOnlyWords extends MailTypeWords {
  lang: string;
  name: string;
  sources: readonly string[];
}

/** The words of one language that the model's wording questions read (see ./index.ts). */
export interface LanguageWords extends MailTypeWords {
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
