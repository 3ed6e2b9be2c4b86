import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CI runs on 2 cores shared with other jobs: vitest's defaults (5 s, 10 s) fail there under load.
    // Hooks and tests that do I/O also state their own (test/support/timeouts.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One Chromium for all the browser test files, launched only if one of them runs.
    globalSetup: ["test/browser/shared-chromium.ts"],
  },
});
