import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import WaitingFirstSequencer from "./test/support/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CI runs on 2 cores shared with other jobs: vitest's defaults (5 s, 10 s) fail there under load.
    // Hooks and tests that do I/O also state their own (test/support/timeouts.ts).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // vitest's default is one worker fewer than the cores (one on 2 cores); most files here spend
    // their time in the programs they start (the CLI, tsc, npm, Chromium), which a worker waits
    // on, so one a core keeps the cores busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: WaitingFirstSequencer },
  },
});
