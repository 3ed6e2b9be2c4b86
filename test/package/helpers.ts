/** Packing the package and running npm in projects, for the package tests. */
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { CACHE_ROOT, cachedDir, DAY, hashTree, pruneUnused, sha256 } from "./cache.js";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { name: string; version: string };
/** npm installs from the registry: generous, for a busy machine. */
export const TIMEOUT = 300_000;

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const spawnOptions = (cwd: string) => ({
  cwd,
  encoding: "utf8" as const,
  // npm and npx are .cmd shims on Windows.
  shell: process.platform === "win32",
  // The parent `npm test` exports its own package's npm_* settings; the nested npm must
  // read the temp project's, not ours (`npm_package_json`, `npm_config_dry_run`…).
  env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|config_dry_run)/i.test(key))),
  maxBuffer: 64 * 1024 * 1024,
});

export function run(command: string, args: readonly string[], cwd: string): Run {
  const result = spawnSync(command, args, spawnOptions(cwd));
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs and requires exit code 0, showing the output when it is not. */
export function ok(command: string, args: readonly string[], cwd: string): Run {
  const result = run(command, args, cwd);
  expect(result.status, `${command} ${args.join(" ")} in ${cwd}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** `ok` without blocking the worker: several installs proceed at once. */
function okAsync(command: string, args: readonly string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(command, args, spawnOptions(cwd), (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else if (error) reject(new Error(`${command} ${args.join(" ")} in ${cwd} exited ${error.code}\n${stdout}\n${stderr}`));
      else resolve({ status: 0, stdout, stderr });
    });
  });
}

export interface Packed {
  readonly tarball: string;
  /** The files the tarball holds, as `npm pack --json` lists them. */
  readonly files: readonly string[];
}

/** What `npm pack` reads (a superset: `files` in package.json narrows it down). */
const PACKED_INPUTS = ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "dist", "docs"];
let packing: Promise<Packed & { entry: string }> | undefined;

/**
 * The package packed once per key, the hash of what `npm pack` reads and of the node and npm
 * running it: every package test file of a run shares the tarball, and the next run too while
 * nothing packed has changed (`npm run build` rewrites dist; a new build of the same sources
 * packs the same bytes).
 */
export function packed(): Promise<Packed & { entry: string }> {
  packing ??= (async () => {
    const entry = path.join(CACHE_ROOT, sha256(hashTree(repoRoot, PACKED_INPUTS), process.version, process.env.npm_config_user_agent ?? ""));
    pruneUnused(CACHE_ROOT, entry);
    await cachedDir(
      entry,
      async (tmp) => {
        const listed = JSON.parse((await okAsync("npm", ["pack", "--json", "--pack-destination", tmp], repoRoot)).stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
        const [first] = listed;
        if (!first) throw new Error("npm pack --json listed no package");
        writeFileSync(path.join(tmp, "packed.json"), JSON.stringify({ filename: first.filename, files: first.files.map((f) => f.path) }));
      },
      TIMEOUT,
    );
    const { filename, files } = JSON.parse(readFileSync(path.join(entry, "packed.json"), "utf8")) as { filename: string; files: string[] };
    return { entry, tarball: path.join(entry, filename), files };
  })();
  return packing;
}

export interface ProjectRecipe {
  /** package.json as written; without it, `npm init -y` writes one (CommonJS, as most projects are). */
  readonly manifest?: object;
  /** Files written before the installs, path → text. */
  readonly files?: Readonly<Record<string, string>>;
  /** The arguments of each `npm install`, run in this order (`--no-audit --no-fund --prefer-offline` added). */
  readonly installs: readonly (readonly string[])[];
}

/**
 * A project with the packed package installed by `recipe`, installed once per tarball, recipe
 * and UTC day (packages the recipe names by range may get new releases) and shared. Tests must
 * not change it: they write into `workDir(project)`, below which node and npm find its
 * node_modules. `afterInstall` runs after each install when the project is built.
 */
export async function installedProject(recipe: ProjectRecipe, afterInstall?: (dir: string, install: number) => void): Promise<string> {
  const { entry } = await packed();
  const day = new Date().toISOString().slice(0, 10);
  const dir = path.join(entry, "projects", sha256(JSON.stringify(recipe), day));
  // Another day's installs of every recipe; all of today's stay.
  pruneUnused(path.dirname(dir), dir, { kept: Infinity, unusedFor: DAY });
  return cachedDir(
    dir,
    async (tmp) => {
      if (recipe.manifest) writeFileSync(path.join(tmp, "package.json"), JSON.stringify(recipe.manifest, null, 2));
      else await okAsync("npm", ["init", "-y"], tmp);
      for (const [file, text] of Object.entries(recipe.files ?? {})) {
        mkdirSync(path.dirname(path.join(tmp, file)), { recursive: true });
        writeFileSync(path.join(tmp, file), text);
      }
      for (const [index, args] of recipe.installs.entries()) {
        await okAsync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...args], tmp);
        afterInstall?.(tmp, index);
      }
    },
    TIMEOUT,
  );
}

/** A fresh directory inside `project` for a test file's own files; the caller removes it. */
export const workDir = (project: string): string => mkdtempSync(path.join(project, "work-"));
