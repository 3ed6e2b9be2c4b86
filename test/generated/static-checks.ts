/**
 * The checks of one generated program that need no compiler program and no host: the codemod
 * does not fail, its output parses and is stable, every v0 use an independent finder sees
 * (test/support/v0-calls.ts, any form: calls, computed names, `.bind`, destructuring, feature
 * tests…) in a scenario on the client has a finding at its place from the codemod and from the
 * lint rule, before and after, and every lookalike scenario comes out as it went in, with
 * no finding.
 */
import path from "node:path";
import { Linter } from "eslint";
import ts from "typescript";
import type { ClientModules } from "../../core/client-modules.js";
import type { Finding } from "../../core/report.js";
import { migrateSource } from "../../transforms/migrate.js";
import { parseProgram } from "../../transforms/parse.js";
import { linterConfig } from "../eslint-plugin/helpers.js";
import { parseForV0Calls } from "../support/v0-calls.js";
import { findV0UseSites, type V0UseSite } from "../support/v0-use-sites.js";

export type CheckName =
  | "migrates"
  | "output-parses"
  | "idempotent"
  | "use-reported"
  | "lint-sees-use"
  | "lint-sees-leftover"
  | "leftover-reported"
  | "lookalike-untouched"
  | "input-typechecks"
  | "typechecks"
  | "same-trace"
  | "same-return"
  | "compat-return";

export interface Failure {
  readonly check: CheckName;
  readonly detail: string;
  /** The scenario (exported function) it is about, when one: its axis values group the summary. */
  readonly scenario?: string;
}

export interface Migrated {
  readonly fileName: string;
  readonly input: string;
  readonly output: string;
  readonly findings: readonly Finding[];
}

/** What the checks know of a program's scenarios: which stand on a lookalike. */
export interface ScenarioInfo {
  readonly name: string;
  readonly lookalike: boolean;
}

export interface Project {
  readonly clientModules: ClientModules;
  /** The lint rule's `clientModules` setting. */
  readonly clientModuleSetting: readonly string[];
}

const RULE = "ddclient-migrate/no-deprecated-api";

function lintRule(text: string, fileName: string, project: Project): { line: number; column: number }[] {
  const config = linterConfig({ [RULE]: "warn" }).map((entry, index) => (index === 0 ? { ...entry, settings: { "ddclient-migrate": { clientModules: project.clientModuleSetting } } } : entry));
  return new Linter({ cwd: path.dirname(fileName) }).verify(text, config, { filename: fileName }).filter((m) => m.ruleId === RULE);
}

export function migrateAndCheck(input: string, fileName: string, project: Project, scenarios: readonly ScenarioInfo[]): { migrated?: Migrated; failures: Failure[] } {
  const result = migrateSource(input, fileName, { clientModules: project.clientModules });
  if (result.status === "failed") return { failures: [{ check: "migrates", detail: result.error }] };
  const migrated = { fileName, input, output: result.output, findings: result.findings };
  const failures: Failure[] = [];
  try {
    parseProgram(result.output, fileName);
  } catch (error) {
    failures.push({ check: "output-parses", detail: (error as Error).message });
    return { migrated, failures };
  }
  const again = migrateSource(result.output, fileName, { clientModules: project.clientModules });
  if (again.status !== "unchanged") failures.push({ check: "idempotent", detail: again.status === "failed" ? again.error : "a second run changes the output" });
  failures.push(...reported(migrated, project, scenarios));
  return { migrated, failures };
}

interface Located extends V0UseSite {
  readonly scenario?: string;
}

/** Each top-level `scenarioN` function's source range and text. */
function scenarioRanges(file: ts.SourceFile): Map<string, { start: number; end: number; text: string }> {
  const ranges = new Map<string, { start: number; end: number; text: string }>();
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) ranges.set(statement.name.text, { start: statement.getStart(file), end: statement.getEnd(), text: statement.getText(file) });
  }
  return ranges;
}

