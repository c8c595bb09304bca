import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    // A beforeAll that builds copies gets as long as a test (the default is 10 s), for a busy machine.
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one file at a time less than there are cores: on CI's two cores that is one file at
    // a time, and half the machine idle. Two at a time there; as many as before on larger machines.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/unit/global-setup.ts'],
    // A .only left in a test file would make CI run (and pass) only that test: refused there.
    allowOnly: !process.env.CI,
  },
});
