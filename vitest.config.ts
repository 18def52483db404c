import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: process.env.VITEST_JSON ? ['default', ['json', { outputFile: process.env.VITEST_JSON }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/scale/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // Whole-file paths on one very large crisis (tests/unit/scale). CI runs 20,000 nodes on a
        // tenth of Node's stack, which overflows wherever 200,000 would on the usual one;
        // `npm run test:scale` runs the 200,000 nodes themselves (SCALE_NODES) on the usual stack.
        test: {
          name: 'scale',
          include: ['tests/unit/scale/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          execArgv: [`--stack-size=${process.env.SCALE_NODES ? 984 : 98}`],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
