/**
 * What the pre-send check learnt about a document (src/presend: live links, a local spam score,
 * image weights), as the rules read it: plain data `preparePresend` passes to a new document (`doc.withFacts`)
 * after loading, and the one reader, `presendFacts(doc)`. No I/O here, so rules import this
 * and never the checks themselves.
 */
import type { Element } from 'domhandler';
import type { EmailDocument } from './document.js';

/** SpamAssassin's default threshold, and spam-score's. */
export const DEFAULT_SPAM_THRESHOLD = 5.0;

export type LinkVerdict = 'ok' | 'broken' | 'unverified' | 'refused';

export interface Hop {
  url: string;
  status?: number;
  /** A click-tracking redirector (ESP or link shortener). */
  tracking?: boolean;
}

export interface LinkStatus {
  url: string;
  verdict: LinkVerdict;
  /** The last HTTP status, when there was one. */
  status?: number;
  /** Why, in a few words ("404 Not Found", "host not found", "private address 127.0.0.1"). */
  reason: string;
  /** Every hop after the first request (redirects), in order. */
  chain: Hop[];
  /** Content-Length of the final answer, when it said (image weight). */
  bytes?: number;
  /** From the on-disk cache. */
  cached?: boolean;
}

export interface SpamHit {
  rule: string;
  score: number;
  description: string;
}

export interface SpamResult {
  score: number;
  /** SpamAssassin's own `required` (5.0 unless its config says otherwise). */
  required: number;
  hits: SpamHit[];
  engine: 'spamd' | 'spamassassin';
  version: string;
}

/** Plain data (a documented example can state it): URL → status, src → bytes. */
export interface PresendFacts {
  /** Under --check-links: each checked URL's status. */
  links?: Record<string, LinkStatus>;
  /** Under --check-links: the URLs not checked (merge tags), with why. */
  linksSkipped?: Array<{ url: string; reason: string }>;
  spam?: SpamResult;
  /** Bytes of each image whose size is known (a local file, or Content-Length under --check-links), by its src as written. */
  imageBytes?: Record<string, number>;
}

declare module './extra.js' {
  interface DocumentFacts {
    /** What the pre-send check learnt (src/presend): live links, the spam score, image weights. */
    presend?: PresendFacts;
  }
}

/** What the pre-send step learnt about `doc` (undefined: it did not run). */
export function presendFacts(doc: EmailDocument): PresendFacts | undefined {
  return doc.facts.presend;
}

/** The images a reader's client loads (rendered `<img>` with a src). */
export function imagesOf(doc: EmailDocument): Element[] {
  return doc.renderedElements.filter((e) => e.name === 'img' && (e.attribs.src ?? '').trim() !== '');
}
