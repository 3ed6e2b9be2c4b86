import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliInProcess, git, jsonReport, readText, tempTree, V0_GET, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("uncommitted changes", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempTree({ "src/a.js": V0_GET, "src/b.js": V0_GET, "src/plain.js": "export {};\n" }));
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "init");
  }, IO_TIMEOUT);
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("migrates a clean tree", async () => {
    expect((await cliInProcess(dir, "src")).code).toBe(0);
    expect(await readText(dir, "src/a.js")).toBe(V1_GET);
  });

  it("refuses (exit 2) when a file to migrate has uncommitted changes, naming it and writing nothing", async () => {
    const edited = `// work in progress\n${V0_GET}`;
    await writeFile(path.join(dir, "src/a.js"), edited);
    const result = await cliInProcess(dir, "src");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Refusing to write: 1 file to migrate has uncommitted changes:\n  src/a.js\n");
    expect(result.stderr).toContain("--allow-dirty");
    expect(await readText(dir, "src/a.js")).toBe(edited);
    // Nothing at all is written, not even the clean file.
    expect(await readText(dir, "src/b.js")).toBe(V0_GET);
  });

  it("counts staged and untracked files as uncommitted, and reports them in JSON", async () => {
    await writeFile(path.join(dir, "src/new.js"), V0_GET);
    await writeFile(path.join(dir, "src/b.js"), `${V0_GET}${V0_GET}`);
    git(dir, "add", "src/b.js");
    const result = await cliInProcess(dir, "--report", "json");
    expect(result.code).toBe(2);
    expect(jsonReport(result).refusedDirtyFiles).toEqual(["src/b.js", "src/new.js"]);
  });

  it("ignores uncommitted changes in files it would not touch", async () => {
    await writeFile(path.join(dir, "src/plain.js"), "export const changed = 1;\n");
    expect((await cliInProcess(dir, "src")).code).toBe(0);
    expect(await readText(dir, "src/a.js")).toBe(V1_GET);
  });

  it("proceeds with --allow-dirty", async () => {
    await writeFile(path.join(dir, "src/a.js"), `// wip\n${V0_GET}`);
    const result = await cliInProcess(dir, "src", "--allow-dirty");
    expect(result.code).toBe(0);
    expect(await readText(dir, "src/a.js")).toBe(`// wip\n${V1_GET}`);
  });

  it("checks the repository of the target, not of the current directory", async () => {
    await writeFile(path.join(dir, "src/a.js"), `// wip\n${V0_GET}`);
    const outside = await tempTree({});
    try {
      const result = await cliInProcess(outside.dir, path.join(dir, "src"));
      expect(result.code).toBe(2);
      expect(await readText(dir, "src/a.js")).toBe(`// wip\n${V0_GET}`);
    } finally {
      await outside.cleanup();
    }
  });

  it("runs again over the files it wrote: a dirty file the run would leave is not protected (issue 17)", async () => {
    // A call the tool leaves (a pipe) next to one it migrates: after the first run the file is dirty and holds only the left call.
    const left = 'window.ddClient.execHostCmd("ps | grep x");\n';
    await writeFile(path.join(dir, "src/a.js"), `${left}${V0_GET}`);
    git(dir, "commit", "-q", "-am", "a pipe");
    expect((await cliInProcess(dir, "src")).code).toBe(0);
    expect(await readText(dir, "src/a.js")).toBe(`${left}${V1_GET}`);
    const second = await cliInProcess(dir, "src", "--report", "json");
    expect(second.stderr).not.toContain("Refusing");
    expect(second.code).toBe(0);
    const report = jsonReport(second);
    expect(report.findings.filter((f) => f.file === "src/a.js").map((f) => f.kind)).toEqual(["manual"]);
    expect(await readText(dir, "src/a.js")).toBe(`${left}${V1_GET}`);
  });

  it("still refuses a dirty file the run would change, naming only it", async () => {
    // b.js was written by a first run; a.js is then edited by hand and still holds a v0 call.
    expect((await cliInProcess(dir, "src/b.js")).code).toBe(0);
    await writeFile(path.join(dir, "src/a.js"), `// wip\n${V0_GET}`);
    const result = await cliInProcess(dir, "src", "--report", "json");
    expect(result.code).toBe(2);
    expect(jsonReport(result).refusedDirtyFiles).toEqual(["src/a.js"]);
    expect(await readText(dir, "src/a.js")).toBe(`// wip\n${V0_GET}`);
  });

  it("--check never refuses", async () => {
    await writeFile(path.join(dir, "src/a.js"), `// wip\n${V0_GET}`);
    expect((await cliInProcess(dir, "--check")).code).toBe(3);
  });
});
