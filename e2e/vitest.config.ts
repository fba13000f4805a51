import { defineConfig } from 'vitest/config';
import { WAIT } from './support/wait.js';

// Browser tests: one real server (started in global-setup) and Debian's chromium; files run one at a time.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    setupFiles: ['e2e/support/report-failure.ts'],
    // A test takes several steps, each with its own wait: room for a busy machine.
    testTimeout: 4 * WAIT,
    // expect.poll waits for what the server and the page do, with the same generous timeout as every other wait.
    expect: { poll: { timeout: WAIT } },
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
