/**
 * Danish (da) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/da.json
 * - Lighthouse has no Danish list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "da",
  name: "Danish",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/da.json", "Lighthouse has no Danish list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["klik her", "her", "læs mere", "mere", "mere info", "mere information", "se mere", "fortsæt", "send", "link", "dette link", "detaljer", "næste", "knap", "info"],
  verbs: ["køb", "købe", "handl", "bestil", "bestille", "book", "booke", "download", "hent", "hente", "tilmeld", "tilmeld dig", "abonner", "start", "begynd", "prøv", "opdag", "udforsk", "læs", "se", "lyt", "tilføj", "bekræft", "aktivér", "aktiver", "log ind", "log", "vælg", "find", "del", "bedøm", "stem", "forny", "opdater", "betal", "kontakt", "skriv", "udfyld", "tag", "få", "besøg", "installer", "skift", "nulstil", "administrer", "følg", "gem", "svar", "ansøg", "doner", "shop", "spar", "deltag", "skjul", "kopiér", "kopier", "udskriv", "åbn", "udvid", "indsend", "vis", "luk", "send", "rediger", "fold", "rapportér"],
  particles: ["nu", "ja"],
  unsubscribe: ["afmeld", "afmeld dig", "afmelde", "frameld", "frameld dig", "framelde", "afmelding", "framelding", "afmeld nyhedsbrev"],
  preferences: ["præferencer", "administrer præferencer", "opdater profil", "opdater dine oplysninger"],
  viewOnline: ["vis i browser", "se i browser", "åbn i browser", "vis online", "webversion", "se online"],
  footer: ["alle rettigheder forbeholdes", "privatlivspolitik", "persondatapolitik", "betingelser", "du modtager denne e-mail", "du modtager dette nyhedsbrev", "denne e-mail er sendt til", "sendt til", "cvr"],
  transactional: ["nulstil din adgangskode", "nulstil adgangskode", "nulstille din adgangskode", "glemt din adgangskode", "glemt adgangskode", "ny adgangskode", "skift adgangskode", "hvis du ikke har anmodet", "hvis du ikke har bedt", "bekræft din e-mailadresse", "bekræft din e-mail", "bekræft din adresse", "bekræft din konto", "bekræft din tilmelding", "bekræft tilmelding", "bekræftelseskode", "verifikationskode", "sikkerhedskode", "sikkerhedsadvarsel", "ny enhed", "mistænkelig aktivitet", "faktura", "kvittering", "din ordre", "din bestilling", "ordrenummer", "ordrebekræftelse", "er afsendt", "trackingnummer", "betaling modtaget", "betalingen mislykkedes", "betalingsmetode", "refundering", "tilbagebetaling", "aktiver din konto", "loginoplysninger", "brugernavn"],
  service: ["velkommen", "tak for din tilmelding", "din konto", "har inviteret dig", "invitation", "ny kommentar", "har kommenteret", "notifikationer", "adgangskode", "log ind", "tildelt til", "tildelt dig", "ny opgave", "din aftale"],
  marketing: ["nyhedsbrev", "rabat", "rabatkode", "kupon", "tilbud", "særtilbud", "udsalg", "gratis fragt", "gratis levering", "køb nu", "shop nu", "kun i dag", "sidste chance", "gå ikke glip af", "ny kollektion", "vi savner dig"],
};

export default words;
