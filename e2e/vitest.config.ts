import { defineConfig } from 'vitest/config';

// Browser tests: one real server (started in global-setup) and Debian's chromium; files run one at a time.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    // expect.poll waits for what the server and the page do; a loaded CI machine needs more than the default second.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
