/**
 * CTA wording per language: the generic phrases that say nothing about what the reader gets
 * (cta-vague-text) and the action verbs a CTA label should start with (cta-action-text).
 *
 * Vague lists start from Lighthouse's `link-text` audit (`nonDescriptiveLinkTexts`, see
 * ../shared/reference/email-guidance.md §4.3) and add the project's choices ("submit",
 * "continue", "go", "click", "link" and their translations). Matching is exact on the whole
 * label (trimmed, lower-cased, trailing punctuation and arrows removed), as Lighthouse does:
 * "Learn more about pricing" is NOT vague, "Learn more »" is.
 */
import type { EmailDocument } from './document.js';

export const CTA_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'] as const;
export type CtaLanguage = (typeof CTA_LANGUAGES)[number];

const VAGUE: Record<CtaLanguage, readonly string[]> = {
  en: [
    'click here', 'click this', 'click', 'click me', 'go', 'go here', 'here', 'information', 'info', 'learn more', 'more',
    'more info', 'more information', 'right here', 'read more', 'see more', 'start', 'this', 'link', 'this link',
    'submit', 'continue', 'click to continue', 'next', 'details', 'more details', 'view more', 'find out more',
    'see here', 'tap here', 'press here', 'view', 'open', 'ok', 'okay', 'yes', 'enter', 'button', 'check it out', 'see it',
  ],
  fr: [
    'cliquez ici', 'cliquer ici', 'clique ici', 'ici', 'en savoir plus', 'plus', "plus d'infos", "plus d'information",
    "plus d'informations", 'lire la suite', 'voir plus', 'en voir plus', 'suite', 'continuer', 'envoyer', 'valider',
    'soumettre', 'lien', 'ce lien', 'go', 'découvrir', 'voir', 'suivant',
  ],
  de: [
    'klicke hier', 'klicken sie hier', 'hier klicken', 'hier', 'mehr', 'mehr erfahren', 'mehr infos', 'mehr informationen',
    'weiterlesen', 'weiter', 'siehe', 'dies', 'das', 'link', 'dieser link', 'absenden', 'senden', 'los', 'los geht’s',
    "los geht's", 'mehr lesen', 'hier entlang', 'details', 'ansehen',
  ],
  es: [
    'click aquí', 'click aqui', 'clicka aquí', 'clicka aqui', 'pincha aquí', 'pincha aqui', 'haz clic aquí',
    'haz clic aqui', 'haga clic aquí', 'haga clic aqui', 'aquí', 'aqui', 'más', 'mas', 'más información',
    'más informacion', 'mas información', 'mas informacion', 'este', 'enlace', 'este enlace', 'empezar', 'leer más',
    'leer mas', 'ver más', 'ver mas', 'continuar', 'enviar', 'saber más', 'saber mas', 'ir',
  ],
  it: [
    'clicca qui', 'fai clic qui', 'qui', 'di più', 'di piu', 'scopri di più', 'scopri di piu', 'leggi di più',
    'leggi di piu', 'altro', 'maggiori informazioni', 'più informazioni', 'continua', 'invia', 'vai', 'link',
    'questo link', 'leggi tutto', 'scopri', 'vedi', 'vedi di più',
  ],
  pt: [
    'clique aqui', 'clica aqui', 'aqui', 'ir', 'mais informação', 'mais informações', 'mais', 'veja mais', 'ver mais',
    'saiba mais', 'leia mais', 'continuar', 'enviar', 'link', 'este link', 'confira',
  ],
  nl: [
    'klik hier', 'hier', 'meer', 'meer info', 'meer informatie', 'lees meer', 'lees verder', 'verder', 'bekijk meer',
    'ga verder', 'doorgaan', 'versturen', 'verzenden', 'link', 'deze link', 'ga', 'ontdek meer',
  ],
};

/**
 * Action verbs a CTA label can open with, per language (imperative and infinitive forms).
 * Lower-case; matched against the label's first word (French/Italian elided forms handled).
 */
