/**
 * End to end on a project that types the client by hand (test/fixtures/projects/hand-typed-extension,
 * the shape of the real v0 UIs): `tsc --noEmit` (strict) passes before the CLI runs and after it,
 * with no edit by hand, the typing keeping the project's own result types; a second run changes
 * nothing. Where @docker/extension-api-client-types is installed but types a result the project
 * relied on as `Promise<unknown>`, the typing stays hand-written and the report says why.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliInProcess, jsonReport } from "./helpers.js";
import { projectTsc as tsc } from "../support/project-tsc.js";
import { IO_TIMEOUT } from "../support/timeouts.js";
import { readSourceTree } from "../support/read-source-tree.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PROJECT = path.join(ROOT, "test/fixtures/projects/hand-typed-extension");
const TYPES = path.join(ROOT, "node_modules/@docker/extension-api-client-types");
// Typechecks and runs the CLI several times: generous for a loaded 2-core CI machine.
const SLOW = 180_000;
const V1_ROOTS = new Set(["docker", "extension", "desktopUI", "host"]);

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
}, IO_TIMEOUT);

/** A copy outside any git repository; with `types`, the official types resolve from it. */
function copyProject(types: boolean): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ddclient-typing-"));
  copies.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  if (types) {
    mkdirSync(path.join(dir, "node_modules/@docker"), { recursive: true });
    symlinkSync(TYPES, path.join(dir, "node_modules/@docker/extension-api-client-types"), "dir");
  }
  return dir;
}

/** The hand-written members of the global, one line each, without their comments. */
function typingLines(dir: string): string[] {
  const text = readFileSync(path.join(dir, "src/globals.d.ts"), "utf8");
  return text
    .slice(text.indexOf("interface Window"))
    .split("\n")
    .map((line) => line.replace(/\/\/.*/, "").trimEnd())
    .filter((line) => line.trim());
}

describe("a project typing the client by hand", () => {
  it(
    "typechecks before and after the CLI migrates it, with the typing in v1 shape and the project's result types",
    async () => {
      const dir = copyProject(false);
      expect(tsc(dir)).toEqual([]);

      const first = jsonReport(await cliInProcess(dir, "src", "--report", "json"));
      expect(first.exitCode).toBe(0);
      expect(tsc(dir)).toEqual([]);
      const typing = first.findings.find((f) => f.member === "ddClient");
      expect(typing).toMatchObject({ file: "src/globals.d.ts", kind: "migrated" });

      const lines = typingLines(dir);
      // What was typed stays typed: the project's Container[] and ExecOutput results.
      expect(lines).toContain("      listContainers: () => Promise<Container[]>");
      expect(lines).toContain("          exec: (cmd: string, args: string[]) => Promise<ExecOutput>");
      expect(lines).toContain("        error: (message: string) => void");
      expect(lines).toContain("      openExternal: (url: string) => void");
      // v0 members nothing calls any more are gone; those still called (left for manual work) stay.
      const topLevel = lines.flatMap((line) => /^ {4}(\w+)\??:/.exec(line)?.[1] ?? []);
      const stillCalled = new Set(first.findings.filter((f) => f.kind === "manual").map((f) => f.member.split(".")[0]!));
      expect(topLevel.filter((name) => !V1_ROOTS.has(name))).toEqual([...stillCalled]);
      expect(lines.filter((line) => /^ {6}get:/.test(line))).toEqual([]);

      const migrated = readSourceTree(dir);
      const second = jsonReport(await cliInProcess(dir, "src", "--report", "json"));
      expect(second.summary.files.changed).toBe(0);
      expect(second.findings.filter((f) => f.kind === "migrated")).toEqual([]);
      expect(readSourceTree(dir)).toEqual(migrated);
    },
    SLOW,
  );

  it(
    "keeps the typing hand-written where the installed official types would weaken a result, and says so",
    async () => {
      // The same project as above, which typechecks before: only the package is added.
      const dir = copyProject(true);
      const report = jsonReport(await cliInProcess(dir, "src", "--report", "json"));
      expect(report.exitCode).toBe(0);
      expect(tsc(dir)).toEqual([]);
      const typing = report.findings.find((f) => f.member === "ddClient");
      expect(typing?.review.map((r) => [r.reason, r.data])).toEqual([["weaker-v1-result", { member: "listContainers", typed: "Promise<Container[]>" }]]);
      expect(typing?.review[0]?.message).toContain("@docker/extension-api-client-types");
      expect(typingLines(dir)).toContain("      listContainers: () => Promise<Container[]>");
    },
    SLOW,
  );
});

describe("a typing whose v0 members nothing calls any more (issue 17)", () => {
  // The calls were migrated by an earlier run, or by hand: only the typing still names execHostCmd.
  const TREE = {
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "es2020", lib: ["es2020", "dom"] }, include: ["src"] }),
    "src/globals.d.ts": [
      "interface Window {",
      "  ddClient: {",
      "    execHostCmd(command: string): Promise<{ stdout: string }>",
      "    extension: { host?: { cli: { exec(cmd: string, args: string[]): Promise<{ stdout: string }> } } }",
      "  }",
      "}",
      "",
    ].join("\n"),
    "src/app.ts": 'export const list = () => window.ddClient.extension.host?.cli.exec("ls", ["-l"]);\n',
  };

  it(
    "`check` and `--check` give the same verdict before and after a run, which migrates the typing",
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "ddclient-typing-uncalled-"));
      copies.push(dir);
      for (const [name, text] of Object.entries(TREE)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
      }
      expect(tsc(dir)).toEqual([]);
      const before = { check: (await cliInProcess(dir, "check", "src")).code, flag: (await cliInProcess(dir, "src", "--check")).code };
      expect(before).toEqual({ check: 3, flag: 3 });
      expect((await cliInProcess(dir, "check", "src")).stdout).toContain("Check failed: run `ddclient-migrate` over the project to migrate the 1 hand-written typing of the client, whose v0 members no call uses any more.");

      const run = jsonReport(await cliInProcess(dir, "src", "--report", "json"));
      expect(run.findings).toMatchObject([{ file: "src/globals.d.ts", kind: "migrated", member: "ddClient" }]);
      expect(readFileSync(path.join(dir, "src/globals.d.ts"), "utf8")).not.toContain("execHostCmd");
      expect(tsc(dir)).toEqual([]);
      expect({ check: (await cliInProcess(dir, "check", "src")).code, flag: (await cliInProcess(dir, "src", "--check")).code }).toEqual({ check: 0, flag: 0 });
    },
    SLOW,
  );
});
