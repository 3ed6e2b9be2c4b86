/**
 * The package tests' cache (cache.ts): an entry is built once however many files ask for it at
 * once, never seen half-built, rebuilt after a failed build or a builder that died, keyed by
 * content, and pruned without touching the entry in use.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachedDir, DAY, hashTree, pruneUnused } from "./cache.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const root = mkdtempSync(path.join(tmpdir(), "ddclient-migrate-cache-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }), IO_TIMEOUT);

/** The pid of a process that has exited. */
const deadPid = (): number => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);

describe("cachedDir", () => {
  it("builds an entry once for callers asking at the same time, each seeing it complete", async () => {
    const dir = path.join(root, "once");
    let builds = 0;
    const build = async (tmp: string): Promise<void> => {
      builds++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      writeFileSync(path.join(tmp, "done"), "yes");
    };
    const dirs = await Promise.all([cachedDir(dir, build, 10_000), cachedDir(dir, build, 10_000), cachedDir(dir, build, 10_000)]);
    expect(dirs).toEqual([dir, dir, dir]);
    expect(builds).toBe(1);
    expect(readFileSync(path.join(dir, "done"), "utf8")).toBe("yes");
    expect(readdirSync(root).filter((name) => name.startsWith("once"))).toEqual(["once"]);
  });

  it("leaves neither entry nor lock after a failed build, and builds again on the next call", async () => {
    const dir = path.join(root, "failing");
    await expect(cachedDir(dir, () => Promise.reject(new Error("registry down")), 10_000)).rejects.toThrow("registry down");
    expect(readdirSync(root).filter((name) => name.startsWith("failing"))).toEqual([]);
    await cachedDir(dir, async (tmp) => writeFileSync(path.join(tmp, "done"), "yes"), 10_000);
    expect(existsSync(path.join(dir, "done"))).toBe(true);
  });

  it("takes over the lock of a builder that died", async () => {
    const dir = path.join(root, "orphaned");
    mkdirSync(`${dir}.lock`);
    writeFileSync(path.join(`${dir}.lock`, "pid"), String(deadPid()));
    await cachedDir(dir, async (tmp) => writeFileSync(path.join(tmp, "done"), "yes"), 10_000);
    expect(existsSync(path.join(dir, "done"))).toBe(true);
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });
});

describe("hashTree", () => {
  it("changes with a file's content and with a new file, and not with the order files were written in", () => {
    const tree = path.join(root, "tree");
    mkdirSync(path.join(tree, "dist"), { recursive: true });
    writeFileSync(path.join(tree, "dist/a.js"), "a");
    writeFileSync(path.join(tree, "README.md"), "r");
    const first = hashTree(tree, ["README.md", "dist", "missing"]);
    expect(hashTree(tree, ["README.md", "dist", "missing"])).toBe(first);
    writeFileSync(path.join(tree, "dist/a.js"), "b");
    const changed = hashTree(tree, ["README.md", "dist"]);
    expect(changed).not.toBe(first);
    writeFileSync(path.join(tree, "dist/b.js"), "");
    expect(hashTree(tree, ["README.md", "dist"])).not.toBe(changed);
  });
});

describe("pruneUnused", () => {
  it("removes entries unused for days and beyond the two used last, and dead builders' directories, never the one in use", () => {
    const parent = path.join(root, "entries");
    const entry = (name: string, unusedForMs: number): string => {
      const dir = path.join(parent, name);
      mkdirSync(dir, { recursive: true });
      const at = new Date(Date.now() - unusedForMs);
      utimesSync(dir, at, at);
      return name;
    };
    entry("current", 10 * DAY);
    entry("recent", 60_000);
    entry("hours-ago", 3 * 3600_000);
    entry("yesterday", DAY);
    entry("last-week", 7 * DAY);
    entry(`building.tmp-${deadPid()}`, 0);
    entry(`building.tmp-${process.pid}`, 0);
    entry("current.lock", 10 * DAY);
    pruneUnused(parent, path.join(parent, "current"));
    expect(readdirSync(parent).sort()).toEqual([`building.tmp-${process.pid}`, "current", "current.lock", "hours-ago", "recent"]);
  });
});
