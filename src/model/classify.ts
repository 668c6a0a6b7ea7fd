/**
 * Micro-conversion type of a link: what the reader does when they follow it, read from the
 * destination (path, file extension, host, merge-tag name) and the label. It feeds CTA
 * suggestions, the tracking manifest and `inspect`.
 *
 * Order matters: the most specific intent wins (a `…/trial/signup` link is a trial, a
 * `…/guide.pdf` link a download even when its label says "Read"). The destination speaks
 * before the label, except where the label is specific and the destination is opaque (a
 * merge tag, `#`, a tracking redirect).
 */
import { roleWordsMatch } from './lexicon/index.js';
import type { MicroConversion } from './cta/index.js';
import { findMergeTags } from './merge-tags.js';
import { hostOf } from './host.js';
import type { LinkRole } from './links.js';

export const SOCIAL_HOSTS =
  /(^|\.)(facebook\.com|fb\.com|fb\.me|twitter\.com|x\.com|t\.co|instagram\.com|linkedin\.com|lnkd\.in|youtube\.com|youtu\.be|pinterest\.[a-z]+(?:\.[a-z]+)?|tiktok\.com|snapchat\.com|threads\.net|bsky\.app|mastodon\.social|reddit\.com|tumblr\.com|vimeo\.com|dribbble\.com|behance\.net|github\.com|discord\.gg|discord\.com|whatsapp\.com|wa\.me|t\.me|telegram\.me|flickr\.com|medium\.com|twitch\.tv|xing\.com|vk\.com)$/i;

export function isSocialHref(href: string): boolean {
  const h = hostOf(href);
  if (!h) return false;
  if (!SOCIAL_HOSTS.test(h)) return false;
  // A YouTube/Vimeo video or a GitHub repository is content, not a profile; still social for icons.
  return true;
}

// A label that is only a social network's name ("TWITTER", "Instagram"): a profile link, whatever its href.
const SOCIAL_NAME = /^(?:facebook|twitter|instagram|linkedin|youtube|pinterest|tiktok|snapchat|threads|bluesky|mastodon|reddit|tumblr|vimeo|dribbble|behance|github|discord|whatsapp|telegram|flickr|twitch|xing|vk|vkontakte)$/i;

/** True when a link's label is only a social network's name. */
export function isSocialName(text: string): boolean {
  return SOCIAL_NAME.test(text.trim());
}

