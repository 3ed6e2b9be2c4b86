/**
 * `runMigration`: the whole run as a library call. Lists files, keeps those the cheap precheck
 * cannot rule out, refuses to write over uncommitted work, then migrates in-process or in
 * worker processes. The exit code is computed here from what happened, never from output.
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { mayExportClient, scanProjectClientModules } from "../transforms/client-exports.js";
import { findProjectWrappers, mayCallWrapper, mayDefineWrapper, planProjectWrappers } from "../transforms/project-wrappers.js";
import { namedClientModules } from "../core/client-modules.js";
import { mayContainV0Call, mayTypeClient } from "../core/precheck.js";
import { findDirtyFiles } from "./git.js";
import { typingContextFor } from "./typings.js";
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
  const { candidates, ruledOut, projectSources, typingFiles } = precheck(files);
  const clientModules = scanProjectClientModules(projectSources, namedClientModules(options.clientModules ?? [], cwd));
  // Exported wrappers of a whole command line, rewritten with their callers in other files:
  // only when a module defines one is the tree read again, for the files that name it.
  const wrapperOptions = { rawArgs: options.rawArgs ?? false, clientModules, cwd };
  const wrappers = findProjectWrappers(projectSources, wrapperOptions);
  const callerSources = wrappers.length ? readSources(files, (text) => wrappers.some((wrapper) => mayCallWrapper(text, wrapper))) : [];
  const projectWrappers = planProjectWrappers(wrappers, callerSources, wrapperOptions);
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
  // Hand-written typings of the client go last, migrated to what the other files now call.
  const firstPhase = candidates.filter((file) => !typingFiles.has(file));
  // One worker would only add a fork and IPC to the same single-core work.
  if (options.runInBand || firstPhase.length <= threshold || cpus === 1) {
    // A few files in flight, so that reading and writing overlap the migration of another.
    await forEachConcurrently(firstPhase, 4, async (file) => collect(await processFile(file, processOptions)));
  } else {
    workers = await processInWorkers(firstPhase, processOptions, cpus, collect);
  }
  const typings = candidates.filter((file) => typingFiles.has(file));
  for (const file of typings) collect(await processFile(file, { ...processOptions, typing: typingContextFor(file, results) }));
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

/** The project pre-passes' texts: those that may export the client, re-export a module, or define a wrapper. */
const REEXPORTS = /\bexport\s*(?:\*|\{[^}]*\})\s*from\b/;
const forPrePasses = (text: string): boolean => mayExportClient(text) || REEXPORTS.test(text) || mayDefineWrapper(text);

/**
 * Files that cannot hold a v0 call are scanned and unchanged without parsing them. Only the
 * texts the pre-passes read are kept (few in a real tree), so memory does not grow with it.
 */
function precheck(files: readonly string[]): { candidates: string[]; ruledOut: FileResult[]; projectSources: { path: string; source: string }[]; typingFiles: Set<string> } {
  const candidates: string[] = [];
  const typingFiles = new Set<string>();
  const ruledOut: FileResult[] = [];
  const projectSources: { path: string; source: string }[] = [];
  // Read in turn: for many small files a plain read costs less than the promise machinery of overlapping ones.
  for (const file of files) {
    const text = readText(file);
    // An unreadable file stays a candidate so that processFile reports why.
    if (text !== undefined && forPrePasses(text)) projectSources.push({ path: file, source: text });
    // A typing of the client may name v0 members only as method signatures (`execHostCmd(cmd: string): …`).
    const typing = text !== undefined && mayTypeClient(text);
    if (text === undefined || typing || mayContainV0Call(text)) candidates.push(file);
    else ruledOut.push({ path: file, status: "unchanged", findings: [] });
    if (typing) typingFiles.add(file);
  }
  return { candidates: candidates.sort(), ruledOut, projectSources, typingFiles };
}

/** The readable texts among `files` that `keep` accepts. */
function readSources(files: readonly string[], keep: (text: string) => boolean): { path: string; source: string }[] {
  const kept: { path: string; source: string }[] = [];
  for (const file of files) {
    const text = readText(file);
    if (text !== undefined && keep(text)) kept.push({ path: file, source: text });
  }
  return kept;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** `work` over every item, at most `limit` at a time. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
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
