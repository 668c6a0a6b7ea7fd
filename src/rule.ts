/**
 * defineRule() and the rule types. A rule is one pure object: metadata, options, messages,
 * documented examples (which are also its tests) and a check() that reads the model and
 * reports. Rules never read config, parse, or touch the file system: the engine does that.
 */
import type { EmailDocument, InputKind } from './model/document.js';
import type { Range } from './model/location.js';

export type Severity = 'off' | 'warn' | 'error';
export type Category =
  | 'cta'
  | 'content'
  | 'accessibility'
  | 'deliverability'
  | 'layout'
  | 'links'
  | 'contrast'
  | 'mjml'
  | 'tracking';

export type { InputKind } from './model/document.js';

export type OptionSchema =
  | { type: 'number'; default: number; description: string; minimum?: number; maximum?: number }
  | { type: 'integer'; default: number; description: string; minimum?: number; maximum?: number }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string'; default: string; description: string; enum?: readonly string[] }
  | { type: 'string[]'; default: readonly string[]; description: string; /** A problem with the values (checked with the config), or undefined. */ check?: (values: readonly string[]) => string | undefined };

export type OptionsSchema = Record<string, OptionSchema>;
export type OptionValues<S extends OptionsSchema> = {
  [K in keyof S]: S[K] extends { type: 'number' | 'integer' }
    ? number
    : S[K] extends { type: 'boolean' }
      ? boolean
      : S[K] extends { type: 'string[]' }
        ? readonly string[]
        : string;
};

/** One documented example: an email (HTML or MJML) plus what the engine would be told. */
export interface RuleExample {
  /** The template text. */
  code: string;
  /** Input kind of `code` (default `html`). */
  kind?: InputKind;
  /** Options for this example (merged over the defaults). */
  options?: Record<string, unknown>;
  subject?: string;
  preheader?: string;
  mailType?: 'marketing' | 'transactional';
  /** Message id expected for an invalid example (checked by the docs-as-tests). */
  messageId?: string;
  /** A short caption for the generated README. */
  title?: string;
  /** Facts found outside the template (a pre-send check's link statuses, spam score…), as `doc.facts` holds them. */
  facts?: Record<string, unknown>;
  /** The HTML is a rendered message about to be sent, not a template (`--rendered`). */
  rendered?: boolean;
}

/** A replacement the user may choose to apply (ESLint's "suggestions"). */
export interface Suggestion {
  desc: string;
  fix: { range: Range; text: string };
}

/**
 * A safe edit (ESLint's "fix"): offered only when it cannot change what the email means or how
 * it looks to a sighted reader (e.g. `role="presentation"` on a layout table). `inboxlint lint
 * --fix` applies fixes; guesses (CTA copy, a language) are suggestions instead.
 */
export interface Fix {
  range: Range;
  text: string;
  /** What the fix does, shown where it is not applied (e.g. on MJML, where it becomes a suggestion). */
  desc: string;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** Where the problem is, in the document text (`{start: 0, end: 0}`: the whole document). */
  range: Range;
  /**
   * Where the problem is in the file as written, in its own offsets, for a finding that exists
   * only there (an MJML validation issue: the compiled HTML has no place for it). Its line and
   * column come from this range.
   */
  sourceRange?: Range;
  /**
   * The finding is about a message header (lower-case name: `subject`, `list-unsubscribe`): on an
   * `.eml` it is reported at that header's line (the start of the header block when the message
   * lacks the header); elsewhere at `range`.
   */
  header?: string;
  suggestions?: Suggestion[];
  /** A safe edit that `--fix` applies (see `Fix`). */
  fix?: Fix;
  /** Override the configured severity downwards or upwards for this finding (e.g. warn vs error thresholds). */
  severity?: 'warn' | 'error';
}

export interface RuleContext<O> {
  readonly doc: EmailDocument;
  readonly options: O;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleDefinition<S extends OptionsSchema = OptionsSchema> {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Why it matters, with its source. */
  rationale: string;
  /** The source(s) the threshold or rationale comes from. */
  sources: readonly string[];
  /** What to do about a finding. */
  guidance: string;
  category: Category;
  severity: 'warn' | 'error';
  recommended: boolean;
  /** The rule offers safe fixes (`report({ fix })`) that `inboxlint lint --fix` applies. */
  fixable?: boolean;
  /** Input kinds the rule applies to (default: all). */
  appliesTo?: readonly InputKind[];
  /** Where the rule is documented (plugins; a built-in rule's is its rules/<id>/README.md). */
  docsUrl?: string;
  options: S;
  messages: Record<string, string>;
  /**
   * The wording for MJML sources, by message id, where the HTML wording names markup that MJML
   * writes differently (`<mj-title>` for `<title>`, `<mj-preview>` for the preheader block).
   * The engine uses it for `.mjml` inputs; ids not listed keep `messages`.
   */
  mjmlMessages?: Record<string, string>;
  /**
   * One defect, one finding: messageId → ids of rules whose finding at the same source offset
   * this message replaces (engine/supersede.ts); `'*'` (with `'!id'` exceptions): every other rule's finding in the file.
   */
  supersedes?: Readonly<Record<string, readonly string[]>>;
  examples: { valid: readonly RuleExample[]; invalid: readonly RuleExample[] };
  check(context: RuleContext<OptionValues<S>>): void;
}

export type AnyRule = RuleDefinition<any>;

export function defineRule<const S extends OptionsSchema>(rule: RuleDefinition<S>): RuleDefinition<S> {
  return rule;
}

/** Documentation URL of a rule: its own `docsUrl`, a built-in rule's README, none for a plugin rule without one. */
export function docsUrlOf(rule: AnyRule): string | undefined {
  if (rule.docsUrl) return rule.docsUrl;
  return rule.id.includes('/') ? undefined : ruleDocsUrl(rule.id);
}

/** Documentation URL of a built-in rule (used by SARIF helpUri and the CLI). */
export function ruleDocsUrl(id: string): string {
  return `https://github.com/inboxlint/inboxlint/blob/main/rules/${id}/README.md`;
}
