/**
 * Generated programs through the codemod, the lint rule, the TypeScript checker and the
 * simulated host (issue 9's systemic check). CI runs a bounded, seeded batch; more with
 *
 *   DDCM_GENERATED_PROGRAMS=5000 DDCM_SEED=7 npx vitest run test/generated
 *
 * A failure prints the seed, the program's index and the program shrunk while it still fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources, removeGeneratedDir, sourceOf, type CheckOptions, type SourceReport } from "./check-programs.js";
import { gapFor, KNOWN_ENGINE_GAPS } from "./known-engine-gaps.js";
import { generateProgram, renderProgram } from "./program-generator.js";
import { tagsOf, type Program } from "./program-tree.js";
import { shrink } from "./shrink.js";
import type { CheckName, Failure } from "./static-checks.js";
import { IO_TIMEOUT } from "../support/timeouts.js";

const SEED = Number(process.env.DDCM_SEED ?? 20261130);
const COUNT = Number(process.env.DDCM_GENERATED_PROGRAMS ?? 40);
const REACH_WINDOW = 200;

/** Shapes and surroundings every default batch must reach, so a generator change cannot quietly drop one. */
const REACHED = [
  "shared-named-callback",
  "spawns-in-one-scope",
  "callback-if-err-else",
  "function-arguments",
  "named-callback",
  "callback-closure",
  "nested-v0-call",
  "join-interpolation",
  "multi-word-conditional",
  "multi-word-const",
  "numeric-const",
  "optional-chain",
  "destructured-backend",
  "backend-alias",
  "props-client",
  "get-client-call",
  "client-parameter",
  "cast-receiver",
  "lookalike",
  "shadowed-window",
  "shadowed-ddclient",
  "ddclient-param-own-type",
  "braceless",
  "loop",
  "try",
  "nested-arrow",
  "nested-function",
  "jsx-attribute",
  "class",
  "method-callback",
  "ternary",
];

const programs: Program[] = Array.from({ length: COUNT }, (_, index) => generateProgram(SEED, index));
const ALL_CHECKS: CheckOptions = { typecheck: true, behaviour: true };

/** Only what a check needs: a typecheck costs a compiler program, a trace a bundle and runs. */
const optionsFor = (check: CheckName): CheckOptions => ({
  typecheck: check === "typechecks" || check === "input-typechecks",
  behaviour: check === "same-trace",
});

async function shrunk(program: Program, check: CheckName): Promise<string> {
  const fails = async (candidate: Program): Promise<boolean> => {
    const [report] = await checkSources([sourceOf(candidate)], optionsFor(check));
    return report!.failures.some((failure) => failure.check === check);
  };
  return renderProgram(await shrink(program, fails));
}

describe(`generated programs (seed ${SEED}, ${COUNT} programs)`, () => {
  let reports: SourceReport[] = [];
  let gapReports: SourceReport[] = [];
  beforeAll(async () => {
    const started = Date.now();
    reports = await checkSources(programs.map(sourceOf), ALL_CHECKS);
    const gated = reports.flatMap((report) => report.failures.flatMap((failure) => gapFor(failure.check, report.source.tags)?.shape ?? []));
    const perGap = KNOWN_ENGINE_GAPS.map((gap) => `${gap.shape}: ${gated.filter((shape) => shape === gap.shape).length}`);
    console.info(`generated programs: ${COUNT} in ${Date.now() - started} ms; failures gated by KNOWN_ENGINE_GAPS: ${gated.length} (${perGap.join(", ")})`);
    gapReports = await checkSources(
      KNOWN_ENGINE_GAPS.map((gap) => ({ name: `gap-${gap.shape}.${gap.reproduction.lang}`, lang: gap.reproduction.lang, text: gap.reproduction.text, tags: new Set() })),
      ALL_CHECKS,
    );
  }, 900_000);
  afterAll(() => removeGeneratedDir(), IO_TIMEOUT);

  // Generating is cheap: the generator must reach each within REACH_WINDOW programs of the seed,
  // whether or not the (bounded) checked batch happens to hold it.
  it(`reaches every call shape and surrounding within ${REACH_WINDOW} programs`, () => {
    const seen = new Set(Array.from({ length: Math.max(COUNT, REACH_WINDOW) }, (_, index) => [...tagsOf(generateProgram(SEED, index))]).flat());
    expect(REACHED.filter((tag) => !seen.has(tag))).toEqual([]);
    const checked = new Set(programs.flatMap((program) => [...tagsOf(program)]));
    console.info(`generated programs: shapes not in the checked batch: ${REACHED.filter((tag) => !checked.has(tag)).join(", ") || "none"}`);
  });

  it("passes every check, outside KNOWN_ENGINE_GAPS", async () => {
    const failing = reports.flatMap((report, index) =>
      report.failures.filter((failure) => !gapFor(failure.check, report.source.tags)).map((failure) => ({ program: programs[index]!, failure })),
    );
    // One shrunk program per failing check: the rest are usually the same bug again.
    const firstPerCheck = new Map<CheckName, { program: Program; failure: Failure }>();
    for (const entry of failing) if (!firstPerCheck.has(entry.failure.check)) firstPerCheck.set(entry.failure.check, entry);
    const described: string[] = [];
    for (const { program, failure } of firstPerCheck.values()) {
      described.push(`${failure.check} in program ${program.index} of DDCM_SEED=${SEED}: ${failure.detail}\nshrunk:\n${await shrunk(program, failure.check)}`);
    }
    expect(described.join("\n\n"), `${failing.length} failure(s)`).toBe("");
  }, 900_000);

  // An entry whose reproduction passes has been fixed: delete it so the shape is checked again.
  it.each(KNOWN_ENGINE_GAPS.map((gap, index) => [gap.shape, index] as const))("KNOWN_ENGINE_GAPS %s still fails as listed", (_shape, index) => {
    const failed = new Set(gapReports[index]!.failures.map((failure) => failure.check));
    expect(KNOWN_ENGINE_GAPS[index]!.checks.filter((check) => failed.has(check))).not.toEqual([]);
  });
});
