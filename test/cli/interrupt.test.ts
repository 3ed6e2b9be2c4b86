import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { JsonReport } from "../../cli/report.js";
import { cli, put, read, startCli, tempFilesBelow, tempTree, V0_GET, V1_GET } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

/** Calls `probe` as often as the event loop allows until it returns a value, or `give up` says stop. */
function pollUntil<T>(probe: () => T | undefined, giveUp: () => boolean): Promise<T | undefined> {
  return new Promise((resolve) => {
    const tick = (): void => {
      const found = probe();
      if (found !== undefined || giveUp()) resolve(found);
      else setImmediate(tick);
    };
    tick();
  });
}

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `src/m${String(i).padStart(4, "0")}.js`);

/**
 * Runs the CLI over `count` files and sends `signal` once the first file is written, until a
 * run is caught with files left to do (the signal may land after the last file); returns that
 * run and how many attempts it took.
 */
async function interruptedRun(signal: NodeJS.Signals, count: number, ...args: string[]) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const tree = await tempTree(Object.fromEntries(names(count).map((name) => [name, V0_GET])));
    try {
      const run = startCli(tree.dir, "--report", "json", ...args);
      const first = path.join(tree.dir, names(count)[0]!);
      let exited = false;
      void run.done.then(() => (exited = true));
      await pollUntil(() => (readFileSync(first, "utf8") === V1_GET ? true : undefined), () => exited);
      run.child.kill(signal);
      const result = await run.done;
      const report = JSON.parse(result.stdout) as JsonReport;
      if (report.interrupted && report.interrupted.notProcessed.length > 0) return { tree, result, report, attempt };
    } catch (error) {
      await tree.cleanup();
      throw error;
    }
    await tree.cleanup();
  }
  throw new Error(`no run was still working when ${signal} arrived, in 5 attempts`);
}

async function expectEachFileWhole(dir: string, report: JsonReport, count: number): Promise<void> {
  const written = new Set(report.interrupted!.written);
  for (const name of names(count)) expect((await read(dir, name)).toString()).toBe(written.has(name) ? V1_GET : V0_GET);
  expect(await tempFilesBelow(dir)).toEqual([]);
}

