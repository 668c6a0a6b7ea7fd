/**
 * Every built-in rule. One folder per rule: rules/<id>/index.ts holds one defineRule() object,
 * rules/<id>/README.md is generated from it (`npm run docs`). The list is in run order; a rule's
 * area is its own `category`, from which the README's rule table (`npm run docs`) and
 * `inboxlint rules` group the rules, so no grouping is written here.
 */
import type { AnyRule } from '../src/rule.js';

import subjectLength from './subject-length/index.js';
import subjectFormat from './subject-format/index.js';
import preheaderMissing from './preheader-missing/index.js';
import preheaderLength from './preheader-length/index.js';
import preheaderRepeatsSubject from './preheader-repeats-subject/index.js';
import imgAlt from './img-alt/index.js';
import htmlLang from './html-lang/index.js';
import htmlTitle from './html-title/index.js';
import tableRolePresentation from './table-role-presentation/index.js';
import gmailClip from './gmail-clip/index.js';
import unsubscribeLink from './unsubscribe-link/index.js';
import viewportMeta from './viewport-meta/index.js';
import uncompiledSource from './uncompiled-source/index.js';
import linkHref from './link-href/index.js';
import linkInsecure from './link-insecure/index.js';
import htmlWellFormed from './html-well-formed/index.js';
import containerWidth from './container-width/index.js';
import mobileSingleColumn from './mobile-single-column/index.js';
import ctaVagueText from './cta-vague-text/index.js';
import ctaActionText from './cta-action-text/index.js';
import ctaCompeting from './cta-competing/index.js';
import ctaAboveFold from './cta-above-fold/index.js';
import ctaTouchTarget from './cta-touch-target/index.js';
import ctaImageOnly from './cta-image-only/index.js';
import ctaOutlookMismatch from './cta-outlook-mismatch/index.js';
import colorContrast from './color-contrast/index.js';
import ctaContrast from './cta-contrast/index.js';
import minFontSize from './min-font-size/index.js';
import clientSupport from './client-support/index.js';
import trackingParams from './tracking-params/index.js';
import mjmlValid from './mjml-valid/index.js';
import listUnsubscribe from './list-unsubscribe/index.js';
import mergeTagLeftover from './merge-tag-leftover/index.js';
import linkLive from './link-live/index.js';
import spamScore from './spam-score/index.js';
import imageWeight from './image-weight/index.js';

export const allRules: readonly AnyRule[] = [
  subjectLength,
  subjectFormat,
  preheaderMissing,
  preheaderLength,
  preheaderRepeatsSubject,
  imgAlt,
  htmlLang,
  htmlTitle,
  tableRolePresentation,
  gmailClip,
  unsubscribeLink,
  viewportMeta,
  uncompiledSource,
  linkHref,
  linkInsecure,
  containerWidth,
  htmlWellFormed,
  mobileSingleColumn,
  ctaVagueText,
  ctaActionText,
  ctaCompeting,
  ctaAboveFold,
  ctaTouchTarget,
  ctaImageOnly,
  ctaOutlookMismatch,
  colorContrast,
  ctaContrast,
  minFontSize,
  clientSupport,
  trackingParams,
  mjmlValid,
  listUnsubscribe,
  mergeTagLeftover,
  linkLive,
  spamScore,
  imageWeight,
];

export const ruleById: ReadonlyMap<string, AnyRule> = new Map(allRules.map((r) => [r.id, r]));
