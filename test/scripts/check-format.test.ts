/** The repository's format check (scripts/check-format.mjs, run by `npm run lint`). */
import { describe, expect, it } from "vitest";
import { formatProblems } from "../../scripts/check-format.mjs";

describe("format check", () => {
  it("accepts LF lines with a final newline", () => {
    expect(formatProblems("const a = 1;\n\nexport { a };\n")).toEqual([]);
    expect(formatProblems("")).toEqual([]);
  });

  it("names each problem with its line", () => {
    expect(formatProblems("a;  \nb;\r\n\tc;\nd;")).toEqual(["end: no final newline", "1: trailing whitespace", "2: CRLF line end", "3: tab"]);
  });
});
