/**
 * The CLI library's vocabulary: what a run is asked to do and what it found. Plain data, so
 * a worker process can send a FileResult over IPC and a report can be built from a summary.
 */
import type { Finding } from "../core/report.js";
import type { PassLog } from "../transforms/pass-log.js";
import type { Skipped } from "./skipped.js";

/** `write` rewrites files; `dry` writes nothing and keeps a diff; `check` writes nothing and fails when a v0 call remains. */
export type RunMode = "write" | "dry" | "check";

export interface RunOptions {
  /** Files and directories to scan; relative ones resolve against `cwd`. Default `["."]`. */
  readonly paths?: readonly string[];
  /** Default `process.cwd()`. Report paths are relative to it. */
  readonly cwd?: string;
  readonly mode?: RunMode;
  /** Without dots. Default {@link DEFAULT_EXTENSIONS}. */
  readonly extensions?: readonly string[];
  /** picomatch globs, matched against paths relative to `cwd` (a glob without `/` matches a basename). */
  readonly ignore?: readonly string[];
  /** Write over files with uncommitted changes. */
  readonly allowDirty?: boolean;
  /** Passed to the codemod: host-dependent words become raw values. */
  readonly rawArgs?: boolean;
  /** Apply only what `eslint --fix` applies; rewrites that change behaviour on some host are reported instead. */
  readonly safeOnly?: boolean;
  /** `--interactive`: changes answered no, left and reported (transforms/migrate-types `skip`). */
  readonly skip?: readonly string[];
  /** `dry` mode for `--interactive`: each changed file's changes, each with its own diff (cli/plan-changes). */
  readonly changes?: boolean;
  /** Modules (paths or package names) whose exports are the client or hooks returning it, besides those the run finds itself. */
  readonly clientModules?: readonly string[];
  /** `import`: rewritten calls use one module-level `createDockerDesktopClient()` per file. Default `keep`. */
  readonly client?: "keep" | "import";
  /** Worker processes for large trees. Default `os.availableParallelism() - 1`, at least 1. */
  readonly cpus?: number;
  /** Never fork workers. */
  readonly runInBand?: boolean;
  /** Fork workers when more than this many files pass the v0 precheck. Default {@link DEFAULT_WORKER_THRESHOLD}. */
  readonly workerThreshold?: number;
  /** Called after each processed file. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Apply .gitignore files and .git/info/exclude when walking directories. Default true. */
  readonly gitignore?: boolean;
  /**
   * Stops the run: no file is started after it aborts, writes in flight finish, and the summary
   * says what was done. An abort reason of `"SIGTERM"` gives exit code 143, any other 130.
   */
  readonly signal?: AbortSignal;
}

export const DEFAULT_EXTENSIONS: readonly string[] = ["ts", "tsx", "js", "jsx", "mjs", "cjs", "mts", "cts", "vue", "svelte", "html"];
export const DEFAULT_WORKER_THRESHOLD = 200;

export type FileStatus = "changed" | "unchanged" | "failed";

export interface FileResult {
  /** Absolute. */
  readonly path: string;
  /** In `write` mode `changed` means written; in `dry` and `check` it means it would be. */
  readonly status: FileStatus;
  /** Why the file failed: parser message with line:column, an I/O error… */
  readonly error?: string;
  readonly findings: readonly Finding[];
  /** Unified diff, only in `dry` mode for changed files. */
  readonly diff?: string;
  /** With `changes`: the file's changes, to accept or skip one by one. */
  readonly changes?: readonly PlannedChange[];
}

/** One change `--interactive` asks about (cli/plan-changes). */
export interface PlannedChange {
  /** What `skip` takes (transforms/change-ids); a change of several files has the same name in each. */
  readonly name: string;
  /** The v0 member, and the review notes of the rewrite; empty in a file that only holds a wrapper's callers. */
  readonly member: string;
  readonly notes: readonly string[];
  /** This change alone, as a unified diff of this file. */
  readonly diff: string;
}

export interface RunSummary {
  readonly mode: RunMode;
  readonly cwd: string;
  /** Every scanned file, sorted by path. */
  readonly files: readonly FileResult[];
  readonly counts: { readonly scanned: number; readonly changed: number; readonly unchanged: number; readonly failed: number };
  /** Set when the run refused to write over uncommitted changes: nothing was processed. Absolute paths. */
  readonly refusedDirty?: readonly string[];
  /** Worker processes used; 0 when the run stayed in-process. */
  readonly workers: number;
  readonly exitCode: ExitCode;
  /** Things to do besides the files: e.g. add `@docker/extension-api-client` to package.json. */
  readonly notices: readonly string[];
  /** Links not followed, and named paths that yielded no file. */
  readonly skipped: readonly Skipped[];
  /** Set when a signal stopped the run: `files` holds only what was processed. */
  readonly interrupted?: Interruption;
  /** @internal How many files each pass read and parsed, and how often each file was parsed (transforms/pass-log). */
  readonly stats?: PassLog;
}

export interface Interruption {
  readonly signal: "SIGINT" | "SIGTERM";
  /** Absolute paths of the candidates never processed: they were left as they were. */
  readonly notProcessed: readonly string[];
}

/** Documented in docs/cli.md. */
export const ExitCode = {
  Ok: 0,
  /** Some files failed to parse, decode or write; or `--check` was named a path holding no file to scan. */
  Failed: 1,
  /** Usage error, or refused to write over uncommitted changes. */
  Refused: 2,
  /** `--check`: a v0 call remains. */
  CheckFound: 3,
  /** Stopped by SIGINT (128 + 2): what was written is listed. */
  Interrupted: 130,
  /** Stopped by SIGTERM (128 + 15). */
  Terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Bad input from the user (unknown path, bad number): exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
