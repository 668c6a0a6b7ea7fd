import { describe, it } from 'vitest';
import { RuleTester } from '../../src/testing/index.js';
import rule from './index.js';

new RuleTester({ describe, it }).run('html-lang', rule, {
  valid: ['<html lang="zh-Hant-TW"></html>', '<html lang="x-klingon"></html>'],
  invalid: [
    {
      code: '<!doctype html>\n<HTML xmlns="http://www.w3.org/1999/xhtml"><body><p>Thank you for your order. We will send you another email when your parcel leaves our warehouse, usually within two working days.</p></body></HTML>',
      name: 'suggests the language of the copy right after <html, keeping the other attributes',
      errors: [{ messageId: 'missing', line: 2, suggestions: [{ output: '<!doctype html>\n<HTML lang="en" xmlns="http://www.w3.org/1999/xhtml"><body><p>Thank you for your order. We will send you another email when your parcel leaves our warehouse, usually within two working days.</p></body></HTML>' }] }],
    },
    {
      code: '<html><body><p>Olá!</p></body></html>',
      name: 'names no language and suggests none when the copy is too short to tell',
      errors: [{ messageId: 'missing', message: '<html> has no lang attribute: screen readers guess the language and may read the copy with the wrong voice. Add lang with the language of the copy (too little copy to tell which).', suggestions: [] }],
    },
    { code: '<html lang="english"></html>', name: 'rejects words', errors: [{ messageId: 'invalid' }] },
  ],
});
