/**
 * A run stopped between a project wrapper's module and its callers' files (transforms/project-wrappers):
 * the wrapper's module is written last, and a second run over callers that already pass args to
 * a wrapper still v0 never rewrites those calls again: in TypeScript, where only the rewrite can
 * have written them, it finishes the migration (a single run's bytes); in JavaScript it reports
 * the wrapper and changes nothing.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runMigration } from "../../cli/run.js";
import { cliInProcess, jsonReport, readText, tempTree } from "./helpers.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.(), IO_TIMEOUT);

// Spawning the CLI twice on a loaded 2-core machine.
const CLI_TIMEOUT = 120_000;

const importRun = 'import { run } from "./api/helm";\n\n';

interface Case {
  readonly name: string;
  /** The wrapper's module and two callers, before and after one whole run. */
  readonly wrapper: readonly [before: string, after: string];
  readonly list: readonly [before: string, after: string];
  readonly add: readonly [before: string, after: string];
  /** A caller whose new shape would typecheck against the v0 wrapper too: not proof that a run wrote it. */
  readonly unproven?: string;
}

const CASES: readonly Case[] = [
  {
    name: "a whole command line",
    wrapper: [
      "export function run(cmd: string) {\n  return window.ddClient.execHostCmd(cmd);\n}\n",
      "export function run(cmd: string, args: string[]) {\n  return window.ddClient.extension.host!.cli.exec(cmd, args);\n}\n",
    ],
    list: [`${importRun}export const list = () => run("helm repo list");\n`, `${importRun}export const list = () => run("helm", ["repo", "list"]);\n`],
    add: [`${importRun}export const pods = () => run("kubectl get pods");\n`, `${importRun}export const pods = () => run("kubectl", ["get", "pods"]);\n`],
  },
  {
    name: "a whole command line, with another argument passed through",
    wrapper: [
      "export function run(cmd: string, label?: string) {\n  console.log(label);\n  return window.ddClient.execHostCmd(cmd);\n}\n",
      "export function run(cmd: string, args: string[], label?: string) {\n  console.log(label);\n  return window.ddClient.extension.host!.cli.exec(cmd, args);\n}\n",
    ],
    list: [`${importRun}export const list = () => run("helm repo list", "repos");\n`, `${importRun}export const list = () => run("helm", ["repo", "list"], "repos");\n`],
    add: [`${importRun}export const pods = () => run("kubectl get pods");\n`, `${importRun}export const pods = () => run("kubectl", ["get", "pods"]);\n`],
    // Two arguments, as many as the wrapper takes (the array would fail only `label`'s type, which is not checked).
    unproven: "add",
  },
  {
    name: "a fixed prefix of several words",
    wrapper: [
      "export const run = (sub: string) => window.ddClient.execHostCmd(`helm repo ${sub}`);\n",
      'export const run = (sub: string[]) => window.ddClient.extension.host!.cli.exec("helm", ["repo", ...sub]);\n',
    ],
    list: [`${importRun}export const list = () => run("list");\n`, `${importRun}export const list = () => run(["list"]);\n`],
    add: [`${importRun}export const add = () => run("add stable https://x");\n`, `${importRun}export const add = () => run(["add", "stable", "https://x"]);\n`],
  },
];

/** The same tree in JavaScript: no types, so a call's shape does not prove the rewrite wrote it. */
const toJs = (text: string): string => text.replace(/(\w+)\??: string(?:\[\])?/g, "$1").replace("host!.", "host.");

const files = (c: Case, pick: (pair: readonly [string, string], name: string) => string, ext = "ts"): Record<string, string> => {
  const text = (source: string): string => (ext === "ts" ? source : toJs(source));
  return {
    [`src/api/helm.${ext}`]: text(pick(c.wrapper, "wrapper")),
    [`src/List.${ext}`]: text(pick(c.list, "list")),
    [`src/Add.${ext}`]: text(pick(c.add, "add")),
  };
};

/** Finished only where every caller already passing args could not typecheck against the v0 wrapper. */
const finishes = (c: Case & { ext: string }, migrated: readonly string[]): boolean => c.ext === "ts" && !migrated.includes(c.unproven ?? "");

