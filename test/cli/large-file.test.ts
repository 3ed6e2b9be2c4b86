import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeBundle } from "../../bench/bundle.mjs";
import { cliInProcess, jsonReport } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

// A 5 MB development bundle, one file of ~100k lines (bench/bundle.mjs): no size limit applies,
// and the run must migrate it as it migrates small files. Minutes on a loaded machine at worst.
describe("a big generated file", { timeout: 600_000 }, () => {
  let dir: string;
  let bundle: ReturnType<typeof writeBundle>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "ddclient-migrate-bundle-"));
    bundle = writeBundle(dir, 5_000_000);
  }, 600_000);
  afterAll(() => rm(dir, { recursive: true, force: true }), IO_TIMEOUT);

  it("is migrated whole: a second look finds only the calls left for a person, and nothing more to migrate", async () => {
    expect(bundle.bytes).toBeGreaterThan(4_900_000);
    const original = await readFile(bundle.file, "utf8");
    const first = jsonReport(await cliInProcess(dir, "--report", "json", "main.js"));
    expect(first.exitCode).toBe(0);
    expect(first.summary.files).toEqual({ scanned: 1, changed: 1, unchanged: 0, failed: 0 });
    expect(first.summary.callSites.migrated).toBeGreaterThan(bundle.legacy);

    const migrated = await readFile(bundle.file, "utf8");
    expect(migrated).not.toBe(original);
    // Only calls changed: the module map around them is intact.
    expect(migrated.split(": function (module, exports, require) {\n").length - 1).toBe(bundle.modules);
    expect(migrated.endsWith('"main": function () {}\n});\n')).toBe(true);

    const again = jsonReport(await cliInProcess(dir, "--check", "--report", "json", "main.js"));
    expect(again.summary.files.failed).toBe(0);
    expect(again.summary.callSites.migrated).toBe(0);
    expect(again.summary.callSites.manual).toBe(first.summary.callSites.manual);
  });
});
