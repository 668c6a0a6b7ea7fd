/**
 * Norwegian Bokmål (nb) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/no.json
 * - Lighthouse has no Norwegian list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "nb",
  name: "Norwegian Bokmål",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/no.json", "Lighthouse has no Norwegian list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["klikk her", "her", "les mer", "mer", "mer info", "mer informasjon", "se mer", "fortsett", "send", "lenke", "denne lenken", "detaljer", "neste", "knapp", "info"],
  verbs: ["kjøp", "kjøpe", "handle", "bestill", "bestille", "book", "booke", "last ned", "last", "hent", "hente", "registrer", "meld deg på", "abonner", "start", "begynn", "prøv", "oppdag", "utforsk", "les", "se", "lytt", "legg til", "bekreft", "aktiver", "logg inn", "logg", "velg", "finn", "del", "vurder", "stem", "forny", "oppdater", "betal", "kontakt", "skriv", "fyll ut", "ta", "få", "besøk", "installer", "endre", "tilbakestill", "administrer", "følg", "lagre", "svar", "søk", "doner", "shop", "spar", "bli med", "delta", "skjul", "kopiér", "kopier", "åpne", "utvid", "opprett", "vis", "lukk", "send", "rediger", "rapporter"],
  particles: ["nå", "ja"],
  unsubscribe: ["meld av", "meld deg av", "avmeld", "avmelding", "avslutt abonnement", "avslutt abonnementet", "avregistrer"],
  preferences: ["preferanser", "administrer preferanser", "oppdater profil", "oppdater opplysningene dine"],
  viewOnline: ["vis i nettleser", "vis i nettleseren", "se i nettleser", "åpne i nettleser", "vis på nett", "nettversjon", "webversjon"],
  footer: ["alle rettigheter forbeholdt", "personvernerklæring", "personvern", "vilkår", "du mottar denne e-posten", "du får denne e-posten", "denne e-posten ble sendt til", "sendt til", "org.nr"],
  transactional: ["tilbakestill passordet", "tilbakestill passord", "tilbakestille passordet", "glemt passordet", "glemt passord", "nytt passord", "endre passord", "hvis du ikke har bedt om", "hvis du ikke ba om", "bekreft e-postadressen", "bekreft din e-postadresse", "bekreft e-post", "bekreft kontoen", "bekreft din konto", "bekreft registreringen", "bekreftelseskode", "verifiseringskode", "sikkerhetskode", "engangskode", "sikkerhetsvarsel", "ny enhet", "mistenkelig aktivitet", "faktura", "kvittering", "din bestilling", "din ordre", "ordrenummer", "ordrebekreftelse", "sporingsnummer", "betaling mottatt", "betalingen mislyktes", "betalingsmåte", "refusjon", "aktiver kontoen", "aktiver din konto", "innloggingsinformasjon", "brukernavn"],
  service: ["velkommen", "takk for at du registrerte deg", "din konto", "kontoen din", "har invitert deg", "invitasjon", "ny kommentar", "har kommentert", "varsler", "passord", "logg inn", "tildelt til", "tildelt deg", "ny oppgave", "din avtale"],
  marketing: ["nyhetsbrev", "rabatt", "rabattkode", "kupong", "tilbud", "spesialtilbud", "salg", "utsalg", "fri frakt", "gratis frakt", "handle nå", "kjøp nå", "kun i dag", "siste sjanse", "ikke gå glipp av", "ny kolleksjon", "vi savner deg"],
};

export default words;
