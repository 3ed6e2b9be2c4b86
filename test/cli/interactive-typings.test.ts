/**
 * `--interactive` on a project that types the client by hand (test/fixtures/projects/hand-typed-extension):
 * whichever changes are left, the typing follows the calls accepted, so the project still
 * passes its own strict `tsc`; with every change left, no file changes at all.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runMigration } from "../../cli/run.js";
import { projectTsc as tsc } from "../support/project-tsc.js";
import { IO_TIMEOUT, SLOW_IO_TIMEOUT } from "../support/timeouts.js";
import { readSourceTree } from "../support/read-source-tree.js";

const PROJECT = path.resolve(import.meta.dirname, "../fixtures/projects/hand-typed-extension");

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })), IO_TIMEOUT);

function copyProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ddclient-interactive-typing-"));
  copies.push(dir);
  cpSync(PROJECT, dir, { recursive: true });
  return dir;
}

describe("--interactive's choices on a hand-typed project", () => {
  let names: string[] = [];
  const original = readSourceTree(PROJECT);
  const local = (name: string, dir: string): string => name.replace(PROJECT, dir);

  it(
    "asks about the calls, not the typing, and with every change left changes no file",
    async () => {
      const planned = await runMigration({ cwd: PROJECT, paths: ["src"], mode: "dry", changes: true, runInBand: true });
      names = planned.files.flatMap((file) => (file.changes ?? []).map((change) => change.name));
      expect(names.length).toBeGreaterThan(4);
      // The typing is not asked about: it follows the calls.
      expect(planned.files.find((file) => file.path.endsWith("globals.d.ts"))).toMatchObject({ status: "changed", changes: [] });
      const dir = copyProject();
      const left = await runMigration({ cwd: dir, paths: ["src"], mode: "write", skip: names.map((name) => local(name, dir)), runInBand: true });
      expect(left.counts.changed).toBe(0);
      expect(readSourceTree(dir)).toEqual(original);
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "asks about a typing alone when no call is left to migrate, as one change",
    async () => {
      const dir = copyProject();
      await runMigration({ cwd: dir, paths: ["src"], mode: "write", runInBand: true });
      // The calls migrated by an earlier run, the typing still v0.
      cpSync(path.join(PROJECT, "src/globals.d.ts"), path.join(dir, "src/globals.d.ts"));
      const planned = await runMigration({ cwd: dir, paths: ["src"], mode: "dry", changes: true, runInBand: true });
      const typing = path.join(dir, "src/globals.d.ts");
      expect(planned.files.flatMap((file) => (file.changes ?? []).map((change) => [change.name, change.member]))).toEqual([[typing, "ddClient"]]);
      const left = await runMigration({ cwd: dir, paths: ["src"], mode: "write", skip: [typing], runInBand: true });
      expect(left.counts.changed).toBe(0);
      expect(readFileSync(typing, "utf8")).toBe(original["globals.d.ts"]);
      expect(left.files.flatMap((file) => file.findings.map((finding) => (finding.kind === "manual" ? finding.reason : finding.kind)))).toEqual(["interactive-skipped"]);
    },
    SLOW_IO_TIMEOUT,
  );

  it(
    "typechecks with any one change left, and with only the first or the last made",
    async () => {
      expect(names.length).toBeGreaterThan(4);
      expect(tsc(PROJECT)).toEqual([]);
      const choices = [...names.map((name) => [name]), names.slice(1), names.slice(0, -1)];
      for (const skip of choices) {
        const dir = copyProject();
        await runMigration({ cwd: dir, paths: ["src"], mode: "write", skip: skip.map((name) => local(name, dir)), runInBand: true });
        expect({ skip, errors: tsc(dir) }).toEqual({ skip, errors: [] });
        // The typing changed with the calls accepted.
        expect(readSourceTree(dir)["globals.d.ts"]).not.toBe(original["globals.d.ts"]);
      }
    },
    SLOW_IO_TIMEOUT,
  );
});
