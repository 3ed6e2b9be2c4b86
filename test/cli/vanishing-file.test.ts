import { existsSync, readdirSync } from "node:fs";
import { unlink } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { JsonReport } from "../../cli/report.js";
import { startCli, tempFilesBelow, tempTree, V0_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

// Big, so that writing (and syncing) its replacement lasts long enough to delete the original meanwhile.
const BIG = `${V0_GET}/* ${"x".repeat(4_000_000)} */\n`;

describe("a file deleted during the run", { timeout: 600_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("is never recreated by the write; it is reported as failed", async () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      await cleanup(); // the previous attempt's tree
      const tree = await tempTree({ "gen/big.js": BIG });
      cleanup = tree.cleanup;
      const file = path.join(tree.dir, "gen/big.js");
      const run = startCli(tree.dir, "--report", "json");
      let exited = false;
      void run.done.then(() => (exited = true));
      // Delete it while its replacement is being written: after the run read it, before the rename.
      let deleted = false;
      await new Promise<void>((resolve) => {
        const tick = (): void => {
          if (readdirSync(path.dirname(file)).some((name) => name.endsWith(".tmp"))) {
            void unlink(file).then(() => ((deleted = true), resolve()));
          } else if (exited) resolve();
          else setImmediate(tick);
        };
        tick();
      });
      const result = await run.done;
      if (!deleted) continue;
      console.info(`deleted mid-write on attempt ${attempt}`);
      expect(existsSync(file)).toBe(false);
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout) as JsonReport;
      expect(report.files).toEqual([{ path: "gen/big.js", status: "failed", error: "could not write: the file was deleted during the run; it was not recreated", diff: null }]);
      expect(await tempFilesBelow(tree.dir)).toEqual([]);
      return;
    }
    throw new Error("the file was never deleted while its replacement was written, in 8 attempts");
  });
});
