/**
 * Italian (it) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/it.json
 * - Lighthouse has no Italian list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "it",
  name: "Italian",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/it.json", "Lighthouse has no Italian list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["clicca qui", "fai clic qui", "clicca", "qui", "di più", "di piu", "scopri di più", "scopri di piu", "leggi di più", "leggi di piu", "altro", "maggiori informazioni", "più informazioni", "info", "continua", "invia", "vai", "link", "questo link", "leggi tutto", "scopri", "vedi", "vedi di più", "dettagli", "avanti", "pulsante"],
  verbs: ["accedi", "accedere", "acquista", "acquistare", "aggiungi", "aggiungere", "attiva", "attivare", "compra", "comprare", "conferma", "confermare", "contatta", "contattare", "crea", "creare", "inizia", "iniziare", "iscriviti", "iscriversi", "leggi", "leggere", "ordina", "ordinare", "ottieni", "ottenere", "partecipa", "partecipare", "prenota", "prenotare", "prova", "provare", "registrati", "registrarsi", "richiedi", "richiedere", "rispondi", "rispondere", "scarica", "scaricare", "scopri", "scoprire", "guarda", "guardare", "vedi", "vedere", "visita", "visitare", "condividi", "condividere", "gestisci", "gestire", "scegli", "scegliere", "trova", "trovare", "rinnova", "rinnovare", "aggiorna", "aggiornare", "completa", "completare", "paga", "pagare", "ascolta", "ascoltare", "abbonati", "reimposta", "reimpostare", "verifica", "verificare", "risparmia", "approfitta", "vota", "unisciti", "installa", "salva", "riscatta", "segui", "seguire", "esplora", "esplorare", "sfoglia", "dona", "comprimi", "comprimere", "copia", "copiare", "stampa", "stampare", "apri", "aprire", "espandi", "espandere", "segnala", "segnalare", "visualizza", "visualizzare", "mostra", "mostrare", "chiudi", "chiudere", "nascondi", "nascondere", "invia", "inviare", "modifica", "modificare"],
  particles: ["ora", "subito", "adesso", "sì"],
  unsubscribe: ["cancella iscrizione", "cancella l'iscrizione", "cancellare l'iscrizione", "annulla iscrizione", "annulla l'iscrizione", "annullare l'iscrizione", "disiscri*", "disiscriviti", "non ricevere più", "cancellati"],
  preferences: ["preferenze", "gestisci le preferenze", "gestisci preferenze", "modifica impostazioni", "aggiorna il profilo", "aggiorna profilo", "gestisci iscrizione"],
  viewOnline: ["visualizza nel browser", "visualizzare nel navigatore", "vedi nel browser", "visualizza online", "versione online", "versione web", "apri nel browser"],
  footer: ["tutti i diritti riservati", "diritti riservati", "informativa sulla privacy", "privacy policy", "termini e condizioni", "ricevi questa email", "hai ricevuto questa email", "questa email è stata inviata", "inviata a", "p. iva", "partita iva"],
};

export default words;
