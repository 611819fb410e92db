import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 20_000,
    // Network tests bind real loopback ports; keep files in parallel but bounded for a 2-core machine.
    maxWorkers: 2,
  },
});
