import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in Debian's Chromium and Firefox, two files at a
// time: most of their time is spent waiting out the requests' spacing (the 100-user cycle alone
// takes three minutes), not computing, so two at once keep CI within its 15 minutes. Each file
// starts its own demo API on a free port and its own browsers with their own profiles.
export default defineConfig({
  // The code under utils/ names other folders as `@/…`, as WXT resolves them in the build.
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
