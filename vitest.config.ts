import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and component tests: fast, no browser. The end-to-end suite has its own config.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/demo-api/**/*.test.ts'],
    restoreMocks: true,
    // Pages register the Chinese words at startup; so do the tests.
    setupFiles: ['tests/unit/support/setup-locales.ts'],
  },
});
