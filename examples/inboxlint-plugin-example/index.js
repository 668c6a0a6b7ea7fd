/**
 * An inboxlint plugin is a plain object: `{ rules: { name: rule } }`, each rule the object
 * inboxlint's defineRule() returns. It needs no run-time dependency on inboxlint. Configured as
 *   "plugins": { "example": "inboxlint-plugin-example" },
 *   "rules": { "example/no-center": "warn", "example/cta-max-words": ["error", { "max": 4 }] }
 */
import noCenter from './rules/no-center.js';
import ctaMaxWords from './rules/cta-max-words.js';

export default {
  meta: { name: 'inboxlint-plugin-example', version: '0.1.0' },
  rules: {
    'no-center': noCenter,
    'cta-max-words': ctaMaxWords,
  },
};
