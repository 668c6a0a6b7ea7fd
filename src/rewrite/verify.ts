/**
 * Checks a rewritten email against its original, whoever rewrote it: every byte outside the
 * href values must be identical, and each changed href must keep its merge tags, fragment and
 * existing parameters; mailto:/tel:/#… and unsubscribe links must not change; an Outlook VML
 * button must end up with the same URL as its HTML twin. Used by the tests, the corpus test
 * and the benchmark (which runs it on other tools' output too).
 */
import { decodeHTMLAttribute } from 'entities';
import type { EmailDocument } from '../model/document.js';
import { vmlTwins } from '../model/vml.js';
import { parseRawUrl } from './url.js';

type DamageKind =
  | 'bytes-outside-hrefs' // something other than an href value changed
  | 'merge-tag' // a merge tag was encoded, split, reordered or dropped
  | 'non-http-changed' // a mailto:/tel:/sms:/javascript:/data:/cid: or #anchor or empty href changed
  | 'fragment' // the #fragment was lost or changed, or parameters were put after it
  | 'existing-params' // existing query parameters were changed, dropped or reordered
  | 'unsubscribe-changed' // an unsubscribe / preference / view-online link changed
  | 'merge-tag-href-changed' // an href that is wholly a merge tag changed
  | 'vml-twin'; // the VML button's href differs from its <a> twin's after the rewrite

interface Damage {
  kind: DamageKind;
  /** Link index (null for bytes outside hrefs). */
  link: number | null;
  line: number;
  detail: string;
}

export interface RewriteCheck {
  damage: Damage[];
  /** The new raw value of each link (null when the output could not be aligned up to it). */
  values: Array<string | null>;
  /** How many href values changed. */
  changedLinks: number;
}

/** Reads the value that now sits where the original value started. */
function readValue(out: string, pos: number, quote: string): number {
  if (quote) {
    const i = out.indexOf(quote, pos);
    return i < 0 ? out.length : i;
  }
  let i = pos;
  while (i < out.length && !/[\s>]/.test(out[i])) i++;
  return i;
}

function containsInOrder(haystack: string, needles: readonly string[]): boolean {
  let pos = 0;
  for (const n of needles) {
    const i = haystack.indexOf(n, pos);
    if (i < 0) return false;
    pos = i + n.length;
  }
  return true;
}

/** Compares `output` (a rewrite of `doc.text`) with the original. */
export function checkRewrite(doc: EmailDocument, output: string): RewriteCheck {
  const text = doc.text;
  const links = [...doc.links].sort((a, b) => a.valueRange.start - b.valueRange.start);
  const damage: Damage[] = [];
  const values: Array<string | null> = new Array(doc.links.length).fill(null);
  let changedLinks = 0;
  let pos = 0;
  let prev = 0;
  let aligned = true;
  for (const l of links) {
    if (l.valueRange.start < prev) continue; // defensive: overlapping ranges cannot happen
    const seg = text.slice(prev, l.valueRange.start);
    if (!output.startsWith(seg, pos)) {
      damage.push({ kind: 'bytes-outside-hrefs', link: null, line: doc.lines.position(prev).line, detail: `bytes changed before link ${l.index}` });
      aligned = false;
      break;
    }
    pos += seg.length;
    const end = readValue(output, pos, l.quote);
    values[l.index] = output.slice(pos, end);
    pos = end;
    prev = l.valueRange.end;
  }
  if (aligned && output.slice(pos) !== text.slice(prev)) {
    damage.push({ kind: 'bytes-outside-hrefs', link: null, line: doc.lines.position(prev).line, detail: 'bytes changed after the last link' });
  }

  for (const l of doc.links) {
    const now = values[l.index];
    if (now === null || now === l.raw) continue;
    changedLinks++;
    const line = doc.lines.position(l.valueRange.start).line;
    const add = (kind: DamageKind, detail: string) => damage.push({ kind, link: l.index, line, detail });
    const scheme = l.scheme;
    if (!l.href || l.isFragment || (scheme && scheme !== 'http' && scheme !== 'https')) add('non-http-changed', `${l.href || '(empty)'} changed`);
    if (l.isMergeTagOnly) add('merge-tag-href-changed', `${l.href} changed`);
    if (l.role) add('unsubscribe-changed', `${l.role} link ${l.href} changed`);
    if (l.mergeTags.length && !containsInOrder(now, l.mergeTags.map((t) => t.text))) add('merge-tag', `merge tag altered in ${l.raw}`);
    const before = parseRawUrl(l.raw, l.mergeTags);
    const after = parseRawUrl(now);
    const fragBefore = l.raw.slice(before.fragmentStart, before.coreEnd);
    const fragAfter = now.slice(after.fragmentStart, after.coreEnd);
    if (decodeHTMLAttribute(fragBefore) !== decodeHTMLAttribute(fragAfter)) add('fragment', `fragment ${JSON.stringify(fragBefore)} became ${JSON.stringify(fragAfter)}`);
    const oldKeys = before.params.map((p) => `${p.key}=${p.value}`);
    const kept = after.params.map((p) => `${p.key}=${p.value}`).filter((k) => oldKeys.includes(k));
    if (kept.join('&') !== oldKeys.join('&')) add('existing-params', `query ${JSON.stringify(oldKeys.join('&'))} became ${JSON.stringify(after.params.map((p) => `${p.key}=${p.value}`).join('&'))}`);
  }

  for (const [vml, a] of vmlTwins(doc)) {
    const v = values[vml.index];
    const h = values[a.index];
    // Twins with different URLs (the CTA model may pair them) cannot end up equal; same-URL twins must.
    if (v === null || h === null || vml.href !== a.href) continue;
    if (decodeHTMLAttribute(v).trim() !== decodeHTMLAttribute(h).trim()) {
      damage.push({ kind: 'vml-twin', link: vml.index, line: doc.lines.position(vml.valueRange.start).line, detail: `VML href ${JSON.stringify(v)} differs from its <a> ${JSON.stringify(h)}` });
    }
  }
  return { damage, values, changedLinks };
}
