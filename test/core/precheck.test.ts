/** The text checks that decide which files are parsed at all (core/precheck). */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { mayContainV0Call, mayRunCommand } from "../../core/precheck.js";
import { findV0CallSite } from "../../engine/call-sites.js";
import { sweepV0Uses } from "../../engine/sweep.js";
import { parseEngineFile } from "../../transforms/parse.js";
import { listFixtures } from "../support/fixtures.js";

describe("mayContainV0Call", () => {
  it.each([
    'window.ddClient.execHostCmd("x")',
    "ddClient?.backend?.get(1)",
    "ddClient\n  .backend\n  .get()",
    'window["ddClient"]["backend"].get()',
    "const { backend } = window.ddClient;",
    "const {\n  execHostCmd: run,\n} = ddClient",
    "const { extension: { vm }, backend } = ddClient",
    "ddClient. /* a comment */ toastError(1)",
    "ddClient. // a comment\n  toastError(1)",
    "props.client.execHostCmd(x)",
    // Forms the closing sweep (engine/sweep) reports: a string or template key, a constant key, `in`, a defaulted pattern key.
    'const run = window.ddClient["execHostCmd"]',
    "window.ddClient[`toastError`]('x')",
    'const K = "execHostCmd";\nwindow.ddClient[K]("ls")',
    'if ("backend" in ddClient) {}',
    "const { toastError = () => {} } = ddClient",
    "const { execHostCmd /* v0 */ } = ddClient",
  ])("keeps %j", (text) => expect(mayContainV0Call(text)).toBe(true));

  it.each(['const backend = createApi(); backend.get("/x")', "function openExternal(url) {}", "// the backend is down", "listImages()"])("rules out %j", (text) =>
    expect(mayContainV0Call(text)).toBe(false),
  );

  // Asked of the engine itself, which the check would otherwise keep from ever seeing the file.
  it("keeps every script fixture in which the engine finds a v0 call", () => {
    let withCalls = 0;
    for (const fixture of listFixtures().filter((f) => /^[mc]?[jt]sx?$/.test(f.extension))) {
      const source = fs.readFileSync(fixture.inputPath, "utf8").replace(/^\uFEFF/, "");
      const file = parseEngineFile(source, fixture.inputPath);
      if (!file.index.calls.some((call) => findV0CallSite(call, file))) continue;
      withCalls++;
      expect(mayContainV0Call(source), fixture.name).toBe(true);
    }
    expect(withCalls).toBeGreaterThan(50);
  });

  // The sweep's uses too: a use in a file the precheck drops would go unreported.
  it("keeps every script fixture in which the closing sweep finds a use", () => {
    let withUses = 0;
    for (const fixture of listFixtures().filter((f) => /^[mc]?[jt]sx?$/.test(f.extension))) {
      const source = fs.readFileSync(fixture.inputPath, "utf8").replace(/^\uFEFF/, "");
      if (sweepV0Uses(parseEngineFile(source, fixture.inputPath)).length === 0) continue;
      withUses++;
      expect(mayContainV0Call(source), fixture.name).toBe(true);
    }
    expect(withUses).toBeGreaterThan(50);
  });

  it("stays linear on text full of unclosed comments after dots", () => {
    expect(mayContainV0Call("a./*".repeat(20_000))).toBe(false);
  });
});

describe("mayRunCommand", () => {
  it("also keeps v1 execs", () => {
    expect(mayRunCommand('ddClient.docker.cli.exec("ps", [])')).toBe(true);
    expect(mayRunCommand("const x = 1;")).toBe(false);
  });
});
