/**
 * One file through the codemod: read, precheck, migrate, then write it (write mode) or keep a
 * diff (dry mode). Runs in the CLI process or in a worker; never throws, every problem is a
 * `failed` result that leaves the file as it was.
 */
import { readFileSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import type { TypingContext } from "../core/plan-typing.js";
import type { ProjectWrappers } from "../core/plan-wrapper.js";
import type { ClientModules } from "../transforms/lib/client-modules.js";
import { mayContainV0Call, migrateSource, type MigrateOptions, type MigrateResult } from "../transforms/migrate.js";
import { noteRead } from "../transforms/pass-log.js";
import { decodeSource } from "./decode.js";
import { dryRunDiff } from "./dry-diff.js";
import { leftWhole, planChanges } from "./plan-changes.js";
import { createStyleConfigReader, type StyleConfigReader } from "./style-config.js";
import type { FileResult, RunMode } from "./types.js";
import { toPosix } from "./walk.js";
import { writeFileAtomic } from "./write-atomic.js";

export interface ProcessOptions {
  readonly mode: RunMode;
  readonly rawArgs: boolean;
  /** Only the rewrites `eslint --fix` applies (transforms/migrate-types). */
  readonly safeOnly?: boolean;
  /** Changes answered no in `--interactive` (transforms/migrate-types). */
  readonly skip?: readonly string[];
  /** `dry` mode: also each change alone (cli/plan-changes). */
  readonly changes?: boolean;
  /** The project's client modules (plain data, so it crosses to workers). */
  readonly clientModules?: ClientModules;
  readonly client?: "keep" | "import";
  /** Exported wrappers and their callers' edits in other files (plain data, so it crosses to workers). */
  readonly projectWrappers?: ProjectWrappers;
  /** Diff headers are relative to it. */
  readonly cwd: string;
  /** For a file holding a hand-written typing of the client: what the rest of the run migrated (cli/typings). */
  readonly typing?: TypingContext;
  /** Which run this is: each reads the files' formatter configs afresh (cli/style-config). */
  readonly run?: string;
}

let styles: { run: string | undefined; reader: StyleConfigReader } | undefined;

/** The formatter settings of a file, read once per directory in a run. */
export function styleSettingsOf(file: string, run: string | undefined): ReturnType<StyleConfigReader["settingsFor"]> {
  if (!styles || styles.run !== run || run === undefined) styles = { run, reader: createStyleConfigReader() };
  return styles.reader.settingsFor(file);
}

export async function processFile(file: string, options: ProcessOptions): Promise<FileResult> {
  let bytes: Buffer;
  let original: Stats;
  try {
    // Before the read: a write is refused if the file is no longer what was read.
    original = statSync(file);
    noteRead();
    bytes = readFileSync(file);
  } catch (error) {
    return failed(file, `could not read: ${messageOf(error)}`);
  }
  const source = decodeSource(bytes);
  if (typeof source !== "string") return failed(file, source.error);
  // A caller of a project wrapper may name no v0 member and still be rewritten.
  if (!mayContainV0Call(source) && !options.typing && !options.projectWrappers?.callerEdits[path.resolve(file)]) return { path: file, status: "unchanged", findings: [] };

  let result: MigrateResult;
  let migrateOptions: MigrateOptions;
  // A file that is one change, answered no (cli/plan-changes): left, its findings where they stand.
  const leftAlone = options.skip?.includes(path.resolve(file)) === true;
  try {
    const style = styleSettingsOf(file, options.run);
    result = migrateSource(source, file, (migrateOptions = {
      ...(style ? { style } : {}),
      rawArgs: options.rawArgs,
      ...(options.safeOnly ? { safeOnly: true } : {}),
      ...(options.skip ? { skip: options.skip } : {}),
      ...(options.client ? { client: options.client } : {}),
      ...(options.clientModules ? { clientModules: options.clientModules } : {}),
      ...(options.projectWrappers ? { projectWrappers: options.projectWrappers } : {}),
      ...(options.typing ? { typing: options.typing } : {}),
      // A written file is reported where its calls now stand, and a dry run as it would be written (the diff's side).
      positions: options.mode === "check" || leftAlone ? "input" : "output",
    }));
    if (leftAlone && result.status === "changed") return { path: file, status: "unchanged", findings: leftWhole(result.findings) };
  } catch (error) {
    // A bug in a transform must not stop the run: the file is reported and left untouched.
    return failed(file, `internal error in the codemod: ${messageOf(error)}`);
  }
  if (result.status === "failed") return { ...failed(file, result.error), findings: result.findings };
  const { findings, output } = result;
  if (result.status === "unchanged" || output === source) return { path: file, status: "unchanged", findings };

  if (options.mode === "write") {
    try {
      await writeFileAtomic(file, Buffer.from(output, "utf8"), original);
    } catch (error) {
      // Nothing was migrated in this file; what is left for a person still is.
      return { ...failed(file, `could not write: ${messageOf(error)}`), findings: findings.filter((f) => f.kind === "manual") };
    }
    return { path: file, status: "changed", findings };
  }
  if (options.mode === "dry") {
    const rel = toPosix(path.relative(options.cwd, file));
    const changes = options.changes ? planChanges(file, rel, source, migrateOptions) : undefined;
    return { path: file, status: "changed", findings, diff: dryRunDiff(rel, source, output), ...(changes ? { changes } : {}) };
  }
  return { path: file, status: "changed", findings };
}

function failed(file: string, error: string): FileResult {
  return { path: file, status: "failed", error, findings: [] };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
