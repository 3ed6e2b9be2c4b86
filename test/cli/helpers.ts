/**
 * Run the built `ddclient-migrate` bin in throwaway directories. The tests exercise
 * dist/bin/ddclient-migrate.js, as users do (`npm test` builds first).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { JsonReport } from "../../cli/report.js";

export const BIN = fileURLToPath(new URL("../../dist/bin/ddclient-migrate.js", import.meta.url));
if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before these tests.`);

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// CI set: no progress line, as in a CI log.
const CLI_ENV = { ...process.env, CI: "1", GIT_CONFIG_NOSYSTEM: "1" };

export function cli(cwd: string, ...args: string[]): CliResult {
  return cliThrough([], cwd, ...args);
}

/** The bin run by another user (uid and gid 65534, "nobody") through setpriv: possible only as root. */
export function cliAsNobody(cwd: string, ...args: string[]): CliResult {
  return cliThrough(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"], cwd, ...args);
}

function cliThrough(prefix: readonly string[], cwd: string, ...args: string[]): CliResult {
  const [command, ...rest] = [...prefix, process.execPath, BIN, ...args];
  const result = spawnSync(command!, rest, { cwd, encoding: "utf8", env: CLI_ENV });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bin started without waiting, for tests that act on it mid-run; `done` settles when it exits. */
export function startCli(cwd: string, ...args: string[]): { child: ChildProcess; done: Promise<CliResult & { signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: CLI_ENV, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Every temporary file of an atomic write below `dir` (ours: `.<name>.ddclient-migrate-<pid>-<hex>.tmp`; older: `.<name>.<pid>.<hex>.tmp`). */
export async function tempFilesBelow(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  return names.filter((name) => /(?:^|\/)\..+[.-]\d+[.-][0-9a-f]{8}\.tmp$/.test(name));
}

export function jsonReport(result: CliResult): JsonReport {
  return JSON.parse(result.stdout) as JsonReport;
}

/** A temporary directory with `files` (path → text or bytes); removed by the returned `cleanup`. */
export async function tempTree(files: Readonly<Record<string, string | Uint8Array>>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "ddclient-migrate-cli-"));
  for (const [name, content] of Object.entries(files)) await put(dir, name, content);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function put(dir: string, name: string, content: string | Uint8Array, mode?: number): Promise<void> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  if (mode !== undefined) await chmod(file, mode);
}

export function read(dir: string, name: string): Promise<Buffer> {
  return readFile(path.join(dir, name));
}

export function readText(dir: string, name: string): Promise<string> {
  return readFile(path.join(dir, name), "utf8");
}

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** v0 inputs and what the codemod makes of them. */
export const V0_GET = 'window.ddClient.backend.get("/x");\n';
export const V1_GET = 'window.ddClient.extension.vm.service.get("/x");\n';
export const V0_PIPE = 'window.ddClient.execHostCmd("ls | wc");\n';
/** Migrated with a review note: the quoted word keeps its quotes unless --raw-args. */
export const V0_QUOTED = 'window.ddClient.execHostCmd("kubectl get -o \\"a b\\"");\n';
export const V1_QUOTED = `window.ddClient.extension.host.cli.exec("kubectl", ["get", "-o", '"a b"']);\n`;
export const V1_QUOTED_RAW = 'window.ddClient.extension.host.cli.exec("kubectl", ["get", "-o", "a b"]);\n';
export const BROKEN = 'window.ddClient.backend.get("/x");\nconst = ;\n';

const PROGRAM = new URL("../../dist/bin/program.js", import.meta.url).href;
/** What the bin's process sets besides its arguments: the directory, the CLI environment, the streams it writes. */
const PROCESS_ENV = ["CI", "GIT_CONFIG_NOSYSTEM"] as const;
let inProcessQueue: Promise<unknown> = Promise.resolve();

/** `process.exit` called by the command line in this process: its code, and nothing exits. */
class ExitCalled extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

/**
 * The bin's command line run in this process: the same commander declaration
 * (dist/bin/program.js) and the same commands, without starting node, whose start-up and cold
 * parser cost ~0.5 s of CPU a launch. For tests of what a run reports, prints or writes; tests
 * of the process itself (its exit on a signal or a usage error, a terminal, another user) run
 * the bin with `cli`. Runs one at a time: a run owns the process's directory and streams.
 */
export function cliInProcess(cwd: string, ...args: string[]): Promise<CliResult> {
  const result = inProcessQueue.then(() => runInProcess(cwd, args));
  inProcessQueue = result.catch(() => undefined);
  return result;
}

async function runInProcess(cwd: string, args: readonly string[]): Promise<CliResult> {
  const { createProgram } = (await import(PROGRAM)) as typeof import("../../bin/program.js");
  const output = { stdout: "", stderr: "" };
  const saved = {
    cwd: process.cwd(),
    exitCode: process.exitCode,
    exit: process.exit,
    env: PROCESS_ENV.map((name) => [name, process.env[name]] as const),
    writes: { stdout: process.stdout.write, stderr: process.stderr.write },
    tty: { stdout: Object.getOwnPropertyDescriptor(process.stdout, "isTTY"), stderr: Object.getOwnPropertyDescriptor(process.stderr, "isTTY") },
  };
  const capture = (name: "stdout" | "stderr") =>
    function write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      output[name] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const callback = rest.find((arg): arg is () => void => typeof arg === "function");
      if (callback) queueMicrotask(callback);
      return true;
    } as typeof process.stdout.write;
  let code: number;
  try {
    process.chdir(cwd);
    process.exitCode = undefined;
    for (const [name, value] of Object.entries(CLI_ENV)) if (PROCESS_ENV.includes(name as (typeof PROCESS_ENV)[number])) process.env[name] = value;
    process.exit = ((exitCode?: number) => {
      throw new ExitCalled(exitCode ?? 0);
    }) as typeof process.exit;
    for (const name of ["stdout", "stderr"] as const) {
      // As through spawnSync's pipes: no terminal, so no colour and no progress line.
      Object.defineProperty(process[name], "isTTY", { value: undefined, configurable: true, writable: true });
      process[name].write = capture(name);
    }
    try {
      await createProgram().parseAsync([...args], { from: "user" });
      code = typeof process.exitCode === "number" ? process.exitCode : 0;
    } catch (error) {
      if (!(error instanceof ExitCalled)) throw error;
      code = error.code;
    }
  } finally {
    for (const name of ["stdout", "stderr"] as const) {
      process[name].write = saved.writes[name];
      const tty = saved.tty[name];
      if (tty) Object.defineProperty(process[name], "isTTY", tty);
      else delete (process[name] as { isTTY?: boolean }).isTTY;
    }
    process.exit = saved.exit;
    for (const [name, value] of saved.env) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.exitCode = saved.exitCode;
    process.chdir(saved.cwd);
  }
  return { code, ...output };
}