const VERBS: Record<CtaLanguage, readonly string[]> = {
  en: [
    'accept', 'access', 'activate', 'add', 'apply', 'approve', 'ask', 'attend', 'book', 'browse', 'build', 'buy', 'calculate', 'come', 'decline', 'do', 'keep', 'leave', 'let', 'look', 'print', 'rate', 'reactivate', 'remove', 'report', 'reschedule', 'resend', 'stay',
    'call', 'cancel', 'change', 'chat', 'check', 'checkout', 'choose', 'claim', 'compare', 'complete', 'confirm',
    'connect', 'contact', 'continue', 'create', 'customize', 'customise', 'discover', 'donate', 'download', 'earn',
    'edit', 'enable', 'enroll', 'enrol', 'enter', 'explore', 'find', 'finish', 'follow', 'get', 'give', 'go', 'grab',
    'help', 'install', 'invite', 'join', 'launch', 'learn', 'listen', 'log', 'login', 'make', 'manage', 'meet', 'open',
    'order', 'pay', 'pick', 'plan', 'play', 'pre-order', 'preorder', 'read', 'redeem', 'refer', 'register', 'renew',
    'reply', 'request', 'reserve', 'reset', 'respond', 'restore', 'resume', 'retry', 'return', 'review', 'rsvp', 'save',
    'schedule', 'see', 'select', 'send', 'set', 'share', 'shop', 'show', 'sign', 'start', 'stream', 'submit',
    'subscribe', 'support', 'switch', 'take', 'tell', 'track', 'try', 'unlock', 'update', 'upgrade', 'upload', 'use',
    'verify', 'view', 'visit', 'vote', 'watch', 'write',
  ],
  fr: [
    'accéder', 'accédez', 'acheter', 'achetez', 'activer', 'activez', 'ajouter', 'ajoutez', 'commander', 'commandez',
    'commencer', 'commencez', 'confirmer', 'confirmez', 'contacter', 'contactez', 'créer', 'créez', 'découvrir',
    'découvrez', 'demander', 'demandez', 'donner', 'donnez', 'écouter', 'écoutez', 'essayer', 'essayez', "s'inscrire",
    'inscrivez-vous', 'inscrivez', 'lire', 'lisez', 'obtenir', 'obtenez', 'participer', 'participez', 'partager',
    'partagez', 'payer', 'payez', 'profiter', 'profitez', 'regarder', 'regardez', 'réserver', 'réservez', 'répondre',
    'répondez', 'rejoindre', 'rejoignez', 'renouveler', 'renouvelez', 'télécharger', 'téléchargez', 'valider',
    'validez', 'vérifier', 'vérifiez', 'voir', 'voyez', 'choisir', 'choisissez', 'trouver', 'trouvez', 'suivre',
    'suivez', 'explorer', 'explorez', 'gérer', 'gérez', 'donner', 'mettre', 'mettez', 'passer', 'passez', 'finaliser',
    'finalisez', 'recevoir', 'recevez', 'récupérer', 'récupérez', 'installer', 'installez', 'démarrer', 'démarrez',
    'commencez', 'planifier', 'planifiez', 'noter', 'notez', 'voter', 'votez', "s'abonner", 'abonnez-vous', 'abonnez',
    'réinitialiser', 'réinitialisez', 'connectez-vous', 'connecter',
  ],
  de: [
    'abonnieren', 'abonniere', 'aktivieren', 'aktiviere', 'anmelden', 'melde', 'melden', 'ansehen', 'sieh', 'sehen',
    'antworten', 'antworte', 'bestellen', 'bestelle', 'bestätigen', 'bestätige', 'buchen', 'buche', 'entdecken',
    'entdecke', 'erstellen', 'erstelle', 'herunterladen', 'lade', 'laden', 'holen', 'hol', 'hole', 'kaufen',
    'kaufe', 'kontaktieren', 'kontaktiere', 'lesen', 'lies', 'registrieren', 'registriere', 'reservieren',
    'reserviere', 'sichern', 'sichere', 'sparen', 'spare', 'starten', 'starte', 'teilen', 'teile', 'testen', 'teste',
    'verwalten', 'verwalte', 'zurücksetzen', 'setze', 'shoppen', 'shoppe', 'probieren', 'probiere',
    'ausprobieren', 'anschauen', 'schau', 'schauen', 'erfahren', 'erfahre', 'gib', 'geben', 'nimm', 'nehmen',
    'teilnehmen', 'öffnen', 'öffne', 'bewerten', 'bewerte', 'installieren', 'installiere', 'bezahlen', 'bezahle',
    'aktualisieren', 'aktualisiere', 'verlängern', 'verlängere', 'finden', 'finde', 'einlösen', 'löse', 'hinzufügen',
    'füge',
  ],
  es: [
    'accede', 'acceder', 'activa', 'activar', 'añade', 'añadir', 'agrega', 'agregar', 'aprovecha', 'aprovechar',
    'compra', 'comprar', 'comienza', 'comenzar', 'confirma', 'confirmar', 'consigue', 'conseguir', 'contacta',
    'contactar', 'crea', 'crear', 'descarga', 'descargar', 'descubre', 'descubrir', 'empieza', 'encuentra',
    'encontrar', 'escucha', 'escuchar', 'explora', 'explorar', 'haz', 'hacer', 'inscríbete', 'inscribirse',
    'inicia', 'iniciar', 'lee', 'leer', 'mira', 'mirar', 'obtén', 'obtener', 'paga', 'pagar', 'participa',
    'participar', 'pide', 'pedir', 'prueba', 'probar', 'recibe', 'recibir', 'regístrate', 'registrarse', 'reserva',
    'reservar', 'responde', 'responder', 'restablece', 'restablecer', 'suscríbete', 'suscribirse', 'únete', 'unirse',
    'ver', 've', 'verifica', 'verificar', 'visita', 'visitar', 'comparte', 'compartir', 'gestiona', 'gestionar',
    'elige', 'elegir', 'renueva', 'renovar', 'actualiza', 'actualizar', 'completa', 'completar', 'finaliza',
    'finalizar', 'solicita', 'solicitar', 'canjea', 'canjear', 'vota', 'votar', 'instala', 'instalar', 'guarda', 'guardar',
  ],
  it: [
    'accedi', 'accedere', 'acquista', 'acquistare', 'aggiungi', 'aggiungere', 'attiva', 'attivare', 'compra',
    'comprare', 'conferma', 'confermare', 'contatta', 'contattare', 'crea', 'creare', 'inizia', 'iniziare', 'iscriviti',
    'iscriversi', 'leggi', 'leggere', 'ordina', 'ordinare', 'ottieni', 'ottenere', 'partecipa', 'partecipare',
    'prenota', 'prenotare', 'prova', 'provare', 'registrati', 'registrarsi', 'richiedi', 'richiedere', 'rispondi',
    'rispondere', 'scarica', 'scaricare', 'scopri', 'scoprire', 'guarda', 'guardare', 'vedi', 'vedere', 'visita',
    'visitare', 'condividi', 'condividere', 'gestisci', 'gestire', 'scegli', 'scegliere', 'trova', 'trovare',
    'rinnova', 'rinnovare', 'aggiorna', 'aggiornare', 'completa', 'completare', 'paga', 'pagare', 'ascolta',
    'ascoltare', 'abbonati', 'reimposta', 'reimpostare', 'verifica', 'verificare', 'risparmia', 'approfitta', 'vota',
    'unisciti', 'installa', 'salva', 'riscatta',
  ],
  pt: [
    'acesse', 'acessar', 'aceda', 'adicione', 'adicionar', 'ative', 'ativar', 'agende', 'agendar', 'aproveite',
    'aproveitar', 'assine', 'assinar', 'baixe', 'baixar', 'descarregue', 'descarregar', 'cadastre-se', 'cadastrar',
    'comece', 'começar', 'compre', 'comprar', 'confirme', 'confirmar', 'conheça', 'conhecer', 'crie', 'criar',
    'descubra', 'descobrir', 'encontre', 'encontrar', 'entre', 'entrar', 'experimente', 'experimentar', 'fale',
    'falar', 'faça', 'fazer', 'garanta', 'garantir', 'inscreva-se', 'inscrever', 'leia', 'ler', 'obtenha', 'obter',
    'participe', 'participar', 'peça', 'pedir', 'receba', 'receber', 'redefina', 'redefinir', 'registre-se',
    'registar', 'reserve', 'reservar', 'responda', 'responder', 'resgate', 'resgatar', 'saiba', 'veja', 'ver',
    'verifique', 'verificar', 'visite', 'visitar', 'compartilhe', 'partilhe', 'gerencie', 'gerir', 'escolha',
    'escolher', 'renove', 'renovar', 'atualize', 'atualizar', 'complete', 'completar', 'finalize', 'finalizar',
    'pague', 'pagar', 'assista', 'assistir', 'ouça', 'ouvir', 'vote', 'instale', 'guarde', 'salve',
  ],
  nl: [
    'aanmelden', 'meld', 'activeer', 'activeren', 'bekijk', 'bekijken', 'bestel', 'bestellen', 'bevestig',
    'bevestigen', 'boek', 'boeken', 'claim', 'claimen', 'contacteer', 'download', 'downloaden', 'deel', 'delen',
    'doe', 'doen', 'ga', 'ontdek', 'ontdekken', 'koop', 'kopen', 'lees', 'lezen', 'maak', 'maken', 'neem', 'nemen',
    'ontvang', 'ontvangen', 'probeer', 'proberen', 'registreer', 'registreren', 'reserveer', 'reserveren',
    'schrijf', 'start', 'starten', 'vraag', 'vragen', 'vind', 'vinden', 'voeg', 'toevoegen', 'word', 'worden',
    'beheer', 'beheren', 'kies', 'kiezen', 'verleng', 'verlengen', 'update', 'updaten', 'betaal', 'betalen', 'kijk',
    'kijken', 'luister', 'luisteren', 'stem', 'installeer', 'bewaar', 'reset', 'verifieer', 'abonneer', 'shop', 'shoppen',
    'begin', 'beginnen', 'sluit', 'log', 'inloggen', 'plan', 'plannen', 'geef', 'geven', 'wissel', 'verzilver',
  ],
};

