import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'bridge/**/*.test.ts',
            'extension/**/*.test.{ts,tsx}',
            'test/unit/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
          // browser.i18n over _locales/sv (issue 14): the extension's words in unit tests.
          setupFiles: ['test/unit/i18n-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One real Chromium at a time on a 2-core machine; each file starts its own browser.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'pcsc',
          // Real pcscd + vpcd + a virtual card (bridge issue): one daemon, so one file at a time.
          include: ['test/pcsc/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
