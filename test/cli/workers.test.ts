import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { JsonReport } from "../../cli/report.js";
import { BROKEN, cliInProcess, jsonReport, tempTree, V0_GET, V0_PIPE } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const FILES = Object.fromEntries([
  ...Array.from({ length: 24 }, (_, i) => [`src/m${String(i).padStart(2, "0")}.js`, i % 3 === 0 ? V0_GET + V0_PIPE : V0_GET]),
  ["src/broken.js", BROKEN],
  ["src/plain.js", "export {};\n"],
]);

async function runIn(...args: string[]): Promise<{ report: JsonReport; code: number | null; files: string[] }> {
  const tree = await tempTree(FILES);
  try {
    const result = await cliInProcess(tree.dir, "--report", "json", ...args);
    const files = await Promise.all(Object.keys(FILES).map((name) => readFile(path.join(tree.dir, name), "utf8")));
    return { report: jsonReport(result), code: result.code, files };
  } finally {
    await tree.cleanup();
  }
}

describe("worker processes", () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("give the same report and the same files as --run-in-band", async () => {
    const inBand = await runIn("--run-in-band");
    const workers = await runIn("--cpus", "2", "--worker-threshold", "1");
    expect(inBand.report.workers).toBe(0);
    expect(workers.report.workers).toBe(2);
    expect(workers.code).toBe(1);
    expect(workers.code).toBe(inBand.code);
    const { cwd: _a, workers: _b, ...inBandFacts } = inBand.report;
    const { cwd: _c, workers: _d, ...workerFacts } = workers.report;
    expect(workerFacts).toEqual(inBandFacts);
    expect(workerFacts.summary.files).toEqual({ scanned: 26, changed: 24, unchanged: 1, failed: 1 });
    expect(workers.files).toEqual(inBand.files);
  });

  it("stay in-process below the threshold", async () => {
    const small = await runIn("--cpus", "2");
    expect(small.report.workers).toBe(0);
  });

  it("give the same dry-run diff", async () => {
    const tree = await tempTree(FILES);
    cleanup = tree.cleanup;
    const inBand = await cliInProcess(tree.dir, "--dry", "--run-in-band");
    const workers = await cliInProcess(tree.dir, "--dry", "--cpus", "2", "--worker-threshold", "1");
    expect(workers.stdout).toBe(inBand.stdout);
    expect(workers.stdout).toContain("+++ b/src/m23.js");
  });
});
