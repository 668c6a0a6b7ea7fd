/**
 * Dutch (nl) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Button labels put the verb first (imperative) or last (infinitive): "Jetzt kaufen", "Kollektion ansehen" / "Bekijk de collectie", "Collectie bekijken"
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/nl.json
 * - Lighthouse has no Dutch list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "nl",
  name: "Dutch",
  dir: "ltr",
  verbPosition: "either",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/nl.json", "Lighthouse has no Dutch list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["klik hier", "hier", "meer", "meer info", "meer informatie", "lees meer", "lees verder", "verder", "bekijk meer", "ga verder", "doorgaan", "versturen", "verzenden", "link", "deze link", "ga", "ontdek meer", "details", "volgende", "knop", "info"],
  verbs: ["aanmelden", "meld", "activeer", "activeren", "bekijk", "bekijken", "bestel", "bestellen", "bevestig", "bevestigen", "boek", "boeken", "claim", "claimen", "contacteer", "download", "downloaden", "deel", "delen", "doe", "doen", "ga", "ontdek", "ontdekken", "koop", "kopen", "lees", "lezen", "maak", "maken", "neem", "nemen", "ontvang", "ontvangen", "probeer", "proberen", "registreer", "registreren", "reserveer", "reserveren", "schrijf", "start", "starten", "vraag", "vragen", "vind", "vinden", "voeg", "toevoegen", "word", "worden", "beheer", "beheren", "kies", "kiezen", "verleng", "verlengen", "update", "updaten", "betaal", "betalen", "kijk", "kijken", "luister", "luisteren", "stem", "installeer", "bewaar", "reset", "verifieer", "abonneer", "shop", "shoppen", "begin", "beginnen", "sluit", "log", "inloggen", "plan", "plannen", "geef", "geven", "wissel", "verzilver", "volg", "volgen", "schrijf", "ontvang", "samenvouwen", "kopiëren", "kopieer", "opslaan", "sla", "openen", "open", "uitvouwen", "melden", "tonen", "toon", "sluiten", "verbergen", "afdrukken", "druk", "verzenden", "verstuur", "bewerken", "bewerk"],
  particles: ["nu", "direct", "snel", "ja"],
  unsubscribe: ["uitschrijven", "afmelden", "schrijf je uit", "schrijf u uit", "meld je af", "meld u af", "uitschrijving", "abonnement opzeggen"],
  preferences: ["voorkeuren", "beheer voorkeuren", "voorkeuren beheren", "profiel bijwerken", "wijzig je gegevens", "e-mailinstellingen"],
  viewOnline: ["bekijk in browser", "bekijk in je browser", "bekijk deze e-mail in je browser", "bekijk online", "online bekijken", "webversie", "online versie", "bekijk de webversie"],
  footer: ["alle rechten voorbehouden", "privacybeleid", "privacyverklaring", "algemene voorwaarden", "je ontvangt deze e-mail", "u ontvangt deze e-mail", "deze e-mail is verzonden", "verzonden aan", "kvk"],
  transactional: ["wachtwoord opnieuw instellen", "wachtwoord herstellen", "wachtwoord resetten", "wachtwoord vergeten", "nieuw wachtwoord", "wachtwoord wijzigen", "als je dit niet hebt aangevraagd", "als u dit niet heeft aangevraagd", "bevestig je e-mailadres", "bevestig uw e-mailadres", "bevestig je", "bevestig uw", "bevestig je account", "verifieer je e-mailadres", "verificatiecode", "beveiligingscode", "beveiligingswaarschuwing", "nieuw apparaat", "verdachte activiteit", "factuur", "ontvangstbewijs", "je bestelling", "uw bestelling", "bestelnummer", "bestelbevestiging", "orderbevestiging", "is verzonden", "trackingnummer", "betaling ontvangen", "betaling mislukt", "betaalmethode", "terugbetaling", "activeer je account", "activeer uw account", "inloggegevens", "gebruikersnaam"],
  service: ["welkom", "bedankt voor je registratie", "bedankt voor uw registratie", "je account", "uw account", "heeft je uitgenodigd", "heeft u uitgenodigd", "uitnodiging", "nieuwe reactie", "heeft gereageerd", "meldingen", "wachtwoord", "inloggen", "toegewezen", "toegewezen aan", "nieuwe taak", "uw afspraak", "je afspraak"],
  marketing: ["nieuwsbrief", "korting", "kortingscode", "kortingsbon", "coupon", "aanbieding", "aanbiedingen", "speciale aanbieding", "uitverkoop", "sale", "gratis verzending", "gratis bezorging", "shop nu", "koop nu", "bestel nu", "voor korte tijd", "laatste kans", "mis het niet", "nieuw binnen", "nieuwe collectie", "we missen je"],
};

export default words;
