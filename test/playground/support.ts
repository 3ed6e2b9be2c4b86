/**
 * What the playground tests share: a fresh build of the page, its engine bundle run in a bare
 * VM context (no Node globals, as in a browser), the cases (every file of the bundled example
 * and a snippet of each other file kind), and the CLI's `--dry` on one such file alone.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { runCheck } from "../../cli/check.js";
import type { JsonReport } from "../../cli/report.js";
import type { PlaygroundInput, PlaygroundResult } from "../../playground/engine.js";
import { BIN } from "../cli/helpers.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const EXAMPLE = path.join(ROOT, "examples", "legacy-extension");

/** Builds the page into a new temporary directory (playground/build.mjs), returned with its remover. */
export function buildPlaygroundTo(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ddclient-playground-"));
  const built = spawnSync(process.execPath, [path.join(ROOT, "playground", "build.mjs"), dir], { cwd: ROOT, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`playground build failed: ${built.stderr}`);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type Engine = (input: PlaygroundInput) => PlaygroundResult;

/** engine.js evaluated where only the web's `URL` exists: a Node built-in left in the bundle fails here. */
export function loadEngineBundle(dir: string): Engine {
  const context = vm.createContext({ URL });
  vm.runInContext(readFileSync(path.join(dir, "engine.js"), "utf8"), context);
  const api = (context as { ddclientPlayground: { migrate: Engine } }).ddclientPlayground;
  // Results cross from the VM's realm: a JSON round trip makes them plain objects of this one.
  return (input) => JSON.parse(JSON.stringify(api.migrate(input))) as PlaygroundResult;
}

export interface Case {
  /** Relative to the project root, as the page names it: `src/App.tsx`. */
  readonly file: string;
  readonly source: string;
}

const SNIPPETS: readonly Case[] = [
  { file: "input.js", source: 'window.ddClient.execHostCmd("docker ps -a").then((r) => console.log(r.stdout));\nwindow.ddClient.toastError("failed | no");\n' },
  { file: "input.vue", source: '<template><button @click="go">Go</button></template>\n<script setup lang="ts">\nconst go = () => window.ddClient.navigateToContainers();\nwindow.ddClient.backend.get("/ping");\n</script>\n' },
  { file: "input.svelte", source: '<script>\n  window.ddClient.execDockerCmd("image", "ls").then((r) => r.parseJsonLines());\n</script>\n<h1>Images</h1>\n' },
  { file: "input.html", source: '<!doctype html>\n<script>\n  window.ddClient.host.openExternal("https://docs.docker.com");\n  window.ddClient.execHostCmd(`kubectl get pods -n ${ns}`);\n</script>\n' },
];

/** Every file of the bundled example, then one snippet of each other kind. */
export function playgroundCases(): Case[] {
  const src = path.join(EXAMPLE, "src");
  const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const examples = files.map((entry) => path.relative(EXAMPLE, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")).sort();
  return [...examples.map((file) => ({ file, source: readFileSync(path.join(EXAMPLE, file), "utf8") })), ...SNIPPETS];
}

export type Options = Pick<PlaygroundInput, "rawArgs" | "client" | "safeOnly">;

/** The option sets the page offers, each as the CLI spells it. */
export const OPTION_SETS: readonly { readonly options: Options; readonly flags: readonly string[] }[] = [
  { options: { rawArgs: false, client: "keep", safeOnly: false }, flags: [] },
  { options: { rawArgs: true, client: "import", safeOnly: false }, flags: ["--raw-args", "--client", "import"] },
  { options: { rawArgs: false, client: "keep", safeOnly: true }, flags: ["--safe-only"] },
];

/** A directory holding only the case's file. */
function caseDirectory(testCase: Case): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ddclient-playground-cli-"));
  mkdirSync(path.dirname(path.join(dir, testCase.file)), { recursive: true });
  writeFileSync(path.join(dir, testCase.file), testCase.source);
  return dir;
}

export interface CliDry {
  readonly stdout: string;
  readonly report: JsonReport;
}

const dryArgs = (dir: string, testCase: Case, flags: readonly string[]): string[] => ["--dry", "--run-in-band", "--json", `${dir}.json`, ...flags, testCase.file];

/** `ddclient-migrate --dry` in a directory holding only the case's file, as its own process: its stdout and its JSON report. */
export function cliDry(testCase: Case, flags: readonly string[]): CliDry {
  const dir = caseDirectory(testCase);
  try {
    const run = spawnSync(process.execPath, [BIN, ...dryArgs(dir, testCase, flags)], { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" } });
    if (run.status !== 0) throw new Error(`ddclient-migrate --dry ${testCase.file} exited ${run.status}: ${run.stderr}`);
    return { stdout: run.stdout, report: JSON.parse(readFileSync(`${dir}.json`, "utf8")) as JsonReport };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.json`, { force: true });
  }
}

/**
 * `cliDry` of every case under every flag set, in one Node process (./cli-batch.mjs) rather than
 * one each: `runs(case, flags)` gives a run's stdout and report. A process costs ~0.5 s of CPU,
 * and the page is compared with ~100 runs; a test compares the batch with `cliDry` too.
 */
export function cliDryAll(cases: readonly Case[], flagSets: readonly (readonly string[])[]): (testCase: Case, flags: readonly string[]) => CliDry {
  const jobs = flagSets.flatMap((flags) => cases.map((testCase) => ({ testCase, flags, dir: caseDirectory(testCase) })));
  const batch = mkdtempSync(path.join(os.tmpdir(), "ddclient-playground-batch-"));
  try {
    writeFileSync(path.join(batch, "jobs.json"), JSON.stringify(jobs.map(({ testCase, flags, dir }) => ({ cwd: dir, args: dryArgs(dir, testCase, flags) }))));
    const run = spawnSync(process.execPath, [path.join(import.meta.dirname, "cli-batch.mjs"), path.join(batch, "jobs.json"), path.join(batch, "results.json")], { encoding: "utf8", env: { ...process.env, CI: "1" } });
    if (run.status !== 0) throw new Error(`test/playground/cli-batch.mjs exited ${run.status}: ${run.stderr}`);
    const results = JSON.parse(readFileSync(path.join(batch, "results.json"), "utf8")) as { stdout: string; stderr: string; exitCode: number }[];
    const runs = new Map(
      jobs.map(({ testCase, flags, dir }, i) => {
        const result = results[i]!;
        if (result.exitCode !== 0) throw new Error(`ddclient-migrate --dry ${testCase.file} exited ${result.exitCode}: ${result.stderr}`);
        return [`${flags.join(" ")}\0${testCase.file}`, { stdout: result.stdout, report: JSON.parse(readFileSync(`${dir}.json`, "utf8")) as JsonReport }];
      }),
    );
    return (testCase, flags) => {
      const run = runs.get(`${flags.join(" ")}\0${testCase.file}`);
      if (!run) throw new Error(`No batched run of ${testCase.file} with [${flags.join(" ")}].`);
      return run;
    };
  } finally {
    rmSync(batch, { recursive: true, force: true });
    for (const { dir } of jobs) {
      rmSync(dir, { recursive: true, force: true });
      rmSync(`${dir}.json`, { force: true });
    }
  }
}

/** What `ddclient-migrate check` finds in the case's file alone, in the page's shape (cli/check-rules' RuleMessage). */
export async function checkFindings(testCase: Case): Promise<unknown[]> {
  const dir = caseDirectory(testCase);
  try {
    const summary = await runCheck({ cwd: dir, paths: [testCase.file] });
    return summary.findings.map(({ ruleId, messageId, message, line, column, endLine, endColumn, rewrite }) => ({ ruleId, messageId, message, line, column, endLine, endColumn, rewrite }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
