/**
 * A directory built once and shared: by the package test files of one run (each in its own
 * worker), and by the next local run while its key holds. An entry appears by one rename of a
 * directory built beside it, so it is complete whenever it exists; a lock directory holding
 * the builder's pid makes the others wait instead of building it again, and a lock whose
 * process is gone is taken over.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Outside the repository, whose node_modules may be shared; each key has its own entry. */
export const CACHE_ROOT = process.env.DDCM_TEST_CACHE ?? path.join(tmpdir(), "ddclient-migrate-test-cache");
export const DAY = 24 * 3600 * 1000;
/** Entries left unused this long are removed by the next run. */
const UNUSED_FOR = 3 * DAY;
/** Besides the one in use, this many of the entries used last are kept; the others once unused for IN_USE_FOR. */
const KEPT = 2;
const IN_USE_FOR = 3600 * 1000;
const POLL_MS = 250;

export const sha256 = (...parts: readonly (string | Buffer)[]): string => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 24);
};

/** Every file below `roots` (files or directories) by path and content: a key that moves with any of them. */
export function hashTree(base: string, roots: readonly string[]): string {
  const hash = createHash("sha256");
  const visit = (rel: string): void => {
    const full = path.join(base, rel);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) visit(path.join(rel, name));
      return;
    }
    hash.update(rel).update("\0").update(readFileSync(full)).update("\0");
  };
  for (const root of roots) visit(root);
  return hash.digest("hex").slice(0, 24);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * `dir`, built by `build(tmp)` into a sibling directory first unless it exists; `build` runs in
 * at most one process at a time per `dir`. The entry's time is refreshed, so pruning keeps it.
 */
export async function cachedDir(dir: string, build: (tmp: string) => Promise<void>, timeoutMs: number): Promise<string> {
  mkdirSync(path.dirname(dir), { recursive: true });
  const lock = `${dir}.lock`;
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(dir)) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readOrEmpty(path.join(lock, "pid")));
      // A lock without its pid yet is being taken right now; one whose process died is stale.
      if (owner > 0 && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${lock} (pid ${owner})`);
      else await sleep(POLL_MS);
      continue;
    }
    try {
      writeFileSync(path.join(lock, "pid"), String(process.pid));
      if (existsSync(dir)) break;
      const tmp = `${dir}.tmp-${process.pid}`;
      rmSync(tmp, { recursive: true, force: true });
      mkdirSync(tmp);
      try {
        await build(tmp);
        renameSync(tmp, dir);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  const now = new Date();
  utimesSync(dir, now, now);
  return dir;
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/**
 * Removes the entries under `parent` (some 300 MB each) not used for days, and beyond the few
 * used last those not used for an hour (none a run in progress could still need); and the
 * builds of dead processes. Never `keep`. `kept` and `unusedFor` change those bounds.
 */
export function pruneUnused(parent: string, keep: string, { kept = KEPT, unusedFor: maxUnused = UNUSED_FOR } = {}): void {
  if (!existsSync(parent)) return;
  const entries: { entry: string; unusedFor: number }[] = [];
  for (const name of readdirSync(parent)) {
    const entry = path.join(parent, name);
    if (entry === keep || name.endsWith(".lock")) continue;
    // A build's directory is removed by its builder, unless that process died.
    const builder = /\.tmp-(\d+)$/.exec(name)?.[1];
    if (builder !== undefined) {
      if (!alive(Number(builder))) rmSync(entry, { recursive: true, force: true });
      continue;
    }
    entries.push({ entry, unusedFor: Date.now() - statSync(entry).mtimeMs });
  }
  entries.sort((a, b) => a.unusedFor - b.unusedFor);
  entries.forEach(({ entry, unusedFor }, index) => {
    if (unusedFor > maxUnused || (index >= kept && unusedFor > IN_USE_FOR)) rmSync(entry, { recursive: true, force: true });
  });
}