function usesOf(text: string, fileName: string): { file: ts.SourceFile; uses: Located[]; ranges: ReturnType<typeof scenarioRanges> } {
  const file = parseForV0Calls(text, fileName);
  const ranges = scenarioRanges(file);
  const uses = findV0UseSites(file).map((use): Located => {
    const scenario = [...ranges].find(([, range]) => use.site.start >= range.start && use.site.end <= range.end)?.[0];
    return scenario ? { ...use, scenario } : use;
  });
  return { file, uses, ranges };
}

const where = (at: { line: number; column: number }): string => `${at.line}:${at.column}`;
const offsetOf = (file: ts.SourceFile, at: { line: number; column: number }): number => file.getPositionOfLineAndCharacter(at.line - 1, at.column - 1);
const inside = (file: ts.SourceFile, at: { line: number; column: number }, range: { start: number; end: number }): boolean => {
  const offset = offsetOf(file, at);
  return offset >= range.start && offset < range.end;
};
/**
 * At the use or at one of the finder's other places for it: a member taken into a local is
 * reported (and migrated) where the local is called, as the sweep's `related` references.
 */
const at = (file: ts.SourceFile, place: { line: number; column: number }, use: V0UseSite): boolean => [use.site, ...use.also].some((range) => inside(file, place, range));

/** Findings and lint messages at each v0 use's place; none in a lookalike, which comes out unchanged. */
function reported({ fileName, input, output, findings }: Migrated, project: Project, scenarios: readonly ScenarioInfo[]): Failure[] {
  const failures: Failure[] = [];
  const lookalikes = new Set(scenarios.filter((s) => s.lookalike).map((s) => s.name));
  const before = usesOf(input, fileName);
  const after = usesOf(output, fileName);
  const inputLint = lintRule(input, fileName, project);
  const outputLint = lintRule(output, fileName, project);
  const fail = (check: CheckName, detail: string, scenario?: string): void => void failures.push({ check, detail, ...(scenario ? { scenario } : {}) });
  const show = (use: Located): string => `${use.member} (${use.form}) at ${where(use)}: ${use.text.split("\n")[0]}`;

  for (const use of before.uses.filter((u) => !lookalikes.has(u.scenario ?? ""))) {
    if (!findings.some((f) => at(before.file, f.at, use))) fail("use-reported", `${show(use)} has no finding`, use.scenario);
    if (!inputLint.some((m) => at(before.file, m, use))) fail("lint-sees-use", `${show(use)} has no lint message`, use.scenario);
  }
  const leftovers = after.uses.filter((u) => !lookalikes.has(u.scenario ?? ""));
  for (const use of leftovers) {
    if (!outputLint.some((m) => at(after.file, m, use))) fail("lint-sees-leftover", `output ${show(use)} has no lint message`, use.scenario);
  }
  // Findings are at input positions: what is left must be matched by findings left for a person.
  const manual = findings.filter((f) => f.kind === "manual").length;
  if (leftovers.length > manual) fail("leftover-reported", `${leftovers.length} v0 use(s) left in the output, ${manual} reported for a person: ${leftovers.map(show).join("; ")}`, leftovers[0]?.scenario);

  for (const name of lookalikes) {
    const range = before.ranges.get(name);
    if (!range) continue;
    if (after.ranges.get(name)?.text !== range.text) fail("lookalike-untouched", `${name} (a lookalike) was rewritten`, name);
    const finding = findings.find((f) => inside(before.file, f.at, range));
    if (finding) fail("lookalike-untouched", `${name} (a lookalike) has a ${finding.kind} finding for ${finding.member} at ${where(finding.at)}`, name);
    const message = inputLint.find((m) => inside(before.file, m, range));
    if (message) fail("lookalike-untouched", `${name} (a lookalike) has a lint message at ${where(message)}`, name);
  }
  return failures;
}
