import { existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, git, readText, tempTree, V0_GET, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("the tool runs none of the project's code", { timeout: 120_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("the dirty-tree check's `git status` does not run the repository's core.fsmonitor command", async () => {
    const tree = await tempTree({ "src/a.js": V0_GET });
    cleanup = tree.cleanup;
    git(tree.dir, "init", "-q");
    git(tree.dir, "add", ".");
    git(tree.dir, "commit", "-q", "-m", "init");
    const marker = path.join(tree.dir, "fsmonitor-ran");
    git(tree.dir, "config", "core.fsmonitor", `touch '${marker}'; false`);
    expect((await cliInProcess(tree.dir)).code).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(await readText(tree.dir, "src/a.js")).toBe(V1_GET);
  });
});
