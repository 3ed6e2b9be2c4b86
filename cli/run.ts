/**
 * `runMigration`: the whole run as a library call. Lists files, keeps those the cheap precheck
 * cannot rule out, refuses to write over uncommitted work, then migrates in-process or in
 * worker processes. The exit code is computed here from what happened, never from output.
 */
import { readFileSync, unlinkSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { mayExportClient, readImportedModules, relativeImportsOf, scanProjectClientModules } from "../transforms/client-exports.js";
import { moduleKey } from "../transforms/lib/client-modules.js";
import { findProjectWrappers, mayDefineWrapper, mayImportWrapper, planProjectWrappers, relativeSpecifiersOf, wrappersNamedIn } from "../transforms/project-wrappers.js";
import { enterPass, noteRead, takePassLog } from "../transforms/pass-log.js";
import { dropKeptPrograms, keepPrograms, stopKeepingPrograms } from "../transforms/parse.js";
import { namedClientModules } from "../core/client-modules.js";
import { mayContainV0Call, mayTypeClient } from "../core/precheck.js";
import { unsupportedEncoding } from "./decode.js";
import { findDirtyFiles } from "./git.js";
import { typingContextFor } from "./typings.js";
import { processInWorkers } from "./pool.js";
import { processFile, styleSettingsOf, type ProcessOptions } from "./process-file.js";
import {
  DEFAULT_EXTENSIONS,
  DEFAULT_WORKER_THRESHOLD,
  ExitCode,
  UsageError,
  type FileResult,
  type Interruption,
  type RunMode,
  type RunOptions,
  type RunSummary,
} from "./types.js";
import { INCOMPLETE, type Skipped } from "./skipped.js";
import { listFiles } from "./walk.js";

export async function runMigration(options: RunOptions = {}): Promise<RunSummary> {
  try {
    return await migrateProject(options);
  } finally {
    dropKeptPrograms();
  }
}

/**
 * Source characters of the programs the pre-passes may keep for the migration (transforms/parse).
 * A kept tree costs about 110 bytes of peak RSS per character of its source, and, kept through
 * the pre-passes, it is promoted to the old generation, which then grows before it is collected:
 * on the bench's 10,000-file tree, keeping 200,000 of its 980,000 characters raised the peak RSS
 * from 240 MB to 250-610 MB. So programs are kept only when every text the pre-passes may parse
 * fits (the bench's 2,000-file tree: 189,000 characters), or none.
 */
const KEPT_PROGRAMS_BUDGET = 250_000;

async function migrateProject(options: RunOptions): Promise<RunSummary> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const mode: RunMode = options.mode ?? "write";
  const { cpus, threshold } = workerSettings(options);
  if (!Number.isInteger(cpus) || cpus < 1) throw new UsageError(`cpus must be a positive integer, got ${cpus}`);
  if (!Number.isInteger(threshold) || threshold < 0) throw new UsageError(`workerThreshold must be a non-negative integer, got ${threshold}`);
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  if (extensions.length === 0) throw new UsageError("no file extensions to scan");

  const paths = options.paths?.length ? options.paths : ["."];
  const listing = await listFiles(paths, { cwd, extensions, ignore: options.ignore ?? [], gitignore: options.gitignore ?? true });
  const { files, skipped } = listing;
  // A log of this run's reads and parses only (a worker's come with its results).
  takePassLog();
  enterPass("precheck");
  const { candidates, ruledOut, projectSources, typingFiles, importers, specifiers } = precheck(files);
  // A file the pre-passes parse is parsed once: the migration takes its program, when it runs in this process.
  const prePassChars = projectSources.reduce((sum, file) => sum + file.source.length, 0);
  if (migratesInBand(options, candidates.length) && prePassChars <= KEPT_PROGRAMS_BUDGET) keepPrograms(KEPT_PROGRAMS_BUDGET);
  enterPass("client-modules");
  const clientModules = scanProjectClientModules(projectSources, namedClientModules(options.clientModules ?? [], cwd));
  // The modules the files to migrate import, read so that one exporting something else is known not to be the client.
  enterPass("imported-modules");
  readImportedModules(importers, new Map(files.map((file) => [moduleKey(file), file])), readText, clientModules);
  // Exported wrappers of a whole command line, rewritten with their callers in other files:
  // only when a module defines one is the tree read again, for the files that name it.
  const styleRun = `${process.pid}-${Date.now()}-${++runs}`;
  const wrapperOptions = { rawArgs: options.rawArgs ?? false, clientModules, cwd, styleOf: (file: string) => styleSettingsOf(file, styleRun) };
  enterPass("wrappers");
  const wrappers = findProjectWrappers(projectSources, wrapperOptions);
  // A caller's file is migrated with the wrapper's edits applied first: another text, parsed anew.
  stopKeepingPrograms();
  enterPass("callers");
  // Only the files whose text names a wrapper's module are read again (`from "../api/shell"`).
  const mayCall = wrappers.length ? files.filter((file) => mayImportWrapper(file, specifiers.get(file) ?? [], wrappers)) : [];
  const callerSources = readSources(mayCall, (text) => wrappersNamedIn(text, wrappers).length > 0);
  const projectWrappers = planProjectWrappers(wrappers, callerSources, wrapperOptions);
  for (const file of Object.keys(projectWrappers.callerEdits)) {
    if (candidates.includes(file)) continue;
    candidates.push(file);
    ruledOut.splice(ruledOut.findIndex((result) => result.path === file), 1);
  }
  candidates.sort();
  // A wrapper's module is written after its callers' files (migrateFiles), so that a run stopped
  // between them leaves callers passing args to a v0 wrapper, which a second run reports.
  const wrapperFiles = new Set(wrappers.filter((wrapper) => projectWrappers.wrappers[wrapper.key]?.rewrite).map((wrapper) => wrapper.path));

  enterPass("migrate");
  const notices = leftoverNotices(listing.leftoverTemps, mode);
  const processOptions: ProcessOptions = {
    mode,
    run: styleRun,
    rawArgs: options.rawArgs ?? false,
    safeOnly: options.safeOnly ?? false,
    ...(options.skip ? { skip: options.skip } : {}),
    ...(options.changes ? { changes: true } : {}),
    cwd,
    ...(options.client ? { client: options.client } : {}),
    ...(Object.keys(clientModules).length ? { clientModules } : {}),
    ...(Object.keys(projectWrappers.wrappers).length ? { projectWrappers } : {}),
  };
  const results: FileResult[] = [...ruledOut];
  let toMigrate = candidates;
  if (mode === "write" && !options.allowDirty) {
    // Only files the run would rewrite matter: a dirty file it leaves as it is (a second run
    // over files it wrote, a file with only a call left for a person) is never touched.
    const dirty = await findDirtyFiles(candidates);
    if (dirty.length > 0) {
      const planned = await migrateFiles(candidates, typingFiles, { ...processOptions, mode: "check" }, ruledOut, options, wrapperFiles);
      const changing = new Set(planned.results.filter((result) => result.status === "changed").map((result) => result.path));
      const refused = dirty.filter((file) => changing.has(file));
      if (refused.length > 0) return summarize({ mode, cwd, results: [], workers: 0, skipped, refusedDirty: refused });
      if (options.signal?.aborted) return summarize({ mode, cwd, results, workers: planned.workers, skipped, notices, interrupted: interruption(options.signal, candidates, results) });
      // Files the run leaves are reported from the plan (as they are, where nothing moved); the others are migrated again and written.
      results.push(...planned.results.filter((result) => !changing.has(result.path)));
      toMigrate = candidates.filter((file) => changing.has(file));
    }
  }
  const migrated = await migrateFiles(toMigrate, typingFiles, processOptions, results, options, wrapperFiles);
  results.push(...migrated.results);
  const { workers } = migrated;
  if (options.client === "import" && results.some((r) => r.status === "changed")) notices.push(...(await clientPackageNotices(cwd)));
  const interrupted = options.signal?.aborted ? interruption(options.signal, candidates, results) : undefined;
  return summarize({ mode, cwd, results, workers, skipped, notices, ...(interrupted ? { interrupted } : {}) });
}

