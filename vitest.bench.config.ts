import { defineConfig } from 'vitest/config';

// `npm run bench`: benchmarks print their numbers and ratios; they assert no timings.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 30 * 60_000,
    hookTimeout: 5 * 60_000,
  },
});
