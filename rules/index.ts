/**
 * Every built-in rule. One folder per rule: rules/<id>/index.ts holds one defineRule() object,
 * rules/<id>/README.md is generated from it (`npm run docs`).
 */
import type { AnyRule } from '../src/rule.js';

// — Content: subject and preheader
// — Accessibility and deliverability basics
// — Links
// — Layout
import containerWidth from './container-width/index.js';
import mobileSingleColumn from './mobile-single-column/index.js';
// — CTAs
// — Contrast and typography
// — Tracking
// — MJML and .eml

export const allRules: readonly AnyRule[] = [
  containerWidth,
  mobileSingleColumn,
];

export const ruleById: ReadonlyMap<string, AnyRule> = new Map(allRules.map((r) => [r.id, r]));
