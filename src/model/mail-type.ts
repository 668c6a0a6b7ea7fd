/**
 * Mail type (marketing vs transactional) inferred from the content when neither `--mail-type`
 * nor config says. Google's bulk-sender rules exempt transactional mail from the unsubscribe
 * requirements ("required only for marketing and promotional messages. Transactional messages
 * are excluded", ../shared/reference/email-guidance.md §9), so calling a password reset
 * "marketing" makes `unsubscribe-link` and `list-unsubscribe` wrong.
 *
 * Evidence is counted, not guessed: phrases of transactional mail (receipts, invoices, resets,
 * verification, sign-in and security alerts, shipping, billing, invitations, notifications)
 * against phrases of promotions (offers, discounts, coupons, sales, newsletters, win-back) and
 * the marks of bulk mail (an unsubscribe link, List-Unsubscribe / List-Id / Precedence: bulk
 * headers). More transactional evidence → transactional; otherwise marketing. With no evidence
 * at all an HTML or MJML template stays marketing (the safe default for the unsubscribe rules),
 * while an `.eml` message — a real message carrying its own headers — with no mark of bulk mail
 * is taken for a one-to-one (transactional) message.
 */
import type { EmailDocument, MailType } from './document.js';

export interface MailTypeInfo {
  type: MailType;
  /** False when `--mail-type` or config set it. */
  inferred: boolean;
  /** The phrases or marks it was inferred from (empty when set, or when nothing spoke). */
  evidence: string[];
}

interface Signal {
  re: RegExp;
  weight: number;
}

// Word-bounded (Unicode letters on neither side), case-insensitive. Several languages: the
// seven of cta-language.ts plus Bulgarian.
const w = (s: string, weight = 2): Signal => ({ re: new RegExp(`(?<![\\p{L}])(?:${s})(?![\\p{L}])`, 'iu'), weight });

const TRANSACTIONAL: Signal[] = [
  w('reset (your |the )?password|password reset|forgot(ten)? (your )?password|new password|change(d)? (your )?password|passwor[dt] zurücksetzen|réinitialiser (votre )?mot de passe|restablecer (tu |su )?contraseña|reimposta(re)? (la )?password|redefinir (sua )?senha|wachtwoord (opnieuw )?instellen|нова парола|парола(та)?', 3),
  w("if you did(n't| not) (request|make|sign up|ask)|you (recently )?requested|wenn sie (das|dies) nicht|si vous n'êtes pas à l'origine|si no (has|ha) solicitado", 3),
  w('verify (your )?(email|e-mail|address|account|identity)|confirm (your )?(email|e-mail|address|account|subscription|registration)|e-?mail-adresse bestätigen|confirmez votre|confirma tu|conferma (il tuo|la tua)|confirme seu|bevestig je|потвърд\\p{L}*', 3),
  w('verification code|security code|one-time (pass)?code|login code|sign-in code|otp|bestätigungscode|code de vérification|código de verificación', 3),
  w('(new )?sign-?in (alert|attempt)|log-?in (alert|attempt)|security alert|new device|unusual (sign-?in|activity)|suspicious activity', 3),
  w('receipt|invoice|order (number|no\\.?|#|confirmation|summary|details)|your order|order has (shipped|been)|has shipped|shipment|tracking number|track (your )?(order|package|shipment)|delivery status|rechnung|bestellung|facture|votre commande|factura|tu pedido|fattura|il tuo ordine|fatura|seu pedido|factuur|je bestelling|фактура|поръчка', 3),
  w('payment (failed|declined|received|confirmation|method)|billing (info|information|details)|your (subscription|plan) (has|will|is)|trial (has )?(expired|ends|is ending|expiring)|amount (due|paid)|total due|due date|refund(ed)?|дарени\\p{L}*|банков\\p{L}*|възстанов\\p{L}*', 2),
  w('invited you|has invited|invitation to (join|collaborate)|accept (the |your )?invitation|set up (your )?account|activate (your )?account|account (activation|created|details|settings)|акаунт\\p{L}*|активира\\p{L}*', 2),
  w('comment(ed)? on|replied to|mentioned you|new comment|notification settings|manage notifications|administrator|администратор\\p{L}*|заявк\\p{L}*|запитван\\p{L}*|разрешени\\p{L}*|кампани\\p{L}*', 2),
  w('login (information|details|page)|your username|username:|you(’|\')ve started (a|your)( \\S+)*? trial', 2),
  w('welcome( to| aboard|,)|thanks for (signing up|registering|joining|creating)|your account|willkommen|bienvenue|bienvenid[oa]|benvenut[oa]|bem-vind[oa]|welkom|добре дош\\p{L}*', 1),
];

