/**
 * cliInProcess (helpers.ts), which most CLI tests use, prints, writes and exits as the bin does,
 * and gives the process back as it found it: its directory, environment, exit code and streams.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROKEN, cli, cliInProcess, readText, tempTree, V0_GET, V0_PIPE, V0_QUOTED, type CliResult } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

describe("the command line run in process", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempTree({ "src/a.js": V0_GET + V0_PIPE, "src/b.ts": V0_QUOTED, "src/broken.js": BROKEN, "src/plain.ts": "export {};\n" }));
  }, IO_TIMEOUT);
  afterAll(() => cleanup(), IO_TIMEOUT);

  it.each([
    [["--dry"]],
    [["--dry", "--report", "json"]],
    [["--check", "--report", "markdown", "src"]],
    [["check", "--format", "json"]],
    [["check", "--format", "sarif", "src"]],
    [["--dry", "--bogus"]],
    [["check", "--format", "xml"]],
    [["--dry", "no-such-dir"]],
  ])("gives the bin's exit code, stdout and stderr for %j", async (args) => {
    const byBin = cli(dir, ...args);
    const inProcess = await cliInProcess(dir, ...args);
    expect(inProcess).toEqual<CliResult>(byBin);
  });

  it("writes what the bin writes, and leaves the process's directory, environment, exit code and streams as they were", async () => {
    const state = () => ({
      cwd: process.cwd(),
      exitCode: process.exitCode,
      ci: process.env.CI,
      write: process.stdout.write,
      exit: process.exit,
      signalListeners: ["SIGINT", "SIGTERM"].map((signal) => process.listenerCount(signal)),
    });
    const before = state();
    const { dir: written, cleanup: remove } = await tempTree({ "a.js": V0_GET });
    try {
      const result = await cliInProcess(written, "--json", "out/report.json");
      expect(result.code).toBe(0);
      expect(JSON.parse(await readText(written, "out/report.json"))).toMatchObject({ mode: "write", exitCode: 0, summary: { files: { changed: 1 } } });
      expect(await readText(written, "a.js")).not.toBe(V0_GET);
    } finally {
      await remove();
    }
    expect(state()).toEqual(before);
  });
});
