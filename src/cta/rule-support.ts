/** Small helpers the CTA rules share: where to report a CTA finding and how to name it. */
import type { EmailDocument } from '../model/document.js';
import type { Cta } from '../model/cta/index.js';
import type { Range } from '../model/location.js';
import { truncate } from '../rule-utils.js';

/** The label text's range when known, else the CTA link's start tag. */
export function ctaReportRange(doc: EmailDocument, cta: Cta): Range {
  return cta.labelRange ?? doc.startTagRange(cta.labelElement);
}

/** `"Shop now"` (or `image CTA (no alt)`), quoted and truncated for messages. */
export function ctaName(cta: Cta): string {
  if (!cta.label) return cta.kind === 'image' ? 'image CTA (no alt text)' : 'CTA (no label)';
  return `"${truncate(cta.label, 40)}"`;
}

/**
 * The example clause of a message: `, e.g. "Book your seat"` when a suggestion fits the CTA,
 * else nothing (a made-up label that does not fit the destination misleads more than it helps).
 */
export function exampleClause(label: string | undefined, lead = ', e.g. '): string {
  return label ? `${lead}"${label}"` : '';
}

/** "estimated" or "measured" for one or more boxes. */
export function howKnown(measured: boolean): string {
  return measured ? 'measured in a render' : 'estimated statically from the markup';
}

