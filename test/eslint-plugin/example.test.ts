/**
 * The `recommended` config with the real `ESLint` class over the example extension, before
 * and after the codemod (run as the CLI runs it, with its pre-pass over the project, on a
 * temporary copy).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import tsParser from "@typescript-eslint/parser";
import { afterAll, describe, expect, it } from "vitest";
import plugin from "../../eslint-plugin/index.js";
import { runMigration } from "../../cli/run.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../examples/legacy-extension/src");

async function lintTree(dir: string): Promise<Record<string, number>> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      // global.d.ts disables `no-var`, a core rule this config does not turn on.
      { linterOptions: { reportUnusedDisableDirectives: "off" } },
      { files: ["**/*.{ts,tsx}"], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
      plugin.configs.recommended as never,
    ],
  });
  const results = await eslint.lintFiles(["**/*.{ts,tsx}"]);
  const counts: Record<string, number> = {};
  for (const message of results.flatMap((r) => r.messages)) {
    expect(message.fatal ?? false).toBe(false);
    counts[message.ruleId!] = (counts[message.ruleId!] ?? 0) + 1;
  }
  return counts;
}

describe("recommended config on examples/legacy-extension", () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-lint-"));
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }), IO_TIMEOUT);

  it("finds the v0 calls and shell problems before migration", async () => {
    expect(await lintTree(EXAMPLE)).toEqual(BEFORE);
  });

  it("finds only what the codemod leaves for a person after migration", async () => {
    fs.cpSync(EXAMPLE, copy, { recursive: true });
    const summary = await runMigration({ cwd: copy, extensions: ["ts", "tsx"], allowDirty: true, runInBand: true, gitignore: false });
    expect(summary.counts.failed).toBe(0);
    expect(await lintTree(copy)).toEqual(AFTER);
  });
});

/** 40 v0 calls (every table row); `… | sort` in ContainerList's v0 line. */
const BEFORE: Record<string, number> = { "ddclient-migrate/no-deprecated-api": 40, "ddclient-migrate/no-shell-operators": 1 };
/**
 * The 4 calls the codemod leaves for a person (the piped line among them, still flagged by
 * no-shell-operators). The migrated spawnDockerCmd's `"{{json .}}"` element in DockerTools.tsx
 * is a streamed exec, where args pass through: exec-args-array rightly says nothing. The one it
 * reports is ContainerList's `'"label=com.example.stack=my app"'`, migrated with a
 * `host-dependent-word` note: its quotes reach the program on a host that passes args through.
 */
const AFTER: Record<string, number> = { "ddclient-migrate/no-deprecated-api": 4, "ddclient-migrate/no-shell-operators": 1, "ddclient-migrate/exec-args-array": 1 };
