#!/usr/bin/env node
// Prints the world set's tables (per rule, per natural language, per template language, CTA
// detection, mixed-script suggestions) for the current code: runs the gate test, which lints
// eval/labels-world/templates with the source in src/ and prints the report.
// Usage: node eval/world.mjs                 (the world set, test/eval-world.test.ts)
//        node eval/world.mjs --set field     (the held-out field set, test/eval-field.test.ts)
//        node eval/world.mjs --set field2    (held out: ESP template languages, test/eval-field2.test.ts)
//        node eval/world.mjs --set field3    (held out: RTL, CJK, Nordic, Slavic, Turkish, Inky, Maizzle; test/eval-field3.test.ts)
//        node eval/world.mjs --set field4    (held out: PrestaShop 1.4/1.7 follow-ups, Mautic MJML starters; test/eval-field4.test.ts)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--set' || a.startsWith('--set='));
const set = at < 0 ? 'world' : args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
if (!['world', 'field', 'field2', 'field3', 'field4'].includes(set)) {
  console.error(`eval/world.mjs: unknown set "${set ?? ''}" (use --set world, field, field2, field3 or field4)`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const run = spawnSync('npx', ['vitest', 'run', `test/eval-${set}.test.ts`, '--reporter=dot'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
