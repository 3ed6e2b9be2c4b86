/**
 * A reader that closes its end of the pipe early (`ddclient-migrate --dry | head -1`) ends the
 * printing only: no stack trace, the run's exit code, and every file and report file written.
 */
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, readText, tempTree, V0_GET, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

/** The bin with its stdout a pipe whose reader is gone before the bin prints. */
function runWithClosedStdout(cwd: string, ...args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, CI: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("stdout closed by its reader", () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it.each([
    ["a write run", ["src", "--json", "report.json"], 0],
    ["--dry", ["src", "--dry", "--json", "report.json"], 0],
    ["--report json", ["src", "--dry", "--report", "json", "--json", "report.json"], 0],
    ["check", ["check", "src", "--format", "json"], 3],
  ] as const)("%s: exits with the run's code, no stack trace, reports written", async (_name, args, code) => {
    const source = V0_GET.repeat(200);
    const tree = await tempTree({ "src/a.js": source });
    cleanup = tree.cleanup;
    const result = await runWithClosedStdout(tree.dir, ...args);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(result.code).toBe(code);
    if (args[0] === "check") return;
    const written = await readText(tree.dir, "src/a.js");
    expect(written).toBe((args as readonly string[]).includes("--dry") ? source : V1_GET.repeat(200));
    const report = JSON.parse(await readFile(path.join(tree.dir, "report.json"), "utf8")) as { summary: { files: { scanned: number } } };
    expect(report.summary.files.scanned).toBe(1);
  }, IO_TIMEOUT);
});
