/**
 * `runCheck`: the CI gate as a library call. The checks are the ESLint plugin's rules (the
 * `strict` set), run without ESLint (cli/check-rules) over the files `listFiles` picks: no
 * ESLint config is read, so every project gets the same verdict and ESLint need not be
 * installed. What a project keeps on purpose stays quiet: `eslint-disable` comments for these
 * rules (check-directives.ts) and the `no-deprecated-api` rule's `allow` list, given as an
 * option or kept in package.json (project-config.ts). Vue, Svelte and HTML files, which ESLint
 * cannot parse here, get the codemod's v0 findings instead (check-embedded.ts).
 *
 *   const summary = await runCheck({ paths: ["src"], allow: ["navigateToRoute"] });
 *   summary.findings[0];  // { ruleId: "ddclient-migrate/no-deprecated-api", line: 3, column: 17, … }
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { mayContainV0Call, mayRunCommand, mayTypeClient } from "../core/precheck.js";
import { ParseError } from "../transforms/parse.js";
import { enterPass, noteRead, takePassLog, type PassLog } from "../transforms/pass-log.js";
import { checkEmbedded, isEmbedded, type DescribeFinding } from "./check-embedded.js";
import { interpolate, runRules } from "./check-rules.js";
import { findRepositoryRoot } from "./link-base.js";
import { createConfigFinder, parseAllowList } from "./project-config.js";
import { decodeSource } from "./decode.js";
import { describeSkipped, INCOMPLETE, incompleteVerdict } from "./skipped.js";
import { DEFAULT_EXTENSIONS, ExitCode, UsageError } from "./types.js";
import { listFiles, toPosix } from "./walk.js";

export interface CheckOptions {
  /** Files and directories; relative ones resolve against `cwd`. Default `["."]`. */
  readonly paths?: readonly string[];
  /** Default `process.cwd()`. */
  readonly cwd?: string;
  /** Without dots. Default {@link DEFAULT_EXTENSIONS}. */
  readonly extensions?: readonly string[];
  /** picomatch globs relative to `cwd`, as for `runMigration`. */
  readonly ignore?: readonly string[];
  /**
   * Table ids of v0 members called on purpose (`navigateToRoute`): `no-deprecated-api`'s
   * `allow`, added to the list in the nearest package.json's `"ddclient-migrate"` key.
   */
  readonly allow?: readonly string[];
  /** Apply .gitignore files, as for `runMigration`. Default true. */
  readonly gitignore?: boolean;
}

/** `error` or `warning`: the rule's severity in the plugin's `recommended` config. Every finding fails the check. */
export type CheckLevel = "error" | "warning";

export interface CheckFinding {
  /** Absolute. */
  readonly path: string;
  /** As ESLint names it: `ddclient-migrate/no-shell-operators`. */
  readonly ruleId: string;
  readonly messageId: string | null;
  readonly message: string;
  readonly level: CheckLevel;
  /** 1-based; columns count UTF-16 code units, end exclusive (ESLint's and SARIF's convention). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** What the rule offers: a fix `eslint --fix` applies, a suggestion, or nothing (a person's work). */
  readonly rewrite: "fix" | "suggestion" | null;
  /** Stable while the flagged line's text stays the same, wherever the line moves: `<sha256 prefix>:<occurrence>`. */
  readonly fingerprint: string;
}

/** `clean`: checked, nothing found (`linted: false` when the text precheck ruled it out); `skipped`: not JavaScript, TypeScript or markup the codemod reads. */
export type CheckFileStatus = "clean" | "found" | "failed" | "skipped";

export interface CheckFileResult {
  /** Absolute. */
  readonly path: string;
  readonly status: CheckFileStatus;
  /** Parsed: by ESLint, or by the codemod for a Vue, Svelte or HTML file. */
  readonly linted: boolean;
  /** `failed`: the parser's message with line:column, or why the file could not be read. */
  readonly error?: string;
  /** `skipped`: why the file was not checked. */
  readonly note?: string;
}

export interface CheckRule {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly url: string;
  readonly level: CheckLevel;
}

