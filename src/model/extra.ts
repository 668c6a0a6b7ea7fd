/**
 * What the input adapters (src/input) leave in `doc.extra` for rules to read: `doc.extra.eml`
 * (EmlExtra) and `doc.extra.mjml` (MjmlFacts, which src/input/mjml.ts extends with its source
 * map). Defined here so rules depend on the model, not on the adapters.
 */
import type { Range } from './location.js';

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

/** What rules read of `doc.extra.mjml`. */
export interface MjmlFacts {
  /** The mjml version that compiled the template. */
  version: string;
  issues: MjmlIssue[];
  /** A range in the document text that stands for a range of the MJML source. */
  sourceRange(range: Range): Range;
  /** How exact the HTML→MJML mapping is: `aligned` (marker regions carried over exactly) or `approximate`. */
  mapping: 'aligned' | 'approximate';
}
