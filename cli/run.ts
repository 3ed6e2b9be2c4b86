/**
 * `runMigration`: the whole run as a library call. Lists files, keeps those the cheap precheck
 * cannot rule out, refuses to write over uncommitted work, then migrates in-process or in
 * worker processes. The exit code is computed here from what happened, never from output.
 */
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { scanProjectClientModules } from "../transforms/client-exports.js";
import { scanProjectWrappers } from "../transforms/project-wrappers.js";
import { namedClientModules } from "../core/client-modules.js";
import { mayContainV0Call } from "../transforms/migrate.js";
import { findDirtyFiles } from "./git.js";
import { processInWorkers } from "./pool.js";
import { processFile, type ProcessOptions } from "./process-file.js";
import {
  DEFAULT_EXTENSIONS,
  DEFAULT_WORKER_THRESHOLD,
  ExitCode,
  UsageError,
  type FileResult,
  type RunMode,
  type RunOptions,
  type RunSummary,
} from "./types.js";
import { listFiles } from "./walk.js";

export async function runMigration(options: RunOptions = {}): Promise<RunSummary> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const mode: RunMode = options.mode ?? "write";
  const cpus = options.cpus ?? Math.max(1, os.availableParallelism() - 1);
  const threshold = options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD;
  if (!Number.isInteger(cpus) || cpus < 1) throw new UsageError(`cpus must be a positive integer, got ${cpus}`);
  if (!Number.isInteger(threshold) || threshold < 0) throw new UsageError(`workerThreshold must be a non-negative integer, got ${threshold}`);
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  if (extensions.length === 0) throw new UsageError("no file extensions to scan");

  const paths = options.paths?.length ? options.paths : ["."];
  const files = await listFiles(paths, { cwd, extensions, ignore: options.ignore ?? [] });
  const { candidates, ruledOut, clientSources } = await precheck(files);
  const clientModules = scanProjectClientModules(clientSources, namedClientModules(options.clientModules ?? [], cwd));
  // Exported wrappers of a whole command line, rewritten with their callers in other files.
  const projectWrappers = scanProjectWrappers(clientSources, { rawArgs: options.rawArgs ?? false, clientModules, cwd });
  for (const file of Object.keys(projectWrappers.callerEdits)) {
    if (candidates.includes(file)) continue;
    candidates.push(file);
    ruledOut.splice(ruledOut.findIndex((result) => result.path === file), 1);
  }
  candidates.sort();

  if (mode === "write" && !options.allowDirty) {
    // Only files that may be rewritten matter: a dirty file without a v0 call is never touched.
    const dirty = await findDirtyFiles(candidates);
    if (dirty.length > 0) return summarize(mode, cwd, [], 0, dirty);
  }

  const results: FileResult[] = [...ruledOut];
  const processOptions: ProcessOptions = {
    mode,
    rawArgs: options.rawArgs ?? false,
    cwd,
    ...(options.client ? { client: options.client } : {}),
    ...(Object.keys(clientModules).length ? { clientModules } : {}),
    ...(Object.keys(projectWrappers.wrappers).length ? { projectWrappers } : {}),
  };
  const total = candidates.length;
  const collect = (result: FileResult): void => {
    results.push(result);
    options.onProgress?.(results.length - ruledOut.length, total);
  };
  let workers = 0;
  // One worker would only add a fork and IPC to the same single-core work.
  if (options.runInBand || candidates.length <= threshold || cpus === 1) {
    for (const file of candidates) collect(await processFile(file, processOptions));
  } else {
    workers = await processInWorkers(candidates, processOptions, cpus, collect);
  }
  const notices = options.client === "import" && results.some((r) => r.status === "changed") ? await clientPackageNotices(cwd) : [];
  return summarize(mode, cwd, results, workers, undefined, notices);
}

const CLIENT_PACKAGE = "@docker/extension-api-client";

/** `--client import` adds imports of the client package: say so when the nearest package.json lacks it. */
async function clientPackageNotices(cwd: string): Promise<string[]> {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const text = await readFile(path.join(dir, "package.json"), "utf8").catch(() => undefined);
    if (text !== undefined) {
      const pkg = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
      const listed = ["dependencies", "devDependencies", "peerDependencies"].some((field) => pkg[field]?.[CLIENT_PACKAGE]);
      return listed ? [] : [`${path.join(dir, "package.json")} does not list ${CLIENT_PACKAGE}, which the migrated files now import: run \`npm install ${CLIENT_PACKAGE}\`.`];
    }
    if (path.dirname(dir) === dir) return [`No package.json was found; the migrated files import ${CLIENT_PACKAGE}, so it must be installed.`];
  }
}

/**
 * Files that cannot hold a v0 call are scanned and unchanged without parsing them. Every text
 * goes to the client-module pre-pass, which parses only the few that may export the client.
 */
async function precheck(files: readonly string[]): Promise<{ candidates: string[]; ruledOut: FileResult[]; clientSources: { path: string; source: string }[] }> {
  const candidates: string[] = [];
  const ruledOut: FileResult[] = [];
  const clientSources: { path: string; source: string }[] = [];
  let next = 0;
  const reader = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!;
      const text = await readFile(file, "utf8").catch(() => undefined);
      // An unreadable file stays a candidate so that processFile reports why.
      if (text !== undefined) clientSources.push({ path: file, source: text });
      if (text === undefined || mayContainV0Call(text)) candidates.push(file);
      else ruledOut.push({ path: file, status: "unchanged", findings: [] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(32, files.length) }, reader));
  return { candidates: candidates.sort(), ruledOut, clientSources };
}

function summarize(mode: RunMode, cwd: string, results: FileResult[], workers: number, refusedDirty?: string[], notices: string[] = []): RunSummary {
  const files = results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const count = (status: FileResult["status"]): number => files.filter((f) => f.status === status).length;
  const counts = { scanned: files.length, changed: count("changed"), unchanged: count("unchanged"), failed: count("failed") };
  const exitCode = refusedDirty
    ? ExitCode.Refused
    : counts.failed > 0
      ? ExitCode.Failed
      : mode === "check" && files.some((f) => f.status === "changed" || f.findings.length > 0)
        ? ExitCode.CheckFound
        : ExitCode.Ok;
  return { mode, cwd, files, counts, workers, exitCode, notices, ...(refusedDirty ? { refusedDirty } : {}) };
}
