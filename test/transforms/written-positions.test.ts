/**
 * Issue 17 (1): a report's positions are where the finding stands in the file as written.
 * Every finding of every fixture and of a generated batch, with `positions: "output"`, is
 * looked up in the output: a call left there starts with its first v0 segment, a migrated
 * call with the first segment of its v1 replacement, a typing with its `ddClient` key.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { lineStarts, offsetAt } from "../../core/edit-positions.js";
import type { Finding } from "../../core/report.js";
import { replacementOf } from "../../deprecations/messages.js";
import { migrateSource } from "../../transforms/migrate.js";
import { fileNameOf, generateProgram, renderProgram } from "../generated/program-generator.js";
import { listFixtures } from "../support/fixtures.js";

const COUNT = Number(process.env.DDCM_GENERATED_PROGRAMS ?? 40);
const SEED = Number(process.env.DDCM_SEED ?? 20261130);

/**
 * What a finding's position must open on in a file as written. A migrated call's replacement
 * may start with its receiver (`backend.get` taken off the client becomes
 * `window.ddClient.extension.vm.service.get`), and a piece of markup is reported at its start
 * (`() => void window.ddClient.…`): both may stand before the expected segment.
 */
function expectedAt(finding: Finding): RegExp {
  const segment = finding.kind === "migrated" && finding.member !== "ddClient" ? replacementOf(finding.member).split(".")[0]! : finding.member.split(".")[0]!;
  // The closing sweep reports a use where its member is named: a string key (`["execHostCmd"]`,
  // `"backend" in c`), or the constant or local that holds it (`c[EXEC]`, `service[\`get\`]`,
  // a spread copy of backend `copy.delete`).
  const method = finding.member.split(".")[1];
  const held = method ? `|[\\w$]+\\s*[?!]?\\.\\s*${method}\\b` : "";
  if (finding.kind === "manual" && finding.data.form !== undefined) return new RegExp(`^(?:\\(\\)\\s*=>\\s*)?(?:["'\`]${segment}["'\`]|${segment}\\b|[\\w$]+\\s*[\\[\\]]${held})`);
  return new RegExp(`^(?:\\(\\)\\s*=>\\s*)?(?:void\\s+)?(?:[\\w$]+(?:\\(\\))?[?!]?\\s*\\.\\s*)*?${segment}\\b`);
}

function check(name: string, source: string, filePath: string, options: Record<string, unknown>): string[] {
  const result = migrateSource(source, filePath, { ...options, positions: "output" });
  if (result.status === "failed") return [];
  const output = result.output.replace(/^\uFEFF/, "");
  const starts = lineStarts(output);
  const wrong: string[] = [];
  for (const finding of result.findings) {
    // A wrapper's callers in this file, listed by place: each opens on the wrapper's name where it is called or passed (`run(…)`, `.map(run)`).
    const notes = finding.kind === "migrated" ? finding.review.map((review) => review.data) : [finding.data];
    for (const place of notes.flatMap((data) => [...(data.callers ?? "").matchAll(/(?<![\w./:-])(\d+):(\d+)(?![\d:])/g)])) {
      const offset = offsetAt(starts, { line: Number(place[1]), column: Number(place[2]) });
      const there = output.slice(offset, offset + 60);
      if (!/^[\w$.]+\s*[(),;\]]/.test(there)) wrong.push(`${name} caller at ${place[0]} of ${finding.member}: found ${JSON.stringify(there)}`);
    }
    const offset = offsetAt(starts, finding.at);
    const there = output.slice(offset, offset + 80);
    const expected = expectedAt(finding);
    if (!expected.test(there)) wrong.push(`${name} ${finding.at.line}:${finding.at.column} ${finding.kind} ${finding.member}: expected ${expected.source}, found ${JSON.stringify(there)}`);
  }
  return wrong;
}

describe("positions in the file as written", () => {
  it("every fixture's findings open on their call in the output", () => {
    const wrong = listFixtures().flatMap((fixture) => check(fixture.name, fs.readFileSync(fixture.inputPath, "utf8"), fixture.inputPath, fixture.options));
    expect(wrong).toEqual([]);
  });

  it("every generated program's findings open on their call in the output", () => {
    const wrong = Array.from({ length: COUNT }, (_, index) => generateProgram(SEED, index)).flatMap((program) =>
      check(fileNameOf(program), renderProgram(program), `/tmp/${fileNameOf(program)}`, {}),
    );
    expect(wrong).toEqual([]);
  });
});
