/**
 * `inboxlint/testing`: what a rule's tests need. The built-in rules (`rules`, `ruleById`) and
 * `RuleTester`, so a plugin's rules are tested the way the built-in ones are.
 */
export { RuleTester, RuleTesterError, type RuleTesterConfig, type RunTests, type ValidTestCase, type InvalidTestCase, type TestCaseError } from './rule-tester.js';
export { allRules as rules, ruleById } from '../../rules/index.js';
export { defineRule, type AnyRule, type RuleDefinition, type RuleContext } from '../rule.js';
export { documentFromText } from '../input/index.js';
export { EmailDocument } from '../model/document.js';
