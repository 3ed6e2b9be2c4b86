import { afterEach, describe, expect, it } from "vitest";
import { BROKEN, cli, jsonReport, read, readText, tempTree, V0_GET, V0_PIPE, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("exit codes", () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("0: migrates what it can, lists the rest, and exits 0", async () => {
    const tree = await tempTree({ "src/a.js": V0_GET + V0_PIPE });
    cleanup = tree.cleanup;
    const result = cli(tree.dir, "src");
    expect(result.code).toBe(0);
    expect(await readText(tree.dir, "src/a.js")).toBe(V1_GET + V0_PIPE);
    expect(result.stdout).toMatch(/Left for you to migrate \(1\):\n  src\/a\.js:2:17  `execHostCmd` .*`\|`/);
  });

  it("0: nothing to do", async () => {
    const tree = await tempTree({ "a.ts": "export const x = 1;\n" });
    cleanup = tree.cleanup;
    const result = cli(tree.dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Scanned 1 file: 0 changed, 1 unchanged, 0 failed.");
    expect(result.stdout).toContain("Nothing to write.");
  });

  it("1: a file that does not parse is reported with its parser error and left byte-for-byte; the others are migrated", async () => {
    const tree = await tempTree({ "src/broken.js": BROKEN, "src/good.js": V0_GET, "src/zz.js": V0_GET });
    cleanup = tree.cleanup;
    const result = cli(tree.dir, "--report", "json");
    expect(result.code).toBe(1);
    const report = jsonReport(result);
    expect(report.exitCode).toBe(1);
    const broken = report.files.find((f) => f.path === "src/broken.js");
    expect(broken?.status).toBe("failed");
    expect(broken?.error).toMatch(/2:\d+/);
    expect(await read(tree.dir, "src/broken.js")).toEqual(Buffer.from(BROKEN));
    expect(await readText(tree.dir, "src/good.js")).toBe(V1_GET);
    expect(await readText(tree.dir, "src/zz.js")).toBe(V1_GET);
  });

  it("1: a file that is not UTF-8 is reported and left byte-for-byte", async () => {
    const latin1 = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${V0_GET}`)]);
    const tree = await tempTree({ "a.js": latin1 });
    cleanup = tree.cleanup;
    const result = cli(tree.dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("a.js: not valid UTF-8");
    expect(await read(tree.dir, "a.js")).toEqual(latin1);
  });

  it("3: --check fails while a migratable call remains, and writes nothing", async () => {
    const tree = await tempTree({ "a.js": V0_GET });
    cleanup = tree.cleanup;
    const result = cli(tree.dir, "--check");
    expect(result.code).toBe(3);
    expect(result.stdout).toContain("Check failed: 1 call site still uses the v0 API.");
    expect(await readText(tree.dir, "a.js")).toBe(V0_GET);
  });

  it("3: --check fails while a call left for a person remains", async () => {
    const tree = await tempTree({ "a.js": V1_GET + V0_PIPE });
    cleanup = tree.cleanup;
    const result = cli(tree.dir, "--check", "--report", "json");
    expect(result.code).toBe(3);
    expect(jsonReport(result).summary.callSites).toEqual({ migrated: 0, manual: 1, review: 0 });
  });

  it("0: --check passes once everything is migrated", async () => {
    const tree = await tempTree({ "a.js": V0_GET });
    cleanup = tree.cleanup;
    expect(cli(tree.dir).code).toBe(0);
    const result = cli(tree.dir, "--check");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Check passed: no v0 call found.");
  });

  it("2: refuses to run on a path that does not exist", async () => {
    const tree = await tempTree({ "a.js": V0_GET });
    cleanup = tree.cleanup;
    const result = cli(tree.dir, "a.js", "missing/");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("No such file or directory: missing/");
    expect(await readText(tree.dir, "a.js")).toBe(V0_GET);
  });
});
