import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, git, jsonReport, tempTree, V0_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("a path named on the command line that yields no file", { timeout: 120_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("an empty directory: the summary says so; --check and check fail instead of passing unseen", async () => {
    const tree = await tempTree({ "src/a.ts": "export const x = 1;\n" });
    cleanup = tree.cleanup;
    await mkdir(path.join(tree.dir, "empty"));

    const migrate = await cliInProcess(tree.dir, "empty");
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain("Skipped (1):\n  empty: No file to scan here: nothing is in it.\n");

    const dashCheck = await cliInProcess(tree.dir, "--check", "src", "empty");
    expect(dashCheck.code).toBe(1);
    expect(dashCheck.stdout).toContain("Check incomplete: a path named on the command line held no file to scan");
    expect(jsonReport(await cliInProcess(tree.dir, "--check", "--report", "json", "empty")).skipped).toEqual([
      { path: "empty", reason: "no-files", message: "No file to scan here: nothing is in it." },
    ]);

    const check = await cliInProcess(tree.dir, "check", "src", "empty");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("empty: No file to scan here: nothing is in it.");
    // A path that holds a clean file still passes.
    expect((await cliInProcess(tree.dir, "check", "src")).code).toBe(0);
    expect((await cliInProcess(tree.dir, "--check", "src")).code).toBe(0);
  });

  it("a directory .gitignore excludes entirely: says which rule and that --no-gitignore includes it", async () => {
    const tree = await tempTree({ ".gitignore": "generated/*.js\nvendor/\n", "generated/api.js": V0_GET, "generated/vendor/x.js": V0_GET });
    cleanup = tree.cleanup;
    git(tree.dir, "init", "-q");

    const dashCheck = await cliInProcess(tree.dir, "--check", "generated");
    expect(dashCheck.code).toBe(1);
    expect(dashCheck.stdout).toContain("  generated: No file to scan here: 2 entries excluded by .gitignore (--no-gitignore includes them).\n");
    const check = await cliInProcess(tree.dir, "check", "generated");
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("2 entries excluded by .gitignore");

    expect((await cliInProcess(tree.dir, "--check", "--no-gitignore", "generated")).code).toBe(3);
    expect((await cliInProcess(tree.dir, "check", "--no-gitignore", "generated")).code).toBe(3);
  });

  it("other exclusions are named too: --ignore, --extensions, always-skipped directories", async () => {
    const tree = await tempTree({ "lib/a.test.js": V0_GET, "lib/notes.md": "# notes\n", "lib/node_modules/dep/index.js": V0_GET });
    cleanup = tree.cleanup;
    const result = await cliInProcess(tree.dir, "--check", "--ignore", "*.test.js", "lib");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "  lib: No file to scan here: 1 entry excluded by --ignore; 1 file without a scanned extension (see --extensions); 1 directory always skipped (node_modules, dist, build, coverage, .git).\n",
    );
  });
});
