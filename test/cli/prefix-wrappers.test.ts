/**
 * An exported wrapper that prefixes a fixed command (core/plan-prefix-wrapper), with callers in
 * other files: the CLI's project pre-pass rewrites them all, or reports the wrapper with them listed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { cliInProcess, jsonReport, readText, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.(), IO_TIMEOUT);

// Spawning the CLI twice on a loaded 2-core machine.
const CLI_TIMEOUT = 120_000;

const wrapperSource = [
  "export async function runTool(command: string) {",
  "  const result = await window.ddClient.backend!.execInVMExtension(",
  "    `/usr/bin/env tool ${command}`,",
  "  );",
  "  return result.stdout;",
  "}",
  "",
  'export const status = () => runTool("status --json");',
  "",
].join("\n");

describe("exported wrappers that prefix a fixed command", () => {
  it(
    "in a folder's index module: callers importing the folder are its callers, unless a file of the folder's name stands beside it",
    async () => {
      const index = "export const run = (sub: string) => window.ddClient.execHostCmd(`helm ${sub}`);\n";
      const caller = 'import { run } from "./tool";\nexport const list = () => run("repo list");\n';
      const tree = await tempTree({ "src/tool/index.ts": index, "src/app.ts": caller, "other/tool/index.ts": index, "other/tool.ts": "export const run = (sub: string) => sub;\n", "other/app.ts": caller });
      cleanup = tree.cleanup;
      const result = await cliInProcess(tree.dir, "src", "other", "--allow-dirty", "--report", "json");
      expect(result.code).toBe(0);
      expect(await readText(tree.dir, "src/tool/index.ts")).toBe("export const run = (sub: string[]) => window.ddClient.extension.host!.cli.exec(\"helm\", sub);\n");
      expect(await readText(tree.dir, "src/app.ts")).toBe('import { run } from "./tool";\nexport const list = () => run(["repo", "list"]);\n');
      // `./tool` is other/tool.ts: its call is no caller of other/tool/index.ts's wrapper.
      expect(await readText(tree.dir, "other/app.ts")).toBe(caller);
      expect(await readText(tree.dir, "other/tool/index.ts")).toBe('export const run = (sub: string) => window.ddClient.extension.host!.cli.exec("helm", [sub]);\n');
    },
    CLI_TIMEOUT,
  );

  it(
    "take an args array, with their callers in two other files rewritten, when every caller is static",
    async () => {
      const tree = await tempTree({
        "src/api/tool.ts": wrapperSource,
        "src/Connect.tsx": 'import { runTool } from "./api/tool";\n\nexport const connect = () => runTool(`up --accept-dns=false`);\n',
        "src/views/Logout.ts": 'import { runTool as tool } from "../api/tool.js";\n\nexport async function logout() {\n  await tool("logout");\n}\n',
      });
      cleanup = tree.cleanup;
      const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json");
      expect(result.code).toBe(0);
      expect(await readText(tree.dir, "src/api/tool.ts")).toBe(
        wrapperSource
          .replace("(command: string)", "(command: string[])")
          .replace("backend!.execInVMExtension(", "extension.vm!.cli.exec(")
          // The exec's argument stood on a line of its own: so does each new one.
          .replace("`/usr/bin/env tool ${command}`,", '"/usr/bin/env",\n    ["tool", ...command],')
          .replace('runTool("status --json")', 'runTool(["status", "--json"])'),
      );
      expect(await readText(tree.dir, "src/Connect.tsx")).toBe('import { runTool } from "./api/tool";\n\nexport const connect = () => runTool(["up", "--accept-dns=false"]);\n');
      expect(await readText(tree.dir, "src/views/Logout.ts")).toBe('import { runTool as tool } from "../api/tool.js";\n\nexport async function logout() {\n  await tool(["logout"]);\n}\n');
      const report = jsonReport(result);
      expect(report.summary.files).toMatchObject({ scanned: 3, changed: 3 });
      expect(report.findings.map((f) => [f.file, f.kind, f.review.map((r) => [r.reason, r.data.callers])])).toEqual([
        ["src/api/tool.ts", "migrated", [["wrapper-args-rewritten", "src/api/tool.ts:8:29, src/Connect.tsx:3:30, src/views/Logout.ts:4:9"]]],
      ]);
      // A second run finds nothing left to do.
      expect(jsonReport(await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json")).summary.files.changed).toBe(0);
    },
    CLI_TIMEOUT,
  );

  it(
    "are reported with their callers listed, and no file changed, when a caller in another file is not static",
    async () => {
      const files = {
        "src/api/tool.ts": wrapperSource,
        "src/Connect.ts": 'import { runTool } from "./api/tool";\n\nexport const connect = () => runTool("up --accept-dns=false");\n',
        "src/Any.ts": 'import { runTool } from "./api/tool";\n\nexport const any = (line: string) => runTool(line);\n',
      };
      const tree = await tempTree(files);
      cleanup = tree.cleanup;
      const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json");
      const findings = jsonReport(result).findings;
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ file: "src/api/tool.ts", kind: "manual", reason: "wrapper-command-line" });
      expect(findings[0]!.data.callers).toBe("src/api/tool.ts:8:29, src/Connect.ts:3:30, src/Any.ts:3:38 (dynamic-command-line)");
      for (const [name, text] of Object.entries(files)) expect(await readText(tree.dir, name)).toBe(text);
    },
    CLI_TIMEOUT,
  );

  it(
    "keep the parameter one argument, with no review, when every caller in the project passes one word",
    async () => {
      const tree = await tempTree({
        "src/api/tool.ts": "export const runTool = (command: string) => window.ddClient.execHostCmd(`tool ${command}`);\n",
        "src/Up.ts": 'import { runTool } from "./api/tool";\n\nexport const up = () => runTool("up");\n',
      });
      cleanup = tree.cleanup;
      const result = await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json");
      expect(await readText(tree.dir, "src/api/tool.ts")).toBe('export const runTool = (command: string) => window.ddClient.extension.host!.cli.exec("tool", [command]);\n');
      expect(await readText(tree.dir, "src/Up.ts")).toBe('import { runTool } from "./api/tool";\n\nexport const up = () => runTool("up");\n');
      expect(jsonReport(result).findings.map((f) => [f.kind, f.review])).toEqual([["migrated", []]]);
    },
    CLI_TIMEOUT,
  );
});
