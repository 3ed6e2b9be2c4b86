/**
 * Which files each pass of a run reads and parses (the summary's `stats`): a tree that names
 * nothing is parsed 0 times, a file is parsed once unless a pre-pass must read it too, and
 * the callers of a wrapper are looked for only in files that name its module.
 */
import { afterEach, describe, expect, it } from "vitest";
import path from "node:path";
import { runCheck, runMigration } from "../../cli/index.js";
import { readText, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.(), IO_TIMEOUT);

const plain = (i: number): string => `import { useState } from "react";\nexport function Row${i}() {\n  const [open, setOpen] = useState(false);\n  return open ? "x" : setOpen;\n}\n`;
const CLIENT = 'import { createDockerDesktopClient } from "@docker/extension-api-client";\nexport const ddClient = createDockerDesktopClient();\n';
const SHELL = 'import { ddClient } from "./client";\n\nexport function run(cmd) {\n  return ddClient.execHostCmd(cmd);\n}\n';
const parsesOf = (parsed: Readonly<Record<string, number>> | undefined): number[] => Object.values(parsed ?? {});

describe("what each pass reads and parses", () => {
  it("parses no file of a tree that names no v0 member, in the migration and in check", async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`src/Row${i}.tsx`, plain(i)]));
    const tree = await tempTree(files);
    cleanup = tree.cleanup;
    const migration = await runMigration({ cwd: tree.dir, paths: ["src"], mode: "dry", runInBand: true });
    expect(migration.stats?.passes.precheck?.reads).toBe(12);
    expect(parsesOf(migration.stats?.parsed)).toEqual([]);
    const check = await runCheck({ cwd: tree.dir, paths: ["src"] });
    expect(check.stats?.passes.check?.reads).toBe(12);
    expect(parsesOf(check.stats?.parsed)).toEqual([]);
  }, IO_TIMEOUT);

  it("parses each file that may hold a v0 call once, and no other", async () => {
    const files: Record<string, string> = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/Row${i}.tsx`, plain(i)]));
    for (let i = 0; i < 4; i++) files[`src/Legacy${i}.js`] = `export const go${i} = () => window.ddClient.toastSuccess("${i}");\n`;
    const tree = await tempTree(files);
    cleanup = tree.cleanup;
    const summary = await runMigration({ cwd: tree.dir, paths: ["src"], mode: "dry", runInBand: true });
    expect(summary.counts.changed).toBe(4);
    expect(Object.keys(summary.stats?.parsed ?? {}).map((file) => path.basename(file)).sort()).toEqual(["Legacy0.js", "Legacy1.js", "Legacy2.js", "Legacy3.js"]);
    expect(Math.max(...parsesOf(summary.stats?.parsed))).toBe(1);
    expect(summary.stats?.passes.migrate).toEqual({ reads: 4, parses: 4 });
  }, IO_TIMEOUT);

  it("looks for a wrapper's callers only in files that name its module, and still rewrites them", async () => {
    const caller = 'import { run } from "./api/shell";\nexport const list = () => run("ls -l");\n';
    // Names `run` and says "shell", but imports no module of the tree: it cannot call the wrapper.
    const unrelated = 'import { run } from "runner";\nexport const shell = () => run("sh");\n';
    const tree = await tempTree({ "src/api/client.js": CLIENT, "src/api/shell.js": SHELL, "src/List.js": caller, "src/Other.js": unrelated, "src/Row.tsx": plain(0) });
    cleanup = tree.cleanup;
    const summary = await runMigration({ cwd: tree.dir, paths: ["src"], mode: "write", allowDirty: true, runInBand: true });
    expect(summary.exitCode).toBe(0);
    expect(await readText(tree.dir, "src/List.js")).toBe('import { run } from "./api/shell";\nexport const list = () => run("ls", ["-l"]);\n');
    expect(summary.stats?.passes.callers).toEqual({ reads: 1, parses: 1 });
    expect(summary.stats?.parsed[path.join(tree.dir, "src/Other.js")]).toBeUndefined();
  }, IO_TIMEOUT);

  it("parses a file that a pre-pass parsed once: the migration takes the pre-pass's program", async () => {
    // A client module and a wrapper's module that hold v0 calls themselves: read by the
    // client-module and wrapper pre-passes, then migrated.
    const client = `${CLIENT}export const ping = () => ddClient.toastSuccess("up");\n`;
    const caller = 'import { run } from "./shell";\nexport const list = () => run(someLine());\n';
    const tree = await tempTree({ "src/api/client.js": client, "src/api/shell.js": SHELL, "src/api/List.js": caller });
    cleanup = tree.cleanup;
    const summary = await runMigration({ cwd: tree.dir, paths: ["src"], mode: "dry", runInBand: true });
    expect(summary.files.map((file) => [path.basename(file.path), file.status])).toEqual([["List.js", "unchanged"], ["client.js", "changed"], ["shell.js", "unchanged"]]);
    // shell.js names "./client": the client-module pass reads it too, and the wrapper pass takes that program.
    expect(summary.stats?.passes["client-modules"]?.parses).toBe(2);
    expect(summary.stats?.passes.wrappers?.parses ?? 0).toBe(0);
    expect(summary.stats?.parsed).toEqual({ [path.join(tree.dir, "src/api/client.js")]: 1, [path.join(tree.dir, "src/api/shell.js")]: 1, [path.join(tree.dir, "src/api/List.js")]: 1 });
    expect(summary.stats?.passes.migrate).toEqual({ reads: 2, parses: 0 });
  }, IO_TIMEOUT);

  it("check parses a module that several linted files import once", async () => {
    const files: Record<string, string> = { "src/api/client.js": CLIENT, "src/api/shell.js": SHELL };
    for (let i = 0; i < 4; i++) files[`src/api/Use${i}.js`] = `import { ddClient } from "./client";\nimport { run } from "./shell";\nexport const go${i} = () => ddClient.toastSuccess(run("ls"));\n`;
    const tree = await tempTree(files);
    cleanup = tree.cleanup;
    const check = await runCheck({ cwd: tree.dir, paths: ["src"] });
    expect(check.findings.filter((f) => f.path.includes("Use")).length).toBeGreaterThanOrEqual(4);
    // client.js and shell.js, each parsed once for the four files that import them.
    expect(check.stats?.passes["check-imports"]?.parses).toBe(2);
  }, IO_TIMEOUT);
});
