import { chmod, chown, stat } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, cliAsNobody, jsonReport, put, read, tempTree, V0_GET, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

describe("files the user may not write", { timeout: 120_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("a read-only file (0444) is reported as failed and left as it was, bytes and mode, even for root", async () => {
    const tree = await tempTree({ "src/ok.js": V0_GET });
    cleanup = tree.cleanup;
    await put(tree.dir, "src/locked.js", V0_GET, 0o444);
    const before = await stat(path.join(tree.dir, "src/locked.js"));
    const result = await cliInProcess(tree.dir, "--report", "json");
    expect(result.code).toBe(1);
    const locked = jsonReport(result).files.find((f) => f.path === "src/locked.js");
    expect(locked?.status).toBe("failed");
    expect(locked?.error).toContain("read-only");
    expect(await read(tree.dir, "src/locked.js")).toEqual(Buffer.from(V0_GET));
    const after = await stat(path.join(tree.dir, "src/locked.js"));
    expect({ mode: after.mode, ino: after.ino, uid: after.uid }).toEqual({ mode: before.mode, ino: before.ino, uid: before.uid });
    expect(await read(tree.dir, "src/ok.js")).toEqual(Buffer.from(V1_GET));
  });

  it("the rewritten file keeps its unusual mode (0640 under any umask)", async () => {
    const tree = await tempTree({});
    cleanup = tree.cleanup;
    await put(tree.dir, "a.js", V0_GET, 0o640);
    expect((await cliInProcess(tree.dir)).code).toBe(0);
    expect((await stat(path.join(tree.dir, "a.js"))).mode & 0o7777).toBe(0o640);
  });
});

// Files owned by another user can only be made (and another user impersonated) by root; the
// test machines run as root.
describe.runIf(isRoot)("files owned by another user (as root)", { timeout: 120_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("root migrating another user's file keeps its owner and group", async () => {
    const tree = await tempTree({ "a.js": V0_GET });
    cleanup = tree.cleanup;
    await chown(path.join(tree.dir, "a.js"), NOBODY, NOBODY);
    expect((await cliInProcess(tree.dir)).code).toBe(0);
    const after = await stat(path.join(tree.dir, "a.js"));
    expect({ uid: after.uid, gid: after.gid }).toEqual({ uid: NOBODY, gid: NOBODY });
    expect(await read(tree.dir, "a.js")).toEqual(Buffer.from(V1_GET));
  });

  it("a user who may write a file but could not keep its owner leaves it as it was, reported", async () => {
    const tree = await tempTree({ "shared.js": V0_GET });
    cleanup = tree.cleanup;
    // World-writable file and directory: "nobody" may write the file and create the temporary one.
    await chmod(tree.dir, 0o777);
    await chmod(path.join(tree.dir, "shared.js"), 0o666);
    const result = cliAsNobody(tree.dir, "--report", "json");
    expect(result.code).toBe(1);
    const shared = jsonReport(result).files.find((f) => f.path === "shared.js");
    expect(shared?.error).toMatch(/could not keep that owner/);
    const after = await stat(path.join(tree.dir, "shared.js"));
    expect({ uid: after.uid, mode: after.mode & 0o7777 }).toEqual({ uid: 0, mode: 0o666 });
    expect(await read(tree.dir, "shared.js")).toEqual(Buffer.from(V0_GET));
  });

  it("another user's read-only file is refused when run as an unprivileged user too", async () => {
    const tree = await tempTree({ "locked.js": V0_GET });
    cleanup = tree.cleanup;
    await chmod(tree.dir, 0o777);
    await chmod(path.join(tree.dir, "locked.js"), 0o644);
    const result = cliAsNobody(tree.dir, "--report", "json");
    expect(result.code).toBe(1);
    expect(jsonReport(result).files.find((f) => f.path === "locked.js")?.error).toContain("read-only");
    expect(await read(tree.dir, "locked.js")).toEqual(Buffer.from(V0_GET));
  });
});