describe("interrupted runs", { timeout: 600_000 }, () => {
  let cleanup: () => Promise<void> = async () => undefined;
  afterEach(() => cleanup(), IO_TIMEOUT);

  it("SIGINT in-process: stops handing out files, lists what was written, exits 130, leaves no temporary file", async () => {
    const { tree, result, report, attempt } = await interruptedRun("SIGINT", 400, "--run-in-band");
    cleanup = tree.cleanup;
    console.info(`SIGINT in-process: caught mid-run on attempt ${attempt}`);
    expect(result.code).toBe(130);
    expect(report.exitCode).toBe(130);
    expect(report.interrupted!.signal).toBe("SIGINT");
    expect(report.interrupted!.written.length).toBeGreaterThan(0);
    expect(report.interrupted!.written.length + report.interrupted!.notProcessed.length).toBe(400);
    expect(result.stderr).toContain("SIGINT: finishing the files in hand");
    await expectEachFileWhole(tree.dir, report, 400);
  });

  it("SIGTERM with workers: each worker stops after its file in hand; exits 143", async () => {
    const { tree, result, report, attempt } = await interruptedRun("SIGTERM", 400, "--cpus", "2", "--worker-threshold", "1");
    cleanup = tree.cleanup;
    console.info(`SIGTERM with workers: caught mid-run on attempt ${attempt}`);
    expect(result.code).toBe(143);
    expect(report.workers).toBe(2);
    expect(report.interrupted!.signal).toBe("SIGTERM");
    // No file is reported failed: unstarted files are not processed, not lost.
    expect(report.summary.files.failed).toBe(0);
    await expectEachFileWhole(tree.dir, report, 400);
  });

  it("the text summary names the files written before the interrupt", async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await cleanup(); // the previous attempt's tree
      const tree = await tempTree(Object.fromEntries(names(400).map((name) => [name, V0_GET])));
      cleanup = tree.cleanup;
      const run = startCli(tree.dir, "--run-in-band");
      let exited = false;
      void run.done.then(() => (exited = true));
      await pollUntil(() => (readFileSync(path.join(tree.dir, names(400)[0]!), "utf8") === V1_GET ? true : undefined), () => exited);
      run.child.kill("SIGINT");
      const { code, stdout } = await run.done;
      if (code !== 130) continue;
      expect(stdout).toMatch(/Written before the interrupt \(\d+\):\n  src\/m0000\.js\n/);
      expect(stdout).toMatch(/Interrupted by SIGINT: wrote \d+ files? \(listed above\); \d+ files? not processed, left as they were\.\n$/);
      return;
    }
    throw new Error("no run was caught mid-run in 5 attempts");
  });

  it("a worker killed with -9 mid-write: its parent removes the temporary file; the file is whole and reported", async () => {
    // Big files, so a write (and its fsync) lasts long enough to be caught.
    const filler = `/* ${"x".repeat(2_000_000)} */\n`;
    const count = 12;
    for (let attempt = 1; attempt <= 8; attempt++) {
      await cleanup(); // the previous attempt's tree
      const tree = await tempTree(Object.fromEntries(names(count).map((name) => [name, V0_GET + filler])));
      cleanup = tree.cleanup;
      const run = startCli(tree.dir, "--report", "json", "--cpus", "2", "--worker-threshold", "1");
      let exited = false;
      void run.done.then(() => (exited = true));
      const src = path.join(tree.dir, "src");
      const caught = await pollUntil(() => {
        for (const name of readdirSync(src)) {
          // The writer's pid, in the name of its temporary file (as tempFilesBelow knows them).
          const pid = Number(/[.-](\d+)[.-][0-9a-f]{8}\.tmp$/.exec(name)?.[1]);
          if (pid && pid !== run.child.pid) return { pid, temp: path.join(src, name) };
        }
        return undefined;
      }, () => exited);
      if (!caught) continue;
      process.kill(caught.pid, "SIGKILL");
      const leftBehind = existsSync(caught.temp);
      const result = await run.done;
      if (!leftBehind) continue;
      console.info(`worker -9: a temporary file outlived its worker on attempt ${attempt}`);
      expect(await tempFilesBelow(tree.dir)).toEqual([]);
      const report = JSON.parse(result.stdout) as JsonReport;
      const lost = report.files.filter((f) => f.status === "failed");
      expect(lost.length).toBeGreaterThan(0);
      for (const f of lost) expect(f.error).toMatch(/worker process exited \(SIGKILL\)/);
      for (const name of names(count)) expect([V0_GET + filler, V1_GET + filler]).toContain((await read(tree.dir, name)).toString());
      return;
    }
    throw new Error("no worker was killed while its temporary file existed, in 8 attempts");
  });

  it("a later write run removes the temporary files of a process that is gone, and keeps those of a live one", async () => {
    const tree = await tempTree({ "src/a.js": V0_GET });
    cleanup = tree.cleanup;
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const dead = `src/.a.js.ddclient-migrate-${gone}-0123abcd.tmp`;
    const live = `src/.a.js.ddclient-migrate-${process.pid}-89abcdef.tmp`;
    await put(tree.dir, dead, "half a file");
    await writeFile(path.join(tree.dir, live), "being written");

    const dry = cli(tree.dir, "--dry");
    expect(dry.stdout).toContain("1 temporary file(s) left by an interrupted earlier run");
    expect(existsSync(path.join(tree.dir, dead))).toBe(true);

    const write = cli(tree.dir);
    expect(write.code).toBe(0);
    expect(write.stdout).toContain(`Removed 1 temporary file(s) left by an interrupted earlier run: ${path.join(tree.dir, dead)}`);
    expect(existsSync(path.join(tree.dir, dead))).toBe(false);
    expect(existsSync(path.join(tree.dir, live))).toBe(true);
    expect(await read(tree.dir, "src/a.js")).toEqual(Buffer.from(V1_GET));
  });
});
