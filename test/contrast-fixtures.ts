/** Shared by the contrast tests: a fixture of fixtures/contrast as a document or as a RuleTester case. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentFromText } from '../src/input/index.js';
import type { EmailDocument } from '../src/model/document.js';

export const fixturePath = (name: string) => fileURLToPath(new URL(`../fixtures/contrast/${name}`, import.meta.url));

export async function fixture(name: string): Promise<EmailDocument> {
  return documentFromText(fixturePath(name), readFileSync(fixturePath(name), 'utf8'));
}

/** A RuleTester case of a fixture in fixtures/contrast: its text, named by its path (lines in messages are the fixture's). */
export function fixtureCase(name: string): { code: string; filePath: string; name: string } {
  return { code: readFileSync(fixturePath(name), 'utf8'), filePath: fixturePath(name), name };
}
