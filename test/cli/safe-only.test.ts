/**
 * `--safe-only` applies what `eslint --fix` applies, and nothing else: over every script
 * fixture, the CLI with the option writes the bytes that ESLint's `Linter.verifyAndFix` with the
 * plugin's recommended rules writes. Without the option the CLI also applies the rewrites the
 * rule only suggests: the second test finds each of those.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configs } from "../../eslint-plugin/index.js";
import { lintAndFix } from "../eslint-plugin/helpers.js";
import { listFixtures, type Fixture } from "../support/fixtures.js";
import { IO_TIMEOUT, SLOW_IO_TIMEOUT } from "../support/timeouts.js";
import { cliInProcess, tempTree } from "./helpers.js";

// ESLint parses script files; the codemod alone reads Vue, Svelte and HTML. A fixture run with
// codemod options (`client: "import"`) has no ESLint counterpart.
const SCRIPT = /^[mc]?[jt]sx?$/;
const fixtures = listFixtures().filter((f) => SCRIPT.test(f.extension) && Object.keys(f.options).length === 0);
const RULES = configs.recommended.rules;

/**
 * Rewrites that need the whole tree, which one file linted alone cannot know: a typing of the
 * client migrated to what the run's files call, and an exported wrapper with its callers when
 * no other file imports it. They change no behaviour, so `--safe-only` keeps them; ESLint
 * reports them instead.
 */
const NEEDS_THE_TREE = ["clients/manual-hand-written-typing", "exec-command-line/manual-prefix-wrapper-out-of-view"];

/** Each fixture in a directory of its own, so that no project-wide pre-pass links two of them. */
const placeOf = (fixture: Fixture): string => path.join(fixture.name, path.basename(fixture.inputPath));

describe("--safe-only and eslint --fix", () => {
  let dir: string;
  let cleanup: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempTree(Object.fromEntries(fixtures.map((f) => [placeOf(f), fs.readFileSync(f.inputPath)]))));
  }, IO_TIMEOUT);
  afterAll(() => cleanup(), IO_TIMEOUT);

  it("writes, for every fixture, the bytes eslint --fix writes", async () => {
    expect(fixtures.length).toBeGreaterThan(50);
    const result = await cliInProcess(dir, "--safe-only");
    expect(result.code, result.stderr).toBe(0);
    const differing = fixtures.filter((fixture) => {
      const fixed = lintAndFix(fs.readFileSync(fixture.inputPath, "utf8"), fixture.inputPath, RULES).output;
      return fs.readFileSync(path.join(dir, placeOf(fixture)), "utf8") !== fixed;
    });
    // Exactly those: a fixture that stops needing the tree must leave the list.
    expect(differing.map((f) => f.name)).toEqual(NEEDS_THE_TREE);
  }, SLOW_IO_TIMEOUT);

  // Runs on what the test above wrote: what is left is what only the default run rewrites.
  it("lists each rewrite it left as safe-only-skipped, and a run without the option makes each one", async () => {
    type Report = { findings: { file: string; line: number; column: number; kind: string; reason: string | null }[] };
    const at = (f: Report["findings"][number]): string => `${f.file}:${f.line}:${f.column}`;
    // --check: both reports give places in the files as they are (a dry run gives those of its own output).
    const safe = JSON.parse((await cliInProcess(dir, "--safe-only", "--check", "--report", "json")).stdout) as Report;
    const skipped = safe.findings.filter((f) => f.reason === "safe-only-skipped").map(at);
    expect(skipped.length).toBeGreaterThan(0);
    const full = JSON.parse((await cliInProcess(dir, "--check", "--report", "json")).stdout) as Report;
    const migrated = new Set(full.findings.filter((f) => f.kind === "migrated").map(at));
    expect(skipped.filter((place) => !migrated.has(place))).toEqual([]);
  }, SLOW_IO_TIMEOUT);
});
