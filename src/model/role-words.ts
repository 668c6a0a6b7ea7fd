/**
 * The words that name a link's or a block's role: unsubscribe, preferences, view online, and the
 * legal footer's wording. ONE place for them, read by links.ts (link roles) and footer.ts (the
 * footer); the footer itself is found by structure (footer.ts), these words only back it up.
 * The lists are today's: English plus the few other languages links.ts always knew.
 */
export type RoleWordKind = 'unsubscribe' | 'preferences' | 'view-online' | 'legal' | 'footer-hint';

const WORDS: Record<RoleWordKind, RegExp> = {
  unsubscribe:
    /\bunsubscribe\b|\bopt[- ]?out\b|abmelden|abbestellen|se d[ée]sinscrire|d[ée]sabonner|d[ée]sinscription|darse de baja|darte de baja|cancelar (la )?suscripci[oó]n|annulla(re)? l'iscrizione|cancella(re)? l'iscrizione|afmelden|uitschrijven|cancelar inscri[cç][aã]o|descadastr/i,
  // Also read in hrefs (`/preferences`, `manage-subscriptions`).
  preferences: /preferen|manage[-_ ]?(your[-_ ]?)?(email[-_ ]?)?(subscriptions?|settings|notifications)|notification[-_ ]?(settings|preferences)|email[-_ ]?settings|update[-_ ]?(your[-_ ]?)?profile|update_profile|subscription[-_ ]?center|einstellungen/i,
  'view-online': /view[-_ ]?(this[-_ ]?)?(email[-_ ]?)?(in[-_ ]?(your[-_ ]?)?browser|online|as a web ?page)|web[-_ ]?version|webversion|\*\|archive\|\*|view_in_browser|view[-_ ]?online|im browser (ansehen|anzeigen)|voir (la )?version en ligne|ver (en|la versi[oó]n en) (el )?navegador/i,
  // Legal footer text: ©, rights, why you get this, the sender's address markers.
  legal:
    /©|&copy;|\bcopyright\b|all rights reserved|unsubscribe|\bprivacy\b|you (are )?receiv|you('re| are) getting this|sent (to|by)|no longer wish|manage (your )?(email )?preferences|opt[ -]out|\bsuite \d|\bp\.?o\.? box\b/i,
  // class / id names of footer blocks.
  'footer-hint': /footer|legal|disclaimer|copyright|unsubscribe|fineprint|fine-print|small-print/i,
};

/** The pattern for a role's wording (today's lists; one function so a per-language lexicon can replace it). */
export function roleWords(kind: RoleWordKind): RegExp {
  return WORDS[kind];
}