describe.each(CASES.flatMap((c) => ["ts", "js"].map((ext) => ({ ...c, ext }))))("a project wrapper of $name ($ext)", (c) => {
  it(
    "is rewritten with its callers in one run (the state a stopped run is compared with)",
    async () => {
      const tree = await tempTree(files(c, ([before]) => before, c.ext));
      cleanup = tree.cleanup;
      expect((await cliInProcess(tree.dir, "src", "--allow-dirty")).code).toBe(0);
      for (const [name, text] of Object.entries(files(c, ([, after]) => after, c.ext))) expect(await readText(tree.dir, name)).toBe(text);
    },
    CLI_TIMEOUT,
  );

  // A stopped run leaves some callers new and the wrapper old: a second run must not rewrite them again.
  for (const migrated of [["list", "add"], ["list"]]) {
    it(
      `is ${finishes(c, migrated) ? "finished" : "reported, and no file changed,"} when the callers ${migrated.join(" and ")} already pass args and the wrapper is v0`,
      async () => {
        const half = files(c, ([before, after], name) => (migrated.includes(name) ? after : before), c.ext);
        const tree = await tempTree(half);
        cleanup = tree.cleanup;
        const report = jsonReport(await cliInProcess(tree.dir, "src", "--allow-dirty", "--report", "json"));
        const wrapperFindings = report.findings.filter((f) => f.file === `src/api/helm.${c.ext}`);
        expect(wrapperFindings).toHaveLength(1);
        const listed = finishes(c, migrated) ? wrapperFindings[0]!.review[0]!.data.callers! : wrapperFindings[0]!.data.callers!;
        for (const name of ["list", "add"]) {
          const at = new RegExp(`src/${name === "list" ? "List" : "Add"}\\.${c.ext}:3:\\d+ \\(args-already-passed\\)`);
          expect(at.test(listed)).toBe(migrated.includes(name));
        }
        if (finishes(c, migrated)) {
          expect(wrapperFindings[0]).toMatchObject({ kind: "migrated" });
          for (const [name, text] of Object.entries(files(c, ([, after]) => after, c.ext))) expect(await readText(tree.dir, name)).toBe(text);
        } else {
          expect(report.summary.files.changed).toBe(0);
          expect(wrapperFindings[0]).toMatchObject({ kind: "manual", reason: "wrapper-command-line" });
          for (const [name, text] of Object.entries(half)) expect(await readText(tree.dir, name)).toBe(text);
        }
      },
      CLI_TIMEOUT,
    );
  }
});

describe("a run stopped between a wrapper's callers and its module", () => {
  it(
    "has written the callers' files and not the wrapper's, which a second run finishes",
    async () => {
      const c = CASES[0]!;
      const tree = await tempTree(files(c, ([before]) => before));
      cleanup = tree.cleanup;
      const controller = new AbortController();
      // Stopped as soon as the first file is done: the wrapper's module must not be among those written.
      const stopped = await runMigration({
        cwd: tree.dir,
        paths: ["src"],
        allowDirty: true,
        runInBand: true,
        gitignore: false,
        signal: controller.signal,
        onProgress: () => controller.abort("SIGINT"),
      });
      expect(stopped.interrupted?.notProcessed.map((file) => file.replace(/\\/g, "/"))).toContainEqual(expect.stringMatching(/src\/api\/helm\.ts$/));
      expect(await readText(tree.dir, "src/api/helm.ts")).toBe(c.wrapper[0]);
      const written = [await readText(tree.dir, "src/List.ts"), await readText(tree.dir, "src/Add.ts")];
      expect(written.some((text, i) => text === [c.list, c.add][i]![1])).toBe(true);

      // Only the rewrite can have written the callers in TypeScript: the second run finishes with one run's bytes.
      expect((await cliInProcess(tree.dir, "src", "--allow-dirty")).code).toBe(0);
      for (const [name, text] of Object.entries(files(c, ([, after]) => after))) expect(await readText(tree.dir, name)).toBe(text);
    },
    CLI_TIMEOUT,
  );
});
