import { lstat, mkdtemp, readlink, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, jsonReport, read, tempTree, V0_GET, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("symbolic links", { timeout: 120_000 }, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  }, IO_TIMEOUT);
  async function tree(files: Record<string, string>): Promise<string> {
    const made = await tempTree(files);
    cleanups.push(made.cleanup);
    return made.dir;
  }

  it("a link named on the command line stays a link; its target inside the tree is migrated", async () => {
    const dir = await tree({ "src/api.js": V0_GET });
    await symlink("api.js", path.join(dir, "src/alias.js"));
    const result = await cliInProcess(dir, "--report", "json", "src/alias.js");
    expect(result.code).toBe(0);
    expect((await lstat(path.join(dir, "src/alias.js"))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(dir, "src/alias.js"))).toBe("api.js");
    expect(await read(dir, "src/api.js")).toEqual(Buffer.from(V1_GET));
    expect(jsonReport(result).files.map((f) => [f.path, f.status])).toEqual([["src/api.js", "changed"]]);
  });

  it("a link met in a directory to a file the walk does not list itself is followed, and migrated once", async () => {
    // The target's extension is not scanned, so only the link brings it in.
    const dir = await tree({ "src/generated.txt": V0_GET });
    await symlink("generated.txt", path.join(dir, "src/generated.js"));
    const result = await cliInProcess(dir, "--report", "json", "src");
    expect(result.code).toBe(0);
    expect((await lstat(path.join(dir, "src/generated.js"))).isSymbolicLink()).toBe(true);
    expect(await read(dir, "src/generated.txt")).toEqual(Buffer.from(V1_GET));
  });

  it("links out of the tree and loops are not followed, and say so; their targets are untouched", async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), "ddclient-migrate-outside-"));
    cleanups.push(() => rm(outside, { recursive: true, force: true }));
    await writeFile(path.join(outside, "shared.js"), V0_GET);
    const dir = await tree({ "src/own.js": V0_GET });
    await symlink(path.join(outside, "shared.js"), path.join(dir, "src/shared.js"));
    await symlink("loop.js", path.join(dir, "src/loop.js"));
    await symlink(path.join(outside, "shared.js"), path.join(dir, "named.js"));

    const result = await cliInProcess(dir, "--report", "json", "src", "named.js");
    const report = jsonReport(result);
    expect(report.skipped.map((s) => [s.path, s.reason])).toEqual([
      ["src/loop.js", "link-loop"],
      ["src/shared.js", "link-outside-tree"],
      ["named.js", "link-outside-tree"],
      ["named.js", "no-files"],
    ]);
    expect(report.skipped[1]!.message).toContain("outside the tree being migrated: not followed");
    expect(await read(outside, "shared.js")).toEqual(Buffer.from(V0_GET));
    for (const link of ["src/shared.js", "src/loop.js", "named.js"]) expect((await lstat(path.join(dir, link))).isSymbolicLink()).toBe(true);
    expect(await read(dir, "src/own.js")).toEqual(Buffer.from(V1_GET));

    const text = await cliInProcess(dir, "--dry", "src");
    expect(text.stdout).toContain("Skipped (2):\n  src/loop.js: A symbolic link that loops: not followed.\n");
  });
});
