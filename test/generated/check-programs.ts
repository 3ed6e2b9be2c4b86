/**
 * All checks of a batch of programs: the static ones per program, then one strict
 * typecheck of every input and output in one compiler program (a program per file would cost
 * the DOM library's binding each time), then input and output on the simulated host.
 */
import fs from "node:fs";
import path from "node:path";
import { compileFixture, removeTempDir } from "../differential/load-module.js";
import { runFixture } from "../differential/run-fixture.js";
import { runPlanFor, SCRIPTS } from "../differential/scripts.js";
import { exportedCallables } from "../differential/signatures.js";
import { typecheck } from "../support/typecheck.js";
import { fileNameOf, renderProgram } from "./program-generator.js";
import { isTypeScript, tagsOf, type Lang, type Program } from "./program-tree.js";
import { migrateAndCheck, type Failure, type Migrated } from "./static-checks.js";

/** A program to check: generated (tags say its shapes) or written out (KNOWN_ENGINE_GAPS' reproductions). */
export interface Source {
  readonly name: string;
  readonly lang: Lang;
  readonly text: string;
  readonly tags: ReadonlySet<string>;
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

export const sourceOf = (program: Program): Source => ({ name: fileNameOf(program), lang: program.lang, text: renderProgram(program), tags: tagsOf(program) });

export async function checkSources(sources: readonly Source[], options: CheckOptions): Promise<SourceReport[]> {
  fs.mkdirSync(GENERATED_DIR, { recursive: true });
  const reports = sources.map((source): SourceReport => {
    const { migrated, failures } = migrateAndCheck(source.text, path.join(GENERATED_DIR, source.name));
    return { source, ...(migrated ? { migrated } : {}), failures };
  });
  const runnable = reports.filter((report) => report.migrated && !report.failures.some((f) => f.check === "output-parses"));
  if (options.typecheck) typecheckAll(runnable.filter((report) => isTypeScript(report.source.lang)));
  if (options.behaviour) for (const report of runnable) await compareTraces(report);
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

/** Input and output leave the same trace on a hybrid host, under each script and argument semantics the report allows. */
async function compareTraces(report: SourceReport): Promise<void> {
  const { fileName, input, output, findings } = report.migrated!;
  if (output === input) return;
  fs.writeFileSync(fileName, input);
  fs.writeFileSync(outputPathOf(fileName), output);
  const callables = exportedCallables(input, report.source.lang);
  const reviews = new Set(findings.flatMap((finding) => (finding.kind === "migrated" ? finding.review.map((review) => review.reason as string) : [])));
  const plan = runPlanFor((review) => reviews.has(review));
  const loadInput = await compileFixture(fileName);
  const loadOutput = await compileFixture(outputPathOf(fileName));
  for (const semantics of plan.semantics) {
    for (const scriptName of plan.scripts) {
      const options = { api: "hybrid", args: semantics, script: SCRIPTS[scriptName]! } as const;
      const before = JSON.stringify(await runFixture(loadInput, callables, options));
      const after = JSON.stringify(await runFixture(loadOutput, callables, options));
      if (before !== after) {
        report.failures.push({ check: "same-trace", detail: `on ${semantics}, script "${scriptName}":\n  input:  ${before}\n  output: ${after}` });
        return;
      }
    }
  }
}
