import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliInProcess, git, jsonReport, read, readText, tempTree, V0_GET, V0_PIPE, V0_QUOTED, V1_GET, V1_QUOTED, V1_QUOTED_RAW } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("--dry", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempTree({ "src/a.js": V0_GET + V0_PIPE, "src/plain.js": "export const x = 1;\n" })), IO_TIMEOUT);
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("prints a unified diff and the summary, and writes nothing", async () => {
    const before = await read(dir, "src/a.js");
    const mtime = (await stat(path.join(dir, "src/a.js"))).mtimeMs;
    const result = await cliInProcess(dir, "--dry", "src");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--- a/src/a.js\n+++ b/src/a.js\n@@ -1,2 +1,2 @@\n");
    expect(result.stdout).toContain(`-${V0_GET}+${V1_GET} ${V0_PIPE}`);
    expect(result.stdout).toContain("Scanned 2 files: 1 would be changed, 1 unchanged, 0 failed.");
    expect(result.stdout).toContain("Dry run: nothing was written.");
    expect(await read(dir, "src/a.js")).toEqual(before);
    expect((await stat(path.join(dir, "src/a.js"))).mtimeMs).toBe(mtime);
  });

  it("puts the diff in the JSON report", async () => {
    const report = jsonReport(await cliInProcess(dir, "--dry", "--report", "json"));
    expect(report.mode).toBe("dry");
    const file = report.files.find((f) => f.path === "src/a.js");
    expect(file?.status).toBe("changed");
    expect(file?.diff).toContain(`+${V1_GET}`);
  });

  it("never refuses over a dirty tree and never writes in a git repository", async () => {
    // Not committed at all: every file is untracked, which write mode would refuse.
    git(dir, "init", "-q");
    const result = await cliInProcess(dir, "--dry");
    expect(result.code).toBe(0);
    expect(await read(dir, "src/a.js")).toEqual(Buffer.from(V0_GET + V0_PIPE));
  });

  it("--raw-args reaches the codemod: quoted words become raw values", async () => {
    await writeFile(path.join(dir, "src/q.js"), V0_QUOTED);
    expect((await cliInProcess(dir, "--dry", "src/q.js")).stdout).toContain(`-${V0_QUOTED}+${V1_QUOTED}`);
    expect((await cliInProcess(dir, "--raw-args", "src/q.js")).code).toBe(0);
    expect(await readText(dir, "src/q.js")).toBe(V1_QUOTED_RAW);
  });
});
