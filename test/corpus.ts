/**
 * The shared corpus of real templates (../shared/corpus, beside the checkout; never copied into
 * it) and the one rule for the tests that read it: where the folder is absent they skip with one
 * line saying so, and under CI=true (as .ci/run sets it) they fail instead.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The corpus folder (no trailing slash). */
export const CORPUS_DIR = fileURLToPath(new URL('../../shared/corpus', import.meta.url));

/**
 * Whether a test that reads the corpus runs: true where the folder is present. Where it is
 * absent, prints one line and returns false, or throws under CI=true (the test file fails).
 * Call it once at the top of a test file and give the result to `describe.runIf`/`it.runIf`.
 */
export function corpusPresent(what: string, env: NodeJS.ProcessEnv = process.env, dir: string = CORPUS_DIR): boolean {
  if (existsSync(dir)) return true;
  if (env.CI && env.CI !== 'false' && env.CI !== '0') throw new Error(`${what}: the corpus folder ${dir} is missing (it is required under CI=true)`);
  console.log(`${what}: skipped, the corpus folder ${dir} is absent (required only under CI=true)`);
  return false;
}
