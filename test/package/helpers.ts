/** Packing the package and running npm in throwaway projects, for the package tests. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { name: string; version: string };
/** npm installs from the registry: generous, for a busy machine. */
export const TIMEOUT = 300_000;

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(command: string, args: readonly string[], cwd: string): Run {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    // npm and npx are .cmd shims on Windows.
    shell: process.platform === "win32",
    // The parent `npm test` exports its own package's npm_* settings; the nested npm must
    // read the temp project's, not ours (`npm_package_json`, `npm_config_dry_run`…).
    env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|config_dry_run)/i.test(key))),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and requires exit code 0, showing the output when it is not. */
export function ok(command: string, args: readonly string[], cwd: string): Run {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(" ")} in ${cwd}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** `npm pack` into `dir`: the tarball's path and the files it holds. */
export function pack(dir: string): { tarball: string; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const packed = JSON.parse(ok("npm", ["pack", "--json", "--pack-destination", dir], repoRoot).stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const [entry] = packed;
  if (!entry) throw new Error("npm pack --json listed no package");
  return { tarball: path.join(dir, entry.filename), files: entry.files.map((f) => f.path) };
}
