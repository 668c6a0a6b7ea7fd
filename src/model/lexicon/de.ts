/**
 * German (de) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Button labels put the verb first (imperative) or last (infinitive): "Jetzt kaufen", "Kollektion ansehen" / "Bekijk de collectie", "Collectie bekijken"
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the de set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/de.json
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "de",
  name: "German",
  dir: "ltr",
  verbPosition: "either",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the de set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/de.json", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["klicke hier", "klicken sie hier", "hier klicken", "hier", "mehr", "mehr erfahren", "mehr infos", "mehr informationen", "weiterlesen", "weiter", "siehe", "dies", "das", "link", "dieser link", "absenden", "senden", "los", "los geht’s", "los geht's", "mehr lesen", "hier entlang", "details", "ansehen", "mehr details", "button", "info", "infos"],
  verbs: ["abonnieren", "abonniere", "aktivieren", "aktiviere", "anmelden", "melde", "melden", "ansehen", "sieh", "sehen", "antworten", "antworte", "bestellen", "bestelle", "bestätigen", "bestätige", "buchen", "buche", "entdecken", "entdecke", "erstellen", "erstelle", "herunterladen", "lade", "laden", "holen", "hol", "hole", "kaufen", "kaufe", "kontaktieren", "kontaktiere", "lesen", "lies", "registrieren", "registriere", "reservieren", "reserviere", "sichern", "sichere", "sparen", "spare", "starten", "starte", "teilen", "teile", "testen", "teste", "verwalten", "verwalte", "zurücksetzen", "setze", "shoppen", "shoppe", "probieren", "probiere", "ausprobieren", "anschauen", "schau", "schauen", "erfahren", "erfahre", "gib", "geben", "nimm", "nehmen", "teilnehmen", "öffnen", "öffne", "bewerten", "bewerte", "installieren", "installiere", "bezahlen", "bezahle", "aktualisieren", "aktualisiere", "verlängern", "verlängere", "finden", "finde", "einlösen", "löse", "hinzufügen", "füge", "speichern", "mitmachen", "anfragen", "frage", "spenden", "spende", "folgen", "folge", "stöbern", "zugreifen", "sichern", "minimieren", "maximieren", "kopieren", "kopiere", "drucken", "drucke", "speichere", "anzeigen", "zeigen", "zeige", "schließen", "schließe", "ausblenden", "einblenden", "senden", "sende", "bearbeiten", "bearbeite", "erweitern", "aufklappen", "zuklappen"],
  particles: ["jetzt", "hier", "gleich", "sofort", "einfach", "ja"],
  unsubscribe: ["abmelden", "abbestellen", "newsletter abbestellen", "vom newsletter abmelden", "austragen", "abmeldung", "abonnement kündigen"],
  preferences: ["einstellungen", "einstellungen verwalten", "profil aktualisieren", "profil bearbeiten", "präferenzen", "newsletter-einstellungen", "e-mail-einstellungen"],
  viewOnline: ["im browser ansehen", "im browser anzeigen", "im browser öffnen", "online ansehen", "online-version", "onlineversion", "webversion", "web-version", "e-mail im browser", "wird diese e-mail nicht richtig angezeigt"],
  footer: ["alle rechte vorbehalten", "datenschutz", "datenschutzerklärung", "impressum", "agb", "sie erhalten diese e-mail", "du erhältst diese e-mail", "diese e-mail wurde an", "gesendet an", "geschäftsführer", "handelsregister", "ust-idnr"],
};

export default words;
