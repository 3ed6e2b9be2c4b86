/**
 * Issue 17 (6): what the messages say. Parse errors give 1-based columns like every other
 * position; a multi-word refusal lists only the values that hold several words; a value built
 * with quote characters says the quotes now reach the program; typings are not call sites; the
 * typing's message has a short first line and the declaration on a line of its own; `check`
 * on an empty directory says what `--check` says.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CheckJsonReport } from "../../cli/check-report.js";
import { describeFinding, describeReview } from "../../deprecations/messages.js";
import { migrateSource } from "../../transforms/migrate.js";
import { cliInProcess, jsonReport, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("codemod messages", () => {
  it("a parse error's column is 1-based, as every other position", () => {
    for (const [source, at] of [
      ["window.ddClient.toastError('x');\n\n\n)\n", "(4:1)"],
      ["let x = ; window.ddClient.toastError('x');\n", "(1:9)"],
      ["window.ddClient.toastError('x')\n  .then(() => {\n  ]);\n", "(3:3)"],
    ] as const) {
      const result = migrateSource(source, "a.ts");
      expect(result.status).toBe("failed");
      expect(result.status === "failed" && result.error).toMatch(new RegExp(`\\s${at.replace(/[()]/g, "\\$&")}$`));
    }
  });

  it("a refused interpolation lists only its values that hold several words", () => {
    const source = 'const hostPath = process.platform === "win32" ? "tailscale.exe" : process.platform === "darwin" ? "/Applications/Tailscale" : "/usr/bin/env tailscale";\nwindow.ddClient.execHostCmd(`${hostPath} status`);\n';
    const [finding] = migrateSource(source, "a.js").findings;
    expect(finding).toMatchObject({ kind: "manual", reason: "multi-word-value", data: { values: '"/usr/bin/env tailscale"' } });
    expect(describeFinding(finding!)).toContain('holds several shell words ("/usr/bin/env tailscale")');
  });

  it("a value built with quote characters: the note says the quotes now reach the program", () => {
    const quoted = migrateSource('export function ls(dir: string) {\n  const target = `"${dir}"`;\n  window.ddClient.execHostCmd(`ls ${target}`);\n}\n', "a.ts").findings[0]!;
    // The constant is read into the line (issue 16, section 4): its quotes stand around the
    // interpolation, one word kept quoted, and the note says a host that passes arguments through gets the quotes.
    expect(quoted.kind === "migrated" && quoted.review.map(describeReview)).toEqual([
      "The argument `\"${dir}\"` keeps its quoting: Docker Desktop's non-streamed exec reads it as one word, a host that passes arguments through (Podman Desktop) would pass the quotes.",
    ]);
    const plain = migrateSource("export function ls(dir: string) {\n  window.ddClient.execHostCmd(`ls ${dir}`);\n}\n", "a.ts").findings[0]!;
    expect(plain.kind === "migrated" && plain.review.map(describeReview)).toEqual(["`dir` is now one argument; the shell used to split its value at spaces."]);
  });

  it("the typing's message: a short first line, the declaration on a line of its own, and that eslint --fix cannot migrate it", () => {
    const [typing] = migrateSource("interface Window {\n  ddClient: { execHostCmd(command: string): Promise<{ stdout: string }> }\n}\n", "globals.d.ts").findings;
    const lines = describeFinding(typing!).split("\n");
    expect(lines[0]!.length).toBeLessThan(120);
    expect(lines).toContain('  interface Window { ddClient: import("@docker/extension-api-client-types").v1Hybrid.DockerDesktopClient }');
    expect(lines.join(" ")).toContain("`eslint --fix` cannot");
  });
});

describe("the summaries", { timeout: 120_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("count a migrated typing apart from the call sites, in --check and in check", async () => {
    const tree = await tempTree({
      "src/globals.d.ts": "interface Window {\n  ddClient: {\n    listContainers(): Promise<string[]>\n    execHostCmd(command: string): Promise<{ stdout: string }>\n  }\n}\n",
      "src/app.ts": 'export const list = () => window.ddClient.listContainers();\nexport const ps = () => window.ddClient.execHostCmd("ps | grep x");\n',
    });
    cleanup = tree.cleanup;
    const report = jsonReport(await cliInProcess(tree.dir, "src", "--check", "--report", "json"));
    expect(report.summary.callSites).toMatchObject({ migrated: 1, manual: 1 });
    expect(report.summary.migratedByMember).toEqual({ listContainers: 1 });
    expect(report.summary.typings).toEqual({ migrated: 1, manual: 0 });
    const text = (await cliInProcess(tree.dir, "src", "--check")).stdout;
    expect(text).toContain("Call sites would be migrated (1):\n  listContainers  1\n");
    expect(text).toContain("Hand-written typings of the client would be migrated (1):\n  src/globals.d.ts:2:3\n");
    expect(text).toContain("Check failed: 2 call sites (and 1 hand-written typing of the client) still use the v0 API.");
    const check = (await cliInProcess(tree.dir, "check", "src")).stdout;
    expect(check).toContain(
      "Check failed: run `ddclient-migrate` to migrate the 1 v0 call it can; fix the rest by hand; the hand-written typing of the client migrates on a run over the project once no call of its v0 members is left.",
    );
  });

  it("`check` on a directory that holds no file says what --check says", async () => {
    const tree = await tempTree({});
    cleanup = tree.cleanup;
    await mkdir(path.join(tree.dir, "empty"));
    const viaFlag = await cliInProcess(tree.dir, "empty", "--check");
    const viaCommand = await cliInProcess(tree.dir, "check", "empty");
    expect([viaFlag.code, viaCommand.code]).toEqual([1, 1]);
    const verdict = "Check incomplete: a path named on the command line held no file to scan (see Skipped).";
    expect(viaFlag.stdout).toContain(verdict);
    expect(viaCommand.stdout).toContain(verdict);
    expect(viaCommand.stdout).toContain("empty: No file to scan here: nothing is in it.");
    expect(viaCommand.stdout).not.toContain("could not be read or parsed");
    expect(viaCommand.stdout).toContain("0 problems in 0 of 0 files");
    const json = JSON.parse((await cliInProcess(tree.dir, "check", "empty", "--format", "json")).stdout) as CheckJsonReport;
    expect(json.summary.files).toMatchObject({ scanned: 0, failed: 0, unchecked: 1 });
  });
});
