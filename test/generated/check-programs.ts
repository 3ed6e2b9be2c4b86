/**
 * All checks of a batch of programs: the static ones per program, then one strict
 * typecheck of every input and output in one compiler program (a program per file would cost
 * the DOM library's binding each time), then input and output on the simulated host: the same
 * effects, the same values given back by each scenario, and the same values through the
 * compat layer (v0 code over `withLegacyApi` on a v1 host, v1 code over `withModernApi` on a
 * v0 host).
 */
import fs from "node:fs";
import path from "node:path";
import { withLegacyApi, withModernApi } from "../../compat/index.js";
import { findDeprecation } from "../../deprecations/table.js";
import { compileFixture, removeTempDir } from "../differential/load-module.js";
import { runFixture, type Entry } from "../differential/run-fixture.js";
import { runPlanFor, SCRIPTS } from "../differential/scripts.js";
import { exportedCallables } from "../differential/signatures.js";
import { typecheck } from "../support/typecheck.js";
import { fileNameOf, renderProgram } from "./program-generator.js";
import { isTypeScript, type Lang, type Program } from "./program-tree.js";
import { clientModuleSetting, writeProjectFiles } from "./project-files.js";
import { migrateAndCheck, type Failure, type Migrated, type Project, type ScenarioInfo } from "./static-checks.js";

/** A program to check: its scenarios' tags are the axis values they drew. */
export interface Source {
  readonly name: string;
  readonly lang: Lang;
  readonly text: string;
  readonly scenarios: readonly (ScenarioInfo & { readonly tags: readonly string[] })[];
}

export interface SourceReport {
  readonly source: Source;
  readonly migrated?: Migrated;
  readonly failures: Failure[];
}

export interface CheckOptions {
  readonly typecheck: boolean;
  readonly behaviour: boolean;
}

/** Where the batch's files go: inside the repository (git-ignored), so `@docker/extension-api-client-types` resolves. */
export const GENERATED_DIR = path.resolve(import.meta.dirname, "../../.vitest-tmp", `generated-${process.pid}`);

export const sourceOf = (program: Program): Source => ({
  name: fileNameOf(program),
  lang: program.lang,
  text: renderProgram(program),
  scenarios: program.units.map((unit) => ({ name: /function (\w+)/.exec(unit.parts[0]!.head)![1]!, lookalike: unit.tags.includes("lookalike"), tags: unit.tags })),
});

export async function checkSources(sources: readonly Source[], options: CheckOptions): Promise<SourceReport[]> {
  const t0 = Date.now();
  const project: Project = { clientModules: writeProjectFiles(GENERATED_DIR), clientModuleSetting: clientModuleSetting(GENERATED_DIR) };
  const reports = sources.map((source): SourceReport => {
    const { migrated, failures } = migrateAndCheck(source.text, path.join(GENERATED_DIR, source.name), project, source.scenarios);
    return { source, ...(migrated ? { migrated } : {}), failures };
  });
  const t1 = Date.now();
  const runnable = reports.filter((report) => report.migrated && !report.failures.some((f) => f.check === "output-parses"));
  if (options.typecheck) typecheckAll(runnable.filter((report) => isTypeScript(report.source.lang)));
  const t2 = Date.now();
  if (options.behaviour) for (const report of runnable) await compareRuns(report);
  if (process.env.DDCM_TIMING) console.info(`static ${t1 - t0} ms, typecheck ${t2 - t1} ms, behaviour ${Date.now() - t2} ms`);
  return reports;
}

export function removeGeneratedDir(): void {
  fs.rmSync(GENERATED_DIR, { recursive: true, force: true });
  removeTempDir();
}

const outputPathOf = (fileName: string): string => fileName.replace(/(\.\w+)$/, ".output$1");

function typecheckAll(reports: readonly SourceReport[]): void {
  const files = reports.flatMap(({ migrated }) => {
    fs.writeFileSync(migrated!.fileName, migrated!.input);
    fs.writeFileSync(outputPathOf(migrated!.fileName), migrated!.output);
    return [migrated!.fileName, outputPathOf(migrated!.fileName)];
  });
  const diagnostics = typecheck(files);
  for (const report of reports) {
    const { fileName } = report.migrated!;
    const before = diagnostics.get(fileName)!;
    const after = diagnostics.get(outputPathOf(fileName))!;
    // The generator writes inputs that typecheck; one that does not is a generator bug, shown as such.
    if (before.length > 0) report.failures.push({ check: "input-typechecks", detail: before.join("; ") });
    else if (after.length > 0) report.failures.push({ check: "typechecks", detail: after.join("; ") });
  }
}

const isOutcome = (entry: Entry): boolean => "returned" in entry;

/** The scenario a trace entry belongs to: the last `invoke` before it. */
function scenarioAt(trace: readonly Entry[], index: number): string | undefined {
  for (let i = Math.min(index, trace.length - 1); i >= 0; i--) if (typeof trace[i]!.invoke === "string") return trace[i]!.invoke as string;
  return undefined;
}

