/**
 * Issue 17 (1): the CLI reports each call where it stands in the file as written (`--client
 * import`'s header and a spawn rewrite above it move it down), and a dry run where it would
 * stand, as its diff shows; `--check` where it stands now, since nothing is written.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cliInProcess, jsonReport, readText, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SOURCE = [
  'window.ddClient.backend.spawnInVMExtension("logs", ["-f"], (data, err) => {',
  "  console.log(data.stdout);",
  "});",
  'window.ddClient.execHostCmd("ps | grep x");',
  'window.ddClient.toastError("failed");',
  "",
].join("\n");

/** The line and column of each finding, and the text there. */
function placesIn(text: string, findings: readonly { line: number; column: number; member: string }[]): string[] {
  const lines = text.split("\n");
  return findings.map((f) => `${f.member} ${lines[f.line - 1]!.slice(f.column - 1, f.column - 1 + 20)}`);
}

describe("positions in the report", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempTree({ "src/a.ts": SOURCE, "package.json": '{"dependencies":{"@docker/extension-api-client":"*"}}' })), IO_TIMEOUT);
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("a written file: where each call now stands, after the header and the rewrites above it", async () => {
    const result = await cliInProcess(dir, "src", "--client", "import", "--report", "json");
    expect(result.code).toBe(0);
    const written = await readText(dir, "src/a.ts");
    expect(placesIn(written, jsonReport(result).findings)).toEqual(["backend.spawnInVMExtension extension.vm!.cli.ex", "execHostCmd execHostCmd(\"ps | gr", "toastError desktopUI.toast.erro"]);
  });

  it("a dry run: where each call would stand, as the diff shows; --check: where it stands now", async () => {
    const dry = jsonReport(await cliInProcess(dir, "src", "--client", "import", "--dry", "--report", "json"));
    const wouldBe = await (async () => {
      await cliInProcess(dir, "src", "--client", "import");
      return readText(dir, "src/a.ts");
    })();
    expect(placesIn(wouldBe, dry.findings)).toEqual(["backend.spawnInVMExtension extension.vm!.cli.ex", "execHostCmd execHostCmd(\"ps | gr", "toastError desktopUI.toast.erro"]);
    const check = jsonReport(await cliInProcess(dir, "src", "--check", "--report", "json"));
    expect(placesIn(await readText(dir, "src/a.ts"), check.findings)).toEqual(["execHostCmd execHostCmd(\"ps | gr"]);
  });

  it("the terminal report's file:line:column links open the call in the written file", async () => {
    const result = await cliInProcess(dir, "src", "--client", "import");
    const written = (await readText(dir, "src/a.ts")).split("\n");
    const link = /src\/a\.ts:(\d+):(\d+)/.exec(result.stdout + result.stderr);
    expect(link).not.toBeNull();
    expect(written[Number(link![1]) - 1]!.slice(Number(link![2]) - 1)).toMatch(/^execHostCmd\("ps \| grep x"\)/);
  });
});
