import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // Nothing may depend on the device's zone: screens reckon days in the organization's.
    env: { TZ: 'Australia/Sydney' },
  },
});