/** Each scenario's outcome: what it gave back, or that it threw (messages differ between a host and the compat layer). */
function outcomes(trace: readonly Entry[], exact: boolean): Map<string, string> {
  const result = new Map<string, string>();
  trace.forEach((entry, index) => {
    const scenario = scenarioAt(trace, index);
    if (!scenario) return;
    if ("returned" in entry) result.set(scenario, JSON.stringify(entry.returned));
    else if ("threw" in entry && !result.has(scenario)) result.set(scenario, exact ? JSON.stringify(entry) : "<threw>");
  });
  return result;
}

function firstDifference(before: readonly Entry[], after: readonly Entry[]): number {
  const length = Math.max(before.length, after.length);
  for (let i = 0; i < length; i++) if (JSON.stringify(before[i]) !== JSON.stringify(after[i])) return i;
  return -1;
}

/** Input and output on a hybrid host under each script and semantics the report allows, and both through the compat layer. */
async function compareRuns(report: SourceReport): Promise<void> {
  const { fileName, input, output, findings } = report.migrated!;
  const fail = (failure: Failure): void => void report.failures.push(failure);
  fs.writeFileSync(fileName, input);
  fs.writeFileSync(outputPathOf(fileName), output);
  const callables = exportedCallables(input, report.source.lang);
  const reviews = new Set(findings.flatMap((finding) => (finding.kind === "migrated" ? finding.review.map((review) => review.reason as string) : [])));
  const plan = runPlanFor((review) => reviews.has(review));
  const loadInput = await compileFixture(fileName);
  const loadOutput = output === input ? loadInput : await compileFixture(outputPathOf(fileName));
  const firstScript = SCRIPTS[plan.scripts[0]!]!;
  const reference = await runFixture(loadInput, callables, { api: "hybrid", args: "docker-desktop", script: firstScript, settle: true });

  if (output !== input) {
    let traced = false;
    let returned = false;
    for (const semantics of plan.semantics) {
      for (const scriptName of plan.scripts) {
        const options = { api: "hybrid", args: semantics, script: SCRIPTS[scriptName]!, settle: true } as const;
        const before = await runFixture(loadInput, callables, options);
        const after = await runFixture(loadOutput, callables, options);
        const effects = [before.filter((e) => !isOutcome(e)), after.filter((e) => !isOutcome(e))] as const;
        const at = firstDifference(...effects);
        if (!traced && at >= 0) {
          traced = true;
          // The side whose entry there is not the next scenario's start shows where they part.
          const own = (trace: readonly Entry[]): string | undefined => (trace[at] && !("invoke" in trace[at]!) ? scenarioAt(trace, at) : undefined);
          const scenario = own(effects[0]) ?? own(effects[1]) ?? scenarioAt(effects[0], at - 1);
          fail({ check: "same-trace", detail: `on ${semantics}, script "${scriptName}", at entry ${at}:\n  input:  ${JSON.stringify(effects[0][at])}\n  output: ${JSON.stringify(effects[1][at])}`, ...(scenario ? { scenario } : {}) });
        }
        if (!returned) returned = compareOutcomes(report, outcomes(before, true), outcomes(after, true), "same-return", `on ${semantics}, script "${scriptName}"`);
      }
    }
  }
  // v0 code through the compat layer on a host that has only v1, and v1 code on a host that has only v0.
  const compat = { args: "docker-desktop", script: firstScript, settle: true } as const;
  const expected = outcomes(reference, false);
  for (const scenario of compatCannotKeep(report.source, reference)) expected.delete(scenario);
  const legacy = await runFixture(loadInput, callables, { ...compat, api: "v1", client: (host) => withLegacyApi(host) });
  if (!compareOutcomes(report, expected, outcomes(legacy, false), "compat-return", "input through withLegacyApi on a v1 host") && output !== input) {
    const modern = await runFixture(loadOutput, callables, { ...compat, api: "v0", client: (host) => withModernApi(host) });
    compareOutcomes(report, expected, outcomes(modern, false), "compat-return", "output through withModernApi on a v0 host");
  }
}

/**
 * Scenarios whose value no compat layer can keep, as docs/compat.md's "What no host can
 * preserve" says: a row v1 has no counterpart for, and a v0 line that needed a shell (the
 * hybrid host ran it as `sh -c`), which the layer refuses on a v1 host.
 */
function compatCannotKeep(source: Source, reference: readonly Entry[]): Set<string> {
  const cannot = new Set<string>();
  for (const scenario of source.scenarios) {
    const row = findDeprecation(scenario.tags.find((tag) => tag.startsWith("row:"))?.slice("row:".length) ?? "");
    if (row?.kind === "no-counterpart") cannot.add(scenario.name);
  }
  reference.forEach((entry, index) => {
    const scenario = scenarioAt(reference, index);
    if (scenario && entry.type === "exec" && entry.cmd === "sh" && (entry.args as string[])[0] === "-c") cannot.add(scenario);
  });
  return cannot;
}

/** Records the first scenario whose outcome differs; true when one does. */
function compareOutcomes(report: SourceReport, before: Map<string, string>, after: Map<string, string>, check: "same-return" | "compat-return", where: string): boolean {
  for (const [scenario, value] of before) {
    const other = after.get(scenario) ?? "<no outcome>";
    if (other !== value) {
      report.failures.push({ check, scenario, detail: `${scenario} ${where}:\n  before: ${value}\n  after:  ${other}` });
      return true;
    }
  }
  return false;
}
