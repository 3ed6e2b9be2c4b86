/**
 * A word the codemod could only migrate host-dependently (its `host-dependent-word` note) stays
 * a problem after the migration: over every script fixture, `exec-args-array` reports the
 * migrated output at each such word's element, so `check` and `eslint --max-warnings 0` never
 * pass a call whose meaning still depends on the host.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { splitPlainCommandLine } from "../../core/split-command-line.js";
import { migrateSource } from "../../transforms/migrate.js";
import { listFixtures } from "../support/fixtures.js";
import { lint } from "./helpers.js";

const RULES = { "ddclient-migrate/exec-args-array": "error" } as const;

/** The value of the string literal at a message's range, or undefined when it is no plain literal. */
function literalAt(text: string, message: { line: number; column: number; endLine?: number; endColumn?: number }): string | undefined {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)];
  const slice = text.slice(starts[message.line - 1]! + message.column - 1, starts[(message.endLine ?? message.line) - 1]! + (message.endColumn ?? message.column) - 1);
  if (!/^(["'])[\s\S]*\1$|^`[^`$]*`$/.test(slice)) return undefined;
  return new Function(`return ${slice};`)() as string;
}

/** The element the codemod wrote for a word: its quoted text, or with --raw-args its shell value. */
function emittedValue(data: Record<string, string>): string {
  if (data.emitted !== "raw") return data.word!;
  const split = splitPlainCommandLine(data.word!);
  return split.ok && split.words.length === 1 ? split.words[0]! : data.word!;
}

describe("every host-dependent word the codemod writes has an exec-args-array finding after migration", () => {
  const fixtures = listFixtures().filter((fixture) => /^[mc]?[jt]sx?$/.test(fixture.extension));
  let notes = 0;
  for (const fixture of fixtures) {
    const input = fs.readFileSync(fixture.inputPath, "utf8");
    const result = migrateSource(input, fixture.inputPath, fixture.options);
    const words = result.findings.flatMap((finding) =>
      finding.kind === "migrated" ? finding.review.filter((review) => review.reason === "host-dependent-word").map((review) => emittedValue(review.data as Record<string, string>)) : [],
    );
    // Words built with a run-time value (`"${id}"`) have no one literal value: their template is checked by the rule's tests.
    const literalWords = words.filter((word) => !word.includes("${"));
    if (literalWords.length === 0) continue;
    notes += literalWords.length;
    it(fixture.name, () => {
      expect(result.status).not.toBe("failed");
      const output = (result.status === "failed" ? "" : result.output).replace(/^\uFEFF/, "");
      const found = lint(output, fixture.inputPath, RULES).map((message) => literalAt(output, message));
      for (const word of literalWords) {
        const at = found.indexOf(word);
        expect(at, `no exec-args-array finding at the element ${JSON.stringify(word)} in the migrated ${fixture.name}`).toBeGreaterThanOrEqual(0);
        found.splice(at, 1);
      }
    });
  }
  it("covers fixtures with such words", () => {
    expect(notes).toBeGreaterThan(5);
  });
});
