/**
 * No silent leftovers in the fixtures: every v0 use (read by the TypeScript parser, not the
 * engine: calls, and the member read, bound, tested or taken apart) in an input has a finding
 * from the codemod and a message from `no-deprecated-api` at its first v0 segment (for a member
 * taken into a local, at one of the local's references), and every one left in an output is seen by the lint rule and counted
 * among the report's manual findings. Markup fixtures are checked in their `<script>` blocks,
 * against the codemod's report (ESLint does not read .vue/.svelte/.html without a parser).
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { markupKindOf } from "../../transforms/embedded.js";
import { scanMarkup } from "../../transforms/lib/embedded-scan.js";
import { migrateSource } from "../../transforms/migrate.js";
import { lint } from "../eslint-plugin/helpers.js";
import { listFixtures } from "../support/fixtures.js";
import { findV0Uses, parseForV0Calls, type V0Use } from "../support/v0-calls.js";

const RULE = "ddclient-migrate/no-deprecated-api";

/**
 * Calls (by source text) the detector reads as v0 that are provably not the client's, each
 * shown by its fixture as left alone on purpose: a local object, a shadowed `window`/`ddClient`,
 * a project module's plain object, a value typed with a project's class, a function returning a
 * plain object, a parameter's pattern every caller passes one.
 */
const NOT_THE_CLIENT: Record<string, readonly string[]> = {
  "backend-service/no-change-local-object": ['api.backend.get("/x")', 'api.backend.post("/y", {})', 'api.execHostCmd("ls -l")'],
  "backend-service/no-change-shadowed": ['window.ddClient.backend.get("/x")', 'ddClient.backend.get("/y")'],
  "clients/class-field-assigned": ['this.ddClient.execHostCmd("kubectl get pods")'],
  "clients/import-provenance": ['ddClient.execHostCmd("kubectl version")', 'ddClient.toastError("offline")', 'ddClient.backend.get("/status")', 'useDDClient().toastError("offline hook")'],
  "clients/no-change-lookalike-array-element": ["navigateToContainer: open"],
  "clients/no-change-lookalike-functions": ['legacyClient.navigateToContainerInspect("c1")', 'client.execHostCmd("ps -a")', 'client.backend.get("/status")', 'dd.createDockerDesktopClient().execHostCmd("ls -l")'],
  "clients/no-change-lookalike-imported-factory": ['client.navigateToContainerStats("c1")', 'withLegacyApi(window.ddClient).execHostCmd("ls -l")', 'compat.createCompatClient().execHostCmd("ps")'],
  "clients/no-change-lookalike-parameter-pattern": ["navigateToContainerInspect: run", "{ get }", "execHostCmd"],
  "clients/no-change-project-typed": ['ddClient.execHostCmd("kubectl version")', 'ddClient.toastError("failed")', 'client.execHostCmd("ls -l")', 'client.toastError("again")'],
  "clients/parameters": ['ddClient.execHostCmd("tool --offline")'],
};

/** The v0 uses of a file, at file positions: a markup file's script blocks are read one by one. */
function v0CallsOf(text: string, filePath: string): V0Use[] {
  const kind = markupKindOf(filePath);
  if (!kind) return findV0Uses(parseForV0Calls(text.replace(/^\uFEFF/, ""), filePath));
  return scanMarkup(text, kind).flatMap((region) => {
    if (region.kind !== "script") return [];
    const before = text.slice(0, region.start).split("\n");
    const lineOffset = before.length - 1;
    const columnOffset = before[before.length - 1]!.length;
    const shift = (at: { line: number; column: number }) => ({ line: at.line + lineOffset, column: at.line === 1 ? at.column + columnOffset : at.column });
    return findV0Uses(parseForV0Calls(text.slice(region.start, region.end), `${filePath}.${region.lang}`)).map((use) => ({
      ...use,
      ...shift(use),
      alternatives: use.alternatives.map(shift),
    }));
  });
}

const where = (at: { line: number; column: number }): string => `${at.line}:${at.column}`;

describe("every v0 call in the fixtures is migrated or reported", () => {
  for (const fixture of listFixtures()) {
    const input = fs.readFileSync(fixture.inputPath, "utf8");
    const output = fixture.outputPath ? fs.readFileSync(fixture.outputPath, "utf8") : input;
    const markup = markupKindOf(fixture.inputPath) !== undefined;
    const notTheClient = new Set(NOT_THE_CLIENT[fixture.name] ?? []);
    const isClientCall = (call: V0Use): boolean => !notTheClient.has(call.text);

    it(`${fixture.name}: each input call has a finding and a lint message`, () => {
      const result = migrateSource(input, fixture.inputPath, fixture.options);
      const calls = v0CallsOf(input, fixture.inputPath).filter(isClientCall);
      const unmatched = result.findings.map((finding) => `${finding.member} ${where(finding.at)}`);
      const take = (key: string): boolean => unmatched.includes(key) && unmatched.splice(unmatched.indexOf(key), 1).length > 0;
      const misplaced = calls.filter((call) => ![call, ...call.alternatives].some((at) => take(`${call.member} ${where(at)}`)));
      // A finding of the member elsewhere: the call is reported, at the wrong place.
      const wrong = misplaced.map((call) => {
        const elsewhere = unmatched.findIndex((key) => key.startsWith(`${call.member} `));
        if (elsewhere < 0) return `${call.member} ${where(call)}: no finding`;
        unmatched.splice(elsewhere, 1);
        return `${call.member} ${where(call)}: its finding points elsewhere`;
      });
      expect(wrong).toEqual([]);
      if (markup) return;
      const messages = new Set(lint(input, fixture.inputPath, { [RULE]: "warn" }).map((m) => `${m.ruleId} ${where(m)}`));
      expect(calls.filter((call) => ![call, ...call.alternatives].some((at) => messages.has(`${RULE} ${where(at)}`))).map((call) => `${call.member} ${where(call)}`)).toEqual([]);
    });

    it(`${fixture.name}: each call left in the output is reported`, () => {
      const left = v0CallsOf(output, fixture.outputPath ?? fixture.inputPath).filter(isClientCall);
      const findings = migrateSource(input, fixture.inputPath, fixture.options).findings;
      const unreported = [...new Set(left.map((call) => call.member))].flatMap((member) => {
        const count = left.filter((call) => call.member === member).length;
        const manual = findings.filter((finding) => finding.kind === "manual" && finding.member === member).length;
        return count > manual ? [`${count} ${member} left, ${manual} reported`] : [];
      });
      expect(unreported).toEqual([]);
      if (markup) return;
      const messages = new Set(lint(output, fixture.outputPath ?? fixture.inputPath, { [RULE]: "warn" }).map((m) => `${m.ruleId} ${where(m)}`));
      expect(left.filter((call) => !messages.has(`${RULE} ${where(call)}`)).map((call) => `${call.member} ${where(call)}`)).toEqual([]);
    });
  }
});
