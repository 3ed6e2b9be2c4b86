/**
 * `ddclient-migrate check`, the built bin in throwaway directories: text, JSON and SARIF
 * output, exit codes, and the same file selection as the codemod.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CheckJsonReport } from "../../cli/check-report.js";
import type { SarifLog } from "../../cli/sarif.js";
import { cli, cliInProcess, git, put, readText, tempTree, V0_GET, V1_GET, type CliResult } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
const EXAMPLE = path.resolve(import.meta.dirname, "../../examples/legacy-extension/src");

/** One of each: a v0 call (line 1), a v1 chained command (line 2), a v1 command line as the command (line 3). */
const PROBLEMS = 'window.ddClient.backend.get("/x");\nddClient.extension.host.cli.exec("ps aux | grep x", []);\nddClient.docker.cli.exec("ls -l", []);\n';
const V1_CLEAN = 'export async function ps() {\n  return ddClient.extension.host.cli.exec("ps", ["aux"]);\n}\n' + V1_GET;
const RULES = ["ddclient-migrate/no-deprecated-api", "ddclient-migrate/no-shell-operators", "ddclient-migrate/exec-args-array"];

const json = (result: CliResult): CheckJsonReport => JSON.parse(result.stdout) as CheckJsonReport;
const sarif = (text: string): SarifLog => JSON.parse(text) as SarifLog;

