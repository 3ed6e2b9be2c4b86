/**
 * Issue 17 (8): a directory the walk cannot read (a root-owned volume, mode 700, under a
 * normal user's tree; a tree too deep for its path) is listed under Skipped with the reason and
 * the run goes on; `--check` and `check` then fail, as for a named path that yields nothing. A
 * `.gitignore` that cannot be read leaves the directory it governs untouched, reported.
 * Another user is run through setpriv (test/cli/helpers `cliAsNobody`), so these need root.
 */
import { spawnSync } from "node:child_process";
import { chmod, chown, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CheckJsonReport } from "../../cli/check-report.js";
import { cliInProcess, cliAsNobody, jsonReport, put, readText, V0_GET, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** A tree owned by "nobody" but for `rootOnly`, which stays root's with `mode`. */
async function treeForNobody(files: Record<string, string>, rootOnly: Record<string, number>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ddclient-migrate-unreadable-"));
  for (const [name, text] of Object.entries(files)) await put(dir, name, text);
  const entries = ["", ...(await readdir(dir, { recursive: true }))];
  for (const entry of entries) await chown(path.join(dir, entry), NOBODY, NOBODY);
  for (const [name, mode] of Object.entries(rootOnly)) {
    await chown(path.join(dir, name), 0, 0);
    await chmod(path.join(dir, name), mode);
  }
  return dir;
}

describe.runIf(isRoot)("a directory the user may not read", { timeout: 120_000 }, () => {
  let dir = "";
  afterEach(() => void spawnSync("rm", ["-rf", dir]), IO_TIMEOUT);

  it("the migration lists it under Skipped, with the reason, and migrates the rest", async () => {
    dir = await treeForNobody({ "src/ok.js": V0_GET, "src/volume/a.js": V0_GET }, { "src/volume": 0o700 });
    const result = cliAsNobody(dir, "src", "--report", "json");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    expect(jsonReport(result).skipped).toEqual([{ path: "src/volume", reason: "unreadable-directory", message: expect.stringMatching(/^A directory that could not be read \(EACCES: permission denied, scandir '.*src\/volume'\)/) }]);
    expect(await readText(dir, "src/ok.js")).toBe(V1_GET);
    const text = cliAsNobody(dir, "src", "--dry");
    expect(text.stdout).toMatch(/Skipped \(1\):\n {2}src\/volume: A directory that could not be read \(EACCES/);
  });

  it("--check and check fail (exit 1) and say why", async () => {
    dir = await treeForNobody({ "src/ok.js": "export {};\n", "src/volume/a.js": V0_GET }, { "src/volume": 0o700 });
    const viaFlag = cliAsNobody(dir, "src", "--check");
    expect(viaFlag.code).toBe(1);
    expect(viaFlag.stdout).toContain("Check incomplete: a directory or a .gitignore could not be read");
    const viaCommand = cliAsNobody(dir, "check", "src");
    expect(viaCommand.stderr).not.toMatch(/\n\s+at /);
    expect(viaCommand.code).toBe(1);
    expect(viaCommand.stdout).toContain("src/volume: A directory that could not be read");
    expect(viaCommand.stdout).toContain("Check incomplete: a directory or a .gitignore could not be read");
    const json = JSON.parse(cliAsNobody(dir, "check", "src", "--format", "json").stdout) as CheckJsonReport;
    expect(json.summary.files).toMatchObject({ scanned: 1, unchecked: 1 });
  });

  it("a .gitignore it cannot read: the directory it governs is left untouched, reported", async () => {
    dir = await treeForNobody({ "src/ok.js": V0_GET, "src/gen/.gitignore": "*.js\n", "src/gen/a.js": V0_GET, "src/gen/deeper/b.js": V0_GET }, { "src/gen/.gitignore": 0o600 });
    const result = cliAsNobody(dir, "src", "--report", "json");
    expect(result.code).toBe(0);
    expect(jsonReport(result).skipped.map(({ path: p, reason }) => ({ path: p, reason }))).toEqual([{ path: "src/gen/.gitignore", reason: "unreadable-gitignore" }]);
    expect(await readText(dir, "src/gen/a.js")).toBe(V0_GET);
    expect(await readText(dir, "src/gen/deeper/b.js")).toBe(V0_GET);
    expect(await readText(dir, "src/ok.js")).toBe(V1_GET);
    expect(cliAsNobody(dir, "check", "src").code).toBe(1);
  });
});

describe("a tree deeper than a path may be long", { timeout: 120_000 }, () => {
  let dir = "";
  afterEach(() => void spawnSync("rm", ["-rf", dir]), IO_TIMEOUT);

  it("ENAMETOOLONG: the directory is skipped with the reason and the rest is migrated", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "ddclient-migrate-deep-"));
    await put(dir, "src/ok.js", V0_GET);
    // 300 levels of 17 characters pass PATH_MAX (4096): GNU mkdir -p makes them a level at a time,
    // and the shell's built-in cd walks down relative paths to write the file (one process, not 300).
    const levels = "d0123456789abcdef/".repeat(300);
    const made = spawnSync("bash", ["-ec", 'mkdir -p "src/$1"; cd src; for i in $(seq 300); do cd d0123456789abcdef; done; echo "$2" > deep.js', "_", levels, V0_GET], { cwd: dir });
    expect(made.status).toBe(0);
    const result = await cliInProcess(dir, "src", "--report", "json");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(0);
    expect(jsonReport(result).skipped).toEqual([expect.objectContaining({ reason: "unreadable-directory", message: expect.stringContaining("ENAMETOOLONG") })]);
    expect(await readText(dir, "src/ok.js")).toBe(V1_GET);
    expect((await cliInProcess(dir, "check", "src")).code).toBe(1);
  });
});
