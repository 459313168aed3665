import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code they test (`pesel.ts`, `pesel.test.ts`).
// End-to-end specs live in test/e2e and run under Playwright, not here.
export default defineConfig({
  test: {
    include: [
      '{common,hall,main,preload,renderer,server,test}/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    exclude: ['node_modules/**', 'out/**', 'test/e2e/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
