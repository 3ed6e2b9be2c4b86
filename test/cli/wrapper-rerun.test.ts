/**
 * A run stopped between a project wrapper's module and its callers' files (transforms/project-wrappers):
 * the wrapper's module is written last, and a second run over callers that already pass args to
 * a wrapper still v0 reports the wrapper, never rewriting those calls again.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runMigration } from "../../cli/run.js";
import { cli, jsonReport, readText, tempTree } from "./helpers.js";
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

const files = (c: Case, pick: (pair: readonly [string, string], name: string) => string): Record<string, string> => ({
  "src/api/helm.ts": pick(c.wrapper, "wrapper"),
  "src/List.ts": pick(c.list, "list"),
  "src/Add.ts": pick(c.add, "add"),
});

describe.each(CASES)("a project wrapper of $name", (c) => {
  it(
    "is rewritten with its callers in one run (the state a stopped run is compared with)",
    async () => {
      const tree = await tempTree(files(c, ([before]) => before));
      cleanup = tree.cleanup;
      expect(cli(tree.dir, "src", "--allow-dirty").code).toBe(0);
      for (const [name, text] of Object.entries(files(c, ([, after]) => after))) expect(await readText(tree.dir, name)).toBe(text);
    },
    CLI_TIMEOUT,
  );

  // A stopped run leaves some callers new and the wrapper old: a second run must not rewrite them again.
  for (const migrated of [["list", "add"], ["list"]]) {
    it(
      `is reported, and no file changed, when the callers ${migrated.join(" and ")} already pass args and the wrapper is v0`,
      async () => {
        const half = files(c, ([before, after], name) => (migrated.includes(name) ? after : before));
        const tree = await tempTree(half);
        cleanup = tree.cleanup;
        const report = jsonReport(cli(tree.dir, "src", "--allow-dirty", "--report", "json"));
        expect(report.summary.files.changed).toBe(0);
        const wrapperFindings = report.findings.filter((f) => f.file === "src/api/helm.ts");
        expect(wrapperFindings).toHaveLength(1);
        expect(wrapperFindings[0]).toMatchObject({ kind: "manual", reason: "wrapper-command-line" });
        const listed = wrapperFindings[0]!.data.callers!;
        expect(listed).toMatch(/src\/List\.ts:3:\d+ \(args-already-passed\)/);
        expect(listed.includes("src/Add.ts:3:") && /src\/Add\.ts:3:\d+ \(args-already-passed\)/.test(listed)).toBe(migrated.includes("add"));
        for (const [name, text] of Object.entries(half)) expect(await readText(tree.dir, name)).toBe(text);
      },
      CLI_TIMEOUT,
    );
  }
});

describe("a run stopped between a wrapper's callers and its module", () => {
  it(
    "has written the callers' files and not the wrapper's, which a second run reports",
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

      const before = { list: written[0], add: written[1] };
      const report = jsonReport(cli(tree.dir, "src", "--allow-dirty", "--report", "json"));
      expect(report.findings.find((f) => f.file === "src/api/helm.ts")).toMatchObject({ kind: "manual", reason: "wrapper-command-line" });
      expect(await readText(tree.dir, "src/List.ts")).toBe(before.list);
      expect(await readText(tree.dir, "src/Add.ts")).toBe(before.add);
    },
    CLI_TIMEOUT,
  );
});
