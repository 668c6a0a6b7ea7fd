/**
 * Swedish (sv) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the sv set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/sv.json
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "sv",
  name: "Swedish",
  dir: "ltr",
  verbPosition: "first",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the sv set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/sv.json", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["här", "klicka här", "läs mer", "mer", "mer info", "mer information", "klicka", "fortsätt", "skicka", "länk", "den här länken", "se mer", "detaljer", "nästa", "knapp", "info"],
  verbs: ["köp", "köpa", "handla", "beställ", "beställa", "boka", "bokar", "ladda ner", "ladda", "hämta", "registrera", "anmäl", "gå med", "prenumerera", "starta", "börja", "testa", "prova", "upptäck", "utforska", "läs", "titta", "se", "lyssna", "lägg till", "bekräfta", "aktivera", "logga in", "logga", "välj", "hitta", "dela", "betygsätt", "rösta", "förnya", "uppdatera", "betala", "kontakta", "skriv", "fyll i", "ta", "få", "hämta", "besök", "installera", "ändra", "återställ", "hantera", "följ", "spara", "svara", "ansök", "donera", "shoppa", "fynda", "komprimera", "kopiera", "öppna", "utöka", "rapportera", "visa", "stäng", "dölj", "skicka", "redigera", "expandera", "fäll"],
  particles: ["nu", "direkt", "ja"],
  unsubscribe: ["avsluta prenumeration", "avsluta prenumerationen", "avprenumerera", "avregistrera", "avanmäl", "avanmälan", "sluta prenumerera", "avsluta nyhetsbrev"],
  preferences: ["hantera preferenser", "hantera inställningar", "uppdatera profil", "uppdatera dina uppgifter", "e-postinställningar"],
  viewOnline: ["visa i webbläsaren", "visa i webbläsare", "öppna i webbläsaren", "visa online", "webbversion", "läs online"],
  footer: ["alla rättigheter förbehållna", "integritetspolicy", "personuppgiftspolicy", "villkor", "du får detta mejl", "du får det här mejlet", "du får detta e-postmeddelande", "detta mejl skickades", "skickat till", "org.nr"],
  transactional: ["återställ ditt lösenord", "återställ lösenord", "återställa ditt lösenord", "återställning av lösenord", "glömt ditt lösenord", "glömt lösenordet", "nytt lösenord", "ändra ditt lösenord", "om du inte har begärt", "om du inte begärt", "bekräfta din e-postadress", "bekräfta din e-post", "bekräfta din adress", "bekräfta ditt konto", "bekräfta din registrering", "verifiera din e-postadress", "verifieringskod", "säkerhetskod", "engångskod", "säkerhetsvarning", "ny enhet", "misstänkt aktivitet", "faktura", "kvitto", "din beställning", "ordernummer", "orderbekräftelse", "beställningsbekräftelse", "har skickats", "spårningsnummer", "betalning mottagen", "betalningen misslyckades", "betalningsmetod", "återbetalning", "aktivera ditt konto", "inloggningsuppgifter", "användarnamn"],
  service: ["välkommen", "tack för din registrering", "ditt konto", "har bjudit in dig", "inbjudan", "ny kommentar", "har kommenterat", "aviseringar", "notiser", "lösenord", "logga in", "tilldelad", "tilldelats", "tilldelade mig", "ny uppgift", "din bokning"],
  marketing: ["nyhetsbrev", "rabatt", "rabattkod", "kupong", "erbjudande", "erbjudanden", "specialerbjudande", "realisation", "kampanj", "fri frakt", "handla nu", "köp nu", "endast idag", "sista chansen", "missa inte", "ny kollektion", "vi saknar dig"],
};

export default words;
