import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it }).run('html-lang', rule, {
  valid: ['<html lang="zh-Hant-TW"></html>', '<html lang="x-klingon"></html>'],
  invalid: [
    {
      code: '<!doctype html>\n<HTML xmlns="http://www.w3.org/1999/xhtml"><body></body></HTML>',
      name: 'suggests lang="en" right after <html, keeping the other attributes',
      errors: [{ messageId: 'missing', line: 2, suggestions: [{ output: '<!doctype html>\n<HTML lang="en" xmlns="http://www.w3.org/1999/xhtml"><body></body></HTML>' }] }],
    },
    { code: '<html lang="english"></html>', name: 'rejects words', errors: [{ messageId: 'invalid' }] },
  ],
});