/** Frequent function words per language, for telling an email's language when `lang` is missing. */
const STOPWORDS: Record<CtaLanguage, readonly string[]> = {
  en: ['the', 'and', 'you', 'your', 'to', 'of', 'for', 'with', 'is', 'this', 'we', 'our', 'are', 'in', 'on'],
  fr: ['le', 'la', 'les', 'et', 'vous', 'votre', 'des', 'pour', 'est', 'une', 'nous', 'dans', 'sur', 'avec', 'du'],
  de: ['der', 'die', 'das', 'und', 'sie', 'ihr', 'ihre', 'mit', 'für', 'ist', 'nicht', 'wir', 'ein', 'eine', 'zu'],
  es: ['el', 'los', 'las', 'y', 'para', 'con', 'tu', 'su', 'es', 'una', 'por', 'que', 'nuestro', 'del', 'en'],
  it: ['il', 'di', 'per', 'con', 'che', 'non', 'una', 'sono', 'gli', 'della', 'nel', 'tuo', 'tua', 'ti', 'è'],
  pt: ['o', 'os', 'para', 'com', 'você', 'seu', 'sua', 'uma', 'não', 'do', 'da', 'em', 'que', 'nosso', 'é'],
  nl: ['de', 'het', 'een', 'van', 'je', 'jouw', 'voor', 'met', 'niet', 'op', 'wij', 'onze', 'is', 'en', 'zijn'],
};

