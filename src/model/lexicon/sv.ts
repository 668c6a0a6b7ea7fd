/**
 * Swedish (sv) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the sv set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/sv.json
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "sv",
  name: "Swedish",
  dir: "ltr",
  verbPosition: "first",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the sv set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/sv.json", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["här", "klicka här", "läs mer", "mer", "mer info", "mer information", "klicka", "fortsätt", "skicka", "länk", "den här länken", "se mer", "detaljer", "nästa", "knapp", "info"],
  verbs: ["köp", "köpa", "handla", "beställ", "beställa", "boka", "bokar", "ladda ner", "ladda", "hämta", "registrera", "anmäl", "gå med", "prenumerera", "starta", "börja", "testa", "prova", "upptäck", "utforska", "läs", "titta", "se", "lyssna", "lägg till", "bekräfta", "aktivera", "logga in", "logga", "välj", "hitta", "dela", "betygsätt", "rösta", "förnya", "uppdatera", "betala", "kontakta", "skriv", "fyll i", "ta", "få", "hämta", "besök", "installera", "ändra", "återställ", "hantera", "följ", "spara", "svara", "ansök", "donera", "shoppa", "fynda", "komprimera", "kopiera", "öppna", "utöka", "rapportera", "visa", "stäng", "dölj", "skicka", "redigera", "expandera", "fäll"],
  particles: ["nu", "direkt", "ja"],
  unsubscribe: ["avsluta prenumeration", "avsluta prenumerationen", "avprenumerera", "avregistrera", "avanmäl", "avanmälan", "sluta prenumerera", "avsluta nyhetsbrev"],
  preferences: ["hantera preferenser", "hantera inställningar", "uppdatera profil", "uppdatera dina uppgifter", "e-postinställningar"],
  viewOnline: ["visa i webbläsaren", "visa i webbläsare", "öppna i webbläsaren", "visa online", "webbversion", "läs online"],
  footer: ["alla rättigheter förbehållna", "integritetspolicy", "personuppgiftspolicy", "villkor", "du får detta mejl", "du får det här mejlet", "du får detta e-postmeddelande", "detta mejl skickades", "skickat till", "org.nr"],
};

export default words;
