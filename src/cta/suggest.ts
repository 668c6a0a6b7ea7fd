/**
 * The CTA optimizer: concrete replacement labels for a CTA, built from its destination (path,
 * file name, merge-tag name), its micro-conversion type, its current label and the email's
 * language, and turned into ESLint-style suggestions whose fix replaces the label text's exact
 * source range (HTML-escaped). For a VML button whose Outlook twin has its own label text, one
 * fix spans both labels and rewrites them together, keeping every byte between them.
 * Suggestions are never applied here: `lint --suggestions` lists them and
 * `lint --apply-suggestions` applies the first one on request.
 */
import type { EmailDocument } from '../model/document.js';
import type { Cta, MicroConversion } from '../model/cta/index.js';
import type { Suggestion } from '../rule.js';
import { sentenceCase } from '../model/cta/language.js';
import { labelLanguage, primaryOf, scriptsOf } from '../model/language.js';
import { tokens, wordsFor } from '../model/lexicon/index.js';
import { findMergeTags } from '../model/merge-tags.js';
import { hostOf } from '../model/host.js';
import { ownResultNote, rankByOwnResults } from '../results/own-results.js';
import { checkDeadline } from '../deadline.js';
import { escapeHtml } from '../escape.js';

/** Words of the destination that describe it: path segments and file name, minus ids and noise. */
export function destinationWords(href: string): string[] {
  const raw = href.trim();
  // Each merge tag becomes its words, in one pass (a slice per tag would be quadratic in the tags).
  const parts: string[] = [];
  let at = 0;
  for (const t of findMergeTags(raw)) {
    checkDeadline();
    parts.push(raw.slice(at, t.range.start), ' ', t.text.replace(/[^a-z0-9]+/gi, ' ').replace(/\b(url|link|href)\b/gi, ' '), ' ');
    at = t.range.end;
  }
  parts.push(raw.slice(at));
  let h = parts.join('');
  h = h.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/[?#][^]*$/, '');
  return h
    .split(/[/\s]+/)
    .flatMap((seg) => seg.replace(/\.[a-z0-9]{2,5}$/i, '').split(/[-_+.%20]+/))
    .map((w) => w.toLowerCase())
    .filter((w) => w && !/^\d+$/.test(w) && !/^[0-9a-f]{8,}$/.test(w) && w.length > 1 && !STOP.has(w));
}

const STOP = new Set(['www', 'html', 'htm', 'php', 'aspx', 'index', 'en', 'us', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'the', 'a', 'and', 'of', 'to', 'utm', 'ref', 'id', 'p', 'c', 'l', 'go', 'click', 'track', 'r', 'email', 'mail', 'lp', 'landing', 'page']);

const NETWORKS: Record<string, string> = {
  facebook: 'Facebook', fb: 'Facebook', twitter: 'X', x: 'X', instagram: 'Instagram', linkedin: 'LinkedIn', lnkd: 'LinkedIn',
  youtube: 'YouTube', youtu: 'YouTube', pinterest: 'Pinterest', tiktok: 'TikTok', threads: 'Threads', bsky: 'Bluesky',
  mastodon: 'Mastodon', reddit: 'Reddit', github: 'GitHub', discord: 'Discord', twitch: 'Twitch', vimeo: 'Vimeo',
};

type Phrase = Partial<Record<string, string[]>>;

/**
 * Localised phrases by intent. Keys: `<type>` or `<type>:<detail>`. English is complete. A label
 * in a language without a phrase book gets no suggestion (never one in another language).
 */
const PHRASES: Partial<Record<string, Phrase>> = {
  en: {
    'download:guide': ['Download the free guide', 'Get the guide'],
    'download:white paper': ['Download the white paper'],
    'download:report': ['Download the report'],
    'download:checklist': ['Get the checklist'],
    'download:template': ['Download the templates'],
    'download:case study': ['Read the case study'],
    'download:app': ['Download the app'],
    'download:pdf': ['Download the PDF'],
    'download:invoice': ['Download your invoice'],
    download: ['Download it free', 'Get your copy'],
    trial: ['Start your free trial', 'Try it free'],
    'signup:subscribe': ['Subscribe now', 'Get the newsletter'],
    'signup:register': ['Register now', 'Save your spot'],
    'signup:join': ['Join now', 'Become a member'],
    signup: ['Create your free account', 'Sign up free'],
    'form:survey': ['Share your feedback', 'Take the survey'],
    'form:review': ['Write a review', 'Rate your purchase'],
    'form:rsvp': ['RSVP now'],
    form: ['Share your feedback', 'Send your answers'],
    'cart:wishlist': ['Save to your wish list'],
    cart: ['Add to cart', 'View your cart'],
    'purchase:checkout': ['Complete your purchase', 'Check out now'],
    'purchase:invoice': ['Pay your invoice', 'View and pay'],
    'purchase:upgrade': ['Upgrade your plan', 'Upgrade now'],
    'purchase:renew': ['Renew your subscription'],
    purchase: ['Buy now', 'Complete your order'],
    'event:webinar': ['Save your seat', 'Register for the webinar'],
    'event:calendar': ['Add to your calendar'],
    'event:appointment': ['Book your appointment'],
    'event:tickets': ['Get your tickets'],
    event: ['Register for the event', 'Book your spot'],
    'product:topic': ['Shop {{topic}}', 'Shop now'],
    product: ['Shop now', 'See the collection'],
    'content:pricing': ['See pricing', 'Compare plans'],
    'content:video': ['Watch the video'],
    'content:podcast': ['Listen to the episode'],
    'content:docs': ['Read the docs', 'Get help'],
    'content:features': ['Explore the features'],
    'content:case study': ['Read the case study'],
    'content:topic': ['Read about {{topic}}', 'Read the full article'],
    content: ['Read the full article', 'Read the story'],
    'account:password': ['Reset your password'],
    'account:verify': ['Confirm your email address', 'Verify your account'],
    'account:login': ['Log in to your account'],
    'account:invite': ['Accept the invitation'],
    'account:settings': ['Review your settings'],
    'account:order': ['Track your order', 'View your order'],
    account: ['Go to your account', 'Open your dashboard'],
    'social:network': ['Follow us on {{network}}'],
    'other:topic': ['Explore {{topic}}'],
    'other:host': ['Visit {{host}}'],
  },
  fr: {
    'download:guide': ['Télécharger le guide gratuit'], download: ['Télécharger gratuitement'], trial: ["Commencer l'essai gratuit"],
    signup: ['Créer mon compte gratuit'], 'signup:subscribe': ["S'abonner à la newsletter"], form: ['Donner mon avis'],
    'form:survey': ['Répondre au questionnaire'], cart: ['Ajouter au panier'], purchase: ['Finaliser ma commande'],
    event: ["S'inscrire à l'événement"], 'event:webinar': ['Réserver ma place'], product: ['Découvrir la collection'],
    'product:topic': ['Découvrir {{topic}}'], content: ["Lire l'article"], 'content:pricing': ['Voir les tarifs'],
    account: ['Accéder à mon compte'], 'account:password': ['Réinitialiser mon mot de passe'], 'account:verify': ['Confirmer mon adresse e-mail'],
  },
  de: {
    'download:guide': ['Kostenlosen Leitfaden laden'], download: ['Jetzt kostenlos herunterladen'], trial: ['Kostenlos testen'],
    signup: ['Kostenloses Konto erstellen'], 'signup:subscribe': ['Newsletter abonnieren'], form: ['Feedback geben'],
    'form:survey': ['An der Umfrage teilnehmen'], cart: ['In den Warenkorb'], purchase: ['Bestellung abschließen'],
    event: ['Zur Veranstaltung anmelden'], 'event:webinar': ['Platz sichern'], product: ['Jetzt shoppen'],
    'product:topic': ['{{topic}} entdecken'], content: ['Artikel lesen'], 'content:pricing': ['Preise ansehen'],
    account: ['Zum Konto'], 'account:password': ['Passwort zurücksetzen'], 'account:verify': ['E-Mail-Adresse bestätigen'],
  },
  es: {
    'download:guide': ['Descarga la guía gratis'], download: ['Descárgalo gratis'], trial: ['Empieza tu prueba gratis'],
    signup: ['Crea tu cuenta gratis'], 'signup:subscribe': ['Suscríbete al boletín'], form: ['Danos tu opinión'],
    'form:survey': ['Responde la encuesta'], cart: ['Añadir al carrito'], purchase: ['Completa tu compra'],
    event: ['Inscríbete al evento'], 'event:webinar': ['Reserva tu plaza'], product: ['Compra ahora'],
    'product:topic': ['Descubre {{topic}}'], content: ['Lee el artículo'], 'content:pricing': ['Consulta los precios'],
    account: ['Ir a mi cuenta'], 'account:password': ['Restablece tu contraseña'], 'account:verify': ['Confirma tu correo'],
  },
  it: {
    'download:guide': ['Scarica la guida gratuita'], download: ['Scarica gratis'], trial: ['Inizia la prova gratuita'],
    signup: ['Crea il tuo account gratuito'], 'signup:subscribe': ['Iscriviti alla newsletter'], form: ['Dacci il tuo parere'],
    'form:survey': ['Rispondi al sondaggio'], cart: ['Aggiungi al carrello'], purchase: ["Completa l'acquisto"],
    event: ["Iscriviti all'evento"], 'event:webinar': ['Prenota il tuo posto'], product: ['Acquista ora'],
    'product:topic': ['Scopri {{topic}}'], content: ["Leggi l'articolo"], 'content:pricing': ['Scopri i prezzi'],
    account: ['Vai al tuo account'], 'account:password': ['Reimposta la password'], 'account:verify': ["Conferma l'indirizzo email"],
  },
  pt: {
    'download:guide': ['Baixe o guia gratuito'], download: ['Baixe grátis'], trial: ['Comece seu teste grátis'],
    signup: ['Crie sua conta grátis'], 'signup:subscribe': ['Assine a newsletter'], form: ['Dê sua opinião'],
    'form:survey': ['Responda à pesquisa'], cart: ['Adicionar ao carrinho'], purchase: ['Finalize sua compra'],
    event: ['Inscreva-se no evento'], 'event:webinar': ['Garanta sua vaga'], product: ['Compre agora'],
    'product:topic': ['Conheça {{topic}}'], content: ['Leia o artigo'], 'content:pricing': ['Veja os preços'],
    account: ['Acesse sua conta'], 'account:password': ['Redefina sua senha'], 'account:verify': ['Confirme seu e-mail'],
  },
  nl: {
    'download:guide': ['Download de gratis gids'], download: ['Gratis downloaden'], trial: ['Start je gratis proefperiode'],
    signup: ['Maak je gratis account'], 'signup:subscribe': ['Abonneer op de nieuwsbrief'], form: ['Geef je feedback'],
    'form:survey': ['Vul de enquête in'], cart: ['In winkelwagen'], purchase: ['Rond je bestelling af'],
    event: ['Meld je aan voor het event'], 'event:webinar': ['Reserveer je plek'], product: ['Shop nu'],
    'product:topic': ['Ontdek {{topic}}'], content: ['Lees het artikel'], 'content:pricing': ['Bekijk de prijzen'],
    account: ['Ga naar je account'], 'account:password': ['Stel je wachtwoord opnieuw in'], 'account:verify': ['Bevestig je e-mailadres'],
  },
};

/** The detail key (e.g. `guide`, `webinar`, `pricing`) that refines a type, from the destination words and label. */
function detailOf(type: MicroConversion, words: string[], label: string, href: string): string | undefined {
  const all = ` ${words.join(' ')} ${label.toLowerCase()} `;
  const has = (re: RegExp) => re.test(all);
  switch (type) {
    case 'download':
      if (has(/\b(e-?book|guide|guides|handbook|playbook|workbook)\b/)) return 'guide';
      if (has(/\bwhite ?paper/)) return 'white paper';
      if (has(/\breport\b/)) return 'report';
      if (has(/\bchecklist/)) return 'checklist';
      if (has(/\btemplates?\b/)) return 'template';
      if (has(/\bcase ?stud/)) return 'case study';
      if (has(/\binvoice|receipt\b/)) return 'invoice';
      if (has(/\b(app|ios|android|apk)\b/)) return 'app';
      if (/\.pdf(\?|#|$)/i.test(href)) return 'pdf';
      return undefined;
    case 'signup':
      if (has(/subscri|newsletter/)) return 'subscribe';
      if (has(/regist/)) return 'register';
      if (has(/\bjoin|member/)) return 'join';
      return undefined;
    case 'form':
      if (has(/survey|poll|questionnaire|nps|feedback/)) return 'survey';
      if (has(/review|rate|rating/)) return 'review';
      if (has(/rsvp/)) return 'rsvp';
      return undefined;
    case 'cart':
      return has(/wish/) ? 'wishlist' : undefined;
    case 'purchase':
      if (has(/checkout|check out|cart/)) return 'checkout';
      if (has(/invoice|bill|pay/)) return 'invoice';
      if (has(/upgrade/)) return 'upgrade';
      if (has(/renew/)) return 'renew';
      return undefined;
    case 'event':
      if (has(/webinar|livestream|summit|conference/)) return 'webinar';
      if (has(/calendar|\.ics/)) return 'calendar';
      if (has(/appointment|booking|book/)) return 'appointment';
      if (has(/ticket/)) return 'tickets';
      return undefined;
    case 'content':
      if (has(/pricing|prices|plans\b/)) return 'pricing';
      if (has(/video|watch|youtube/)) return 'video';
      if (has(/podcast|episode/)) return 'podcast';
      if (has(/\b(docs?|documentation|help|faq|support)\b/)) return 'docs';
      if (has(/features?\b/)) return 'features';
      if (has(/case ?stud/)) return 'case study';
      return topicOf(words) ? 'topic' : undefined;
    case 'product':
      return topicOf(words) ? 'topic' : undefined;
    case 'account':
      if (has(/password|reset/)) return 'password';
      if (has(/verif|confirm|activate/)) return 'verify';
      if (has(/log ?in|sign ?in|signin/)) return 'login';
      if (has(/invit|accept/)) return 'invite';
      if (has(/settings|preferences|profile/)) return 'settings';
      if (has(/order|track|shipping|delivery/)) return 'order';
      return undefined;
    case 'social':
      return 'network';
    case 'other':
      return topicOf(words) ? 'topic' : undefined;
    default:
      return undefined;
  }
}

const GENERIC = new Set(['blog', 'post', 'posts', 'article', 'articles', 'news', 'shop', 'store', 'products', 'product', 'collections', 'collection', 'p', 'item', 'category', 'stories', 'story', 'page', 'pages', 'read', 'more', 'learn', 'info', 'home', 'view', 'see', 'link', 'url', 'action', 'cta', 'button', 'http', 'https', 'example', 'com']);

/** Up to three descriptive words of the destination's last meaningful path segment. */
function topicOf(words: string[]): string | undefined {
  const useful = words.filter((w) => !GENERIC.has(w) && /^[a-z][a-z'-]*$/.test(w));
  if (!useful.length) return undefined;
  const t = useful.slice(-3).join(' ');
  return t.length >= 3 && t.length <= 24 ? t : undefined;
}

function networkOf(href: string): string | undefined {
  const host = hostOf(href) ?? '';
  const name = host.replace(/^www\./, '').split('.')[0];
  return NETWORKS[name];
}

type LabelOf = Pick<Cta, 'label'> & Partial<Pick<Cta, 'labelElement' | 'element'>>;

/** The language a CTA's replacement label must be written in: the label's own (model/language.ts). */
function suggestionLanguage(cta: LabelOf, doc: EmailDocument | Pick<EmailDocument, 'lang'>): string | null {
  if (!('textOf' in doc)) return primaryOf(doc.lang);
  return labelLanguage(doc, cta.label, cta.labelElement ?? cta.element).lang;
}

/**
 * Replacement labels for a CTA, best first (at most three), in the label's language when the
 * phrase book has one. Empty when nothing specific can be said or the language has no book.
 */
export function suggestLabels(cta: Pick<Cta, 'href' | 'label' | 'type'> & LabelOf, doc: EmailDocument | Pick<EmailDocument, 'lang'>): string[] {
  const lang = suggestionLanguage(cta, doc);
  const book = lang ? PHRASES[wordsFor(lang)?.lang ?? lang] : undefined;
  if (!book) return [];
  const words = destinationWords(cta.href);
  const detail = detailOf(cta.type, words, cta.label, cta.href);
  const fill = (p: string) =>
    p
      .replace('{{topic}}', topicOf(words) ?? '')
      .replace('{{network}}', networkOf(cta.href) ?? '')
      .replace('{{host}}', (hostOf(cta.href) ?? '').replace(/^www\./, ''));
  const out: string[] = [];
  const add = (list?: string[]) => {
    for (const p of list ?? []) {
      const s = fill(p).trim();
      if (!s || /\{\{|\s$/.test(s) || / (on|about)$/.test(s) || !sameScript(s, cta.label)) continue;
      if (s.toLowerCase() !== cta.label.trim().toLowerCase() && !out.includes(s)) out.push(s);
    }
  };
  if (detail) add(book[`${cta.type}:${detail}`]);
  add(book[cta.type]);
  if (cta.type === 'other' && !out.length && hostOf(cta.href)) add(book['other:host']);
  return rankByOwnResults(out, cta.type, lang ?? '', cta.label).slice(0, 3);
}

/** Verb that turns a noun-phrase label into an action, by type (English only). */
const PREFIX_VERB: Partial<Record<MicroConversion, string>> = {
  download: 'Download', product: 'Shop', content: 'Read', event: 'Join', signup: 'Join', trial: 'Try', form: 'Take',
  purchase: 'Get', account: 'Open', cart: 'Add', social: 'Follow', other: 'Explore',
};

/**
 * "The 2026 guide" → "Download the 2026 guide": English labels only, and only a label with no
 * verb in it ("Yes! Subscribe me" has one); undefined when it would not fit.
 */
export function withActionVerb(cta: Pick<Cta, 'label' | 'type'> & LabelOf, doc: EmailDocument | Pick<EmailDocument, 'lang'>, maxChars = 30): string | undefined {
  if (suggestionLanguage(cta, doc) !== 'en') return undefined;
  const verb = PREFIX_VERB[cta.type];
  if (!verb) return undefined;
  const en = wordsFor('en')!;
  if (/[!?]/.test(cta.label) || tokens(cta.label).some((w) => en.verbs.includes(w))) return undefined;
  const rest = cta.label.trim().replace(/^(our|my)\s/i, (m) => m.toLowerCase());
  if (rest.toLowerCase().startsWith(verb.toLowerCase())) return undefined; // "Shopping" → not "Shop shopping
  const lower = /^[A-Z][a-z]/.test(rest) && !/^[A-Z][a-z]+[A-Z]/.test(rest) ? rest[0].toLowerCase() + rest.slice(1) : rest;
  const s = `${verb} ${lower}`;
  return s.length <= maxChars && sameScript(s, cta.label) ? s : undefined;
}

export { sentenceCase };

/**
 * Turns replacement labels into suggestions with exact fixes: the label text's source range
 * (or the image's alt value); for a VML twin with its own label, one fix covering both labels.
 * Returns [] when the label is not one text node (no exact range to replace).
 */
export function labelSuggestions(doc: EmailDocument, cta: Cta, labels: readonly string[], describe = (l: string) => `Change the CTA label to "${l}"`): Suggestion[] {
  const out: Suggestion[] = [];
  const lang = suggestionLanguage(cta, doc) ?? '';
  for (const label of labels) {
    if (!sameScript(label, cta.label)) continue;
    const fix = labelFix(doc, cta, label);
    const note = ownResultNote(label, cta.label, cta.type, lang);
    if (fix) out.push({ desc: `${describe(label)}${note ? ` (${note})` : ''}`, fix });
  }
  return out;
}

/** A replacement is written in the label's script: no letters of another script, and some of the label's own (no "Shop احصل على العرض"). */
function sameScript(replacement: string, label: string): boolean {
  const want = scriptsOf(label);
  if (!want.size) return true;
  const got = scriptsOf(replacement);
  return [...got].every((s) => want.has(s)) && [...want].some((s) => got.has(s));
}

export function labelFix(doc: EmailDocument, cta: Cta, label: string): Suggestion['fix'] | undefined {
  const text = escapeHtml(label);
  const main = cta.labelRange;
  const twin = cta.vml && cta.vmlLabelRange && cta.link ? cta.vmlLabelRange : undefined;
  if (main && twin) {
    const [a, b] = main.start < twin.start ? [main, twin] : [twin, main];
    if (a.end <= b.start) return { range: { start: a.start, end: b.end }, text: text + doc.text.slice(a.end, b.start) + text };
  }
  if (main) return { range: main, text };
  if (twin) return { range: twin, text };
  return undefined;
}
