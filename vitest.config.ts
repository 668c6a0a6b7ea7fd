import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'rules/**/*.test.ts'],
    // Builds dist/ once so the CLI tests run the current code through bin/inboxlint.js.
    globalSetup: 'test/global-setup.ts',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
