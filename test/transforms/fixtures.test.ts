/**
 * Every fixture, four ways: byte-exact output, idempotent on a second run, output parses,
 * and (TypeScript) output typechecks under `strict` wherever the input did.
 */
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { DEPRECATIONS } from "../../deprecations/table.js";
import { TRANSFORMS } from "../../transforms/index.js";
import { migrateSource } from "../../transforms/migrate.js";
import { parseProgram as parseSource } from "../../transforms/parse.js";
import { formatFindings, listFixtures, parseTargets } from "../support/fixtures.js";
import { typecheck } from "../support/typecheck.js";
import { SLOW_IO_TIMEOUT } from "../support/timeouts.js";

const fixtures = listFixtures();
const isTypeScript = (extension: string): boolean => /^[mc]?tsx?$/.test(extension);

describe("codemod fixtures", () => {
  let diagnostics: Map<string, string[]>;
  beforeAll(() => {
    const files = fixtures.filter((f) => isTypeScript(f.extension)).flatMap((f) => [f.inputPath, ...(f.outputPath ? [f.outputPath] : [])]);
    diagnostics = typecheck(files);
  }, SLOW_IO_TIMEOUT);

  it("has fixtures for every transform", () => {
    const groups = new Set(fixtures.map((f) => f.name.split("/")[0]));
    for (const transform of TRANSFORMS) expect(groups).toContain(transform.meta.id);
    expect(fixtures.length).toBeGreaterThan(20);
  });

  // The table is the to-do list: each row's rewrite (or report, for rows v1 has no counterpart of)
  // must be shown by a fixture, so adding a row without one fails here.
  it("migrates every table row in some fixture, and reports every row without a v1 counterpart", () => {
    const seen = new Map<string, Set<string>>();
    for (const fixture of fixtures) {
      const result = migrateSource(fs.readFileSync(fixture.inputPath, "utf8"), fixture.inputPath, fixture.options);
      for (const finding of result.findings) {
        const kinds = seen.get(finding.member) ?? new Set<string>();
        kinds.add(finding.kind === "manual" ? finding.reason : "migrated");
        seen.set(finding.member, kinds);
      }
    }
    for (const row of DEPRECATIONS) {
      expect({ row: row.id, seen: [...(seen.get(row.id) ?? [])] }).toEqual({
        row: row.id,
        seen: expect.arrayContaining([row.kind === "no-counterpart" ? "no-v1-counterpart" : "migrated"]),
      });
    }
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const input = fs.readFileSync(fixture.inputPath, "utf8");
      const expected = fixture.outputPath ? fs.readFileSync(fixture.outputPath, "utf8") : input;
      const result = migrateSource(input, fixture.inputPath, fixture.options);

      it("produces the expected output, byte for byte", () => {
        expect(result.status).not.toBe("failed");
        if (result.status === "failed") return;
        expect(result.output).toBe(expected);
        expect(result.status).toBe(fixture.outputPath && expected !== input ? "changed" : "unchanged");
      });

      if (fixture.findingsPath) {
        it("reports the expected findings", () => {
          expect(formatFindings(result.findings)).toBe(fs.readFileSync(fixture.findingsPath!, "utf8").trimEnd());
        });
      }

      it("is idempotent", () => {
        const again = migrateSource(expected, fixture.inputPath, fixture.options);
        expect(again.status).toBe("unchanged");
      });

      it("output parses", () => {
        for (const target of parseTargets(expected, fixture.inputPath)) expect(() => parseSource(target.text, target.path)).not.toThrow();
      });

      if (isTypeScript(fixture.extension)) {
        it("typechecks under strict (input and output)", () => {
          expect(diagnostics.get(fixture.inputPath)).toEqual([]);
          if (fixture.outputPath) expect(diagnostics.get(fixture.outputPath)).toEqual([]);
        });
      }
    });
  }
});
