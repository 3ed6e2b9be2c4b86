import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import WaitingFirstSequencer from "./test/support/sequencer.js";

const TEST_FILES = readdirSync("test", { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".test.ts"))
  .map((file) => `test/${file.split("\\").join("/")}`)
  .sort();
const text = (file: string): string => readFileSync(file, "utf8");

/**
 * Files that need a module graph of their own: they mock modules (a mock would leak into the
 * next file of the worker), or drive Chromium. Every other file shares its worker's modules
 * with the files run before it there, which saves importing the engine, TypeScript and ESLint
 * again for each file.
 */
const ISOLATED = TEST_FILES.filter((file) => /^test\/(?:browser|playground)\//.test(file) || /\bvi\.(?:mock|doMock|unmock|resetModules)\(/.test(text(file)));

/**
 * `npm run test:quick` (`--mode quick`): the unit, fixture, lint-rule, compat and table tests
 * and a small generated batch, without the files that run the build (the bin, dist's
 * transforms), so that it needs no `npm run build`.
 */
const QUICK_DIRS = /^test\/(?:core|table|compat|eslint-plugin|transforms|generated)\//;
const runsTheBuild = (file: string): boolean => /\bcli\/helpers\.js\b|["/]dist\/(?:bin|transforms)\b/.test(text(file));
const QUICK = TEST_FILES.filter((file) => QUICK_DIRS.test(file) && !runsTheBuild(file));
const QUICK_GENERATED_PROGRAMS = "8";

export default defineConfig(({ mode }) => {
  const include = mode === "quick" ? QUICK : TEST_FILES;
  return {
    test: {
      // CI runs on 2 cores shared with other jobs: vitest's defaults (5 s, 10 s) fail there under load.
      // Hooks and tests that do I/O also state their own (test/support/timeouts.ts).
      testTimeout: 60_000,
      hookTimeout: 60_000,
      pool: "forks",
      // One Chromium for all the browser test files, launched only if one of them runs.
      globalSetup: ["test/browser/shared-chromium.ts"],
      // vitest's default is one worker fewer than the cores (one on 2 cores); most files here spend
      // their time in the programs they start (the CLI, tsc, npm, Chromium), which a worker waits
      // on, so one a core keeps the cores busy.
      maxWorkers: Math.max(2, availableParallelism()),
      sequence: { sequencer: WaitingFirstSequencer },
      env: mode === "quick" ? { DDCM_GENERATED_PROGRAMS: process.env.DDCM_GENERATED_PROGRAMS ?? QUICK_GENERATED_PROGRAMS } : {},
      projects: [
        { extends: true, test: { name: "shared", include: include.filter((file) => !ISOLATED.includes(file)), isolate: false } },
        { extends: true, test: { name: "isolated", include: include.filter((file) => ISOLATED.includes(file)) } },
      ],
    },
  };
});
