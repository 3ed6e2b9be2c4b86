/**
 * Run the built `ddclient-migrate` bin in throwaway directories. The tests exercise
 * dist/bin/ddclient-migrate.js, as users do (`npm test` builds first).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
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

export function cli(cwd: string, ...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    // CI set: no progress line, as in a CI log.
    env: { ...process.env, CI: "1", GIT_CONFIG_NOSYSTEM: "1" },
  });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
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
