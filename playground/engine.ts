/**
 * The playground's engine: one file through the CLI's own pipeline, as `ddclient-migrate --dry`
 * runs it on a project holding only that file (cli/run.ts, cli/process-file.ts): the project
 * pre-passes over the file, `migrateSource`, the `--dry` diff, the report's sentences, and the
 * lint rules as `ddclient-migrate check` runs them. Bundled on its own (dist-playground/engine.js,
 * the global `ddclientPlayground`), so the tests run the very bundle the page runs.
 *
 *   ddclientPlayground.migrate({ file: "src/api.ts", source, rawArgs: false, client: "keep", safeOnly: false }).diff
 */
import { namedClientModules } from "../core/client-modules.js";
import { mayContainV0Call, mayTypeClient } from "../core/precheck.js";
import type { Finding } from "../core/report.js";
import { describeFinding, describeReview } from "../deprecations/messages.js";
import { scanProjectClientModules } from "../transforms/client-exports.js";
import { migrateSource, type MigrateOptions } from "../transforms/migrate.js";
import { findProjectWrappers, planProjectWrappers, wrappersNamedIn } from "../transforms/project-wrappers.js";
import { dryRunDiff } from "../cli/dry-diff.js";
import { lintFile, type LintResult } from "./lint.js";

export { KINDS, type Kind } from "./kinds.js";

export interface PlaygroundInput {
  /** Relative to the virtual project root, forward slashes: `src/App.tsx`. Its extension is the file kind. */
  readonly file: string;
  readonly source: string;
  /** `--raw-args`. */
  readonly rawArgs: boolean;
  /** `--client`. */
  readonly client: "keep" | "import";
  /** `--safe-only`. */
  readonly safeOnly: boolean;
}

/** One finding as the JSON report words it (cli/report.ts). */
export interface ReportEntry {
  readonly line: number;
  readonly column: number;
  readonly kind: Finding["kind"];
  readonly member: string;
  readonly message: string;
  readonly review: readonly string[];
}

export interface PlaygroundResult {
  readonly status: "changed" | "unchanged" | "failed";
  /** The migrated text; the input when unchanged or failed. */
  readonly output: string;
  /** What `--dry` prints for the file; empty when unchanged. */
  readonly diff: string;
  readonly error?: string;
  readonly report: readonly ReportEntry[];
  /** The same findings at their places in the input, where the editor marks them. */
  readonly inputReport: readonly ReportEntry[];
  readonly lint: LintResult;
}

/** The project root the CLI runs in; shims/path.ts resolves against it too. */
const CWD = "/";

export function migrate(input: PlaygroundInput): PlaygroundResult {
  const absolute = `${CWD}${input.file}`;
  const { source } = input;
  const lint = lintFile(source, absolute);
  // cli/run.ts: the pre-passes over the project (here the one file), then the file itself.
  const project = [{ path: absolute, source }];
  const clientModules = scanProjectClientModules(project, namedClientModules([], CWD));
  const wrapperOptions = { rawArgs: input.rawArgs, clientModules, cwd: CWD };
  const wrappers = findProjectWrappers(project, wrapperOptions);
  const callers = wrappersNamedIn(source, wrappers).length > 0 ? project : [];
  const projectWrappers = planProjectWrappers(wrappers, callers, wrapperOptions);
  const typing = mayTypeClient(source);
  // cli/process-file.ts: a file the precheck rules out is not parsed at all.
  if (!mayContainV0Call(source) && !typing && !projectWrappers.callerEdits[absolute]) return unchanged(source, [], [], lint);
  const options: MigrateOptions = {
    rawArgs: input.rawArgs,
    ...(input.safeOnly ? { safeOnly: true } : {}),
    client: input.client,
    // The page shows the `--dry` diff: its report points into the file as it would be written, as the CLI's does.
    positions: "output",
    ...(Object.keys(clientModules).length ? { clientModules } : {}),
    ...(Object.keys(projectWrappers.wrappers).length ? { projectWrappers } : {}),
    // A typing alone in its project: no other file migrated or calls anything, and the official
    // types do not resolve (the CLI's answer in a directory without node_modules, cli/typings.ts).
    ...(typing ? { typing: { typesPackage: false, migrated: [], remaining: [] } } : {}),
  };
  const result = migrateSource(source, absolute, options);
  const report = result.findings.map(toReportEntry);
  // The editor marks the v0 code: a second run for the input's places, when the output's differ.
  const inputReport = result.status === "changed" ? migrateSource(source, absolute, { ...options, positions: "input" }).findings.map(toReportEntry) : report;
  if (result.status === "failed") return { status: "failed", output: source, diff: "", error: result.error, report, inputReport, lint };
  if (result.status === "unchanged" || result.output === source) return unchanged(source, report, inputReport, lint);
  return { status: "changed", output: result.output, diff: dryRunDiff(input.file, source, result.output), report, inputReport, lint };
}

function unchanged(source: string, report: readonly ReportEntry[], inputReport: readonly ReportEntry[], lint: LintResult): PlaygroundResult {
  return { status: "unchanged", output: source, diff: "", report, inputReport, lint };
}

function toReportEntry(finding: Finding): ReportEntry {
  const review = finding.kind === "migrated" ? finding.review.map(describeReview) : [];
  return { line: finding.at.line, column: finding.at.column, kind: finding.kind, member: finding.member, message: describeFinding(finding), review };
}
