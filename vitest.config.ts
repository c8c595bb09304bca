import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/unit/global-setup.ts'],
    // A .only left in a test file would make CI run (and pass) only that test: refused there.
    allowOnly: !process.env.CI,
  },
});
