/**
 * The playground runs the CLI's engine: its bundle (dist-playground/engine.js, evaluated with no
 * Node globals) gives, for every example file and snippet under every option set the page
 * offers, the output `migrateSource` gives and the very bytes `ddclient-migrate --dry` prints,
 * and the lint findings `ddclient-migrate check` gives.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSource } from "../../transforms/migrate.js";
import { SLOW_IO_TIMEOUT } from "../support/timeouts.js";
import { buildPlaygroundTo, checkFindings, cliDry, cliDryAll, loadEngineBundle, OPTION_SETS, playgroundCases, type Engine } from "./support.js";

const cases = playgroundCases();
let built: { dir: string; cleanup: () => void };
let engine: Engine;
let runs: ReturnType<typeof cliDryAll>;

beforeAll(() => {
  built = buildPlaygroundTo();
  // Each result is read by several tests: the bundle runs once per input.
  const bundle = loadEngineBundle(built.dir);
  const results = new Map<string, ReturnType<Engine>>();
  engine = (input) => results.get(JSON.stringify(input)) ?? results.set(JSON.stringify(input), bundle(input)).get(JSON.stringify(input))!;
  runs = cliDryAll(cases, OPTION_SETS.map((set) => set.flags));
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
    const cli = runs(testCase, flags);
    // stdout is the diffs and a blank line, if any, then the summary (cli/main.ts).
    expect(cli.stdout.slice(0, cli.stdout.indexOf("Scanned 1 file:"))).toBe(page.diff && `${page.diff}\n`);
    expect(cli.report.files[0]?.diff ?? "").toBe(page.diff);
    const cliFindings = cli.report.findings.map((f) => ({ line: f.line, column: f.column, kind: f.kind, member: f.member, message: f.message, review: f.review.map((r) => r.message) }));
    expect(page.report).toEqual(cliFindings);
  }, SLOW_IO_TIMEOUT);

  it.each(cases)("$file: the report at places of the input, where the editor marks them", (testCase) => {
    const page = engine({ ...testCase, ...options });
    const direct = migrateSource(testCase.source, path.resolve("/", testCase.file), { ...options, positions: "input" });
    expect(page.inputReport.map(({ line, column, member }) => ({ line, column, member }))).toEqual(direct.findings.map(({ at, member }) => ({ ...at, member })));
  }, SLOW_IO_TIMEOUT);
});

it("runs the CLI in one batch as its own process runs it", () => {
  // The changed example file with the most findings, under the flags that change the most.
  const { options, flags } = OPTION_SETS[1]!;
  const weight = (testCase: (typeof cases)[number]): number => ((r) => (r.status === "changed" ? 1000 : 0) + r.report.length)(engine({ ...testCase, ...options }));
  const [testCase] = [...cases].sort((a, b) => weight(b) - weight(a));
  const alone = cliDry(testCase!, flags);
  expect(alone.report.files[0]?.diff).toBeTruthy();
  expect(alone.report.findings.length).toBeGreaterThan(0);
  // Each run has a directory of its own, which the report names.
  const batched = runs(testCase!, flags);
  expect({ ...batched, report: { ...batched.report, cwd: "" } }).toEqual({ ...alone, report: { ...alone.report, cwd: "" } });
}, SLOW_IO_TIMEOUT);

it.each(cases)("$file: the lint findings of ddclient-migrate check", async (testCase) => {
  const { lint } = engine({ ...testCase, ...OPTION_SETS[0]!.options });
  expect("findings" in lint && lint.findings).toEqual(await checkFindings(testCase));
}, SLOW_IO_TIMEOUT);

describe("the size budget in docs/playground.md", () => {
  const DOC = path.resolve(import.meta.dirname, "../../docs/playground.md");
  /** `| \`app.js\` | 560 | 190 |` → app.js: 560,000 and 190,000 bytes. */
  const budgets = (): Map<string, { min: number; gz: number }> => {
    const section = readFileSync(DOC, "utf8").split("## Size budget")[1] ?? "";
    const rows = [...section.matchAll(/^\| `?([\w.]+)`? \| ([\d,]+) \| ([\d,]+) \|$/gm)];
    return new Map(rows.map(([, file, min, gz]) => [file!, { min: Number(min!.replace(/,/g, "")) * 1000, gz: Number(gz!.replace(/,/g, "")) * 1000 }]));
  };

  it("gives a budget for every file of the page, and the page keeps within each", () => {
    const budget = budgets();
    const files = readdirSync(built.dir).sort();
    expect([...budget.keys()].sort()).toEqual([...files, "all"].sort());
    const sizes = files.map((file) => {
      const bytes = readFileSync(path.join(built.dir, file));
      return { file, min: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
    });
    sizes.push({ file: "all", min: sizes.reduce((n, s) => n + s.min, 0), gz: sizes.reduce((n, s) => n + s.gz, 0) });
    for (const size of sizes) {
      expect(size.min, `${size.file}, minified`).toBeLessThanOrEqual(budget.get(size.file)!.min);
      expect(size.gz, `${size.file}, gzipped`).toBeLessThanOrEqual(budget.get(size.file)!.gz);
    }
  });
});

it("changes something in most example files, so the comparisons above compare rewrites", () => {
  const changed = cases.filter((testCase) => engine({ ...testCase, ...OPTION_SETS[0]!.options }).status === "changed");
  expect(changed.length).toBeGreaterThan(cases.length / 2);
}, SLOW_IO_TIMEOUT);
