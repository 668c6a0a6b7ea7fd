/**
 * Mail type (marketing vs transactional) inferred from the content when neither `--mail-type`
 * nor config says. Google's bulk-sender rules exempt transactional mail from the unsubscribe
 * requirements ("required only for marketing and promotional messages. Transactional messages
 * are excluded", ../shared/reference/email-guidance.md §9), so calling a password reset
 * "marketing" makes `unsubscribe-link` and `list-unsubscribe` wrong.
 *
 * Evidence is counted, not guessed, from the lexicon's mail-type wording of every language it
 * holds (./lexicon; not only the detected language's: a short template is often misread, and
 * these phrases do not cross languages), each phrase once and at most two phrases or marks a
 * kind (the forms of one word, "zamówienie", "zamówienia", "Twoje zamówienie", are one phrase):
 * - transactional wording (a password reset, verifying an address, an order, invoice, receipt,
 *   shipment or payment, a security code, "if you did not request this"): 3 points a phrase;
 * - service wording (a welcome, "your account", an invitation, a reply notification): 1 point;
 * - marketing wording (offers, discounts, coupons, sales, newsletters, win-back): 2 points;
 * - language-independent marks: a link whose destination names an account action (confirm,
 *   verify, activate, reset, password, opt-in — in the URL or in the template variable that
 *   fills it, `{{ resetUrl }}`) and a template variable naming the friend or the person who
 *   invites (`{firstname_friend}`: a person-to-person message) for transactional; an unsubscribe link, List-Unsubscribe /
 *   List-Id / Precedence: bulk headers and a "-20 %" / "20% off" for marketing.
 * Template code is not wording: merge tags are left out of the text first.
 *
 * More transactional evidence → transactional; any other evidence → marketing. With no evidence
 * at all an `.eml` message — a real message carrying its own headers — with no mark of bulk mail
 * is one-to-one (transactional) mail; a template that is not a whole mail — a fragment a layout
 * wraps at send time (no `<html>`), or a layout or set of partials (`isLayoutTemplate`) — is
 * `unknown`, and the rules that hold marketing mail to the bulk-sender requirements say nothing
 * about it (set `mailType` or `--mail-type` to have them check it); a whole mail stays
 * marketing, the safe side of those requirements, and the finding says nothing spoke.
 */
import type { Text } from 'domhandler';
import type { EmailDocument, MailType } from './document.js';
import { walk } from '../tree.js';
import { mailTypeWordsIn, type MailTypeKind } from './lexicon/index.js';
import { findMergeTags, isLayoutTemplate, withoutTemplateTags } from './merge-tags.js';

/** A mail type as inferred: `unknown` when nothing in the content says which. */
export type InferredMailType = MailType | 'unknown';

export interface MailTypeInfo {
  type: InferredMailType;
  /** False when `--mail-type` or config set it. */
  inferred: boolean;
  /** The phrases or marks it was inferred from (empty when set, or when nothing spoke). */
  evidence: string[];
}

const WEIGHT: Record<MailTypeKind, number> = { transactional: 3, service: 1, marketing: 2 };

// A destination (URL or the template variable that fills it) naming an account action.
const ACCOUNT_ACTION = /confirm|verif|activat|reset|passw(?:or)?d|opt[-_]?in\b|optin|double[-_]?opt/i;
// A price cut written with numbers: "-20 %", "–15%", "20% off".
const PERCENT_OFF = /(?:^|[\s(])[-–−]\s?\d{1,2}\s?%(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])\d{1,2}\s?%\s?off(?![\p{L}])/iu;

// A template variable naming the recipient's friend or the person who invites or refers them.
const PERSON_TAG = /friend|referrer|inviter|invited_?by/i;

type Evidence = Array<[string, number]>;


