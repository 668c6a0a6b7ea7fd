#!/usr/bin/env node
// Prints the world set's tables (per rule, per natural language, per template language, CTA
// detection, mixed-script suggestions) for the current code: runs the gate test, which lints
// eval/labels-world/templates with the source in src/ and prints the report.
// Usage: node eval/world.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = spawnSync('npx', ['vitest', 'run', 'test/eval-world.test.ts', '--reporter=dot'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
