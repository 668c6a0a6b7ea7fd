/**
 * Italian (it) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/it.json
 * - Lighthouse has no Italian list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "it",
  name: "Italian",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/it.json", "Lighthouse has no Italian list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)"],
  vague: ["clicca qui", "fai clic qui", "clicca", "qui", "di più", "di piu", "scopri di più", "scopri di piu", "leggi di più", "leggi di piu", "altro", "maggiori informazioni", "più informazioni", "info", "continua", "invia", "vai", "link", "questo link", "leggi tutto", "scopri", "vedi", "vedi di più", "dettagli", "avanti", "pulsante"],
  verbs: ["accedi", "accedere", "acquista", "acquistare", "aggiungi", "aggiungere", "attiva", "attivare", "compra", "comprare", "conferma", "confermare", "contatta", "contattare", "crea", "creare", "inizia", "iniziare", "iscriviti", "iscriversi", "leggi", "leggere", "ordina", "ordinare", "ottieni", "ottenere", "partecipa", "partecipare", "prenota", "prenotare", "prova", "provare", "registrati", "registrarsi", "richiedi", "richiedere", "rispondi", "rispondere", "scarica", "scaricare", "scopri", "scoprire", "guarda", "guardare", "vedi", "vedere", "visita", "visitare", "condividi", "condividere", "gestisci", "gestire", "scegli", "scegliere", "trova", "trovare", "rinnova", "rinnovare", "aggiorna", "aggiornare", "completa", "completare", "paga", "pagare", "ascolta", "ascoltare", "abbonati", "reimposta", "reimpostare", "verifica", "verificare", "risparmia", "approfitta", "vota", "unisciti", "installa", "salva", "riscatta", "segui", "seguire", "esplora", "esplorare", "sfoglia", "dona", "comprimi", "comprimere", "copia", "copiare", "stampa", "stampare", "apri", "aprire", "espandi", "espandere", "segnala", "segnalare", "visualizza", "visualizzare", "mostra", "mostrare", "chiudi", "chiudere", "nascondi", "nascondere", "invia", "inviare", "modifica", "modificare"],
  particles: ["ora", "subito", "adesso", "sì"],
  unsubscribe: ["cancella iscrizione", "cancella l'iscrizione", "cancellare l'iscrizione", "annulla iscrizione", "annulla l'iscrizione", "annullare l'iscrizione", "disiscri*", "disiscriviti", "non ricevere più", "cancellati"],
  preferences: ["preferenze", "gestisci le preferenze", "gestisci preferenze", "modifica impostazioni", "aggiorna il profilo", "aggiorna profilo", "gestisci iscrizione"],
  viewOnline: ["visualizza nel browser", "visualizzare nel navigatore", "vedi nel browser", "visualizza online", "versione online", "versione web", "apri nel browser"],
  footer: ["tutti i diritti riservati", "diritti riservati", "informativa sulla privacy", "privacy policy", "termini e condizioni", "ricevi questa email", "hai ricevuto questa email", "questa email è stata inviata", "inviata a", "p. iva", "partita iva"],
  transactional: ["reimposta la password", "reimpostare la password", "reimposta password", "reimpostazione della password", "recupera password", "recupero password", "password dimenticata", "nuova password", "cambia la password", "modifica la password", "se non hai richiesto", "se non ha richiesto", "conferma il tuo indirizzo", "conferma la tua email", "conferma la tua e-mail", "confermare l'indirizzo", "confermare il tuo indirizzo", "conferma il tuo account", "confermare il tuo account", "conferma la tua registrazione", "confermare la registrazione", "conferma la tua iscrizione", "verifica il tuo indirizzo", "verifica la tua email", "codice di verifica", "codice di sicurezza", "avviso di sicurezza", "nuovo dispositivo", "attività sospetta", "fattura", "ricevuta", "il tuo ordine", "numero d'ordine", "numero ordine", "conferma d'ordine", "conferma dell'ordine", "riepilogo dell'ordine", "dettagli dell'ordine", "è stato spedito", "numero di tracciamento", "traccia il tuo ordine", "pagamento ricevuto", "pagamento rifiutato", "metodo di pagamento", "rimborso", "attiva il tuo account", "attivare il tuo account", "credenziali di accesso", "nome utente"],
  service: ["benvenuto", "benvenuta", "benvenuti", "grazie per esserti registrato", "grazie per la registrazione", "il tuo account", "ti ha invitato", "invito", "accetta l'invito", "nuovo commento", "ha commentato", "ti ha menzionato", "notifiche", "password", "accedi", "registrazione"],
  marketing: ["newsletter", "sconto", "sconti", "coupon", "codice sconto", "codice promozionale", "buono sconto", "offerta", "offerte", "offerta speciale", "promozione", "promozioni", "saldi", "spedizione gratuita", "acquista ora", "compra ora", "tempo limitato", "ultima occasione", "ultima possibilità", "da non perdere", "novità", "nuova collezione", "ci manchi"],
};

export default words;