/**
 * Migrates `files` in-process or in worker processes, hand-written typings last, each told
 * what the other files call (`earlier`: the results of files not among `files`). The modules
 * of wrappers rewritten with their callers (`wrapperFiles`) go after the callers' files.
 */
async function migrateFiles(
  files: readonly string[],
  typingFiles: ReadonlySet<string>,
  processOptions: ProcessOptions,
  earlier: readonly FileResult[],
  options: RunOptions,
  wrapperFiles: ReadonlySet<string> = new Set(),
): Promise<{ results: FileResult[]; workers: number }> {
  const results: FileResult[] = [];
  const total = files.length;
  const collect = (result: FileResult): void => {
    results.push(result);
    options.onProgress?.(results.length, total);
  };
  let workers = 0;
  // Hand-written typings of the client go last, migrated to what the other files now call.
  const firstPhase = files.filter((file) => !typingFiles.has(file) && !wrapperFiles.has(file));
  if (migratesInBand(options, firstPhase.length)) {
    // A few files in flight, so that reading and writing overlap the migration of another.
    await forEachConcurrently(firstPhase, 4, async (file) => collect(await processFile(file, processOptions)), options.signal);
  } else if (!options.signal?.aborted) {
    // Stopped while listing: no worker is forked only to be told to stop.
    workers = await processInWorkers(firstPhase, processOptions, workerSettings(options).cpus, collect, options.signal);
  }
  await forEachConcurrently(
    files.filter((file) => wrapperFiles.has(file) && !typingFiles.has(file)),
    4,
    async (file) => collect(await processFile(file, processOptions)),
    options.signal,
  );
  for (const file of files.filter((f) => typingFiles.has(f))) {
    if (options.signal?.aborted) break;
    collect(await processFile(file, { ...processOptions, typing: typingContextFor(file, [...earlier, ...results]) }));
  }
  return { results, workers };
}

/** Worker processes to use (`--cpus`), and how many files it takes to use them. */
function workerSettings(options: RunOptions): { cpus: number; threshold: number } {
  return { cpus: options.cpus ?? Math.max(1, os.availableParallelism() - 1), threshold: options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD };
}

