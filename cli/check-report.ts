/**
 * The check's JSON report (stable shape, docs/check.md) and the text printed from it, so both
 * always state the same facts. Bump CHECK_SCHEMA_VERSION on any change that is not a new field.
 */
import path from "node:path";
import type { CheckFileStatus, CheckLevel, CheckSummary } from "./check.js";
import { TOOL } from "./version.js";
import { toPosix } from "./walk.js";

export const CHECK_SCHEMA_VERSION = 1;

export interface CheckJsonFinding {
  /** Relative to `cwd`, with `/`. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly ruleId: string;
  readonly messageId: string | null;
  readonly level: CheckLevel;
  readonly message: string;
  /** `fix`: `eslint --fix` and `ddclient-migrate --safe-only` apply it; `suggestion`: offered for review; null: a person's work. */
  readonly rewrite: "fix" | "suggestion" | null;
  readonly fingerprint: string;
}

export interface CheckJsonReport {
  readonly schemaVersion: typeof CHECK_SCHEMA_VERSION;
  readonly command: "check";
  readonly tool: { readonly name: string; readonly version: string };
  readonly exitCode: number;
  readonly cwd: string;
  readonly summary: {
    /** `skipped` counts files and the entries the walk left out; `unchecked` the named paths and directories that failed the check unseen (added in schema version 1, additive). */
    readonly files: { readonly scanned: number; readonly linted: number; readonly withFindings: number; readonly failed: number; readonly skipped: number; readonly unchecked: number };
    /** Why the check is incomplete, when a path held no file or a directory could not be read; null otherwise. */
    readonly incomplete: string | null;
    readonly findings: number;
    /** Every rule, in the plugin's order, 0 when it found nothing. */
    readonly byRule: Readonly<Record<string, number>>;
  };
  readonly rules: readonly { readonly id: string; readonly description: string; readonly url: string; readonly level: CheckLevel }[];
  /** Files with findings, failed or skipped; clean files are only counted. */
  readonly files: readonly { readonly path: string; readonly status: Exclude<CheckFileStatus, "clean">; readonly error: string | null; readonly note: string | null }[];
  readonly findings: readonly CheckJsonFinding[];
}

export function buildCheckReport(summary: CheckSummary): CheckJsonReport {
  const rel = (file: string): string => toPosix(path.relative(summary.cwd, file));
  const byRule: Record<string, number> = Object.fromEntries(summary.rules.map((rule) => [rule.id, 0]));
  for (const finding of summary.findings) byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
  return {
    schemaVersion: CHECK_SCHEMA_VERSION,
    command: "check",
    tool: { name: TOOL.name, version: TOOL.version },
    exitCode: summary.exitCode,
    cwd: summary.cwd,
    summary: {
      files: {
        scanned: summary.counts.files,
        linted: summary.counts.linted,
        withFindings: summary.counts.found,
        failed: summary.counts.failed,
        skipped: summary.counts.skipped,
        unchecked: summary.counts.unchecked,
      },
      incomplete: summary.incomplete ?? null,
      findings: summary.findings.length,
      byRule,
    },
    rules: summary.rules.map(({ id, description, url, level }) => ({ id, description, url, level })),
    files: summary.files.flatMap((file) => (file.status === "clean" ? [] : [{ path: rel(file.path), status: file.status, error: file.error ?? null, note: file.note ?? null }])),
    findings: summary.findings.map((f) => ({
      file: rel(f.path),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ruleId: f.ruleId,
      messageId: f.messageId,
      level: f.level,
      message: f.message,
      rewrite: f.rewrite,
      fingerprint: f.fingerprint,
    })),
  };
}

/**
 *   src/api.ts:3:17  ddclient-migrate/no-deprecated-api  `backend.get` is deprecated. Use `extension.vm.service.get`.
 *
 *   3 problems in 2 of 7 files: ddclient-migrate/no-deprecated-api 1, ddclient-migrate/no-shell-operators 1, ddclient-migrate/exec-args-array 1.
 *   Check failed: run `ddclient-migrate` to migrate the 1 v0 call it can; fix the rest by hand.
 */
export function formatCheckText(report: CheckJsonReport): string {
  // A message's further lines (the typing's declaration) stand under its first, not at the margin.
  const lines = report.findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.ruleId}  ${f.message.replace(/\n/g, "\n    ")}`);

  const failed = report.files.filter((f) => f.status === "failed");
  if (failed.length > 0) lines.push("", `Failed, not checked (${failed.length}):`, ...failed.map((f) => `  ${f.path}: ${f.error}`));
  const skipped = report.files.filter((f) => f.status === "skipped");
  if (skipped.length > 0) lines.push("", `Skipped (${skipped.length}):`, ...skipped.map((f) => `  ${f.path}: ${f.note}`));

  if (lines.length > 0) lines.push("");
  lines.push(countsLine(report), closingLine(report));
  return lines.join("\n") + "\n";
}

export function countsLine(report: CheckJsonReport): string {
  const { files, findings, byRule } = report.summary;
  const perRule = Object.entries(byRule)
    .map(([id, n]) => `${id} ${n}`)
    .join(", ");
  return `${plural(findings, "problem")} in ${files.withFindings} of ${plural(files.scanned, "file")}: ${perRule}.`;
}

/** The verdict, and a next step true for what is left: the codemod only when it would migrate something. */
export function closingLine(report: CheckJsonReport): string {
  if (report.summary.files.failed > 0) return "Check incomplete: some files could not be read or parsed.";
  if (report.summary.incomplete !== null && report.summary.findings === 0) return report.summary.incomplete;
  if (report.summary.findings === 0) return "Check passed.";
  const migratable = report.findings.filter((f) => f.ruleId.endsWith("/no-deprecated-api") && f.rewrite !== null).length;
  // A hand-written typing is not a call: the CLI migrates it when it runs over the project.
  const typings = report.findings.filter((f) => f.messageId === TYPING_MESSAGE_ID).length;
  const rest = report.summary.findings - migratable - typings;
  // The CLI drops a typing's v0 members once nothing calls them as v0: after the calls, not before.
  const typing = typings > 0 ? `; ${typings === 1 ? "the hand-written typing" : "each hand-written typing"} of the client migrates on a run over the project once no call of its v0 members is left` : "";
  if (migratable > 0) return `Check failed: run \`ddclient-migrate\` to migrate the ${plural(migratable, "v0 call")} it can${rest > 0 ? "; fix the rest by hand" : ""}${typing}.`;
  if (typings > 0 && rest === 0) return `Check failed: run \`ddclient-migrate\` over the project to migrate the ${plural(typings, "hand-written typing")} of the client, whose v0 members no call uses any more.`;
  // `--allow` takes v0 members only (`--allow exec-args-array` is a usage error): offer it for v0 calls alone.
  const v0 = report.findings.filter((f) => f.ruleId.endsWith("/no-deprecated-api") && f.messageId !== TYPING_MESSAGE_ID).length;
  const head = "Check failed: nothing found can be migrated automatically. Fix each problem by hand, or keep";
  if (v0 === 0) return `${head} one on purpose with an \`eslint-disable\` comment for its rule (docs/check.md)${typing}.`;
  const others = v0 < rest ? ", and another problem with an `eslint-disable` comment" : "";
  return `${head} a v0 call on purpose with \`--allow <member>\` or an \`eslint-disable\` comment${others} (docs/check.md)${typing}.`;
}

/** The `no-deprecated-api` message of a hand-written typing (eslint-plugin/rules/no-deprecated-api MANUAL_MESSAGE_IDS). */
const TYPING_MESSAGE_ID = "handWrittenV0Typing";

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
