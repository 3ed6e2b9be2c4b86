/**
 * The library API behind the `ddclient-migrate` command:
 *
 *   const summary = await runMigration({ paths: ["src"], mode: "dry" });
 *   console.log(buildReport(summary).summary.migratedByMember);
 *
 * and behind `ddclient-migrate check` (ESLint loads only when a check runs):
 *
 *   const check = await runCheck({ paths: ["src"] });
 *   await writeFile("ddclient.sarif", JSON.stringify(buildSarif(check)));
 */
export { runMigration } from "./run.js";
export {
  runCheck,
  type CheckOptions,
  type CheckSummary,
  type CheckFinding,
  type CheckFileResult,
  type CheckFileStatus,
  type CheckLevel,
  type CheckRule,
} from "./check.js";
export { buildCheckReport, formatCheckText, CHECK_SCHEMA_VERSION, type CheckJsonReport, type CheckJsonFinding } from "./check-report.js";
export { buildSarif, type SarifLog } from "./sarif.js";
export { buildReport, SCHEMA_VERSION, type JsonReport, type JsonFinding, type JsonReview } from "./report.js";
export { formatSummary } from "./format.js";
export { formatMarkdown } from "./report-markdown.js";
export { formatCheckMarkdown } from "./check-markdown.js";
export { linkBaseOf, type LinkBase } from "./link-base.js";
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

/**
 * The main entry is also the ESLint plugin, for `.eslintrc` on ESLint 8: eslintrc loads a plugin
 * only by package name (`plugins: ["ddclient-migrate"]` → `eslint-plugin-ddclient-migrate`), so
 * the README installs this package under that alias, and eslintrc's `require()` of its main
 * entry must find the rules and `configs["recommended-legacy"]` here.
 */
export { rules, configs } from "../eslint-plugin/index.js";