const MARKETING: Signal[] = [
  w('newsletter|this (week|month)’?s? (issue|edition|stories)|digest|in this issue', 2),
  w('\\d+ ?% (off|discount|rabatt|de (réduction|descuento)|di sconto)|\\d+ ?% ?discount|discount|coupon|promo(tion(al)?)? code|voucher|sale|deals?|special offer|exclusive offer|limited time|free shipping|new arrivals|shop (now|the|our)|best ?sellers?|angebot|soldes|rebajas|oferta|offerta|aanbieding', 2),
  w('we miss you|come (on )?back|haven’t seen you|haven\'t seen you|you haven’t been|you haven\'t been|it’s been a (while|minute)|it\'s been a (while|minute)', 2),
  w('upgrade (now|today|to)|save \\d+|don’t miss|don\'t miss|last chance|ends (tonight|soon|today)|join (us|the conference)|register now|book (now|your)', 1),
];

function matches(signals: Signal[], text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const s of signals) {
    const m = s.re.exec(text);
    if (m) out.push([m[0].trim().toLowerCase(), s.weight]);
  }
  return out;
}

/** The mail type of a document whose input did not set one. */
export function inferMailType(doc: EmailDocument): MailTypeInfo {
  const subject = doc.subject?.text ?? '';
  const text = `${subject} \n ${doc.textOf(doc.body ?? doc.dom)}`;
  const t = matches(TRANSACTIONAL, text);
  const m = matches(MARKETING, text);
  const marks: Array<[string, number]> = [];
  if (doc.links.some((l) => l.role === 'unsubscribe' && !l.inConditional) || doc.espLinks.some((l) => l.role === 'unsubscribe')) marks.push(['an unsubscribe link', 3]);
  const headers = doc.facts.eml?.headers;
  if (headers) {
    if (headers['list-unsubscribe']?.length) marks.push(['a List-Unsubscribe header', 3]);
    if (headers['list-id']?.length) marks.push(['a List-Id header', 3]);
    if (headers.precedence?.some((p) => /bulk|list/i.test(p))) marks.push(['Precedence: bulk', 3]);
  }
  const score = (xs: Array<[string, number]>) => xs.reduce((a, [, n]) => a + n, 0);
  const ts = score(t);
  const ms = score(m) + score(marks);
  const quote = (xs: Array<[string, number]>) => xs.map(([p]) => (p.startsWith('a ') || p.startsWith('an ') || p.includes(':') ? p : `"${p}"`));
  if (ts > ms) return { type: 'transactional', inferred: true, evidence: quote(t).slice(0, 3) };
  if (ms > 0) return { type: 'marketing', inferred: true, evidence: [...quote(marks), ...quote(m)].slice(0, 3) };
  if (headers) return { type: 'transactional', inferred: true, evidence: ['no mark of bulk mail (no unsubscribe link, List-Unsubscribe, List-Id or Precedence header)'] };
  return { type: 'marketing', inferred: true, evidence: [] };
}

/**
 * How a finding says where the mail type came from: empty when it was set; otherwise which
 * type was inferred and from what, and how to override it.
 */
export function mailTypeBasis(info: MailTypeInfo): string {
  if (!info.inferred) return '';
  const from = info.evidence.length ? `inferred from ${info.evidence.join(', ')}` : 'assumed: nothing in the content says which';
  return ` (mail type ${info.type}, ${from}; set mailType or --mail-type if that is wrong)`;
}
