import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { corpusFile } from "../../bench/corpus.mjs";
import { mulberry32 } from "../../bench/prng.mjs";
import { cli, put, startCli, tempFilesBelow } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SEED = 0x5eed10;
const CASES = 6;
const SIGNALS = ["SIGINT", "SIGTERM", "SIGKILL"] as const;

/** A seeded tree of the benchmark's realistic modules, half of them using v0. */
function generatedTree(next: () => number): Map<string, string> {
  const files = new Map<string, string>();
  const first = Math.floor(next() * 100_000);
  const count = 60 + Math.floor(next() * 100);
  for (let i = 0; i < count; i++) {
    const file = corpusFile(first + i, 2);
    files.set(file.rel, file.source);
  }
  return files;
}

async function writeTree(files: ReadonlyMap<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ddclient-migrate-interrupted-"));
  for (const [name, text] of files) await put(dir, name, text);
  return dir;
}

function untilChanged(file: string, original: string, giveUp: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = (): void => (giveUp() || readFileSync(file, "utf8") !== original ? resolve() : void setImmediate(tick));
    tick();
  });
}

async function contents(dir: string, names: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of names) out.set(name, await readFile(path.join(dir, name), "utf8"));
  return out;
}

// Property: whenever a run is stopped (SIGINT, SIGTERM, or SIGKILL of the CLI itself), in one
// process or with workers, every file is either the original or its full migration, and no
// temporary file is left, at once for the signals the CLI handles, after the next run for -9.
describe("generated trees interrupted at random points", { timeout: 900_000 }, () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  }, IO_TIMEOUT);

  it(`every file is the original or the full migration (${CASES} seeded cases)`, async () => {
    const next = mulberry32(SEED);
    let caughtMidRun = 0;
    for (let n = 0; n < CASES; n++) {
      const files = generatedTree(next);
      const signal = SIGNALS[n % SIGNALS.length]!;
      const mode = next() < 0.5 ? ["--run-in-band"] : ["--cpus", "2", "--worker-threshold", "1"];
      const fraction = next();

      const reference = await writeTree(files);
      const interrupted = await writeTree(files);
      dirs.push(reference, interrupted);
      const started = performance.now();
      expect(cli(reference, ...mode).code).toBe(0);
      const fullRun = performance.now() - started;
      const migrated = await contents(reference, files.keys());

      // Half the cases pick a moment of the whole run, start-up included; the other half a moment
      // after the first file is written, where most of the writing happens.
      const firstToChange = [...files.keys()].sort().find((name) => migrated.get(name) !== files.get(name))!;
      const run = startCli(interrupted, ...mode);
      let exited = false;
      void run.done.then(() => (exited = true));
      if (n % 2 === 1) await untilChanged(path.join(interrupted, firstToChange), files.get(firstToChange)!, () => exited);
      await new Promise((resolve) => setTimeout(resolve, fraction * (n % 2 === 1 ? fullRun / 2 : fullRun)));
      run.child.kill(signal);
      const result = await run.done;

      const now = await contents(interrupted, files.keys());
      let changed = 0;
      for (const [name, original] of files) {
        const text = now.get(name)!;
        expect([original, migrated.get(name)], `${name} after ${signal} (case ${n})`).toContain(text);
        if (text !== original) changed++;
      }
      const toChange = [...files].filter(([name, original]) => migrated.get(name) !== original).length;
      if (changed > 0 && changed < toChange) caughtMidRun++;

      if (signal === "SIGKILL") {
        // Killed mid-write, the CLI could remove nothing; the next run does, and finishes the job.
        expect(cli(interrupted, ...mode).code).toBe(0);
        expect(await contents(interrupted, files.keys())).toEqual(migrated);
      } else if (result.signal === null) {
        expect([0, signal === "SIGINT" ? 130 : 143]).toContain(result.code);
      } else {
        // Outside the run the CLI has no handlers and the signal ends it as usual: before it
        // (loading) nothing was written yet; after it (printing the summary, cli/main.ts) all was.
        expect(result.signal).toBe(signal);
        expect([0, toChange], `files changed when ${signal} ended the process (case ${n})`).toContain(changed);
      }
      expect(await tempFilesBelow(interrupted)).toEqual([]);
    }
    console.info(`interrupted property: ${caughtMidRun} of ${CASES} runs were stopped with some but not all files written`);
  });
});
