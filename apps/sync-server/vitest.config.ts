import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one file at a time per worker, two workers.
    maxWorkers: 2,
    fileParallelism: true,
    // Nothing may depend on the host's zone: the tests run in one with DST, ahead of UTC, on the
    // other side of the date line from the organizations they test (UTC, Los Angeles). Child
    // processes (the CLI, a real server) inherit it.
    env: { TZ: 'Australia/Sydney' },
  },
});
