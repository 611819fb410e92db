import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The CLI and the worker threads run compiled JavaScript: build it from the current source first.
    globalSetup: ['test/support/build-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 20_000,
    // Network tests bind real loopback ports; keep files in parallel but bounded for a 2-core machine.
    maxWorkers: 2,
  },
});