/** The visible wording of the document: subject and body text, template code blanked. */
function wordingOf(doc: EmailDocument): string {
  // Text nodes joined with a space: adjacent blocks (`<p>…newsletter</p><a>Email…`) are separate words.
  const parts: string[] = [doc.subject?.text ?? ''];
  walk(doc.body ?? doc.dom, (n) => {
    if (n.type === 'text') parts.push((n as Text).data);
    return n.type === 'style' || n.type === 'script' ? false : undefined;
  });
  // Copy a template keeps outside <html> (Liquid `{% capture email_body %}` blocks before the
  // doctype, printed into the body when it is sent) is the mail's wording too.
  if (doc.body) for (const n of doc.dom.children) if (n.type === 'text') parts.push((n as Text).data);
  return withoutTemplateTags(parts.join(' '));
}

// One word's forms are one piece of evidence: "zamówienie", "zamówienia" and "Twoje zamówienie"
// (an inflected word, and a phrase around it) count once. A word is known by its first six letters.
const WORD_KEY = /\p{L}{6,}/gu;
function wordEvidence(text: string, kind: MailTypeKind): Evidence {
  const seen = new Set<string>();
  return mailTypeWordsIn(text, kind)
    .filter((p) => {
      const keys = (p.match(WORD_KEY) ?? []).map((w) => w.slice(0, 6).toLowerCase());
      if (keys.some((k) => seen.has(k))) return false;
      for (const k of keys) seen.add(k);
      return true;
    })
    .map((p) => [`"${p}"`, WEIGHT[kind]]);
}

// More phrases of one kind add little: a receipt names its discount line and coupon code.
const score = (xs: Evidence) => [...xs].sort((a, b) => b[1] - a[1]).slice(0, 2).reduce((a, [, n]) => a + n, 0);

/** The mail type of a document whose input did not set one. */
export function inferMailType(doc: EmailDocument): MailTypeInfo {
  const text = wordingOf(doc);
  const t = wordEvidence(text, 'transactional');
  const s = wordEvidence(text, 'service');
  const m = wordEvidence(text, 'marketing');
  const links = doc.links.filter((l) => !l.inConditional);
  const action = links.find((l) => l.role === null && ACCOUNT_ACTION.test(l.href));
  if (action) t.unshift(['a link to confirm, verify or reset', 3]);
  if (PERCENT_OFF.test(text)) m.unshift(['a percentage off', 2]);
  // Sent by one person to another through the service: the template names the friend or the
  // person who invites (`{firstname_friend}`, `{{ referrer.name }}`); an invitation or a shared
  // item, not a campaign to a list.
  if (findMergeTags(doc.text).some((g) => g.kind === 'output' && PERSON_TAG.test(g.text))) t.unshift(['a message from one person to another', 3]);
  const marks: Evidence = [];
  if (links.some((l) => l.role === 'unsubscribe') || doc.espLinks.some((l) => l.role === 'unsubscribe')) marks.push(['an unsubscribe link', 3]);
  const headers = doc.facts.eml?.headers;
  if (headers) {
    if (headers['list-unsubscribe']?.length) marks.push(['a List-Unsubscribe header', 3]);
    if (headers['list-id']?.length) marks.push(['a List-Id header', 3]);
    if (headers.precedence?.some((p) => /bulk|list/i.test(p))) marks.push(['Precedence: bulk', 3]);
  }
  const ts = score(t) + score(s);
  const ms = score(m) + marks.reduce((a, [, n]) => a + n, 0);
  const strongestFirst = (xs: Evidence) => [...xs].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  if (ts > ms) return { type: 'transactional', inferred: true, evidence: strongestFirst([...t, ...s]).slice(0, 3) };
  if (ms > 0) return { type: 'marketing', inferred: true, evidence: [...marks.map(([p]) => p), ...strongestFirst(m)].slice(0, 3) };
  if (headers) return { type: 'transactional', inferred: true, evidence: ['no mark of bulk mail (no unsubscribe link, List-Unsubscribe, List-Id or Precedence header)'] };
  // Nothing says which. Not a whole mail — a fragment a layout wraps at send time (no <html>), or
  // a layout or set of partials that wraps every mail a framework sends — is unknown; a whole
  // mail is assumed to be marketing, the safe side of the bulk-sender requirements.
  if (!doc.htmlElement || isLayoutTemplate(doc.text)) return { type: 'unknown', inferred: true, evidence: [] };
  return { type: 'marketing', inferred: true, evidence: [] };
}
