import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one file at a time per worker, two workers.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