export interface CheckSummary {
  readonly cwd: string;
  /** The git repository's root above `cwd` (or `cwd` outside one): SARIF paths are relative to it. */
  readonly sourceRoot: string;
  /** Every rule the check runs, in the plugin's order. */
  readonly rules: readonly CheckRule[];
  /** Every file listed, sorted by path. */
  readonly files: readonly CheckFileResult[];
  /** Sorted by path, line, column. */
  readonly findings: readonly CheckFinding[];
  /** `files` counts the files listed, not the paths and links the walk left out (`skipped` does); `unchecked` those of them that fail the check. */
  readonly counts: { readonly files: number; readonly linted: number; readonly found: number; readonly failed: number; readonly skipped: number; readonly unchecked: number };
  readonly exitCode: ExitCode;
  /** Why the check is incomplete when the walk left something unseen: `--check`'s sentence (cli/skipped `incompleteVerdict`). */
  readonly incomplete?: string;
  /** @internal How many files each pass read and parsed, and how often each file was parsed (transforms/pass-log). */
  readonly stats?: PassLog;
}

/** What the rules read here (transforms/parse). Vue, Svelte and HTML files go through the codemod (check-embedded.ts). */
const LINTABLE = new Set(DEFAULT_EXTENSIONS.map((ext) => `.${ext}`));

/** A file naming no v0 member and no `exec`, and typing no `ddClient: { … }`, cannot hold anything the rules report. */
export const mayNeedCheck = (source: string): boolean => mayRunCommand(source) || mayTypeClient(source);

export async function runCheck(options: CheckOptions = {}): Promise<CheckSummary> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const extensions = options.extensions ?? DEFAULT_EXTENSIONS;
  if (extensions.length === 0) throw new UsageError("no file extensions to scan");
  const allowed = parseAllowList(options.allow ?? [], "--allow");
  const paths = options.paths?.length ? options.paths : ["."];
  const { files, skipped } = await listFiles(paths, { cwd, extensions, ignore: options.ignore ?? [], gitignore: options.gitignore ?? true });
  const sourceRoot = (await findRepositoryRoot(cwd)) ?? cwd;
  const configOf = createConfigFinder();
  const engine = await loadEngine();
  takePassLog();
  enterPass("check");

  // What the walk left out is listed as skipped, not counted as a file; a named path with no
  // file to check, or a directory it could not read, fails the check rather than pass it unseen.
  const results: CheckFileResult[] = skipped.map((s) => ({ path: s.path, status: "skipped", linted: false, note: describeSkipped(s) }));
  const walked = new Set(results);
  const unchecked = skipped.filter((s) => INCOMPLETE.has(s.reason));
  const findings: CheckFinding[] = [];
  for (const file of files) {
    const ext = path.extname(file).toLowerCase();
    const embedded = isEmbedded(file);
    if (!LINTABLE.has(ext) && !embedded) {
      results.push({ path: file, status: "skipped", linted: false, note: `not checked: ${ext || "a file without an extension"} is not JavaScript or TypeScript` });
      continue;
    }
    const source = readSource(file);
    if (typeof source !== "string") {
      results.push({ path: file, status: "failed", linted: false, error: source.error });
      continue;
    }
    if (embedded ? !mayContainV0Call(source) : !mayNeedCheck(source)) {
      results.push({ path: file, status: "clean", linted: false });
      continue;
    }
    const allow = [...new Set([...allowed, ...(await configOf(path.dirname(file))).allow])];
    const linted = embedded ? engine.lintEmbedded(source, file, allow) : engine.lint(source, file, allow);
    if ("error" in linted) {
      results.push({ path: file, status: "failed", linted: true, error: linted.error });
      continue;
    }
    const rel = toPosix(path.relative(sourceRoot, file));
    findings.push(...withFingerprints(linted.findings, file, rel, source));
    results.push({ path: file, status: linted.findings.length > 0 ? "found" : "clean", linted: true });
  }

  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const count = (status: CheckFileStatus): number => results.filter((r) => r.status === status).length;
  const counts = {
    files: results.filter((r) => !walked.has(r)).length,
    linted: results.filter((r) => r.linted).length,
    found: count("found"),
    failed: count("failed"),
    skipped: count("skipped"),
    unchecked: unchecked.length,
  };
  // As for the codemod: a file or directory that could not be read or parsed hides calls, so it outranks findings.
  const exitCode = counts.failed > 0 || unchecked.length > 0 ? ExitCode.Failed : findings.length > 0 ? ExitCode.CheckFound : ExitCode.Ok;
  const incomplete = incompleteVerdict(unchecked.map((s) => s.reason));
  return { cwd, sourceRoot, rules: engine.rules, files: results, findings, counts, exitCode, stats: takePassLog(), ...(incomplete ? { incomplete } : {}) };
}

