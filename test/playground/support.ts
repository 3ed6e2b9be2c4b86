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

/** `ddclient-migrate --dry` in a directory holding only the case's file: its stdout and its JSON report. */
export function cliDry(testCase: Case, flags: readonly string[]): { stdout: string; report: JsonReport } {
  const dir = caseDirectory(testCase);
  try {
    const args = [BIN, "--dry", "--run-in-band", "--json", path.join(dir, "..", `${path.basename(dir)}.json`), ...flags, testCase.file];
    const run = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" } });
    if (run.status !== 0) throw new Error(`ddclient-migrate --dry ${testCase.file} exited ${run.status}: ${run.stderr}`);
    const report = JSON.parse(readFileSync(`${dir}.json`, "utf8")) as JsonReport;
    return { stdout: run.stdout, report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.json`, { force: true });
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
