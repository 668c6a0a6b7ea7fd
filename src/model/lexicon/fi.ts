/**
 * Finnish (fi) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/fi.json
 * - Lighthouse has no Finnish list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "fi",
  name: "Finnish",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/fi.json", "Lighthouse has no Finnish list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["klikkaa tästä", "napsauta tästä", "tästä", "täältä", "lue lisää", "lisää", "lisätietoja", "lisätietoa", "katso lisää", "jatka", "lähetä", "linkki", "tämä linkki", "tiedot", "seuraava", "painike", "info"],
  verbs: ["osta", "ostaa", "tilaa", "tilata", "varaa", "varata", "lataa", "ladata", "hae", "rekisteröidy", "ilmoittaudu", "liity", "aloita", "kokeile", "tutustu", "löydä", "lue", "katso", "kuuntele", "lisää", "vahvista", "aktivoi", "kirjaudu", "valitse", "etsi", "jaa", "arvioi", "äänestä", "uusi", "päivitä", "maksa", "ota yhteyttä", "ota", "kirjoita", "täytä", "käy", "vieraile", "asenna", "muuta", "nollaa", "hallinnoi", "seuraa", "tallenna", "vastaa", "lahjoita", "shoppaile", "säästä", "osallistu", "hyödynnä", "lunasta", "tiivistä", "kopioi", "tulosta", "avaa", "laajenna", "ilmoita", "näytä", "sulje", "piilota", "lähetä", "muokkaa"],
  particles: ["nyt", "heti", "kyllä"],
  unsubscribe: ["peruuta tilaus", "peru tilaus", "lopeta tilaus", "poistu postituslistalta", "poistu listalta", "poistu uutiskirjeen tilaajista", "tilauksen peruutus", "en halua enää"],
  preferences: ["hallitse asetuksia", "muokkaa asetuksia", "päivitä tiedot", "päivitä tietosi", "viestiasetukset"],
  viewOnline: ["katso selaimessa", "katsele viestiä selaimessa", "avaa selaimessa", "näytä selaimessa", "selainversio", "verkkoversio", "lue verkossa"],
  footer: ["kaikki oikeudet pidätetään", "tietosuojaseloste", "tietosuoja", "käyttöehdot", "saat tämän viestin", "sait tämän viestin", "tämä viesti lähetettiin", "lähetetty osoitteeseen", "y-tunnus"],
  transactional: ["nollaa salasana", "salasanan nollaus", "palauta salasana", "salasanan palautus", "salasanan vaihto", "unohditko salasanasi", "uusi salasana", "vaihda salasana", "jos et pyytänyt", "jos et ole pyytänyt", "vahvista sähköpostiosoitteesi", "vahvista sähköpostiosoite", "vahvista tilisi", "vahvista rekisteröityminen", "vahvistuskoodi", "turvakoodi", "kertakäyttökoodi", "tietoturvahälytys", "uusi laite", "epäilyttävää toimintaa", "lasku", "kuitti", "tilauksesi", "tilausnumero", "tilausvahvistus", "on lähetetty", "seurantanumero", "maksu vastaanotettu", "maksu epäonnistui", "maksutapa", "hyvitys", "aktivoi tilisi", "kirjautumistiedot", "käyttäjätunnus"],
  service: ["tervetuloa", "kiitos rekisteröitymisestä", "tilisi", "kutsui sinut", "kutsu", "uusi kommentti", "kommentoi", "ilmoitukset", "salasan*", "kirjaudu sisään", "nimetty sinulle", "sinulle on annettu", "uusi tehtävä", "minulle nimetyt"],
  marketing: ["uutiskirje", "alennus", "alennukset", "alennuskoodi", "kuponki", "tarjous", "tarjoukset", "erikoistarjous", "alennusmyynti", "ilmainen toimitus", "osta nyt", "vain tänään", "viimeinen mahdollisuus", "älä missaa", "uutuudet", "uusi mallisto", "kaipaamme sinua"],
};

export default words;
