/** inboxlint's public API: a plain list of re-exports. */
export { lint, inspect, track, type LintInput, type LintOptions } from './api.js';
export { createSession, Session, type SessionOptions, type RunOptions, type TextInput, type FileOutcome } from './session.js';
export { defineConfig } from './config/define.js';
export type { Plugin } from './config/plugins.js';
export { defineRule, ruleDocsUrl } from './rule.js';
export type { AnyRule, RuleDefinition, RuleContext, RuleExample, ReportDescriptor, Suggestion, Severity, Category, InputKind, OptionSchema } from './rule.js';
export { loadFile, documentFromText, type LoadOptions } from './input/index.js';
export type { LintMessage, LintResult } from './engine/types.js';
export type { Config, OverrideConfig, RuleEntry, RulesConfig, SeverityInput, FileConfig } from './config/types.js';
export { ConfigError, InputError, InboxlintError } from './errors.js';
export { formatters, getFormatter, type FormatName, type Formatter, type FormatterContext } from './formatters/index.js';
export { EmailDocument } from './model/document.js';
export { inspectDocument, type InspectResult, type InspectCta, type InspectLink, type InspectInput } from './inspect.js';
export { trackDocument, planHref, classifyTrackability, type TrackOptions, type TrackResult, type TrackInput, type HrefPlan, type HrefContext, type SkipReason, type ManifestEntry } from './rewrite/track.js';
export { findTemplateTags, TEMPLATE_LANGUAGES, type MergeTag as TemplateTag, type TemplateLanguage, type EspId, type TagKind, type TagRole } from './model/merge-tags.js';
export {
  graphemes,
  graphemeLength,
  graphemeSlice,
  truncate,
  documentStartRange,
  afterTagName,
  ctaReportRange,
  ctaName,
  exampleClause,
  howKnown,
  checkRunsPerView,
  phoneOnlyRuns,
  PHONE_NOTE,
  contrastFailure,
  describeColor,
  mailTypeBasis,
} from './rule-utils.js';
export { escapeHtml } from './escape.js';
export { DEFAULT_FOLDS, foldsFromRules, belowFold, type Folds } from './model/fold.js';
