import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cli, tempTree, V0_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

describe("ddclient-migrate --help / --version / usage errors", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempTree({ "src/a.js": V0_GET })), IO_TIMEOUT);
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("--help lists the flags, examples and exit codes, and exits 0", () => {
    const result = cli(dir, "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: ddclient-migrate [options] [paths...]");
    for (const flag of ["--dry", "--check", "--json <file>", "--report <format>", "--extensions", "--ignore <glob>", "--allow-dirty", "--raw-args", "--cpus <n>", "--run-in-band"]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain("Examples:");
    expect(result.stdout).toContain("$ npx ddclient-migrate --dry");
    expect(result.stdout).toMatch(/Exit codes:[\s\S]*3\s+--check/);
    // Hidden: a testing and tuning knob.
    expect(result.stdout).not.toContain("--worker-threshold");
  });

  it("--version prints the version from package.json", () => {
    const result = cli(dir, "--version");
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it.each([
    [["--bogus"], /unknown option '--bogus'/],
    [["--cpus", "0"], /--cpus <n>.*invalid/],
    [["--cpus", "two"], /--cpus <n>.*invalid/],
    [["--report", "xml"], /--report <format>.*invalid/],
    [["no-such-dir"], /No such file or directory: no-such-dir/],
  ])("usage error %j exits 2 with a message", (args, message) => {
    const result = cli(dir, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
