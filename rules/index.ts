/**
 * Every built-in rule. One folder per rule: rules/<id>/index.ts holds one defineRule() object,
 * rules/<id>/README.md is generated from it (`npm run docs`).
 */
import type { AnyRule } from '../src/rule.js';

// — Content: subject and preheader
import subjectLength from './subject-length/index.js';
import subjectFormat from './subject-format/index.js';
import preheaderMissing from './preheader-missing/index.js';
import preheaderLength from './preheader-length/index.js';
import preheaderRepeatsSubject from './preheader-repeats-subject/index.js';
// — Accessibility and deliverability basics
import imgAlt from './img-alt/index.js';
import htmlLang from './html-lang/index.js';
import htmlTitle from './html-title/index.js';
import tableRolePresentation from './table-role-presentation/index.js';
import gmailClip from './gmail-clip/index.js';
import unsubscribeLink from './unsubscribe-link/index.js';
import viewportMeta from './viewport-meta/index.js';
import uncompiledSource from './uncompiled-source/index.js';
// — Links
import linkHref from './link-href/index.js';
import linkInsecure from './link-insecure/index.js';
// — Layout
import htmlWellFormed from './html-well-formed/index.js';
import containerWidth from './container-width/index.js';
import mobileSingleColumn from './mobile-single-column/index.js';
// — CTAs
import ctaVagueText from './cta-vague-text/index.js';
import ctaActionText from './cta-action-text/index.js';
import ctaCompeting from './cta-competing/index.js';
import ctaAboveFold from './cta-above-fold/index.js';
import ctaTouchTarget from './cta-touch-target/index.js';
import ctaImageOnly from './cta-image-only/index.js';
import ctaOutlookMismatch from './cta-outlook-mismatch/index.js';
// — Contrast and typography
import colorContrast from './color-contrast/index.js';
import ctaContrast from './cta-contrast/index.js';
import minFontSize from './min-font-size/index.js';
// — Mail clients
import clientSupport from './client-support/index.js';
// — Tracking
import trackingParams from './tracking-params/index.js';
// — MJML and .eml
import mjmlValid from './mjml-valid/index.js';
import listUnsubscribe from './list-unsubscribe/index.js';
// — The pre-send check (links and spam score only when asked: --check-links, --spam)
import mergeTagLeftover from './merge-tag-leftover/index.js';
import linkLive from './link-live/index.js';
import spamScore from './spam-score/index.js';
import imageWeight from './image-weight/index.js';

export const allRules: readonly AnyRule[] = [
  // Content
  subjectLength,
  subjectFormat,
  preheaderMissing,
  preheaderLength,
  preheaderRepeatsSubject,
  // Accessibility and deliverability basics
  imgAlt,
  htmlLang,
  htmlTitle,
  tableRolePresentation,
  gmailClip,
  unsubscribeLink,
  viewportMeta,
  uncompiledSource,
  // Links
  linkHref,
  linkInsecure,
  containerWidth,
  htmlWellFormed,
  mobileSingleColumn,
  // CTAs
  ctaVagueText,
  ctaActionText,
  ctaCompeting,
  ctaAboveFold,
  ctaTouchTarget,
  ctaImageOnly,
  ctaOutlookMismatch,
  // Contrast and typography
  colorContrast,
  ctaContrast,
  minFontSize,
  // Mail clients
  clientSupport,
  // Tracking
  trackingParams,
  // MJML and .eml
  mjmlValid,
  listUnsubscribe,
  // The pre-send check
  mergeTagLeftover,
  linkLive,
  spamScore,
  imageWeight,
];

export const ruleById: ReadonlyMap<string, AnyRule> = new Map(allRules.map((r) => [r.id, r]));
