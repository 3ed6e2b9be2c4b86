/**
 * The lint rule and the codemod are one rewrite (core/plan-call-site). Over every codemod
 * fixture, with the real ESLint `Linter`:
 *  1. on the input, `no-deprecated-api` reports exactly the codemod's findings: same position,
 *     the messageId and message of that finding, a fix where it migrates with nothing to
 *     review, one suggestion where it migrates with review entries, neither where it is manual;
 *  2. `--fix` (fixes until stable) writes the codemod's output byte for byte when no finding
 *     needs review; fixes plus every suggestion accepted write it for every fixture;
 *  3. on the codemod's expected output, the rule reports exactly the `.findings.txt` lines
 *     marked manual, and nothing else.
 */
import fs from "node:fs";
import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { applyEdits, changesBehaviour, type Finding } from "../../core/report.js";
import noDeprecatedApi, { reportOf } from "../../eslint-plugin/rules/no-deprecated-api.js";
import { migrateSource } from "../../transforms/migrate.js";
import { listFixtures } from "../support/fixtures.js";
import { lint, lintAndFix, linterConfig } from "./helpers.js";

/**
 * Codemod options the rule has too (`clientModules`: the lint rule reads the same modules from
 * disk). A fixture run with others (`client: "import"`, a codemod-only rewrite) is checked for
 * the same call sites and kinds only, since its text differs.
 */
const SHARED_OPTIONS = new Set(["rawArgs", "clientModules"]);
const BOM = "\uFEFF";

function messageText(finding: Finding): { messageId: string; message: string } {
  const { messageId, data } = reportOf(finding);
  const template = (noDeprecatedApi.meta.messages as Record<string, string>)[messageId]!;
  return { messageId, message: template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => data[key] ?? "") };
}

/** Fixes and first suggestions applied, pass after pass, as a user accepting each would. */
function acceptAll(source: string, filename: string, RULES: Linter.RulesRecord): string {
  const bom = source.startsWith(BOM) ? BOM : "";
  let text = source.slice(bom.length);
  for (let pass = 0; pass < 10; pass++) {
    const messages = new Linter().verify(text, linterConfig(RULES), { filename });
    const fixes = messages.flatMap((m) => (m.fix ? [m.fix] : m.suggestions?.[0] ? [m.suggestions[0].fix] : [])).sort((a, b) => a.range[0] - b.range[0]);
    const kept: typeof fixes = [];
    for (const fix of fixes) if (!kept.some((k) => fix.range[0] < k.range[1] && k.range[0] < fix.range[1])) kept.push(fix);
    if (kept.length === 0) break;
    text = applyEdits(text, kept.map((fix) => ({ start: fix.range[0], end: fix.range[1], text: fix.text })));
  }
  return bom + text;
}

const MANUAL_LINE = /^(\d+):(\d+) manual (\S+) (\S+)/;

describe("lint rule and codemod parity", () => {
  // ESLint parses script files; Vue, Svelte and HTML fixtures are the codemod's (transforms/embedded).
  for (const fixture of listFixtures().filter((f) => /^[mc]?[jt]sx?$/.test(f.extension))) {
    const options = fixture.options;
    if (!Object.keys(options).every((key) => SHARED_OPTIONS.has(key))) {
      it(`${fixture.name} (codemod-only options): reports the codemod's call sites, migrated or manual alike`, () => {
        const input = fs.readFileSync(fixture.inputPath, "utf8");
        const findings = migrateSource(input, fixture.inputPath, options).findings;
        const messages = lint(input, fixture.inputPath, { "ddclient-migrate/no-deprecated-api": "error" });
        const kind = (m: Linter.LintMessage): string => (m.fix || m.suggestions?.length ? "migrated" : "manual");
        // A hand-written typing migrates only with the project's calls in view (the CLI's `typing`
        // option): a lint rule sees one file, so it reports the typing instead.
        const expectedKind = (f: Finding): string => (options.typing && f.member === "ddClient" ? "manual" : f.kind);
        expect(messages.map((m) => `${m.line}:${m.column} ${kind(m)}`)).toEqual(findings.map((f) => `${f.at.line}:${f.at.column} ${expectedKind(f)}`));
      });
      continue;
    }
    describe(fixture.name, () => {
      const RULES: Linter.RulesRecord = { "ddclient-migrate/no-deprecated-api": ["error", { rawArgs: options.rawArgs === true }] };
      const input = fs.readFileSync(fixture.inputPath, "utf8");
      const expected = fixture.outputPath ? fs.readFileSync(fixture.outputPath, "utf8") : input;
      const result = migrateSource(input, fixture.inputPath, options);
      const findings = result.findings;
      const needsReview = findings.some((f) => changesBehaviour(f));

      it("reports the codemod's findings, with a fix, a suggestion or neither", () => {
        const messages = lint(input, fixture.inputPath, RULES);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        // A site nested in another's rewrite (a v0 call inside a spawn callback) is rewritten by
        // a later pass of the codemod, which reports it where it stands in that pass's text.
        const rangeOf = (m: Linter.LintMessage): [number, number] | undefined => (m.fix ?? m.suggestions?.[0]?.fix)?.range;
        const nested = (m: Linter.LintMessage): boolean => {
          const inner = rangeOf(m);
          return inner !== undefined && messages.some((o) => o !== m && rangeOf(o) !== undefined && rangeOf(o)![0] <= inner[0] && inner[1] <= rangeOf(o)![1]);
        };
        const actual = messages.map((m) => ({ at: nested(m) ? "nested" : `${m.line}:${m.column}`, messageId: m.messageId, message: m.message, fix: Boolean(m.fix), suggestions: m.suggestions?.length ?? 0 }));
        const positions = new Set(actual.map((m) => m.at));
        const wanted = findings.map((f) => ({
          at: positions.has(`${f.at.line}:${f.at.column}`) ? `${f.at.line}:${f.at.column}` : "nested",
          ...messageText(f),
          fix: f.kind === "migrated" && !changesBehaviour(f),
          suggestions: changesBehaviour(f) ? 1 : 0,
        }));
        const order = (a: { at: string; message: string }, b: { at: string; message: string }): number => a.at.localeCompare(b.at) || a.message.localeCompare(b.message);
        expect(actual.sort(order)).toEqual(wanted.sort(order));
      });

      if (!needsReview) {
        it("--fix writes the codemod's output byte for byte", () => {
          const fixed = lintAndFix(input, fixture.inputPath, RULES);
          expect(fixed.output).toBe(expected);
          expect(fixed.fixed).toBe(expected !== input);
        });
      }

      it("fixes and accepted suggestions write the codemod's output byte for byte", () => {
        expect(acceptAll(input, fixture.inputPath, RULES)).toBe(expected);
      });

      it("on the codemod's output, reports only the findings left for manual work", () => {
        const listed = fixture.findingsPath ? fs.readFileSync(fixture.findingsPath, "utf8").split("\n") : [];
        const manual = listed.flatMap((line) => {
          const match = MANUAL_LINE.exec(line);
          return match ? [`${match[3]} ${reportOf({ kind: "manual", member: match[3]!, at: { line: 0, column: 0 }, reason: match[4] as never, data: {} }).messageId}`] : [];
        });
        const messages = lint(expected, fixture.inputPath, RULES);
        expect(messages.filter((m) => m.fatal)).toEqual([]);
        const reported = messages.map((m) => `${/^`([^`]+)`/.exec(m.message)![1]} ${m.messageId}`);
        expect(reported.sort()).toEqual(manual.sort());
      });
    });
  }
});
