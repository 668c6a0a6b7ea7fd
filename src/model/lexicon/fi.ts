/**
 * Finnish (fi) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/fi.json
 * - Lighthouse has no Finnish list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "fi",
  name: "Finnish",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/fi.json", "Lighthouse has no Finnish list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["klikkaa tästä", "napsauta tästä", "tästä", "täältä", "lue lisää", "lisää", "lisätietoja", "lisätietoa", "katso lisää", "jatka", "lähetä", "linkki", "tämä linkki", "tiedot", "seuraava", "painike", "info"],
  verbs: ["osta", "ostaa", "tilaa", "tilata", "varaa", "varata", "lataa", "ladata", "hae", "rekisteröidy", "ilmoittaudu", "liity", "aloita", "kokeile", "tutustu", "löydä", "lue", "katso", "kuuntele", "lisää", "vahvista", "aktivoi", "kirjaudu", "valitse", "etsi", "jaa", "arvioi", "äänestä", "uusi", "päivitä", "maksa", "ota yhteyttä", "ota", "kirjoita", "täytä", "käy", "vieraile", "asenna", "muuta", "nollaa", "hallinnoi", "seuraa", "tallenna", "vastaa", "lahjoita", "shoppaile", "säästä", "osallistu", "hyödynnä", "lunasta", "tiivistä", "kopioi", "tulosta", "avaa", "laajenna", "ilmoita", "näytä", "sulje", "piilota", "lähetä", "muokkaa"],
  particles: ["nyt", "heti", "kyllä"],
  unsubscribe: ["peruuta tilaus", "peru tilaus", "lopeta tilaus", "poistu postituslistalta", "poistu listalta", "poistu uutiskirjeen tilaajista", "tilauksen peruutus", "en halua enää"],
  preferences: ["hallitse asetuksia", "muokkaa asetuksia", "päivitä tiedot", "päivitä tietosi", "viestiasetukset"],
  viewOnline: ["katso selaimessa", "katsele viestiä selaimessa", "avaa selaimessa", "näytä selaimessa", "selainversio", "verkkoversio", "lue verkossa"],
  footer: ["kaikki oikeudet pidätetään", "tietosuojaseloste", "tietosuoja", "käyttöehdot", "saat tämän viestin", "sait tämän viestin", "tämä viesti lähetettiin", "lähetetty osoitteeseen", "y-tunnus"],
};

export default words;
