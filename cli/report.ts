/**
 * The JSON report: the same facts as the printed summary in the stable shape documented in
 * docs/report-schema.md. Bump SCHEMA_VERSION on any change that is not a new optional field.
 */
import path from "node:path";
import type { Finding } from "../core/report.js";
import { describeFinding, describeReview, replacementOf } from "../deprecations/messages.js";
import { describeSkipped, type SkipReason } from "./skipped.js";
import type { FileResult, RunSummary } from "./types.js";
import { TOOL } from "./version.js";
import { toPosix } from "./walk.js";

export const SCHEMA_VERSION = 1;

export interface JsonReview {
  readonly reason: string;
  readonly data: Readonly<Record<string, string>>;
  readonly message: string;
}

export interface JsonFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly kind: Finding["kind"];
  readonly member: string;
  readonly replacement: string;
  /** Why a `manual` call was left; null for `migrated`. */
  readonly reason: string | null;
  readonly data: Readonly<Record<string, string>>;
  readonly message: string;
  readonly review: readonly JsonReview[];
}

export interface JsonReport {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly mode: RunSummary["mode"];
  readonly exitCode: number;
  readonly cwd: string;
  /** Worker processes used; 0 when the run stayed in one process. */
  readonly workers: number;
  readonly refusedDirtyFiles: readonly string[];
  /** Things to do besides the files (e.g. a dependency to add for `--client import`). */
  readonly notices: readonly string[];
  readonly summary: {
    readonly files: RunSummary["counts"];
    readonly callSites: { readonly migrated: number; readonly manual: number; readonly review: number };
    readonly migratedByMember: Readonly<Record<string, number>>;
    readonly manualByReason: Readonly<Record<string, number>>;
    /** Hand-written typings of the client (`member: "ddClient"`), migrated or left: not counted among the call sites above. */
    readonly typings: { readonly migrated: number; readonly manual: number };
  };
  readonly files: readonly { readonly path: string; readonly status: FileResult["status"]; readonly error: string | null; readonly diff: string | null }[];
  readonly findings: readonly JsonFinding[];
  /** Links not followed, and paths named on the command line that yielded no file. */
  readonly skipped: readonly { readonly path: string; readonly reason: SkipReason; readonly message: string }[];
  /** Set when SIGINT or SIGTERM stopped the run. */
  readonly interrupted: { readonly signal: string; readonly written: readonly string[]; readonly notProcessed: readonly string[] } | null;
}

export function buildReport(summary: RunSummary): JsonReport {
  const rel = (file: string): string => toPosix(path.relative(summary.cwd, file));
  const findings = summary.files.flatMap((file) => byPosition(file.findings).map((finding) => toJsonFinding(rel(file.path), finding)));
  // A hand-written typing of the client is not a call site: it is counted apart.
  const calls = findings.filter((f) => !isTyping(f));
  const migrated = calls.filter((f) => f.kind === "migrated");
  const manual = calls.filter((f) => f.kind === "manual");
  const typings = findings.filter(isTyping);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: TOOL.name, version: TOOL.version },
    mode: summary.mode,
    exitCode: summary.exitCode,
    cwd: summary.cwd,
    workers: summary.workers,
    refusedDirtyFiles: (summary.refusedDirty ?? []).map(rel),
    notices: [...summary.notices],
    summary: {
      files: summary.counts,
      callSites: { migrated: migrated.length, manual: manual.length, review: migrated.reduce((n, f) => n + f.review.length, 0) },
      migratedByMember: tally(migrated.map((f) => f.member)),
      manualByReason: tally(manual.map((f) => f.reason ?? "")),
      typings: { migrated: typings.filter((f) => f.kind === "migrated").length, manual: typings.filter((f) => f.kind === "manual").length },
    },
    files: summary.files
      .filter((file) => file.status !== "unchanged" || file.findings.length > 0)
      .map((file) => ({ path: rel(file.path), status: file.status, error: file.error ?? null, diff: file.diff ?? null })),
    findings,
    skipped: summary.skipped.map((skip) => ({ path: rel(skip.path), reason: skip.reason, message: describeSkipped(skip) })),
    interrupted: summary.interrupted
      ? {
          signal: summary.interrupted.signal,
          written: summary.mode === "write" ? summary.files.filter((file) => file.status === "changed").map((file) => rel(file.path)) : [],
          notProcessed: summary.interrupted.notProcessed.map(rel),
        }
      : null,
  };
}

function toJsonFinding(file: string, finding: Finding): JsonFinding {
  const common = { file, line: finding.at.line, column: finding.at.column, kind: finding.kind, member: finding.member, replacement: (finding.kind === "manual" && finding.data.replacement) || replacementOf(finding.member) };
  if (finding.kind === "manual") return { ...common, reason: finding.reason, data: finding.data, message: describeFinding(finding), review: [] };
  const review = finding.review.map((r) => ({ reason: r.reason, data: r.data, message: describeReview(r) }));
  return { ...common, reason: null, data: {}, message: describeFinding(finding), review };
}

/** A finding of a hand-written typing of the client (core/plan-typing, core/hand-written-typing), not of a call. */
export function isTyping(finding: { readonly member: string }): boolean {
  return finding.member === "ddClient";
}

function byPosition(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
}

/** Keys sorted, so the report is stable from run to run. */
function tally(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of [...keys].sort()) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