/** Are `files` migrated in this process? One worker would only add a fork and IPC to the same single-core work. */
function migratesInBand(options: RunOptions, files: number): boolean {
  const { cpus, threshold } = workerSettings(options);
  return options.runInBand === true || files <= threshold || cpus === 1;
}

/** Which signal stopped the run (the abort reason, when it names one) and the candidates it never reached. */
function interruption(signal: AbortSignal, candidates: readonly string[], results: readonly FileResult[]): Interruption {
  const done = new Set(results.map((result) => result.path));
  const reason: unknown = signal.reason;
  return { signal: reason === "SIGTERM" ? "SIGTERM" : "SIGINT", notProcessed: candidates.filter((file) => !done.has(file)) };
}

/** A write run removes the temporary files of runs that died mid-write; the others only say they are there. */
function leftoverNotices(temps: readonly string[], mode: RunMode): string[] {
  if (temps.length === 0) return [];
  if (mode !== "write") return [`${temps.length} temporary file(s) left by an interrupted earlier run (a run without --dry or --check removes them): ${temps.join(", ")}`];
  const removed = temps.filter((temp) => {
    try {
      unlinkSync(temp);
      return true;
    } catch {
      return false;
    }
  });
  return removed.length ? [`Removed ${removed.length} temporary file(s) left by an interrupted earlier run: ${removed.join(", ")}`] : [];
}

const CLIENT_PACKAGE = "@docker/extension-api-client";
/** Runs in this process, so that each reads the formatter configs afresh. */
let runs = 0;

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
function precheck(files: readonly string[]): {
  candidates: string[];
  ruledOut: FileResult[];
  projectSources: { path: string; source: string }[];
  typingFiles: Set<string>;
  importers: { path: string; imports: string[] }[];
  specifiers: Map<string, string[]>;
} {
  const candidates: string[] = [];
  const importers: { path: string; imports: string[] }[] = [];
  const typingFiles = new Set<string>();
  const ruledOut: FileResult[] = [];
  const projectSources: { path: string; source: string }[] = [];
  // The relative modules each file names: its importers are then found without reading the tree again.
  const specifiers = new Map<string, string[]>();
  // Read in turn: for many small files a plain read costs less than the promise machinery of overlapping ones.
  for (const file of files) {
    const text = readText(file);
    // An unreadable file stays a candidate so that processFile reports why.
    if (text !== undefined && forPrePasses(text)) projectSources.push({ path: file, source: text });
    const named = text === undefined ? [] : relativeSpecifiersOf(text);
    if (named.length > 0) specifiers.set(file, named);
    // A typing of the client may name v0 members only as method signatures (`execHostCmd(cmd: string): …`).
    const typing = text !== undefined && mayTypeClient(text);
    const v0 = text !== undefined && mayContainV0Call(text);
    if (text === undefined || typing || v0) candidates.push(file);
    else ruledOut.push({ path: file, status: "unchanged", findings: [] });
    if (typing) typingFiles.add(file);
    if (v0) importers.push({ path: file, imports: relativeImportsOf(text) });
  }
  return { candidates: candidates.sort(), ruledOut, projectSources, typingFiles, importers, specifiers };
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

/** Undefined for a file that cannot be read or is not UTF-8 text, so that processFile reports why. */
function readText(file: string): string | undefined {
  try {
    noteRead();
    const bytes = readFileSync(file);
    return unsupportedEncoding(bytes) ? undefined : bytes.toString("utf8");
  } catch {
    return undefined;
  }
}

/** `work` over every item, at most `limit` at a time; once `signal` aborts, no item is started and those in flight finish. */
async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

interface Outcome {
  readonly mode: RunMode;
  readonly cwd: string;
  readonly results: FileResult[];
  readonly workers: number;
  readonly skipped: readonly Skipped[];
  readonly refusedDirty?: string[];
  readonly notices?: string[];
  readonly interrupted?: Interruption;
}

function summarize({ mode, cwd, results, workers, skipped, refusedDirty, notices = [], interrupted }: Outcome): RunSummary {
  const files = results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const count = (status: FileResult["status"]): number => files.filter((f) => f.status === status).length;
  const counts = { scanned: files.length, changed: count("changed"), unchanged: count("unchanged"), failed: count("failed") };
  // A check that was asked to look at a path and found no file there, or could not read a directory, has not checked it.
  const unchecked = mode === "check" && skipped.some((s) => INCOMPLETE.has(s.reason));
  const exitCode = refusedDirty
    ? ExitCode.Refused
    : interrupted
      ? interrupted.signal === "SIGTERM"
        ? ExitCode.Terminated
        : ExitCode.Interrupted
      : counts.failed > 0 || unchecked
        ? ExitCode.Failed
        : mode === "check" && files.some((f) => f.status === "changed" || f.findings.length > 0)
          ? ExitCode.CheckFound
          : ExitCode.Ok;
  return { mode, cwd, files, counts, workers, exitCode, notices, skipped, stats: takePassLog(), ...(refusedDirty ? { refusedDirty } : {}), ...(interrupted ? { interrupted } : {}) };
}
