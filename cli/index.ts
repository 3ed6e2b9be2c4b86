/**
 * The library API behind the `ddclient-migrate` command:
 *
 *   const summary = await runMigration({ paths: ["src"], mode: "dry" });
 *   console.log(buildReport(summary).summary.migratedByMember);
 */
export { runMigration } from "./run.js";
export { buildReport, SCHEMA_VERSION, type JsonReport, type JsonFinding, type JsonReview } from "./report.js";
export { formatSummary } from "./format.js";
export {
  DEFAULT_EXTENSIONS,
  DEFAULT_WORKER_THRESHOLD,
  ExitCode,
  UsageError,
  type FileResult,
  type FileStatus,
  type RunMode,
  type RunOptions,
  type RunSummary,
} from "./types.js";
