/**
 * Facts about an email learnt outside its HTML text, typed: `doc.facts` (DocumentFacts). They
 * are given when the document is built (the input adapters: `eml`, `mjml`, `note`) or added
 * with `doc.withFacts()`, which returns a new document with fresh caches (a render's
 * `measured` geometry, the pre-send check's `presend`, which src/presend adds to this interface),
 * so nothing computed before a fact arrived is kept. Defined here so rules depend on the model,
 * not on the adapters.
 */
import type { Range } from './location.js';
import type { MeasuredGeometry } from './geometry.js';

export interface DocumentFacts {
  /** An `.eml`: its headers and MIME facts (src/input/eml.ts). */
  eml?: EmlExtra;
  /** An `.mjml`: the compiler's version and issues (src/input/mjml.ts `mjmlOf` adds its source map). */
  mjml?: MjmlFacts;
  /** An `.mjml`: the HTML start offsets of each mj-group's columns container (they never stack on phones). */
  mjmlGroupOffsets?: readonly number[];
  /** What the findings' lines refer to, when not the linted HTML ("lines refer to the MJML source…"). */
  note?: string;
  /** A render's boxes (src/render, or the preview page): the layout prefers them over its estimate. */
  measured?: MeasuredGeometry;
}

export interface EmlExtra {
  /** Top-level headers, lower-case name → unfolded raw values in order. */
  headers: Record<string, string[]>;
  /** RFC 2047 decoded subject (mailparser). */
  subject?: string;
  hasTextPart: boolean;
  hasHtmlPart: boolean;
  /** charset of the HTML part's Content-Type (lower case), if any. */
  partCharset?: string;
  /** charset the HTML declares in <meta>, if any. */
  htmlCharset?: string;
  /** The HTML part's bytes are all ASCII (so us-ascii and any ASCII-compatible charset agree). */
  asciiOnly: boolean;
  /** The decoder actually used for the HTML part. */
  decodedWith: string;
  transferEncoding: string;
  /** Where the HTML part's body sits in the raw message (bytes). */
  htmlPart?: { bodyStart: number; bodyEnd: number; line: number };
  /** 1-based line in the .eml of each top-level header field. */
  headerLines: Record<string, number>;
  lineEnding: '\r\n' | '\n';
  /** The message as read (bytes as latin1 characters): what a spam filter would be given. */
  raw?: string;
}

export interface MjmlIssue {
  kind: 'validation' | 'xml' | 'include';
  message: string;
  /** Range in the MJML source of the file being linted. */
  sourceRange: Range;
  line: number;
}

/** What rules read of `doc.facts.mjml`. */
export interface MjmlFacts {
  /** The mjml version that compiled the template. */
  version: string;
  issues: MjmlIssue[];
  /** The MJML source as written (directive comments are found there). */
  source: { readonly text: string };
  /** How exact the HTML→MJML mapping is: `aligned` (marker regions carried over exactly) or `approximate`. */
  mapping: 'aligned' | 'approximate';
}
