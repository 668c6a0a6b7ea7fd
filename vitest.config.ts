import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The example plugin's tests import the package as a plugin author would; here it is the source.
    alias: { 'inboxlint/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts', 'examples/*/test/**/*.test.{js,ts}'],
    // Builds dist/ once so the CLI tests run the current code through bin/inboxlint.js.
    globalSetup: 'test/global-setup.ts',
    setupFiles: ['test/setup-fast-check.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