/** Read in turn, as the migration's precheck reads: for many small files a plain read costs less than the promise machinery. */
function readSource(file: string): string | { error: string } {
  let bytes: Buffer;
  try {
    noteRead();
    bytes = readFileSync(file);
  } catch (error) {
    return { error: `could not read: ${(error as Error).message}` };
  }
  return decodeSource(bytes);
}

type RawFinding = Omit<CheckFinding, "path" | "fingerprint">;

interface Engine {
  readonly rules: readonly CheckRule[];
  /** `allow`: the table ids `no-deprecated-api` leaves unreported. */
  lint(source: string, file: string, allow: readonly string[]): { findings: RawFinding[] } | { error: string };
  /** A Vue, Svelte or HTML file: the codemod's v0 findings, as `no-deprecated-api` words them. */
  lintEmbedded(source: string, file: string, allow: readonly string[]): { findings: RawFinding[] } | { error: string };
}

/** The plugin loads only when a check runs, not with the library's index. */
async function loadEngine(): Promise<Engine> {
  const [{ default: plugin }, { reportOf }] = await Promise.all([import("../eslint-plugin/index.js"), import("../eslint-plugin/rules/no-deprecated-api.js")]);
  const namespace = plugin.meta.name;
  const rules: CheckRule[] = Object.entries(plugin.rules).map(([name, rule]) => ({
    id: `${namespace}/${name}`,
    name,
    description: rule.meta.docs.description,
    url: rule.meta.docs.url,
    level: rule.meta.docs.recommended === "warn" ? "warning" : "error",
  }));
  const levelOf = new Map(rules.map((rule) => [rule.id, rule.level]));
  const byId = Object.fromEntries(Object.entries(plugin.rules).map(([name, rule]) => [`${namespace}/${name}`, rule]));

  const v0Rule = rules.find((rule) => rule.name === "no-deprecated-api")!;
  const v0Messages: Readonly<Record<string, string>> = plugin.rules["no-deprecated-api"].meta.messages;
  const describeV0: DescribeFinding = (finding) => {
    const { messageId, data } = reportOf(finding);
    return { messageId, message: interpolate(v0Messages[messageId] ?? messageId, data) };
  };

  return {
    rules,
    lintEmbedded(source, file, allow) {
      const checked = checkEmbedded(source, file, describeV0, allow);
      return "error" in checked ? checked : { findings: checked.findings.map((f) => ({ ...f, ruleId: v0Rule.id, level: v0Rule.level })) };
    },
    lint(source, file, allow) {
      try {
        const options = allow.length > 0 ? { [v0Rule.id]: [{ allow }] } : {};
        return { findings: runRules(source, file, byId, options).map((m) => ({ ...m, level: levelOf.get(m.ruleId)! })) };
      } catch (error) {
        if (error instanceof ParseError) return { error: error.message };
        return { error: `internal error in a rule (please report): ${(error as Error).stack ?? error}` };
      }
    },
  };
}

/**
 * `sha256(rule, path, message, trimmed line text)`, plus the occurrence among equal hashes in
 * the file: unchanged by edits elsewhere in the file, so code scanning keeps one alert per problem.
 */
function withFingerprints(findings: readonly RawFinding[], file: string, relPath: string, source: string): CheckFinding[] {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const hash = createHash("sha256")
      .update([finding.ruleId, relPath, finding.message, (lines[finding.line - 1] ?? "").trim()].join("\0"))
      .digest("hex")
      .slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return { path: file, ...finding, fingerprint: `${hash}:${occurrence}` };
  });
}

