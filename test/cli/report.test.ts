import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonReport } from "../../cli/report.js";
import { BROKEN, cliInProcess, jsonReport, tempTree, V0_GET, V0_PIPE, V0_QUOTED } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("JSON report", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let report: JsonReport;
  let stdoutReport: JsonReport;
  let code: number | null;
  let text: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempTree({
      "src/a.js": V0_GET + V0_PIPE,
      "src/b.ts": `// two calls\n${V0_GET}${V0_GET}`,
      "src/broken.js": BROKEN,
      "src/c.js": V0_QUOTED,
      "src/plain.ts": "export {};\n",
    }));
    // --report json on a dry run leaves the tree as it is for the second run.
    stdoutReport = jsonReport(await cliInProcess(dir, "--dry", "--report", "json"));
    const result = await cliInProcess(dir, "--json", "out/report.json");
    code = result.code;
    text = result.stdout;
    report = JSON.parse(await readFile(path.join(dir, "out/report.json"), "utf8")) as JsonReport;
  }, IO_TIMEOUT);
  afterAll(() => cleanup(), IO_TIMEOUT);

  it("has the documented top-level fields", () => {
    expect(Object.keys(report)).toEqual(["schemaVersion", "tool", "mode", "exitCode", "cwd", "workers", "refusedDirtyFiles", "notices", "summary", "files", "findings", "skipped", "interrupted"]);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe("ddclient-migrate");
    expect(report.mode).toBe("write");
    expect(report.exitCode).toBe(1);
    expect(code).toBe(1);
    expect(report.refusedDirtyFiles).toEqual([]);
    expect(report.notices).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.interrupted).toBeNull();
  });

  it("counts files and call sites", () => {
    expect(report.summary.files).toEqual({ scanned: 5, changed: 3, unchanged: 1, failed: 1 });
    expect(report.summary.callSites).toEqual({ migrated: 4, manual: 1, review: 1 });
    expect(report.summary.migratedByMember).toEqual({ "backend.get": 3, execHostCmd: 1 });
    expect(report.summary.manualByReason).toEqual({ "shell-operator": 1 });
  });

  it("lists changed and failed files with the parser error", () => {
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ["src/a.js", "changed"],
      ["src/b.ts", "changed"],
      ["src/broken.js", "failed"],
      ["src/c.js", "changed"],
    ]);
    const broken = report.files.find((f) => f.status === "failed");
    expect(broken?.error).toMatch(/\(?2:\d+\)?/);
    expect(report.files.every((f) => f.diff === null)).toBe(true);
  });

  it("lists each call site with file, line, column, member, reason and a sentence", () => {
    const manual = report.findings.filter((f) => f.kind === "manual");
    expect(manual).toEqual([
      expect.objectContaining({ file: "src/a.js", line: 2, column: 17, member: "execHostCmd", reason: "shell-operator", data: { operator: "|" } }),
    ]);
    expect(manual[0]?.message).toMatch(/^`execHostCmd` .*`\|`.*\.$/);
    const migrated = report.findings.filter((f) => f.kind === "migrated");
    expect(migrated.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(["src/a.js:1:17", "src/b.ts:2:17", "src/b.ts:3:17", "src/c.js:1:17"]);
    expect(migrated[0]).toMatchObject({ member: "backend.get", replacement: "extension.vm.service.get", reason: null, data: {}, review: [] });
    expect(migrated[3]?.review).toEqual([{ reason: "host-dependent-word", data: { word: '"a b"', emitted: "quoted" }, message: expect.stringMatching(/^The argument `"a b"` .*\.$/) }]);
  });

  it("states the same facts on stdout (--report json) as in the file, apart from the mode", () => {
    expect(stdoutReport.mode).toBe("dry");
    expect(stdoutReport.summary).toEqual(report.summary);
    expect(stdoutReport.findings).toEqual(report.findings);
  });

  it("prints the same facts as text alongside --json", () => {
    expect(text).toContain("Scanned 5 files: 3 changed, 1 unchanged, 1 failed.");
    expect(text).toMatch(/Call sites migrated \(4\):\n  backend\.get  3\n  execHostCmd  1\n/);
    expect(text).toContain(`Migrated, please review (1):\n  src/c.js:1:17  \`execHostCmd\`: ${report.findings.find((f) => f.file === "src/c.js")?.review[0]?.message}\n`);
    expect(text).toContain(`Left for you to migrate (1):\n  src/a.js:2:17  ${report.findings.find((f) => f.kind === "manual")?.message}\n`);
    expect(text).toContain(`Failed, left untouched (1):\n  src/broken.js: ${report.files.find((f) => f.status === "failed")?.error}\n`);
    expect(text).toContain("Wrote 3 files.");
  });
});
