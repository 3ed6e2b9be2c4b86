/**
 * `--interactive`'s changes (transforms/change-ids), on every fixture: each change keeps its name
 * whichever others are left, so leaving one makes exactly the others; leaving any of them gives
 * a file that parses and (TypeScript) typechecks under `strict`, with a finding at each change
 * left; leaving none gives the plain run's bytes.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../core/report.js";
import { markupKindOf } from "../../transforms/embedded.js";
import { migrateSource, type MigrateOptions } from "../../transforms/migrate.js";
import { parseProgram as parseSource } from "../../transforms/parse.js";
import { listFixtures, type Fixture } from "../support/fixtures.js";
import { IO_TIMEOUT, SLOW_IO_TIMEOUT } from "../support/timeouts.js";
import { typecheck } from "../support/typecheck.js";

const fixtures = listFixtures().filter((fixture) => !markupKindOf(fixture.inputPath));
const isTypeScript = (extension: string): boolean => /^[mc]?tsx?$/.test(extension);

interface Run {
  readonly output: string;
  readonly findings: readonly Finding[];
  /** The changes made, by name. */
  readonly made: string[];
}

function run(fixture: Fixture, skip?: readonly string[]): Run {
  const made: string[] = [];
  const options: MigrateOptions = { ...fixture.options, ...(skip ? { skip } : {}), onChange: (name) => made.push(name) };
  const result = migrateSource(fs.readFileSync(fixture.inputPath, "utf8"), fixture.inputPath, options);
  if (result.status === "failed") throw new Error(`${fixture.name}: ${result.error}`);
  return { output: result.output, findings: result.findings, made: made.sort() };
}

/** Each fixture's variants: every change left alone, and every change made alone. */
const variants = fixtures.flatMap((fixture) => {
  const all = run(fixture);
  return all.made.flatMap((name, index) => {
    const others = all.made.filter((other) => other !== name);
    return [
      { fixture, name, index, kind: "left", skip: [name], expected: others },
      { fixture, name, index, kind: "alone", skip: others, expected: [name] },
    ];
  });
});

describe("changes of the fixtures, made or left one by one", () => {
  it("names are the same with the hook as the plain run's output, and some fixtures have several", () => {
    for (const fixture of fixtures) {
      const plain = migrateSource(fs.readFileSync(fixture.inputPath, "utf8"), fixture.inputPath, fixture.options);
      expect(run(fixture).output, fixture.name).toBe(plain.status === "failed" ? undefined : plain.output);
    }
    expect(variants.filter((variant) => variant.index === 1).length).toBeGreaterThan(20);
  });

  it("leaving some changes makes exactly the others, reports the ones left, and parses", () => {
    expect(variants.length).toBeGreaterThan(100);
    for (const variant of variants) {
      const label = `${variant.fixture.name}: ${variant.kind} ${variant.name}`;
      const result = run(variant.fixture, variant.skip);
      expect(result.made, label).toEqual(variant.expected);
      const left = result.findings.filter((finding) => finding.kind === "manual" && finding.reason === "interactive-skipped");
      expect(left.length, label).toBe(variant.skip.length);
      expect(() => parseSource(result.output.replace(/^\uFEFF/, ""), variant.fixture.inputPath), label).not.toThrow();
    }
  });

  describe("TypeScript", () => {
    let dir: string;
    const written = new Map<string, string>();
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "ddclient-change-groups-"));
      // The client packages resolve from the copies as from the fixtures.
      fs.symlinkSync(path.resolve(import.meta.dirname, "../../node_modules"), path.join(dir, "node_modules"), "dir");
      for (const [index, variant] of variants.entries()) {
        if (!isTypeScript(variant.fixture.extension)) continue;
        const group = path.join(dir, variant.fixture.name.split("/")[0]!);
        // The modules a fixture imports from its folder (`./lib/client`) sit beside it.
        if (!fs.existsSync(group)) fs.cpSync(path.dirname(variant.fixture.inputPath), group, { recursive: true, filter: (from) => !/\.(?:input|output|findings|options)\./.test(from) });
        const file = path.join(group, `${path.basename(variant.fixture.inputPath).replace(/\.input\.[a-z]+$/, "")}.v${index}.${variant.fixture.extension}`);
        fs.writeFileSync(file, run(variant.fixture, variant.skip).output);
        written.set(file, `${variant.fixture.name}: ${variant.kind} ${variant.name}`);
      }
    }, SLOW_IO_TIMEOUT);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }), IO_TIMEOUT);

    it("every file with some changes left typechecks under strict", () => {
      expect(written.size).toBeGreaterThan(100);
      const diagnostics = typecheck([...written.keys()]);
      const failing = [...diagnostics].flatMap(([file, found]) => (found.length ? [`${written.get(file)}\n  ${found.join("\n  ")}`] : []));
      expect(failing).toEqual([]);
    }, SLOW_IO_TIMEOUT);
  });
});
