/** Shared by the contrast tests: load a fixture from fixtures/contrast and lint it with chosen rules. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentFromText } from '../src/input/index.js';
import { lintDocument, type RuleSetting } from '../src/engine/linter.js';
import type { EmailDocument } from '../src/model/document.js';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/contrast/${name}`, import.meta.url));

export async function fixture(name: string): Promise<EmailDocument> {
  return documentFromText(fixturePath(name), readFileSync(fixturePath(name), 'utf8'));
}

export async function lintFixture(name: string, rules: Record<string, RuleSetting>) {
  return lintDocument(await fixture(name), { rules, reportUnusedDirectives: false }).messages;
}

export async function lintCode(code: string, rules: Record<string, RuleSetting>) {
  return lintDocument(await documentFromText('t.html', code), { rules, reportUnusedDirectives: false }).messages;
}
