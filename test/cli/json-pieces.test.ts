/**
 * The report's JSON written in pieces is JSON.stringify's, byte for byte: on the reports of real
 * runs, and along JSON's grammar (every kind of value at the top level, in its arrays and deeper,
 * members JSON leaves out, empty containers, strings with line breaks and non-ASCII).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { jsonPieces } from "../../cli/json-pieces.js";
import { buildReport } from "../../cli/report.js";
import { runMigration } from "../../cli/run.js";
import { SLOW_IO_TIMEOUT } from "../support/timeouts.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/legacy-extension/src", import.meta.url));
const joined = (value: object, size?: number): string => [...jsonPieces(value, size)].join("");
const expected = (value: object): string => JSON.stringify(value, null, 2) + "\n";

/** Values of every JSON kind and of the kinds JSON.stringify leaves out or turns into null. */
const LEAVES: unknown[] = [null, 0, -1.5, 1e21, true, false, "", "a\nb\r\n\tc", 'quote " and \\ back', "é ✓ 𝄞", undefined, () => 1, Symbol("s"), new Date(0), Number.NaN];
const NESTED: unknown[] = [[], {}, [1, [2, []], { a: [] }], { a: { b: { c: "d\ne" } }, u: undefined }, [undefined, () => 1, Symbol("s")], LEAVES];

describe("jsonPieces", () => {
  it.each([...LEAVES, ...NESTED].map((value, index) => [index, value] as const))("writes value %i at the top level, in an array and deeper as JSON.stringify does", (_index, value) => {
    for (const report of [{ value }, { list: [value] }, { list: [value, value], after: value }, { deep: { list: [value] } }, { first: value, list: [{ value }, [value]] }]) {
      expect(joined(report)).toBe(expected(report));
      expect(joined(report, 1)).toBe(expected(report));
    }
  });

  it("writes an empty report, one with only members JSON leaves out, an array and a value with toJSON whole", () => {
    for (const report of [{}, { a: undefined, b: () => 1 }, [1, { a: 2 }], new Date(0), { toJSON: () => ({ x: 1 }) }]) expect(joined(report)).toBe(expected(report));
  });

  it("gives pieces of about the size asked for", () => {
    const report = { files: Array.from({ length: 2000 }, (_, index) => ({ path: `src/${index}.ts`, diff: "-a\n+b\n".repeat(20) })) };
    const pieces = [...jsonPieces(report)];
    expect(pieces.join("")).toBe(expected(report));
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(1 << 16);
  });

  it(
    "writes the reports of a dry run and a check run over the example as JSON.stringify does",
    async () => {
      for (const mode of ["dry", "check"] as const) {
        const summary = await runMigration({ paths: [EXAMPLE], mode, cwd: path.dirname(EXAMPLE), allowDirty: true });
        const report = buildReport(summary);
        expect(report.files.length).toBeGreaterThan(10);
        expect(joined(report)).toBe(expected(report));
        expect(joined(report, 100)).toBe(expected(report));
      }
    },
    SLOW_IO_TIMEOUT,
  );
});
