/**
 * Generated programs through the codemod, the lint rule, the TypeScript checker and the
 * simulated host (issue 16's systemic check): programs drawn along four axes (access form,
 * value context, receiver provenance with its lookalike, table row; see program-generator.ts).
 * CI runs a bounded, seeded batch; more with
 *
 *   DDCM_GENERATED_PROGRAMS=500 DDCM_SEED=7 npx vitest run test/generated
 *
 * and the failures grouped by axis value with DDCM_GENERATED_REPORT=1 (DDCM_GENERATED_SHRINK=n
 * shrinks n representatives; DDCM_TIMING=1 prints where the time goes). A failure prints the
 * seed, the program's index and the program shrunk while it still fails. There is no
 * exclusion list: a failure is a bug of the engine (or of this generator) to fix.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources, removeGeneratedDir, sourceOf, type CheckOptions, type SourceReport } from "./check-programs.js";
import { failureClasses, renderSummary } from "./failure-summary.js";
import { AXES, generateProgram, renderProgram, SIMPLEST } from "./program-generator.js";
import type { Program } from "./program-tree.js";
import { shrink } from "./shrink.js";
import type { CheckName, Failure } from "./static-checks.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SEED = Number(process.env.DDCM_SEED ?? 20261130);
const DEFAULT_COUNT = 40;
const COUNT = Number(process.env.DDCM_GENERATED_PROGRAMS ?? DEFAULT_COUNT);
const REPORT = process.env.DDCM_GENERATED_REPORT === "1";
/** At most this many failing checks are shrunk for the message (a shrink costs a check per candidate). */
const SHRUNK_PER_RUN = Number(process.env.DDCM_GENERATED_SHRINK ?? (REPORT ? 20 : 6));

const programs: Program[] = Array.from({ length: COUNT }, (_, index) => generateProgram(SEED, index));
const ALL_CHECKS: CheckOptions = { typecheck: true, behaviour: true };

/** Only what a check needs: a typecheck costs a compiler program, a trace a bundle and runs. */
const optionsFor = (check: CheckName): CheckOptions => ({
  typecheck: check === "typechecks" || check === "input-typechecks",
  behaviour: check === "same-trace" || check === "same-return" || check === "compat-return",
});

async function shrunk(program: Program, failure: Failure): Promise<Program> {
  const fails = async (candidate: Program): Promise<boolean> => {
    const [report] = await checkSources([sourceOf(candidate)], optionsFor(failure.check));
    return report!.failures.some((f) => f.check === failure.check && (f.scenario === undefined || f.scenario === failure.scenario));
  };
  return shrink(program, fails);
}

const axisTags = (program: Program, scenario?: string): string =>
  program.units
    .filter((unit) => scenario === undefined || unit.parts[0]!.head.includes(`function ${scenario}(`))
    .map((unit) => unit.tags.filter((tag) => tag.includes(":")).join(" "))
    .join(" | ");

describe(`generated programs (seed ${SEED}, ${COUNT} programs)`, () => {
  let reports: SourceReport[] = [];
  beforeAll(async () => {
    const started = Date.now();
    reports = await checkSources(programs.map(sourceOf), ALL_CHECKS);
    const failing = reports.filter((report) => report.failures.length > 0).length;
    console.info(`generated programs: ${COUNT} (${programs.length * programs[0]!.units.length} scenarios) in ${Date.now() - started} ms; ${failing} with failures`);
    if (REPORT) console.info(`generated programs: failures by axis value (seed ${SEED}, ${COUNT} programs)\n${renderSummary(reports)}`);
  }, 3_600_000);
  afterAll(() => removeGeneratedDir(), IO_TIMEOUT);

  // Every value of every axis within the default batch, so a generator change cannot quietly drop one.
  it(`reaches every value of every axis within the default batch (${DEFAULT_COUNT} programs)`, () => {
    const seen = new Set(Array.from({ length: DEFAULT_COUNT }, (_, index) => generateProgram(SEED, index).units.flatMap((unit) => unit.tags)).flat());
    const missing = Object.entries(AXES).flatMap(([axis, values]) => values.map((value) => `${axis}:${value}`)).filter((tag) => !seen.has(tag));
    expect(missing).toEqual([]);
  });

  it("passes every check", async () => {
    const failing = reports.flatMap((report, index) => report.failures.map((failure) => ({ program: programs[index]!, failure })));
    // Representatives, most suspect first: for each check, the axis value failing most often when
    // drawn; one not yet explained by an earlier shrunk class. The rest are usually the same bug.
    const tagsOf = (entry: { program: Program; failure: Failure }): string[] =>
      entry.program.units.find((unit) => entry.failure.scenario !== undefined && unit.parts[0]!.head.includes(`function ${entry.failure.scenario}(`))?.tags.filter((tag) => tag.includes(":")) ?? [];
    const explained = new Set<string>();
    const picked: { program: Program; failure: Failure }[] = [];
    const suspects = failureClasses(reports).sort((a, b) => b.failing / Math.max(b.drawn, 1) - a.failing / Math.max(a.drawn, 1));
    const firstPerClass = new Map<string, { program: Program; failure: Failure }>();
    for (const suspect of suspects) {
      const entry = failing.find((e) => e.failure.check === suspect.check && (suspect.value === "(whole program)" ? !e.failure.scenario : tagsOf(e).includes(suspect.value)));
      if (entry) firstPerClass.set(`${suspect.check} ${suspect.value}`, entry);
    }
    const described: string[] = [];
    /** Shrunk classes: a check and the axis values its smallest failing program cannot do without. */
    const shrunkClasses = new Map<string, string[]>();
    for (const [key, entry] of firstPerClass) {
      if (picked.length >= SHRUNK_PER_RUN) break;
      if (explained.has(key) || picked.includes(entry)) continue;
      picked.push(entry);
      const { program, failure } = entry;
      const small = await shrunk(program, failure);
      const simplest = new Set(Object.entries(SIMPLEST).map(([axis, value]) => `${axis}:${String(value)}`));
      for (const tag of tagsOf({ program: small, failure }).filter((t) => !simplest.has(t))) explained.add(`${failure.check} ${tag}`);
      const axes = failure.scenario ? ` [${axisTags(program, failure.scenario)}]` : "";
      const smallAxes = failure.scenario ? axisTags(small, failure.scenario) : "";
      const classKey = `${failure.check} [${smallAxes}]`;
      shrunkClasses.set(classKey, [...(shrunkClasses.get(classKey) ?? []), `${program.index}/${failure.scenario ?? ""}`]);
      described.push(
        `${failure.check} in program ${program.index} of DDCM_SEED=${SEED}${failure.scenario ? `, ${failure.scenario}` : ""}${axes}: ${failure.detail}\nshrunk (${smallAxes || "whole program"}):\n${renderProgram(small)}`,
      );
    }
    if (REPORT) console.info(`generated programs: shrunk failure classes (seed ${SEED}; program/scenario)\n${[...shrunkClasses].map(([key, at]) => `  ${key}: ${at.join(", ")}`).join("\n")}`);
    if (firstPerClass.size > picked.length) described.push(`… and more (DDCM_GENERATED_REPORT=1 lists the failures by axis value and shrinks more)`);
    expect(described.join("\n\n"), `${failing.length} failure(s)`).toBe("");
  }, 3_600_000);
});