const guessed = new WeakMap<object, CtaLanguage | null>();

/**
 * The language of the email's visible text by its function words, or null when the text is
 * too short or no supported language leads clearly (another script, a mix).
 */
export function guessLanguage(text: string): CtaLanguage | null {
  const words = text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  if (words.length < 8) return null;
  const counts = CTA_LANGUAGES.map((l) => {
    const set = new Set(STOPWORDS[l]);
    return [l, words.reduce((n, w) => n + (set.has(w) ? 1 : 0), 0)] as const;
  }).sort((a, b) => b[1] - a[1]);
  const [best, second] = counts;
  if (best[1] < 3 || best[1] < second[1] * 1.5) return null;
  return best[0];
}

/**
 * The email's CTA language: the primary subtag of `<html lang>` when it is a supported one,
 * else the language its visible text is written in (guessLanguage), else null. Rules that
 * judge wording use English when this is null: all seven lists at once would call a German
 * "Das" or a French "Plus" vague in an English email.
 */
export function ctaLanguage(doc: Pick<EmailDocument, 'lang'> & Partial<Pick<EmailDocument, 'textOf' | 'body' | 'dom'>>): CtaLanguage | null {
  const primary = doc.lang?.split(/[-_]/)[0]?.toLowerCase();
  if (primary && (CTA_LANGUAGES as readonly string[]).includes(primary)) return primary as CtaLanguage;
  if (!doc.textOf || !doc.dom) return null;
  if (!guessed.has(doc)) guessed.set(doc, guessLanguage(doc.textOf(doc.body ?? doc.dom)));
  return guessed.get(doc) ?? null;
}

