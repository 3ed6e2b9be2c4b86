/**
 * The playground runs the CLI's engine: its bundle (dist-playground/engine.js, evaluated with no
 * Node globals) gives, for every example file and snippet under every option set the page
 * offers, the output `migrateSource` gives and the very bytes `ddclient-migrate --dry` prints,
 * and the lint findings `ddclient-migrate check` gives.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSource } from "../../transforms/migrate.js";
import { SLOW_IO_TIMEOUT } from "../support/timeouts.js";
import { buildPlaygroundTo, checkFindings, cliDry, loadEngineBundle, OPTION_SETS, playgroundCases, type Engine } from "./support.js";

const cases = playgroundCases();
let built: { dir: string; cleanup: () => void };
let engine: Engine;

beforeAll(() => {
  built = buildPlaygroundTo();
  engine = loadEngineBundle(built.dir);
}, SLOW_IO_TIMEOUT);

afterAll(() => built?.cleanup(), SLOW_IO_TIMEOUT);

describe.each(OPTION_SETS)("the playground's engine bundle with $flags", ({ options, flags }) => {
  it.each(cases)("$file: migrateSource's output", (testCase) => {
    const page = engine({ ...testCase, ...options });
    const direct = migrateSource(testCase.source, path.resolve("/", testCase.file), options);
    expect(page.status).toBe(direct.status);
    if (direct.status !== "failed") expect(page.output).toBe(direct.output);
  }, SLOW_IO_TIMEOUT);

  it.each(cases)("$file: the CLI's --dry diff and report", (testCase) => {
    const page = engine({ ...testCase, ...options });
    const cli = cliDry(testCase, flags);
    // stdout is the diffs and a blank line, if any, then the summary (cli/main.ts).
    expect(cli.stdout.slice(0, cli.stdout.indexOf("Scanned 1 file:"))).toBe(page.diff && `${page.diff}\n`);
    expect(cli.report.files[0]?.diff ?? "").toBe(page.diff);
    const cliFindings = cli.report.findings.map((f) => ({ line: f.line, column: f.column, kind: f.kind, member: f.member, message: f.message, review: f.review.map((r) => r.message) }));
    expect(page.report).toEqual(cliFindings);
  }, SLOW_IO_TIMEOUT);
});

it.each(cases)("$file: the lint findings of ddclient-migrate check", async (testCase) => {
  const { lint } = engine({ ...testCase, ...OPTION_SETS[0]!.options });
  expect("findings" in lint && lint.findings).toEqual(await checkFindings(testCase));
}, SLOW_IO_TIMEOUT);

it("changes something in most example files, so the comparisons above compare rewrites", () => {
  const changed = cases.filter((testCase) => engine({ ...testCase, ...OPTION_SETS[0]!.options }).status === "changed");
  expect(changed.length).toBeGreaterThan(cases.length / 2);
}, SLOW_IO_TIMEOUT);