describe("ddclient-migrate check", () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  async function tree(files: Record<string, string>): Promise<string> {
    const created = await tempTree(files);
    cleanup = created.cleanup;
    return created.dir;
  }

  it("3: lists each problem as file:line:col, rule and message, then the counts per rule", async () => {
    const dir = await tree({ "src/a.js": PROBLEMS, "src/clean.ts": V1_CLEAN });
    const result = await cliInProcess(dir, "check");
    expect(result.code).toBe(3);
    expect(result.stdout.split("\n").slice(0, 3)).toEqual([
      "src/a.js:1:17  ddclient-migrate/no-deprecated-api  `backend.get` is deprecated. Use `extension.vm.service.get`.",
      expect.stringMatching(/^src\/a\.js:2:34  ddclient-migrate\/no-shell-operators  .*shell operator `\|`/),
      expect.stringMatching(/^src\/a\.js:3:26  ddclient-migrate\/exec-args-array  The command of `docker\.cli\.exec` holds several words/),
    ]);
    expect(result.stdout).toContain(
      "3 problems in 1 of 2 files: ddclient-migrate/no-deprecated-api 1, ddclient-migrate/no-shell-operators 1, ddclient-migrate/exec-args-array 1.\nCheck failed",
    );
    expect(result.stderr).toBe("");
  });

  it("0: a clean v1-only project passes", async () => {
    const dir = await tree({ "src/clean.ts": V1_CLEAN, "src/App.tsx": "export const App = () => <div>{String(1)}</div>;\n" });
    const result = await cliInProcess(dir, "check", "src");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("0 problems in 0 of 2 files: ddclient-migrate/no-deprecated-api 0, ddclient-migrate/no-shell-operators 0, ddclient-migrate/exec-args-array 0.\nCheck passed.\n");
  });

  it("knows the client by where it comes from: the compat layer's calls are migratable v0 calls, a project module's plain object no call at all", async () => {
    const dir = await tree({
      "src/offline.js": "export const offline = { execHostCmd: async (line) => line };\n",
      "src/a.js":
        'import { createCompatClient, withLegacyApi } from "ddclient-migrate/compat";\nimport { offline as ddClient } from "./offline";\n' +
        'const client = createCompatClient();\nvoid client.execHostCmd("ls -l");\nwithLegacyApi(window.ddClient).toastError("x");\nvoid ddClient.execHostCmd("ls -l");\n',
    });
    const result = await cliInProcess(dir, "check", "--format", "json");
    expect(json(result).findings.map((f) => `${f.line}:${f.column} ${f.messageId}`)).toEqual(["4:13 deprecated", "5:32 deprecated"]);
  });

  it("1: a file that does not parse is reported with line:column, and the other files are still checked", async () => {
    const dir = await tree({ "src/broken.ts": "exec(\nconst = ;\n", "src/a.js": V0_GET });
    const result = await cliInProcess(dir, "check");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Failed, not checked \(1\):\n {2}src\/broken\.ts: .*\(2:\d+\)/);
    expect(result.stdout).toContain("src/a.js:1:17  ddclient-migrate/no-deprecated-api");
    expect(result.stdout).toContain("Check incomplete");
    const report = json(await cliInProcess(dir, "check", "--format", "json"));
    expect(report.exitCode).toBe(1);
    expect(report.files).toContainEqual({ path: "src/broken.ts", status: "failed", error: expect.stringMatching(/\(2:\d+\)$/), note: null });
  });

  it.each([
    [["check", "--format", "xml"], /--format <format>.*invalid/],
    [["check", "no-such-dir"], /No such file or directory: no-such-dir/],
    [["check", "--bogus"], /unknown option '--bogus'/],
  ])("2: usage error %j", async (args, message) => {
    const dir = await tree({ "a.js": V0_GET });
    const result = cli(dir, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("--format json: the documented schema", async () => {
    const dir = await tree({ "src/a.js": PROBLEMS, "src/clean.ts": V1_CLEAN, "src/plain.ts": "export const x = 1;\n" });
    const result = await cliInProcess(dir, "check", "--format", "json");
    expect(result.code).toBe(3);
    const report = json(result);
    expect(Object.keys(report)).toEqual(["schemaVersion", "command", "tool", "exitCode", "cwd", "summary", "rules", "files", "findings"]);
    expect(report).toMatchObject({ schemaVersion: 1, command: "check", tool: { name: "ddclient-migrate", version: manifest.version }, exitCode: 3 });
    // plain.ts names neither a v0 member nor exec: the precheck clears it without linting.
    expect(report.summary).toEqual({
      files: { scanned: 3, linted: 2, withFindings: 1, failed: 0, skipped: 0, unchecked: 0 },
      incomplete: null,
      findings: 3,
      byRule: Object.fromEntries(RULES.map((id) => [id, 1])),
    });
    expect(report.rules.map((r) => [r.id, r.level])).toEqual([
      [RULES[0], "warning"],
      [RULES[1], "error"],
      [RULES[2], "error"],
    ]);
    expect(report.files).toEqual([{ path: "src/a.js", status: "found", error: null, note: null }]);
    expect(report.findings[0]).toEqual({
      file: "src/a.js",
      line: 1,
      column: 17,
      endLine: 1,
      endColumn: 24,
      ruleId: RULES[0],
      messageId: "deprecated",
      level: "warning",
      message: "`backend.get` is deprecated. Use `extension.vm.service.get`.",
      rewrite: "fix",
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}:1$/),
    });
  });

  describe("--format sarif", () => {
    it("is a SARIF 2.1.0 log: required fields, ruleIndex, 1-based regions, relative POSIX uris", async () => {
      const dir = await tree({ "src/deep er/a.js": PROBLEMS, "src/clean.ts": V1_CLEAN });
      const result = await cliInProcess(dir, "check", "--format", "sarif");
      expect(result.code).toBe(3);
      const log = sarif(result.stdout);
      expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
      expect(log.version).toBe("2.1.0");
      expect(log.runs).toHaveLength(1);
      const run = log.runs[0];
      const driver = run.tool.driver;
      expect(driver).toMatchObject({ name: "ddclient-migrate", version: manifest.version, informationUri: expect.stringMatching(/^https:\/\//) });
      expect(driver.rules.map((r) => r.id)).toEqual(RULES);
      for (const rule of driver.rules) {
        expect(rule.shortDescription.text).toMatch(/^(Disallow|Enforce|Require) /);
        expect(rule.fullDescription.text.length).toBeGreaterThan(0);
        expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id.split("/")[1]}\\.md$`));
        expect(["error", "warning"]).toContain(rule.defaultConfiguration.level);
      }
      expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toMatch(/^file:\/\/.*\/$/);
      expect(run.results).toHaveLength(3);
      for (const res of run.results) {
        expect(driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
        expect(res.level).toBe(driver.rules[res.ruleIndex]!.defaultConfiguration.level);
        expect(res.message.text.length).toBeGreaterThan(0);
        const { artifactLocation, region } = res.locations[0]!.physicalLocation;
        expect(artifactLocation).toEqual({ uri: "src/deep%20er/a.js", uriBaseId: "%SRCROOT%" });
        expect(region!.startLine).toBeGreaterThanOrEqual(1);
        expect(region!.startColumn).toBeGreaterThanOrEqual(1);
        expect(region!.endLine).toBeGreaterThanOrEqual(region!.startLine);
        if (region!.endLine === region!.startLine) expect(region!.endColumn).toBeGreaterThan(region!.startColumn);
      }
      expect(run.results.map((r) => r.locations[0]!.physicalLocation.region!.startLine)).toEqual([1, 2, 3]);
      expect(run.invocations[0]).toEqual({ executionSuccessful: true, toolExecutionNotifications: [] });
    });

    it("fingerprints are unique and stable across runs, and survive lines moving", async () => {
      const dir = await tree({ "a.js": V0_GET + V0_GET + PROBLEMS });
      const fingerprints = async (): Promise<string[]> => sarif((await cliInProcess(dir, "check", "--format", "sarif")).stdout).runs[0].results.map((r) => Object.values(r.partialFingerprints)[0]!);
      const first = await fingerprints();
      expect(first).toHaveLength(5);
      expect(new Set(first).size).toBe(5);
      expect(await fingerprints()).toEqual(first);
      await put(dir, "a.js", "// a comment above\n\n" + V0_GET + V0_GET + PROBLEMS);
      expect(await fingerprints()).toEqual(first);
    });

    it("uris are relative to the repository root when run in a subdirectory, and --output writes the file", async () => {
      const dir = await tree({ "ui/src/a.js": V0_GET });
      git(dir, "init", "-q");
      const result = await cliInProcess(path.join(dir, "ui"), "check", "--format", "sarif", "--output", "out/ddclient.sarif");
      expect(result.code).toBe(3);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("Report written to out/ddclient.sarif.");
      const run = sarif(await readText(dir, "ui/out/ddclient.sarif")).runs[0];
      expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: "ui/src/a.js", uriBaseId: "%SRCROOT%" });
      expect(run.originalUriBaseIds["%SRCROOT%"]!.uri.endsWith(`${path.basename(dir)}/`)).toBe(true);
    });

    it("a failed file is an error notification and the run is not successful", async () => {
      const dir = await tree({ "broken.js": "exec(\nconst = ;\n" });
      const run = sarif((await cliInProcess(dir, "check", "--format", "sarif")).stdout).runs[0];
      expect(run.invocations[0]!.executionSuccessful).toBe(false);
      expect(run.invocations[0]!.toolExecutionNotifications[0]).toMatchObject({ level: "error", locations: [{ physicalLocation: { artifactLocation: { uri: "broken.js" } } }] });
    });
  });

  it("walks the tree as the codemod does: .gitignore, --ignore, node_modules and build output", async () => {
    const dir = await tree({
      ".gitignore": "generated/\n",
      "src/a.js": V0_GET,
      "generated/b.js": V0_GET,
      "src/a.test.js": V0_GET,
      "node_modules/pkg/index.js": V0_GET,
      "dist/c.js": V0_GET,
    });
    git(dir, "init", "-q");
    const report = json(await cliInProcess(dir, "check", "--format", "json", "--ignore", "*.test.js"));
    expect(report.findings.map((f) => f.file)).toEqual(["src/a.js"]);
    expect(report.summary.files.scanned).toBe(1);
  });

  it("checks Vue, Svelte and HTML files through the codemod: their v0 calls, worded as the rule words them", async () => {
    const vue = '<template><p>x</p></template>\n<script setup lang="ts">\nwindow.ddClient.backend.get("/x");\nddClient.extension.host.cli.exec("ps aux | grep x", []);\n</script>\n';
    const dir = await tree({
      "src/App.vue": vue,
      "src/Page.svelte": "<script>\n  window.ddClient.toastError('x');\n</script>\n",
      "src/index.html": '<button onclick="window.ddClient.openExternal(&quot;https://x&quot;)">b</button>\n',
      "src/a.js": V0_GET,
      "src/notes.txt": V0_GET,
    });
    const result = await cliInProcess(dir, "check", "--extensions", "js,vue,svelte,html,txt");
    expect(result.code).toBe(3);
    const message = "`backend.get` is deprecated. Use `extension.vm.service.get`.";
    expect(result.stdout).toContain(`src/App.vue:3:17  ddclient-migrate/no-deprecated-api  ${message}`);
    expect(result.stdout).toContain(`src/a.js:1:17  ddclient-migrate/no-deprecated-api  ${message}`);
    expect(result.stdout).toMatch(/src\/Page\.svelte:2:19  ddclient-migrate\/no-deprecated-api  `toastError`/);
    expect(result.stdout).toMatch(/src\/index\.html:1:18  ddclient-migrate\/no-deprecated-api  `openExternal`/);
    // The codemod looks at v0 calls only: the v1 chained command in the component is not found.
    expect(result.stdout).not.toContain("src/App.vue:4:");
    expect(result.stdout).toMatch(/Skipped \(1\):\n {2}src\/notes\.txt: not checked: \.txt is not JavaScript or TypeScript/);
  });

  it("1: a component whose script does not parse fails the check", async () => {
    const dir = await tree({ "App.vue": '<script>\nwindow.ddClient.backend.get("/x");\nconst = ;\n</script>\n' });
    const result = await cliInProcess(dir, "check", "App.vue");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Failed, not checked \(1\):\n {2}App\.vue: .*\(\d+:\d+\)/);
  });

  it("honours eslint-disable comments for its rules, as ESLint does, and no other inline eslint comment", async () => {
    const dir = await tree({ "a.js": "/* eslint-env browser */\n// eslint-disable-next-line ddclient-migrate/no-deprecated-api -- kept on purpose\n" + V0_GET + V0_GET });
    const result = await cliInProcess(dir, "check");
    expect(result.code).toBe(3);
    expect(result.stdout).not.toContain("a.js:3:");
    expect(result.stdout).toContain("a.js:4:17  ddclient-migrate/no-deprecated-api");
    expect(result.stderr).toBe("");
  });

  it("--help shows the formats, a GitHub Actions step uploading SARIF, and the exit codes", async () => {
    const dir = await tree({});
    const result = cli(dir, "check", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: ddclient-migrate check [options] [paths...]");
    expect(result.stdout).toContain('choices: "text", "json", "sarif"');
    expect(result.stdout).toContain("uses: github/codeql-action/upload-sarif@");
    expect(result.stdout).toMatch(/Exit codes:[\s\S]*3\s+something was found/);
    expect(cli(dir, "--help").stdout).toMatch(/Commands:\n\s+check \[options\] \[paths\.\.\.\]/);
  });

  it("finds the example extension's v0 calls and parses every file", async () => {
    const report = json(await cliInProcess(EXAMPLE, "check", "--format", "json"));
    expect(report.exitCode).toBe(3);
    expect(report.summary.files.failed).toBe(0);
    expect(report.summary.byRule["ddclient-migrate/no-deprecated-api"]).toBeGreaterThan(0);
  });
});