const LABEL_LEAD = /[\s»›>→▶►❯+\-–—•*]/;
const LABEL_TRAIL = /[\s.!?…:»›>→▶►❯\-–—•*]/;
const URL_TRAIL = /[\s.!?…:»›>→]/;

/** `s` without the leading characters matching `lead` and trailing ones matching `trail` (one pass each way). */
function stripEnds(s: string, lead: RegExp, trail: RegExp): string {
  let start = 0;
  let end = s.length;
  while (start < end && lead.test(s[start])) start++;
  while (end > start && trail.test(s[end - 1])) end--;
  return s.slice(start, end);
}

/** The label as the lists compare it: lower-case, whitespace collapsed, decoration removed. */
export function comparableLabel(label: string): string {
  return stripEnds(label.toLowerCase().replace(/[\s\u00a0]+/g, ' '), LABEL_LEAD, LABEL_TRAIL).trim();
}

// A full URL, a www. host, or a host with a path ("example.com/offer"): link text that is an address.
const BARE_URL = /^(https?:\/\/|www\.)\S+$|^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*$/i;

/** True when the whole label is a generic phrase (in `lang`'s list, or any list when lang is unknown) or a bare URL. */
export function isVagueLabel(label: string, lang: CtaLanguage | null): boolean {
  if (isBareUrl(label)) return true;
  const l = comparableLabel(label);
  if (!l) return false;
  const lists = lang ? [VAGUE[lang], lang === 'en' ? [] : VAGUE.en] : Object.values(VAGUE);
  return lists.some((list) => list.includes(l));
}

export function isBareUrl(label: string): boolean {
  return BARE_URL.test(stripEnds(label.trim(), /$^/, URL_TRAIL));
}

const LEADING_PARTICLES = new Set(['jetzt', 'hier', 'gleich', 'sofort', 'einfach', 'se', "s'", 'now', 'ahora', 'ora', 'agora', 'nu', 'maintenant']);

/** True when the label opens with an action verb of `lang` (any supported language when unknown; English always counts). */
export function startsWithActionVerb(label: string, lang: CtaLanguage | null, extra: readonly string[] = []): boolean {
  const l = comparableLabel(label).replace(/^[^\p{L}\p{N}]+/u, '');
  const words = l.split(' ');
  // Adverbs and pronouns that open a verb phrase ("Jetzt kaufen", "Se connecter", "Now: shop")
  // are not verbs themselves: look at the word after them.
  while (words.length > 1 && LEADING_PARTICLES.has(words[0])) words.shift();
  if (LEADING_PARTICLES.has(words[0] ?? '')) return false;
  const first = words[0] ?? '';
  if (!first) return false;
  // French/Italian elision: "l'essai", "d'essayer" — look at the word after the apostrophe too.
  const candidates = new Set([first, first.replace(/[’']/g, "'"), first.replace(/^\p{L}['’]/u, '')]);
  const lists: Array<readonly string[]> = lang ? [VERBS[lang], VERBS.en, extra] : [...Object.values(VERBS), extra];
  return lists.some((list) => list.some((v) => candidates.has(v.toLowerCase())));
}

/** True when the label's letters are all upper case (and there are at least 4 of them). */
export function isAllCaps(label: string): boolean {
  const letters = label.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "SHOP THE SALE" → "Shop the sale" (sentence case, keeping the first letter's case rules per locale). */
export function sentenceCase(label: string): string {
  const lower = label.toLowerCase();
  return lower.replace(/\p{L}/u, (c) => c.toUpperCase());
}

export function wordCount(label: string): number {
  return label.trim().split(/\s+/).filter(Boolean).length;
}
