/**
 * The one transform path the package exposes (`ddclient-migrate/transform`) runs in
 * jscodeshift's own worker processes, in both of its modes, and writes the CLI's bytes.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IO_TIMEOUT } from "../support/timeouts.js";

const root = path.resolve(import.meta.dirname, "../..");
const jscodeshift = path.join(root, "node_modules/jscodeshift/bin/jscodeshift.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-migrate-jscodeshift-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }), IO_TIMEOUT);

function run(transform: string, extra: string[]): string {
  const file = path.join(dir, `${path.basename(transform)}-${extra.length}.ts`);
  fs.writeFileSync(file, 'export const v = () => window.ddClient.execHostCmd("docker version");\n');
  execFileSync(process.execPath, [jscodeshift, "-t", path.join(root, "dist/transforms", transform), "--silent", ...extra, file], { stdio: "pipe" });
  return fs.readFileSync(file, "utf8");
}

describe("jscodeshift runner", () => {
  const expected = 'export const v = () => window.ddClient.extension.host!.cli.exec("docker", ["version"]);\n';

  it("runs the CommonJS entry with jscodeshift's default @babel/register", () => {
    expect(run("jscodeshift.cjs", [])).toBe(expected);
  });

  it("runs the same entry with --no-babel", () => {
    expect(run("jscodeshift.cjs", ["--no-babel"])).toBe(expected);
  });

  it("is the only transform path the package exports", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    const transforms = Object.entries(manifest.exports).filter(([, target]) => JSON.stringify(target).includes("/transforms/"));
    expect(transforms).toEqual([["./transform", "./dist/transforms/jscodeshift.cjs"]]);
  });
});