/** A home page: a site's root (`https://example.com/`, `/index.html`, `/en/`) or a merge tag naming the site (`{shop_url}`, Liquid's `{{ shop.url }}`). */
const HOME_TAG = /home|site|website|web_?url|base_?url|root|store[._]?url|shop[._]?url|company_?url|brand/i;
export function isHomeHref(href: string, tags: ReadonlyArray<{ text: string; range: { start: number; end: number } }>): boolean {
  const h = href.trim();
  if (tags.length && tags[0].range.start === 0) return HOME_TAG.test(tags[0].text) && /^\/?(?:[?#]|$)/.test(h.slice(tags[0].range.end));
  const m = /^https?:\/\/[^/?#]+(\/[^?#]*)?/i.exec(h);
  return !!m && /^(\/|\/(index|home)(\.html?)?|\/[a-z]{2}(-[a-z]{2})?\/?)?$/i.test(m[1] ?? '');
}

/** A label that is only a template value naming the sender (`{shop_name}`, `{{ shop.name }}`, `{{company_name}}`). */
const SENDER_NAME_TAG = /^\W*(?:shop|store|company|site|brand|business|organi[sz]ation)[._]?name\W*$/i;
export function isSenderNameTag(label: string): boolean {
  const tags = findMergeTags(label);
  return tags.length === 1 && tags[0].text.trim() === label.trim() && SENDER_NAME_TAG.test(tags[0].text);
}

interface Pattern {
  type: MicroConversion;
  /** Tested against the destination (path + query + merge-tag names, lower-case). */
  href?: RegExp;
  /** Tested against the label (lower-case). */
  label?: RegExp;
}

/**
 * A whole-word match: the alternatives must start AND end at a word boundary (a letter on
 * neither side), so `form` does not match `formal-wear`, `bag` not `bagels`. Stems that
 * should match longer words say so with `[a-z]*` (`unsub[a-z]*`), plurals with `s?`.
 */
const W = (s: string) => new RegExp(`(^|[^a-z])(${s})(?![a-z])`, 'i');

// Destination and label patterns, most specific first.
const PATTERNS: Pattern[] = [
  // Unsubscribe and view-online wording is the lexicon's (classifyLink asks it first).
  { type: 'unsubscribe', href: W('unsub[a-z]*|opt-?out') },
  { type: 'view-online', href: W('view[-_]?in[-_]?browser|webversion|web-version|view[-_]?online|\\*\\|archive') },
  { type: 'trial', href: W('trials?|free-?trial|essai|testversion|prueba|prova-gratuita'), label: W('trial|essai gratuit|testen|kostenlos testen|prueba gratis|prova gratis|teste gr[aá]tis|proefperiode|probeer gratis') },
  { type: 'download', href: /\.(pdf|zip|epub|mobi|docx?|xlsx?|pptx?|dmg|exe|pkg|msi|apk|ics?)(\?|#|$)|(^|[^a-z])(download|ebook|e-book|whitepaper|white-paper|guide|checklist|playbook|report|toolkit|template-pack|workbook)s?([^a-z]|$)/i, label: W('download[a-z]*|t[ée]l[ée]charg[a-z]*|herunterlad[a-z]*|descarg[a-z]*|scaric[a-z]*|baix[a-z]*|descarreg[a-z]*|ebooks?|e-books?|whitepapers?|white papers?') },
  { type: 'cart', href: W('carts?|baskets?|bags?|wish-?lists?|wishlists?|panier|warenkorb|carrito|carrello|carrinho|winkelwagen|add-to'), label: W('add to (cart|bag|basket)|wish ?list|panier|warenkorb|carrito|carrello|carrinho|winkelwagen|in den warenkorb') },
  { type: 'purchase', href: W('checkout|check-out|purchase|buy|orders?|payments?|pay|billing|invoices?|renew[a-z]*|upgrade|subscribe-now|pricing/checkout|kasse|commande|pedido|ordine|bestel[a-z]*'), label: W('buy|checkout|check out|complete (your )?(order|purchase)|pay|order now|purchase|renew|upgrade|acheter|commander|kaufen|bestellen|comprar|acquista|compre|koop') },
  { type: 'form', href: W('surveys?|feedback|form|poll|questionnaire|nps|reviews?|rate|rating|typeform|surveymonkey|enquete|umfrage|encuesta|sondaggio|pesquisa'), label: W('survey|feedback|questionnaire|poll|rate (us|your)|(write|leave) a review|vote|tell us|share your|umfrage|encuesta|sondaggio|pesquisa|enquête|avis') },
  { type: 'event', href: W('events?|webinars?|booking|book|appointments?|calendar|rsvp|register-for|reservations?|reserve|tickets?|meetups?|conferences?|summits?|livestreams?|veranstaltung(en)?|eventos?|evenements?|agenda'), label: W('webinars?|rsvp|book|reserve|save (my|your) (seat|spot)|register for|events?|tickets?|appointment|calendar|r[ée]server|buchen|reservar|prenota|reserve|boek') },
  { type: 'signup', href: W('sign-?up|signup|register|registration|join|subscribe|create-account|onboarding|get-started|inscription|anmeld[a-z]*|registro|iscrizione|cadastro|aanmelden'), label: W('sign ?up|register|join|subscribe|create (an |your )?account|get started|inscri[a-z]*|anmelden|registr[a-z]*|suscr[a-z]*|iscriv[a-z]*|cadastr[a-z]*|aanmelden|abonn[a-z]*') },
  { type: 'account', href: W('account|login|log-in|signin|sign-in|password|reset|verify|verification|confirm[a-z]*|activat[a-z]*|profile|dashboard|settings|my-(account|orders?|profile|settings|dashboard)|invite|invitation|accept'), label: W('log ?in|sign ?in|account|password|verify|confirm|activate|dashboard|accept( the)? invit[a-z]*|profile|my orders?|mon compte|mein konto|mi cuenta|il mio account|minha conta|mijn account') },
  { type: 'product', href: W('products?|shop|shopping|store|collections?|items?|sku|catalog|catalogue|/p/|/dp/|sales?|deals?|offers?|produits?|produkte?|productos?|prodott[oi]|produtos?'), label: W('shop|shopping|view (the )?product|see (the )?product|browse|collections?|sale|deals?|offers?|boutique|découvrir la collection|jetzt shoppen|comprar ahora|acquista ora') },
  { type: 'content', href: W('blogs?|articles?|posts?|news|story|stories|magazine|guides?|docs?|documentation|help|faqs?|learn|resources|videos?|watch|podcasts?|case-stud[a-z]*|changelog|releases?|features?|pricing|about|read|newsletters?|journal'), label: W('read|watch|listen|articles?|story|stories|blog|videos?|podcasts?|learn|discover|explore|see (how|what|why|the)|lire|lesen|leer|leggi|leia|lees|regarder|ansehen|mira|guarda|assista|bekijk') },
];

/**
 * The micro-conversion type of a link. `role` (from links.ts) settles unsubscribe/preferences/
 * view-online first; social hosts are `social`.
 */
export function classifyLink(href: string, label: string, role: LinkRole = null): MicroConversion {
  if (role === 'unsubscribe' || role === 'preferences') return 'unsubscribe';
  if (role === 'view-online') return 'view-online';
  const h = href.trim();
  if (isSocialHref(h)) return 'social';
  const lower = h.toLowerCase();
  // Merge-tag names speak for opaque hrefs: {{action_url}}, {{trial_extension_url}}, *|ARCHIVE|*.
  const tagNames = findMergeTags(h).map((t) => t.text.replace(/[{}%*|$<>[\]=#/]/g, ' ').replace(/_/g, '-').toLowerCase());
  let dest = lower.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/, ''); // drop scheme + host: the path says more
  // Tracking parameters (utm_*, ours or the sender's) say nothing about the destination, and
  // ignoring them keeps the type stable when `track` adds them.
  dest = dest.replace(/([?&]|&amp;)utm_[a-z]+=[^&#]*/g, '$1');
  const host = hostOf(lower) ?? '';
  dest = `${dest} ${tagNames.join(' ')}`.replace(/_/g, '-');
  const text = label.toLowerCase();
  for (const p of PATTERNS) {
    if (p.href && p.href.test(dest)) return p.type;
    // Hosts like shop.example.com or store.example.com
    if (p.type === 'product' && /^(shop|store)\./.test(host)) return 'product';
  }
  if (roleWordsMatch(label, 'unsubscribe')) return 'unsubscribe';
  if (roleWordsMatch(label, 'viewOnline')) return 'view-online';
  for (const p of PATTERNS) {
    if (p.label && p.label.test(text)) return p.type;
  }
  return 'other';
}
